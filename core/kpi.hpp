#pragma once

#include "scoring.hpp"

#include <optional>
#include <string>
#include <vector>

namespace crm {

// "If it's not in the CRM it did not happen": targets each user must meet
// over a period, counted from the records' histories.
struct KpiTargets {
  std::optional<double> calls_per_day;         // calls logged per working day
  std::optional<long long> contact_updates;    // distinct contacts cleaned up (edited)
};

struct KpiResult {
  std::string user;
  long long calls = 0;          // calls the user logged in the period
  long long working_days = 0;   // working days wholly inside the period
  double calls_per_day = 0;     // calls / working days (0 without working days)
  long long short_days = 0;     // working days with fewer calls than the daily target
  std::vector<long long> calls_by_day;  // calls logged on each working day, in order
  long long contact_updates = 0;
  std::vector<std::string> missed;  // "calls-per-day", "contact-updates"
  bool meets() const { return missed.empty(); }
};

// The calendar whose working days count: `name` when given, else
// recognition.calendar, else Monday to Friday in the CRM's zone.
BusinessCalendar kpi_calendar(const Config& config, const std::string& name);

// Whole days for KPIs: "week" and "month" are the 7 and 30 days before
// today (today is not over yet), "all" starts at the first action.
Period kpi_period(const std::string& name, Timestamp now, TimeZone zone, const std::vector<Action>& actions);

// One result per user in `users`, in that order. The calls target is met
// when calls >= target x working days.
std::vector<KpiResult> kpi_report(const std::vector<Action>& actions, const std::vector<std::string>& users,
                                  const BusinessCalendar& calendar, const Period& period, const KpiTargets& targets);

}  // namespace crm
