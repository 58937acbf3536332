// crm report leaderboard|kpi: recognition and targets for the notice board
#include "kpi.hpp"
#include "leaderboard.hpp"

#include "commands.hpp"
#include "error.hpp"
#include "output.hpp"
#include "periods.hpp"
#include "report_scores.hpp"
#include "charts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

namespace crm::cli {
namespace {

std::string decimal(double d) { return fmt::format("{:.2f}", d); }

Value number_text(double d) { return Value::number_text(decimal(d)); }

std::string department_option(Session& session, const std::string& department) {
  return department.empty() ? "" : session.store().resolve(department_kind(), department);
}

const std::vector<std::string> k_leaderboard_fields = {"rank",   "user",     "name",   "department",
                                                       "points", "level",    "standing", "average"};

void setup_leaderboard(CLI::App* report, Session& session) {
  auto o = std::make_shared<LeaderboardOptions>();
  auto* cmd = report->add_subcommand("leaderboard", "Users ranked by points, above or below the average");
  add_period_options(cmd, o->period, rolling_period_help("week"));
  cmd->add_option("--department", o->department, "Only this department's users");
  cmd->callback([&session, o] {
    Report r = leaderboard_report(session, *o);
    if (session.format() == Format::Html) {
      print_report(session, r);
      return;
    }
    // The shape this report had before reports had sections: a bare list.
    const ReportSection& ranks = r.sections.front();
    std::vector<Column> columns = ranks.columns;
    std::vector<Value> rows = ranks.rows;
    if (session.format() == Format::Table && session.charts()) {
      double most = rows.empty() ? 0 : std::strtod(rows.front().get("points").c_str(), nullptr);
      for (auto& row : rows) {
        row.set("bar", text_bar(std::strtod(row.get("points").c_str(), nullptr), most));
      }
      columns.push_back({"bar", ""});
    }
    print_rows(session, rows, k_leaderboard_fields, columns);
    if (session.format() == Format::Table && !rows.empty()) {
      session.out() << "\naverage: " << r.facts.get("average") << " points over " << rows.size() << " users ("
                    << r.facts.get("period") << ")\n";
    }
  });
}

void setup_kpi(CLI::App* report, Session& session) {
  struct Options {
    PeriodOptions period;
    std::string department, calendar;
    double calls_per_day = 0;
    long long contact_updates = 0;
    bool exit_code = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = report->add_subcommand(
      "kpi", "Who meets the targets: calls logged per working day, contacts cleaned up");
  add_period_options(cmd, o->period,
                     "week or month (the 7 or 30 whole days before today) or all (since the first action); "
                     "default week");
  auto* calls = cmd->add_option("--calls-per-day", o->calls_per_day, "Calls each user must log per working day");
  auto* updates = cmd->add_option("--contact-updates", o->contact_updates,
                                  "Contacts each user must clean up (edit) in the period");
  cmd->add_option("--department", o->department, "Only this department's users");
  cmd->add_option("--calendar", o->calendar, "Calendar whose working days count (default recognition.calendar, else Mon-Fri)");
  cmd->add_flag("--exit-code", o->exit_code, "Exit 1 when anyone falls short");
  cmd->callback([&session, o, calls, updates] {
    KpiTargets targets;
    if (calls->count() > 0) {
      targets.calls_per_day = o->calls_per_day;
    }
    if (updates->count() > 0) {
      targets.contact_updates = o->contact_updates;
    }
    if (o->calls_per_day < 0 || o->contact_updates < 0) {
      throw usage_error("targets cannot be negative");
    }
    if (!targets.calls_per_day && !targets.contact_updates) {
      throw usage_error("give a target: --calls-per-day N and/or --contact-updates N");
    }
    const Store& store = session.store();
    std::string department = department_option(session, o->department);
    BusinessCalendar calendar = kpi_calendar(store.config(), o->calendar);
    Scoreboard board = build_scoreboard(store, session.now());
    Period period = chosen_period(session, o->period, "week", [&](const std::string& name) {
      return kpi_period(name, board.now, store.config().zone, board.actions);
    });
    std::vector<std::string> users;
    std::map<std::string, std::string> names;
    for (const Record& u : store.load_all(user_kind())) {
      if (department.empty() || u.get("department") == department) {
        users.push_back(u.id);
        names[u.id] = u.get("name");
      }
    }
    std::vector<Value> rows;
    bool anyone_short = false;
    for (const auto& r : kpi_report(board.actions, users, calendar, period, targets)) {
      Value row = Value::map();
      row.set("user", r.user);
      row.set("name", names[r.user]);
      row.set("since", period_bound(period.since));
      row.set("until", period_bound(period.until));
      row.set("working_days", Value::number(r.working_days));
      row.set("calls", Value::number(r.calls));
      row.set("calls_per_day", number_text(r.calls_per_day));
      row.set("calls_target", targets.calls_per_day ? number_text(*targets.calls_per_day) : Value());
      row.set("short_days", targets.calls_per_day ? Value::number(r.short_days) : Value());
      row.set("contact_updates", Value::number(r.contact_updates));
      row.set("contact_updates_target",
              targets.contact_updates ? Value::number(*targets.contact_updates) : Value());
      row.set("meets", Value::boolean(r.meets()));
      row.set("missed", make_string_list(r.missed));
      if (session.format() == Format::Table) {
        row.set("verdict", r.meets() ? "yes" : "NO");
      }
      anyone_short = anyone_short || !r.meets();
      rows.push_back(row);
    }
    std::vector<Column> columns = {{"user", "USER"}, {"working_days", "DAYS"}};
    if (targets.calls_per_day) {
      columns.insert(columns.end(), {{"calls", "CALLS"}, {"calls_per_day", "PER DAY"}, {"short_days", "SHORT DAYS"}});
    }
    if (targets.contact_updates) {
      columns.push_back({"contact_updates", "CLEANED"});
    }
    columns.insert(columns.end(), {{"verdict", "MEETS"}, {"missed", "MISSED"}});
    print_rows(session, rows,
               {"user", "name", "since", "until", "working_days", "calls", "calls_per_day", "calls_target",
                "short_days", "contact_updates", "contact_updates_target", "meets", "missed"},
               columns);
    if (o->exit_code && anyone_short) {
      session.exit_status = k_exit_found;
    }
  });
}

}  // namespace

Report leaderboard_report(Session& session, const LeaderboardOptions& o) {
  const Store& store = session.store();
  std::string department = department_option(session, o.department);
  Scoreboard board = build_scoreboard(store, session.now());
  Period period =
      chosen_period(session, o.period, "week", [&](const std::string& name) { return named_period(name, board.now); });
  Leaderboard lb = leaderboard(store, board, period, department);
  Report r;
  r.name = "leaderboard";
  r.title = "Leaderboard";
  add_period_facts(r, period);
  r.facts.set("average", number_text(lb.average));
  ReportSection ranks{"users", "Points this period", {}, k_leaderboard_fields, {}, "points", "name", {}, "no users"};
  ReportSection standing{"standing", "Above and below the average", {}, {}, {}, "", "", {}, "no users"};
  for (const auto& u : lb.rows) {
    Value row = Value::map();
    row.set("rank", Value::number(u.rank));
    row.set("user", u.user);
    row.set("name", u.name);
    row.set("department", u.department);
    row.set("points", Value::number(u.points));
    row.set("level", Value::number(u.level.level));
    row.set("standing", u.standing);
    row.set("average", number_text(lb.average));
    ranks.rows.push_back(row);
    Value against = Value::map();
    against.set("user", u.user);
    against.set("name", u.name);
    against.set("points", Value::number(u.points));
    against.set("versus_average", number_text(static_cast<double>(u.points) - lb.average));
    against.set("standing", u.standing);
    standing.rows.push_back(against);
  }
  ranks.columns = {{"rank", "#"},       {"user", "USER"},   {"name", "NAME"},
                   {"points", "POINTS"}, {"level", "LEVEL"}, {"standing", "VS AVERAGE"}};
  standing.fields = {"user", "name", "points", "versus_average", "standing"};
  standing.columns = {{"name", "NAME"}, {"points", "POINTS"}, {"versus_average", "AGAINST AVERAGE"},
                      {"standing", "STANDING"}};
  r.sections = {ranks, standing};
  return r;
}

void add_score_reports(CLI::App* report, Session& session) {
  setup_leaderboard(report, session);
  setup_kpi(report, session);
}

}  // namespace crm::cli
