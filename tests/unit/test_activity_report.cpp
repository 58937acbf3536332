// activity_report: calls per user per working day, calls against other work, and the KPI targets.
// The numbers below were counted by hand from the fixture.
#include "activity_report.hpp"
#include "config.hpp"
#include "times.hpp"

#include <doctest/doctest.h>

using namespace crm;

namespace {

Action act(const std::string& at, const std::string& name, const std::string& actor) {
  return {utc(at), name, actor, actor, "P-000000000001"};
}

// Monday to Friday in UTC, closed on Thursday 19 November 2026: the week
// of the 16th has 4 working days (Mon, Tue, Wed, Fri).
const char* const k_office =
    "timezone: UTC\n"
    "calendars:\n"
    "  office:\n"
    "    hours: {mon-fri: \"08:00-17:00\"}\n"
    "    holidays: [2026-11-19]\n";

Period week() { return {"week", utc("2026-11-16T00:00:00Z"), utc("2026-11-23T00:00:00Z")}; }

// sam (water): calls Mon 2, Tue 1, Fri 1 (and one the Sunday before); edits a contact, closes a case,
//   adds a contact: 4 calls, 3 other.
// ann (water): calls Mon 1 and on the Thursday holiday: 2 calls, nothing else.
// bob (no department): acknowledges and closes a case: 0 calls, 2 other.
std::vector<Action> actions() {
  return {
      act("2026-11-15T10:00:00Z", "call-logged", "sam"),
      act("2026-11-16T09:00:00Z", "call-logged", "sam"),
      act("2026-11-16T10:00:00Z", "call-logged", "sam"),
      act("2026-11-16T11:00:00Z", "call-logged", "ann"),
      act("2026-11-16T12:00:00Z", "case-acknowledged", "bob"),
      act("2026-11-17T09:00:00Z", "call-logged", "sam"),
      act("2026-11-17T10:00:00Z", "contact-edited", "sam"),
      act("2026-11-17T11:00:00Z", "case-closed", "bob"),
      act("2026-11-18T09:00:00Z", "case-closed", "sam"),
      act("2026-11-19T09:00:00Z", "contact-created", "sam"),
      act("2026-11-19T10:00:00Z", "call-logged", "ann"),
      act("2026-11-20T09:00:00Z", "call-logged", "sam"),
  };
}

const std::vector<ActivityUser> k_users = {{"sam", "water"}, {"ann", "water"}, {"bob", ""}};

ActivityReport report(bool by_department) {
  Config config = load_config(k_office, "crm.yaml");
  KpiTargets targets;
  targets.calls_per_day = 1;
  targets.contact_updates = 1;
  return activity_report(actions(), k_users, by_department, config.calendar("office"), week(), targets);
}

}  // namespace

TEST_CASE("activity_report gives calls per working day and against other work per user") {
  ActivityReport r = report(false);
  CHECK(r.days == std::vector<std::string>{"2026-11-16", "2026-11-17", "2026-11-18", "2026-11-20"});
  REQUIRE(r.rows.size() == 3);
  const ActivityRow& sam = r.rows[0];
  CHECK(sam.group == "sam");
  CHECK(sam.working_days == 4);
  CHECK(sam.calls == 4);
  CHECK(sam.other_work == 3);
  CHECK(sam.calls_per_day == doctest::Approx(1.0));
  REQUIRE(sam.calls_to_other);
  CHECK(*sam.calls_to_other == doctest::Approx(4.0 / 3.0));
  CHECK(sam.calls_by_day == std::vector<long long>{2, 1, 0, 1});
  CHECK(sam.short_days == 1);
  CHECK(sam.contact_updates == 1);
  CHECK(sam.meeting == 1);
  CHECK(sam.missed.empty());
  const ActivityRow& ann = r.rows[1];
  CHECK(ann.calls == 2);  // the holiday's call counts, but on no working day
  CHECK(ann.calls_per_day == doctest::Approx(0.5));
  CHECK_FALSE(ann.calls_to_other);
  CHECK(ann.calls_by_day == std::vector<long long>{1, 0, 0, 0});
  CHECK(ann.short_days == 3);
  CHECK(ann.missed == std::vector<std::string>{"calls-per-day", "contact-updates"});
  const ActivityRow& bob = r.rows[2];
  CHECK(bob.calls == 0);
  CHECK(bob.other_work == 2);
  CHECK(*bob.calls_to_other == doctest::Approx(0.0));
  CHECK(bob.short_days == 4);
}

TEST_CASE("activity_report overall and by department") {
  ActivityReport r = report(true);
  CHECK(r.overall.group == "(all)");
  CHECK(r.overall.users == 3);
  CHECK(r.overall.calls == 6);
  CHECK(r.overall.other_work == 5);
  CHECK(r.overall.calls_per_day == doctest::Approx(0.5));  // 6 / (3 users x 4 days)
  CHECK(*r.overall.calls_to_other == doctest::Approx(1.2));
  CHECK(r.overall.calls_by_day == std::vector<long long>{3, 1, 0, 1});
  CHECK(r.overall.short_days == 8);
  CHECK(r.overall.meeting == 1);
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0].group == "water");
  CHECK(r.rows[0].users == 2);
  CHECK(r.rows[0].calls == 6);
  CHECK(r.rows[0].calls_per_day == doctest::Approx(0.75));
  CHECK(*r.rows[0].calls_to_other == doctest::Approx(2.0));
  CHECK(r.rows[0].meeting == 1);
  CHECK(r.rows[1].group == "(none)");
  CHECK(r.rows[1].other_work == 2);
}
