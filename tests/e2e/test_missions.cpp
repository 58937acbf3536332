// crm mission: co-workers challenge each other for a reward (issue 5). The
// issue's story end to end, who may take which step, who is told, listings,
// `show`, the overdue reminder of `crm escalate`, `crm check` and hooks.
#include "harness.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace e2e;
using V = std::vector<std::string>;

namespace {

std::string str(const YAML::Node& n) { return n && !n.IsNull() ? n.as<std::string>() : ""; }

std::string mission_path(const std::string& id) { return "missions/" + id + ".yaml"; }

// The keys of a map, in order.
V keys_of(const YAML::Node& n) {
  V keys;
  for (const auto& kv : n) {
    keys.push_back(kv.first.as<std::string>());
  }
  return keys;
}

// Notifications as "user event about by: message", in NotificationWatch order.
V told_as_text(const std::vector<YAML::Node>& notes) {
  V out;
  for (const auto& n : notes) {
    CHECK(is_generated_id(str(n["id"]), "N"));
    out.push_back(str(n["user"]) + " " + str(n["event"]) + " " + str(n["about"]) + " " + str(n["by"]) + ": " +
                  str(n["message"]));
  }
  return out;
}

// The story's office. Vera (a senior VP in exec) acts unless told otherwise;
// Customer Support has the reps Sam and Sue; Marketing has Mia (manager) and
// the intern Ian.
struct Office {
  Sandbox s;

  Office() {
    s.ok({"init", "crm"});
    s.ok({"department", "add", "exec", "--name", "Executive Office"});
    s.ok({"department", "add", "support", "--name", "Customer Support"});
    s.ok({"department", "add", "marketing", "--name", "Marketing"});
    s.ok({"user", "add", "vera", "--name", "Vera Vance", "--department", "exec", "--role", "vp"});
    s.set_env("CRM_USER=vera");
    s.ok({"user", "add", "sam", "--name", "Sam Soto", "--department", "support"});
    s.ok({"user", "add", "sue", "--name", "Sue Sato", "--department", "support"});
    s.ok({"user", "add", "mia", "--name", "Mia Moreau", "--department", "marketing", "--role", "manager"});
    s.ok({"user", "add", "ian", "--name", "Ian Ito", "--department", "marketing", "--manager", "mia"});
  }

  // `crm --as USER [--now NOW] mission create ARGS`: checks it printed a new mission ID and returns it.
  std::string create(const std::string& as, const V& args, const std::string& now = "") {
    V all = {"--as", as};
    if (!now.empty()) {
      all.insert(all.end(), {"--now", now});
    }
    all.insert(all.end(), {"mission", "create"});
    all.insert(all.end(), args.begin(), args.end());
    std::string id = s.ok(all);
    CHECK(is_generated_id(id, "M"));
    CHECK(s.exists(mission_path(id)));
    return id;
  }

  // Runs `crm --as USER --now NOW mission ARGS`, which must succeed silently on stdout; returns stderr.
  std::string act(const std::string& as, const std::string& now, const V& args, const std::string& input = "") {
    V all = {"--as", as};
    if (!now.empty()) {
      all.insert(all.end(), {"--now", now});
    }
    all.push_back("mission");
    all.insert(all.end(), args.begin(), args.end());
    Result r = s.run(all, input);
    std::string command;
    for (const auto& a : all) {
      command += " " + a;
    }
    INFO("crm" << command << "\nstderr: " << r.err);
    CHECK(r.status == 0);
    CHECK(r.out.empty());
    return r.err;
  }

  YAML::Node file(const std::string& id) { return parse(s.read(mission_path(id))); }

  // The history entries of mission `id` as "event by" plus details.
  V history(const std::string& id) {
    V out;
    for (const auto& e : file(id)["history"]) {
      std::string line = str(e["at"]) + " " + str(e["event"]) + " by " + str(e["by"]);
      for (const char* key : {"taker", "note", "reason"}) {
        if (e[key]) {
          line += std::string("; ") + key + ": " + str(e[key]);
        }
      }
      out.push_back(line);
    }
    return out;
  }

  // IDs in a JSON listing of `crm --as USER mission list ARGS --format json`.
  V list(const std::string& as, const V& args) {
    V all = {"--as", as, "mission", "list"};
    all.insert(all.end(), args.begin(), args.end());
    all.insert(all.end(), {"--format", "json"});
    V ids;
    for (const auto& row : parse(s.ok(all))) {
      ids.push_back(str(row["id"]));
    }
    return ids;
  }

  // A user's unread inbox as "event about", newest first.
  V inbox(const std::string& user) {
    V out;
    for (const auto& n : parse(s.ok({"inbox", "--user", user, "--format", "json"}))) {
      out.push_back(str(n["event"]) + " " + str(n["about"]));
    }
    return out;
  }
};

const char* const k_title = "Keep clients happy before contracts renew";
const char* const k_beach = "My beach house over Labor Day";
const char* const k_survey = "Survey clients about renewals";
const char* const k_cake = "A flourless chocolate cake";

}  // namespace

TEST_CASE("the mission story: a VP's beach house, a rep's proposal, an intern's cake and one rejection") {
  Office o;
  Sandbox& s = o.s;
  NotificationWatch told(s);

  // Monday 09:00: Vera posts the mission to Customer Support, details on stdin.
  Result r = s.run({"mission", "create", "--title", k_title, "--reward", k_beach, "--audience", "department:support",
                    "--due", "2026-12-18T17:00:00Z"},
                   "Propose how we keep clients satisfied\nbefore their annual service contracts renew.\n");
  REQUIRE(r.status == 0);
  const std::string id = r.out.substr(0, r.out.size() - 1);
  CHECK(r.out == id + "\n");
  CHECK(is_generated_id(id, "M"));
  CHECK(r.err == id + ": created; now available; notified sam, sue\n");
  const std::string created_file =
      "id: " + id +
      "\n"
      "title: Keep clients happy before contracts renew\n"
      "description: |-\n"
      "  Propose how we keep clients satisfied\n"
      "  before their annual service contracts renew.\n"
      "reward: My beach house over Labor Day\n"
      "creator: vera\n"
      "audience:\n"
      "  - department:support\n"
      "due: 2026-12-18T17:00:00Z\n"
      "status: available\n"
      "history:\n"
      "  - at: 2026-11-23T09:00:00Z\n"
      "    by: vera\n"
      "    event: created\n";
  CHECK(s.read(mission_path(id)) == created_file);
  // The audience hears of it; Vera (who posted it) and Marketing do not.
  const std::string posted = "new mission " + id + " for My beach house over Labor Day: " + k_title;
  CHECK(told_as_text(told.take()) ==
        V{"sam mission-created " + id + " vera: " + posted, "sue mission-created " + id + " vera: " + posted});
  CHECK(o.list("sam", {}) == V{id});
  CHECK(o.list("sue", {}) == V{id});
  CHECK(o.list("ian", {}).empty());   // not in Customer Support
  CHECK(o.list("vera", {}).empty());  // her own

  // 10:00: Sam, a support rep, accepts it; Vera is told.
  CHECK(o.act("sam", "2026-11-23T10:00:00Z", {"accept", id}) == id + ": accepted; now taken; notified vera\n");
  YAML::Node m = o.file(id);
  CHECK(str(m["status"]) == "taken");
  CHECK(str(m["taker"]) == "sam");
  CHECK(told_as_text(told.take()) ==
        V{"vera mission-accepted " + id + " sam: " + id + " accepted by sam: " + k_title});
  CHECK(o.list("sue", {}).empty());  // no longer available
  CHECK(o.list("sam", {"--mine"}) == V{id});

  // 11:00: he needs Marketing's help and posts a sub-mission of his own.
  r = s.run({"--as", "sam", "--now", "2026-11-23T11:00:00Z", "mission", "create", "--title", k_survey, "--reward",
             k_cake, "--audience", "department:marketing", "--parent", id.substr(0, 8), "--description",
             "Ask twenty clients what would make them renew"});
  REQUIRE(r.status == 0);
  const std::string sub = r.out.substr(0, r.out.size() - 1);
  CHECK(is_generated_id(sub, "M"));
  CHECK(sub != id);
  CHECK(r.err == sub + ": created; now available; notified ian, mia\n");
  YAML::Node sm = o.file(sub);
  CHECK(str(sm["parent"]) == id);  // the prefix was resolved
  CHECK(str(sm["creator"]) == "sam");
  CHECK(str(sm["description"]) == "Ask twenty clients what would make them renew");
  CHECK(keys_of(sm) ==
        V{"id", "title", "description", "reward", "creator", "audience", "parent", "status", "history"});
  const std::string sub_posted = "new mission " + sub + " for A flourless chocolate cake: " + k_survey;
  CHECK(told_as_text(told.take()) ==
        V{"ian mission-created " + sub + " sam: " + sub_posted, "mia mission-created " + sub + " sam: " + sub_posted});
  CHECK(o.list("ian", {}) == V{sub});
  CHECK(o.list("sam", {"--created"}) == V{sub});

  // 12:00: Ian, the marketing intern, accepts it; 13:00 he completes it; 14:00 Sam approves.
  CHECK(o.act("ian", "2026-11-23T12:00:00Z", {"accept", sub}) == sub + ": accepted; now taken; notified sam\n");
  CHECK(told_as_text(told.take()) ==
        V{"sam mission-accepted " + sub + " ian: " + sub + " accepted by ian: " + k_survey});
  CHECK(o.act("ian", "2026-11-23T13:00:00Z", {"complete", sub, "--note", "20 clients asked; summary attached"}) ==
        sub + ": completed; now completed; notified sam\n");
  CHECK(told_as_text(told.take()) ==
        V{"sam mission-completed " + sub + " ian: " + sub +
          " completed by ian and waiting for your approval: 20 clients asked; summary attached"});
  CHECK(str(o.file(sub)["status"]) == "completed");
  CHECK(o.act("sam", "2026-11-23T14:00:00Z", {"approve", sub, "--note", "Cake on Friday"}) ==
        sub + ": approved; now approved; notified ian\n");
  CHECK(told_as_text(told.take()) ==
        V{"ian mission-approved " + sub + " sam: " + sub + " approved by sam: you earned A flourless chocolate cake"});
  CHECK(o.history(sub) == V{"2026-11-23T11:00:00Z created by sam",
                            "2026-11-23T12:00:00Z accepted by ian; taker: ian",
                            "2026-11-23T13:00:00Z completed by ian; note: 20 clients asked; summary attached",
                            "2026-11-23T14:00:00Z approved by sam; note: Cake on Friday"});
  sm = o.file(sub);
  CHECK(str(sm["status"]) == "approved");
  CHECK(str(sm["taker"]) == "ian");

  // Tuesday 09:00: Sam completes his proposal; Vera is asked to approve.
  CHECK(o.act("sam", "2026-11-24T09:00:00Z", {"complete", id, "--note", "Proposal: check-in calls 90 days ahead"}) ==
        id + ": completed; now completed; notified vera\n");
  CHECK(told_as_text(told.take()) ==
        V{"vera mission-completed " + id + " sam: " + id +
          " completed by sam and waiting for your approval: Proposal: check-in calls 90 days ahead"});
  CHECK(str(o.file(id)["status"]) == "completed");

  // 10:00: she rejects it with a reason; it is Sam's again.
  CHECK(o.act("vera", "2026-11-24T10:00:00Z", {"reject", id, "--reason", "Add what it costs"}) ==
        id + ": rejected; now taken; notified sam\n");
  m = o.file(id);
  CHECK(str(m["status"]) == "taken");
  CHECK(str(m["taker"]) == "sam");
  CHECK(told_as_text(told.take()) ==
        V{"sam mission-rejected " + id + " vera: " + id + " rejected by vera (it is yours to try again): Add what it costs"});
  CHECK(o.list("sam", {"--mine", "--status", "taken"}) == V{id});

  // Wednesday 11:00: he completes it again; 12:00 she approves.
  CHECK(o.act("sam", "2026-11-25T11:00:00Z", {"complete", id, "--note", "With costs: 2 hours per client"}) ==
        id + ": completed; now completed; notified vera\n");
  CHECK(told_as_text(told.take()) ==
        V{"vera mission-completed " + id + " sam: " + id +
          " completed by sam and waiting for your approval: With costs: 2 hours per client"});
  CHECK(o.act("vera", "2026-11-25T12:00:00Z", {"approve", id, "--note", "Enjoy the beach"}) ==
        id + ": approved; now approved; notified sam\n");
  CHECK(told_as_text(told.take()) ==
        V{"sam mission-approved " + id + " vera: " + id + " approved by vera: you earned My beach house over Labor Day"});

  // The whole story in the file, in order.
  CHECK(s.read(mission_path(id)) ==
        "id: " + id +
            "\n"
            "title: Keep clients happy before contracts renew\n"
            "description: |-\n"
            "  Propose how we keep clients satisfied\n"
            "  before their annual service contracts renew.\n"
            "reward: My beach house over Labor Day\n"
            "creator: vera\n"
            "audience:\n"
            "  - department:support\n"
            "due: 2026-12-18T17:00:00Z\n"
            "taker: sam\n"
            "status: approved\n"
            "history:\n"
            "  - at: 2026-11-23T09:00:00Z\n"
            "    by: vera\n"
            "    event: created\n"
            "  - at: 2026-11-23T10:00:00Z\n"
            "    by: sam\n"
            "    event: accepted\n"
            "    taker: sam\n"
            "  - at: 2026-11-24T09:00:00Z\n"
            "    by: sam\n"
            "    event: completed\n"
            "    note: \"Proposal: check-in calls 90 days ahead\"\n"
            "  - at: 2026-11-24T10:00:00Z\n"
            "    by: vera\n"
            "    event: rejected\n"
            "    reason: Add what it costs\n"
            "  - at: 2026-11-25T11:00:00Z\n"
            "    by: sam\n"
            "    event: completed\n"
            "    note: \"With costs: 2 hours per client\"\n"
            "  - at: 2026-11-25T12:00:00Z\n"
            "    by: vera\n"
            "    event: approved\n"
            "    note: Enjoy the beach\n");

  // Everyone's inbox, newest first.
  CHECK(o.inbox("vera") ==
        V{"mission-completed " + id, "mission-completed " + id, "mission-accepted " + id});
  CHECK(o.inbox("sam") == V{"mission-approved " + id, "mission-rejected " + id, "mission-completed " + sub,
                            "mission-accepted " + sub, "mission-created " + id});
  CHECK(o.inbox("ian") == V{"mission-approved " + sub, "mission-created " + sub});
  CHECK(o.inbox("mia") == V{"mission-created " + sub});
  CHECK(o.inbox("sue") == V{"mission-created " + id});

  // Nothing is left to accept; both missions are done.
  for (const char* user : {"sam", "sue", "mia", "ian", "vera"}) {
    CAPTURE(user);
    CHECK(o.list(user, {}).empty());
  }
  CHECK(o.list("vera", {"--all", "--status", "approved"}).size() == 2);
  Result check = s.run({"check"});
  CHECK(check.status == 0);
  CHECK(check.out.empty());
}

TEST_CASE("only the right person may take each mission step, refusals exit 2 and write nothing") {
  Office o;
  Sandbox& s = o.s;
  std::string id = o.create("vera", {"--title", k_title, "--reward", k_beach, "--audience", "department:support"});
  NotificationWatch told(s);

  // Available: nobody has it yet.
  Result r = s.fails(2, {"mission", "accept", id});  // Vera created it
  CHECK(r.err == "crm: error: you created " + id + "; someone else has to accept it\n");
  r = s.fails(2, {"--as", "ian", "mission", "accept", id});  // not in Customer Support
  CHECK(r.err == "crm: error: " + id + " is not open to ian (audience: department:support)\n");
  s.fails(2, {"--as", "mia", "mission", "accept", id});
  r = s.fails(2, {"--as", "sam", "mission", "complete", id});
  CHECK(r.err == "crm: error: only the taker (nobody yet) may complete " + id + ", not sam\n");
  s.fails(2, {"--as", "sam", "mission", "release", id});
  s.fails(2, {"mission", "complete", id});
  r = s.fails(2, {"mission", "approve", id});  // not completed
  CHECK(r.err == "crm: error: cannot record 'approved' for mission " + id + ": it is available, not completed\n");
  s.fails(2, {"mission", "reject", id, "--reason", "Too slow"});
  s.fails(2, {"--as", "sue", "mission", "cancel", id});
  CHECK(str(o.file(id)["status"]) == "available");

  // Taken by Sam.
  o.act("sam", "", {"accept", id});
  told.take();
  r = s.fails(2, {"--as", "sue", "mission", "accept", id});  // a second taker
  CHECK(r.err == "crm: error: cannot record 'accepted' for mission " + id + ": it is taken, not available\n");
  s.fails(2, {"--as", "sam", "mission", "accept", id});  // twice
  s.fails(2, {"mission", "accept", id});
  r = s.fails(2, {"--as", "sue", "mission", "complete", id});
  CHECK(r.err == "crm: error: only the taker (sam) may complete " + id + ", not sue\n");
  r = s.fails(2, {"--as", "sue", "mission", "release", id});
  CHECK(r.err == "crm: error: only the taker (sam) may release " + id + ", not sue\n");
  s.fails(2, {"mission", "complete", id});  // the creator is not the taker
  s.fails(2, {"mission", "release", id});
  r = s.fails(2, {"--as", "sam", "mission", "approve", id});
  CHECK(r.err == "crm: error: only the creator (vera) may approve " + id + ", not sam\n");
  r = s.fails(2, {"--as", "sam", "mission", "reject", id, "--reason", "Meh"});
  CHECK(r.err == "crm: error: only the creator (vera) may reject " + id + ", not sam\n");
  r = s.fails(2, {"--as", "sam", "mission", "cancel", id});
  CHECK(r.err == "crm: error: only the creator (vera) may cancel " + id + ", not sam\n");
  r = s.fails(2, {"mission", "approve", id});  // taken, not completed
  CHECK(r.err == "crm: error: cannot record 'approved' for mission " + id + ": it is taken, not completed\n");
  s.fails(2, {"mission", "reject", id, "--reason", "Not yet"});
  CHECK(str(o.file(id)["status"]) == "taken");

  // Completed: waiting for Vera.
  o.act("sam", "", {"complete", id});
  told.take();
  s.fails(2, {"--as", "sam", "mission", "complete", id});  // twice
  s.fails(2, {"--as", "sam", "mission", "release", id});   // too late to give it back
  s.fails(2, {"--as", "sue", "mission", "accept", id});
  s.fails(2, {"--as", "sam", "mission", "approve", id});  // his own work
  s.fails(2, {"--as", "sue", "mission", "approve", id});
  s.fails(2, {"--as", "sue", "mission", "reject", id, "--reason", "Meh"});
  r = s.fails(2, {"mission", "reject", id});  // a reason is required
  CHECK(r.err.find("--reason") != std::string::npos);
  r = s.fails(2, {"mission", "reject", id, "--reason", ""});
  CHECK(r.err == "crm: error: rejecting a mission needs a reason (--reason TEXT)\n");
  r = s.fails(2, {"mission", "cancel", id, "--reason", "Changed my mind"});
  CHECK(r.err == "crm: error: cannot record 'cancelled' for mission " + id +
                     ": it is completed, not available or taken\n");
  CHECK(str(o.file(id)["status"]) == "completed");

  // Approved: nothing more can happen to it.
  o.act("vera", "", {"approve", id});
  told.take();
  const std::string approved = s.read(mission_path(id));
  s.fails(2, {"mission", "cancel", id});
  s.fails(2, {"mission", "approve", id});
  s.fails(2, {"mission", "reject", id, "--reason", "On second thought"});
  s.fails(2, {"--as", "sam", "mission", "complete", id});
  s.fails(2, {"--as", "sam", "mission", "release", id});
  s.fails(2, {"--as", "sue", "mission", "accept", id});
  CHECK(s.read(mission_path(id)) == approved);

  // An audience of named users: only they may accept, whichever way they are named.
  std::string named = o.create("vera", {"--title", "Review the FAQ", "--reward", "Lunch", "--audience", "sam",
                                        "--audience", "user:ian"});
  CHECK(o.file(named)["audience"].as<V>() == V{"user:sam", "user:ian"});
  CHECK(told.users() == V{"ian", "sam"});
  r = s.fails(2, {"--as", "sue", "mission", "accept", named});
  CHECK(r.err == "crm: error: " + named + " is not open to sue (audience: user:sam, user:ian)\n");
  s.fails(2, {"--as", "mia", "mission", "accept", named});
  o.act("ian", "", {"accept", named});
  CHECK(str(o.file(named)["taker"]) == "ian");

  // None of the refusals told anyone anything; the accepted steps did.
  CHECK(told.users() == V{"vera"});
  CHECK(s.run({"check"}).status == 0);
}

TEST_CASE("sub-missions help open missions and are added by the parent's taker or creator") {
  Office o;
  Sandbox& s = o.s;
  std::string id = o.create("vera", {"--title", k_title, "--reward", k_beach, "--audience", "department:support"});
  auto sub_args = [&](const std::string& parent) {
    return V{"mission", "create", "--title", k_survey, "--reward", k_cake, "--parent", parent};
  };
  auto as = [](const std::string& user, V args) {
    args.insert(args.begin(), {"--as", user});
    return args;
  };

  // Available: its creator may split it up, nobody else.
  Result r = s.fails(2, as("sam", sub_args(id)));
  CHECK(r.err == "crm: error: only the taker or the creator of " + id + " may add sub-missions to it\n");
  std::string by_creator = o.create("vera", {"--title", "Draft the letter", "--reward", "Coffee", "--parent", id});
  CHECK(str(o.file(by_creator)["parent"]) == id);

  // Taken by Sam: he and Vera may, Sue and Ian may not.
  o.act("sam", "", {"accept", id});
  s.fails(2, as("sue", sub_args(id)));
  s.fails(2, as("ian", sub_args(id)));
  std::string by_taker = o.create("sam", {"--title", k_survey, "--reward", k_cake, "--parent", id});
  CHECK(str(o.file(by_taker)["parent"]) == id);
  CHECK(str(o.file(by_taker)["creator"]) == "sam");

  // Sub-missions of sub-missions, by their own taker.
  o.act("ian", "", {"accept", by_taker});
  std::string deeper = o.create("ian", {"--title", "Print the survey", "--reward", "Donuts", "--parent", by_taker});
  CHECK(str(o.file(deeper)["parent"]) == by_taker);
  s.fails(2, as("mia", sub_args(by_taker)));

  // Completed, approved or cancelled: closed to new sub-missions, even for the creator.
  o.act("sam", "", {"complete", id});
  r = s.fails(2, as("sam", sub_args(id)));
  CHECK(r.err == "crm: error: mission " + id + " is completed; sub-missions help with open missions only\n");
  s.fails(2, sub_args(id));
  o.act("vera", "", {"approve", id});
  r = s.fails(2, as("sam", sub_args(id)));
  CHECK(r.err == "crm: error: mission " + id + " is approved; sub-missions help with open missions only\n");
  s.fails(2, sub_args(id));
  o.act("vera", "", {"cancel", by_creator});
  r = s.fails(2, sub_args(by_creator));
  CHECK(r.err == "crm: error: mission " + by_creator + " is cancelled; sub-missions help with open missions only\n");

  // A parent that does not exist.
  s.fails(4, sub_args("M-000000000000"));
}

TEST_CASE("unknown missions, users and departments exit 4, bad mission arguments exit 2") {
  Office o;
  Sandbox& s = o.s;
  std::string id = o.create("vera", {"--title", k_title, "--reward", k_beach});
  for (const V& args : {V{"accept", "M-000000000000"}, V{"release", "M-000000000000"},
                        V{"complete", "M-000000000000"}, V{"approve", "M-000000000000"},
                        V{"reject", "M-000000000000", "--reason", "x"}, V{"cancel", "M-000000000000"},
                        V{"comment", "M-000000000000", "Hello"}, V{"show", "M-000000000000"}}) {
    V all = {"--as", "sam", "mission"};
    all.insert(all.end(), args.begin(), args.end());
    Result r = s.fails(4, all);
    CHECK(r.err == "crm: error: no mission M-000000000000\n");
  }
  Result r = s.fails(4, {"mission", "create", "--title", "T", "--reward", "R", "--audience", "nobody"});
  CHECK(r.err == "crm: error: unknown user 'nobody'\n");
  s.fails(4, {"mission", "create", "--title", "T", "--reward", "R", "--audience", "user:nobody"});
  s.fails(4, {"mission", "create", "--title", "T", "--reward", "R", "--audience", "sam", "--audience", "nobody"});
  r = s.fails(4, {"mission", "create", "--title", "T", "--reward", "R", "--audience", "department:nowhere"});
  CHECK(r.err == "crm: error: unknown department 'nowhere'\n");

  // Missing or empty title or reward, unknown status, clashing scopes.
  s.fails(2, {"mission", "create", "--title", "T"});
  s.fails(2, {"mission", "create", "--reward", "R"});
  r = s.fails(2, {"mission", "create", "--title", "T", "--reward", ""});
  CHECK(r.err == "crm: error: a mission needs a reward (--reward TEXT)\n");
  s.fails(2, {"mission", "create", "--title", "", "--reward", "R"});
  s.fails(2, {"mission", "list", "--status", "done"});
  s.fails(2, {"mission", "list", "--mine", "--all"});
  s.fails(2, {"mission", "list", "--available", "--created"});
  s.fails(2, {"mission"});
  s.fails(2, {"--as", "sam", "mission", "comment", id, ""});
  CHECK(s.files_in("missions") == V{mission_path(id)});
}

TEST_CASE("releasing a mission makes it available again and tells the audience and the creator") {
  Office o;
  Sandbox& s = o.s;
  std::string id = o.create("vera", {"--title", k_title, "--reward", k_beach, "--audience", "department:support"});
  o.act("sam", "2026-11-23T10:00:00Z", {"accept", id});
  NotificationWatch told(s);

  CHECK(o.act("sam", "2026-11-23T11:00:00Z", {"release", id, "--note", "No time this month"}) ==
        id + ": released; now available; notified sue, vera\n");
  const std::string message = id + " is available again (released by sam): " + k_title;
  CHECK(told_as_text(told.take()) == V{"sue mission-released " + id + " sam: " + message,
                                       "vera mission-released " + id + " sam: " + message});
  YAML::Node m = o.file(id);
  CHECK(str(m["status"]) == "available");
  CHECK_FALSE(m["taker"]);
  CHECK(o.history(id) == V{"2026-11-23T09:00:00Z created by vera", "2026-11-23T10:00:00Z accepted by sam; taker: sam",
                           "2026-11-23T11:00:00Z released by sam; note: No time this month"});

  // Sam no longer holds it; it is up for grabs again, Sam included.
  s.fails(2, {"--as", "sam", "mission", "complete", id});
  CHECK(o.list("sam", {"--mine"}).empty());
  CHECK(o.list("sue", {}) == V{id});
  CHECK(o.list("sam", {}) == V{id});
  o.act("sue", "2026-11-23T12:00:00Z", {"accept", id});
  CHECK(str(o.file(id)["taker"]) == "sue");
  CHECK(told.users() == V{"vera"});

  // Released without a note: no note in the history.
  o.act("sue", "2026-11-23T13:00:00Z", {"release", id});
  CHECK(o.history(id).back() == "2026-11-23T13:00:00Z released by sue");
  CHECK(told.users() == V{"sam", "vera"});
  CHECK(s.run({"check"}).status == 0);
}

TEST_CASE("the creator cancels a mission not yet completed, its taker, or else its audience, is told") {
  Office o;
  Sandbox& s = o.s;
  std::string open = o.create("vera", {"--title", "Tidy the wiki", "--reward", "Coffee"});
  std::string taken = o.create("vera", {"--title", k_title, "--reward", k_beach, "--audience", "department:support"});
  o.act("sam", "", {"accept", taken});
  NotificationWatch told(s);

  // Nobody holds the available one: everyone it was offered to hears it is withdrawn.
  CHECK(o.act("vera", "2026-11-23T10:00:00Z", {"cancel", open}) ==
        open + ": cancelled; now cancelled; notified ian, mia, sam, sue\n");
  CHECK(told.users() == V{"ian", "mia", "sam", "sue"});
  CHECK(str(o.file(open)["status"]) == "cancelled");
  CHECK(o.history(open).back() == "2026-11-23T10:00:00Z cancelled by vera");
  s.fails(2, {"--as", "sam", "mission", "accept", open});
  s.fails(2, {"mission", "cancel", open});  // twice
  CHECK(o.list("sam", {}).empty());

  CHECK(o.act("vera", "2026-11-23T11:00:00Z", {"cancel", taken, "--reason", "Budget cut"}) ==
        taken + ": cancelled; now cancelled; notified sam\n");
  CHECK(told_as_text(told.take()) ==
        V{"sam mission-cancelled " + taken + " vera: " + taken + " cancelled by vera: Budget cut"});
  YAML::Node m = o.file(taken);
  CHECK(str(m["status"]) == "cancelled");
  CHECK(str(m["taker"]) == "sam");  // who had it, for the record
  CHECK(o.history(taken).back() == "2026-11-23T11:00:00Z cancelled by vera; reason: Budget cut");
  s.fails(2, {"--as", "sam", "mission", "complete", taken});
  s.fails(2, {"--as", "sam", "mission", "release", taken});
  CHECK(o.list("sam", {"--mine", "--status", "cancelled"}) == V{taken});
  CHECK(s.run({"check"}).status == 0);
}

TEST_CASE("comments tell a mission's creator and taker and show up in mission show") {
  Office o;
  Sandbox& s = o.s;
  std::string id = o.create("vera", {"--title", k_title, "--reward", k_beach, "--audience", "department:support"});
  NotificationWatch told(s);

  // Before anyone takes it, a comment tells the creator only.
  CHECK(o.act("sue", "2026-11-23T10:00:00Z", {"comment", id, "Does this include key accounts?"}) ==
        id + ": commented; now available; notified vera\n");
  CHECK(told_as_text(told.take()) ==
        V{"vera mission-commented " + id + " sue: sue commented on " + id + ": Does this include key accounts?"});
  CHECK(o.act("vera", "2026-11-23T10:30:00Z", {"comment", id, "Yes"}) == id + ": commented; now available\n");
  CHECK(told.take().empty());

  o.act("sam", "2026-11-23T11:00:00Z", {"accept", id});
  told.take();
  // Someone else's comment tells both; the taker's (from stdin) tells the creator; the creator's the taker.
  CHECK(o.act("ian", "2026-11-23T12:00:00Z", {"comment", id, "Marketing can help"}) ==
        id + ": commented; now taken; notified vera, sam\n");
  const std::string ians = "ian commented on " + id + ": Marketing can help";
  CHECK(told_as_text(told.take()) ==
        V{"sam mission-commented " + id + " ian: " + ians, "vera mission-commented " + id + " ian: " + ians});
  CHECK(o.act("sam", "2026-11-23T13:00:00Z", {"comment", id}, "Starting with the top ten clients\n") ==
        id + ": commented; now taken; notified vera\n");
  CHECK(told_as_text(told.take()) == V{"vera mission-commented " + id + " sam: sam commented on " + id +
                                       ": Starting with the top ten clients"});
  CHECK(o.act("vera", "2026-11-23T14:00:00Z", {"comment", id, "-"}, "Great\n") ==
        id + ": commented; now taken; notified sam\n");
  CHECK(told.users() == V{"sam"});

  // Comments do not change the mission's status.
  YAML::Node m = o.file(id);
  CHECK(str(m["status"]) == "taken");
  CHECK(str(m["taker"]) == "sam");
  CHECK(o.history(id) == V{"2026-11-23T09:00:00Z created by vera",
                           "2026-11-23T10:00:00Z commented by sue; note: Does this include key accounts?",
                           "2026-11-23T10:30:00Z commented by vera; note: Yes",
                           "2026-11-23T11:00:00Z accepted by sam; taker: sam",
                           "2026-11-23T12:00:00Z commented by ian; note: Marketing can help",
                           "2026-11-23T13:00:00Z commented by sam; note: Starting with the top ten clients",
                           "2026-11-23T14:00:00Z commented by vera; note: Great"});

  // mission show lists them, oldest first, in the table and in JSON.
  std::string shown = s.ok({"mission", "show", id});
  std::string comments = "Comments\n" + aligned_table({{"WHEN", "BY", "COMMENT"},
                                               {"2026-11-23 10:00", "sue", "Does this include key accounts?"},
                                               {"2026-11-23 10:30", "vera", "Yes"},
                                               {"2026-11-23 12:00", "ian", "Marketing can help"},
                                               {"2026-11-23 13:00", "sam", "Starting with the top ten clients"},
                                               {"2026-11-23 14:00", "vera", "Great"}});
  CHECK(shown.find("\n\n" + comments + "\nHistory\n") != std::string::npos);
  YAML::Node json = parse(s.ok({"mission", "show", id, "--format", "json"}));
  REQUIRE(json["comments"].size() == 5);
  CHECK(keys_of(json["comments"][0]) == V{"at", "by", "note"});
  CHECK(str(json["comments"][0]["at"]) == "2026-11-23T10:00:00Z");
  CHECK(str(json["comments"][2]["by"]) == "ian");
  CHECK(str(json["comments"][4]["note"]) == "Great");

  // Empty comments are refused.
  s.fails(2, {"--as", "sam", "mission", "comment", id});
  CHECK(s.run({"check"}).status == 0);
}

TEST_CASE("mission list: what I could accept by default, --mine, --created, --all and --status, in every format") {
  Office o;
  Sandbox& s = o.s;
  auto create = [&](const std::string& as, const std::string& time, const V& args) {
    return o.create(as, args, time);
  };
  // Created one hour apart, so "newest first" is well defined.
  std::string support = create("vera", "2026-11-23T09:00:00Z",
                               {"--title", k_title, "--reward", k_beach, "--audience", "department:support", "--due",
                                "2026-12-01T17:00:00Z"});
  std::string taken = create("vera", "2026-11-23T10:00:00Z", {"--title", "Answer the backlog", "--reward", "Pizza"});
  std::string for_ian = create("vera", "2026-11-23T11:00:00Z",
                               {"--title", "Design a flyer", "--reward", "Movie tickets", "--audience", "ian", "--due",
                                "2026-11-30T17:00:00Z"});
  std::string by_sam = create("sam", "2026-11-23T12:00:00Z", {"--title", "Fix the coffee machine", "--reward", "Cookies"});
  std::string cancelled = create("vera", "2026-11-23T13:00:00Z", {"--title", "Old idea", "--reward", "Nothing"});
  std::string done = create("vera", "2026-11-23T14:00:00Z", {"--title", "Sort the files", "--reward", "Tea"});
  o.act("sam", "2026-11-23T15:00:00Z", {"accept", taken});
  o.act("vera", "2026-11-23T15:00:00Z", {"cancel", cancelled});
  o.act("sam", "2026-11-23T15:00:00Z", {"accept", done});
  o.act("sam", "2026-11-23T16:00:00Z", {"complete", done});

  // By default (and with --available): available, open to me, not mine; due ones first, soonest first, then newest.
  CHECK(o.list("sam", {}) == V{support});
  CHECK(o.list("sue", {}) == V{support, by_sam});
  CHECK(o.list("ian", {}) == V{for_ian, by_sam});
  CHECK(o.list("ian", {"--available"}) == V{for_ian, by_sam});
  CHECK(o.list("vera", {}) == V{by_sam});
  CHECK(o.list("mia", {}) == V{by_sam});
  CHECK(o.list("ian", {"--status", "taken"}).empty());

  // --mine: what I took; --created: what I posted.
  CHECK(o.list("sam", {"--mine"}) == V{done, taken});
  CHECK(o.list("sam", {"--mine", "--status", "completed"}) == V{done});
  CHECK(o.list("sue", {"--mine"}).empty());
  CHECK(o.list("vera", {"--created"}) == V{for_ian, support, done, cancelled, taken});
  CHECK(o.list("vera", {"--created", "--status", "available", "--status", "cancelled"}) ==
        V{for_ian, support, cancelled});
  CHECK(o.list("sam", {"--created"}) == V{by_sam});

  // --all: every mission, whoever asks.
  CHECK(o.list("mia", {"--all"}) == V{for_ian, support, done, cancelled, by_sam, taken});
  CHECK(o.list("mia", {"--all", "--status", "taken", "--status", "completed"}) == V{done, taken});
  CHECK(o.list("mia", {"--all", "--status", "approved"}).empty());

  // The table.
  Result r = s.run({"--as", "sue", "mission", "list"});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out == aligned_table({{"ID", "STATUS", "DUE", "CREATOR", "TAKER", "REWARD", "TITLE"},
                        {support, "available", "2026-12-01 17:00", "vera", "", k_beach, k_title},
                        {by_sam, "available", "", "sam", "", "Cookies", "Fix the coffee machine"}}));
  r = s.run({"--as", "sam", "mission", "ls", "--mine"});
  CHECK(r.out == aligned_table({{"ID", "STATUS", "DUE", "CREATOR", "TAKER", "REWARD", "TITLE"},
                        {done, "completed", "", "vera", "sam", "Tea", "Sort the files"},
                        {taken, "taken", "", "vera", "sam", "Pizza", "Answer the backlog"}}));

  // JSON: every field, null when unset.
  YAML::Node rows = parse(s.ok({"--as", "sue", "mission", "list", "--format", "json"}));
  REQUIRE(rows.size() == 2);
  CHECK(keys_of(rows[0]) ==
        V{"id", "title", "reward", "creator", "audience", "due", "parent", "taker", "status", "created", "updated"});
  CHECK(str(rows[0]["id"]) == support);
  CHECK(str(rows[0]["title"]) == k_title);
  CHECK(str(rows[0]["reward"]) == k_beach);
  CHECK(str(rows[0]["creator"]) == "vera");
  CHECK(rows[0]["audience"].as<V>() == V{"department:support"});
  CHECK(str(rows[0]["due"]) == "2026-12-01T17:00:00Z");
  CHECK(rows[0]["parent"].IsNull());
  CHECK(rows[0]["taker"].IsNull());
  CHECK(str(rows[0]["status"]) == "available");
  CHECK(str(rows[0]["created"]) == "2026-11-23T09:00:00Z");
  CHECK(str(rows[0]["updated"]) == "2026-11-23T09:00:00Z");
  CHECK(rows[1]["audience"].as<V>() == V{"everyone"});
  CHECK(rows[1]["due"].IsNull());
  YAML::Node mine = parse(s.ok({"--as", "sam", "mission", "list", "--mine", "--format", "json"}));
  REQUIRE(mine.size() == 2);
  CHECK(str(mine[0]["taker"]) == "sam");
  CHECK(str(mine[0]["updated"]) == "2026-11-23T16:00:00Z");

  // CSV: a header, then one line per mission.
  r = s.run({"--as", "sam", "mission", "list", "--mine", "--format", "csv"});
  CHECK(r.status == 0);
  CHECK(r.out == "id,title,reward,creator,audience,due,parent,taker,status,created,updated\r\n" + done +
                     ",Sort the files,Tea,vera,everyone,,,sam,completed,2026-11-23T14:00:00Z,2026-11-23T16:00:00Z\r\n" +
                     taken +
                     ",Answer the backlog,Pizza,vera,everyone,,,sam,taken,2026-11-23T10:00:00Z,2026-11-23T15:00:00Z\r\n");

  // Nothing to list.
  CHECK(s.ok({"--as", "sue", "mission", "list", "--mine", "--format", "json"}) == "[]");
  CHECK(s.run({"--as", "sue", "mission", "list", "--mine", "--format", "csv"}).out ==
        "id,title,reward,creator,audience,due,parent,taker,status,created,updated\r\n");
}

TEST_CASE("mission show: the fields, the sub-mission tree two levels deep, comments and history, JSON shape") {
  Office o;
  Sandbox& s = o.s;
  std::string id = o.create("vera", {"--title", k_title, "--reward", k_beach, "--audience", "department:support",
                                     "--due", "2026-12-18T17:00:00Z", "--description", "Before renewals"});
  o.act("sam", "2026-11-23T10:00:00Z", {"accept", id});
  std::string survey = o.create(
      "sam", {"--title", k_survey, "--reward", k_cake, "--audience", "department:marketing", "--parent", id},
      "2026-11-23T11:00:00Z");
  std::string slides =
      o.create("sam", {"--title", "Make slides", "--reward", "Cookies", "--parent", id}, "2026-11-23T12:00:00Z");
  o.act("ian", "2026-11-23T13:00:00Z", {"accept", survey});
  std::string print = o.create("ian", {"--title", "Print the survey", "--reward", "Donuts", "--parent", survey},
                               "2026-11-23T14:00:00Z");
  o.act("vera", "2026-11-23T15:00:00Z", {"comment", id, "Looking forward to it"});

  Result r = s.run({"mission", "show", id});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out == "id:          " + id +
                     "\n"
                     "title:       Keep clients happy before contracts renew\n"
                     "description: Before renewals\n"
                     "reward:      My beach house over Labor Day\n"
                     "creator:     vera\n"
                     "audience:    department:support\n"
                     "due:         2026-12-18 17:00\n"
                     "taker:       sam\n"
                     "status:      taken\n"
                     "created:     2026-11-23 09:00\n"
                     "updated:     2026-11-23 15:00\n"
                     "\n"
                     "Sub-missions\n" +
                     aligned_table({{"ID", "STATUS", "TAKER", "REWARD", "TITLE"},
                            {survey, "taken", "ian", k_cake, k_survey},
                            {"  " + print, "available", "", "Donuts", "Print the survey"},
                            {slides, "available", "", "Cookies", "Make slides"}}) +
                     "\n"
                     "Comments\n" +
                     aligned_table({{"WHEN", "BY", "COMMENT"}, {"2026-11-23 15:00", "vera", "Looking forward to it"}}) +
                     "\n"
                     "History\n" +
                     aligned_table({{"WHEN", "EVENT", "BY", "DETAIL"},
                            {"2026-11-23 09:00", "created", "vera", ""},
                            {"2026-11-23 10:00", "accepted", "sam", "taker: sam"},
                            {"2026-11-23 15:00", "commented", "vera", "note: Looking forward to it"}}));

  // A sub-mission shows its parent and its own subtree; a leaf shows no sub-missions.
  std::string shown = s.ok({"mission", "show", survey.substr(0, 8)});
  CHECK(shown.find("\nparent:   " + id + "\n") != std::string::npos);
  CHECK(shown.find("Sub-missions\n" + aligned_table({{"ID", "STATUS", "TAKER", "REWARD", "TITLE"},
                                            {print, "available", "", "Donuts", "Print the survey"}})) !=
        std::string::npos);
  shown = s.ok({"mission", "show", slides});
  CHECK(shown.find("Sub-missions\n  (none)\n\nComments\n  (none)\n") != std::string::npos);

  // JSON: the mission's fields, then sub_missions (depth first, each with its parent) and comments, then history.
  YAML::Node json = parse(s.ok({"mission", "show", id, "--format", "json"}));
  CHECK(keys_of(json) == V{"id", "title", "description", "reward", "creator", "audience", "due", "taker", "status",
                           "created", "updated", "sub_missions", "comments", "history"});
  CHECK(str(json["id"]) == id);
  CHECK(json["audience"].as<V>() == V{"department:support"});
  CHECK(str(json["due"]) == "2026-12-18T17:00:00Z");
  CHECK(str(json["updated"]) == "2026-11-23T15:00:00Z");
  const YAML::Node& subs = json["sub_missions"];
  REQUIRE(subs.size() == 3);
  const V ids = {survey, print, slides};
  const V parents = {id, survey, id};
  const V takers = {"ian", "", ""};
  const V titles = {k_survey, "Print the survey", "Make slides"};
  for (std::size_t i = 0; i < 3; ++i) {
    CAPTURE(i);
    CHECK(keys_of(subs[i]) == V{"id", "status", "taker", "reward", "title", "parent"});
    CHECK(str(subs[i]["id"]) == ids[i]);
    CHECK(str(subs[i]["parent"]) == parents[i]);
    CHECK(str(subs[i]["taker"]) == takers[i]);
    CHECK(str(subs[i]["title"]) == titles[i]);
  }
  CHECK(subs[1]["taker"].IsNull());  // null when nobody took it, as in `mission list`
  CHECK(str(subs[0]["status"]) == "taken");
  CHECK(str(subs[0]["reward"]) == k_cake);
  REQUIRE(json["comments"].size() == 1);
  CHECK(str(json["comments"][0]["by"]) == "vera");
  CHECK(str(json["comments"][0]["note"]) == "Looking forward to it");
  REQUIRE(json["history"].size() == 3);
  CHECK(str(json["history"][1]["taker"]) == "sam");

  YAML::Node leaf = parse(s.ok({"mission", "show", slides, "--format", "json"}));
  CHECK(leaf["sub_missions"].IsSequence());
  CHECK(leaf["sub_missions"].size() == 0);
  CHECK(leaf["comments"].size() == 0);
  CHECK(str(leaf["parent"]) == id);
  CHECK_FALSE(leaf["taker"]);
  // YAML says the same.
  YAML::Node yaml = parse(s.ok({"mission", "show", id, "--format", "yaml"}));
  CHECK(yaml["sub_missions"].size() == 3);
  CHECK(str(yaml["sub_missions"][1]["parent"]) == survey);
}

TEST_CASE("crm escalate reminds creator and taker once of a mission past its due date") {
  Office o;
  Sandbox& s = o.s;
  auto due = [](const std::string& time) { return V{"--due", time}; };
  auto create = [&](const std::string& title, V extra) {
    V args = {"--title", title, "--reward", "Cake"};
    args.insert(args.end(), extra.begin(), extra.end());
    return o.create("vera", args);
  };
  std::string available = create("Open one", due("2026-11-24T12:00:00Z"));
  std::string taken = create("Taken one", due("2026-11-25T12:00:00Z"));
  std::string undated = create("No due date", {});
  std::string approved = create("Approved one", due("2026-11-24T12:00:00Z"));
  std::string cancelled = create("Cancelled one", due("2026-11-24T12:00:00Z"));
  std::string completed = create("Completed one", due("2026-11-24T12:00:00Z"));
  std::string later = create("Later one", due("2026-12-31T12:00:00Z"));
  std::string later_taken = create("Later taken one", due("2026-12-31T12:00:00Z"));
  o.act("sam", "", {"accept", taken});
  o.act("sam", "", {"accept", approved});
  o.act("sam", "", {"complete", approved});
  o.act("vera", "", {"approve", approved});
  o.act("sue", "", {"accept", cancelled});
  o.act("vera", "", {"cancel", cancelled});
  o.act("sue", "", {"accept", completed});
  o.act("sue", "", {"complete", completed});
  o.act("sue", "", {"accept", later_taken});
  NotificationWatch told(s);
  // cron has no user.
  auto escalate = [&](const std::string& now) { return s.run_env({"CRM_USER"}, {"--now", now, "escalate"}); };

  // At the due time itself, nothing is late yet.
  auto before = s.snapshot();
  Result r = escalate("2026-11-24T12:00:00Z");
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(s.snapshot() == before);

  // An hour later the available one is overdue: its creator hears (nobody has taken it).
  r = escalate("2026-11-24T13:00:00Z");
  CHECK(r.status == 0);
  CHECK(r.out == available + " overdue -> vera: Open one\n");
  auto notes = told.take();
  REQUIRE(notes.size() == 1);
  CHECK(told_as_text(notes) == V{"vera mission-overdue " + available + " : mission " + available +
                                 " was due 2026-11-24 12:00 and is still available: Open one"});
  CHECK_FALSE(notes[0]["by"]);
  CHECK(str(notes[0]["at"]) == "2026-11-24T13:00:00Z");
  YAML::Node m = o.file(available);
  CHECK(str(m["status"]) == "available");  // a reminder, not a step
  REQUIRE(m["history"].size() == 2);
  CHECK(keys_of(m["history"][1]) == V{"at", "event"});
  CHECK(str(m["history"][1]["at"]) == "2026-11-24T13:00:00Z");
  CHECK(str(m["history"][1]["event"]) == "overdue");

  // Again at the same time, or later: nothing printed, nothing changed.
  before = s.snapshot();
  r = escalate("2026-11-24T13:00:00Z");
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err.empty());
  r = escalate("2026-11-25T08:00:00Z");
  CHECK(r.out.empty());
  CHECK(s.snapshot() == before);
  CHECK(told.take().empty());

  // The taken one, a day later: creator and taker, once each.
  r = escalate("2026-11-26T08:00:00Z");
  CHECK(r.status == 0);
  CHECK(r.out == taken + " overdue -> vera, sam: Taken one\n");
  const std::string message = "mission " + taken + " was due 2026-11-25 12:00 and is still taken: Taken one";
  CHECK(told_as_text(told.take()) ==
        V{"sam mission-overdue " + taken + " : " + message, "vera mission-overdue " + taken + " : " + message});
  m = o.file(taken);
  CHECK(str(m["status"]) == "taken");
  CHECK(str(m["taker"]) == "sam");
  CHECK(str(m["history"][2]["event"]) == "overdue");
  CHECK(o.inbox("sam").front() == "mission-overdue " + taken);

  // With an acting user it is the same: nothing more to say.
  before = s.snapshot();
  r = s.run({"--now", "2026-11-27T08:00:00Z", "escalate"});
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(s.snapshot() == before);

  // The last two fall due at the end of the year, together: one line and the right message each.
  r = escalate("2027-01-01T00:00:00Z");
  V printed = lines(r.out);
  std::sort(printed.begin(), printed.end());
  V expected = {later + " overdue -> vera: Later one", later_taken + " overdue -> vera, sue: Later taken one"};
  std::sort(expected.begin(), expected.end());
  CHECK(printed == expected);
  const std::string due_then = " was due 2026-12-31 12:00 and is still ";
  V reminders = told_as_text(told.take());
  std::sort(reminders.begin(), reminders.end());
  expected = {"sue mission-overdue " + later_taken + " : mission " + later_taken + due_then + "taken: Later taken one",
              "vera mission-overdue " + later + " : mission " + later + due_then + "available: Later one",
              "vera mission-overdue " + later_taken + " : mission " + later_taken + due_then + "taken: Later taken one"};
  std::sort(expected.begin(), expected.end());
  CHECK(reminders == expected);
  // Then every open mission has been reminded.
  before = s.snapshot();
  CHECK(escalate("2027-06-01T00:00:00Z").out.empty());
  CHECK(s.snapshot() == before);

  // Approved, cancelled, completed and undated missions were never reminded.
  for (const auto& id : {undated, approved, cancelled, completed}) {
    CAPTURE(id);
    for (const auto& entry : o.file(id)["history"]) {
      CHECK(str(entry["event"]) != "overdue");
    }
  }
  // A reminded mission goes on as before.
  o.act("sam", "2027-06-01T00:00:00Z", {"complete", taken});
  CHECK(str(o.file(taken)["status"]) == "completed");
  CHECK(s.run({"check"}).status == 0);
}

TEST_CASE("crm check reports a hand-edited mission whose status or taker disagrees with its history") {
  Office o;
  Sandbox& s = o.s;
  std::string id = o.create("vera", {"--title", k_title, "--reward", k_beach});
  o.act("sam", "", {"accept", id});
  CHECK(s.run({"check"}).status == 0);
  const std::string path = mission_path(id);
  const std::string good = s.read(path);
  auto line_of = [&](const std::string& text, const std::string& what) {
    auto pos = text.find(what);
    REQUIRE(pos != std::string::npos);
    return std::to_string(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(pos), '\n') + 1);
  };

  // Someone "approves" it by editing the file.
  std::string text = good;
  text.replace(text.find("status: taken"), 13, "status: approved");
  s.write(path, text);
  Result r = s.run({"check"});
  CHECK(r.status == 1);
  CHECK(r.out == path + ":" + line_of(text, "status:") + ": 'status' is 'approved' but the history says 'taken'\n");
  CHECK(r.err.find(", 1 problem\n") != std::string::npos);

  // Or hands it to someone else.
  text = good;
  text.replace(text.find("taker: sam"), 10, "taker: sue");
  s.write(path, text);
  r = s.run({"check"});
  CHECK(r.status == 1);
  CHECK(r.out == path + ":" + line_of(text, "taker:") + ": 'taker' is 'sue' but the history says 'sam'\n");

  // Or writes a history step that could not have happened.
  text = good + "  - at: 2026-11-23T10:00:00Z\n    by: vera\n    event: approved\n";
  text.replace(text.find("status: taken"), 13, "status: approved");
  s.write(path, text);
  r = s.run({"check"});
  CHECK(r.status == 1);
  CHECK(r.out == path + ":" + line_of(text, "  - at: 2026-11-23T10:00:00Z") +
                     ": history: 'approved' is not allowed when the mission is taken: it is taken, not completed\n");

  s.write(path, good);
  CHECK(s.run({"check"}).status == 0);
}

TEST_CASE("hooks/on-mission-accepted reads the mission event as JSON") {
  Office o;
  Sandbox& s = o.s;
  std::string id = o.create("vera", {"--title", k_title, "--reward", k_beach, "--audience", "department:support"});
  s.write("hooks/on-mission-accepted", "#!/bin/sh\ncat > hook-stdin.json\n");
  fs::permissions(s.crm_dir() / "hooks" / "on-mission-accepted", fs::perms::owner_all);
  NotificationWatch told(s);

  // A refused accept runs no hook (fails() would see hook-stdin.json appear).
  s.fails(2, {"--as", "ian", "mission", "accept", id});

  o.act("sam", "2026-11-23T10:00:00Z", {"accept", id});
  std::string input = s.read("hook-stdin.json");
  CHECK(std::count(input.begin(), input.end(), '\n') == 1);
  YAML::Node event = parse(input);
  CHECK(keys_of(event) == V{"event", "kind", "id", "at", "by", "entry", "record", "notified", "crm_dir"});
  CHECK(str(event["event"]) == "mission-accepted");
  CHECK(str(event["kind"]) == "mission");
  CHECK(str(event["id"]) == id);
  CHECK(str(event["at"]) == "2026-11-23T10:00:00Z");
  CHECK(str(event["by"]) == "sam");
  CHECK(keys_of(event["entry"]) == V{"at", "by", "event", "taker"});
  CHECK(str(event["entry"]["event"]) == "accepted");
  CHECK(str(event["entry"]["taker"]) == "sam");
  CHECK(str(event["record"]["status"]) == "taken");
  CHECK(str(event["record"]["taker"]) == "sam");
  CHECK(str(event["record"]["reward"]) == k_beach);
  CHECK(event["record"]["history"].size() == 2);
  auto notes = told.take();
  REQUIRE(notes.size() == 1);
  REQUIRE(event["notified"].size() == 1);
  CHECK(str(event["notified"][0]["id"]) == str(notes[0]["id"]));
  CHECK(str(event["notified"][0]["user"]) == "vera");
  CHECK(str(event["notified"][0]["message"]) == id + " accepted by sam: " + k_title);
  CHECK(str(event["crm_dir"]) == fs::canonical(s.crm_dir()).string());

  // Other mission events do not run it.
  s.write("hook-stdin.json", "");
  o.act("sam", "2026-11-23T11:00:00Z", {"complete", id});
  CHECK(s.read("hook-stdin.json").empty());
}
