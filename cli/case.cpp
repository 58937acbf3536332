// crm case open|ack|forward|update|wait|resume|close|reopen|add-call|set|show|list
#include "cases.hpp"

#include "case_timers.hpp"

#include "commands.hpp"
#include "error.hpp"
#include "options.hpp"
#include "records_view.hpp"
#include "workflow.hpp"

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
    WorkFilterOptions common;
    std::string priority;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = parent->add_subcommand("list", "List cases: most urgent first, then oldest first");
  cmd->alias("ls");
  add_work_filter_options(cmd, o->common, "cases");
  cmd->add_option("--priority", o->priority, "Only cases of this priority")->check(CLI::IsMember(case_priorities()));
  cmd->callback([&session, o] {
    const Store& store = session.store();
    CaseFilter filter;
    static_cast<WorkFilter&>(filter) = work_filter(session, o->common);
    filter.priority = o->priority;
    auto rows = rows_of(list_cases(store, filter), k_list_fields);
    add_contact_names(store, rows);
    print_rows(session, rows, k_list_fields, k_list_columns);
  });
}

void setup_show(CLI::App* parent, Session& session) {
  auto id = std::make_shared<std::string>();
  auto* cmd = parent->add_subcommand("show", "Show a case: its fields, calls, service levels and full history");
  cmd->add_option("id", *id, "Case ID or unambiguous prefix")->required();
  cmd->callback([&session, id] { print_work_item(session, session.store().find(case_kind(), *id)); });
}

}  // namespace

void setup_case(CLI::App& app, Session& session) {
  auto* cmd = app.add_subcommand("case", "Cases: requests routed to a department, handled and closed");
  cmd->require_subcommand(1);
  setup_open(cmd, session);
  add_workflow_actions(cmd, session, case_kind());
  setup_set(cmd, session);
  setup_list(cmd, session);
  setup_show(cmd, session);
}

}  // namespace crm::cli
