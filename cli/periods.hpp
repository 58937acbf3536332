#pragma once

#include "error.hpp"
#include "scoring.hpp"
#include "session.hpp"

#include <CLI/CLI.hpp>

#include <string>

namespace crm::cli {

// --period week|month|all, or --since T [--until T].
struct PeriodOptions {
  std::string period;
  std::string since;
  std::string until;
};

// `help` describes --period for this command.
void add_period_options(CLI::App* cmd, PeriodOptions& o, const std::string& help);
// The usual --period help: rolling windows ending now.
inline std::string rolling_period_help(const std::string& default_name) {
  return "week or month (the rolling 7 or 30 days up to now) or all; default " + default_name;
}

// The window the options name: --since/--until when given (until defaults
// to now), else the named period computed by `named` (default `fallback`).
template <typename Named>
Period chosen_period(Session& session, const PeriodOptions& o, const std::string& fallback, Named named) {
  if (!o.since.empty() || !o.until.empty()) {
    if (!o.period.empty()) {
      throw usage_error("give either --period or --since/--until, not both");
    }
    Period p{"custom", Timestamp::min(), session.now(), true};
    if (!o.since.empty()) {
      p.since = user_time(session, o.since);
    }
    if (!o.until.empty()) {
      p.until = user_time(session, o.until);
      p.through = false;
    }
    if (p.until <= p.since) {
      throw usage_error("--until must be later than --since");
    }
    return p;
  }
  return named(o.period.empty() ? fallback : o.period);
}

// A period's bounds for output: "" for an open start.
Value period_bound(Timestamp t);

}  // namespace crm::cli
