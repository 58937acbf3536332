// crm escalate: dropped balls escalated level by level through simulated days,
// "due soon" warnings, idempotence, and rescue by acting on the case.
#include "sla_setup.hpp"

#include <doctest/doctest.h>

using namespace e2e;
using namespace e2e::sla;

namespace {

// Lines of `crm escalate` output that concern case `id`.
std::vector<std::string> lines_about(const std::string& out, const std::string& id) {
  std::vector<std::string> found;
  for (const auto& l : lines(out)) {
    if (l.rfind(id + " ", 0) == 0) {
      found.push_back(l);
    }
  }
  return found;
}

}  // namespace

TEST_CASE("an unacknowledged case escalates level by level across days, then is rescued") {
  Sandbox s;
  std::string contact = init(s);
  // Monday 23 November, 09:00 CST: fiona opens a case for raquel; acknowledge
  // is due 4 business hours later, 14:00 CST (lunch 12:00-13:00 does not count).
  std::string id = open_case(s, "2026-11-23T15:00:00Z", contact, "Leak on Elm Street");
  CHECK(timer(s, id, "2026-11-23T15:00:00Z", "acknowledge")["due"].as<std::string>() == "2026-11-23T20:00:00Z");
  NotificationWatch watch(s);

  // 14:00 CST: due, not yet late.
  CHECK(escalate(s, "2026-11-23T19:59:00Z").out.find("escalated") == std::string::npos);
  watch.take();

  // 14:30 CST: level 1 of the water chain, the handler.
  Result r = escalate(s, "2026-11-23T20:30:00Z");
  CHECK(r.out == id + " escalated acknowledge level 1 -> raquel, fiona: dropped ball: case " + id +
                     " was due to be acknowledged 30m ago (30m of business time); escalated to level 1 (handler): "
                     "Leak on Elm Street\n");
  auto notes = watch.take();
  REQUIRE(notes.size() == 2);
  CHECK(notes[0]["user"].as<std::string>() == "fiona");   // the requester
  CHECK(notes[1]["user"].as<std::string>() == "raquel");  // the handler, at level 1
  for (const auto& n : notes) {
    CHECK(n["event"].as<std::string>() == "case-escalated");
    CHECK(n["about"].as<std::string>() == id);
    CHECK(n["at"].as<std::string>() == "2026-11-23T20:30:00Z");
    CHECK(n["message"].as<std::string>().rfind("dropped ball: case " + id + " was due to be acknowledged 30m ago", 0) ==
          0);
  }
  auto escalated = entries(s, id, "escalated");
  REQUIRE(escalated.size() == 1);
  CHECK(escalated[0]["at"].as<std::string>() == "2026-11-23T20:30:00Z");
  CHECK(escalated[0]["target"].as<std::string>() == "acknowledge");
  CHECK(escalated[0]["level"].as<int>() == 1);
  CHECK(escalated[0]["to"].as<std::string>() == "raquel");
  CHECK_FALSE(escalated[0]["by"]);  // cron has no user: the system escalates
  CHECK(column(s.ok({"--now", "2026-11-23T20:30:00Z", "report", "overdue", "--format", "json"}), "level") ==
        std::vector<std::string>{"1"});

  // The next level comes 4 business hours after the due time: Tuesday 09:00 CST.
  // Monday evening and early Tuesday nothing changes, however often cron runs.
  for (const char* at :
       {"2026-11-23T20:35:00Z", "2026-11-23T23:30:00Z", "2026-11-24T06:00:00Z", "2026-11-24T14:59:00Z"}) {
    CAPTURE(at);
    CHECK(escalate(s, at).out.empty());
  }
  CHECK(watch.take().empty());

  // Tuesday 09:05 CST: level 2, raquel's manager pedro.
  r = escalate(s, "2026-11-24T15:05:00Z");
  CHECK(r.out == id + " escalated acknowledge level 2 -> pedro, raquel, fiona: dropped ball: case " + id +
                     " was due to be acknowledged 19h5m ago (4h5m of business time); escalated to level 2 "
                     "(manager): Leak on Elm Street\n");
  CHECK(told(watch) ==
        std::vector<std::string>{"fiona case-escalated", "pedro case-escalated", "raquel case-escalated"});

  // Level 3 (user:olivia) at 09:00 + 4 business hours: 14:00 CST.
  CHECK(escalate(s, "2026-11-24T19:59:00Z").out.empty());
  r = escalate(s, "2026-11-24T20:30:00Z");
  CHECK(lines_about(r.out, id) ==
        std::vector<std::string>{id + " escalated acknowledge level 3 -> olivia, raquel, fiona: dropped ball: case " +
                                 id +
                                 " was due to be acknowledged 1d30m ago (8h30m of business time); escalated to "
                                 "level 3 (user:olivia): Leak on Elm Street"});
  CHECK(r.out == lines_about(r.out, id)[0] + "\n");
  CHECK(told(watch) ==
        std::vector<std::string>{"fiona case-escalated", "olivia case-escalated", "raquel case-escalated"});

  escalated = entries(s, id, "escalated");
  REQUIRE(escalated.size() == 3);
  CHECK(escalated[1]["level"].as<int>() == 2);
  CHECK(escalated[1]["to"].as<std::string>() == "pedro");
  CHECK(escalated[2]["level"].as<int>() == 3);
  CHECK(escalated[2]["to"].as<std::string>() == "olivia");
  for (const auto& e : escalated) {
    CHECK(e["target"].as<std::string>() == "acknowledge");
  }

  // The chain has no fourth level: nothing more to do.
  CHECK(escalate(s, "2026-11-24T20:40:00Z").out.empty());
  YAML::Node row = parse(s.ok({"--now", "2026-11-24T20:40:00Z", "report", "overdue", "--format", "json"}))[0];
  CHECK(row["id"].as<std::string>() == id);
  CHECK(row["target"].as<std::string>() == "acknowledge");
  CHECK(row["level"].as<int>() == 3);
  // As of an earlier time, the report shows the level reached by then.
  for (auto [at, level] : std::vector<std::pair<const char*, int>>{
           {"2026-11-23T20:29:00Z", 0}, {"2026-11-23T23:00:00Z", 1}, {"2026-11-24T15:05:00Z", 2}}) {
    CAPTURE(at);
    row = parse(s.ok({"report", "overdue", "--at", at, "--format", "json"}))[0];
    CHECK(row["level"].as<int>() == level);
  }

  // Tuesday 14:45 CST: raquel finally acknowledges. The breach is cleared.
  s.ok({"--as", "raquel", "--now", "2026-11-24T20:45:00Z", "case", "ack", id});
  watch.take();
  for (const char* at : {"2026-11-24T20:45:00Z", "2026-11-24T22:00:00Z"}) {
    CAPTURE(at);
    Result quiet = s.run({"--now", at, "report", "overdue", "--exit-code"});
    CHECK(quiet.status == 0);
    CHECK(quiet.out.empty());
    CHECK(quiet.err.empty());
    CHECK(escalate(s, at).out.empty());
  }
  CHECK(watch.take().empty());
  YAML::Node ack = timer(s, id, "2026-11-24T22:00:00Z", "acknowledge");
  CHECK(ack["state"].as<std::string>() == "missed");
  CHECK(ack["stopped"].as<std::string>() == "2026-11-24T20:45:00Z");
  CHECK(ack["late_seconds"].as<long long>() == (8 * 60 + 45) * 60);
  CHECK(entries(s, id, "escalated").size() == 3);
  // The escalations recorded without a user are valid history.
  Result check = s.run({"check"});
  CHECK(check.status == 0);
  CHECK(check.out.empty());
}

TEST_CASE("escalate is idempotent: a second run at the same time prints nothing and changes no file") {
  Sandbox s;
  std::string contact = init(s);
  std::string late = open_case(s, "2026-11-23T15:00:00Z", contact, "Leak on Elm Street");
  std::string soon = open_case(s, "2026-11-23T16:00:00Z", contact, "Meter reading");  // due 15:00 CST
  // 14:30 CST: the first is late, the second 3h30m into its 4h (87%).
  Result first = escalate(s, "2026-11-23T20:30:00Z");
  CHECK(lines_about(first.out, late).size() == 1);
  CHECK(lines_about(first.out, late)[0].rfind(late + " escalated acknowledge level 1 -> ", 0) == 0);
  CHECK(lines_about(first.out, soon) ==
        std::vector<std::string>{soon + " due-soon acknowledge -> raquel: due soon: case " + soon +
                                 " is due to be acknowledged by 2026-11-23 15:00: Meter reading"});
  CHECK(lines(first.out).size() == 2);

  auto before = s.snapshot();
  NotificationWatch watch(s);
  Result second = s.run_env({"CRM_USER"}, {"--now", "2026-11-23T20:30:00Z", "escalate"});
  CHECK(second.status == 0);
  CHECK(second.out.empty());
  CHECK(second.err.empty());
  CHECK(s.snapshot() == before);
  CHECK(watch.take().empty());

  // The same with an acting user, and with a --now given in another zone.
  Result third = s.run({"--now", "2026-11-23T14:30-06:00", "escalate"});
  CHECK(third.status == 0);
  CHECK(third.out.empty());
  CHECK(s.snapshot() == before);
}

TEST_CASE("due-soon warnings go out once, when warn_at of the target is used") {
  Sandbox s;
  std::string contact = init(s);
  std::string id = open_case(s, "2026-11-23T15:00:00Z", contact, "Leak on Elm Street");
  // 80% of 4 business hours is 3h12m: 13:12 CST, counting no lunch.
  NotificationWatch watch(s);
  CHECK(escalate(s, "2026-11-23T19:11:00Z").out.empty());
  CHECK(s.ok({"--now", "2026-11-23T19:11:00Z", "report", "overdue"}).empty());
  Result r = escalate(s, "2026-11-23T19:12:00Z");
  CHECK(r.out == id + " due-soon acknowledge -> raquel: due soon: case " + id +
                     " is due to be acknowledged by 2026-11-23 14:00: Leak on Elm Street\n");
  auto notes = watch.take();
  REQUIRE(notes.size() == 1);  // the handler only; nothing is late yet
  CHECK(notes[0]["user"].as<std::string>() == "raquel");
  CHECK(notes[0]["event"].as<std::string>() == "case-due-soon");
  CHECK(notes[0]["about"].as<std::string>() == id);
  auto warned = entries(s, id, "due-soon");
  REQUIRE(warned.size() == 1);
  CHECK(warned[0]["target"].as<std::string>() == "acknowledge");
  CHECK(warned[0]["at"].as<std::string>() == "2026-11-23T19:12:00Z");
  CHECK(entries(s, id, "escalated").empty());

  // Once only, however often cron runs before the due time.
  for (const char* at : {"2026-11-23T19:13:00Z", "2026-11-23T19:30:00Z", "2026-11-23T20:00:00Z"}) {
    CAPTURE(at);
    CHECK(escalate(s, at).out.empty());
  }
  CHECK(watch.take().empty());
  CHECK(entries(s, id, "due-soon").size() == 1);

  // A case in a queue warns the department: its manager and members.
  std::string queued = open_case(s, "2026-11-23T16:00:00Z", contact, "Hydrant", {"--department", "water"});
  watch.take();
  // Opened 10:00 CST: 3h12m of business time is 14:12 CST.
  CHECK(lines_about(escalate(s, "2026-11-23T20:11:00Z").out, queued).empty());
  watch.take();
  r = escalate(s, "2026-11-23T20:12:00Z");
  CHECK(lines_about(r.out, queued) ==
        std::vector<std::string>{queued + " due-soon acknowledge -> olivia, pedro, raquel: due soon: case " + queued +
                                 " is due to be acknowledged by 2026-11-23 15:00: Hydrant"});
  std::vector<std::string> users;
  for (const auto& n : watch.take()) {
    if (n["about"].as<std::string>() == queued) {
      CHECK(n["event"].as<std::string>() == "case-due-soon");
      users.push_back(n["user"].as<std::string>());
    }
  }
  CHECK(users == std::vector<std::string>{"olivia", "pedro", "raquel"});
}

TEST_CASE("a quiet case escalates its update target, an update rescues it and starts a new round") {
  Sandbox s;
  std::string contact = init(s);
  std::string id = open_case(s, "2026-11-23T15:00:00Z", contact, "Leak on Elm Street");
  s.ok({"--as", "raquel", "--now", "2026-11-23T16:00:00Z", "case", "ack", id});
  // Last activity Monday 10:00 CST: an update is due two business days later, Wednesday 10:00.
  CHECK(timer(s, id, "2026-11-23T16:00:00Z", "update")["due"].as<std::string>() == "2026-11-25T16:00:00Z");
  CHECK(lines(escalate(s, "2026-11-25T14:00:00Z").out).size() == 1);  // the due-soon warning, Wed 08:00
  NotificationWatch watch(s);

  Result r = escalate(s, "2026-11-25T17:00:00Z");  // Wednesday 11:00 CST
  CHECK(r.out == id + " escalated update level 1 -> raquel, fiona: dropped ball: case " + id +
                     " was due to be updated 1h ago (1h of business time); escalated to level 1 (handler): "
                     "Leak on Elm Street\n");
  CHECK(told(watch) == std::vector<std::string>{"fiona case-escalated", "raquel case-escalated"});
  CHECK(lines(s.ok({"--now", "2026-11-25T17:00:00Z", "report", "overdue", "--format", "csv"})) ==
        std::vector<std::string>{"id,title,priority,department,handler,target,due,late,late_seconds,late_wall,"
                                 "late_wall_seconds,remaining,level,calendar",
                                 id + ",Leak on Elm Street,normal,water,raquel,update,2026-11-25T16:00:00Z,1h,3600,1h,"
                                      "3600,,1,office"});

  // Wednesday 11:30 CST: raquel reports progress.
  s.ok({"--as", "raquel", "--now", "2026-11-25T17:30:00Z", "case", "update", id, "--note", "crew on site"});
  watch.take();
  CHECK(s.ok({"--now", "2026-11-25T17:30:00Z", "report", "overdue"}).empty());
  CHECK(escalate(s, "2026-11-25T17:30:00Z").out.empty());
  CHECK(escalate(s, "2026-11-25T23:00:00Z").out.empty());

  // The next update is due Monday 30 November 11:30 CST (Thanksgiving does not count);
  // when it lapses, escalation starts again at level 1.
  CHECK(timer(s, id, "2026-11-25T17:30:00Z", "update")["due"].as<std::string>() == "2026-11-30T17:30:00Z");
  CHECK(escalate(s, "2026-11-26T18:00:00Z").out.empty());  // Thanksgiving: no business time passes
  // Monday 08:00 CST: 12h30m of the 16h used (78%); 09:30 CST: 14h (87%), and the
  // resolve clock 32h30m of its 40h: a warning for each, once per round.
  CHECK(escalate(s, "2026-11-30T14:00:00Z").out.empty());
  r = escalate(s, "2026-11-30T15:30:00Z");
  auto warnings = lines_about(r.out, id);
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0] == id + " due-soon update -> raquel: due soon: case " + id +
                           " is due to be updated by 2026-11-30 11:30: Leak on Elm Street");
  CHECK(warnings[1] == id + " due-soon resolve -> raquel: due soon: case " + id +
                           " is due to be resolved by 2026-12-01 09:00: Leak on Elm Street");
  r = escalate(s, "2026-11-30T18:15:00Z");
  CHECK(r.out.rfind(id + " escalated update level 1 -> raquel, fiona: dropped ball: case " + id +
                        " was due to be updated 45m ago (30m of business time)",
                    0) == 0);
  auto escalated = entries(s, id, "escalated");
  REQUIRE(escalated.size() == 2);
  CHECK(escalated[1]["target"].as<std::string>() == "update");
  CHECK(escalated[1]["level"].as<int>() == 1);
  CHECK(entries(s, id, "due-soon").size() == 3);
}

TEST_CASE("closing a case past its resolve target clears the breach") {
  Sandbox s;
  std::string contact = init(s);
  // High priority: acknowledge within 1h, resolve within 2 business days.
  std::string id = open_case(s, "2026-11-23T15:00:00Z", contact, "Main burst",
                             {"--department", "water", "--handler", "raquel", "--priority", "high"});
  s.ok({"--as", "raquel", "--now", "2026-11-23T15:30:00Z", "case", "ack", id});
  s.ok({"--as", "raquel", "--now", "2026-11-24T16:00:00Z", "case", "update", id, "--note", "digging"});
  CHECK(timer(s, id, "2026-11-24T16:00:00Z", "resolve")["due"].as<std::string>() == "2026-11-25T15:00:00Z");

  Result r = escalate(s, "2026-11-25T16:00:00Z");  // Wednesday 10:00 CST
  CHECK(lines_about(r.out, id) ==
        std::vector<std::string>{id + " escalated resolve level 1 -> raquel, fiona: dropped ball: case " + id +
                                 " was due to be resolved 1h ago (1h of business time); escalated to level 1 "
                                 "(handler): Main burst"});
  CHECK(column(s.ok({"--now", "2026-11-25T16:00:00Z", "report", "overdue", "--format", "json"}), "target") ==
        std::vector<std::string>{"resolve"});

  s.ok({"--as", "raquel", "--now", "2026-11-25T17:00:00Z", "case", "close", id, "--resolution", "pipe replaced"});
  NotificationWatch watch(s);
  auto before = s.snapshot();
  for (const char* at : {"2026-11-25T17:00:00Z", "2026-11-30T17:00:00Z", "2026-12-31T17:00:00Z"}) {
    CAPTURE(at);
    CHECK(s.ok({"--now", at, "report", "overdue"}).empty());
    CHECK(escalate(s, at).out.empty());
  }
  CHECK(s.snapshot() == before);
  YAML::Node resolve = timer(s, id, "2026-11-30T17:00:00Z", "resolve");
  CHECK(resolve["state"].as<std::string>() == "missed");
  CHECK(resolve["late_seconds"].as<long long>() == 2 * 3600);
}

TEST_CASE("moving a case to another department applies that department's targets and escalation chain") {
  Sandbox s;
  std::string contact = init(s);
  // In the water queue at 09:00 CST: acknowledge due 14:00 CST.
  std::string id = open_case(s, "2026-11-23T15:00:00Z", contact, "Lost wallet", {"--department", "water"});
  CHECK(timer(s, id, "2026-11-23T15:00:00Z", "acknowledge")["due"].as<std::string>() == "2026-11-23T20:00:00Z");

  NotificationWatch watch(s);
  s.ok({"--now", "2026-11-23T15:10:00Z", "case", "set", id, "--department", "front"});
  auto routed = entries(s, id, "routed");
  REQUIRE(routed.size() == 2);
  CHECK(routed[1]["department"].as<std::string>() == "front");
  CHECK(routed[1]["at"].as<std::string>() == "2026-11-23T15:10:00Z");
  YAML::Node c = parse(s.read(case_path(id)));
  CHECK(c["department"].as<std::string>() == "front");
  CHECK(c["status"].as<std::string>() == "new");
  watch.take();

  // The front desk acknowledges within 1 business hour of opening: 10:00 CST.
  YAML::Node ack = timer(s, id, "2026-11-23T15:10:00Z", "acknowledge");
  CHECK(ack["due"].as<std::string>() == "2026-11-23T16:00:00Z");
  CHECK(ack["allowed_seconds"].as<long long>() == 3600);
  CHECK(ack["calendar"].as<std::string>() == "office");

  // Its chain is [manager, director], every 2 business hours.
  Result r = escalate(s, "2026-11-23T16:30:00Z");  // 10:30 CST
  CHECK(r.out == id + " escalated acknowledge level 1 -> frank, fiona: dropped ball: case " + id +
                     " was due to be acknowledged 30m ago (30m of business time); escalated to level 1 (manager): "
                     "Lost wallet\n");
  CHECK(told(watch) == std::vector<std::string>{"fiona case-escalated", "frank case-escalated"});
  CHECK(escalate(s, "2026-11-23T17:59:00Z").out.empty());  // 11:59 CST
  r = escalate(s, "2026-11-23T19:30:00Z");                 // 13:30 CST: 10:00 + 2h is 12:00
  CHECK(r.out.rfind(id + " escalated acknowledge level 2 -> dora, fiona: dropped ball: case " + id, 0) == 0);
  CHECK(r.out.find("escalated to level 2 (director): Lost wallet") != std::string::npos);
  CHECK(told(watch) == std::vector<std::string>{"dora case-escalated", "fiona case-escalated"});
  auto escalated = entries(s, id, "escalated");
  REQUIRE(escalated.size() == 2);
  CHECK(escalated[0]["to"].as<std::string>() == "frank");
  CHECK(escalated[1]["to"].as<std::string>() == "dora");
  CHECK(escalated[1]["level"].as<int>() == 2);
  // Two levels only.
  CHECK(escalate(s, "2026-11-24T19:30:00Z").out.empty());
}

TEST_CASE("an urgent case escalates in wall time over the weekend") {
  Sandbox s;
  std::string contact = init(s);
  // Saturday 28 November, 10:00 CST: the office is closed but urgent cases run 24x7.
  std::string id = open_case(s, "2026-11-28T16:00:00Z", contact, "Flooded basement",
                             {"--department", "water", "--handler", "raquel", "--priority", "urgent"});
  YAML::Node ack = timer(s, id, "2026-11-28T16:00:00Z", "acknowledge");
  CHECK(ack["calendar"].as<std::string>() == "always");
  CHECK(ack["due"].as<std::string>() == "2026-11-28T16:30:00Z");

  CHECK(escalate(s, "2026-11-28T16:23:00Z").out.empty());  // 80% of 30m is 24m
  CHECK(escalate(s, "2026-11-28T16:24:00Z").out.rfind(id + " due-soon acknowledge -> raquel: ", 0) == 0);
  CHECK(escalate(s, "2026-11-28T16:31:00Z").out.rfind(id + " escalated acknowledge level 1 -> raquel, fiona: ", 0) ==
        0);
  CHECK(escalate(s, "2026-11-28T20:30:00Z").out.empty());  // 4h of wall time after the due time
  CHECK(escalate(s, "2026-11-28T20:31:00Z")
            .out.rfind(id + " escalated acknowledge level 2 -> pedro, raquel, fiona: ", 0) == 0);
  Result r = escalate(s, "2026-11-29T00:31:00Z");  // Saturday 18:31 CST
  CHECK(r.out.rfind(id + " escalated acknowledge level 3 -> olivia, raquel, fiona: dropped ball: case " + id +
                        " was due to be acknowledged 8h1m ago (8h1m of business time)",
                    0) == 0);
}

TEST_CASE("escalate catches up after a gap without skipping anyone in the chain") {
  Sandbox s;
  std::string contact = init(s);
  std::string id = open_case(s, "2026-11-23T15:00:00Z", contact, "Leak on Elm Street");
  NotificationWatch watch(s);
  // Cron did not run between Monday morning and Tuesday 15:00 CST, when level 3 is reached.
  Result r = escalate(s, "2026-11-24T21:00:00Z");
  auto about = lines_about(r.out, id);
  REQUIRE(about.size() == 2);
  CHECK(about[0] == id + " escalated acknowledge level 3 -> raquel, pedro, olivia, fiona: dropped ball: case " + id +
                        " was due to be acknowledged 1d1h ago (9h of business time); escalated to levels 1-3 (handler, "
                        "manager, user:olivia): Leak on Elm Street");
  CHECK(about[1].rfind(id + " due-soon update -> raquel: ", 0) == 0);
  CHECK(told(watch) == std::vector<std::string>{"fiona case-escalated", "olivia case-escalated", "pedro case-escalated",
                                                "raquel case-due-soon", "raquel case-escalated"});
  auto escalated = entries(s, id, "escalated");
  REQUIRE(escalated.size() == 1);
  CHECK(escalated[0]["level"].as<int>() == 3);
  CHECK(escalated[0]["to"].as<std::string>() == "raquel, pedro, olivia");
  CHECK(escalate(s, "2026-11-24T21:00:00Z").out.empty());
}

TEST_CASE("forwarding a case back to a queue restarts its acknowledge clock and escalation") {
  Sandbox s;
  std::string contact = init(s);
  std::string id = open_case(s, "2026-11-23T15:00:00Z", contact, "Leak on Elm Street");
  CHECK(escalate(s, "2026-11-23T20:30:00Z").out.rfind(id + " escalated acknowledge level 1", 0) == 0);
  // 14:45 CST: raquel sends it back to the water queue; someone must pick it up within 4 business hours.
  s.ok({"--as", "raquel", "--now", "2026-11-23T20:45:00Z", "case", "forward", id, "--to", "water"});
  YAML::Node ack = timer(s, id, "2026-11-23T20:45:00Z", "acknowledge");
  CHECK(ack["state"].as<std::string>() == "running");
  CHECK(ack["started"].as<std::string>() == "2026-11-23T20:45:00Z");
  CHECK(ack["due"].as<std::string>() == "2026-11-24T15:45:00Z");  // 2h15m today, 1h45m Tuesday: 09:45 CST
  CHECK(s.ok({"--now", "2026-11-23T20:45:00Z", "report", "overdue"}).empty());
  YAML::Node row;
  Result r = escalate(s, "2026-11-24T17:00:00Z");  // Tuesday 11:00 CST: late again, level 1 of a new round
  CHECK(r.out.rfind(id + " escalated acknowledge level 1 -> olivia, pedro, raquel, fiona: ", 0) == 0);
  row = parse(s.ok({"--now", "2026-11-24T17:00:00Z", "report", "overdue", "--format", "json"}))[0];
  CHECK(row["level"].as<int>() == 1);
  CHECK(row["handler"].IsNull());
}

TEST_CASE("an empty CRM_USER lets cron escalate as the system") {
  Sandbox s;
  init(s);
  Result r = s.run_env({"CRM_USER="}, {"--now", "2026-11-23T15:00:00Z", "escalate"});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
}
