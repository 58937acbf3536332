// crm case open|ack|forward|update|wait|resume|close|reopen|add-call|set|show|list
#include "cases.hpp"

#include "case_timers.hpp"

#include "commands.hpp"
#include "error.hpp"
#include "options.hpp"
#include "records_view.hpp"

#include <memory>

namespace crm::cli {
namespace {

const std::vector<std::string> k_list_fields = {
    "id",         "title",   "status",       "priority", "contact", "contact_name", "requester", "department",
    "handler",    "opened",  "acknowledged", "closed",   "tags",    "calls",        "updated"};
const std::vector<Column> k_list_columns = {{"id", "ID"},
                                            {"priority", "PRIORITY"},
                                            {"status", "STATUS"},
                                            {"department", "DEPARTMENT"},
                                            {"handler", "HANDLER"},
                                            {"contact_name", "CONTACT"},
                                            {"opened", "OPENED", true},
                                            {"title", "TITLE"}};
const std::vector<std::string> k_time_fields = {"opened", "acknowledged", "closed", "created", "updated"};

// "; notified a, b" for messages, or "" when nobody was told.
std::string told(const std::vector<std::string>& users) {
  return users.empty() ? "" : "; notified " + joined(users);
}

// Runs one action on a case in a transaction and reports what it did.
template <typename Action>
void act(Session& session, Action action) {
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

void setup_open(CLI::App* parent, Session& session) {
  auto in = std::make_shared<CaseInput>();
  auto* cmd = parent->add_subcommand("open", "Open a case, route it to a department and print its new ID");
  cmd->add_option("--contact", in->contact, "Who it is for: contact ID or unambiguous prefix");
  cmd->add_option("--title", in->title, "What it is about, in a line (default: the call's summary)");
  cmd->add_option("--department", in->department, "Department to route to (default: crm.yaml routing)");
  cmd->add_option("--handler", in->handler, "User to handle it (default: the department's queue)");
  cmd->add_option("--priority", in->priority, "low, normal, high or urgent (default: crm.yaml)")
      ->check(CLI::IsMember(case_priorities()));
  cmd->add_option("--requester", in->requester, "User or office (department) asking (default: you)");
  cmd->add_option("--from-call", in->from_call, "The call that started it (its contact is the case's)");
  add_repeated(cmd, "--tag", in->tags, "Tag (repeatable; routing rules can match tags)");
  cmd->add_option("--note", in->note, "Details for the history");
  cmd->callback([&session, in] {
    Context ctx = session.context();
    Transaction tx(ctx.store);
    OpenedCase opened = open_case(ctx, tx, *in);
    session.commit(tx);
    session.message("Opened " + opened.id + " in " + opened.department + " (" + opened.route_reason + ")" +
                    (opened.handler.empty() ? ", in the queue" : ", handler " + opened.handler) +
                    told(opened.notified));
    session.out() << opened.id << '\n';
  });
}

// The actions that take a case ID and one optional or required text.
void setup_actions(CLI::App* parent, Session& session) {
  struct Options {
    std::string id, text, to, call;
    bool reopen = false;
  };
  auto id_option = [](CLI::App* cmd, Options& o) {
    cmd->add_option("id", o.id, "Case ID or unambiguous prefix")->required();
  };

  auto ack = std::make_shared<Options>();
  auto* cmd = parent->add_subcommand("ack", "Acknowledge a new case (taking it, if nobody handles it)");
  cmd->alias("acknowledge");
  id_option(cmd, *ack);
  cmd->add_option("--note", ack->text, "Note for the history");
  cmd->callback([&session, ack] {
    act(session, [&](const Context& ctx, Transaction& tx) { return acknowledge_case(ctx, tx, ack->id, ack->text); });
  });

  auto fwd = std::make_shared<Options>();
  cmd = parent->add_subcommand("forward", "Hand a case to another user or to a department's queue");
  cmd->alias("fwd");
  id_option(cmd, *fwd);
  cmd->add_option("--to", fwd->to, "User or department (user:NAME / department:NAME when a name is both)")
      ->required();
  cmd->add_option("--note", fwd->text, "Why, for the new handler");
  cmd->callback([&session, fwd] {
    act(session,
        [&](const Context& ctx, Transaction& tx) { return forward_case(ctx, tx, fwd->id, fwd->to, fwd->text); });
  });

  auto upd = std::make_shared<Options>();
  cmd = parent->add_subcommand("update", "Record progress on a case (tells the requester and the supervisor)");
  cmd->alias("note");
  id_option(cmd, *upd);
  auto* note = cmd->add_option("--note", upd->text, "What happened ('-' or left out: read stdin if piped)");
  cmd->callback([&session, upd, note] {
    std::string text = text_or_stdin(note, upd->text);
    act(session, [&](const Context& ctx, Transaction& tx) { return update_case(ctx, tx, upd->id, text); });
  });

  auto wait = std::make_shared<Options>();
  cmd = parent->add_subcommand("wait", "Mark a case as waiting on the customer");
  id_option(cmd, *wait);
  cmd->add_option("--note", wait->text, "What the customer has to do");
  cmd->callback([&session, wait] {
    act(session, [&](const Context& ctx, Transaction& tx) { return wait_on_customer(ctx, tx, wait->id, wait->text); });
  });

  auto resume = std::make_shared<Options>();
  cmd = parent->add_subcommand("resume", "Take a case off waiting (the customer answered)");
  id_option(cmd, *resume);
  cmd->add_option("--note", resume->text, "What the customer said");
  cmd->callback([&session, resume] {
    act(session,
        [&](const Context& ctx, Transaction& tx) { return resume_case(ctx, tx, resume->id, resume->text); });
  });

  auto close = std::make_shared<Options>();
  cmd = parent->add_subcommand("close", "Close a handled case");
  id_option(cmd, *close);
  cmd->add_option("--resolution", close->text, "How it was resolved")->required();
  cmd->callback([&session, close] {
    act(session, [&](const Context& ctx, Transaction& tx) { return close_case(ctx, tx, close->id, close->text); });
  });

  auto reopen = std::make_shared<Options>();
  cmd = parent->add_subcommand("reopen", "Reopen a closed case, keeping its history");
  id_option(cmd, *reopen);
  cmd->add_option("--reason", reopen->text, "Why it is back")->required();
  cmd->add_option("--from-call", reopen->call, "The call that brought it back");
  cmd->callback([&session, reopen] {
    act(session, [&](const Context& ctx, Transaction& tx) {
      return reopen_case(ctx, tx, reopen->id, reopen->text, reopen->call);
    });
  });

  auto link = std::make_shared<Options>();
  cmd = parent->add_subcommand("add-call", "Link a logged call to a case");
  id_option(cmd, *link);
  cmd->add_option("--call", link->call, "Call ID or unambiguous prefix")->required();
  cmd->add_flag("--reopen", link->reopen, "Reopen the case if it is closed");
  cmd->callback([&session, link] {
    act(session, [&](const Context& ctx, Transaction& tx) {
      return add_call_to_case(ctx, tx, link->id, link->call, link->reopen);
    });
  });
}

void setup_set(CLI::App* parent, Session& session) {
  struct Options {
    std::string id;
    CaseSettings settings;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = parent->add_subcommand("set", "Change a case's title, priority, department or tags");
  cmd->add_option("id", o->id, "Case ID or unambiguous prefix")->required();
  cmd->add_option("--title", o->settings.title, "New title");
  cmd->add_option("--priority", o->settings.priority, "low, normal, high or urgent")
      ->check(CLI::IsMember(case_priorities()));
  cmd->add_option("--department", o->settings.department, "Move it to this department (the handler stays)");
  add_repeated(cmd, "--add-tag", o->settings.add_tags, "Add a tag");
  add_repeated(cmd, "--remove-tag", o->settings.remove_tags, "Remove a tag");
  cmd->callback([&session, o] {
    const CaseSettings& in = o->settings;
    if (in.title.empty() && in.priority.empty() && in.department.empty() && in.add_tags.empty() &&
        in.remove_tags.empty()) {
      throw usage_error("nothing to change: give --title, --priority, --department, --add-tag or --remove-tag");
    }
    Context ctx = session.context();
    Transaction tx(ctx.store);
    CaseChange change = set_case(ctx, tx, o->id, in);
    session.commit(tx);
    session.message(change.events.empty() ? change.record.id + ": nothing changed"
                                          : change.record.id + ": " + joined(change.events) + told(change.notified));
  });
}

void setup_list(CLI::App* parent, Session& session) {
  struct Options {
    CaseFilter filter;
    std::string handler, contact, department, since;
    bool mine = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = parent->add_subcommand("list", "List cases: most urgent first, then oldest first");
  cmd->alias("ls");
  add_repeated(cmd, "--status", o->filter.statuses,
               "new, acknowledged, waiting, closed, open or all (repeatable; default: open)")
      ->check(CLI::IsMember({"new", "acknowledged", "waiting", "closed", "open", "all"}));
  cmd->add_option("--department", o->department, "Only cases in this department");
  auto* handler = cmd->add_option("--handler", o->handler, "Only cases handled by USER ('none': unassigned)");
  cmd->add_flag("--mine", o->mine, "Only cases you handle")->excludes(handler);
  cmd->add_option("--contact", o->contact, "Only cases for this contact");
  cmd->add_option("--priority", o->filter.priority, "Only cases of this priority")
      ->check(CLI::IsMember(case_priorities()));
  cmd->add_option("--opened-since", o->since, "Only cases opened at or after TIME (e.g. -7d, 2026-11-01)");
  cmd->callback([&session, o] {
    const Store& store = session.store();
    CaseFilter filter = o->filter;
    if (o->mine) {
      filter.handler = session.context().actor;
    } else if (!o->handler.empty()) {
      filter.handler = o->handler == "none" ? "none" : store.resolve(user_kind(), o->handler);
    }
    if (!o->department.empty()) {
      filter.department = store.resolve(department_kind(), o->department);
    }
    if (!o->contact.empty()) {
      filter.contact = store.resolve(contact_kind(), o->contact);
    }
    if (!o->since.empty()) {
      filter.opened_since = user_time(session, o->since);
    }
    auto rows = rows_of(list_cases(store, filter), k_list_fields);
    add_contact_names(store, rows);
    print_rows(session, rows, k_list_fields, k_list_columns);
  });
}

// The case's calls as a details section (and as a list for JSON/YAML).
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

// The case's service-level clocks at `now` (see case_timers.hpp).
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
  Timestamp now = session.now();
  const Config& config = session.store().config();
  for (const auto& t : case_timers(c.data, config, now)) {
    Value row = Value::map();
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
    s.rows.push_back(row);

    Value full = Value::map();
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
    listed.push_back(full);
  }
  return s;
}

void setup_show(CLI::App* parent, Session& session) {
  auto id = std::make_shared<std::string>();
  auto* cmd = parent->add_subcommand("show", "Show a case: its fields, calls and full history");
  cmd->add_option("id", *id, "Case ID or unambiguous prefix")->required();
  cmd->callback([&session, id] {
    const Store& store = session.store();
    Record c = store.find(case_kind(), *id);
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
    print_details(session, object, sections, k_time_fields);
  });
}

}  // namespace

void setup_case(CLI::App& app, Session& session) {
  auto* cmd = app.add_subcommand("case", "Cases: requests routed to a department, handled and closed");
  cmd->require_subcommand(1);
  setup_open(cmd, session);
  setup_actions(cmd, session);
  setup_set(cmd, session);
  setup_list(cmd, session);
  setup_show(cmd, session);
}

}  // namespace crm::cli
