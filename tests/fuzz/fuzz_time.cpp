// The time and duration parsers: stored timestamps, times typed by users
// (--now, --since, --until...), durations ("1h30m") and opening hours
// ("08:00-12:00, 13:00-17:00"). Each is fed the input as one string; what
// parses must format and parse back to the same value, and a parsed duration
// must be countable in a business calendar without a crash or hang (a span
// beyond its search horizon is a documented data error).

#include "calendar.hpp"
#include "error.hpp"
#include "fuzz_input.hpp"
#include "timestamp.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace {

void require(bool ok, const char* what, const std::string& input) {
  if (!ok) {
    std::fprintf(stderr, "%s for input '%s'\n", what, input.c_str());
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const crm::TimeZone oslo = crm::find_zone("Europe/Oslo");
  static const crm::TimeZone utc = crm::find_zone("UTC");
  const crm::Timestamp now{std::chrono::seconds(1795426200)};  // Mon 2026-11-23 09:30 UTC
  std::string text = fuzz_text(data, size);

  if (auto t = crm::parse_stored_time(text)) {
    auto again = crm::parse_stored_time(crm::format_utc(*t));
    require(again && *again == *t, "a stored time does not survive format_utc", text);
    (void)crm::format_local(*t, oslo);
    (void)crm::format_local_date(*t, oslo);
  }
  for (crm::TimeZone zone : {utc, oslo}) {
    try {
      crm::Timestamp t = crm::parse_user_time(text, now, zone);
      (void)crm::format_utc(t);
      (void)crm::format_local(t, zone);
    } catch (const crm::Error&) {
    }
  }
  if (auto d = crm::parse_duration(text)) {
    auto again = crm::parse_duration(crm::format_duration(*d));
    require(again && again->wall_seconds() == d->wall_seconds(), "a duration does not survive format_duration",
            text);
    (void)crm::format_seconds(d->wall_seconds());
    (void)crm::format_business_seconds(d->wall_seconds());
    static const crm::BusinessCalendar weekdays = crm::weekdays_calendar(oslo);
    try {
      (void)weekdays.add(now, *d);
    } catch (const crm::Error&) {
      // A span past the calendar's search horizon (about ten years).
    }
  }
  std::string error;
  auto hours = crm::BusinessCalendar::Hours{};
  hours = crm::parse_hours(text, error);
  if (error.empty()) {
    for (auto [start, end] : hours) {
      require(0 <= start && start < end && end <= 24 * 60, "opening hours out of the day", text);
    }
  }
  return 0;
}
