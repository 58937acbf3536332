// service_report: case counts, queue and resolve times, SLA compliance and the change on the previous period.
// Every number below was worked out by hand from the fixture (see its comment).
#include "service_report.hpp"
#include "times.hpp"
#include "yaml_io.hpp"

#include <doctest/doctest.h>

#include <date/tz.h>

using namespace crm;

namespace {

// Office hours Monday to Friday 09:00-17:00 UTC; acknowledge within 2
// business hours, resolve within 2 business days. No update target.
const char* const k_policy = R"(
timezone: UTC
calendars:
  office:
    hours:
      mon-fri: "09:00-17:00"
sla:
  default: {calendar: office, acknowledge: 2h, resolve: 2d}
)";

Record a_case(const std::string& id, const std::string& department, const std::string& history) {
  Record r;
  r.kind = &case_kind();
  r.id = id;
  r.data = parse_yaml("id: " + id + "\npriority: normal\ndepartment: " + department + "\nhistory:\n" + history,
                      id + ".yaml");
  return r;
}

// November 2026; the report's week is Monday 16 to Sunday 22 (2026-W47),
// the previous one Monday 9 to Sunday 15.
//   F raquel water  opened Tue 10 09:00, ack 09:30, closed Wed 11 09:00           (previous week only)
//   B raquel water  opened Fri 13 16:00, ack Mon 16 10:00 (due then: met),
//                   closed Wed 18 16:00 (due Tue 17 16:00: missed), reopened Thu 19 10:00,
//                   closed Thu 19 12:00 (due Mon 23 10:00: met)
//   A raquel water  opened Mon 16 09:00, ack 10:00 (due 11:00), closed Tue 17 10:00 (due Wed 18 09:00)
//   C pedro  water  opened Tue 17 09:00, never acknowledged (due 11:00), open (resolve due Thu 19 09:00)
//   D nobody front  opened Wed 18 09:00, escalated 11:30, ack 12:00 (due 11:00), open (resolve due Fri 20 09:00)
//   E raquel water  opened Mon 23 09:00                                            (after both weeks)
std::vector<Record> fixture() {
  return {
      a_case("C-F", "water",
             "  - {at: 2026-11-10T09:00:00Z, by: olivia, event: opened}\n"
             "  - {at: 2026-11-10T09:00:00Z, by: olivia, event: routed, department: water, handler: raquel}\n"
             "  - {at: 2026-11-10T09:30:00Z, by: raquel, event: acknowledged}\n"
             "  - {at: 2026-11-11T09:00:00Z, by: raquel, event: closed}\n"),
      a_case("C-B", "water",
             "  - {at: 2026-11-13T16:00:00Z, by: olivia, event: opened}\n"
             "  - {at: 2026-11-13T16:00:00Z, by: olivia, event: routed, department: water, handler: raquel}\n"
             "  - {at: 2026-11-16T10:00:00Z, by: raquel, event: acknowledged}\n"
             "  - {at: 2026-11-18T16:00:00Z, by: raquel, event: closed}\n"
             "  - {at: 2026-11-19T10:00:00Z, by: raquel, event: reopened, to: acknowledged}\n"
             "  - {at: 2026-11-19T12:00:00Z, by: raquel, event: closed}\n"),
      a_case("C-A", "water",
             "  - {at: 2026-11-16T09:00:00Z, by: olivia, event: opened}\n"
             "  - {at: 2026-11-16T09:00:00Z, by: olivia, event: routed, department: water, handler: raquel}\n"
             "  - {at: 2026-11-16T10:00:00Z, by: raquel, event: acknowledged}\n"
             "  - {at: 2026-11-17T10:00:00Z, by: raquel, event: closed}\n"),
      a_case("C-C", "water",
             "  - {at: 2026-11-17T09:00:00Z, by: olivia, event: opened}\n"
             "  - {at: 2026-11-17T09:00:00Z, by: olivia, event: routed, department: water, handler: pedro}\n"),
      a_case("C-D", "front",
             "  - {at: 2026-11-18T09:00:00Z, by: olivia, event: opened}\n"
             "  - {at: 2026-11-18T09:00:00Z, by: olivia, event: routed, department: front}\n"
             "  - {at: 2026-11-18T11:30:00Z, event: escalated, target: acknowledge, level: 1}\n"
             "  - {at: 2026-11-18T12:00:00Z, by: fiona, event: acknowledged}\n"),
      a_case("C-E", "water",
             "  - {at: 2026-11-23T09:00:00Z, by: olivia, event: opened}\n"
             "  - {at: 2026-11-23T09:00:00Z, by: olivia, event: routed, department: water, handler: raquel}\n"),
  };
}

ServiceReportOptions week_options(ServiceGrouping by = ServiceGrouping::None) {
  ServiceReportOptions o;
  o.now = utc("2026-11-25T12:00:00Z");
  o.period = {"custom", utc("2026-11-16T00:00:00Z"), utc("2026-11-23T00:00:00Z"), false};
  o.by = by;
  o.zone = date::locate_zone("UTC");
  return o;
}

ServiceReport week_report(ServiceGrouping by = ServiceGrouping::None, const std::string& department = "") {
  Config config = load_config(k_policy, "crm.yaml");
  ServiceReportOptions o = week_options(by);
  o.department = department;
  return service_report(fixture(), config, o);
}

const TargetCompliance& compliance(const ServiceFigures& f, const std::string& target) {
  for (const auto& c : f.compliance) {
    if (c.target == target) {
      return c;
    }
  }
  FAIL("no target " << target);
  return f.compliance.front();
}

const ServiceChange& change(const ServiceReport& r, const std::string& metric) {
  for (const auto& c : r.changes) {
    if (c.metric == metric) {
      return c;
    }
  }
  FAIL("no change " << metric);
  return r.changes.front();
}

}  // namespace

TEST_CASE("service_report percentile_of is the nearest rank") {
  CHECK(percentile_of({}, 90) == std::nullopt);
  CHECK(percentile_of({7}, 90) == 7);
  CHECK(percentile_of({10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, 90) == 9);      // ceil(9.0) = 9th
  CHECK(percentile_of({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 90) == 10);  // ceil(9.9) = 10th
  CHECK(percentile_of({1, 2, 3, 4}, 50) == 2);
  CHECK(percentile_of({1, 2, 3}, 90) == 3);
  CHECK(percentile_of({1, 2, 3}, 100) == 3);
}

TEST_CASE("service_report counts opened closed backlog reopenings and escalations of the week") {
  ServiceReport r = week_report();
  const ServiceFigures& f = r.overall;
  CHECK(f.group == "(all)");
  CHECK(f.opened == 3);       // A C D
  CHECK(f.closed == 3);       // A, B twice
  CHECK(f.backlog == 2);      // C D open on Sunday night
  CHECK(f.reopened == 1);     // B
  CHECK(f.escalations == 1);  // D
  REQUIRE(r.weeks.size() == 1);
  CHECK(r.weeks[0].name == "2026-W47");
  CHECK(f.weekly_opened == std::vector<long long>{3});
  CHECK(f.weekly_closed == std::vector<long long>{3});
  CHECK(r.rows.empty());
}

TEST_CASE("service_report queue and resolve times in business and wall seconds") {
  ServiceFigures f = week_report().overall;
  // Queue: A 1h/1h, B Fri 16:00 -> Mon 10:00 = 2h business / 66h wall, D 3h/3h.
  CHECK(f.queue.business.count == 3);
  CHECK(f.queue.business.median == 7200);
  CHECK(f.queue.business.p90 == 10800);
  CHECK(f.queue.wall.median == 10800);
  CHECK(f.queue.wall.p90 == 237600);
  // Resolve: A 9h/25h, B 24h/120h then 28h/140h (from the first opening).
  CHECK(f.resolve.business.count == 3);
  CHECK(f.resolve.business.median == 86400);
  CHECK(f.resolve.business.p90 == 100800);
  CHECK(f.resolve.wall.median == 432000);
  CHECK(f.resolve.wall.p90 == 504000);
}

TEST_CASE("service_report SLA compliance counts the rounds met or fallen due in the week") {
  ServiceFigures f = week_report().overall;
  REQUIRE(f.compliance.size() == 3);
  // Acknowledge: A and B (exactly at its due time) met, C and D missed.
  CHECK(compliance(f, "acknowledge").decided == 4);
  CHECK(compliance(f, "acknowledge").met == 2);
  // Resolve: A and B's second round met; B's first, C and D missed.
  CHECK(compliance(f, "resolve").decided == 5);
  CHECK(compliance(f, "resolve").met == 2);
  CHECK(compliance(f, "update").decided == 0);  // no update target in crm.yaml
}

TEST_CASE("service_report by user groups on the handler at the end and puts unassigned last") {
  ServiceReport r = week_report(ServiceGrouping::User);
  REQUIRE(r.rows.size() == 3);
  CHECK(r.rows[0].group == "pedro");
  CHECK(r.rows[1].group == "raquel");
  CHECK(r.rows[2].group == "(none)");
  const ServiceFigures& raquel = r.rows[1];
  CHECK(raquel.opened == 1);
  CHECK(raquel.closed == 3);
  CHECK(raquel.backlog == 0);
  CHECK(raquel.reopened == 1);
  CHECK(raquel.queue.business.median == 5400);  // (3600 + 7200) / 2
  CHECK(raquel.queue.business.p90 == 7200);
  CHECK(raquel.queue.wall.median == 120600);
  CHECK(compliance(raquel, "acknowledge").met == 2);
  CHECK(compliance(raquel, "resolve").decided == 3);
  CHECK(compliance(raquel, "resolve").met == 2);
  CHECK(r.rows[0].backlog == 1);
  CHECK(compliance(r.rows[0], "acknowledge").decided == 1);
  CHECK(compliance(r.rows[0], "acknowledge").met == 0);
  CHECK(r.rows[2].escalations == 1);
  CHECK(r.overall.opened == 3);
}

TEST_CASE("service_report by department and the department filter") {
  ServiceReport r = week_report(ServiceGrouping::Department);
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0].group == "front");
  CHECK(r.rows[0].opened == 1);
  CHECK(r.rows[1].group == "water");
  CHECK(r.rows[1].opened == 2);
  CHECK(r.rows[1].closed == 3);
  ServiceReport front = week_report(ServiceGrouping::None, "front");
  CHECK(front.overall.opened == 1);
  CHECK(front.overall.queue.wall.median == 10800);
}

TEST_CASE("service_report compares with the previous week") {
  ServiceReport r = week_report();
  REQUIRE(r.previous);
  CHECK(format_utc(r.previous->since) == "2026-11-09T00:00:00Z");
  CHECK(format_utc(r.previous->until) == "2026-11-16T00:00:00Z");
  REQUIRE(r.before);
  CHECK(r.before->opened == 2);   // F B
  CHECK(r.before->closed == 1);   // F
  CHECK(r.before->backlog == 1);  // B
  CHECK(r.before->queue.business.median == 1800);
  CHECK(r.before->resolve.business.median == 28800);
  const ServiceChange& queue = change(r, "median_queue_business_seconds");
  CHECK(queue.now == 7200);
  CHECK(queue.before == 1800);
  CHECK(queue.difference == 5400);
  CHECK(queue.percent == doctest::Approx(300.0));
  CHECK(change(r, "median_queue_wall_seconds").difference == 9000);
  CHECK(change(r, "median_queue_wall_seconds").percent == doctest::Approx(500.0));
  CHECK(change(r, "opened").percent == doctest::Approx(50.0));
  CHECK(change(r, "reopened").difference == 1);
  CHECK_FALSE(change(r, "reopened").percent);  // nothing to compare with
  CHECK(change(r, "median_resolve_business_seconds").difference == 57600);
}

TEST_CASE("service_report over all time has weekly trends from the first opening and no comparison") {
  Config config = load_config(k_policy, "crm.yaml");
  ServiceReportOptions o = week_options();
  o.period = {"all", Timestamp::min(), o.now, true};
  ServiceReport r = service_report(fixture(), config, o);
  REQUIRE(r.weeks.size() == 3);
  CHECK(r.weeks[0].name == "2026-W46");
  CHECK(r.weeks[2].name == "2026-W48");
  CHECK(r.overall.weekly_opened == std::vector<long long>{2, 3, 1});
  CHECK(r.overall.weekly_closed == std::vector<long long>{1, 3, 0});
  // Queue time by the week of the acknowledgement: F 30m; A 1h, B 2h, D 3h; none.
  CHECK(r.overall.weekly_median_queue_business ==
        std::vector<std::optional<long long>>{1800, 7200, std::nullopt});
  CHECK(r.overall.backlog == 3);  // C D E
  CHECK_FALSE(r.previous);
  CHECK(r.changes.empty());
}

TEST_CASE("service_report update rounds: met when the next activity comes in time and undecided while waiting") {
  Config config = load_config(
      "timezone: UTC\n"
      "calendars:\n"
      "  office:\n"
      "    hours:\n"
      "      mon-fri: \"09:00-17:00\"\n"
      "sla:\n"
      "  default: {calendar: office, update: 1d}\n",
      "crm.yaml");
  // G: rounds from Mon 09:00 (ack at 10:00 in time), Mon 10:00 (update Tue 09:30, due 10:00) and
  //    Tue 09:30 (gone when closed Wed 09:00, due 09:30): 3 met.
  // H: acknowledged on opening, silent since: due Tue 09:00, missed.
  // W: waiting from Mon 10:00: the round before it met, the paused one undecided.
  std::vector<Record> cases = {
      a_case("C-G", "water",
             "  - {at: 2026-11-16T09:00:00Z, by: olivia, event: opened}\n"
             "  - {at: 2026-11-16T09:00:00Z, by: olivia, event: routed, department: water, handler: raquel}\n"
             "  - {at: 2026-11-16T10:00:00Z, by: raquel, event: acknowledged}\n"
             "  - {at: 2026-11-17T09:30:00Z, by: raquel, event: updated}\n"
             "  - {at: 2026-11-18T09:00:00Z, by: raquel, event: closed}\n"),
      a_case("C-H", "water",
             "  - {at: 2026-11-16T09:00:00Z, by: olivia, event: opened}\n"
             "  - {at: 2026-11-16T09:00:00Z, by: olivia, event: routed, department: water, handler: raquel}\n"
             "  - {at: 2026-11-16T09:00:00Z, by: raquel, event: acknowledged}\n"),
      a_case("C-W", "water",
             "  - {at: 2026-11-16T09:00:00Z, by: olivia, event: opened}\n"
             "  - {at: 2026-11-16T09:00:00Z, by: olivia, event: routed, department: water, handler: raquel}\n"
             "  - {at: 2026-11-16T09:00:00Z, by: raquel, event: acknowledged}\n"
             "  - {at: 2026-11-16T10:00:00Z, by: raquel, event: waiting}\n"),
  };
  ServiceReport r = service_report(cases, config, week_options());
  CHECK(compliance(r.overall, "update").decided == 5);
  CHECK(compliance(r.overall, "update").met == 4);
  CHECK(compliance(r.overall, "acknowledge").decided == 0);  // no such target
}
