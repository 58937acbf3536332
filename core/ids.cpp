#include "ids.hpp"

#include <cctype>
#include <random>

namespace crm {
namespace {
constexpr char k_alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
}

std::string random_id_body() {
  // random_device reads the kernel's entropy pool (getrandom) on Linux, so
  // separate processes and clones draw independent values.
  std::random_device device;
  std::string body;
  while (body.size() < k_id_body_length) {
    unsigned int bits = device();
    for (int i = 0; i < 6 && body.size() < k_id_body_length; ++i) {
      body += k_alphabet[bits & 31u];
      bits >>= 5;
    }
  }
  return body;
}

std::string normalize_id_body(const std::string& text) {
  std::string out;
  for (char ch : text) {
    char c = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (c == 'O') {
      c = '0';
    } else if (c == 'I' || c == 'L') {
      c = '1';
    }
    bool ok = false;
    for (const char* a = k_alphabet; *a; ++a) {
      ok = ok || *a == c;
    }
    if (!ok) {
      return "";
    }
    out += c;
  }
  return out;
}

bool is_slug(const std::string& text) {
  if (text.empty() || text.size() > 64) {
    return false;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum && (i == 0 || (c != '-' && c != '_' && c != '.'))) {
      return false;
    }
  }
  return true;
}

}  // namespace crm
