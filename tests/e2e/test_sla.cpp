// Service-level clocks (crm case show, crm case set), the overdue and due-soon
// reports, and the calendars/sla/escalation sections of crm.yaml.
#include "sla_setup.hpp"

#include <doctest/doctest.h>

#include <utility>

using namespace e2e;
using namespace e2e::sla;

namespace {

// The 1-based line of `text` holding `needle`.
int line_of(const std::string& text, const std::string& needle) {
  auto pos = text.find(needle);
  REQUIRE(pos != std::string::npos);
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(pos), '\n'));
}

// `text` with the first `from` replaced by `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  auto pos = text.find(from);
  REQUIRE(pos != std::string::npos);
  return text.replace(pos, from.size(), to);
}

// The cases of the report tests, opened through Thanksgiving week. Report time:
// Monday 30 November 2026, 09:00 CST (15:00Z).
struct Week {
  std::string contact;
  std::string f;  // Wed 25 11:00 CST, pedro: acknowledge due Wed 16:00 CST
  std::string a;  // Wed 25 15:00 CST, raquel: acknowledge due Fri 10:00 CST (Thursday is Thanksgiving)
  std::string b;  // Fri 27 08:00 CST, pedro: acknowledge due Fri 12:00 CST
  std::string e;  // Fri 27 08:00 CST, raquel, closed unacknowledged at 16:00 CST
  std::string c;  // Mon 30 06:30 CST, urgent, front desk queue: acknowledge due 07:00 CST on 24x7
  std::string d;  // Mon 30 08:00 CST, raquel: acknowledge due 12:00 CST
};

Week thanksgiving_week(Sandbox& s) {
  Week w;
  w.contact = init(s);
  w.f = open_case(s, "2026-11-25T17:00:00Z", w.contact, "Pipe burst on Oak Road",
                  {"--department", "water", "--handler", "pedro"});
  w.a = open_case(s, "2026-11-25T21:00:00Z", w.contact, "Leak on Elm Street");
  w.b = open_case(s, "2026-11-27T14:00:00Z", w.contact, "Hydrant knocked over",
                  {"--department", "water", "--handler", "pedro"});
  w.e = open_case(s, "2026-11-27T14:00:00Z", w.contact, "Duplicate report");
  s.ok({"--as", "raquel", "--now", "2026-11-27T22:00:00Z", "case", "close", w.e, "--resolution", "duplicate"});
  w.c = open_case(s, "2026-11-30T12:30:00Z", w.contact, "No water in the whole street",
                  {"--department", "front", "--priority", "urgent"});
  w.d = open_case(s, "2026-11-30T14:00:00Z", w.contact, "Meter question");
  return w;
}

const char* const k_report_at = "2026-11-30T15:00:00Z";

}  // namespace

TEST_CASE("case show lists each service-level clock of the issue's policy") {
  Sandbox s;
  std::string contact = init(s);
  std::string id = open_case(s, "2026-11-23T15:00:00Z", contact, "Leak on Elm Street");  // Monday 09:00 CST
  // Monday 13:00 CST: three business hours used (lunch does not count).
  YAML::Node shown = parse(s.ok({"--now", "2026-11-23T19:00:00Z", "case", "show", id, "--format", "json"}));
  YAML::Node timers = shown["timers"];
  REQUIRE(timers.size() == 3);
  const std::vector<std::pair<std::string, std::string>> due = {{"acknowledge", "2026-11-23T20:00:00Z"},
                                                                {"update", "2026-11-25T15:00:00Z"},
                                                                // Five business days skip Thanksgiving.
                                                                {"resolve", "2026-12-01T15:00:00Z"}};
  const std::vector<long long> allowed = {4 * 3600, 16 * 3600, 40 * 3600};
  for (std::size_t i = 0; i < 3; ++i) {
    CAPTURE(i);
    CHECK(timers[i]["target"].as<std::string>() == due[i].first);
    CHECK(timers[i]["state"].as<std::string>() == "running");
    CHECK(timers[i]["calendar"].as<std::string>() == "office");
    CHECK(timers[i]["started"].as<std::string>() == "2026-11-23T15:00:00Z");
    CHECK(timers[i]["due"].as<std::string>() == due[i].second);
    CHECK(timers[i]["stopped"].IsNull());
    CHECK(timers[i]["allowed_seconds"].as<long long>() == allowed[i]);
    CHECK(timers[i]["used_seconds"].as<long long>() == 3 * 3600);
    CHECK(timers[i]["late_seconds"].as<long long>() == 0);
    CHECK(timers[i]["paused_seconds"].as<long long>() == 0);
  }
  // Nothing about the clocks is stored in the case file.
  CHECK(s.read(case_path(id)).find("due") == std::string::npos);

  // Tuesday 09:00 CST: acknowledge is 4 business hours late, 19 hours of wall time.
  YAML::Node ack = timer(s, id, "2026-11-24T15:00:00Z", "acknowledge");
  CHECK(ack["state"].as<std::string>() == "late");
  CHECK(ack["late_seconds"].as<long long>() == 4 * 3600);
  CHECK(ack["late_wall_seconds"].as<long long>() == 19 * 3600);

  // The table shows a "Service levels" section before the calls.
  std::string table = s.ok({"--now", "2026-11-23T19:00:00Z", "case", "show", id});
  auto at = table.find("Service levels\n");
  REQUIRE(at != std::string::npos);
  CHECK(at < table.find("Calls\n"));
  auto rows = lines(table.substr(at));
  REQUIRE(rows.size() > 4);
  CHECK(rows[1].rfind("TARGET", 0) == 0);
  CHECK(rows[2].rfind("acknowledge  running", 0) == 0);
  CHECK(rows[2].find("1h left") != std::string::npos);
  CHECK(rows[3].find("13h left") != std::string::npos);
  CHECK(rows[4].find("37h left") != std::string::npos);

  // Due times follow the policy: nothing stale is stored.
  s.write("crm.yaml", replaced(k_policy, "acknowledge: 4h", "acknowledge: 2h"));
  ack = timer(s, id, "2026-11-23T16:00:00Z", "acknowledge");
  CHECK(ack["due"].as<std::string>() == "2026-11-23T17:00:00Z");
  CHECK(ack["allowed_seconds"].as<long long>() == 2 * 3600);
  s.write("crm.yaml", replaced(k_policy, "water: {calendar: office}", "water: {calendar: always}"));
  ack = timer(s, id, "2026-11-23T16:00:00Z", "acknowledge");
  CHECK(ack["calendar"].as<std::string>() == "always");
  CHECK(ack["due"].as<std::string>() == "2026-11-23T19:00:00Z");
}

TEST_CASE("a one-day target from Friday afternoon before the DST change ends Monday at the same local time") {
  Sandbox s;
  std::string contact = init(s, std::string("timezone: America/Chicago\n") +
                                    "calendars:\n"
                                    "  office:\n"
                                    "    timezone: America/Chicago\n"
                                    "    hours: {mon-fri: \"08:00-12:00, 13:00-17:00\"}\n"
                                    "sla:\n"
                                    "  default: {calendar: office, resolve: 1d}\n");
  // Friday 30 October 2026, 16:00 CDT (UTC-5); Chicago falls back on Sunday 1 November.
  std::string id = open_case(s, "2026-10-30T21:00:00Z", contact, "Leak on Elm Street");
  YAML::Node timers = parse(s.ok({"--now", "2026-10-30T21:00:00Z", "case", "show", id, "--format", "json"}))["timers"];
  REQUIRE(timers.size() == 1);  // only the targets crm.yaml sets
  CHECK(timers[0]["target"].as<std::string>() == "resolve");
  // Monday 2 November, 16:00 CST (UTC-6).
  CHECK(timers[0]["due"].as<std::string>() == "2026-11-02T22:00:00Z");
  CHECK(timers[0]["allowed_seconds"].as<long long>() == 8 * 3600);
  // Shown local in a table: 16:00, not 15:00 or 17:00.
  CHECK(s.ok({"--now", "2026-10-30T21:00:00Z", "case", "show", id}).find("resolve  running  2026-11-02 16:00") !=
        std::string::npos);

  CHECK(s.ok({"--now", "2026-11-02T22:00:00Z", "report", "overdue"}).empty());
  YAML::Node row = parse(s.ok({"--now", "2026-11-02T22:30:00Z", "report", "overdue", "--format", "json"}))[0];
  CHECK(row["id"].as<std::string>() == id);
  CHECK(row["due"].as<std::string>() == "2026-11-02T22:00:00Z");
  CHECK(row["late_seconds"].as<long long>() == 1800);
  CHECK(row["late_wall_seconds"].as<long long>() == 1800);
  auto table = lines(s.ok({"--now", "2026-11-02T22:30:00Z", "report", "overdue"}));
  REQUIRE(table.size() == 2);
  CHECK(table[1].find("resolve  2026-11-02 16:00  30m") != std::string::npos);
  // Due soon on Monday afternoon: one business hour ahead.
  YAML::Node soon =
      parse(s.ok({"--now", "2026-11-02T21:00:00Z", "report", "due-soon", "--within", "1h", "--format", "json"}));
  REQUIRE(soon.size() == 1);
  CHECK(soon[0]["remaining"].as<std::string>() == "1h");
  CHECK(s.ok({"--now", "2026-11-02T20:59:00Z", "report", "due-soon", "--within", "1h"}).empty());
}

TEST_CASE("waiting on the customer pauses the resolve clock, resuming keeps the time used") {
  Sandbox s;
  std::string contact = init(s);
  std::string id = open_case(s, "2026-11-23T15:00:00Z", contact, "Leak on Elm Street");
  s.ok({"--as", "raquel", "--now", "2026-11-23T16:00:00Z", "case", "ack", id});
  // Tuesday 09:00 CST: 8 business hours used, then waiting on the customer.
  s.ok({"--as", "raquel", "--now", "2026-11-24T15:00:00Z", "case", "wait", id, "--note", "need photos"});

  YAML::Node paused = timer(s, id, "2026-11-24T21:00:00Z", "resolve");
  CHECK(paused["state"].as<std::string>() == "paused");
  CHECK(paused["due"].IsNull());
  CHECK(paused["used_seconds"].as<long long>() == 8 * 3600);
  CHECK(paused["paused_seconds"].as<long long>() == 6 * 3600);
  CHECK(timer(s, id, "2026-11-24T21:00:00Z", "update")["state"].as<std::string>() == "paused");
  CHECK(timer(s, id, "2026-11-24T21:00:00Z", "acknowledge")["state"].as<std::string>() == "met");
  // However long the customer takes, nothing falls due.
  CHECK(s.ok({"--now", "2026-12-31T15:00:00Z", "report", "overdue"}).empty());
  CHECK(s.ok({"--now", "2026-12-31T15:00:00Z", "report", "due-soon", "--within", "1w"}).empty());
  CHECK(timer(s, id, "2026-12-31T15:00:00Z", "resolve")["used_seconds"].as<long long>() == 8 * 3600);

  // Wednesday 09:00 CST the customer answers: 32 business hours are left.
  s.ok({"--as", "raquel", "--now", "2026-11-25T15:00:00Z", "case", "resume", id});
  YAML::Node resumed = timer(s, id, "2026-11-25T16:00:00Z", "resolve");
  CHECK(resumed["state"].as<std::string>() == "running");
  CHECK(resumed["used_seconds"].as<long long>() == 9 * 3600);
  CHECK(resumed["paused_seconds"].as<long long>() == 24 * 3600);
  CHECK(resumed["started"].as<std::string>() == "2026-11-23T15:00:00Z");
  // Wed 7h, Fri 8h, Mon 8h, Tue 8h, Wed 2 December 1h: 09:00 CST.
  CHECK(resumed["due"].as<std::string>() == "2026-12-02T15:00:00Z");
  CHECK(timer(s, id, "2026-11-25T16:00:00Z", "update")["due"].as<std::string>() == "2026-11-30T15:00:00Z");
}

TEST_CASE("reopening a closed case starts a fresh resolve clock") {
  Sandbox s;
  std::string contact = init(s);
  std::string id = open_case(s, "2026-11-23T15:00:00Z", contact, "Leak on Elm Street");
  s.ok({"--as", "raquel", "--now", "2026-11-23T16:00:00Z", "case", "ack", id});
  s.ok({"--as", "raquel", "--now", "2026-11-24T16:00:00Z", "case", "close", id, "--resolution", "valve replaced"});
  YAML::Node closed = parse(s.ok({"--now", "2026-11-27T16:00:00Z", "case", "show", id, "--format", "json"}))["timers"];
  REQUIRE(closed.size() == 2);  // no update clock on a closed case
  CHECK(closed[1]["target"].as<std::string>() == "resolve");
  CHECK(closed[1]["state"].as<std::string>() == "met");
  CHECK(closed[1]["stopped"].as<std::string>() == "2026-11-24T16:00:00Z");
  CHECK(closed[1]["used_seconds"].as<long long>() == 9 * 3600);

  // Monday 30 November 09:00 CST: the customer calls again.
  s.ok({"--now", "2026-11-30T15:00:00Z", "case", "reopen", id, "--reason", "leaking again"});
  YAML::Node resolve = timer(s, id, "2026-11-30T16:00:00Z", "resolve");
  CHECK(resolve["state"].as<std::string>() == "running");
  CHECK(resolve["started"].as<std::string>() == "2026-11-30T15:00:00Z");
  CHECK(resolve["stopped"].IsNull());
  CHECK(resolve["used_seconds"].as<long long>() == 3600);
  CHECK(resolve["due"].as<std::string>() == "2026-12-07T15:00:00Z");
  // Acknowledged cases reopen acknowledged: that clock stays met.
  CHECK(timer(s, id, "2026-11-30T16:00:00Z", "acknowledge")["state"].as<std::string>() == "met");
  CHECK(timer(s, id, "2026-11-30T16:00:00Z", "update")["due"].as<std::string>() == "2026-12-02T15:00:00Z");
  CHECK(column(s.ok({"--now", "2026-12-04T15:00:00Z", "report", "overdue", "--format", "json"}), "target") ==
        std::vector<std::string>{"update"});

  // With `cases: {reopen_to: new}` the case must be acknowledged again, on a fresh clock too.
  s.write("crm.yaml", std::string(k_policy) + "cases: {reopen_to: new}\n");
  s.ok({"--as", "raquel", "--now", "2026-12-04T16:00:00Z", "case", "close", id, "--resolution", "fixed for good"});
  s.ok({"--now", "2026-12-07T15:00:00Z", "case", "reopen", id, "--reason", "and again"});
  CHECK(parse(s.read(case_path(id)))["status"].as<std::string>() == "new");
  YAML::Node ack = timer(s, id, "2026-12-07T16:00:00Z", "acknowledge");
  CHECK(ack["state"].as<std::string>() == "running");
  CHECK(ack["started"].as<std::string>() == "2026-12-07T15:00:00Z");
  CHECK(ack["due"].as<std::string>() == "2026-12-07T20:00:00Z");
  CHECK(timer(s, id, "2026-12-07T16:00:00Z", "resolve")["started"].as<std::string>() == "2026-12-07T15:00:00Z");
}

TEST_CASE("case set --priority moves the clocks to that priority's calendar and targets") {
  Sandbox s;
  std::string contact = init(s);
  std::string id = open_case(s, "2026-11-23T15:00:00Z", contact, "Leak on Elm Street");
  CHECK(timer(s, id, "2026-11-23T15:10:00Z", "acknowledge")["due"].as<std::string>() == "2026-11-23T20:00:00Z");

  s.ok({"--now", "2026-11-23T15:10:00Z", "case", "set", id, "--priority", "urgent"});
  CHECK(parse(s.read(case_path(id)))["priority"].as<std::string>() == "urgent");
  YAML::Node ack = timer(s, id, "2026-11-23T15:10:00Z", "acknowledge");
  CHECK(ack["calendar"].as<std::string>() == "always");
  CHECK(ack["allowed_seconds"].as<long long>() == 1800);
  CHECK(ack["due"].as<std::string>() == "2026-11-23T15:30:00Z");  // counted from the opening
  YAML::Node resolve = timer(s, id, "2026-11-23T15:10:00Z", "resolve");
  CHECK(resolve["calendar"].as<std::string>() == "always");
  CHECK(resolve["due"].as<std::string>() == "2026-11-23T23:00:00Z");  // 8h of wall time

  YAML::Node row = parse(s.ok({"--now", "2026-11-23T15:45:00Z", "report", "overdue", "--format", "json"}))[0];
  CHECK(row["id"].as<std::string>() == id);
  CHECK(row["priority"].as<std::string>() == "urgent");
  CHECK(row["calendar"].as<std::string>() == "always");
  CHECK(row["late"].as<std::string>() == "15m");

  // High priority: 1 business hour to acknowledge, 2 business days to resolve, on the office calendar.
  s.ok({"--now", "2026-11-23T15:50:00Z", "case", "set", id, "--priority", "high"});
  ack = timer(s, id, "2026-11-23T15:50:00Z", "acknowledge");
  CHECK(ack["calendar"].as<std::string>() == "office");
  CHECK(ack["due"].as<std::string>() == "2026-11-23T16:00:00Z");
  CHECK(timer(s, id, "2026-11-23T15:50:00Z", "resolve")["due"].as<std::string>() == "2026-11-25T15:00:00Z");
  CHECK(s.ok({"--now", "2026-11-23T15:50:00Z", "report", "overdue"}).empty());

  // Back to normal: the defaults again.
  s.ok({"--now", "2026-11-23T15:55:00Z", "case", "set", id, "--priority", "normal"});
  CHECK(timer(s, id, "2026-11-23T15:55:00Z", "acknowledge")["due"].as<std::string>() == "2026-11-23T20:00:00Z");
}

TEST_CASE("report overdue lists every late clock, most late first, in every format") {
  Sandbox s;
  Week w = thanksgiving_week(s);
  Result r = s.run({"--now", k_report_at, "report", "overdue", "--format", "json"});
  REQUIRE(r.status == 0);
  CHECK(r.err.empty());
  YAML::Node rows = parse(r.out);
  REQUIRE(rows.size() == 4);
  // Business lateness counts only office hours; wall lateness counts everything.
  struct Expected {
    std::string id, title, priority, department, handler, due, late;
    long long late_seconds;
    std::string late_wall;
    long long late_wall_seconds;
    std::string calendar;
  };
  const std::vector<Expected> expected = {
      // Wed 16-17, Fri 8h, Mon 08-09: 10h; Wed 16:00 to Mon 09:00.
      {w.f, "Pipe burst on Oak Road", "normal", "water", "pedro", "2026-11-25T22:00:00Z", "10h", 10 * 3600, "4d17h",
       113 * 3600, "office"},
      // Fri 10-12, 13-17, Mon 08-09: 7h; the weekend and Thanksgiving do not count.
      {w.a, "Leak on Elm Street", "normal", "water", "raquel", "2026-11-27T16:00:00Z", "7h", 7 * 3600, "2d23h",
       71 * 3600, "office"},
      {w.b, "Hydrant knocked over", "normal", "water", "pedro", "2026-11-27T18:00:00Z", "5h", 5 * 3600, "2d21h",
       69 * 3600, "office"},
      // Urgent runs 24x7 and its 30m beats the front desk's 1h.
      {w.c, "No water in the whole street", "urgent", "front", "", "2026-11-30T13:00:00Z", "2h", 2 * 3600, "2h",
       2 * 3600, "always"},
  };
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    const YAML::Node& row = rows[i];
    const Expected& e = expected[i];
    CHECK(row["id"].as<std::string>() == e.id);
    CHECK(row["title"].as<std::string>() == e.title);
    CHECK(row["priority"].as<std::string>() == e.priority);
    CHECK(row["department"].as<std::string>() == e.department);
    CHECK((e.handler.empty() ? row["handler"].IsNull() : row["handler"].as<std::string>() == e.handler));
    CHECK(row["target"].as<std::string>() == "acknowledge");
    CHECK(row["due"].as<std::string>() == e.due);
    CHECK(row["late"].as<std::string>() == e.late);
    CHECK(row["late_seconds"].as<long long>() == e.late_seconds);
    CHECK(row["late_wall"].as<std::string>() == e.late_wall);
    CHECK(row["late_wall_seconds"].as<long long>() == e.late_wall_seconds);
    CHECK(row["remaining"].as<std::string>().empty());
    CHECK(row["level"].as<int>() == 0);
    CHECK(row["calendar"].as<std::string>() == e.calendar);
  }
  std::vector<std::string> keys;
  for (const auto& kv : rows[0]) {
    keys.push_back(kv.first.as<std::string>());
  }
  CHECK(keys == std::vector<std::string>{"id", "title", "priority", "department", "handler", "target", "due", "late",
                                         "late_seconds", "late_wall", "late_wall_seconds", "remaining", "level",
                                         "calendar"});

  auto csv = lines(s.ok({"--now", k_report_at, "report", "overdue", "--format", "csv"}));
  REQUIRE(csv.size() == 5);
  CHECK(csv[0] ==
        "id,title,priority,department,handler,target,due,late,late_seconds,late_wall,late_wall_seconds,remaining,level,"
        "calendar");
  CHECK(csv[1] == w.f +
                      ",Pipe burst on Oak Road,normal,water,pedro,acknowledge,2026-11-25T22:00:00Z,10h,36000,4d17h,"
                      "406800,,0,office");
  CHECK(csv[4] == w.c +
                      ",No water in the whole street,urgent,front,,acknowledge,2026-11-30T13:00:00Z,2h,7200,2h,7200,"
                      ",0,always");
  auto tsv = lines(s.ok({"--now", k_report_at, "report", "overdue", "--format", "tsv"}));
  REQUIRE(tsv.size() == 5);
  CHECK(tsv[2].rfind(w.a + "\tLeak on Elm Street\tnormal\twater\traquel\tacknowledge\t", 0) == 0);

  // The table: one line per late clock, in the CRM's zone (UTC here).
  auto table = lines(s.ok({"--now", k_report_at, "report", "overdue"}));
  REQUIRE(table.size() == 5);
  CHECK(table[0].rfind("ID", 0) == 0);
  for (const char* header : {"DEPARTMENT", "HANDLER", "TARGET", "DUE", "LATE", "WALL", "LEVEL", "TITLE"}) {
    CHECK(table[0].find(header) != std::string::npos);
  }
  CHECK(table[1].rfind(w.f + "  water", 0) == 0);
  CHECK(table[1].find("2026-11-25 22:00") != std::string::npos);
  CHECK(table[1].find("4d17h") != std::string::npos);
  CHECK(table[2].rfind(w.a, 0) == 0);
  CHECK(table[3].rfind(w.b, 0) == 0);
  CHECK(table[4].rfind(w.c, 0) == 0);
  CHECK(table[4].find("Pipe") == std::string::npos);
  // The closed case and the case not yet due are not there.
  CHECK(r.out.find(w.e) == std::string::npos);
  CHECK(r.out.find(w.d) == std::string::npos);
}

TEST_CASE("report overdue measures lateness across Thanksgiving in business and in wall time") {
  Sandbox s;
  Week w = thanksgiving_week(s);
  // Friday 27 November 09:00 CST: only the Wednesday case is late, by Wed 16-17 and Fri 08-09.
  YAML::Node rows = parse(s.ok({"report", "overdue", "--at", "2026-11-27T15:00:00Z", "--format", "json"}));
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["id"].as<std::string>() == w.f);
  CHECK(rows[0]["late"].as<std::string>() == "2h");
  CHECK(rows[0]["late_wall"].as<std::string>() == "1d17h");
  // On the holiday itself no business time passes.
  rows = parse(s.ok({"report", "overdue", "--at", "2026-11-26T20:00:00Z", "--format", "json"}));
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["late_seconds"].as<long long>() == 3600);
  CHECK(rows[0]["late_wall_seconds"].as<long long>() == 22 * 3600);
}

TEST_CASE("report overdue prints nothing when nothing is overdue, --exit-code tells cron") {
  Sandbox s;
  std::string contact = init(s);
  std::string id = open_case(s, "2026-11-23T15:00:00Z", contact, "Leak on Elm Street");
  for (const char* format : {"table", "csv", "tsv"}) {
    CAPTURE(format);
    Result r = s.run({"--now", "2026-11-23T19:59:00Z", "report", "overdue", "--format", format});
    CHECK(r.status == 0);
    CHECK(r.out.empty());
    CHECK(r.err.empty());
  }
  Result r = s.run({"--now", "2026-11-23T19:59:00Z", "report", "overdue", "--exit-code"});
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err.empty());
  // JSON and YAML still give a (empty) list to parse.
  CHECK(parse(s.ok({"--now", "2026-11-23T19:59:00Z", "report", "overdue", "--format", "json"})).size() == 0);

  r = s.run({"--now", "2026-11-23T20:01:00Z", "report", "overdue", "--exit-code"});
  CHECK(r.status == 1);
  CHECK(r.err.empty());
  REQUIRE(lines(r.out).size() == 2);
  CHECK(lines(r.out)[1].rfind(id, 0) == 0);
  // Without --exit-code a finding is still a success.
  CHECK(s.run({"--now", "2026-11-23T20:01:00Z", "report", "overdue"}).status == 0);
  // -q keeps the data.
  CHECK(s.run({"-q", "--now", "2026-11-23T20:01:00Z", "report", "overdue", "--exit-code"}).out == r.out);
}

TEST_CASE("report overdue filters by department, handler and time") {
  Sandbox s;
  Week w = thanksgiving_week(s);
  auto ids = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--now", k_report_at, "report", "overdue", "--format", "json"});
    return column(s.ok(args), "id");
  };
  CHECK(ids({"--department", "water"}) == std::vector<std::string>{w.f, w.a, w.b});
  CHECK(ids({"--department", "front"}) == std::vector<std::string>{w.c});
  CHECK(ids({"--handler", "pedro"}) == std::vector<std::string>{w.f, w.b});
  CHECK(ids({"--handler", "raquel"}) == std::vector<std::string>{w.a});
  CHECK(ids({"--handler", "none"}) == std::vector<std::string>{w.c});
  CHECK(ids({"--handler", "pedro", "--department", "front"}).empty());
  CHECK(ids({"--department", "water", "--handler", "pedro", "--at", "2026-11-27T17:00:00Z"}) ==
        std::vector<std::string>{w.f});
  // --at wins over --now.
  CHECK(ids({"--at", "2026-11-27T17:00:00Z"}) == std::vector<std::string>{w.f, w.a});
  Result r =
      s.run({"--now", k_report_at, "report", "overdue", "--handler", "pedro", "--department", "front", "--exit-code"});
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  s.fails(4, {"report", "overdue", "--department", "sewers"});
  s.fails(4, {"report", "overdue", "--handler", "nobody"});
  s.fails(2, {"report", "overdue", "--at", "someday"});
}

TEST_CASE("a case due at closing time on Friday is overdue in Monday's 08:00 report") {
  Sandbox s;
  std::string contact = init(s);
  // Friday 27 November 13:00 CST: acknowledge is due at 17:00 CST.
  std::string id = open_case(s, "2026-11-27T19:00:00Z", contact, "Leak on Elm Street");
  CHECK(timer(s, id, "2026-11-27T19:00:00Z", "acknowledge")["due"].as<std::string>() == "2026-11-27T23:00:00Z");
  // Cron's `0 8 * * 1-5 crm report overdue` runs exactly at the opening.
  Result r = s.run({"--now", "2026-11-30T14:00:00Z", "report", "overdue", "--exit-code", "--format", "json"});
  CHECK(r.status == 1);
  YAML::Node rows = parse(r.out);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["id"].as<std::string>() == id);
  CHECK(rows[0]["late_seconds"].as<long long>() == 0);
  CHECK(rows[0]["late_wall"].as<std::string>() == "2d15h");
  // Past due is past due, even outside office hours.
  CHECK(column(s.ok({"--now", "2026-11-27T23:05:00Z", "report", "overdue", "--format", "json"}), "id") ==
        std::vector<std::string>{id});
  CHECK(s.ok({"--now", "2026-11-27T23:00:00Z", "report", "overdue"}).empty());
  CHECK(timer(s, id, "2026-11-28T16:00:00Z", "acknowledge")["state"].as<std::string>() == "late");
}

TEST_CASE("report due-soon lists clocks falling due within a span of business time, soonest first") {
  Sandbox s;
  Week w = thanksgiving_week(s);
  // Monday 09:00 CST + 4 business hours is 14:00 CST.
  Result r = s.run({"--now", k_report_at, "report", "due-soon", "--within", "4h", "--format", "json"});
  REQUIRE(r.status == 0);
  YAML::Node rows = parse(r.out);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0]["id"].as<std::string>() == w.f);
  CHECK(rows[0]["target"].as<std::string>() == "update");  // opened Wed 11:00 + 2 business days
  CHECK(rows[0]["due"].as<std::string>() == "2026-11-30T17:00:00Z");
  CHECK(rows[0]["remaining"].as<std::string>() == "2h");
  CHECK(rows[1]["id"].as<std::string>() == w.d);
  CHECK(rows[1]["target"].as<std::string>() == "acknowledge");
  CHECK(rows[1]["remaining"].as<std::string>() == "3h");
  // The default span is 4h.
  CHECK(s.ok({"--now", k_report_at, "report", "due-soon", "--format", "json"}) == r.out.substr(0, r.out.size() - 1));

  // A business day ahead reaches Tuesday 09:00 CST; the urgent case's 24x7 clock, a wall day.
  rows = parse(s.ok({"--now", k_report_at, "report", "due-soon", "--within", "1d", "--format", "json"}));
  std::vector<std::string> got;
  for (const auto& row : rows) {
    got.push_back(row["id"].as<std::string>() + " " + row["target"].as<std::string>());
  }
  CHECK(got == std::vector<std::string>{w.f + " update", w.d + " acknowledge", w.c + " resolve", w.a + " update",
                                        w.b + " update"});
  CHECK(column(s.ok({"--now", k_report_at, "report", "due-soon", "--within", "1d", "--handler", "raquel", "--format",
                     "json"}),
               "id") == std::vector<std::string>{w.d, w.a});
  CHECK(column(s.ok({"--now", k_report_at, "report", "due-soon", "--within", "1d", "--department", "front", "--format",
                     "json"}),
               "id") == std::vector<std::string>{w.c});

  auto table = lines(s.ok({"--now", k_report_at, "report", "due-soon"}));
  REQUIRE(table.size() == 3);
  CHECK(table[0].find("LEFT") != std::string::npos);
  CHECK(table[1].rfind(w.f, 0) == 0);
  // Nothing due within 30 minutes: silence.
  CHECK(s.run({"--now", k_report_at, "report", "due-soon", "--within", "30m"}).out.empty());
  s.fails(2, {"report", "due-soon", "--within", "soon"});
}

TEST_CASE("without an sla section cases have no clocks and cron stays quiet") {
  Sandbox s;
  std::string contact = init(s, std::string("calendars:\n  always: 24x7\n"));
  std::string id = open_case(s, "2026-11-23T15:00:00Z", contact, "Leak on Elm Street");
  CHECK(parse(s.ok({"--now", "2026-12-23T15:00:00Z", "case", "show", id, "--format", "json"}))["timers"].size() == 0);
  CHECK(s.ok({"--now", "2026-12-23T15:00:00Z", "case", "show", id}).find("Service levels") == std::string::npos);
  auto before = s.snapshot();
  CHECK(s.ok({"--now", "2026-12-23T15:00:00Z", "report", "overdue"}).empty());
  CHECK(s.ok({"--now", "2026-12-23T15:00:00Z", "report", "due-soon", "--within", "1w"}).empty());
  CHECK(escalate(s, "2026-12-23T15:00:00Z").out.empty());
  CHECK(s.snapshot() == before);
}

TEST_CASE("a bad calendar, sla or escalation setting stops every command with its crm.yaml line") {
  Sandbox s;
  init(s);
  const std::string good = k_policy;
  struct Bad {
    std::string from, to, message;
  };
  const std::vector<Bad> bad = {
      {"resolve: 5d", "resolve: 5x", "sla.default.resolve: '5x' is not a duration like 4h, 2d, 30m or 1w"},
      {"calendar: office, ack", "calendar: ofice, ack",
       "sla.default.calendar: no calendar 'ofice' in 'calendars' (did you mean 'office'?)"},
      {"warn_at: 80%", "warn_at: 120%", "sla.default.warn_at: '120%' is not a percentage between 1% and 99%"},
      {"urgent: {", "critical: {", "sla.priority: 'critical' is not a priority (low, normal, high, urgent)"},
      {"water: {calendar: office}", "water: {calendar: nights}",
       "sla.department.water.calendar: no calendar "
       "'nights' in 'calendars'"},
      {"every: 4h}\n  department", "every: soon}\n  department",
       "escalation.default.every: 'soon' is not a duration like 4h or 1d"},
      {"[handler, manager, \"user:olivia\"]", "[handler, \"user:\"]",
       "escalation.department.water.chain: 'user:' names nobody"},
      {"tue: \"08:00-12:00, 13:00-17:00\"", "tue: \"08:00-12:00, 11:00-17:00\"",
       "calendars.office.hours.tue: the ranges in '08:00-12:00, 11:00-17:00' overlap"},
      {"wed: \"08:00-12:00, 13:00-17:00\"", "wed: 8-12",
       "calendars.office.hours.wed: '8-12' is not a time range like 08:00-12:00"},
      {"America/Chicago", "America/Chicgo",
       "unknown time zone 'America/Chicgo' (expected an IANA name such as Europe/Berlin)"},
      {"2026-12-25]", "2026-12-32]", "calendars.office.holidays: '2026-12-32' is not a date like 2026-12-25"},
      {"always: 24x7", "always: 24/7",
       "calendars.always: '24/7' is not a calendar (write 24x7, or timezone/hours/holidays)"},
  };
  for (const auto& b : bad) {
    CAPTURE(b.to);
    std::string text = replaced(good, b.from, b.to);
    s.write("crm.yaml", text);
    std::string expected = "crm: error: crm.yaml:" + std::to_string(line_of(text, b.to)) + ": " + b.message;
    for (const auto& args :
         std::vector<std::vector<std::string>>{{"escalate"}, {"report", "overdue"}, {"case", "list"}}) {
      Result r = s.fails(3, args);
      CHECK(r.err.rfind(expected, 0) == 0);
    }
  }
  s.write("crm.yaml", good);
  CHECK(s.ok({"case", "list"}).empty());
}

TEST_CASE("crm check reports unknown keys in calendars, sla and escalation") {
  Sandbox s;
  init(s);
  std::string text = k_policy;
  text = replaced(text, "    holidays:", "    holiday: [2026-01-01]\n    holidays:");
  text = replaced(text, "default: {calendar: office,", "default: {acknowlege: 1h, calendar: office,");
  text = replaced(text, "  priority:\n", "  priorty: {}\n  priority:\n");
  text = replaced(text, "water: {chain: [handler, manager, \"user:olivia\"], every: 4h}",
                  "water: {chain: [handler, manager, \"user:olivia\"], evry: 4h}");
  s.write("crm.yaml", text);
  // The policy still loads: other commands work.
  CHECK(s.run({"report", "overdue"}).status == 0);
  Result r = s.run({"check"});
  CHECK(r.status == 1);
  auto found = lines(r.out);
  CHECK(found == std::vector<std::string>{
                     "crm.yaml:" + std::to_string(line_of(text, "holiday:")) +
                         ": unknown key 'calendars.office.holiday' (did you mean 'holidays'?)",
                     "crm.yaml:" + std::to_string(line_of(text, "acknowlege")) +
                         ": unknown key 'sla.default.acknowlege' (did you mean 'acknowledge'?)",
                     "crm.yaml:" + std::to_string(line_of(text, "priorty")) +
                         ": unknown key 'sla.priorty' (did you mean 'priority'?)",
                     "crm.yaml:" + std::to_string(line_of(text, "evry")) +
                         ": unknown key 'escalation.department.water.evry' (did you mean 'every'?)",
                 });
  s.write("crm.yaml", k_policy);
  CHECK(s.run({"check"}).status == 0);
}

TEST_CASE("report overdue --at an earlier time sees the cases as they were then") {
  Sandbox s;
  std::string contact = init(s);
  // Monday 23 November 09:00 CST; acknowledge is due at 14:00 CST, and nobody acts until Wednesday.
  std::string id = open_case(s, "2026-11-23T15:00:00Z", contact, "Leak on Elm Street");
  s.ok({"--as", "raquel", "--now", "2026-11-25T15:00:00Z", "case", "ack", id});
  s.ok({"--as", "raquel", "--now", "2026-11-25T16:00:00Z", "case", "close", id, "--resolution", "fixed"});
  // Today nothing is overdue...
  CHECK(s.ok({"--now", "2026-11-25T17:00:00Z", "report", "overdue"}).empty());
  // ...but on Tuesday morning the acknowledgement was late, whatever happened since.
  std::string then = s.ok({"--now", "2026-11-25T17:00:00Z", "report", "overdue", "--at", "2026-11-24T15:00:00Z",
                           "--format", "json"});
  CHECK(column(then, "id") == std::vector<std::string>{id});
  CHECK(column(then, "target") == std::vector<std::string>{"acknowledge"});
  CHECK(timer(s, id, "2026-11-24T15:00:00Z", "acknowledge")["state"].as<std::string>() == "late");
  CHECK(timer(s, id, "2026-11-25T17:00:00Z", "acknowledge")["state"].as<std::string>() == "missed");
}
