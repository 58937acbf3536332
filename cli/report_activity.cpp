// crm report activity: calls per user per working day, calls against other work, and the KPI targets
#include "report_activity.hpp"

#include "activity_report.hpp"

#include "commands.hpp"
#include "error.hpp"

#include <memory>

namespace crm::cli {
namespace {

Value row_of(const ActivityRow& r, bool user_row, const KpiTargets& targets) {
  Value row = Value::map();
  row.set("group", r.group);
  row.set("users", Value::number(r.users));
  row.set("working_days", Value::number(r.working_days));
  row.set("calls", Value::number(r.calls));
  row.set("calls_per_day", decimal_value(r.calls_per_day));
  row.set("other_work", Value::number(r.other_work));
  row.set("calls_to_other", r.calls_to_other ? decimal_value(*r.calls_to_other) : Value());
  row.set("calls_by_day", make_number_list(r.calls_by_day));
  row.set("short_days", targets.calls_per_day ? Value::number(r.short_days) : Value());
  row.set("contact_updates", Value::number(r.contact_updates));
  row.set("meeting", targets.calls_per_day || targets.contact_updates ? Value::number(r.meeting) : Value());
  row.set("missed", user_row ? make_string_list(r.missed) : Value());
  return row;
}

ReportSection rows_section(const ActivityReport& a, bool by_department, const KpiTargets& targets) {
  ReportSection s;
  s.key = "rows";
  s.title = by_department ? "Activity by department" : "Activity by user";
  for (const auto& r : a.rows) {
    s.rows.push_back(row_of(r, !by_department, targets));
  }
  s.rows.push_back(row_of(a.overall, false, targets));
  s.fields = {"group",        "users",        "working_days",    "calls",   "calls_per_day", "other_work",
              "calls_to_other", "calls_by_day", "short_days", "contact_updates", "meeting", "missed"};
  s.columns = {{"group", by_department ? "DEPARTMENT" : "USER"},
               {"calls", "CALLS"},
               {"calls_per_day", "PER DAY"},
               {"other_work", "OTHER WORK"},
               {"calls_to_other", "CALLS/OTHER"},
               {"short_days", "SHORT DAYS"},
               {"contact_updates", "CONTACT UPDATES"},
               {"meeting", "MEETING"},
               {"missed", "MISSED"},
               {"calls_by_day", "CALLS PER DAY"}};
  s.bar = "calls";
  s.bar_label = "group";
  s.sparklines = {"calls_by_day"};
  s.empty_text = "no users";
  return s;
}

ReportSection days_section(const ActivityReport& a) {
  ReportSection s;
  s.key = "days";
  s.title = "Calls per working day";
  for (std::size_t i = 0; i < a.days.size(); ++i) {
    Value row = Value::map();
    Value day(a.days[i]);
    day.set_plain(true);
    row.set("day", day);
    row.set("calls", Value::number(a.overall.calls_by_day[i]));
    s.rows.push_back(row);
  }
  s.fields = {"day", "calls"};
  s.columns = {{"day", "DAY"}, {"calls", "CALLS"}};
  s.bar = "calls";
  s.bar_label = "day";
  s.empty_text = "no working days";
  return s;
}

}  // namespace

Report build_activity_report(Session& session, const ActivityReportRequest& request) {
  KpiTargets targets{request.calls_per_day, request.contact_updates};
  if ((targets.calls_per_day && *targets.calls_per_day < 0) ||
      (targets.contact_updates && *targets.contact_updates < 0)) {
    throw usage_error("targets cannot be negative");
  }
  bool by_department = request.by == "department";
  if (!request.by.empty() && !by_department && request.by != "user") {
    throw usage_error("--by: cannot group activity by '" + request.by + "' (user or department)");
  }
  const Store& store = session.store();
  std::string department = request.department.empty() ? "" : store.resolve(department_kind(), request.department);
  BusinessCalendar calendar = kpi_calendar(store.config(), request.calendar);
  Scoreboard board = build_scoreboard(store, session.now());
  auto named = [&](const std::string& name) { return kpi_period(name, board.now, store.config().zone, board.actions); };
  Period period = chosen_period(session, request.period, "week", named);
  if (period.since == Timestamp::min()) {
    period.since = named("all").since;  // working days are counted from the first action, not the dawn of time
  }
  std::vector<ActivityUser> users;
  for (const Record& u : store.load_all(user_kind())) {
    if (department.empty() || u.get("department") == department) {
      users.push_back({u.id, u.get("department")});
    }
  }
  ActivityReport a = activity_report(board.actions, users, by_department, calendar, period, targets);

  Report report;
  report.name = "activity";
  report.title = "Activity: calls per working day and other work";
  add_period_facts(report, period);
  report.facts.set("calendar", calendar.name.empty() ? Value("weekdays") : Value(calendar.name));
  report.facts.set("working_days", Value::number(static_cast<long long>(a.days.size())));
  report.facts.set("department", department.empty() ? Value() : Value(department));
  report.facts.set("calls_per_day_target", targets.calls_per_day ? decimal_value(*targets.calls_per_day) : Value());
  report.facts.set("contact_updates_target",
                   targets.contact_updates ? Value::number(*targets.contact_updates) : Value());
  report.sections = {rows_section(a, by_department, targets), days_section(a)};
  return report;
}

void add_activity_report(CLI::App* report, Session& session) {
  struct Options {
    ActivityReportRequest request;
    double calls_per_day = 0;
    long long contact_updates = 0;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = report->add_subcommand(
      "activity", "Calls logged per user per working day, calls against other work, and the KPI targets");
  add_period_options(cmd, o->request.period,
                     "week or month (the 7 or 30 whole days before today) or all (since the first action); "
                     "default week");
  cmd->add_option("--by", o->request.by, "One row per user (default) or department")
      ->check(CLI::IsMember({"user", "department"}));
  cmd->add_option("--department", o->request.department, "Only this department's users");
  cmd->add_option("--calendar", o->request.calendar,
                  "Calendar whose working days count (default recognition.calendar, else Mon-Fri)");
  auto* calls = cmd->add_option("--calls-per-day", o->calls_per_day, "Calls each user should log per working day");
  auto* updates =
      cmd->add_option("--contact-updates", o->contact_updates, "Contacts each user should clean up in the period");
  cmd->callback([&session, o, calls, updates] {
    ActivityReportRequest request = o->request;
    if (calls->count() > 0) {
      request.calls_per_day = o->calls_per_day;
    }
    if (updates->count() > 0) {
      request.contact_updates = o->contact_updates;
    }
    print_report(session, build_activity_report(session, request));
  });
}

}  // namespace crm::cli
