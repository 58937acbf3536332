#include "config.hpp"
#include "error.hpp"
#include "kpi.hpp"
#include "times.hpp"

#include <doctest/doctest.h>

using namespace crm;

namespace {

Action act(const std::string& at, const std::string& name, const std::string& actor, const std::string& about) {
  return {utc(at), name, actor, actor, about};
}

// An office open Monday to Friday, closed on Thursday 19 November 2026.
const char* const k_office =
    "timezone: UTC\n"
    "calendars:\n"
    "  office:\n"
    "    hours: {mon-fri: \"08:00-17:00\"}\n"
    "    holidays: [2026-11-19]\n";

std::vector<std::string> starts(const std::vector<std::pair<Timestamp, Timestamp>>& days) {
  std::vector<std::string> out;
  for (const auto& d : days) {
    out.push_back(format_utc(d.first));
  }
  return out;
}

// The week of Monday 16 to Sunday 22 November 2026, as kpi_period("week") gives it on Monday the 23rd.
Period week() { return {"week", utc("2026-11-16T00:00:00Z"), utc("2026-11-23T00:00:00Z")}; }

std::vector<Action> week_of_work() {
  return {
      // sam: Mon 3, Tue 2, Wed 1, Fri 2 = 8 calls.
      act("2026-11-16T08:00:00Z", "call-logged", "sam", "K-000000000001"),
      act("2026-11-16T09:00:00Z", "call-logged", "sam", "K-000000000002"),
      act("2026-11-16T23:59:59Z", "call-logged", "sam", "K-000000000003"),
      act("2026-11-17T10:00:00Z", "call-logged", "sam", "K-000000000004"),
      act("2026-11-17T11:00:00Z", "call-logged", "sam", "K-000000000005"),
      act("2026-11-18T10:00:00Z", "call-logged", "sam", "K-000000000006"),
      act("2026-11-20T10:00:00Z", "call-logged", "sam", "K-000000000007"),
      act("2026-11-20T11:00:00Z", "call-logged", "sam", "K-000000000008"),
      // sam edits P-1 twice and P-2 once: 2 distinct contacts.
      act("2026-11-17T12:00:00Z", "contact-edited", "sam", "P-000000000001"),
      act("2026-11-18T12:00:00Z", "contact-edited", "sam", "P-000000000001"),
      act("2026-11-19T12:00:00Z", "contact-edited", "sam", "P-000000000002"),
      // Created, not edited: no contact update.
      act("2026-11-19T13:00:00Z", "contact-created", "sam", "P-000000000003"),
      // ann: Mon 2, Tue 2, Wed 2, Thu (holiday) 1 = 7 calls in the week.
      act("2026-11-16T10:00:00Z", "call-logged", "ann", "K-000000000011"),
      act("2026-11-16T11:00:00Z", "call-logged", "ann", "K-000000000012"),
      act("2026-11-17T10:00:00Z", "call-logged", "ann", "K-000000000013"),
      act("2026-11-17T11:00:00Z", "call-logged", "ann", "K-000000000014"),
      act("2026-11-18T10:00:00Z", "call-logged", "ann", "K-000000000015"),
      act("2026-11-18T11:00:00Z", "call-logged", "ann", "K-000000000016"),
      act("2026-11-19T10:00:00Z", "call-logged", "ann", "K-000000000017"),
      // Outside [since, until): the second before, and the end itself.
      act("2026-11-15T23:59:59Z", "call-logged", "ann", "K-000000000018"),
      act("2026-11-23T00:00:00Z", "call-logged", "ann", "K-000000000019"),
      act("2026-11-18T12:00:00Z", "contact-edited", "ann", "P-000000000001"),
      act("2026-11-23T00:00:00Z", "contact-edited", "ann", "P-000000000002"),
  };
}

}  // namespace

TEST_CASE("working days leave out weekends and holidays") {
  Config config = load_config(k_office, "crm.yaml");
  const BusinessCalendar& office = config.calendars.at("office");
  // Mon 16 .. Mon 23: Mon, Tue, Wed, Fri (Thursday is a holiday; Saturday and Sunday are closed).
  auto days = office.working_days(utc("2026-11-16T00:00:00Z"), utc("2026-11-23T00:00:00Z"));
  CHECK(starts(days) == std::vector<std::string>{"2026-11-16T00:00:00Z", "2026-11-17T00:00:00Z",
                                                 "2026-11-18T00:00:00Z", "2026-11-20T00:00:00Z"});
  REQUIRE(days.size() == 4);
  CHECK(days[3].second == utc("2026-11-21T00:00:00Z"));
  // Only whole days count: from Monday 10:00, Monday is left out; up to Friday 17:00, Friday too.
  CHECK(office.working_days(utc("2026-11-16T10:00:00Z"), utc("2026-11-20T17:00:00Z")).size() == 2);
  CHECK(office.working_days(utc("2026-11-23T00:00:00Z"), utc("2026-11-16T00:00:00Z")).empty());
}

TEST_CASE("weekdays_calendar is Monday to Friday") {
  BusinessCalendar c = weekdays_calendar(find_zone("UTC"));
  // Fri 20, Sat 21, Sun 22, Mon 23: Friday and Monday.
  CHECK(starts(c.working_days(utc("2026-11-20T00:00:00Z"), utc("2026-11-24T00:00:00Z"))) ==
        std::vector<std::string>{"2026-11-20T00:00:00Z", "2026-11-23T00:00:00Z"});
  CHECK(c.working_days(utc("2026-11-21T00:00:00Z"), utc("2026-11-23T00:00:00Z")).empty());
  // No holidays: Thursday 19 counts, for 5 days in the week.
  CHECK(c.working_days(utc("2026-11-16T00:00:00Z"), utc("2026-11-23T00:00:00Z")).size() == 5);
  // Days are local: in Chicago, Monday 23 begins at 06:00Z.
  BusinessCalendar chicago = weekdays_calendar(find_zone("America/Chicago"));
  CHECK(starts(chicago.working_days(utc("2026-11-21T06:00:00Z"), utc("2026-11-24T06:00:00Z"))) ==
        std::vector<std::string>{"2026-11-23T06:00:00Z"});
}

TEST_CASE("kpi_report counts calls per working day") {
  Config config = load_config(k_office, "crm.yaml");
  const BusinessCalendar& office = config.calendars.at("office");
  KpiTargets targets;
  targets.calls_per_day = 2;
  targets.contact_updates = 2;
  auto report = kpi_report(week_of_work(), {"sam", "ann", "zed"}, office, week(), targets);
  REQUIRE(report.size() == 3);

  const KpiResult& sam = report[0];
  CHECK(sam.user == "sam");
  CHECK(sam.calls == 8);
  CHECK(sam.working_days == 4);
  CHECK(sam.calls_per_day == doctest::Approx(2.0));  // 8 / 4
  // Wednesday's single call is short of 2.
  CHECK(sam.short_days == 1);
  CHECK(sam.contact_updates == 2);
  // 8 calls >= 2 x 4 working days: exactly met.
  CHECK(sam.missed.empty());
  CHECK(sam.meets());

  const KpiResult& ann = report[1];
  CHECK(ann.user == "ann");
  // The holiday's call counts towards the total but not towards a working day.
  CHECK(ann.calls == 7);
  CHECK(ann.calls_per_day == doctest::Approx(1.75));  // 7 / 4
  // Friday had no call.
  CHECK(ann.short_days == 1);
  CHECK(ann.contact_updates == 1);
  // 7 < 8, and 1 contact < 2.
  CHECK(ann.missed == std::vector<std::string>{"calls-per-day", "contact-updates"});
  CHECK_FALSE(ann.meets());

  const KpiResult& zed = report[2];
  CHECK(zed.calls == 0);
  CHECK(zed.working_days == 4);
  CHECK(zed.calls_per_day == 0);
  CHECK(zed.short_days == 4);
  CHECK(zed.missed == std::vector<std::string>{"calls-per-day", "contact-updates"});
}

TEST_CASE("kpi_report targets") {
  Config config = load_config(k_office, "crm.yaml");
  const BusinessCalendar& office = config.calendars.at("office");
  SUBCASE("one call short of target x days misses") {
    KpiTargets t;
    t.calls_per_day = 2.25;  // x 4 days = 9: sam's 8 miss
    auto r = kpi_report(week_of_work(), {"sam"}, office, week(), t);
    CHECK(r[0].missed == std::vector<std::string>{"calls-per-day"});
    // Days with fewer than 2.25 calls: Tue (2), Wed (1), Fri (2); Monday had 3.
    CHECK(r[0].short_days == 3);
  }
  SUBCASE("a fractional target can be met exactly") {
    KpiTargets t;
    t.calls_per_day = 1.75;  // x 4 days = 7: ann's 7 meet it
    CHECK(kpi_report(week_of_work(), {"ann"}, office, week(), t)[0].meets());
  }
  SUBCASE("without targets nobody misses and no day is short") {
    auto r = kpi_report(week_of_work(), {"ann", "zed"}, office, week(), KpiTargets{});
    CHECK(r[0].meets());
    CHECK(r[0].short_days == 0);
    CHECK(r[1].meets());
  }
  SUBCASE("a period without working days") {
    KpiTargets t;
    t.calls_per_day = 2;
    Period weekend{"custom", utc("2026-11-21T00:00:00Z"), utc("2026-11-23T00:00:00Z")};
    auto r = kpi_report(week_of_work(), {"sam"}, office, weekend, t);
    CHECK(r[0].working_days == 0);
    CHECK(r[0].calls == 0);
    CHECK(r[0].calls_per_day == 0);
    CHECK(r[0].meets());  // 0 >= 2 x 0
  }
}

TEST_CASE("kpi_period is whole local days before today") {
  Timestamp now = utc("2026-11-23T10:00:00Z");
  TimeZone zone = find_zone("UTC");
  Period w = kpi_period("week", now, zone, {});
  CHECK(w.name == "week");
  CHECK(w.since == utc("2026-11-16T00:00:00Z"));
  CHECK(w.until == utc("2026-11-23T00:00:00Z"));
  CHECK(w.contains(utc("2026-11-22T23:59:59Z")));
  CHECK_FALSE(w.contains(utc("2026-11-23T00:00:00Z")));
  Period m = kpi_period("month", now, zone, {});
  CHECK(m.since == utc("2026-10-24T00:00:00Z"));  // 30 days before the 23rd
  CHECK(m.until == utc("2026-11-23T00:00:00Z"));
  // "all" starts at midnight of the first action's day.
  Period a = kpi_period("all", now, zone, {act("2026-11-02T15:30:00Z", "call-logged", "sam", "K-000000000001")});
  CHECK(a.since == utc("2026-11-02T00:00:00Z"));
  CHECK(a.until == utc("2026-11-23T00:00:00Z"));
  // Local days: 10:00Z is 04:00 on Monday in Chicago, whose midnight is 06:00Z.
  Period chicago = kpi_period("week", now, find_zone("America/Chicago"), {});
  CHECK(chicago.since == utc("2026-11-16T06:00:00Z"));
  CHECK(chicago.until == utc("2026-11-23T06:00:00Z"));
  // At 03:00Z it is still Sunday 22 in Chicago: the week ends at Sunday's midnight (06:00Z on the 22nd).
  Period late = kpi_period("week", utc("2026-11-23T03:00:00Z"), find_zone("America/Chicago"), {});
  CHECK(late.since == utc("2026-11-15T06:00:00Z"));
  CHECK(late.until == utc("2026-11-22T06:00:00Z"));
  try {
    kpi_period("fortnight", now, zone, {});
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.status() == k_exit_usage);
  }
}

TEST_CASE("kpi_calendar") {
  Config plain = load_config("timezone: UTC\n", "crm.yaml");
  CHECK(kpi_calendar(plain, "").name == "mon-fri");
  Config office = load_config(std::string(k_office) + "recognition:\n  calendar: office\n", "crm.yaml");
  BusinessCalendar c = kpi_calendar(office, "");
  CHECK(c.name == "office");
  CHECK(c.holidays.size() == 1);
  CHECK(kpi_calendar(office, "24x7").always);
  try {
    kpi_calendar(office, "ofice");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.status() == k_exit_usage);
    CHECK(std::string(e.what()) == "--calendar: no calendar 'ofice' in crm.yaml (did you mean 'office'?)");
  }
}
