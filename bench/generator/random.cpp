#include "random.hpp"

namespace bench {

std::uint64_t Random::below(std::uint64_t n) {
  // Reject the top partial block of 2^64 so every residue is equally likely.
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  std::uint64_t x;
  do {
    x = m_engine();
  } while (x >= limit);
  return x % n;
}

long long Random::between(long long lo, long long hi) {
  return lo + static_cast<long long>(below(static_cast<std::uint64_t>(hi - lo) + 1));
}

double Random::unit() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }

std::size_t Random::weighted(const std::vector<double>& weights) {
  double total = 0;
  for (double w : weights) {
    total += w;
  }
  double x = unit() * total;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (x < weights[i]) {
      return i;
    }
    x -= weights[i];
  }
  return weights.size() - 1;
}

std::string Random::id_body() {
  static const char k_alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // as core/ids.cpp
  std::uint64_t bits = m_engine();
  std::string body;
  for (int i = 0; i < 12; ++i) {
    body += k_alphabet[bits & 31u];
    bits >>= 5;
  }
  return body;
}

}  // namespace bench
