#include "error.hpp"
#include "timestamp.hpp"
#include "times.hpp"

#include <doctest/doctest.h>

using namespace crm;

TEST_CASE("format_utc and parse_stored_time") {
  CHECK(format_utc(utc("2026-11-23T09:30:00Z")) == "2026-11-23T09:30:00Z");
  CHECK(format_utc(utc("2026-11-23T10:30:00+01:00")) == "2026-11-23T09:30:00Z");
  CHECK(format_utc(Timestamp{}) == "1970-01-01T00:00:00Z");
  CHECK_FALSE(parse_stored_time("2026-11-23").has_value());
  CHECK_FALSE(parse_stored_time("2026-11-23T09:30:00").has_value());
  CHECK_FALSE(parse_stored_time("2026-02-30T09:30:00Z").has_value());
  CHECK_FALSE(parse_stored_time("2026-11-23T25:00:00Z").has_value());
  CHECK_FALSE(parse_stored_time("yesterday").has_value());
}

TEST_CASE("parse_user_time") {
  Timestamp now = utc("2026-11-23T15:45:00Z");  // a Monday
  TimeZone chicago = find_zone("America/Chicago");
  SUBCASE("exact moments") {
    CHECK(parse_user_time("2026-11-20T08:00:00Z", now, chicago) == utc("2026-11-20T08:00:00Z"));
    CHECK(parse_user_time("2026-11-20T08:00-05:00", now, chicago) == utc("2026-11-20T13:00:00Z"));
  }
  SUBCASE("local times are read in the zone") {
    CHECK(parse_user_time("2026-11-20 08:00", now, chicago) == utc("2026-11-20T14:00:00Z"));
    CHECK(parse_user_time("2026-07-20T08:00", now, chicago) == utc("2026-07-20T13:00:00Z"));
    CHECK(parse_user_time("2026-11-20", now, chicago) == utc("2026-11-20T06:00:00Z"));
  }
  SUBCASE("named days start at local midnight") {
    CHECK(parse_user_time("today", now, chicago) == utc("2026-11-23T06:00:00Z"));
    CHECK(parse_user_time("yesterday", now, chicago) == utc("2026-11-22T06:00:00Z"));
    CHECK(parse_user_time("tomorrow", now, chicago) == utc("2026-11-24T06:00:00Z"));
    CHECK(parse_user_time("now", now, chicago) == now);
  }
  SUBCASE("relative times") {
    CHECK(parse_user_time("-2h", now, chicago) == utc("2026-11-23T13:45:00Z"));
    CHECK(parse_user_time("+1d", now, chicago) == utc("2026-11-24T15:45:00Z"));
    CHECK(parse_user_time("3d ago", now, chicago) == utc("2026-11-20T15:45:00Z"));
    CHECK(parse_user_time("1w2d ago", now, chicago) == utc("2026-11-14T15:45:00Z"));
  }
  SUBCASE("a time skipped by the spring DST change moves forward") {
    // 2026-03-08 02:30 does not exist in Chicago; clocks jump from 02:00 CST to 03:00 CDT.
    CHECK(parse_user_time("2026-03-08 02:30", now, chicago) == utc("2026-03-08T08:30:00Z"));
  }
  SUBCASE("an ambiguous autumn time takes the earlier instant") {
    CHECK(parse_user_time("2026-11-01 01:30", now, chicago) == utc("2026-11-01T06:30:00Z"));
  }
  SUBCASE("malformed input is a usage error") {
    for (const char* s : {"", "soon", "2026-13-01", "2026-11-23 9:30", "5", "-2x", "ago"}) {
      CAPTURE(s);
      try {
        parse_user_time(s, now, chicago);
        FAIL("expected an error");
      } catch (const Error& e) {
        CHECK(e.status() == k_exit_usage);
      }
    }
  }
}

TEST_CASE("format_local") {
  TimeZone chicago = find_zone("America/Chicago");
  CHECK(format_local(utc("2026-11-23T15:45:00Z"), chicago) == "2026-11-23 09:45");
  CHECK(format_local(utc("2026-07-01T15:45:00Z"), chicago) == "2026-07-01 10:45");
  CHECK(format_local_date(utc("2026-11-24T03:00:00Z"), chicago) == "2026-11-23");
}

TEST_CASE("find_zone") {
  CHECK(find_zone("UTC") != nullptr);
  CHECK_THROWS_AS(find_zone("Mars/Olympus"), Error);
}

TEST_CASE("parse_duration and format_duration") {
  auto d = parse_duration("1h30m");
  REQUIRE(d.has_value());
  CHECK(d->hours == 1);
  CHECK(d->minutes == 30);
  CHECK(d->wall_seconds() == 5400);
  CHECK(format_duration(*d) == "1h30m");
  CHECK(format_duration(*parse_duration("90m")) == "90m");
  CHECK(parse_duration("1w 2d")->wall_seconds() == 9 * 86400);
  CHECK(format_duration(*parse_duration("1w 2d")) == "1w2d");
  CHECK(format_duration(Duration{}) == "0m");
  for (const char* bad : {"", "h", "15", "15x", "-5m", "1.5h", "99999999999h"}) {
    CHECK_FALSE_MESSAGE(parse_duration(bad).has_value(), bad);
  }
  CHECK(format_seconds(93784) == "1d2h3m4s");
  CHECK(format_seconds(-600) == "-10m");
}
