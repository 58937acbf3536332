#pragma once

#include "periods.hpp"
#include "report_view.hpp"

#include <string>

namespace crm::cli {

// What `crm report service` was asked for (also what the notice board asks).
struct ServiceReportRequest {
  PeriodOptions period;    // default: the rolling week up to now
  std::string by;          // "user" (the handler), "department" or ""
  std::string department;  // an ID or prefix, or ""
};

// The service KPIs over cases as a printable Report: sections "groups"
// (one row per handler or department, then "(all)"; the CSV), "weeks"
// (the per-week trend) and "changes" (against the previous period).
Report build_service_report(Session& session, const ServiceReportRequest& request);

}  // namespace crm::cli
