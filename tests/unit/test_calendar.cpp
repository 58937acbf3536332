#include "calendar.hpp"
#include "error.hpp"
#include "yaml_io.hpp"
#include "times.hpp"

#include <doctest/doctest.h>

using namespace crm;

namespace {

const char* const k_office = R"(
office:
  timezone: America/Chicago
  hours:
    mon-fri: "08:00-12:00, 13:00-17:00"
  holidays: [2026-11-26, 2026-12-25]
always: 24x7
)";

std::map<std::string, BusinessCalendar> calendars(const std::string& yaml) {
  return parse_calendars(parse_yaml(yaml, "crm.yaml"), ConfigReader("crm.yaml"), find_zone("UTC"));
}

std::string calendar_error(const std::string& yaml) {
  try {
    calendars(yaml);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("business days keep the business moment and skip weekends and holidays") {
  auto office = calendars(k_office).at("office");
  // Wed 25 Nov 16:30 CST + 2d: Thu 26 is a holiday, so Fri 27 and Mon 30.
  CHECK(format_utc(office.add(utc("2026-11-25T22:30:00Z"), *parse_duration("2d"))) == "2026-11-30T22:30:00Z");
  // The end of the day is a business moment too: Wed 2 Dec 17:00 + 2d is Fri 4 Dec 17:00.
  CHECK(format_utc(office.add(utc("2026-12-02T23:00:00Z"), *parse_duration("2d"))) == "2026-12-04T23:00:00Z");
  // A week is five business days.
  CHECK(format_utc(office.add(utc("2026-11-30T16:00:00Z"), *parse_duration("1w"))) == "2026-12-07T16:00:00Z");
  // Twenty days from Mon 30 Nov 08:00 skip Christmas: Tue 29 Dec 08:00.
  CHECK(format_utc(office.add(utc("2026-11-30T14:00:00Z"), *parse_duration("20d"))) == "2026-12-29T14:00:00Z");
  // Starting on a Saturday counts from Monday's opening.
  CHECK(format_utc(office.add(utc("2026-11-28T16:00:00Z"), *parse_duration("1d"))) == "2026-12-01T14:00:00Z");
}

TEST_CASE("business hours count only opening time") {
  auto office = calendars(k_office).at("office");
  // Wed 25 Nov 16:30 + 4h: 30 min on Wednesday, the holiday, then 3h30 on Friday: 11:30.
  CHECK(format_utc(office.add(utc("2026-11-25T22:30:00Z"), *parse_duration("4h"))) == "2026-11-27T17:30:00Z");
  // Lunch does not count: Mon 11:30 + 1h is 13:30.
  CHECK(format_utc(office.add(utc("2026-11-30T17:30:00Z"), *parse_duration("1h"))) == "2026-11-30T19:30:00Z");
  // Ending exactly at a closing time stays there.
  CHECK(format_utc(office.add(utc("2026-11-30T14:00:00Z"), *parse_duration("4h"))) == "2026-11-30T18:00:00Z");
  // Saturday 10:00 + 1h: Monday 09:00.
  CHECK(format_utc(office.add(utc("2026-11-28T16:00:00Z"), *parse_duration("1h"))) == "2026-11-30T15:00:00Z");
  // Fri 27 08:00 to Mon 30 09:00 holds 8 + 1 business hours.
  CHECK(office.business_seconds(utc("2026-11-27T14:00:00Z"), utc("2026-11-30T15:00:00Z")) == 9 * 3600);
  CHECK(office.business_seconds(utc("2026-11-30T15:00:00Z"), utc("2026-11-27T14:00:00Z")) == 0);
  // A whole week with a holiday: 4 days x 8h.
  CHECK(office.business_seconds(utc("2026-11-23T06:00:00Z"), utc("2026-11-30T06:00:00Z")) == 32 * 3600);
}

TEST_CASE("daylight saving time does not shift deadlines") {
  auto office = calendars(k_office).at("office");
  // Chicago leaves DST on Sun 1 Nov 2026. Fri 30 Oct 16:00 CDT (21:00Z) + 1d is Mon 2 Nov 16:00 CST (22:00Z).
  CHECK(format_utc(office.add(utc("2026-10-30T21:00:00Z"), *parse_duration("1d"))) == "2026-11-02T22:00:00Z");
  // + 2h: one hour on Friday, one on Monday from 08:00 CST: 09:00 CST.
  CHECK(format_utc(office.add(utc("2026-10-30T21:00:00Z"), *parse_duration("2h"))) == "2026-11-02T15:00:00Z");
  // Spring forward (Sun 8 Mar 2026): Fri 6 Mar 10:00 CST + 1d is Mon 9 Mar 10:00 CDT.
  CHECK(format_utc(office.add(utc("2026-03-06T16:00:00Z"), *parse_duration("1d"))) == "2026-03-09T15:00:00Z");
}

TEST_CASE("a 24x7 calendar counts wall time") {
  auto always = calendars(k_office).at("always");
  CHECK(always.always);
  CHECK(format_utc(always.add(utc("2026-11-28T10:00:00Z"), *parse_duration("1d2h"))) == "2026-11-29T12:00:00Z");
  CHECK(format_utc(always.add(utc("2026-11-28T10:00:00Z"), *parse_duration("1w"))) == "2026-12-05T10:00:00Z");
  CHECK(always.business_seconds(utc("2026-11-28T10:00:00Z"), utc("2026-11-28T10:30:00Z")) == 1800);
}

TEST_CASE("calendars are validated with the line of the bad value") {
  CHECK(calendar_error("c:\n  hours:\n    mon: 8-12\n") ==
        "crm.yaml:3: calendars.c.hours.mon: '8-12' is not a time range like 08:00-12:00");
  CHECK(calendar_error("c:\n  hours:\n    mon: \"12:00-08:00\"\n").find("ends before it starts") != std::string::npos);
  CHECK(calendar_error("c:\n  hours:\n    mon: \"08:00-12:00, 11:00-13:00\"\n").find("overlap") != std::string::npos);
  CHECK(calendar_error("c:\n  hours:\n    mondy: \"08:00-12:00\"\n").find("did you mean 'mon'") != std::string::npos);
  CHECK(calendar_error("c:\n  hours:\n    mon: \"08:00-12:00\"\n  holidays: [2026-13-01]\n")
            .find("is not a date") != std::string::npos);
  CHECK(calendar_error("c: 9to5\n").find("crm.yaml:1:") == 0);
  CHECK(calendar_error("c:\n  timezone: Mars/Olympus\n  hours:\n    mon: \"08:00-12:00\"\n").find("crm.yaml:2:") == 0);
  CHECK(calendar_error("c:\n  hours:\n    sat: null\n").find("no opening hours") != std::string::npos);
  // Day ranges wrap around the week.
  auto c = calendars("c:\n  hours:\n    fri-mon: \"09:00-10:00\"\n").at("c");
  CHECK(c.week[5].size() == 1);
  CHECK(c.week[0].size() == 1);
  CHECK(c.week[1].size() == 1);
  CHECK(c.week[3].empty());
}
