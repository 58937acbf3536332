#pragma once

#include "config_reader.hpp"
#include "timestamp.hpp"

#include <array>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace crm {

// When work happens: opening hours per weekday in a time zone, minus
// holidays; or round the clock ("24x7"). Service-level targets count only
// time inside these hours.
struct BusinessCalendar {
  // Opening hours: minutes after local midnight, [start, end), sorted and disjoint.
  using Hours = std::vector<std::pair<int, int>>;

  std::string name;
  bool always = false;  // 24x7: wall time, no hours or holidays
  TimeZone zone = nullptr;
  std::array<Hours, 7> week;  // index 0 = Sunday ... 6 = Saturday
  std::set<long long> holidays;  // local dates, as days since 1970-01-01

  // Business seconds in [from, to); 0 when to <= from.
  long long business_seconds(Timestamp from, Timestamp to) const;
  // The moment `seconds` business seconds after `from`. Time outside the
  // hours does not count, so the result always falls inside (or at the end
  // of) an opening period.
  Timestamp add_seconds(Timestamp from, long long seconds) const;
  // The same business moment `days` business days later: from Wed 16:30,
  // 2 days is Fri 16:30 (Mon 16:30 when Thursday is a holiday). A start
  // outside the hours counts from the next opening.
  Timestamp add_days(Timestamp from, long long days) const;
  // `span` counted in this calendar: weeks are five business days, days are
  // whole business days, hours/minutes/seconds are business time. A 24x7
  // calendar counts wall time (a week is seven days).
  Timestamp add(Timestamp from, const Duration& span) const;
  // The local days lying wholly inside [from, to) that have opening hours
  // (every day when 24x7), as [midnight, next midnight).
  std::vector<std::pair<Timestamp, Timestamp>> working_days(Timestamp from, Timestamp to) const;
};

// Monday to Friday, all day, in `zone`: working days when no calendar is named.
BusinessCalendar weekdays_calendar(TimeZone zone);
// The round-the-clock calendar.
BusinessCalendar always_calendar(TimeZone zone);

// Reads crm.yaml's `calendars` section: name -> calendar (or "24x7").
// Calendars without a timezone use `default_zone`. Throws data errors with lines.
std::map<std::string, BusinessCalendar> parse_calendars(const Value& section, const ConfigReader& reader,
                                                        TimeZone default_zone);
void calendar_problems(const Value& section, const ConfigReader& reader, std::vector<Problem>& out);

// "08:00-12:00, 13:00-17:00" -> {{480, 720}, {780, 1020}}; nullopt-like empty
// result with `error` set when malformed.
BusinessCalendar::Hours parse_hours(const std::string& text, std::string& error);

}  // namespace crm
