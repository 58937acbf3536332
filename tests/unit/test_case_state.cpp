#include "case_state.hpp"
#include "error.hpp"
#include "yaml_io.hpp"

#include <doctest/doctest.h>

#include <map>
#include <set>

using namespace crm;

namespace {

const std::vector<CaseStatus> k_statuses = {CaseStatus::New, CaseStatus::Acknowledged, CaseStatus::Waiting,
                                            CaseStatus::Closed};
const std::vector<std::string> k_events = {"opened",  "routed", "acknowledged", "forwarded",  "updated",   "waiting",
                                           "resumed", "closed", "reopened",     "call-added", "escalated", "edited"};

// One history entry, as a case file holds it.
Value entry(const std::string& event, const std::string& at, const std::map<std::string, std::string>& fields = {}) {
  Value e = Value::map();
  e.set("at", at);
  e.set("by", "olivia");
  e.set("event", event);
  for (const auto& [key, value] : fields) {
    e.set(key, value);
  }
  return e;
}

CaseState in_status(CaseStatus status) {
  CaseState s;
  s.status = status;
  s.opened = "2026-11-23T09:00:00Z";
  s.department = "water";
  s.handler = "ben";
  if (status != CaseStatus::New) {
    s.acknowledged = "2026-11-23T09:30:00Z";
  }
  if (status == CaseStatus::Closed) {
    s.closed = "2026-11-23T10:00:00Z";
  }
  return s;
}

std::string usage_error_of(CaseStatus status, const std::string& event) {
  try {
    require_allowed(status, event, "C-0000000000AA");
  } catch (const Error& e) {
    CHECK(e.status() == k_exit_usage);
    return e.what();
  }
  FAIL("expected an error");
  return "";
}

std::vector<std::string> consistency(const std::string& yaml) {
  std::vector<std::string> out;
  for (const auto& p : case_consistency_problems(parse_yaml(yaml, "f"), "f.yaml")) {
    out.push_back(p.text());
  }
  return out;
}

// A consistent case file: opened, routed, acknowledged by ben, closed.
// The cached fields are on lines 3-8; the history entries start on lines 10, 13, 17, 21.
const std::string k_closed_case =
    "id: C-0000000000AA\n"                  // 1
    "title: Leak in Main Street\n"          // 2
    "status: closed\n"                      // 3
    "department: water\n"                   // 4
    "handler: ben\n"                        // 5
    "opened: 2026-11-23T09:00:00Z\n"        // 6
    "acknowledged: 2026-11-23T09:30:00Z\n"  // 7
    "closed: 2026-11-23T10:00:00Z\n"        // 8
    "history:\n"                            // 9
    "  - at: 2026-11-23T09:00:00Z\n"        // 10
    "    by: olivia\n"                      // 11
    "    event: opened\n"                   // 12
    "  - at: 2026-11-23T09:00:00Z\n"        // 13
    "    by: olivia\n"                      // 14
    "    event: routed\n"                   // 15
    "    department: water\n"               // 16
    "  - at: 2026-11-23T09:30:00Z\n"        // 17
    "    by: ben\n"                         // 18
    "    event: acknowledged\n"             // 19
    "    handler: ben\n"                    // 20
    "  - at: 2026-11-23T10:00:00Z\n"        // 21
    "    by: ben\n"                         // 22
    "    event: closed\n"                   // 23
    "    resolution: Pipe fixed\n";         // 24

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  auto pos = text.find(from);
  REQUIRE(pos != std::string::npos);
  return text.replace(pos, from.size(), to);
}

}  // namespace

TEST_CASE("status names") {
  for (CaseStatus s : k_statuses) {
    CHECK(parse_status(status_name(s)) == s);
  }
  CHECK(status_name(CaseStatus::New) == "new");
  CHECK(status_name(CaseStatus::Acknowledged) == "acknowledged");
  CHECK(status_name(CaseStatus::Waiting) == "waiting");
  CHECK(status_name(CaseStatus::Closed) == "closed");
  CHECK_FALSE(parse_status("open").has_value());
  CHECK_FALSE(parse_status("Closed").has_value());
  CHECK_FALSE(parse_status("").has_value());
}

TEST_CASE("why_not_allowed: every status and event") {
  // The events each status allows; everything else is refused.
  const std::map<CaseStatus, std::set<std::string>> allowed = {
      {CaseStatus::New,
       {"routed", "acknowledged", "forwarded", "updated", "closed", "call-added", "escalated", "edited"}},
      {CaseStatus::Acknowledged,
       {"routed", "forwarded", "updated", "waiting", "closed", "call-added", "escalated", "edited"}},
      {CaseStatus::Waiting,
       {"routed", "forwarded", "updated", "resumed", "closed", "call-added", "escalated", "edited"}},
      {CaseStatus::Closed, {"reopened", "call-added", "edited"}},
  };
  for (CaseStatus status : k_statuses) {
    for (const auto& event : k_events) {
      CAPTURE(status_name(status));
      CAPTURE(event);
      bool ok = allowed.at(status).count(event) > 0;
      std::string why = why_not_allowed(status, event);
      CHECK(why.empty() == ok);
      if (ok) {
        CHECK_NOTHROW(require_allowed(status, event, "C-0000000000AA"));
      } else {
        CHECK(usage_error_of(status, event) == "cannot record '" + event + "' for case C-0000000000AA: " + why);
      }
    }
  }
}

TEST_CASE("why_not_allowed: the reasons say what to do") {
  const std::string closed = "it is closed (reopen it first with 'crm case reopen')";
  SUBCASE("opened happens only once") {
    for (CaseStatus s : k_statuses) {
      CHECK(why_not_allowed(s, "opened") == "a case is opened only once");
    }
  }
  SUBCASE("a closed case must be reopened first") {
    for (const char* event : {"routed", "acknowledged", "forwarded", "updated", "waiting", "resumed", "escalated"}) {
      CAPTURE(event);
      CHECK(why_not_allowed(CaseStatus::Closed, event) == closed);
    }
    CHECK(why_not_allowed(CaseStatus::Closed, "closed") == "it is already closed");
  }
  SUBCASE("acknowledging") {
    CHECK(why_not_allowed(CaseStatus::Acknowledged, "acknowledged") == "it is already acknowledged");
    CHECK(why_not_allowed(CaseStatus::Waiting, "acknowledged").find("crm case resume") != std::string::npos);
  }
  SUBCASE("waiting and resuming") {
    CHECK(why_not_allowed(CaseStatus::New, "waiting").find("crm case ack") != std::string::npos);
    CHECK(why_not_allowed(CaseStatus::Waiting, "waiting") == "it is already waiting on the customer");
    CHECK(why_not_allowed(CaseStatus::New, "resumed") == "it is not waiting on the customer");
    CHECK(why_not_allowed(CaseStatus::Acknowledged, "resumed") == "it is not waiting on the customer");
  }
  SUBCASE("only a closed case reopens") {
    for (CaseStatus s : {CaseStatus::New, CaseStatus::Acknowledged, CaseStatus::Waiting}) {
      CHECK(why_not_allowed(s, "reopened") == "it is not closed");
    }
  }
  SUBCASE("the usage error names the case and the event") {
    CHECK(usage_error_of(CaseStatus::Closed, "acknowledged") ==
          "cannot record 'acknowledged' for case C-0000000000AA: " + closed);
    CHECK(usage_error_of(CaseStatus::Closed, "closed") ==
          "cannot record 'closed' for case C-0000000000AA: it is already closed");
  }
}

TEST_CASE("apply_entry: the allowed transitions") {
  const std::string at = "2026-11-24T08:00:00Z";
  SUBCASE("opened starts afresh at its time") {
    CaseState s = in_status(CaseStatus::Closed);
    s.reopenings = 3;
    CHECK(apply_entry(s, entry("opened", at), true) == "");
    CHECK(s.status == CaseStatus::New);
    CHECK(s.opened == at);
    CHECK(s.department.empty());
    CHECK(s.handler.empty());
    CHECK(s.acknowledged.empty());
    CHECK(s.closed.empty());
    CHECK(s.reopenings == 0);
  }
  SUBCASE("routed sets department and handler, keeps the status") {
    for (CaseStatus status : {CaseStatus::New, CaseStatus::Acknowledged, CaseStatus::Waiting}) {
      CAPTURE(status_name(status));
      CaseState s = in_status(status);
      CHECK(apply_entry(s, entry("routed", at, {{"department", "roads"}, {"handler", "dora"}}), false) == "");
      CHECK(s.status == status);
      CHECK(s.department == "roads");
      CHECK(s.handler == "dora");
    }
    CaseState s = in_status(CaseStatus::New);
    CHECK(apply_entry(s, entry("routed", at, {{"department", "roads"}}), false) == "");
    CHECK(s.department == "roads");
    CHECK(s.handler.empty());  // into the department queue
  }
  SUBCASE("acknowledged: new -> acknowledged at its time") {
    CaseState s = in_status(CaseStatus::New);
    CHECK(apply_entry(s, entry("acknowledged", at), false) == "");
    CHECK(s.status == CaseStatus::Acknowledged);
    CHECK(s.acknowledged == at);
    CHECK(s.handler == "ben");  // no handler given: kept
    s = in_status(CaseStatus::New);
    s.handler.clear();
    CHECK(apply_entry(s, entry("acknowledged", at, {{"handler", "carl"}}), false) == "");
    CHECK(s.handler == "carl");  // acknowledging a queued case takes it
  }
  SUBCASE("forwarded to a user keeps the status") {
    for (CaseStatus status : {CaseStatus::New, CaseStatus::Acknowledged, CaseStatus::Waiting}) {
      CAPTURE(status_name(status));
      CaseState s = in_status(status);
      std::string acknowledged = s.acknowledged;
      CHECK(apply_entry(s, entry("forwarded", at, {{"department", "sewer"}, {"handler", "carl"}, {"to", "carl"}}),
                        false) == "");
      CHECK(s.status == status);
      CHECK(s.handler == "carl");
      CHECK(s.department == "sewer");
      CHECK(s.acknowledged == acknowledged);
    }
  }
  SUBCASE("an empty department or handler is no value: the store drops it when it writes the entry") {
    CaseState s = in_status(CaseStatus::Acknowledged);
    CHECK(apply_entry(s, entry("forwarded", at, {{"department", ""}, {"handler", "carl"}}), false) == "");
    CHECK(s.department == "water");
    CHECK(s.handler == "carl");
    s = in_status(CaseStatus::New);
    CHECK(apply_entry(s, entry("acknowledged", at, {{"handler", ""}}), false) == "");
    CHECK(s.handler == "ben");
  }
  SUBCASE("forwarded without a handler returns an open case to new and clears acknowledged") {
    for (CaseStatus status : {CaseStatus::New, CaseStatus::Acknowledged, CaseStatus::Waiting}) {
      CAPTURE(status_name(status));
      CaseState s = in_status(status);
      CHECK(apply_entry(s, entry("forwarded", at, {{"department", "sewer"}, {"to", "sewer"}}), false) == "");
      CHECK(s.status == CaseStatus::New);
      CHECK(s.handler.empty());
      CHECK(s.department == "sewer");
      CHECK(s.acknowledged.empty());
      CHECK(s.opened == "2026-11-23T09:00:00Z");
    }
  }
  SUBCASE("forwarded without a department keeps the department") {
    CaseState s = in_status(CaseStatus::Acknowledged);
    CHECK(apply_entry(s, entry("forwarded", at, {{"handler", "carl"}}), false) == "");
    CHECK(s.department == "water");
    CHECK(s.handler == "carl");
  }
  SUBCASE("waiting and resumed") {
    CaseState s = in_status(CaseStatus::Acknowledged);
    CHECK(apply_entry(s, entry("waiting", at), false) == "");
    CHECK(s.status == CaseStatus::Waiting);
    CHECK(s.acknowledged == "2026-11-23T09:30:00Z");
    CHECK(apply_entry(s, entry("resumed", at), false) == "");
    CHECK(s.status == CaseStatus::Acknowledged);
    CHECK(s.acknowledged == "2026-11-23T09:30:00Z");
  }
  SUBCASE("closed from every open status") {
    for (CaseStatus status : {CaseStatus::New, CaseStatus::Acknowledged, CaseStatus::Waiting}) {
      CAPTURE(status_name(status));
      CaseState s = in_status(status);
      CHECK(apply_entry(s, entry("closed", at, {{"resolution", "Fixed"}}), false) == "");
      CHECK(s.status == CaseStatus::Closed);
      CHECK(s.closed == at);
      CHECK(s.handler == "ben");
      CHECK(s.department == "water");
    }
  }
  SUBCASE("reopened to acknowledged") {
    CaseState s = in_status(CaseStatus::Closed);
    CHECK(apply_entry(s, entry("reopened", at, {{"to", "acknowledged"}, {"reason", "Called again"}}), false) == "");
    CHECK(s.status == CaseStatus::Acknowledged);
    CHECK(s.closed.empty());
    CHECK(s.acknowledged == "2026-11-23T09:30:00Z");
    CHECK(s.handler == "ben");
    CHECK(s.reopenings == 1);
  }
  SUBCASE("reopened to new") {
    CaseState s = in_status(CaseStatus::Closed);
    CHECK(apply_entry(s, entry("reopened", at, {{"to", "new"}}), false) == "");
    CHECK(s.status == CaseStatus::New);
    CHECK(s.closed.empty());
    CHECK(s.acknowledged.empty());
    CHECK(s.handler == "ben");
    CHECK(s.reopenings == 1);
  }
  SUBCASE("updated, escalated, call-added and edited change nothing") {
    for (CaseStatus status : k_statuses) {
      for (const char* event : {"updated", "escalated", "call-added", "edited"}) {
        if (status == CaseStatus::Closed && (std::string(event) == "updated" || std::string(event) == "escalated")) {
          continue;
        }
        CAPTURE(status_name(status));
        CAPTURE(event);
        CaseState s = in_status(status);
        CHECK(apply_entry(s, entry(event, at, {{"note", "x"}, {"call", "K-0000000000AA"}}), false) == "");
        CHECK(s.status == status);
        CHECK(s.handler == "ben");
        CHECK(s.department == "water");
        CHECK(s.acknowledged == in_status(status).acknowledged);
        CHECK(s.closed == in_status(status).closed);
      }
    }
  }
}

TEST_CASE("apply_entry: refused steps say why and are applied anyway") {
  const std::string at = "2026-11-24T08:00:00Z";
  SUBCASE("every refused status/event pair returns why_not_allowed's reason") {
    for (CaseStatus status : k_statuses) {
      for (const auto& event : k_events) {
        std::string why = why_not_allowed(status, event);
        if (why.empty()) {
          continue;
        }
        CAPTURE(status_name(status));
        CAPTURE(event);
        CaseState s = in_status(status);
        CHECK(apply_entry(s, entry(event, at), false) == why);
      }
    }
  }
  SUBCASE("acknowledging a closed case") {
    CaseState s = in_status(CaseStatus::Closed);
    CHECK(apply_entry(s, entry("acknowledged", at), false) == "it is closed (reopen it first with 'crm case reopen')");
    CHECK(s.status == CaseStatus::Acknowledged);
    CHECK(s.acknowledged == at);
  }
  SUBCASE("a second opened does not restart the case") {
    CaseState s = in_status(CaseStatus::Acknowledged);
    CHECK(apply_entry(s, entry("opened", at), false) == "a case is opened only once");
    CHECK(s.opened == "2026-11-23T09:00:00Z");
    CHECK(s.status == CaseStatus::Acknowledged);
  }
  SUBCASE("a first entry that is not opened") {
    CaseState s;
    CHECK(apply_entry(s, entry("routed", at, {{"department", "water"}}), true) ==
          "a case's history must start with 'opened'");
  }
}

TEST_CASE("replay_case") {
  SUBCASE("the water-department story") {
    Value history = parse_yaml(
        "- {at: 2026-11-23T09:00:00Z, by: olivia, event: opened, call: K-0000000000AA}\n"
        "- {at: 2026-11-23T09:00:00Z, by: olivia, event: routed, department: water, reason: routing default}\n"
        "- {at: 2026-11-23T09:30:00Z, by: ben, event: acknowledged, handler: ben}\n"
        "- {at: 2026-11-23T09:40:00Z, by: ben, event: forwarded, from: ben, to: carl, department: water, "
        "handler: carl}\n"
        "- {at: 2026-11-23T09:50:00Z, by: carl, event: updated, note: Crew on the way}\n"
        "- {at: 2026-11-23T10:00:00Z, by: carl, event: waiting, note: Asked for the meter number}\n"
        "- {at: 2026-11-23T10:10:00Z, by: olivia, event: call-added, call: K-0000000000BB}\n"
        "- {at: 2026-11-23T10:10:00Z, by: olivia, event: resumed}\n"
        "- {at: 2026-11-23T11:00:00Z, by: carl, event: closed, resolution: Pipe replaced}\n",
        "f");
    std::vector<Problem> problems;
    CaseState s = replay_case(history, "f.yaml", &problems);
    CHECK(problems.empty());
    CHECK(s.status == CaseStatus::Closed);
    CHECK(s.department == "water");
    CHECK(s.handler == "carl");
    CHECK(s.opened == "2026-11-23T09:00:00Z");
    CHECK(s.acknowledged == "2026-11-23T09:30:00Z");
    CHECK(s.closed == "2026-11-23T11:00:00Z");
    CHECK(s.reopenings == 0);

    SUBCASE("reopened to acknowledged, closed, reopened to new") {
      history.push_back(entry("reopened", "2026-11-25T08:00:00Z", {{"to", "acknowledged"}, {"reason", "Leaks again"}}));
      s = replay_case(history, "f.yaml", &problems);
      CHECK(s.status == CaseStatus::Acknowledged);
      CHECK(s.handler == "carl");
      CHECK(s.closed.empty());
      CHECK(s.acknowledged == "2026-11-23T09:30:00Z");
      CHECK(s.opened == "2026-11-23T09:00:00Z");
      CHECK(s.reopenings == 1);

      history.push_back(entry("closed", "2026-11-25T09:00:00Z", {{"resolution", "Fixed again"}}));
      history.push_back(entry("reopened", "2026-11-26T08:00:00Z", {{"to", "new"}, {"reason", "Still leaking"}}));
      s = replay_case(history, "f.yaml", &problems);
      CHECK(problems.empty());
      CHECK(s.status == CaseStatus::New);
      CHECK(s.handler == "carl");
      CHECK(s.acknowledged.empty());
      CHECK(s.closed.empty());
      CHECK(s.reopenings == 2);

      history.push_back(entry("acknowledged", "2026-11-26T08:30:00Z"));
      s = replay_case(history);
      CHECK(s.status == CaseStatus::Acknowledged);
      CHECK(s.acknowledged == "2026-11-26T08:30:00Z");
    }
    SUBCASE("forwarded back to the department queue") {
      history.push_back(entry("reopened", "2026-11-25T08:00:00Z", {{"to", "acknowledged"}}));
      history.push_back(entry("forwarded", "2026-11-25T08:10:00Z", {{"to", "sewer"}, {"department", "sewer"}}));
      s = replay_case(history, "f.yaml", &problems);
      CHECK(problems.empty());
      CHECK(s.status == CaseStatus::New);
      CHECK(s.department == "sewer");
      CHECK(s.handler.empty());
      CHECK(s.acknowledged.empty());
      CHECK(s.reopenings == 1);
    }
  }
  SUBCASE("illegal steps are reported with their lines, without problems they are ignored") {
    Value history = parse_yaml(
        "- at: 2026-11-23T09:00:00Z\n"
        "  by: olivia\n"
        "  event: opened\n"
        "- at: 2026-11-23T09:10:00Z\n"
        "  by: olivia\n"
        "  event: waiting\n"
        "- at: 2026-11-23T09:20:00Z\n"
        "  by: olivia\n"
        "  event: closed\n"
        "- at: 2026-11-23T09:30:00Z\n"
        "  by: olivia\n"
        "  event: closed\n",
        "f");
    std::vector<Problem> problems;
    CaseState s = replay_case(history, "f.yaml", &problems);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].text() ==
          "f.yaml:4: history: 'waiting' is not allowed when the case is new: it is not acknowledged yet "
          "(acknowledge it first with 'crm case ack')");
    CHECK(problems[1].text() ==
          "f.yaml:10: history: 'closed' is not allowed when the case is closed: it is already closed");
    CHECK(s.status == CaseStatus::Closed);
    CHECK(s.closed == "2026-11-23T09:30:00Z");
    CHECK(replay_case(history).status == CaseStatus::Closed);
  }
  SUBCASE("an empty history is a new case with nothing set") {
    CaseState s = replay_case(Value::list());
    CHECK(s.status == CaseStatus::New);
    CHECK(s.opened.empty());
    CHECK(s.reopenings == 0);
  }
}

TEST_CASE("store_state") {
  Value data = parse_yaml(k_closed_case, "f");
  CaseState s = replay_case(*data.find("history"));
  s.status = CaseStatus::New;
  s.handler.clear();
  s.department = "sewer";
  s.acknowledged.clear();
  s.closed.clear();
  store_state(data, s);
  CHECK(data.get("status") == "new");
  CHECK(data.get("department") == "sewer");
  CHECK(data.get("opened") == "2026-11-23T09:00:00Z");
  CHECK_FALSE(data.has("handler"));
  CHECK_FALSE(data.has("acknowledged"));
  CHECK_FALSE(data.has("closed"));
  CHECK(data.get("title") == "Leak in Main Street");  // other fields untouched

  SUBCASE("storing the replayed state makes the file consistent") {
    store_state(data, replay_case(*data.find("history")));
    CHECK(data.get("status") == "closed");
    CHECK(data.get("handler") == "ben");
    CHECK(case_consistency_problems(data, "f.yaml").empty());
  }
}

TEST_CASE("case_consistency_problems") {
  SUBCASE("a consistent file has none") {
    CHECK(consistency(k_closed_case).empty());
  }
  SUBCASE("stored status disagrees") {
    CHECK(consistency(replaced(k_closed_case, "status: closed", "status: acknowledged")) ==
          std::vector<std::string>{"f.yaml:3: 'status' is 'acknowledged' but the history says 'closed'"});
  }
  SUBCASE("stored department disagrees") {
    CHECK(consistency(replaced(k_closed_case, "department: water\nhandler", "department: roads\nhandler")) ==
          std::vector<std::string>{"f.yaml:4: 'department' is 'roads' but the history says 'water'"});
  }
  SUBCASE("stored handler disagrees") {
    CHECK(consistency(replaced(k_closed_case, "handler: ben\nopened", "handler: carl\nopened")) ==
          std::vector<std::string>{"f.yaml:5: 'handler' is 'carl' but the history says 'ben'"});
  }
  SUBCASE("stored times disagree") {
    CHECK(consistency(replaced(k_closed_case, "opened: 2026-11-23T09:00:00Z", "opened: 2026-11-23T08:00:00Z")) ==
          std::vector<std::string>{
              "f.yaml:6: 'opened' is '2026-11-23T08:00:00Z' but the history says '2026-11-23T09:00:00Z'"});
    CHECK(consistency(
              replaced(k_closed_case, "acknowledged: 2026-11-23T09:30:00Z", "acknowledged: 2026-11-23T09:31:00Z")) ==
          std::vector<std::string>{
              "f.yaml:7: 'acknowledged' is '2026-11-23T09:31:00Z' but the history says '2026-11-23T09:30:00Z'"});
    CHECK(consistency(replaced(k_closed_case, "closed: 2026-11-23T10:00:00Z\n", "closed: 2026-11-23T11:00:00Z\n")) ==
          std::vector<std::string>{
              "f.yaml:8: 'closed' is '2026-11-23T11:00:00Z' but the history says '2026-11-23T10:00:00Z'"});
  }
  SUBCASE("a missing cached field is reported on the file's first line") {
    CHECK(consistency(replaced(k_closed_case, "closed: 2026-11-23T10:00:00Z\n", "")) ==
          std::vector<std::string>{"f.yaml:1: 'closed' is missing but the history says '2026-11-23T10:00:00Z'"});
  }
  SUBCASE("a cached field the history does not set") {
    // Drop the closing entry: the case is acknowledged, so 'closed' must go.
    std::string text = k_closed_case.substr(0, k_closed_case.find("  - at: 2026-11-23T10:00:00Z"));
    CHECK(consistency(text) ==
          std::vector<std::string>{"f.yaml:3: 'status' is 'closed' but the history says 'acknowledged'",
                                   "f.yaml:8: 'closed' is '2026-11-23T10:00:00Z' but the history says it should "
                                   "not be set"});
  }
  SUBCASE("several disagreements are all reported, in field order") {
    auto problems = consistency(replaced(replaced(k_closed_case, "status: closed", "status: new"),
                                         "handler: ben\nopened", "handler: carl\nopened"));
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].rfind("f.yaml:3: 'status'", 0) == 0);
    CHECK(problems[1].rfind("f.yaml:5: 'handler'", 0) == 0);
  }
  SUBCASE("a history that does not start with opened") {
    // Remove the opened entry (lines 10-12); routed now comes first, on line 10.
    std::string text = replaced(k_closed_case, "  - at: 2026-11-23T09:00:00Z\n    by: olivia\n    event: opened\n", "");
    auto problems = consistency(text);
    REQUIRE_FALSE(problems.empty());
    CHECK(problems[0] ==
          "f.yaml:10: history: 'routed' is not allowed first: a case's history must start with 'opened'");
  }
  SUBCASE("no history at all") {
    std::string text = k_closed_case.substr(0, k_closed_case.find("history:"));
    CHECK(consistency(text) == std::vector<std::string>{"f.yaml:1: a case needs a history that starts with 'opened'"});
    CHECK(consistency(text + "history: []\n") ==
          std::vector<std::string>{"f.yaml:1: a case needs a history that starts with 'opened'"});
  }
  SUBCASE("an illegal step names its line") {
    // A second acknowledgement, inserted before the closing entry, lands on line 21.
    std::string text = replaced(k_closed_case, "  - at: 2026-11-23T10:00:00Z\n",
                                "  - at: 2026-11-23T09:45:00Z\n    by: carl\n    event: acknowledged\n"
                                "  - at: 2026-11-23T10:00:00Z\n");
    CHECK(consistency(text) ==
          std::vector<std::string>{"f.yaml:21: history: 'acknowledged' is not allowed when the case is acknowledged: "
                                   "it is already acknowledged",
                                   "f.yaml:7: 'acknowledged' is '2026-11-23T09:30:00Z' but the history says "
                                   "'2026-11-23T09:45:00Z'"});
  }
}
