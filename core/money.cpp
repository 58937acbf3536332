#include "money.hpp"

namespace crm {

std::optional<long long> parse_money(const std::string& text) {
  auto dot = text.find('.');
  std::string whole = text.substr(0, dot);
  std::string part = dot == std::string::npos ? "" : text.substr(dot + 1);
  auto digits = [](const std::string& s) { return s.find_first_not_of("0123456789") == std::string::npos; };
  if (whole.empty() || whole.size() > 13 || !digits(whole) || !digits(part) || part.size() > 2 ||
      (dot != std::string::npos && part.empty())) {
    return std::nullopt;
  }
  while (part.size() < 2) {
    part += '0';
  }
  return std::stoll(whole) * 100 + std::stoll(part);
}

std::string format_money(long long cents) {
  std::string sign = cents < 0 ? "-" : "";
  unsigned long long abs = cents < 0 ? 0ULL - static_cast<unsigned long long>(cents) : static_cast<unsigned long long>(cents);
  std::string frac = std::to_string(abs % 100);
  return sign + std::to_string(abs / 100) + "." + (frac.size() < 2 ? "0" : "") + frac;
}

long long percent_of(long long cents, long long percent) {
  long long product = cents * percent;
  return product >= 0 ? (product + 50) / 100 : -((-product + 50) / 100);
}

bool is_currency_code(const std::string& text) {
  return text.size() == 3 && text.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string::npos;
}

}  // namespace crm
