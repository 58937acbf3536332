#pragma once

#include "periods.hpp"
#include "report_view.hpp"

#include <optional>
#include <string>

namespace crm::cli {

// What `crm report activity` was asked for.
struct ActivityReportRequest {
  PeriodOptions period;    // default: the 7 whole days before today, like `report kpi`
  std::string by;          // "user" or "department"; default user
  std::string department;  // only this department's users
  std::string calendar;    // whose working days count (default recognition.calendar)
  std::optional<double> calls_per_day;       // KPI targets, when given
  std::optional<long long> contact_updates;
};

// Calls per working day, calls against other work and the KPI targets as a
// printable Report: sections "rows" (one per user or department; the CSV)
// and "days" (calls per working day).
Report build_activity_report(Session& session, const ActivityReportRequest& request);

}  // namespace crm::cli
