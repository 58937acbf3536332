// What may happen to a case in each state: illegal steps are refused and
// change nothing; forwarding; waiting; reopening; crm check on case files.
#include "harness.hpp"

#include <doctest/doctest.h>

using namespace e2e;
using V = std::vector<std::string>;

namespace {

std::string str(const YAML::Node& n) { return n ? n.as<std::string>() : ""; }

// A city office with the citizen Anna Berg; cases are opened by fiona at the front desk.
struct Office {
  Sandbox s;
  std::string anna;

  Office() {
    s.init_city();
    anna = s.ok({"contact", "add", "--name", "Anna Berg", "--kind", "citizen"});
  }

  // Opens a case for Anna with `extra` options; returns its ID.
  std::string open(const V& extra = {"--department", "water"}) {
    V args = {"--as", "fiona", "case", "open", "--contact", anna, "--title", "No water at number 12"};
    args.insert(args.end(), extra.begin(), extra.end());
    return s.ok(args);
  }

  // Runs one legal step as `user` and returns its message line.
  std::string step(const std::string& user, V args) {
    args.insert(args.begin(), {"--as", user, "case"});
    Result r = s.run(args);
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.empty());
    return r.err;
  }

  YAML::Node stored(const std::string& id) { return parse(s.read(case_path(id))); }

  std::string status(const std::string& id) { return str(stored(id)["status"]); }

  // The case's events, in order.
  V events(const std::string& id) {
    V out;
    for (const auto& e : stored(id)["history"]) {
      out.push_back(str(e["event"]));
    }
    return out;
  }

  // Expects `crm case ARGS` to exit `code` without writing anything, saying `why`.
  void refuse(int code, V args, const std::string& why) {
    args.insert(args.begin(), "case");
    Result r = s.fails(code, args);
    CHECK_MESSAGE(r.err.find(why) != std::string::npos, r.err);
  }
};

}  // namespace

TEST_CASE("a new case cannot wait, resume, reopen or go back into its own queue") {
  Office o;
  std::string id = o.open();
  o.refuse(2, {"wait", id, "--note", "Call back"}, "it is not acknowledged yet");
  o.refuse(2, {"resume", id}, "it is not waiting on the customer");
  o.refuse(2, {"reopen", id, "--reason", "Again"}, "it is not closed");
  o.refuse(2, {"forward", id, "--to", "water"}, "already in the water queue");
  o.refuse(2, {"forward", id, "--to", "department:water"}, "already in the water queue");
  o.refuse(2, {"close", id}, "--resolution");
  o.refuse(2, {"close", id, "--resolution", ""}, "resolution");
  o.refuse(2, {"update", id}, "an update needs a note");
  o.refuse(2, {"update", id, "--note", ""}, "an update needs a note");

  std::string assigned = o.open({"--handler", "raquel"});
  o.refuse(2, {"forward", assigned, "--to", "raquel"}, "already handled by raquel");
  o.refuse(2, {"forward", assigned, "--to", "user:raquel"}, "already handled by raquel");
  CHECK(o.events(id) == V{"opened", "routed"});
  CHECK(o.events(assigned) == V{"opened", "routed"});
}

TEST_CASE("an acknowledged case cannot be acknowledged again, resumed or reopened") {
  Office o;
  std::string id = o.open();
  o.step("raquel", {"ack", id});
  o.refuse(2, {"ack", id}, "it is already acknowledged");
  o.refuse(2, {"--as", "pedro", "ack", id}, "it is already acknowledged");
  o.refuse(2, {"resume", id, "--note", "x"}, "it is not waiting on the customer");
  o.refuse(2, {"reopen", id, "--reason", "Again"}, "it is not closed");
  o.refuse(2, {"forward", id, "--to", "raquel"}, "already handled by raquel");
  CHECK(o.status(id) == "acknowledged");
}

TEST_CASE("a case waiting on the customer cannot be acknowledged, wait again or reopen") {
  Office o;
  std::string id = o.open();
  o.step("raquel", {"ack", id});
  o.step("raquel", {"wait", id, "--note", "Send us the meter number"});
  o.refuse(2, {"ack", id}, "use 'crm case resume'");
  o.refuse(2, {"wait", id, "--note", "Still"}, "it is already waiting on the customer");
  o.refuse(2, {"reopen", id, "--reason", "Again"}, "it is not closed");
  CHECK(o.status(id) == "waiting");
}

TEST_CASE("a closed case refuses everything but reopening") {
  Office o;
  std::string id = o.open();
  o.step("raquel", {"ack", id});
  o.step("raquel", {"close", id, "--resolution", "Fixed"});
  const std::string closed = "it is closed (reopen it first with 'crm case reopen')";
  o.refuse(2, {"ack", id}, closed);
  o.refuse(2, {"close", id, "--resolution", "Fixed twice"}, "it is already closed");
  o.refuse(2, {"wait", id, "--note", "x"}, closed);
  o.refuse(2, {"resume", id}, closed);
  o.refuse(2, {"update", id, "--note", "More"}, closed);
  o.refuse(2, {"forward", id, "--to", "pedro"}, closed);
  o.refuse(2, {"forward", id, "--to", "front"}, closed);
  o.refuse(2, {"reopen", id}, "--reason");
  o.refuse(2, {"reopen", id, "--reason", ""}, "needs a reason");
  CHECK(o.events(id) == V{"opened", "routed", "acknowledged", "closed"});
}

TEST_CASE("unknown cases, users and departments exit 4, an ambiguous name exits 2") {
  Office o;
  std::string id = o.open();
  o.refuse(4, {"forward", id, "--to", "nobody"}, "no user or department 'nobody'");
  o.refuse(4, {"forward", id, "--to", "user:water"}, "water");
  o.refuse(4, {"forward", id, "--to", "department:raquel"}, "raquel");
  for (const V& action : {V{"ack"}, V{"update", "--note", "x"}, V{"wait"}, V{"resume"},
                          V{"close", "--resolution", "x"}, V{"reopen", "--reason", "x"}, V{"forward", "--to", "pedro"},
                          V{"show"}}) {
    V args = action;
    args.insert(args.begin() + 1, "C-000000000000");
    o.refuse(4, args, "C-000000000000");
  }
  // A user named like a department needs saying which one is meant.
  o.s.ok({"user", "add", "water", "--name", "Walter Water"});
  o.refuse(2, {"forward", id, "--to", "water"}, "user:water or department:water");
  o.step("olivia", {"forward", id, "--to", "user:water"});
  CHECK(str(o.stored(id)["handler"]) == "water");
}

TEST_CASE("forwarding A -> B -> C keeps the whole history and tells the new and the old handler") {
  Office o;
  NotificationWatch told(o.s);
  std::string id = o.open({"--handler", "raquel"});
  CHECK(told.users() == V{"raquel"});
  o.step("raquel", {"ack", id});
  told.take();

  // Olivia (their manager) moves it from Raquel to Pedro...
  CHECK(o.step("olivia", {"--now", "2026-11-23T10:00:00Z", "forward", id, "--to", "pedro", "--note", "Mains"}) ==
        id + ": forwarded; now acknowledged, handler pedro; notified pedro, raquel\n");
  auto notes = told.take();
  REQUIRE(notes.size() == 2);
  for (const auto& n : notes) {
    CHECK(str(n["event"]) == "case-forwarded");
    CHECK(str(n["about"]) == id);
    CHECK(str(n["by"]) == "olivia");
    CHECK(str(n["message"]) == id + " forwarded to pedro by olivia: Mains");
  }
  CHECK(str(notes[0]["user"]) == "pedro");
  CHECK(str(notes[1]["user"]) == "raquel");

  // ...then to Frank at the front desk: the case follows him to his department.
  CHECK(o.step("olivia", {"--now", "2026-11-23T11:00:00Z", "forward", id, "--to", "frank"}) ==
        id + ": forwarded; now acknowledged, handler frank; notified frank, pedro\n");
  CHECK(told.users() == V{"frank", "pedro"});

  // A forward by the old handler tells only the new one.
  CHECK(o.step("frank", {"--now", "2026-11-23T12:00:00Z", "forward", id, "--to", "raquel", "--note", "Back"}) ==
        id + ": forwarded; now acknowledged, handler raquel; notified raquel\n");
  CHECK(told.users() == V{"raquel"});

  YAML::Node c = o.stored(id);
  CHECK(str(c["status"]) == "acknowledged");
  CHECK(str(c["handler"]) == "raquel");
  CHECK(str(c["department"]) == "water");
  CHECK(o.events(id) == V{"opened", "routed", "acknowledged", "forwarded", "forwarded", "forwarded"});
  const YAML::Node& h = c["history"];
  CHECK(str(h[3]["from"]) == "raquel");
  CHECK(str(h[3]["to"]) == "pedro");
  CHECK(str(h[3]["department"]) == "water");
  CHECK(str(h[3]["note"]) == "Mains");
  CHECK(str(h[3]["at"]) == "2026-11-23T10:00:00Z");
  CHECK(str(h[4]["from"]) == "pedro");
  CHECK(str(h[4]["to"]) == "frank");
  CHECK(str(h[4]["department"]) == "front");
  CHECK(str(h[4]["handler"]) == "frank");
  CHECK(str(h[5]["from"]) == "frank");
  CHECK(str(h[5]["to"]) == "raquel");
  CHECK(str(h[5]["by"]) == "frank");
  CHECK(str(h[5]["department"]) == "water");
  CHECK(o.s.run({"check"}).status == 0);
}

TEST_CASE("forwarding a queued case to a user assigns it") {
  Office o;
  NotificationWatch told(o.s);
  std::string id = o.open();
  told.take();
  // Nobody handled it, so only the new handler is told.
  CHECK(o.step("olivia", {"forward", id, "--to", "pedro"}) ==
        id + ": forwarded; now new, handler pedro; notified pedro\n");
  CHECK(told.users() == V{"pedro"});
  YAML::Node c = o.stored(id);
  CHECK(str(c["handler"]) == "pedro");
  CHECK(str(c["status"]) == "new");
  CHECK(str(c["history"][2]["from"]) == "water");
  CHECK(str(c["history"][2]["to"]) == "pedro");
  // Pedro acknowledges it as its handler; Fiona, who asked, is told.
  CHECK(o.step("pedro", {"ack", id}) == id + ": acknowledged; now acknowledged, handler pedro; notified fiona\n");
}

TEST_CASE("forwarding to a department puts the case back to new in that queue") {
  Office o;
  NotificationWatch told(o.s);
  std::string id = o.open();
  o.step("raquel", {"--now", "2026-11-23T09:30:00Z", "ack", id});
  told.take();

  CHECK(o.step("olivia", {"--now", "2026-11-23T10:00:00Z", "forward", id, "--to", "front", "--note",
                          "Not ours: a billing question"}) ==
        id + ": forwarded; now new, in the front queue; notified frank, fiona, raquel\n");
  auto notes = told.take();
  REQUIRE(notes.size() == 3);
  CHECK(str(notes[0]["user"]) == "fiona");
  CHECK(str(notes[1]["user"]) == "frank");
  CHECK(str(notes[2]["user"]) == "raquel");
  CHECK(str(notes[2]["message"]) == id + " forwarded to front by olivia: Not ours: a billing question");

  YAML::Node c = o.stored(id);
  CHECK(str(c["status"]) == "new");
  CHECK(str(c["department"]) == "front");
  CHECK_FALSE(c["handler"]);
  CHECK_FALSE(c["acknowledged"]);
  const YAML::Node& fwd = c["history"][3];
  CHECK(str(fwd["event"]) == "forwarded");
  CHECK(str(fwd["from"]) == "raquel");
  CHECK(str(fwd["to"]) == "front");
  CHECK(str(fwd["department"]) == "front");
  CHECK_FALSE(fwd["handler"]);
  CHECK(o.s.ok({"case", "list", "--handler", "none", "--department", "front", "--format", "csv"}).find(id) !=
        std::string::npos);

  // Someone in the new queue takes it by acknowledging it.
  CHECK(o.step("frank", {"--now", "2026-11-23T11:00:00Z", "ack", id}) ==
        id + ": acknowledged; now acknowledged, handler frank; notified fiona\n");
  c = o.stored(id);
  CHECK(str(c["handler"]) == "frank");
  CHECK(str(c["acknowledged"]) == "2026-11-23T11:00:00Z");

  // A case with a handler may go back into its own department's queue.
  CHECK(o.step("olivia", {"forward", id, "--to", "department:front"}) ==
        id + ": forwarded; now new, in the front queue; notified frank, fiona\n");
  CHECK(o.s.run({"check"}).status == 0);
}

TEST_CASE("waiting on the customer: wait, resume, and a call from the customer resumes it") {
  Office o;
  NotificationWatch told(o.s);
  std::string id = o.open();
  o.step("raquel", {"ack", id});
  told.take();
  CHECK(o.step("raquel", {"wait", id, "--note", "Send us the meter number"}) ==
        id + ": waiting; now waiting, handler raquel; notified fiona\n");
  auto notes = told.take();
  REQUIRE(notes.size() == 1);
  CHECK(str(notes[0]["event"]) == "case-waiting");
  CHECK(str(notes[0]["message"]) == id + " is waiting on the customer: Send us the meter number");

  CHECK(o.step("fiona", {"resume", id, "--note", "She sent it"}) ==
        id + ": resumed; now acknowledged, handler raquel; notified raquel\n");
  CHECK(told.users() == V{"raquel"});
  o.step("raquel", {"wait", id});
  CHECK(told.users() == V{"fiona"});

  // Anna calls with the answer: linking the call resumes the case.
  Result r = o.s.run({"--as", "fiona", "log-call", "--contact", o.anna, "--summary", "Meter 4711", "--case", id});
  REQUIRE(r.status == 0);
  std::string call = r.out.substr(0, 14);
  CHECK(r.err == "Linked to " + id + " (now acknowledged)\n");
  YAML::Node c = o.stored(id);
  CHECK(str(c["status"]) == "acknowledged");
  CHECK(str(c["calls"][0]) == call);
  CHECK(o.events(id) ==
        V{"opened", "routed", "acknowledged", "waiting", "resumed", "waiting", "call-added", "resumed"});
  CHECK(str(c["history"][7]["call"]) == call);
  CHECK(str(c["history"][7]["note"]) == "the customer called (" + call + ")");
  notes = told.take();
  REQUIRE(notes.size() == 1);
  CHECK(str(notes[0]["user"]) == "raquel");
  CHECK(str(notes[0]["event"]) == "case-call-added");
  CHECK(str(notes[0]["message"]) == "new call " + call + " on " + id + ": Meter 4711");

  // Linking the same call twice is refused.
  Result again = o.s.fails(2, {"case", "add-call", id, "--call", call});
  CHECK(again.err.find("already linked") != std::string::npos);
}

TEST_CASE("a call on a closed case is linked, and reopens it only with --reopen") {
  Office o;
  NotificationWatch told(o.s);
  std::string id = o.open({"--handler", "pedro"});
  o.step("pedro", {"ack", id});
  o.step("pedro", {"close", id, "--resolution", "Fixed"});
  told.take();

  Result r = o.s.run({"--as", "fiona", "log-call", "--contact", o.anna, "--summary", "Thanks!", "--case", id});
  REQUIRE(r.status == 0);
  CHECK(r.err == "Linked to " + id + " (now closed)\ncrm: warning: " + id +
                     " is closed; add --reopen to reopen it with the call\n");
  CHECK(o.status(id) == "closed");
  CHECK(o.events(id).back() == "call-added");
  CHECK(told.users() == V{"pedro"});

  // case reopen --from-call links a call that was logged on its own.
  std::string call = o.s.ok({"log-call", "--contact", o.anna, "--summary", "It is leaking again"});
  CHECK(o.step("fiona", {"reopen", id, "--reason", "Leaking again", "--from-call", call.substr(2, 6)}) ==
        id + ": reopened; now acknowledged, handler pedro; notified pedro\n");
  YAML::Node c = o.stored(id);
  CHECK(c["calls"].size() == 2);
  CHECK(str(c["calls"][1]) == call);
  const YAML::Node& reopened = c["history"][c["history"].size() - 1];
  CHECK(str(reopened["event"]) == "reopened");
  CHECK(str(reopened["to"]) == "acknowledged");
  CHECK(str(reopened["call"]) == call);
  CHECK(str(reopened["reason"]) == "Leaking again");
  CHECK_FALSE(c["closed"]);
  auto notes = told.take();
  REQUIRE(notes.size() == 1);
  CHECK(str(notes[0]["message"]) == id + " reopened by fiona: Leaking again");
}

TEST_CASE("a case nobody took reopens as new, reopen_to: new reopens every case as new") {
  Office o;
  NotificationWatch told(o.s);
  std::string queued = o.open();
  o.step("olivia", {"close", queued, "--resolution", "Duplicate"});
  told.take();
  CHECK(o.step("fiona", {"reopen", queued, "--reason", "Not a duplicate"}) ==
        queued + ": reopened; now new, in the water queue; notified olivia, pedro, raquel\n");
  CHECK(o.status(queued) == "new");
  CHECK(told.users() == V{"olivia", "pedro", "raquel"});

  // So does one whose handler never acknowledged it.
  std::string untaken = o.open({"--handler", "pedro"});
  o.step("olivia", {"close", untaken, "--resolution", "Duplicate"});
  CHECK(o.step("fiona", {"reopen", untaken, "--reason", "Not a duplicate"}) ==
        untaken + ": reopened; now new, handler pedro; notified pedro\n");
  told.take();

  o.s.write("crm.yaml", "cases:\n  reopen_to: new\n");
  std::string id = o.open({"--handler", "raquel"});
  o.step("raquel", {"ack", id});
  o.step("raquel", {"close", id, "--resolution", "Fixed"});
  told.take();
  CHECK(o.step("fiona", {"reopen", id, "--reason", "Back"}) ==
        id + ": reopened; now new, handler raquel; notified raquel\n");
  YAML::Node c = o.stored(id);
  CHECK(str(c["status"]) == "new");
  CHECK(str(c["handler"]) == "raquel");
  CHECK_FALSE(c["acknowledged"]);
  CHECK_FALSE(c["closed"]);
  CHECK(str(c["history"][4]["to"]) == "new");
  CHECK(told.users() == V{"raquel"});
  // The handler acknowledges it again.
  o.step("raquel", {"--now", "2026-11-24T08:00:00Z", "ack", id});
  CHECK(str(o.stored(id)["acknowledged"]) == "2026-11-24T08:00:00Z");
  CHECK(o.s.run({"check"}).status == 0);
}

TEST_CASE("crm check names the line where a case file disagrees with its history") {
  Office o;
  std::string id = o.open({"--handler", "raquel"});
  o.step("raquel", {"ack", id});
  o.step("raquel", {"close", id, "--resolution", "Fixed"});
  const std::string path = case_path(id);
  const std::string good = o.s.read(path);
  REQUIRE(lines(good)[2] == "status: closed");
  auto check = [&](const std::string& text) {
    o.s.write(path, text);
    Result r = o.s.run({"check"});
    CHECK(r.status == 1);
    CHECK(r.err.find("problem") != std::string::npos);
    return r.out;
  };
  auto replaced = [&](const std::string& from, const std::string& to) {
    std::string text = good;
    REQUIRE(text.find(from) != std::string::npos);
    return text.replace(text.find(from), from.size(), to);
  };

  CHECK(check(replaced("status: closed", "status: acknowledged")) ==
        path + ":3: 'status' is 'acknowledged' but the history says 'closed'\n");
  CHECK(check(replaced("status: closed", "status: new")) ==
        path + ":3: 'status' is 'new' but the history says 'closed'\n");
  CHECK(check(replaced("handler: raquel", "handler: pedro")) ==
        path + ":8: 'handler' is 'pedro' but the history says 'raquel'\n");
  std::string closed_line = lines(good)[10];
  REQUIRE(closed_line.rfind("closed: ", 0) == 0);
  CHECK(check(replaced(closed_line + "\n", "")) ==
        path + ":1: 'closed' is missing but the history says '2026-11-23T09:00:00Z'\n");

  // An illegal step in the history is named at its line: acknowledging a closed case...
  std::string text = good + "  - at: 2026-11-23T10:00:00Z\n    by: raquel\n    event: acknowledged\n";
  int line = static_cast<int>(lines(good).size()) + 1;
  CHECK(check(text) == path + ":" + std::to_string(line) +
                           ": history: 'acknowledged' is not allowed when the case is closed: it is closed (reopen it "
                           "first with 'crm case reopen')\n" +
                           path + ":3: 'status' is 'closed' but the history says 'acknowledged'\n" + path +
                           ":10: 'acknowledged' is '2026-11-23T09:00:00Z' but the history says "
                           "'2026-11-23T10:00:00Z'\n");
  // ...or a history that does not start with 'opened'.
  CHECK(check(replaced("event: opened", "event: routed")).find(path + ":13: history: 'routed' is not allowed first") ==
        0);

  // Commands go by the history, not by the edited status.
  o.s.write(path, replaced("status: closed", "status: acknowledged"));
  Result r = o.s.fails(2, {"case", "update", id, "--note", "More"});
  CHECK(r.err.find("it is closed") != std::string::npos);

  o.s.write(path, good);
  Result clean = o.s.run({"check"});
  CHECK(clean.status == 0);
  CHECK(clean.out.empty());
}

TEST_CASE("case show counts the reopenings, which are never stored") {
  Office o;
  std::string id = o.open({"--department", "water", "--handler", "raquel"});
  auto shown = [&] { return parse(o.s.ok({"case", "show", id, "--format", "json"})); };
  CHECK_FALSE(shown()["reopenings"]);
  o.step("raquel", {"ack", id});
  for (int round = 1; round <= 2; ++round) {
    o.step("raquel", {"close", id, "--resolution", "fixed"});
    o.step("fiona", {"reopen", id, "--reason", "again"});
    CHECK(shown()["reopenings"].as<int>() == round);
  }
  CHECK_FALSE(o.stored(id)["reopenings"]);
  CHECK(o.s.ok({"case", "show", id}).find("reopenings:   2\n") != std::string::npos);
}
