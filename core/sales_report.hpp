#pragma once

#include "record.hpp"
#include "scoring.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace crm {

struct SalesReportOptions {
  Period period;  // deals won or lost in it count; lifetime value counts every win up to its end
  // Owner -> the group a seller row is for (a department); empty: by owner.
  std::map<std::string, std::string> group_of;
  bool weekly = false;       // mix rows per ISO week instead of per month
  TimeZone zone = nullptr;   // for weeks and months
  std::size_t top = 0;       // lifetime-value rows kept (0: all)
};

// One salesperson's (or department's) deals closed in the period, in one currency.
struct SellerRow {
  std::string group;  // owner or department; "(none)" without one
  std::string currency;
  long long won = 0, lost = 0;
  long long revenue = 0;  // cents won
  long long average = 0;  // revenue / won, rounded half up (0 when none won)
  std::optional<long long> median_cycle_seconds;  // created -> won, over the won ones
};

// Revenue won in one month or week, in one currency, and how much of it came
// from existing customers (upsell, cross-sell).
struct MixRow {
  std::string bucket;  // "2026-11" or "2026-W47"
  std::string currency;
  long long won = 0, revenue = 0, upsell = 0, cross_sell = 0;
};

// The won deals of one contact or organisation, in one currency.
struct ClvRow {
  std::string who;  // contact ID or organisation
  std::string currency;
  long long deals = 0, cents = 0;
};

struct SalesReport {
  std::vector<SellerRow> sellers;  // most revenue first, then group, then currency
  std::vector<MixRow> mix;         // oldest bucket first, then currency
  std::vector<ClvRow> contacts;    // most value first, then ID; `top` kept
  std::vector<ClvRow> orgs;        // the same per organisation (deals without one left out)
};

// Win/loss, revenue, deal size, sales cycle, the up-/cross-sell share over
// time and lifetime value, from `deals` (deal records). Amounts in cents,
// never added across currencies.
SalesReport sales_report(const std::vector<Record>& deals, const SalesReportOptions& options);

}  // namespace crm
