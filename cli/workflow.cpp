// The workflow cases and feedback share: actions, and the parts of `show`.
#include "workflow.hpp"

#include "case_timers.hpp"

#include "error.hpp"
#include "options.hpp"
#include "records_view.hpp"

#include <memory>

namespace crm::cli {

// "; notified a, b" for messages, or "" when nobody was told.
std::string told(const std::vector<std::string>& users) {
  return users.empty() ? "" : "; notified " + joined(users);
}

void act(Session& session, const std::function<CaseChange(const Context&, Transaction&)>& action) {
  Context ctx = session.context();
  Transaction tx(ctx.store);
  CaseChange change = action(ctx, tx);
  session.commit(tx);
  const Record& c = change.record;
  std::string handler = c.get("handler").empty() ? "in the " + c.get("department") + " queue"
                                                 : "handler " + c.get("handler");
  session.message(c.id + ": " + joined(change.events) + "; now " + c.get("status") + ", " + handler +
                  told(change.notified));
}

Section calls_section(const Store& store, const Record& c, Value& listed) {
  Section s{"Calls", {}, {{"id", "ID"}, {"at", "WHEN", true}, {"channel", "CHANNEL"}, {"by", "BY"},
                          {"summary", "SUMMARY"}}};
  listed = Value::list();
  for (const auto& id : string_list(c.data.find("calls"))) {
    if (!store.exists(call_kind(), id)) {
      continue;  // `crm check` reports the dangling reference
    }
    Record call = store.load(call_kind(), id);
    Value row = Value::map();
    for (const char* key : {"id", "at", "direction", "channel", "by", "summary"}) {
      row.set(key, call.get(key));
    }
    s.rows.push_back(row);
    listed.push_back(row);
  }
  return s;
}

TimerRows timer_rows(const CaseTimer& t, const Config& config) {
  TimerRows out{Value::map(), Value::map()};
  Value& row = out.shown;
  row.set("target", t.target);
  bool late = t.late_wall_seconds > 0;
  std::string state = t.stopped ? (late ? "missed" : "met") : t.paused ? "paused" : late ? "late" : "running";
  row.set("state", state);
  // Due times read in the calendar's own zone: that is where the office is.
  row.set("due", t.due ? format_local(*t.due, config.calendar(t.calendar).zone) : "");
  long long left = t.allowed_seconds - t.used_seconds;
  std::string left_or_late = late        ? format_business_seconds(t.late_seconds) + " late"
                             : t.stopped ? ""
                                         : format_business_seconds(left) + " left";
  row.set("left_or_late", left_or_late);
  row.set("paused", t.paused_seconds > 0 ? format_seconds(t.paused_seconds) : "");
  row.set("calendar", t.calendar);

  Value& full = out.full;
  full.set("target", t.target);
  full.set("state", state);
  full.set("calendar", t.calendar);
  for (auto [key, when] : {std::pair<const char*, std::optional<Timestamp>>{"started", t.started}, {"due", t.due},
                           {"stopped", t.stopped}}) {
    Value v(when ? format_utc(*when) : "");
    v.set_plain(true);
    full.set(key, when ? v : Value());
  }
  full.set("allowed_seconds", Value::number(t.allowed_seconds));
  full.set("used_seconds", Value::number(t.used_seconds));
  full.set("late_seconds", Value::number(t.late_seconds));
  full.set("late_wall_seconds", Value::number(t.late_wall_seconds));
  full.set("paused_seconds", Value::number(t.paused_seconds));
  return out;
}

Section timers_section(Session& session, const Record& c, Value& listed) {
  Section s{"Service levels",
            {},
            {{"target", "TARGET"},
             {"state", "STATE"},
             {"due", "DUE"},
             {"left_or_late", "LEFT/LATE"},
             {"paused", "PAUSED"},
             {"calendar", "CALENDAR"}}};
  listed = Value::list();
  const Config& config = session.store().config();
  for (const auto& t : case_timers(c.data, config, session.now(), c.kind->name)) {
    TimerRows rows = timer_rows(t, config);
    s.rows.push_back(rows.shown);
    listed.push_back(rows.full);
  }
  return s;
}

void add_work_filter_options(CLI::App* cmd, WorkFilterOptions& o, const std::string& plural) {
  add_repeated(cmd, "--status", o.statuses, "new, acknowledged, waiting, closed, open or all (repeatable; default: open)")
      ->check(CLI::IsMember({"new", "acknowledged", "waiting", "closed", "open", "all"}));
  cmd->add_option("--department", o.department, "Only " + plural + " in this department");
  auto* handler = cmd->add_option("--handler", o.handler, "Only " + plural + " handled by USER ('none': unassigned)");
  cmd->add_flag("--mine", o.mine, "Only " + plural + " you handle")->excludes(handler);
  cmd->add_option("--contact", o.contact, "Only " + plural + " for this contact");
  cmd->add_option("--opened-since", o.since, "Only " + plural + " opened at or after TIME (e.g. -7d, 2026-11-01)");
}

WorkFilter work_filter(Session& session, const WorkFilterOptions& o) {
  const Store& store = session.store();
  WorkFilter filter;
  filter.statuses = o.statuses;
  if (o.mine) {
    filter.handler = session.context().actor;
  } else if (!o.handler.empty()) {
    filter.handler = o.handler == "none" ? "none" : store.resolve(user_kind(), o.handler);
  }
  if (!o.department.empty()) {
    filter.department = store.resolve(department_kind(), o.department);
  }
  if (!o.contact.empty()) {
    filter.contact = store.resolve(contact_kind(), o.contact);
  }
  if (!o.since.empty()) {
    filter.opened_since = user_time(session, o.since);
  }
  return filter;
}

void print_work_item(Session& session, const Record& c) {
  const Store& store = session.store();
  std::vector<Value> named = {details_of(c)};
  add_contact_names(store, named);
  // contact_name right after contact, calls in full before the history.
  Value object = Value::map();
  Value call_list, timer_list;
  Section calls = calls_section(store, c, call_list);
  Section timers = timers_section(session, c, timer_list);
  for (const auto& [key, v] : named.front().fields()) {
    if (key == "contact_name") {
      continue;
    }
    if (key == "history") {
      object.set("call_details", call_list);
      object.set("timers", timer_list);
    }
    object.set(key, v);
    if (key == "influencer" && store.exists(contact_kind(), v.text())) {
      object.set("influencer_name", store.load(contact_kind(), v.text()).get("screen_name"));
    }
    if (key == "contact") {
      object.set("contact_name", named.front().get("contact_name"));
    }
    if (key == "closed" || (key == "acknowledged" && !c.data.has("closed")) ||
        (key == "opened" && !c.data.has("acknowledged") && !c.data.has("closed"))) {
      // Derived, never stored: how often the case came back.
      if (int n = replay_case(c.history()).reopenings; n > 0) {
        object.set("reopenings", Value::number(n));
      }
    }
  }
  std::vector<Section> sections = {calls, history_section(c)};
  if (!timers.rows.empty()) {
    sections.insert(sections.begin(), timers);
  }
  print_details(session, object, sections, {"opened", "acknowledged", "closed", "created", "updated"});
}

void add_workflow_actions(CLI::App* parent, Session& session, const KindSpec& kind) {
  const std::string& noun = kind.name;
  struct Options {
    std::string id, text, to, call;
    bool reopen = false;
  };
  auto id_option = [&noun](CLI::App* cmd, Options& o) {
    cmd->add_option("id", o.id, noun + " ID or unambiguous prefix")->required();
  };

  auto ack = std::make_shared<Options>();
  auto* cmd = parent->add_subcommand("ack", "Acknowledge a new " + noun + " (taking it, if nobody handles it)");
  cmd->alias("acknowledge");
  id_option(cmd, *ack);
  cmd->add_option("--note", ack->text, "Note for the history");
  cmd->callback([&session, &kind, ack] {
    act(session, [&](const Context& ctx, Transaction& tx) { return acknowledge_case(ctx, tx, ack->id, ack->text, kind); });
  });

  auto fwd = std::make_shared<Options>();
  cmd = parent->add_subcommand("forward", "Hand a " + noun + " to another user or to a department's queue");
  cmd->alias("fwd");
  id_option(cmd, *fwd);
  cmd->add_option("--to", fwd->to, "User or department (user:NAME / department:NAME when a name is both)")
      ->required();
  cmd->add_option("--note", fwd->text, "Why, for the new handler");
  cmd->callback([&session, &kind, fwd] {
    act(session,
        [&](const Context& ctx, Transaction& tx) { return forward_case(ctx, tx, fwd->id, fwd->to, fwd->text, kind); });
  });

  auto upd = std::make_shared<Options>();
  cmd = parent->add_subcommand("update", "Record progress on a " + noun + " (tells the requester and the supervisor)");
  cmd->alias("note");
  id_option(cmd, *upd);
  auto* note = cmd->add_option("--note", upd->text, "What happened ('-' or left out: read stdin if piped)");
  cmd->callback([&session, &kind, upd, note] {
    std::string text = text_or_stdin(note, upd->text);
    act(session, [&](const Context& ctx, Transaction& tx) { return update_case(ctx, tx, upd->id, text, kind); });
  });

  auto wait = std::make_shared<Options>();
  cmd = parent->add_subcommand("wait", "Mark a " + noun + " as waiting on the customer");
  id_option(cmd, *wait);
  cmd->add_option("--note", wait->text, "What the customer has to do");
  cmd->callback([&session, &kind, wait] {
    act(session, [&](const Context& ctx, Transaction& tx) { return wait_on_customer(ctx, tx, wait->id, wait->text, kind); });
  });

  auto resume = std::make_shared<Options>();
  cmd = parent->add_subcommand("resume", "Take a " + noun + " off waiting (the customer answered)");
  id_option(cmd, *resume);
  cmd->add_option("--note", resume->text, "What the customer said");
  cmd->callback([&session, &kind, resume] {
    act(session,
        [&](const Context& ctx, Transaction& tx) { return resume_case(ctx, tx, resume->id, resume->text, kind); });
  });

  auto close = std::make_shared<Options>();
  cmd = parent->add_subcommand("close", "Close a handled " + noun);
  id_option(cmd, *close);
  cmd->add_option("--resolution", close->text, "How it was resolved")->required();
  cmd->callback([&session, &kind, close] {
    act(session, [&](const Context& ctx, Transaction& tx) { return close_case(ctx, tx, close->id, close->text, kind); });
  });

  auto reopen = std::make_shared<Options>();
  cmd = parent->add_subcommand("reopen", "Reopen a closed " + noun + ", keeping its history");
  id_option(cmd, *reopen);
  cmd->add_option("--reason", reopen->text, "Why it is back")->required();
  cmd->add_option("--from-call", reopen->call, "The call that brought it back");
  cmd->callback([&session, &kind, reopen] {
    act(session, [&](const Context& ctx, Transaction& tx) {
      return reopen_case(ctx, tx, reopen->id, reopen->text, reopen->call, kind);
    });
  });

  auto link = std::make_shared<Options>();
  cmd = parent->add_subcommand("add-call", "Link a logged call to a " + noun);
  id_option(cmd, *link);
  cmd->add_option("--call", link->call, "Call ID or unambiguous prefix")->required();
  cmd->add_flag("--reopen", link->reopen, "Reopen the " + noun + " if it is closed");
  cmd->callback([&session, &kind, link] {
    act(session, [&](const Context& ctx, Transaction& tx) {
      return add_call_to_case(ctx, tx, link->id, link->call, link->reopen, kind);
    });
  });
}

}  // namespace crm::cli
