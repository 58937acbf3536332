#pragma once

#include "random.hpp"
#include "timestamp.hpp"

namespace bench {

constexpr long long k_minute = 60;
constexpr long long k_hour = 60 * k_minute;
constexpr long long k_day = 24 * k_hour;

// `t` plus `seconds`.
inline crm::Timestamp after(crm::Timestamp t, long long seconds) { return t + std::chrono::seconds(seconds); }

// A moment in [from, to] moved into office hours (a weekday, 08:00-17:00
// Chicago standard time) when that keeps it within the range: people log
// calls and open cases at work.
crm::Timestamp working_moment(Random& random, crm::Timestamp from, crm::Timestamp to);

}  // namespace bench
