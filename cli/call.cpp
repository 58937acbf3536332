// crm log-call, crm call list|show
#include "calls.hpp"
#include "cases.hpp"

#include "commands.hpp"
#include "contacts.hpp"
#include "error.hpp"
#include "options.hpp"
#include "records_view.hpp"

#include <memory>
#include <optional>

namespace crm::cli {
namespace {

const std::vector<std::string> k_list_fields = {"id",       "at", "contact", "contact_name", "direction",
                                                "channel",  "duration", "by", "summary"};
const std::vector<Column> k_list_columns = {{"id", "ID"},          {"at", "WHEN", true}, {"contact_name", "CONTACT"},
                                            {"direction", "DIR"},  {"channel", "CHANNEL"}, {"duration", "LENGTH"},
                                            {"by", "BY"},          {"summary", "SUMMARY"}};

std::vector<Value> call_rows(const Store& store, const std::vector<Record>& calls) {
  std::vector<Value> rows = rows_of(calls, k_list_fields);
  add_contact_names(store, rows);
  return rows;
}

void setup_log_call(CLI::App& app, Session& session) {
  struct Options {
    CallInput in;
    std::string at;
    bool open_case = false;
    CaseInput new_case;
    std::string existing_case;
    std::string feedback;
    bool reopen = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("log-call", "Record a call (or email, chat, visit...) and print its new ID");
  auto* contact = cmd->add_option("--contact", o->in.contact, "Who called: contact ID or unambiguous prefix");
  auto* fresh = cmd->add_option("--new-contact", o->in.new_contact, "Create a contact with this name for the call");
  contact->excludes(fresh);
  cmd->add_option("--new-contact-kind", o->in.new_contact_kind, "With --new-contact: its kind (citizen, customer...)");
  cmd->add_option("--new-contact-phone", o->in.new_contact_phone, "With --new-contact: its phone number");
  auto* summary = cmd->add_option("--summary", o->in.summary, "What it was about ('-' or omitted: read stdin if piped)");
  cmd->add_option("--direction", o->in.direction, "in (they called) or out (we called)")
      ->check(CLI::IsMember({"in", "out"}));
  cmd->add_option("--channel", o->in.channel, "phone, email, chat, social, visit... (see crm.yaml)");
  cmd->add_option("--at", o->at, "When it happened (default: now), e.g. '2026-11-23 09:30' or -2h");
  cmd->add_option("--duration", o->in.duration, "How long, e.g. 15m or 1h30m");
  cmd->add_option("--by", o->in.by, "Who took the call (default: the acting user)");
  auto* open = cmd->add_flag("--open-case", o->open_case, "Also open a case from this call (prints its ID second)");
  cmd->add_option("--title", o->new_case.title, "With --open-case: the case title (default: the summary)")
      ->needs(open);
  cmd->add_option("--department", o->new_case.department, "With --open-case: route to this department")->needs(open);
  cmd->add_option("--handler", o->new_case.handler, "With --open-case: the case's handler")->needs(open);
  cmd->add_option("--priority", o->new_case.priority, "With --open-case: low, normal, high or urgent")
      ->needs(open)
      ->check(CLI::IsMember(case_priorities()));
  auto* existing = cmd->add_option("--case", o->existing_case, "Link the call to this existing case")->excludes(open);
  cmd->add_option("--feedback", o->feedback, "Link the call to this feedback (a reply to an influencer, say)")
      ->excludes(open)
      ->excludes(existing);
  cmd->add_flag("--reopen", o->reopen, "With --case or --feedback: reopen it if it is closed");
  cmd->callback([&session, o, summary] {
    CallInput in = o->in;
    in.summary = text_or_stdin(summary, in.summary);
    if (!o->at.empty()) {
      in.at = user_time(session, o->at);
    }
    Context ctx = session.context();
    Transaction tx(ctx.store);
    LoggedCall logged = log_call(ctx, tx, in);
    std::optional<OpenedCase> opened;
    std::optional<CaseChange> linked;
    if (o->open_case) {
      CaseInput c = o->new_case;
      c.contact = logged.contact_id;
      c.from_call = logged.call_id;
      opened = open_case(ctx, tx, c);
    } else if (!o->existing_case.empty()) {
      linked = add_call_to_case(ctx, tx, o->existing_case, logged.call_id, o->reopen);
    } else if (!o->feedback.empty()) {
      linked = add_call_to_case(ctx, tx, o->feedback, logged.call_id, o->reopen, feedback_kind());
    } else if (o->reopen) {
      throw usage_error("--reopen goes with --case or --feedback");
    }
    session.commit(tx);
    if (logged.contact_created) {
      session.message("Created contact " + logged.contact_id + " (" + in.new_contact + ")");
    }
    session.out() << logged.call_id << '\n';
    if (opened) {
      session.message("Opened " + opened->id + " in " + opened->department + " (" + opened->route_reason + ")");
      session.out() << opened->id << '\n';
    }
    if (linked) {
      const Record& c = linked->record;
      session.message("Linked to " + c.id + " (now " + c.get("status") + ")");
      if (c.get("status") == "closed") {
        session.warning(c.id + " is closed; add --reopen to reopen it with the call");
      }
    }
  });
}

void setup_list(CLI::App* parent, Session& session) {
  struct Options {
    std::string by, contact, since, until;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = parent->add_subcommand("list", "List calls, newest first");
  cmd->alias("ls");
  cmd->add_option("--by", o->by, "Only calls taken by USER");
  cmd->add_option("--contact", o->contact, "Only calls with this contact");
  cmd->add_option("--since", o->since, "Only calls at or after TIME (e.g. 2026-11-01, -7d, today)");
  cmd->add_option("--until", o->until, "Only calls before TIME");
  cmd->callback([&session, o] {
    const Store& store = session.store();
    CallFilter filter;
    if (!o->by.empty()) {
      filter.by = store.resolve(user_kind(), o->by);
    }
    if (!o->contact.empty()) {
      filter.contact = store.resolve(contact_kind(), o->contact);
    }
    if (!o->since.empty()) {
      filter.since = user_time(session, o->since);
    }
    if (!o->until.empty()) {
      filter.until = user_time(session, o->until);
    }
    print_rows(session, call_rows(store, list_calls(store, filter)), k_list_fields, k_list_columns);
  });
}

void setup_show(CLI::App* parent, Session& session) {
  auto id = std::make_shared<std::string>();
  auto* cmd = parent->add_subcommand("show", "Show a call");
  cmd->add_option("id", *id, "Call ID or unambiguous prefix")->required();
  cmd->callback([&session, id] {
    const Store& store = session.store();
    Record call = store.find(call_kind(), *id);
    Value object = details_of(call);
    Value with_name = Value::map();
    for (const auto& [key, v] : object.fields()) {
      with_name.set(key, v);
      if (key == "contact") {
        with_name.set("contact_name", call_rows(store, {call}).front().get("contact_name"));
      }
    }
    print_details(session, with_name, {history_section(call)}, {"at", "created", "updated"});
  });
}

}  // namespace

void setup_call(CLI::App& app, Session& session) {
  setup_log_call(app, session);
  auto* cmd = app.add_subcommand("call", "Calls, emails, chats and visits logged with contacts");
  cmd->require_subcommand(1);
  setup_list(cmd, session);
  setup_show(cmd, session);
}

}  // namespace crm::cli
