#include "missions.hpp"

#include "edit.hpp"
#include "error.hpp"
#include "ids.hpp"
#include "notifications.hpp"
#include "suggest.hpp"

#include <algorithm>

namespace crm {
namespace {

// What a mission's history says about it now.
struct MissionState {
  std::string status = "available";
  std::string taker;
};

// Applies one history entry; returns why it is not a legal step ("" when it is).
std::string apply(MissionState& s, const Value& entry, bool first) {
  const std::string& event = entry.get("event");
  if (first || event == "created") {
    return first && event == "created" ? "" : "a mission's history starts with 'created', once";
  }
  auto require = [&](std::initializer_list<const char*> from) {
    std::string wanted;
    for (const char* f : from) {
      if (s.status == f) {
        return std::string();
      }
      wanted += (wanted.empty() ? "" : " or ") + std::string(f);
    }
    return "it is " + s.status + ", not " + wanted;
  };
  std::string why;
  if (event == "accepted") {
    why = require({"available"});
    s.status = "taken";
    s.taker = entry.get("taker");
  } else if (event == "released") {
    why = require({"taken"});
    s.status = "available";
    s.taker.clear();
  } else if (event == "completed") {
    why = require({"taken"});
    s.status = "completed";
  } else if (event == "approved") {
    why = require({"completed"});
    s.status = "approved";
  } else if (event == "rejected") {
    why = require({"completed"});
    s.status = "taken";  // the taker may try again
  } else if (event == "cancelled") {
    why = require({"available", "taken"});
    s.status = "cancelled";
  } else if (event == "overdue") {
    why = require({"available", "taken"});
  }
  return why;
}

MissionState replay(const Value& history, const std::string& shown_path = "", std::vector<Problem>* problems = nullptr) {
  MissionState s;
  bool first = true;
  for (const auto& entry : history.items()) {
    if (!entry.is_map()) {
      continue;
    }
    std::string before = s.status;
    std::string why = apply(s, entry, first);
    if (!why.empty() && problems) {
      problems->push_back({shown_path, entry.line(),
                           "history: '" + entry.get("event") + "' is not allowed " +
                               (first ? "first" : "when the mission is " + before) + ": " + why});
    }
    first = false;
  }
  return s;
}

void store_state(Value& data, const MissionState& s) {
  data.set("status", s.status);
  if (s.taker.empty()) {
    data.erase("taker");
  } else {
    data.set("taker", s.taker);
  }
}

// Appends `entry` after checking the mission's status allows it.
void append(const Context& ctx, Record& m, Value entry) {
  MissionState s = replay(m.history());
  MissionState after = s;
  std::string why = apply(after, entry, false);
  if (!why.empty()) {
    throw usage_error("cannot record '" + entry.get("event") + "' for mission " + m.id + ": " + why);
  }
  Value* history = m.data.find("history");
  history->push_back(std::move(entry));
  store_state(m.data, after);
  m.data = canonical(mission_kind(), m.data);
  require_valid(mission_kind(), m.data, ctx.store.config());
}

void require_actor(const Context& ctx, const std::string& who, const std::string& role, const Record& m,
                   const std::string& action) {
  if (ctx.actor != who) {
    throw usage_error("only " + role + " (" + (who.empty() ? "nobody yet" : who) + ") may " + action + " " + m.id +
                      (ctx.actor.empty() ? "" : ", not " + ctx.actor));
  }
}

MissionChange finish(const Context& ctx, Transaction& tx, const Record& m, const std::string& event,
                     const std::vector<std::string>& users, const std::string& message) {
  tx.put(m);
  MissionChange change{m, event, notify(ctx, tx, users, "mission-" + event, m.id, message)};
  return change;
}

std::string normalized_audience(const Store& store, const std::string& item) {
  if (item == "everyone") {
    return item;
  }
  if (item.compare(0, 11, "department:") == 0) {
    return "department:" + store.find(department_kind(), item.substr(11)).id;
  }
  std::string user = item.compare(0, 5, "user:") == 0 ? item.substr(5) : item;
  return "user:" + store.find(user_kind(), user).id;
}

}  // namespace

std::vector<std::string> audience_users(const Store& store, const std::vector<std::string>& audience) {
  std::vector<std::string> out;
  auto add = [&](const std::string& u) {
    if (std::find(out.begin(), out.end(), u) == out.end()) {
      out.push_back(u);
    }
  };
  std::vector<Record> users;
  bool loaded = false;
  for (const auto& item : audience.empty() ? std::vector<std::string>{"everyone"} : audience) {
    if (item.compare(0, 5, "user:") == 0) {
      add(item.substr(5));
      continue;
    }
    if (!loaded) {
      users = store.load_all(user_kind());
      loaded = true;
    }
    for (const auto& u : users) {
      if (item == "everyone" || item == "department:" + u.get("department")) {
        add(u.id);
      }
    }
  }
  return out;
}

bool in_audience(const Store& store, const Record& mission, const std::string& user) {
  // Only this user's record is needed, not everyone's: listings ask once per mission.
  auto audience = string_list(mission.data.find("audience"));
  if (audience.empty()) {
    audience.push_back("everyone");
  }
  std::string department;
  bool loaded = false;
  for (const auto& item : audience) {
    if (item == "user:" + user) {
      return true;
    }
    if (item == "everyone" || item.compare(0, 11, "department:") == 0) {
      if (!loaded) {
        if (!store.exists(user_kind(), user)) {
          return false;
        }
        department = store.load(user_kind(), user).get("department");
        loaded = true;
      }
      if (item == "everyone" || (!department.empty() && item == "department:" + department)) {
        return true;
      }
    }
  }
  return false;
}

MissionChange create_mission(const Context& ctx, Transaction& tx, const MissionInput& in) {
  if (in.title.empty()) {
    throw usage_error("a mission needs a title (--title TEXT)");
  }
  if (in.reward.empty()) {
    throw usage_error("a mission needs a reward (--reward TEXT)");
  }
  if (ctx.actor.empty()) {
    throw usage_error("a mission needs a creator: act as a user (--as USER)");
  }
  std::vector<std::string> audience;
  for (const auto& item : in.audience.empty() ? std::vector<std::string>{"everyone"} : in.audience) {
    std::string a = normalized_audience(ctx.store, item);
    if (std::find(audience.begin(), audience.end(), a) == audience.end()) {
      audience.push_back(a);
    }
  }
  Value fields = Value::map();
  fields.set("title", in.title);
  fields.set("description", in.description);
  fields.set("reward", in.reward);
  fields.set("creator", ctx.actor);
  fields.set("audience", make_string_list(audience));
  if (in.due) {
    fields.set("due", format_utc(*in.due));
  }
  if (!in.parent.empty()) {
    Record parent = ctx.store.find(mission_kind(), in.parent);
    const std::string& status = parent.get("status");
    if (status != "available" && status != "taken") {
      throw usage_error("mission " + parent.id + " is " + status + "; sub-missions help with open missions only");
    }
    if (ctx.actor != parent.get("taker") && ctx.actor != parent.get("creator")) {
      throw usage_error("only the taker or the creator of " + parent.id + " may add sub-missions to it");
    }
    fields.set("parent", parent.id);
  }
  fields.set("status", "available");
  Record m = create_record(ctx, mission_kind(), fields, "created");
  std::string message = "new mission " + m.id + " for " + m.get("reward") + ": " + in.title;
  return finish(ctx, tx, m, "created", audience_users(ctx.store, audience), message);
}

MissionChange accept_mission(const Context& ctx, Transaction& tx, const std::string& id) {
  Record m = ctx.store.find(mission_kind(), id);
  if (ctx.actor == m.get("creator")) {
    throw usage_error("you created " + m.id + "; someone else has to accept it");
  }
  if (!in_audience(ctx.store, m, ctx.actor)) {
    throw usage_error(m.id + " is not open to " + shown_actor(ctx) + " (audience: " +
                      [&] {
                        std::string a;
                        for (const auto& item : string_list(m.data.find("audience"))) {
                          a += (a.empty() ? "" : ", ") + item;
                        }
                        return a.empty() ? std::string("everyone") : a;
                      }() +
                      ")");
  }
  Value e = history_event(ctx, "accepted", "");
  e.set("taker", ctx.actor);
  append(ctx, m, e);
  return finish(ctx, tx, m, "accepted", {m.get("creator")},
                m.id + " accepted by " + shown_actor(ctx) + ": " + m.get("title"));
}

MissionChange release_mission(const Context& ctx, Transaction& tx, const std::string& id, const std::string& note) {
  Record m = ctx.store.find(mission_kind(), id);
  require_actor(ctx, m.get("taker"), "the taker", m, "release");
  append(ctx, m, history_event(ctx, "released", note));
  auto users = audience_users(ctx.store, string_list(m.data.find("audience")));
  users.push_back(m.get("creator"));
  return finish(ctx, tx, m, "released", users,
                m.id + " is available again (released by " + shown_actor(ctx) + "): " + m.get("title"));
}

MissionChange complete_mission(const Context& ctx, Transaction& tx, const std::string& id, const std::string& note) {
  Record m = ctx.store.find(mission_kind(), id);
  require_actor(ctx, m.get("taker"), "the taker", m, "complete");
  append(ctx, m, history_event(ctx, "completed", note));
  return finish(ctx, tx, m, "completed", {m.get("creator")},
                m.id + " completed by " + shown_actor(ctx) + " and waiting for your approval: " +
                    (note.empty() ? m.get("title") : note));
}

MissionChange approve_mission(const Context& ctx, Transaction& tx, const std::string& id, const std::string& note) {
  Record m = ctx.store.find(mission_kind(), id);
  require_actor(ctx, m.get("creator"), "the creator", m, "approve");
  append(ctx, m, history_event(ctx, "approved", note));
  return finish(ctx, tx, m, "approved", {m.get("taker")},
                m.id + " approved by " + shown_actor(ctx) + ": you earned " + m.get("reward"));
}

MissionChange reject_mission(const Context& ctx, Transaction& tx, const std::string& id, const std::string& reason) {
  if (reason.empty()) {
    throw usage_error("rejecting a mission needs a reason (--reason TEXT)");
  }
  Record m = ctx.store.find(mission_kind(), id);
  require_actor(ctx, m.get("creator"), "the creator", m, "reject");
  Value e = history_event(ctx, "rejected", "");
  e.set("reason", reason);
  append(ctx, m, e);
  return finish(ctx, tx, m, "rejected", {m.get("taker")},
                m.id + " rejected by " + shown_actor(ctx) + " (it is yours to try again): " + reason);
}

MissionChange cancel_mission(const Context& ctx, Transaction& tx, const std::string& id, const std::string& reason) {
  Record m = ctx.store.find(mission_kind(), id);
  require_actor(ctx, m.get("creator"), "the creator", m, "cancel");
  // The taker, or everyone who was told it was available.
  std::vector<std::string> told = m.get("taker").empty()
                                      ? audience_users(ctx.store, string_list(m.data.find("audience")))
                                      : std::vector<std::string>{m.get("taker")};
  Value e = history_event(ctx, "cancelled", "");
  e.set("reason", reason);
  append(ctx, m, e);
  return finish(ctx, tx, m, "cancelled", told,
                m.id + " cancelled by " + shown_actor(ctx) + (reason.empty() ? ": " + m.get("title") : ": " + reason));
}

MissionChange comment_mission(const Context& ctx, Transaction& tx, const std::string& id, const std::string& text) {
  if (text.empty()) {
    throw usage_error("a comment needs text");
  }
  Record m = ctx.store.find(mission_kind(), id);
  append(ctx, m, history_event(ctx, "commented", text));
  return finish(ctx, tx, m, "commented", {m.get("creator"), m.get("taker")},
                shown_actor(ctx) + " commented on " + m.id + ": " + text);
}

std::vector<Record> list_missions(const Store& store, const MissionFilter& f) {
  std::vector<Record> out;
  for (auto& m : store.load_all(mission_kind())) {
    const std::string& status = m.get("status");
    bool in_scope = false;
    switch (f.scope) {
      case MissionFilter::Scope::Acceptable:
        in_scope = status == "available" && m.get("creator") != f.user && in_audience(store, m, f.user);
        break;
      case MissionFilter::Scope::Mine:
        in_scope = m.get("taker") == f.user;
        break;
      case MissionFilter::Scope::Created:
        in_scope = m.get("creator") == f.user;
        break;
      case MissionFilter::Scope::All:
        in_scope = true;
        break;
    }
    if (in_scope && (f.statuses.empty() || std::find(f.statuses.begin(), f.statuses.end(), status) != f.statuses.end())) {
      out.push_back(std::move(m));
    }
  }
  // Missions with a due date first, soonest first; then newest.
  std::stable_sort(out.begin(), out.end(),
                   [](const Record& a, const Record& b) { return sooner_then_newer(a, b, "due"); });
  return out;
}

std::vector<Record> sub_missions(const Store& store, const std::string& id) {
  std::vector<Record> out;
  for (auto& m : store.load_all(mission_kind())) {
    if (m.get("parent") == id) {
      out.push_back(std::move(m));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Record& a, const Record& b) {
    return a.created_at() < b.created_at();
  });
  return out;
}

std::vector<std::string> mission_cached_field_names() { return {"status", "taker"}; }

void refresh_mission_state(Value& data) {
  if (const Value* history = data.find("history"); history && history->is_list()) {
    store_state(data, replay(*history));
  }
}

std::vector<Problem> mission_consistency_problems(const Value& data, const std::string& shown_path) {
  std::vector<Problem> out;
  const Value* history = data.find("history");
  if (!history || !history->is_list() || history->items().empty()) {
    out.push_back({shown_path, data.line(), "a mission needs a history that starts with 'created'"});
    return out;
  }
  MissionState s = replay(*history, shown_path, &out);
  cached_field_problems(data, {{"status", s.status}, {"taker", s.taker}}, shown_path, out);
  return out;
}

std::vector<MissionChange> remind_overdue_missions(const Context& ctx, Transaction& tx) {
  std::vector<MissionChange> out;
  for (auto& m : ctx.store.load_all(mission_kind())) {
    std::string status = m.get("status");  // a copy: append() replaces m.data
    auto due = parse_stored_time(m.get("due"));
    if ((status != "available" && status != "taken") || !due || ctx.now <= *due) {
      continue;
    }
    bool reminded = std::any_of(m.history().items().begin(), m.history().items().end(),
                                [](const Value& e) { return e.get("event") == "overdue"; });
    if (reminded) {
      continue;
    }
    append(ctx, m, history_event(ctx, "overdue", ""));
    std::string message = "mission " + m.id + " was due " + format_local(*due, ctx.store.config().zone) + " and is still " + status + ": " +
                          m.get("title");
    Context system{ctx.store, "", ctx.now};  // both sides hear, whoever runs cron
    out.push_back(finish(system, tx, m, "overdue", {m.get("creator"), m.get("taker")}, message));
  }
  return out;
}

}  // namespace crm
