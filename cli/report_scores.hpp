#pragma once

#include "periods.hpp"
#include "report_view.hpp"

#include <string>

namespace crm::cli {

struct LeaderboardOptions {
  PeriodOptions period;
  std::string department;
};

// The leaderboard (most points first, with a bar) and each user against
// the average: `crm report leaderboard` and the notice board's first part.
Report leaderboard_report(Session& session, const LeaderboardOptions& options);

}  // namespace crm::cli
