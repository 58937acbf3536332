#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace bench {

// Seeded randomness that gives the same data on every platform: the
// mt19937_64 engine is fully specified by the C++ standard, but the std
// distributions are not (libstdc++ and libc++ differ), so every
// distribution here is written out.
class Random {
 public:
  explicit Random(std::uint64_t seed) : m_engine(seed) {}

  // A whole number in [0, n), without modulo bias; n > 0.
  std::uint64_t below(std::uint64_t n);
  // A whole number in [lo, hi].
  long long between(long long lo, long long hi);
  // A number in [0, 1) with 53 random bits.
  double unit();
  // True with probability `p`.
  bool chance(double p) { return unit() < p; }
  // Index chosen with the given relative weights.
  std::size_t weighted(const std::vector<double>& weights);

  template <class T>
  const T& pick(const std::vector<T>& items) {
    return items[below(items.size())];
  }

  // Twelve characters of crm's ID alphabet (Crockford base 32), 60 bits.
  std::string id_body();

 private:
  std::mt19937_64 m_engine;
};

}  // namespace bench
