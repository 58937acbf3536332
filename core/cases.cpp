#include "cases.hpp"

#include "edit.hpp"
#include "error.hpp"
#include "ids.hpp"
#include "notifications.hpp"
#include "routing.hpp"
#include "suggest.hpp"

#include <algorithm>

namespace crm {
namespace {

// Who should hear about an event, and what they are told.
struct Notice {
  std::vector<std::string> users;
  std::string event;  // event_name(c, "forwarded")
  std::string message;
};

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

// The notification event for `event` of a case or feedback: "case-closed".
std::string event_name(const Record& item, const std::string& event) { return item.kind->name + "-" + event; }

// `note` after a colon, or the title when there is no note.
std::string gist(const Record& c, const std::string& note) {
  return ": " + first_line(note.empty() ? c.get("title") : note);
}

std::vector<std::string> slugs(const Store& store, const KindSpec& kind) {
  std::vector<std::string> out;
  for (const auto& p : store.files(kind)) {
    out.push_back(p.stem().string());
  }
  return out;
}

// A forwarding target: exactly one of user and department is set.
struct Target {
  std::string user;
  std::string department;
};

Target resolve_target(const Store& store, const std::string& to) {
  if (to.empty()) {
    throw usage_error("empty user or department to forward to");  // like an empty ID anywhere else
  }
  for (const char* prefix : {"user:", "department:", "dept:"}) {
    std::string p = prefix;
    if (to.compare(0, p.size(), p) == 0) {
      std::string rest = to.substr(p.size());
      return p == "user:" ? Target{store.find(user_kind(), rest).id, ""}
                          : Target{"", store.find(department_kind(), rest).id};
    }
  }
  bool user = is_slug(to) && store.exists(user_kind(), to);
  bool department = is_slug(to) && store.exists(department_kind(), to);
  if (user && department) {
    throw usage_error("'" + to + "' is both a user and a department; say user:" + to + " or department:" + to);
  }
  if (user) {
    return {to, ""};
  }
  if (department) {
    return {"", to};
  }
  auto known = slugs(store, user_kind());
  auto depts = slugs(store, department_kind());
  known.insert(known.end(), depts.begin(), depts.end());
  throw not_found_error("no user or department '" + to + "'" + did_you_mean(to, known));
}

std::string requester_named(const Store& store, const std::string& input) {
  Target t = resolve_target(store, input);
  return t.user.empty() ? t.department : t.user;
}

// A call staged earlier in `tx` (log-call --open-case) or on disk.
Record find_call(const Context& ctx, const Transaction& tx, const std::string& input) {
  if (const Record* staged = tx.staged(call_kind(), input)) {
    return *staged;
  }
  return ctx.store.find(call_kind(), input);
}

std::string department_of(const Store& store, const std::string& user) {
  return store.load(user_kind(), user).get("department");
}

// The handler, or the department's audience when nobody handles the case.
std::vector<std::string> handler_or_queue(const Store& store, const CaseState& state) {
  return state.handler.empty() ? department_audience(store, state.department) : std::vector<std::string>{state.handler};
}

// The requester's office and the handler's supervisor (the department's
// manager when nobody handles the case).
std::vector<std::string> office_and_supervisor(const Store& store, const Record& c, const CaseState& state) {
  auto users = office_audience(store, requester_of(c));
  std::string supervisor = state.handler.empty() ? "" : manager_of(store, state.handler);
  if (supervisor.empty() && store.exists(department_kind(), state.department)) {
    supervisor = store.load(department_kind(), state.department).get("manager");
  }
  users.push_back(supervisor);
  return users;
}

void add_call_id(Record& c, const std::string& call) {
  auto calls = string_list(c.data.find("calls"));
  if (std::find(calls.begin(), calls.end(), call) == calls.end()) {
    calls.push_back(call);
  }
  c.data.set("calls", make_string_list(calls));
}

// Appends `entry` to the case after checking that its event may happen now,
// then refreshes the fields the history determines.
void append(const Context& ctx, Record& c, Value entry) {
  CaseState before = replay_case(c.history());
  require_allowed(before.status, entry.get("event"), c.id, c.kind->name);
  Value* history = c.data.find("history");
  history->push_back(std::move(entry));
  store_state(c.data, replay_case(*history));
  c.data = canonical(*c.kind, c.data);
  require_valid(*c.kind, c.data, ctx.store.config());
}

CaseChange finish(const Context& ctx, Transaction& tx, Record c, std::vector<std::string> events,
                  const std::vector<Notice>& notices) {
  CaseChange change;
  for (const auto& n : notices) {
    for (const auto& user : notify(ctx, tx, n.users, n.event, c.id, n.message)) {
      if (std::find(change.notified.begin(), change.notified.end(), user) == change.notified.end()) {
        change.notified.push_back(user);
      }
    }
  }
  tx.put(c);
  change.record = std::move(c);
  change.events = std::move(events);
  return change;
}

}  // namespace

OpenedCase open_case(const Context& ctx, Transaction& tx, const CaseInput& in) {
  const Store& store = ctx.store;
  const Config& config = store.config();
  std::optional<Record> call;
  if (!in.from_call.empty()) {
    call = find_call(ctx, tx, in.from_call);
  }
  std::string contact_id;
  if (!in.contact.empty()) {
    const Record* staged = tx.staged(contact_kind(), in.contact);
    contact_id = staged ? staged->id : store.find(contact_kind(), in.contact).id;
    if (call && call->get("contact") != contact_id) {
      throw usage_error("call " + call->id + " is with contact " + call->get("contact") + ", not " + contact_id);
    }
  } else if (call) {
    contact_id = call->get("contact");
  } else {
    throw usage_error("a case needs a contact: give --contact ID (or --from-call CALL)");
  }
  // The contact may be staged too (log-call --new-contact --open-case).
  const Record* staged_contact = tx.staged(contact_kind(), contact_id);
  Record contact = staged_contact ? *staged_contact : store.load(contact_kind(), contact_id);

  std::string title = in.title.empty() && call ? first_line(call->get("summary")) : in.title;
  if (title.empty()) {
    throw usage_error("a case needs a title (--title TEXT)");
  }
  RoutingSubject subject;
  subject.contact_kind = contact.get("kind");
  subject.tags = in.tags;
  auto contact_tags = string_list(contact.data.find("tags"));
  subject.tags.insert(subject.tags.end(), contact_tags.begin(), contact_tags.end());
  subject.title = title;
  OpenedCase opened = route_new(store, in.department, in.handler, subject);

  Value fields = Value::map();
  fields.set("title", title);
  fields.set("priority", in.priority.empty() ? config.default_priority : in.priority);
  fields.set("contact", contact_id);
  fields.set("requester", in.requester.empty() ? ctx.actor : requester_named(store, in.requester));
  fields.set("tags", make_string_list(in.tags));
  if (call) {
    fields.set("calls", make_string_list({call->id}));
  }
  Value first = history_event(ctx, "opened", in.note);
  if (call) {
    first.set("call", call->id);
  }
  return open_routed(ctx, tx, case_kind(), fields, first, opened);
}

void for_each_work_item(const Store& store, Timestamp now, const RecordVisitor& visit) {
  auto open_at_now = [now](const Value& summary) {
    const std::string& closed = summary.get("@closed");
    auto at = closed.empty() ? std::nullopt : parse_stored_time(closed);
    return !at || *at > now;
  };
  store.for_each_where(case_kind(), open_at_now, visit);
  store.for_each_where(feedback_kind(), open_at_now, visit);
}

std::vector<Record> load_work_items(const Store& store, Timestamp now) {
  std::vector<Record> out;
  for_each_work_item(store, now, [&out](Record&& r) { out.push_back(std::move(r)); });
  return out;
}

std::string requester_of(const Record& item) {
  if (item.kind && item.kind->field("requester")) {
    return item.get("requester");
  }
  const Value& history = item.history();
  return history.items().empty() ? "" : history.items().front().get("by");
}

OpenedCase route_new(const Store& store, const std::string& department, const std::string& handler_input,
                     const RoutingSubject& subject) {
  OpenedCase opened;
  opened.handler = handler_input.empty() ? "" : store.find(user_kind(), handler_input).id;
  if (!department.empty()) {
    opened.department = store.find(department_kind(), department).id;
    opened.route_reason = "--department";
  } else if (!opened.handler.empty() && !department_of(store, opened.handler).empty()) {
    opened.department = department_of(store, opened.handler);
    opened.route_reason = "the handler's department";
  } else {
    auto choice = route(store.config().routing, subject);
    if (!choice) {
      throw usage_error("no department for this " + subject.record +
                        ": give --department D, or add routing rules or routing.default to crm.yaml");
    }
    if (!store.exists(department_kind(), choice->department)) {
      throw data_error(store.shown(store.config_path()) + ": " + choice->reason + " routes to unknown department '" +
                       choice->department + "'" + did_you_mean(choice->department, slugs(store, department_kind())));
    }
    opened.department = choice->department;
    opened.route_reason = choice->reason;
  }
  return opened;
}

OpenedCase open_routed(const Context& ctx, Transaction& tx, const KindSpec& kind, Value fields, Value first,
                       OpenedCase opened) {
  CaseState state;
  state.opened = format_utc(ctx.now);
  state.department = opened.department;
  state.handler = opened.handler;
  store_state(fields, state);
  Record c = create_record_with_entry(ctx, kind, fields, first);
  Value routed = history_event(ctx, "routed");
  routed.set("department", opened.department);
  routed.set("handler", opened.handler);
  routed.set("reason", opened.route_reason);
  append(ctx, c, routed);
  opened.id = c.id;
  const std::string& title = c.get("title");
  Notice notice{opened.handler.empty() ? department_audience(ctx.store, opened.department)
                                       : std::vector<std::string>{opened.handler},
                event_name(c, "routed"),
                opened.handler.empty() ? "new " + kind.name + " " + c.id + " in the " + opened.department + " queue: " + title
                                       : kind.name + " " + c.id + " is assigned to you: " + title};
  opened.notified = finish(ctx, tx, std::move(c), {"opened", "routed"}, {notice}).notified;
  return opened;
}

CaseChange acknowledge_case(const Context& ctx, Transaction& tx, const std::string& id, const std::string& note,
                            const KindSpec& kind) {
  Record c = ctx.store.find(kind, id);
  CaseState state = replay_case(c.history());
  Value e = history_event(ctx, "acknowledged", note);
  if (state.handler.empty()) {
    e.set("handler", ctx.actor);  // acknowledging a queued case takes it
  }
  append(ctx, c, e);
  Notice n{office_audience(ctx.store, requester_of(c)), event_name(c, "acknowledged"),
           c.id + " acknowledged by " + shown_actor(ctx) + gist(c, note)};
  return finish(ctx, tx, std::move(c), {"acknowledged"}, {n});
}

CaseChange forward_case(const Context& ctx, Transaction& tx, const std::string& id, const std::string& to,
                        const std::string& note, const KindSpec& kind) {
  Record c = ctx.store.find(kind, id);
  CaseState state = replay_case(c.history());
  require_allowed(state.status, "forwarded", c.id, kind.name);
  Target target = resolve_target(ctx.store, to);
  Value e = history_event(ctx, "forwarded", note);
  e.set("from", state.handler.empty() ? state.department : state.handler);
  std::vector<std::string> told;
  if (!target.user.empty()) {
    if (target.user == state.handler) {
      throw usage_error(c.id + " is already handled by " + target.user);
    }
    std::string department = department_of(ctx.store, target.user);
    e.set("to", target.user);
    e.set("department", department.empty() ? state.department : department);
    e.set("handler", target.user);
    told.push_back(target.user);
  } else {
    if (target.department == state.department && state.handler.empty()) {
      throw usage_error(c.id + " is already in the " + target.department + " queue");
    }
    e.set("to", target.department);
    e.set("department", target.department);
    told = department_audience(ctx.store, target.department);
  }
  told.push_back(state.handler);
  append(ctx, c, e);
  Notice n{told, event_name(c, "forwarded"),
           c.id + " forwarded to " + e.get("to") + " by " + shown_actor(ctx) + gist(c, note)};
  return finish(ctx, tx, std::move(c), {"forwarded"}, {n});
}

CaseChange update_case(const Context& ctx, Transaction& tx, const std::string& id, const std::string& note,
                       const KindSpec& kind) {
  if (note.empty()) {
    throw usage_error("an update needs a note (--note TEXT)");
  }
  Record c = ctx.store.find(kind, id);
  append(ctx, c, history_event(ctx, "updated", note));
  CaseState state = replay_case(c.history());
  Notice n{office_and_supervisor(ctx.store, c, state), event_name(c, "updated"),
           c.id + " updated by " + shown_actor(ctx) + gist(c, note)};
  return finish(ctx, tx, std::move(c), {"updated"}, {n});
}

CaseChange wait_on_customer(const Context& ctx, Transaction& tx, const std::string& id, const std::string& note,
                            const KindSpec& kind) {
  Record c = ctx.store.find(kind, id);
  append(ctx, c, history_event(ctx, "waiting", note));
  Notice n{office_audience(ctx.store, requester_of(c)), event_name(c, "waiting"),
           c.id + " is waiting on the customer" + gist(c, note)};
  return finish(ctx, tx, std::move(c), {"waiting"}, {n});
}

CaseChange resume_case(const Context& ctx, Transaction& tx, const std::string& id, const std::string& note,
                       const KindSpec& kind) {
  Record c = ctx.store.find(kind, id);
  append(ctx, c, history_event(ctx, "resumed", note));
  Notice n{handler_or_queue(ctx.store, replay_case(c.history())), event_name(c, "resumed"),
           c.id + " resumed by " + shown_actor(ctx) + gist(c, note)};
  return finish(ctx, tx, std::move(c), {"resumed"}, {n});
}

CaseChange close_case(const Context& ctx, Transaction& tx, const std::string& id, const std::string& resolution,
                      const KindSpec& kind) {
  if (resolution.empty()) {
    throw usage_error("closing a " + kind.name + " needs a resolution (--resolution TEXT)");
  }
  Record c = ctx.store.find(kind, id);
  Value e = history_event(ctx, "closed");
  e.set("resolution", resolution);
  append(ctx, c, e);
  CaseState state = replay_case(c.history());
  auto users = office_and_supervisor(ctx.store, c, state);
  users.push_back(state.handler);
  Notice n{users, event_name(c, "closed"), c.id + " closed by " + shown_actor(ctx) + gist(c, resolution)};
  return finish(ctx, tx, std::move(c), {"closed"}, {n});
}

namespace {

// Appends a `reopened` event (the caller has checked the case is closed).
Notice reopen(const Context& ctx, Record& c, const std::string& reason, const std::string& call) {
  CaseState state = replay_case(c.history());
  Value e = history_event(ctx, "reopened");
  e.set("call", call);
  e.set("reason", reason);
  // Only a case someone has taken on goes back to them acknowledged.
  bool to_acknowledged =
      ctx.store.config().reopen_to == "acknowledged" && !state.handler.empty() && !state.acknowledged.empty();
  e.set("to", to_acknowledged ? "acknowledged" : "new");
  append(ctx, c, e);
  return {handler_or_queue(ctx.store, replay_case(c.history())), event_name(c, "reopened"),
          c.id + " reopened by " + shown_actor(ctx) + gist(c, reason)};
}

}  // namespace

CaseChange reopen_case(const Context& ctx, Transaction& tx, const std::string& id, const std::string& reason,
                       const std::string& from_call, const KindSpec& kind) {
  if (reason.empty()) {
    throw usage_error("reopening a " + kind.name + " needs a reason (--reason TEXT)");
  }
  Record c = ctx.store.find(kind, id);
  require_allowed(replay_case(c.history()).status, "reopened", c.id, kind.name);
  std::string call;
  if (!from_call.empty()) {
    call = find_call(ctx, tx, from_call).id;
    add_call_id(c, call);
  }
  Notice n = reopen(ctx, c, reason, call);
  return finish(ctx, tx, std::move(c), {"reopened"}, {n});
}

CaseChange add_call_to_case(const Context& ctx, Transaction& tx, const std::string& id, const std::string& call_input,
                            bool reopen_closed, const KindSpec& kind) {
  Record c = ctx.store.find(kind, id);
  Record call = find_call(ctx, tx, call_input);
  auto calls = string_list(c.data.find("calls"));
  if (std::find(calls.begin(), calls.end(), call.id) != calls.end()) {
    throw usage_error("call " + call.id + " is already linked to " + c.id);
  }
  add_call_id(c, call.id);
  CaseState state = replay_case(c.history());
  std::vector<std::string> events;
  std::vector<Notice> notices;
  std::string summary = call.get("summary").empty() ? "" : ": " + first_line(call.get("summary"));
  if (state.status == CaseStatus::Closed && reopen_closed) {
    // The reopening carries the call: the case is open again before the call lands on it.
    notices.push_back(reopen(ctx, c, "new call " + call.id + summary, call.id));
    events.push_back("reopened");
  } else {
    Value e = history_event(ctx, "call-added");
    e.set("call", call.id);
    append(ctx, c, e);
    events.push_back("call-added");
  }
  if (state.status == CaseStatus::Waiting) {
    Value resumed = history_event(ctx, "resumed", "the customer called (" + call.id + ")");
    resumed.set("call", call.id);
    append(ctx, c, resumed);
    events.push_back("resumed");
  }
  if (notices.empty()) {
    notices.push_back({handler_or_queue(ctx.store, replay_case(c.history())), event_name(c, "call-added"),
                       "new call " + call.id + " on " + c.id + summary});
  }
  return finish(ctx, tx, std::move(c), events, notices);
}

CaseChange set_case(const Context& ctx, Transaction& tx, const std::string& id, const CaseSettings& in,
                    const KindSpec& kind) {
  Record c = ctx.store.find(kind, id);
  if (!in.priority.empty() && !kind.field("priority")) {
    throw usage_error(kind.name + " has no priority");
  }
  const std::string tag_field = kind.field("tags") ? "tags" : "topics";
  std::vector<std::string> events;
  std::vector<Notice> notices;
  if (!in.department.empty()) {
    std::string department = ctx.store.find(department_kind(), in.department).id;
    if (department != c.get("department")) {
      CaseState state = replay_case(c.history());
      Value e = history_event(ctx, "routed");
      e.set("department", department);
      e.set("handler", state.handler);
      e.set("reason", "moved from " + state.department + " by " + shown_actor(ctx));
      append(ctx, c, e);
      events.push_back("routed");
      notices.push_back({handler_or_queue(ctx.store, replay_case(c.history())), event_name(c, "routed"),
                         c.id + " moved to " + department + " by " + shown_actor(ctx) + ": " + c.get("title")});
    }
  }
  std::vector<FieldChange> changes;
  if (!in.title.empty()) {
    changes.push_back({"title", FieldChange::Op::Set, {in.title}});
  }
  if (!in.priority.empty()) {
    changes.push_back({"priority", FieldChange::Op::Set, {in.priority}});
  }
  if (!in.add_tags.empty()) {
    changes.push_back({tag_field, FieldChange::Op::Add, in.add_tags});
  }
  if (!in.remove_tags.empty()) {
    changes.push_back({tag_field, FieldChange::Op::Remove, in.remove_tags});
  }
  std::string old_priority = c.get("priority");
  Record staged = c;
  if (!changes.empty()) {
    auto changed = edit_record(ctx, tx, c, changes);
    if (!changed.empty()) {
      events.push_back("edited");
      staged = *tx.staged(kind, c.id);
      if (staged.get("priority") != old_priority) {
        notices.push_back({handler_or_queue(ctx.store, replay_case(staged.history())), event_name(c, "edited"),
                           c.id + " is now " + staged.get("priority") + " priority (set by " + shown_actor(ctx) +
                               "): " + staged.get("title")});
      }
    }
  }
  if (events.empty()) {
    return {std::move(staged), {}, {}};
  }
  return finish(ctx, tx, std::move(staged), events, notices);
}

bool status_wanted(const std::vector<std::string>& statuses, const std::string& status) {
  if (statuses.empty()) {
    return status != "closed";
  }
  return std::any_of(statuses.begin(), statuses.end(), [&](const std::string& s) {
    return s == "all" || s == status || (s == "open" && status != "closed");
  });
}

bool WorkFilter::matches(const Value& c) const {
  auto opened = parse_stored_time(c.get("opened"));
  return status_wanted(statuses, c.get("status")) && (department.empty() || c.get("department") == department) &&
         (contact.empty() || c.get("contact") == contact || c.get("influencer") == contact) &&
         (handler.empty() || c.get("handler") == (handler == "none" ? "" : handler)) &&
         (!opened_since || (opened && *opened >= *opened_since));
}

std::vector<Record> list_cases(const Store& store, const CaseFilter& f) {
  std::vector<Record> out = store.load_where(case_kind(), [&f](const Value& c) {
    return f.matches(c) && (f.priority.empty() || c.get("priority") == f.priority);
  });
  auto rank = [](const Record& r) {
    const auto& p = case_priorities();
    return std::find(p.begin(), p.end(), r.get("priority")) - p.begin();
  };
  std::stable_sort(out.begin(), out.end(), [&](const Record& a, const Record& b) {
    if (rank(a) != rank(b)) {
      return rank(a) > rank(b);
    }
    return a.get("opened") != b.get("opened") ? a.get("opened") < b.get("opened") : a.id < b.id;
  });
  return out;
}

}  // namespace crm
