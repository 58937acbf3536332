// crm case open|list|show, log-call --open-case/--case, routing, and the
// whole life of a case from the first call to its reopening.
#include "harness.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace e2e;
using V = std::vector<std::string>;

namespace {

std::string call_path(const std::string& id) { return "calls/" + id.substr(2, 2) + "/" + id + ".yaml"; }

std::string str(const YAML::Node& n) { return n ? n.as<std::string>() : ""; }

// A field of the stored case.
std::string field(Sandbox& s, const std::string& id, const std::string& key) {
  return str(parse(s.read(case_path(id)))[key]);
}

std::vector<std::string> ids_in(const std::string& json) {
  std::vector<std::string> out;
  for (const auto& row : parse(json)) {
    out.push_back(row["id"].as<std::string>());
  }
  return out;
}

// Checks one notification's stored fields.
void check_notice(const YAML::Node& n, const std::string& user, const std::string& event, const std::string& about,
                  const std::string& by, const std::string& at, const std::string& message) {
  CAPTURE(user);
  CAPTURE(event);
  CHECK(is_generated_id(str(n["id"]), "N"));
  CHECK(str(n["user"]) == user);
  CHECK(str(n["at"]) == at);
  CHECK(str(n["event"]) == event);
  CHECK(str(n["about"]) == about);
  CHECK(str(n["by"]) == by);
  CHECK(str(n["message"]) == message);
  CHECK_FALSE(n["read"]);
}

const char* const k_water_routing =
    "routing:\n"
    "  rules:\n"
    "    - department: water\n"
    "      words: [pressure, leak, pipe*]\n";

}  // namespace

TEST_CASE("the water-department story: call, case, ack, forward, update, close, call back, reopen") {
  Sandbox s;
  s.init_city();
  s.write("crm.yaml", k_water_routing);
  std::string anna =
      s.ok({"contact", "add", "--name", "Anna Berg", "--kind", "citizen", "--phone", "+1 555 0101", "--tag",
            "elm-street"});
  NotificationWatch told(s);
  const std::string title = "Low water pressure since this morning";

  // 09:00 Anna calls the front desk; Fiona logs the call and opens a case, routed by crm.yaml.
  Result r = s.run({"--as", "fiona", "log-call", "--contact", anna, "--summary", title, "--open-case"});
  REQUIRE(r.status == 0);
  auto out = lines(r.out);
  REQUIRE(out.size() == 2);
  const std::string call1 = out[0], id = out[1];
  CHECK(is_generated_id(call1, "K"));
  CHECK(is_generated_id(id, "C"));
  CHECK(r.err == "Opened " + id + " in water (routing rule 1 (crm.yaml line 3))\n");
  CHECK(s.files_in("cases") == V{case_path(id)});
  CHECK(s.read(case_path(id)) ==
        "id: " + id + "\n" +
            "title: " + title + "\n"
            "status: new\n"
            "priority: normal\n"
            "contact: " + anna + "\n" +
            "requester: fiona\n"
            "department: water\n"
            "opened: 2026-11-23T09:00:00Z\n"
            "calls:\n"
            "  - " + call1 + "\n" +
            "history:\n"
            "  - at: 2026-11-23T09:00:00Z\n"
            "    by: fiona\n"
            "    event: opened\n"
            "    call: " + call1 + "\n" +
            "  - at: 2026-11-23T09:00:00Z\n"
            "    by: fiona\n"
            "    event: routed\n"
            "    department: water\n"
            "    reason: routing rule 1 (crm.yaml line 3)\n");
  YAML::Node call = parse(s.read(call_path(call1)));
  CHECK(str(call["contact"]) == anna);
  CHECK(str(call["by"]) == "fiona");
  CHECK(str(call["summary"]) == title);
  // Nobody handles it yet: the whole water department hears of it, Fiona (who opened it) does not.
  auto notes = told.take();
  REQUIRE(notes.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    check_notice(notes[i], V{"olivia", "pedro", "raquel"}[i], "case-routed", id, "fiona", "2026-11-23T09:00:00Z",
                 "new case " + id + " in the water queue: " + title);
  }

  // 09:10 Raquel acknowledges it, which makes her the handler; Fiona (the requester) is told.
  r = s.run({"--as", "raquel", "--now", "2026-11-23T09:10:00Z", "case", "ack", id.substr(2, 5)});
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err == id + ": acknowledged; now acknowledged, handler raquel; notified fiona\n");
  notes = told.take();
  REQUIRE(notes.size() == 1);
  check_notice(notes[0], "fiona", "case-acknowledged", id, "raquel", "2026-11-23T09:10:00Z",
               id + " acknowledged by raquel: " + title);

  // 09:20 Raquel forwards it to Pedro, who knows the mains; she is the old handler but acted herself.
  r = s.run({"--as", "raquel", "--now", "2026-11-23T09:20:00Z", "case", "forward", id, "--to", "pedro", "--note",
             "Pedro knows the mains on Elm Street"});
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err == id + ": forwarded; now acknowledged, handler pedro; notified pedro\n");
  notes = told.take();
  REQUIRE(notes.size() == 1);
  check_notice(notes[0], "pedro", "case-forwarded", id, "raquel", "2026-11-23T09:20:00Z",
               id + " forwarded to pedro by raquel: Pedro knows the mains on Elm Street");

  // 10:00 Pedro records progress (`note` is `update`, the text piped): the requester and his manager hear.
  r = s.run({"--as", "pedro", "--now", "2026-11-23T10:00:00Z", "case", "note", id}, "Valve replaced at number 12\n");
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err == id + ": updated; now acknowledged, handler pedro; notified fiona, olivia\n");
  notes = told.take();
  REQUIRE(notes.size() == 2);
  check_notice(notes[0], "fiona", "case-updated", id, "pedro", "2026-11-23T10:00:00Z",
               id + " updated by pedro: Valve replaced at number 12");
  check_notice(notes[1], "olivia", "case-updated", id, "pedro", "2026-11-23T10:00:00Z",
               id + " updated by pedro: Valve replaced at number 12");

  // 11:00 Pedro closes it.
  r = s.run({"--as", "pedro", "--now", "2026-11-23T11:00:00Z", "case", "close", id, "--resolution",
             "Pressure restored"});
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err == id + ": closed; now closed, handler pedro; notified fiona, olivia\n");
  notes = told.take();
  REQUIRE(notes.size() == 2);
  check_notice(notes[0], "fiona", "case-closed", id, "pedro", "2026-11-23T11:00:00Z",
               id + " closed by pedro: Pressure restored");
  check_notice(notes[1], "olivia", "case-closed", id, "pedro", "2026-11-23T11:00:00Z",
               id + " closed by pedro: Pressure restored");
  YAML::Node closed = parse(s.read(case_path(id)));
  CHECK(str(closed["status"]) == "closed");
  CHECK(str(closed["closed"]) == "2026-11-23T11:00:00Z");
  CHECK(ids_in(s.ok({"case", "list", "--format", "json"})).empty());
  CHECK(ids_in(s.ok({"case", "list", "--status", "closed", "--format", "json"})) == V{id});

  // Next morning Anna calls back: the call is linked and the case reopens with all its history.
  r = s.run({"--as", "fiona", "--now", "2026-11-24T08:00:00Z", "log-call", "--contact", anna, "--summary",
             "Pressure is low again", "--case", id.substr(2, 6), "--reopen"});
  REQUIRE(r.status == 0);
  out = lines(r.out);
  REQUIRE(out.size() == 1);
  const std::string call2 = out[0];
  CHECK(is_generated_id(call2, "K"));
  CHECK(r.err == "Linked to " + id + " (now acknowledged)\n");
  notes = told.take();
  REQUIRE(notes.size() == 1);
  check_notice(notes[0], "pedro", "case-reopened", id, "fiona", "2026-11-24T08:00:00Z",
               id + " reopened by fiona: new call " + call2 + ": Pressure is low again");
  CHECK(s.files_in("cases") == V{case_path(id)});
  CHECK(s.read(case_path(id)) ==
        "id: " + id + "\n" +
            "title: " + title + "\n"
            "status: acknowledged\n"
            "priority: normal\n"
            "contact: " + anna + "\n" +
            "requester: fiona\n"
            "department: water\n"
            "handler: pedro\n"
            "opened: 2026-11-23T09:00:00Z\n"
            "acknowledged: 2026-11-23T09:10:00Z\n"
            "calls:\n"
            "  - " + call1 + "\n" +
            "  - " + call2 + "\n" +
            "history:\n"
            "  - at: 2026-11-23T09:00:00Z\n"
            "    by: fiona\n"
            "    event: opened\n"
            "    call: " + call1 + "\n" +
            "  - at: 2026-11-23T09:00:00Z\n"
            "    by: fiona\n"
            "    event: routed\n"
            "    department: water\n"
            "    reason: routing rule 1 (crm.yaml line 3)\n"
            "  - at: 2026-11-23T09:10:00Z\n"
            "    by: raquel\n"
            "    event: acknowledged\n"
            "    handler: raquel\n"
            "  - at: 2026-11-23T09:20:00Z\n"
            "    by: raquel\n"
            "    event: forwarded\n"
            "    from: raquel\n"
            "    to: pedro\n"
            "    department: water\n"
            "    handler: pedro\n"
            "    note: Pedro knows the mains on Elm Street\n"
            "  - at: 2026-11-23T10:00:00Z\n"
            "    by: pedro\n"
            "    event: updated\n"
            "    note: Valve replaced at number 12\n"
            "  - at: 2026-11-23T11:00:00Z\n"
            "    by: pedro\n"
            "    event: closed\n"
            "    resolution: Pressure restored\n"
            "  - at: 2026-11-24T08:00:00Z\n"
            "    by: fiona\n"
            "    event: reopened\n"
            "    to: acknowledged\n"
            "    call: " + call2 + "\n" +
            "    reason: \"new call " + call2 + ": Pressure is low again\"\n");
  CHECK(s.files_in("notifications").size() == 10);

  // Everyone's inbox, newest first.
  auto inbox = [&](const std::string& user) {
    V got;
    for (const auto& n : parse(s.ok({"inbox", "--user", user, "--format", "json"}))) {
      got.push_back(str(n["event"]));
    }
    return got;
  };
  CHECK(inbox("pedro") == V{"case-reopened", "case-forwarded", "case-routed"});
  CHECK(inbox("fiona") == V{"case-closed", "case-updated", "case-acknowledged"});
  CHECK(inbox("olivia") == V{"case-closed", "case-updated", "case-routed"});
  CHECK(inbox("raquel") == V{"case-routed"});
  CHECK(inbox("frank").empty());

  // case show --format json: every field, the calls in full and the history in order.
  YAML::Node shown = parse(s.ok({"case", "show", id, "--format", "json"}));
  CHECK(str(shown["id"]) == id);
  CHECK(str(shown["title"]) == title);
  CHECK(str(shown["status"]) == "acknowledged");
  CHECK(str(shown["priority"]) == "normal");
  CHECK(str(shown["contact"]) == anna);
  CHECK(str(shown["contact_name"]) == "Anna Berg");
  CHECK(str(shown["requester"]) == "fiona");
  CHECK(str(shown["department"]) == "water");
  CHECK(str(shown["handler"]) == "pedro");
  CHECK(str(shown["opened"]) == "2026-11-23T09:00:00Z");
  CHECK(str(shown["acknowledged"]) == "2026-11-23T09:10:00Z");
  CHECK_FALSE(shown["closed"]);
  CHECK(str(shown["created"]) == "2026-11-23T09:00:00Z");
  CHECK(str(shown["updated"]) == "2026-11-24T08:00:00Z");
  REQUIRE(shown["calls"].size() == 2);
  CHECK(str(shown["calls"][1]) == call2);
  REQUIRE(shown["call_details"].size() == 2);
  CHECK(str(shown["call_details"][0]["id"]) == call1);
  CHECK(str(shown["call_details"][0]["summary"]) == title);
  CHECK(str(shown["call_details"][1]["id"]) == call2);
  CHECK(str(shown["call_details"][1]["at"]) == "2026-11-24T08:00:00Z");
  CHECK(str(shown["call_details"][1]["by"]) == "fiona");
  V events;
  for (const auto& e : shown["history"]) {
    events.push_back(str(e["event"]));
  }
  CHECK(events == V{"opened", "routed", "acknowledged", "forwarded", "updated", "closed", "reopened"});
  CHECK(str(shown["history"][3]["from"]) == "raquel");
  CHECK(str(shown["history"][3]["to"]) == "pedro");
  CHECK(str(shown["history"][5]["resolution"]) == "Pressure restored");

  // The table form lists the calls and the history.
  auto table = lines(s.ok({"case", "show", id.substr(2, 4)}));
  CHECK(table.front() == "id:           " + id);
  auto at = [&](const std::string& line) { return std::find(table.begin(), table.end(), line) - table.begin(); };
  CHECK(at("Calls") < at("History"));
  CHECK(at("History") < static_cast<long>(table.size()));
  CHECK(at(call2 + "  2026-11-24 08:00  phone    fiona  Pressure is low again") > at("Calls"));
  CHECK(at("2026-11-23 11:00  closed        pedro   resolution: Pressure restored") > at("History"));
  CHECK(table.back() == "2026-11-24 08:00  reopened      fiona   to: acknowledged; call: " + call2 +
                            "; reason: new call " + call2 + ": Pressure is low again");

  // The contact's timeline shows the calls and the case's events, newest first.
  YAML::Node timeline = parse(s.ok({"contact", "show", anna, "--format", "json"}))["timeline"];
  V items;
  for (const auto& t : timeline) {
    items.push_back(str(t["at"]) + " " + str(t["kind"]) + " " + str(t["id"]) + " " + str(t["by"]) + " " +
                    str(t["summary"]));
  }
  const std::string quoted = " '" + title + "'";
  CHECK(items == V{"2026-11-24T08:00:00Z call " + call2 + " fiona in phone: Pressure is low again",
                   "2026-11-24T08:00:00Z case " + id + " fiona reopened" + quoted + ": new call " + call2 +
                       ": Pressure is low again",
                   "2026-11-23T11:00:00Z case " + id + " pedro closed" + quoted + ": Pressure restored",
                   "2026-11-23T10:00:00Z case " + id + " pedro updated" + quoted + ": Valve replaced at number 12",
                   "2026-11-23T09:20:00Z case " + id + " raquel forwarded" + quoted +
                       ": to pedro: Pedro knows the mains on Elm Street",
                   "2026-11-23T09:10:00Z case " + id + " raquel acknowledged" + quoted,
                   "2026-11-23T09:00:00Z call " + call1 + " fiona in phone: " + title,
                   "2026-11-23T09:00:00Z case " + id + " fiona opened" + quoted});

  // Everything written along the way is valid and consistent.
  Result check = s.run({"check"});
  CHECK(check.status == 0);
  CHECK(check.out.empty());
}

TEST_CASE("case open writes a canonical case file, prints only its ID and tells the handler") {
  Sandbox s;
  s.init_city();
  std::string anna = s.ok({"contact", "add", "--name", "Anna Berg", "--kind", "citizen"});
  NotificationWatch told(s);
  Result r = s.run({"--as", "fiona", "case", "open", "--contact", anna.substr(2, 6), "--title",
                    "Hydrant leaking on Elm Street", "--department", "water", "--handler", "raquel", "--priority",
                    "high", "--tag", "hydrant", "--tag", "elm-street", "--note", "Seen by a neighbour",
                    "--requester", "front"});
  REQUIRE(r.status == 0);
  std::string id = r.out.substr(0, r.out.size() - 1);
  CHECK(r.out == id + "\n");
  CHECK(is_generated_id(id, "C"));
  CHECK(r.err == "Opened " + id + " in water (--department), handler raquel; notified raquel\n");
  CHECK(s.read(case_path(id)) == "id: " + id +
                                     "\n"
                                     "title: Hydrant leaking on Elm Street\n"
                                     "status: new\n"
                                     "priority: high\n"
                                     "contact: " + anna +
                                     "\n"
                                     "requester: front\n"
                                     "department: water\n"
                                     "handler: raquel\n"
                                     "opened: 2026-11-23T09:00:00Z\n"
                                     "tags:\n"
                                     "  - hydrant\n"
                                     "  - elm-street\n"
                                     "history:\n"
                                     "  - at: 2026-11-23T09:00:00Z\n"
                                     "    by: fiona\n"
                                     "    event: opened\n"
                                     "    note: Seen by a neighbour\n"
                                     "  - at: 2026-11-23T09:00:00Z\n"
                                     "    by: fiona\n"
                                     "    event: routed\n"
                                     "    department: water\n"
                                     "    handler: raquel\n"
                                     "    reason: --department\n");
  auto notes = told.take();
  REQUIRE(notes.size() == 1);
  check_notice(notes[0], "raquel", "case-routed", id, "fiona", "2026-11-23T09:00:00Z",
               "case " + id + " is assigned to you: Hydrant leaking on Elm Street");

  // The requester is the front desk, so acknowledging tells its manager and members.
  r = s.run({"--as", "raquel", "case", "ack", id});
  CHECK(r.status == 0);
  CHECK(r.err == id + ": acknowledged; now acknowledged, handler raquel; notified frank, fiona\n");
  CHECK(told.users() == V{"fiona", "frank"});

  // -q prints the ID and nothing else; the priority defaults to crm.yaml's.
  s.write("crm.yaml", "cases:\n  default_priority: low\n");
  Result quiet = s.run({"-q", "case", "open", "--contact", anna, "--title", "Meter", "--department", "water"});
  CHECK(quiet.status == 0);
  CHECK(quiet.err.empty());
  std::string second = quiet.out.substr(0, 14);
  CHECK(quiet.out == second + "\n");
  CHECK(field(s, second, "priority") == "low");
  CHECK(field(s, second, "requester") == "olivia");
  CHECK(field(s, second, "status") == "new");
  CHECK_FALSE(parse(s.read(case_path(second)))["handler"]);
}

TEST_CASE("case open --from-call takes the call's contact and summary") {
  Sandbox s;
  s.init_city();
  std::string anna = s.ok({"contact", "add", "--name", "Anna Berg"});
  std::string bob = s.ok({"contact", "add", "--name", "Bob Evans"});
  std::string call = s.ok({"log-call", "--contact", anna}, "Hydrant knocked over\nby a delivery van\n");
  std::string id = s.ok({"case", "open", "--from-call", call.substr(2, 6), "--department", "water"});
  YAML::Node c = parse(s.read(case_path(id)));
  CHECK(str(c["contact"]) == anna);
  CHECK(str(c["title"]) == "Hydrant knocked over");
  CHECK(str(c["calls"][0]) == call);
  CHECK(str(c["history"][0]["call"]) == call);

  // A call with someone else cannot start Bob's case.
  Result r = s.fails(2, {"case", "open", "--contact", bob, "--from-call", call, "--department", "water"});
  CHECK(r.err.find(call) != std::string::npos);
}

TEST_CASE("case open refuses bad input with the right exit code and writes nothing") {
  Sandbox s;
  s.init_city();
  std::string anna = s.ok({"contact", "add", "--name", "Anna Berg"});
  s.fails(2, {"case", "open", "--title", "No contact", "--department", "water"});
  s.fails(2, {"case", "open", "--contact", anna, "--department", "water"});  // no title
  s.fails(2, {"case", "open", "--contact", anna, "--title", "", "--department", "water"});
  s.fails(2, {"case", "open", "--contact", anna, "--title", "x", "--department", "water", "--priority", "asap"});
  s.fails(4, {"case", "open", "--contact", "P-000000000000", "--title", "x", "--department", "water"});
  s.fails(4, {"case", "open", "--contact", anna, "--title", "x", "--department", "roads"});
  s.fails(4, {"case", "open", "--contact", anna, "--title", "x", "--handler", "nobody"});
  s.fails(4, {"case", "open", "--contact", anna, "--title", "x", "--department", "water", "--requester", "nobody"});
  s.fails(4, {"case", "open", "--contact", anna, "--title", "x", "--department", "water", "--from-call",
              "K-000000000000"});
  s.fails(4, {"--as", "nobody", "case", "open", "--contact", anna, "--title", "x", "--department", "water"});
  CHECK(s.files_in("cases").empty());
  CHECK(s.files_in("notifications").empty());
}

TEST_CASE("--handler without --department takes the handler's department") {
  Sandbox s;
  s.init_city();
  s.write("crm.yaml", k_water_routing);
  std::string anna = s.ok({"contact", "add", "--name", "Anna Berg", "--kind", "citizen"});
  NotificationWatch told(s);

  // The title would route to water, but Frank works at the front desk.
  Result r = s.run({"case", "open", "--contact", anna, "--title", "Burst pipe", "--handler", "frank"});
  REQUIRE(r.status == 0);
  std::string id = r.out.substr(0, 14);
  CHECK(r.err == "Opened " + id + " in front (the handler's department), handler frank; notified frank\n");
  CHECK(field(s, id, "department") == "front");
  CHECK(field(s, id, "handler") == "frank");
  CHECK(field(s, id, "status") == "new");
  CHECK(told.users() == V{"frank"});

  // The same through log-call --open-case.
  r = s.run({"log-call", "--contact", anna, "--summary", "Leak", "--open-case", "--handler", "pedro"});
  REQUIRE(r.status == 0);
  auto out = lines(r.out);
  REQUIRE(out.size() == 2);
  CHECK(r.err == "Opened " + out[1] + " in water (the handler's department)\n");
  CHECK(field(s, out[1], "handler") == "pedro");

  // A handler without a department leaves the choice to routing; --department always wins.
  s.ok({"user", "add", "sam", "--name", "Sam Stone"});
  id = s.ok({"case", "open", "--contact", anna, "--title", "Pipe noise", "--handler", "sam"});
  CHECK(field(s, id, "department") == "water");
  CHECK(str(parse(s.read(case_path(id)))["history"][1]["reason"]) == "routing rule 1 (crm.yaml line 3)");
  id = s.ok({"case", "open", "--contact", anna, "--title", "Pipe noise", "--handler", "pedro", "--department",
             "front"});
  CHECK(field(s, id, "department") == "front");
  CHECK(field(s, id, "handler") == "pedro");
}

TEST_CASE("log-call --open-case prints the call ID, then the case ID, and links them") {
  Sandbox s;
  s.init_city();
  std::string anna = s.ok({"contact", "add", "--name", "Anna Berg"});
  Result r = s.run({"log-call", "--contact", anna, "--open-case", "--department", "water", "--priority", "urgent",
                    "--at", "2026-11-23 08:30"},
                   "Water in the basement\nIt is rising\n");
  REQUIRE(r.status == 0);
  auto out = lines(r.out);
  REQUIRE(out.size() == 2);
  CHECK(is_generated_id(out[0], "K"));
  CHECK(is_generated_id(out[1], "C"));
  CHECK(r.err == "Opened " + out[1] + " in water (--department)\n");
  YAML::Node c = parse(s.read(case_path(out[1])));
  CHECK(str(c["title"]) == "Water in the basement");  // the summary's first line
  CHECK(str(c["priority"]) == "urgent");
  CHECK(str(c["contact"]) == anna);
  CHECK(str(c["calls"][0]) == out[0]);
  CHECK(str(c["history"][0]["call"]) == out[0]);
  CHECK(str(c["opened"]) == "2026-11-23T09:00:00Z");  // when it was opened, not when the call was
  CHECK(str(parse(s.read(call_path(out[0])))["summary"]) == "Water in the basement\nIt is rising");

  // --title names the case; a long summary's first line is the whole title.
  out = lines(s.ok({"log-call", "--contact", anna, "--summary", "Long story", "--open-case", "--title", "Short",
                    "--department", "water"}));
  REQUIRE(out.size() == 2);
  CHECK(field(s, out[1], "title") == "Short");
  std::string long_summary(100, 'x');
  out = lines(s.ok({"log-call", "--contact", anna, "--summary", long_summary, "--open-case", "--department",
                    "water"}));
  REQUIRE(out.size() == 2);
  CHECK(field(s, out[1], "title") == long_summary);

  // The case options need --open-case; --case and --open-case exclude each other.
  auto before = s.files_in("cases");
  s.fails(2, {"log-call", "--contact", anna, "--summary", "x", "--title", "T"});
  s.fails(2, {"log-call", "--contact", anna, "--summary", "x", "--department", "water"});
  s.fails(2, {"log-call", "--contact", anna, "--summary", "x", "--handler", "raquel"});
  s.fails(2, {"log-call", "--contact", anna, "--summary", "x", "--reopen"});
  s.fails(2, {"log-call", "--contact", anna, "--summary", "x", "--open-case", "--case", out[1], "--department",
              "water"});
  s.fails(2, {"log-call", "--contact", anna, "--summary", "x", "--open-case", "--department", "water", "--priority",
              "asap"});
  // No department for the case: neither the call nor the case is written.
  s.fails(2, {"log-call", "--contact", anna, "--summary", "Noise", "--open-case"});
  s.fails(4, {"log-call", "--contact", anna, "--summary", "x", "--case", "C-000000000000"});
  CHECK(s.files_in("cases") == before);
}

TEST_CASE("log-call --new-contact X --open-case --department water works in one step") {
  Sandbox s;
  s.init_city();
  NotificationWatch told(s);
  Result r = s.run({"--as", "fiona", "log-call", "--new-contact", "Bea Cruz", "--summary", "Meter reads double",
                    "--open-case", "--department", "water"});
  REQUIRE(r.status == 0);
  auto out = lines(r.out);
  REQUIRE(out.size() == 2);
  auto contacts = s.files_in("contacts");
  REQUIRE(contacts.size() == 1);
  std::string bea = fs::path(contacts[0]).stem().string();
  CHECK(r.err == "Created contact " + bea + " (Bea Cruz)\nOpened " + out[1] + " in water (--department)\n");
  CHECK(str(parse(s.read(contacts[0]))["name"]) == "Bea Cruz");
  CHECK(str(parse(s.read(call_path(out[0])))["contact"]) == bea);
  YAML::Node c = parse(s.read(case_path(out[1])));
  CHECK(str(c["contact"]) == bea);
  CHECK(str(c["title"]) == "Meter reads double");
  CHECK(str(c["requester"]) == "fiona");
  CHECK(str(c["calls"][0]) == out[0]);
  CHECK(told.users() == V{"olivia", "pedro", "raquel"});

  // Without a department for the case nothing at all is written, not even the contact.
  s.fails(2, {"log-call", "--new-contact", "Carl Diaz", "--summary", "Noise", "--open-case"});
  CHECK(s.files_in("contacts").size() == 1);
}

TEST_CASE("routing rules in crm.yaml pick the department: kinds, tags, words, first match wins") {
  Sandbox s;
  s.init_city();
  s.ok({"department", "add", "roads", "--name", "Roads"});
  s.write("crm.yaml",
          "routing:\n"
          "  rules:\n"
          "    - department: front\n"            // line 3
          "      contact_kinds: [press]\n"
          "    - department: water\n"            // line 5
          "      contact_kinds: [citizen, customer]\n"
          "      words: [leak, pipe*, hydrant]\n"
          "    - department: roads\n"            // line 8
          "      tags: [asphalt, pothole]\n");
  std::string anna = s.ok({"contact", "add", "--name", "Anna Berg", "--kind", "citizen"});
  std::string bo = s.ok({"contact", "add", "--name", "Bo Lind", "--kind", "customer", "--tag", "pothole"});
  std::string paula = s.ok({"contact", "add", "--name", "Paula Press", "--kind", "press"});
  std::string sven = s.ok({"contact", "add", "--name", "Sven Supply", "--kind", "supplier"});

  // Opens a case and returns "department (reason)" as stored in its routed event.
  auto routed = [&](const std::string& contact, const std::string& title, V extra = {}) {
    V args = {"case", "open", "--contact", contact, "--title", title};
    args.insert(args.end(), extra.begin(), extra.end());
    Result r = s.run(args);
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
    std::string id = r.out.substr(0, 14);
    YAML::Node c = parse(s.read(case_path(id)));
    CHECK(str(c["history"][1]["department"]) == str(c["department"]));
    CHECK(r.err.find("Opened " + id + " in " + str(c["department"]) + " (" + str(c["history"][1]["reason"]) +
                     ")") == 0);
    return str(c["department"]) + " (" + str(c["history"][1]["reason"]) + ")";
  };
  const std::string rule1 = "front (routing rule 1 (crm.yaml line 3))";
  const std::string rule2 = "water (routing rule 2 (crm.yaml line 5))";
  const std::string rule3 = "roads (routing rule 3 (crm.yaml line 8))";

  CHECK(routed(paula, "Burst pipe downtown") == rule1);
  CHECK(routed(anna, "Burst pipeline on Elm Street") == rule2);  // pipe* is a prefix
  CHECK(routed(anna, "PIPES everywhere") == rule2);              // words ignore case
  CHECK(routed(anna, "Hydrant, leak.") == rule2);
  CHECK(routed(bo, "A leak") == rule2);                          // tag pothole too: the first match wins
  CHECK(routed(anna, "Pipe in a pothole", {"--tag", "pothole"}) == rule2);
  CHECK(routed(anna, "Street lights out", {"--tag", "asphalt"}) == rule3);  // the case's tag
  CHECK(routed(bo, "Street lights out") == rule3);                          // the contact's tag
  CHECK(routed(sven, "Pipe leak", {"--tag", "pothole"}) == rule3);        // a supplier: rule 2 needs both
  CHECK(routed(anna, "Pipe", {"--department", "roads"}) == "roads (--department)");

  // No rule matches ("leak" is a whole word, not a prefix) and there is no default: exit 2, nothing written.
  Result r = s.fails(2, {"case", "open", "--contact", anna, "--title", "Leaking roof"});
  CHECK(r.err.find("--department") != std::string::npos);
  s.fails(2, {"case", "open", "--contact", sven, "--title", "Pipe leak"});
  s.fails(2, {"log-call", "--contact", anna, "--summary", "Noise at night", "--open-case"});

  // routing.default takes what no rule matches.
  s.write("crm.yaml", "routing:\n  default: front\n  rules:\n    - department: water\n      words: [leak]\n");
  CHECK(routed(anna, "Leaking roof") == "front (routing default)");
  CHECK(routed(anna, "Small leak") == "water (routing rule 1 (crm.yaml line 4))");

  // A rule or default naming an unknown department is a data error: exit 3, nothing written.
  s.write("crm.yaml", "routing:\n  rules:\n    - department: parks\n      words: [tree]\n");
  r = s.fails(3, {"case", "open", "--contact", anna, "--title", "Fallen tree"});
  CHECK(r.err.find("'parks'") != std::string::npos);
  s.write("crm.yaml", "routing:\n  default: parks\n");
  r = s.fails(3, {"case", "open", "--contact", anna, "--title", "Anything"});
  CHECK(r.err.find("'parks'") != std::string::npos);
  CHECK(routed(anna, "Anything", {"--department", "water"}) == "water (--department)");
}

TEST_CASE("case list filters by status, department, handler, contact, priority and opening time") {
  Sandbox s;
  s.init_city();
  std::string anna = s.ok({"contact", "add", "--name", "Anna Berg"});
  std::string bo = s.ok({"contact", "add", "--name", "Bo Lind"});
  auto open = [&](const std::string& at, V args) {
    V full = {"--now", at, "case", "open", "--title", "Case opened " + at};
    full.insert(full.end(), args.begin(), args.end());
    return s.ok(full);
  };
  // c1: new in the water queue; c2: acknowledged by raquel; c3: waiting, pedro;
  // c4: closed, frank; c5: new in the front queue.
  std::string c1 = open("2026-11-20T10:00:00Z", {"--contact", anna, "--department", "water"});
  std::string c2 = open("2026-11-21T10:00:00Z", {"--contact", anna, "--handler", "raquel", "--priority", "high"});
  std::string c3 = open("2026-11-22T08:00:00Z", {"--contact", bo, "--handler", "pedro", "--priority", "urgent"});
  std::string c4 = open("2026-11-22T10:00:00Z", {"--contact", bo, "--handler", "frank", "--priority", "low"});
  std::string c5 = open("2026-11-23T08:00:00Z", {"--contact", anna, "--department", "front", "--priority", "urgent"});
  s.ok({"--as", "raquel", "case", "ack", c2});
  s.ok({"--as", "pedro", "case", "ack", c3});
  s.ok({"--as", "pedro", "case", "wait", c3, "--note", "Needs the meter number"});
  s.ok({"--as", "frank", "case", "close", c4, "--resolution", "Done"});

  auto list = [&](V args) {
    V full = {"case", "list", "--format", "json"};
    full.insert(full.end(), args.begin(), args.end());
    return ids_in(s.ok(full));
  };
  // Open cases by default: the most urgent first, then the oldest.
  CHECK(list({}) == V{c3, c5, c2, c1});
  CHECK(list({"--status", "open"}) == V{c3, c5, c2, c1});
  CHECK(list({"--status", "all"}) == V{c3, c5, c2, c1, c4});
  CHECK(list({"--status", "closed"}) == V{c4});
  CHECK(list({"--status", "new"}) == V{c5, c1});
  CHECK(list({"--status", "acknowledged"}) == V{c2});
  CHECK(list({"--status", "new", "--status", "waiting"}) == V{c3, c5, c1});
  CHECK(list({"--department", "front"}) == V{c5});
  CHECK(list({"--department", "front", "--status", "all"}) == V{c5, c4});
  CHECK(list({"--department", "water", "--priority", "high"}) == V{c2});
  CHECK(list({"--handler", "raquel"}) == V{c2});
  CHECK(list({"--handler", "none"}) == V{c5, c1});
  CHECK(list({"--handler", "frank"}).empty());
  CHECK(list({"--handler", "frank", "--status", "closed"}) == V{c4});
  CHECK(list({"--as", "pedro", "--mine"}) == V{c3});
  CHECK(list({"--mine"}).empty());  // olivia handles nothing
  CHECK(list({"--contact", bo.substr(2, 5)}) == V{c3});
  CHECK(list({"--contact", bo, "--status", "all"}) == V{c3, c4});
  CHECK(list({"--priority", "urgent"}) == V{c3, c5});
  CHECK(list({"--priority", "low"}).empty());
  CHECK(list({"--opened-since", "2026-11-22"}) == V{c3, c5});
  CHECK(list({"--opened-since", "2026-11-22 09:00", "--status", "all"}) == V{c5, c4});
  CHECK(list({"--opened-since", "-1d"}) == V{c5});  // since 2026-11-22 09:00
  CHECK(list({"--opened-since", "2026-11-24"}).empty());

  s.fails(2, {"case", "list", "--status", "pending"});
  s.fails(2, {"case", "list", "--priority", "asap"});
  s.fails(2, {"case", "list", "--mine", "--handler", "raquel"});
  s.fails(2, {"case", "list", "--opened-since", "whenever"});
  s.fails(4, {"case", "list", "--handler", "nobody"});
  s.fails(4, {"case", "list", "--department", "roads"});
  s.fails(4, {"case", "list", "--contact", "P-000000000000"});
}

TEST_CASE("case list speaks json, yaml, csv, tsv and an aligned table") {
  Sandbox s;
  s.init_city();
  std::string anna = s.ok({"contact", "add", "--name", "Anna Berg"});
  std::string call = s.ok({"log-call", "--contact", anna, "--summary", "Leak"});
  std::string id = s.ok({"--now", "2026-11-23T08:00:00Z", "case", "open", "--from-call", call, "--title",
                         "Leak, at \"12\"", "--handler", "raquel", "--tag", "elm", "--tag", "hydrant"});
  s.ok({"--as", "raquel", "--now", "2026-11-23T08:30:00Z", "case", "ack", id});

  const V keys = {"id",      "title",  "status",       "priority", "contact", "contact_name", "requester",
                  "department", "handler", "opened", "acknowledged", "closed", "tags", "calls", "updated"};
  for (const std::string format : {"json", "yaml"}) {
    CAPTURE(format);
    YAML::Node rows = parse(s.ok({"case", "list", "--format", format}));
    REQUIRE(rows.size() == 1);
    V got;
    for (const auto& kv : rows[0]) {
      got.push_back(kv.first.as<std::string>());
    }
    CHECK(got == keys);
    const YAML::Node& row = rows[0];
    CHECK(str(row["id"]) == id);
    CHECK(str(row["title"]) == "Leak, at \"12\"");
    CHECK(str(row["status"]) == "acknowledged");
    CHECK(str(row["priority"]) == "normal");
    CHECK(str(row["contact"]) == anna);
    CHECK(str(row["contact_name"]) == "Anna Berg");
    CHECK(str(row["requester"]) == "olivia");
    CHECK(str(row["department"]) == "water");
    CHECK(str(row["handler"]) == "raquel");
    CHECK(str(row["opened"]) == "2026-11-23T08:00:00Z");
    CHECK(str(row["acknowledged"]) == "2026-11-23T08:30:00Z");
    CHECK(row["closed"].IsNull());
    REQUIRE(row["tags"].size() == 2);
    CHECK(str(row["tags"][1]) == "hydrant");
    CHECK(str(row["calls"][0]) == call);
    CHECK(str(row["updated"]) == "2026-11-23T08:30:00Z");
  }
  CHECK(s.run({"case", "list", "--format", "csv"}).out ==
        "id,title,status,priority,contact,contact_name,requester,department,handler,opened,acknowledged,closed,tags,"
        "calls,updated\r\n" +
            id + ",\"Leak, at \"\"12\"\"\",acknowledged,normal," + anna +
            ",Anna Berg,olivia,water,raquel,2026-11-23T08:00:00Z,2026-11-23T08:30:00Z,,elm;hydrant," + call +
            ",2026-11-23T08:30:00Z\r\n");
  CHECK(s.ok({"case", "list", "--format", "tsv"}) ==
        "id\ttitle\tstatus\tpriority\tcontact\tcontact_name\trequester\tdepartment\thandler\topened\tacknowledged\t"
        "closed\ttags\tcalls\tupdated\n" +
            id + "\tLeak, at \"12\"\tacknowledged\tnormal\t" + anna +
            "\tAnna Berg\tolivia\twater\traquel\t2026-11-23T08:00:00Z\t2026-11-23T08:30:00Z\t\telm;hydrant\t" + call +
            "\t2026-11-23T08:30:00Z");
  CHECK(s.ok({"case", "list"}) ==
        "ID              PRIORITY  STATUS        DEPARTMENT  HANDLER  CONTACT    OPENED            TITLE\n" + id +
            "  normal    acknowledged  water       raquel   Anna Berg  2026-11-23 08:00  Leak, at \"12\"");

  // Nothing to list: an empty table prints nothing, JSON an empty array, CSV its header.
  CHECK(s.ok({"case", "list", "--status", "closed"}).empty());
  CHECK(parse(s.ok({"case", "list", "--status", "closed", "--format", "json"})).size() == 0);
  CHECK(s.ok({"case", "list", "--status", "closed", "--format", "csv"}).rfind("id,title,", 0) == 0);
}

TEST_CASE("case show finds a case by prefix and refuses unknown ones") {
  Sandbox s;
  s.init_city();
  std::string anna = s.ok({"contact", "add", "--name", "Anna Berg"});
  std::string id = s.ok({"case", "open", "--contact", anna, "--title", "Leak", "--department", "water"});
  YAML::Node c = parse(s.ok({"case", "show", id.substr(2, 4), "--format", "yaml"}));
  CHECK(str(c["id"]) == id);
  CHECK(str(c["contact_name"]) == "Anna Berg");
  CHECK(c["call_details"].size() == 0);
  CHECK(c["history"].size() == 2);
  std::string text = s.ok({"case", "show", id});
  CHECK(text.find("status:       new\n") != std::string::npos);
  CHECK(text.find("\nHistory\n") != std::string::npos);
  CHECK(text.find("\nCalls\n  (none)\n") != std::string::npos);
  s.fails(4, {"case", "show", "C-000000000000"});
  s.fails(4, {"case", "show", anna});
  s.fails(2, {"case", "show"});
}
