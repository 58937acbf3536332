#include "periods.hpp"

namespace crm::cli {

void add_period_options(CLI::App* cmd, PeriodOptions& o, const std::string& help) {
  cmd->add_option("--period", o.period, help)
      ->check(CLI::IsMember({"week", "month", "all"}));
  cmd->add_option("--since", o.since, "Start of a custom period (e.g. 2026-11-01, -14d)");
  cmd->add_option("--until", o.until, "End of a custom period, exclusive (default now)");
}

Value period_bound(Timestamp t) {
  Value v(t == Timestamp::min() ? "" : format_utc(t));
  v.set_plain(true);
  return v;
}

}  // namespace crm::cli
