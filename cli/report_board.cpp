// crm report board: the lunch-room notice board, several KPI reports on one page
#include "commands.hpp"
#include "periods.hpp"
#include "report_sales.hpp"
#include "report_scores.hpp"
#include "report_service.hpp"
#include "report_view.hpp"

#include <memory>

namespace crm::cli {

void add_board_report(CLI::App* report, Session& session) {
  struct Options {
    PeriodOptions period;
    std::string department;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = report->add_subcommand(
      "board", "The notice board: leaderboard, above/below average, service and sales KPIs on one page "
               "(best as --format html)");
  add_period_options(cmd, o->period, rolling_period_help("week"));
  cmd->add_option("--department", o->department, "Only this department's users and work");
  cmd->callback([&session, o] {
    std::vector<Report> reports;
    reports.push_back(leaderboard_report(session, {o->period, o->department}));
    reports.push_back(build_service_report(session, {o->period, "department", o->department}));
    SalesOptions sales;
    sales.period = o->period;
    sales.by = o->department.empty() ? "department" : "user";
    reports.push_back(sales_report(session, sales));
    reports.push_back(pipeline_report(session, {}));
    print_board(session, "Notice board", reports);
  });
}

}  // namespace crm::cli
