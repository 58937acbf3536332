#include "schema.hpp"

#include <cctype>

namespace crm {
namespace {

FieldSpec text(const std::string& name, bool required = false) {
  return {name, FieldType::Text, "", {}, "", required};
}
FieldSpec of_type(const std::string& name, FieldType type, bool required = false) {
  return {name, type, "", {}, "", required};
}
FieldSpec ref(const std::string& name, const std::string& kind, bool required = false) {
  return {name, FieldType::Ref, kind, {}, "", required};
}
FieldSpec choice(const std::string& name, std::vector<std::string> choices, bool required = false) {
  return {name, FieldType::Enum, "", std::move(choices), "", required};
}
FieldSpec configured(const std::string& name, const std::string& list) {
  return {name, FieldType::Enum, "", {}, list, false};
}

FieldSpec id_field() { return text("id", true); }
FieldSpec history_field() { return of_type("history", FieldType::History); }

// Keys every history entry may carry, in canonical order; kinds add their own.
std::vector<FieldSpec> base_history(std::vector<FieldSpec> extra) {
  std::vector<FieldSpec> out = {of_type("at", FieldType::Time, true), ref("by", "user"), text("event", true)};
  out.insert(out.end(), extra.begin(), extra.end());
  out.push_back(of_type("fields", FieldType::TextList));
  out.push_back(text("note"));
  return out;
}

const FieldSpec* find_in(const std::vector<FieldSpec>& fields, const std::string& name) {
  for (const auto& f : fields) {
    if (f.name == name) {
      return &f;
    }
  }
  return nullptr;
}

}  // namespace

const FieldSpec* KindSpec::field(const std::string& n) const { return find_in(fields, n); }
const FieldSpec* KindSpec::history_field(const std::string& n) const { return find_in(history_fields, n); }

const KindSpec& contact_kind() {
  static const KindSpec k{
      "contact",
      "contacts",
      "P",
      false,
      {id_field(), text("name", true), configured("kind", "contact_kinds"), text("org"),
       // An influencer's public identity: known by a screen name, not a person.
       text("screen_name"), text("platform"), of_type("urls", FieldType::TextList), of_type("reach", FieldType::Int),
       text("description"), of_type("emails", FieldType::EmailList), of_type("phones", FieldType::TextList),
       of_type("tags", FieldType::TextList), text("note"), history_field()},
      base_history({}),
      {"created", "edited"}};
  return k;
}

const KindSpec& call_kind() {
  static const KindSpec k{
      "call",
      "calls",
      "K",
      true,
      {id_field(), ref("contact", "contact", true), of_type("at", FieldType::Time, true),
       choice("direction", {"in", "out"}), configured("channel", "call_channels"),
       of_type("duration", FieldType::Duration), ref("by", "user"), text("summary"), history_field()},
      base_history({}),
      {"logged", "edited"}};
  return k;
}

const KindSpec& user_kind() {
  static const KindSpec k{
      "user",
      "users",
      "",
      false,
      {id_field(), text("name", true), of_type("email", FieldType::Email), ref("department", "department"), text("role"),
       ref("manager", "user"), choice("leaderboard", {"shown", "hidden"}), history_field()},
      base_history({}),
      {"created", "edited"}};
  return k;
}

const KindSpec& department_kind() {
  static const KindSpec k{
      "department",
      "departments",
      "",
      false,
      {id_field(), text("name", true), ref("manager", "user"),
       {"queue_owners", FieldType::RefList, "user", {}, "", false}, history_field()},
      base_history({}),
      {"created", "edited"}};
  return k;
}

// History keys and events of a routed work item: a case or feedback.
std::vector<FieldSpec> workflow_history() {
  return base_history({text("from"), text("to"), ref("department", "department"), ref("handler", "user"),
                       ref("call", "call"), choice("target", {"acknowledge", "update", "resolve"}), text("reason"),
                       text("resolution"), of_type("level", FieldType::Int)});
}

const std::vector<std::string>& workflow_events() {
  static const std::vector<std::string> e = {"opened",    "routed",     "acknowledged", "forwarded", "updated",
                                             "waiting",   "resumed",    "closed",       "reopened",  "call-added",
                                             "escalated", "due-soon",   "edited"};
  return e;
}

const std::vector<std::string>& feedback_sources() {
  static const std::vector<std::string> s = {"blog", "social", "web-stats", "sales", "support", "survey", "other"};
  return s;
}

const std::vector<std::string>& feedback_sentiments() {
  static const std::vector<std::string> s = {"negative", "neutral", "positive"};
  return s;
}

const KindSpec& feedback_kind() {
  // Information without a case: maybe anonymous (no contact), maybe from an
  // influencer. It runs the case workflow: status, department, handler and
  // the times are replayed from history exactly as for cases.
  static const KindSpec k{
      "feedback",
      "feedback",
      "F",
      false,
      {id_field(), text("title", true), text("text", true), choice("source", feedback_sources(), true),
       choice("sentiment", feedback_sentiments(), true), of_type("topics", FieldType::TextList),
       ref("influencer", "contact"), ref("contact", "contact"),
       choice("status", {"new", "acknowledged", "waiting", "closed"}, true), ref("department", "department", true),
       ref("handler", "user"), of_type("opened", FieldType::Time, true), of_type("acknowledged", FieldType::Time),
       of_type("closed", FieldType::Time), {"calls", FieldType::RefList, "call", {}, "", false}, history_field()},
      workflow_history(),
      workflow_events()};
  return k;
}

const std::vector<std::string>& case_priorities() {
  static const std::vector<std::string> p = {"low", "normal", "high", "urgent"};
  return p;
}

const KindSpec& case_kind() {
  // status, handler, department and the opened/acknowledged/closed times are
  // all replayed from history on every change; `crm check` verifies they agree.
  static const KindSpec k{
      "case",
      "cases",
      "C",
      false,
      {id_field(), text("title", true), choice("status", {"new", "acknowledged", "waiting", "closed"}, true),
       choice("priority", case_priorities(), true), ref("contact", "contact", true),
       ref("requester", "user|department"), ref("department", "department", true), ref("handler", "user"),
       of_type("opened", FieldType::Time, true), of_type("acknowledged", FieldType::Time),
       of_type("closed", FieldType::Time), of_type("tags", FieldType::TextList),
       {"calls", FieldType::RefList, "call", {}, "", false}, history_field()},
      workflow_history(),
      workflow_events()};
  return k;
}

const KindSpec& mission_kind() {
  // status and taker are replayed from history on every change, as for cases.
  static const KindSpec k{
      "mission",
      "missions",
      "M",
      false,
      {id_field(), text("title", true), text("description"), text("reward", true), ref("creator", "user", true),
       of_type("audience", FieldType::TextList), of_type("due", FieldType::Time), ref("parent", "mission"),
       ref("taker", "user"),
       choice("status", {"available", "taken", "completed", "approved", "cancelled"}, true), history_field()},
      base_history({ref("taker", "user"), text("reason")}),
      {"created", "accepted", "released", "completed", "approved", "rejected", "cancelled", "commented", "overdue",
       "edited"}};
  return k;
}

const std::vector<std::string>& deal_kinds() {
  static const std::vector<std::string> k = {"new", "upsell", "cross-sell", "renewal"};
  return k;
}

const KindSpec& deal_kind() {
  // stage, status and the won/lost fields are replayed from history on every
  // change, as for cases; stages are configured (crm.yaml `deals.stages`).
  static const KindSpec k{
      "deal",
      "deals",
      "D",
      false,
      {id_field(), text("title", true), ref("contact", "contact", true), text("org"),
       of_type("value", FieldType::Money, true), text("currency", true),
       {"stage", FieldType::Enum, "", {}, "deal_stages", true}, choice("status", {"open", "won", "lost"}, true),
       of_type("probability", FieldType::Int), choice("kind", deal_kinds()), ref("owner", "user"),
       of_type("expected_close", FieldType::Time), of_type("won", FieldType::Time), of_type("lost", FieldType::Time),
       text("lost_reason"), text("note"), history_field()},
      base_history({text("from"), text("to"), text("reason")}),
      {"created", "staged", "won", "lost", "reopened", "edited"}};
  return k;
}

const KindSpec& reward_kind() {
  // The catalogue coins buy from. A redemption is a history entry carrying
  // the price paid, so later price changes never alter a balance.
  static const KindSpec k{
      "reward",
      "rewards",
      "R",
      false,
      {id_field(), text("name", true), text("description"), of_type("cost", FieldType::Int, true),
       of_type("quantity", FieldType::Int), of_type("expires", FieldType::Time), ref("owner", "user"),
       history_field()},
      base_history({of_type("cost", FieldType::Int)}),
      {"created", "redeemed", "edited"}};
  return k;
}

const KindSpec& notification_kind() {
  // One file per recipient and event, so reading one never conflicts with
  // another user's inbox in a git merge. No history: `read` says it all.
  static const KindSpec k{"notification",
                          "notifications",
                          "N",
                          true,
                          {id_field(), ref("user", "user", true), of_type("at", FieldType::Time, true),
                           text("event", true), text("about"), ref("by", "user"), text("message", true),
                           of_type("read", FieldType::Time)},
                          {},
                          {}};
  return k;
}

const std::vector<const KindSpec*>& all_kinds() {
  static const std::vector<const KindSpec*> kinds = {&department_kind(), &user_kind(), &contact_kind(),
                                                     &call_kind(), &case_kind(), &feedback_kind(), &mission_kind(),
                                                     &deal_kind(), &reward_kind(), &notification_kind()};
  return kinds;
}

const KindSpec* kind_named(const std::string& name) {
  for (const KindSpec* k : all_kinds()) {
    if (k->name == name || k->folder == name) {
      return k;
    }
  }
  return nullptr;
}

const KindSpec* kind_of_id(const std::string& id) {
  auto dash = id.find('-');
  if (dash == std::string::npos || dash == 0) {
    return nullptr;
  }
  std::string prefix = id.substr(0, dash);
  for (auto& c : prefix) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  for (const KindSpec* k : all_kinds()) {
    if (k->generated_ids() && k->prefix == prefix) {
      return k;
    }
  }
  return nullptr;
}

}  // namespace crm
