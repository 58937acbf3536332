#pragma once

#include <optional>
#include <string>

namespace crm {

// Amounts of money are stored as decimal text ("1200.50") and computed in
// integer cents, never in floating point.

// The cents `text` stands for: digits with at most two decimals ("1200",
// "1200.5", "1200.50"), 0 or more, below 10^15; nullopt otherwise.
std::optional<long long> parse_money(const std::string& text);

// `cents` as stored and shown: "1200.50", "-3.05".
std::string format_money(long long cents);

// `cents` × `percent` / 100, rounded half away from zero to whole cents.
long long percent_of(long long cents, long long percent);

// True for a currency code: three upper-case ASCII letters ("EUR").
bool is_currency_code(const std::string& text);

}  // namespace crm
