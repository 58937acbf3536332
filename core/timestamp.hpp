#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace date {
class time_zone;
}

namespace crm {

// A moment, in whole seconds since the Unix epoch (UTC).
using Timestamp = std::chrono::time_point<std::chrono::system_clock, std::chrono::seconds>;

using TimeZone = const date::time_zone*;

// The wall clock, truncated to seconds.
Timestamp system_now();

// The stored form: "2026-11-23T09:30:00Z".
std::string format_utc(Timestamp t);
// Reads the stored form (also accepts an offset such as +01:00); nullopt if malformed.
std::optional<Timestamp> parse_stored_time(const std::string& text);

// An IANA zone by name ("Europe/Oslo", "UTC"); throws a usage error if unknown.
TimeZone find_zone(const std::string& name);
// The zone to show times in when none is configured: $TZ, else the system's, else UTC.
TimeZone default_zone();

// "2026-11-23 10:30" in `zone`.
std::string format_local(Timestamp t, TimeZone zone);
// "2026-11-23" in `zone`.
std::string format_local_date(Timestamp t, TimeZone zone);

// Reads a time typed by a user, relative to `now`; throws a usage error if malformed:
//   2026-11-23T09:30:00Z, 2026-11-23T10:30+01:00   exact moments
//   2026-11-23 10:30, 2026-11-23T10:30, 2026-11-23  local to `zone` (a date is its midnight)
//   now, today, yesterday, tomorrow                 (days start at local midnight)
//   -2h, +3d, 90m, 2w ago                           relative to `now`
Timestamp parse_user_time(const std::string& text, Timestamp now, TimeZone zone);

// A span such as "1h30m", "2d", "1w", "45s": counts per unit as written.
// How a day or week is counted (wall or business time) is the caller's choice.
struct Duration {
  long long weeks = 0;
  long long days = 0;
  long long hours = 0;
  long long minutes = 0;
  long long seconds = 0;

  // Length in wall-clock seconds (a day is 24 hours, a week 7 days).
  long long wall_seconds() const;
  bool operator==(const Duration& o) const;
};

// Parses "1h30m", "2d", "1w 2d", "90s"; nullopt if malformed or empty.
std::optional<Duration> parse_duration(const std::string& text);
// Canonical text: "1h30m", "2d", "0m" for zero.
std::string format_duration(const Duration& d);
// Canonical text of a number of wall seconds, with days as the largest unit: "1d2h", "45m".
std::string format_seconds(long long seconds);
// The same with hours as the largest unit ("27h30m"), for business time,
// where a day is not 24 hours.
std::string format_business_seconds(long long seconds);

}  // namespace crm
