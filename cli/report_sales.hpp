#pragma once

#include "periods.hpp"
#include "report_view.hpp"

#include <string>

namespace crm::cli {

// `crm report pipeline`: open deals per currency and stage (count, value,
// weighted value), won and lost rows for reference, and per-currency totals.
struct PipelineOptions {
  std::string owner;  // user ID or prefix; "" for everyone
};
Report pipeline_report(Session& session, const PipelineOptions& options);

// `crm report sales`: revenue won, win rate, deal size, sales cycle, the
// up-/cross-sell share over time and customer lifetime value.
struct SalesOptions {
  PeriodOptions period;
  std::string by = "user";   // user or department
  std::string per = "month"; // rows of the up-/cross-sell share: month or week
  int top = 10;              // lifetime-value rows
};
Report sales_report(Session& session, const SalesOptions& options);

// An amount in cents for output: "1200.50" as a number (exact, no float).
Value money_value(long long cents);

}  // namespace crm::cli
