#include "case_timers.hpp"
#include "yaml_io.hpp"
#include "times.hpp"

#include <doctest/doctest.h>

using namespace crm;

namespace {

const char* const k_policy = R"(
timezone: America/Chicago
calendars:
  office:
    hours:
      mon-fri: "08:00-12:00, 13:00-17:00"
    holidays: [2026-11-26]
sla:
  default: {calendar: office, acknowledge: 4h, update: 2d, resolve: 5d, warn_at: 80%}
  priority:
    urgent: {calendar: 24x7, acknowledge: 30m, resolve: 8h}
)";

// A case opened Monday 23 November 2026, 09:00 Chicago (15:00Z), followed by `events`.
Value a_case(const std::string& priority, const std::string& status, const std::string& events) {
  return parse_yaml("id: C-000000000000\npriority: " + priority + "\nstatus: " + status +
                        "\ndepartment: water\nhistory:\n"
                        "  - {at: 2026-11-23T15:00:00Z, by: olivia, event: opened}\n"
                        "  - {at: 2026-11-23T15:00:00Z, by: olivia, event: routed, department: water}\n" +
                        events,
                    "case.yaml");
}

const CaseTimer& timer(const std::vector<CaseTimer>& timers, const std::string& target) {
  for (const auto& t : timers) {
    if (t.target == target) {
      return t;
    }
  }
  FAIL("no " << target << " timer");
  return timers.front();
}

}  // namespace

TEST_CASE("an unacknowledged case breaches its acknowledge target in business hours") {
  Config config = load_config(k_policy, "crm.yaml");
  auto timers = case_timers(a_case("normal", "new", ""), config, utc("2026-11-23T22:00:00Z"));
  REQUIRE(timers.size() == 3);
  const CaseTimer& ack = timer(timers, "acknowledge");
  // 09:00 + 4 business hours with lunch off: 14:00 CST.
  CHECK(format_utc(*ack.due) == "2026-11-23T20:00:00Z");
  CHECK(ack.breached());
  CHECK(ack.late_seconds == 2 * 3600);
  CHECK(ack.late_wall_seconds == 2 * 3600);
  CHECK(ack.calendar == "office");
  CHECK(ack.warn_percent == 80);
  // Five business days skip Thanksgiving: Tuesday 1 December, 09:00.
  CHECK(format_utc(*timer(timers, "resolve").due) == "2026-12-01T15:00:00Z");
  CHECK_FALSE(timer(timers, "resolve").breached());
}

TEST_CASE("acknowledging stops the acknowledge clock and restarts the update clock") {
  Config config = load_config(k_policy, "crm.yaml");
  auto timers = case_timers(
      a_case("normal", "acknowledged", "  - {at: 2026-11-23T16:00:00Z, by: raquel, event: acknowledged}\n"), config,
      utc("2026-11-24T22:00:00Z"));
  const CaseTimer& ack = timer(timers, "acknowledge");
  CHECK(ack.stopped == utc("2026-11-23T16:00:00Z"));
  CHECK_FALSE(ack.breached());
  CHECK(ack.late_seconds == 0);
  // Last activity Mon 10:00 + 2 business days: Wed 10:00.
  CHECK(format_utc(*timer(timers, "update").due) == "2026-11-25T16:00:00Z");
}

TEST_CASE("waiting on the customer pauses the resolve clock and keeps the time used") {
  Config config = load_config(k_policy, "crm.yaml");
  std::string events =
      "  - {at: 2026-11-23T16:00:00Z, by: raquel, event: acknowledged}\n"
      "  - {at: 2026-11-24T15:00:00Z, by: raquel, event: waiting}\n";
  auto paused = case_timers(a_case("normal", "waiting", events), config, utc("2026-11-24T21:00:00Z"));
  const CaseTimer& p = timer(paused, "resolve");
  CHECK(p.paused);
  CHECK_FALSE(p.due);
  CHECK(p.used_seconds == 8 * 3600);
  CHECK(p.paused_seconds == 6 * 3600);
  CHECK_FALSE(p.breached());

  events += "  - {at: 2026-11-25T15:00:00Z, by: raquel, event: resumed}\n";
  auto resumed = case_timers(a_case("normal", "acknowledged", events), config, utc("2026-11-25T16:00:00Z"));
  const CaseTimer& r = timer(resumed, "resolve");
  CHECK_FALSE(r.paused);
  // 40 business hours allowed, 8 used before waiting: the other 32 from Wed 09:00 end Wed 2 Dec 09:00.
  CHECK(format_utc(*r.due) == "2026-12-02T15:00:00Z");
  CHECK(r.paused_seconds == 24 * 3600);
  CHECK(r.used_seconds == 9 * 3600);
}

TEST_CASE("reopening starts a fresh resolve clock, closing stops them all") {
  Config config = load_config(k_policy, "crm.yaml");
  std::string events =
      "  - {at: 2026-11-23T16:00:00Z, by: raquel, event: acknowledged}\n"
      "  - {at: 2026-11-24T16:00:00Z, by: raquel, event: closed, resolution: fixed}\n";
  auto closed = case_timers(a_case("normal", "closed", events), config, utc("2026-12-10T16:00:00Z"));
  CHECK(closed.size() == 2);  // no update clock on a closed case
  CHECK(timer(closed, "resolve").stopped == utc("2026-11-24T16:00:00Z"));
  CHECK_FALSE(timer(closed, "resolve").breached());

  events += "  - {at: 2026-11-30T15:00:00Z, by: olivia, event: reopened, reason: again, to: acknowledged}\n";
  auto reopened = case_timers(a_case("normal", "acknowledged", events), config, utc("2026-11-30T16:00:00Z"));
  const CaseTimer& r = timer(reopened, "resolve");
  CHECK(r.started == utc("2026-11-30T15:00:00Z"));
  CHECK(format_utc(*r.due) == "2026-12-07T15:00:00Z");
  CHECK(r.used_seconds == 3600);
}

TEST_CASE("an urgent case counts wall time on the 24x7 calendar") {
  Config config = load_config(k_policy, "crm.yaml");
  auto timers = case_timers(a_case("urgent", "new", ""), config, utc("2026-11-23T16:00:00Z"));
  const CaseTimer& ack = timer(timers, "acknowledge");
  CHECK(ack.calendar == "24x7");
  CHECK(format_utc(*ack.due) == "2026-11-23T15:30:00Z");
  CHECK(ack.late_seconds == 1800);
  CHECK(format_utc(*timer(timers, "resolve").due) == "2026-11-23T23:00:00Z");
  // Targets the priority leaves out come from the default.
  CHECK(format_utc(*timer(timers, "update").due) == "2026-11-25T15:00:00Z");
}

TEST_CASE("no sla section means no clocks") {
  Config config = load_config("", "crm.yaml");
  CHECK(case_timers(a_case("normal", "new", ""), config, utc("2026-11-23T16:00:00Z")).empty());
}

TEST_CASE("final_close_time: the last close with no reopening after it, in a history in time order") {
  auto history = [](std::vector<std::pair<std::string, std::string>> entries) {
    Value data = Value::map();
    Value list = Value::list();
    for (const auto& [at, event] : entries) {
      Value e = Value::map();
      e.set("at", at);
      e.set("event", event);
      list.push_back(e);
    }
    data.set("history", list);
    return data;
  };
  CHECK(final_close_time(Value::map()) == "");
  CHECK(final_close_time(history({{"2026-11-23T09:00:00Z", "opened"}})) == "");
  CHECK(final_close_time(history({{"2026-11-23T09:00:00Z", "opened"}, {"2026-11-23T10:00:00Z", "closed"}})) ==
        "2026-11-23T10:00:00Z");
  CHECK(final_close_time(history({{"2026-11-23T09:00:00Z", "opened"},
                                  {"2026-11-23T10:00:00Z", "closed"},
                                  {"2026-11-23T11:00:00Z", "reopened"}})) == "");
  CHECK(final_close_time(history({{"2026-11-23T09:00:00Z", "opened"},
                                  {"2026-11-23T10:00:00Z", "closed"},
                                  {"2026-11-23T11:00:00Z", "reopened"},
                                  {"2026-11-23T12:00:00Z", "closed"},
                                  {"2026-11-23T13:00:00Z", "updated"}})) == "2026-11-23T12:00:00Z");
  // Out of order, case_timers may stop before the close: never call it closed.
  CHECK(final_close_time(history({{"2026-11-23T09:00:00Z", "opened"},
                                  {"2026-11-23T15:00:00Z", "updated"},
                                  {"2026-11-23T10:00:00Z", "closed"}})) == "");
}
