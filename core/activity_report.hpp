#pragma once

#include "kpi.hpp"

#include <optional>
#include <string>
#include <vector>

namespace crm {

// A user counted by `crm report activity`, and the department grouping them.
struct ActivityUser {
  std::string id;
  std::string department;  // "" for none
};

// Calls and other work of one user or department over a period.
struct ActivityRow {
  std::string group;             // a user, a department ("(none)" for users without one), or "(all)"
  long long users = 0;           // users counted in the row
  long long working_days = 0;    // working days wholly inside the period
  long long calls = 0;           // calls logged
  long long other_work = 0;      // every other recognised action taken (see collect_actions)
  double calls_per_day = 0;      // calls per user per working day (0 without working days)
  std::optional<double> calls_to_other;  // calls / other_work; none without other work
  std::vector<long long> calls_by_day;   // one per ActivityReport::days, summed over the users
  long long short_days = 0;      // user-days under the daily calls target
  long long contact_updates = 0; // distinct contacts edited, summed over the users
  long long meeting = 0;         // users meeting every target given
  std::vector<std::string> missed;  // a user's missed targets ("calls-per-day", "contact-updates")
};

struct ActivityReport {
  std::vector<std::string> days;  // the working days, "2026-11-16", oldest first
  std::vector<ActivityRow> rows;  // one per user (in `users` order) or department (by name, "(none)" last)
  ActivityRow overall;
};

// Calls per user per working day of `calendar`, calls against other work,
// and the KPI targets (kpi_report's counts, whose days and targets these are).
ActivityReport activity_report(const std::vector<Action>& actions, const std::vector<ActivityUser>& users,
                               bool by_department, const BusinessCalendar& calendar, const Period& period,
                               const KpiTargets& targets);

}  // namespace crm
