// crm report overdue|due-soon (the other reports: report_*.cpp)
#include "escalation.hpp"

#include "commands.hpp"
#include "error.hpp"
#include "options.hpp"
#include "records_view.hpp"

#include <memory>

namespace crm::cli {
namespace {

const std::vector<std::string> k_fields = {"id",   "title",        "priority",  "department",        "handler",
                                           "target", "due",        "late",      "late_seconds",      "late_wall",
                                           "late_wall_seconds", "remaining", "level", "calendar"};

struct Filter {
  std::string department, handler, at;
  bool exit_code = false;
};

void add_filter_options(CLI::App* cmd, Filter& f) {
  cmd->add_option("--department", f.department, "Only cases in this department");
  cmd->add_option("--handler", f.handler, "Only cases handled by USER ('none': unassigned)");
  cmd->add_option("--at", f.at, "Report as of TIME instead of now");
}

Timestamp report_time(Session& session, const Filter& f) {
  return f.at.empty() ? session.now() : user_time(session, f.at);
}

std::vector<OverdueItem> filtered(Session& session, std::vector<OverdueItem> items, const Filter& f) {
  const Store& store = session.store();
  std::string department = f.department.empty() ? "" : store.resolve(department_kind(), f.department);
  std::string handler = f.handler.empty() || f.handler == "none" ? f.handler : store.resolve(user_kind(), f.handler);
  std::vector<OverdueItem> out;
  for (auto& item : items) {
    if ((!department.empty() && item.record.get("department") != department) ||
        (handler == "none" && !item.record.get("handler").empty()) ||
        (!handler.empty() && handler != "none" && item.record.get("handler") != handler)) {
      continue;
    }
    out.push_back(std::move(item));
  }
  return out;
}

Value row_of(const OverdueItem& item, Timestamp now) {
  const Record& c = item.record;
  const CaseTimer& t = item.timer;
  Value row = Value::map();
  for (const char* key : {"id", "title", "priority", "department", "handler"}) {
    // null, not "", for what the record lacks (feedback has no priority).
    row.set(key, c.get(key).empty() ? Value() : Value(c.get(key)));
  }
  row.set("target", t.target);
  Value due(t.due ? format_utc(*t.due) : "");
  due.set_plain(true);
  row.set("due", due);
  row.set("late", format_business_seconds(t.late_seconds));
  row.set("late_seconds", Value::number(t.late_seconds));
  row.set("late_wall", format_seconds(t.late_wall_seconds));
  row.set("late_wall_seconds", Value::number(t.late_wall_seconds));
  row.set("remaining", t.due && *t.due >= now ? format_seconds((*t.due - now).count()) : "");
  row.set("level", Value::number(item.level));
  row.set("calendar", t.calendar);
  return row;
}

// Prints nothing at all for an empty table, CSV or TSV, so cron stays quiet.
void print_report(Session& session, const std::vector<OverdueItem>& items, Timestamp now,
                  const std::vector<Column>& columns) {
  if (items.empty() && session.format() != Format::Json && session.format() != Format::Yaml) {
    return;
  }
  std::vector<Value> rows;
  for (const auto& item : items) {
    rows.push_back(row_of(item, now));
  }
  print_rows(session, rows, k_fields, columns);
}

}  // namespace

void setup_report(CLI::App& app, Session& session) {
  auto* cmd = app.add_subcommand("report", "Reports for people and cron jobs");
  cmd->require_subcommand(1);

  add_score_reports(cmd, session);
  add_feedback_report(cmd, session);
  add_sales_reports(cmd, session);
  add_service_report(cmd, session);
  add_activity_report(cmd, session);
  add_board_report(cmd, session);

  auto overdue = std::make_shared<Filter>();
  auto* o = cmd->add_subcommand("overdue", "Open cases and feedback past a service-level target, most late first (silent if none)");
  add_filter_options(o, *overdue);
  o->add_flag("--exit-code", overdue->exit_code, "Exit 1 when something is overdue");
  o->callback([&session, overdue] {
    Timestamp now = report_time(session, *overdue);
    auto items = filtered(session, overdue_cases(session.store(), now), *overdue);
    print_report(session, items, now,
                 {{"id", "ID"},
                  {"department", "DEPARTMENT"},
                  {"handler", "HANDLER"},
                  {"target", "TARGET"},
                  {"due", "DUE", true},
                  {"late", "LATE"},
                  {"late_wall", "WALL"},
                  {"level", "LEVEL"},
                  {"title", "TITLE"}});
    if (overdue->exit_code && !items.empty()) {
      session.exit_status = k_exit_found;
    }
  });

  struct DueSoon {
    Filter filter;
    std::string within = "4h";
  };
  auto soon = std::make_shared<DueSoon>();
  auto* d = cmd->add_subcommand("due-soon", "Open cases and feedback falling due soon, soonest first (silent if none)");
  add_filter_options(d, soon->filter);
  d->add_option("--within", soon->within, "How far ahead, in each case's business time (default 4h)");
  d->callback([&session, soon] {
    auto span = parse_duration(soon->within);
    if (!span) {
      throw usage_error("--within: cannot read '" + soon->within + "' (try 4h, 1d or 30m)");
    }
    Timestamp now = report_time(session, soon->filter);
    auto items = filtered(session, cases_due_soon(session.store(), now, *span), soon->filter);
    print_report(session, items, now,
                 {{"id", "ID"},
                  {"department", "DEPARTMENT"},
                  {"handler", "HANDLER"},
                  {"target", "TARGET"},
                  {"due", "DUE", true},
                  {"remaining", "LEFT"},
                  {"title", "TITLE"}});
  });
}

}  // namespace crm::cli
