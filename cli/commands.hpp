#pragma once

#include "session.hpp"

#include <CLI/CLI.hpp>

namespace crm::cli {

// Each command family registers its subcommands on the top-level app.
void setup_init(CLI::App& app, Session& session);
void setup_check(CLI::App& app, Session& session);
void setup_contact(CLI::App& app, Session& session);
void setup_call(CLI::App& app, Session& session);
void setup_influencer(CLI::App& app, Session& session);
void setup_user(CLI::App& app, Session& session);
void setup_department(CLI::App& app, Session& session);
void setup_case(CLI::App& app, Session& session);
void setup_feedback(CLI::App& app, Session& session);
void setup_inbox(CLI::App& app, Session& session);
void setup_mission(CLI::App& app, Session& session);
void setup_deal(CLI::App& app, Session& session);
void setup_escalate(CLI::App& app, Session& session);
void setup_recognition(CLI::App& app, Session& session);  // points, badges, level, coins
void setup_reward(CLI::App& app, Session& session);
void setup_report(CLI::App& app, Session& session);
void setup_export(CLI::App& app, Session& session);
void setup_import(CLI::App& app, Session& session);  // import contacts
void setup_edit(CLI::App& app, Session& session);  // crm edit ID: a record in $EDITOR
void setup_log(CLI::App& app, Session& session);   // crm log / activity
void setup_history(CLI::App& app, Session& session);  // crm history ID: a record's git history
void setup_git(CLI::App& app, Session& session);   // crm merge-file, crm git setup
void setup_sync(CLI::App& app, Session& session);  // crm sync
void setup_cache(CLI::App& app, Session& session);  // crm cache status|rebuild|clear
// `help`: looks the other commands up, so it is registered last.
void setup_help(CLI::App& app, Session& session);
// `report leaderboard` and `report kpi`, added by setup_report.
void add_score_reports(CLI::App* report, Session& session);
// `report feedback`, added by setup_report.
void add_feedback_report(CLI::App* report, Session& session);
// `report board`: several reports on one page, added by setup_report.
void add_board_report(CLI::App* report, Session& session);
// `report service` (report_service.cpp) and `report activity` (report_activity.cpp), added by setup_report.
void add_service_report(CLI::App* report, Session& session);
void add_activity_report(CLI::App* report, Session& session);
// `report pipeline` and `report sales`, added by setup_report.
void add_sales_reports(CLI::App* report, Session& session);
// `feedback import`, added by setup_feedback.
void add_feedback_import(CLI::App* feedback, Session& session);

}  // namespace crm::cli
