#pragma once

#include "scoring.hpp"

#include <string>
#include <vector>

namespace crm {

struct LeaderboardRow {
  int rank = 0;              // equal points share a rank (1, 1, 3)
  std::string user;
  std::string name;
  std::string department;
  long long points = 0;      // in the period
  LevelProgress level;       // from all points up to now
  std::string standing;      // "above", "average" or "below" the average
};

struct Leaderboard {
  Period period;
  double average = 0;  // points per listed user
  std::vector<LeaderboardRow> rows;  // most points first, then by user ID
};

// Ranks the users (of `department` when given) by the points they earned in
// `period`. Users whose `leaderboard` is hidden are left out, and do not
// count towards the average.
Leaderboard leaderboard(const Store& store, const Scoreboard& board, const Period& period,
                        const std::string& department);

}  // namespace crm
