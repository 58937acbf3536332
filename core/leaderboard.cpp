#include "leaderboard.hpp"

#include "schema.hpp"

#include <algorithm>

namespace crm {

Leaderboard leaderboard(const Store& store, const Scoreboard& board, const Period& period,
                        const std::string& department) {
  Leaderboard out;
  out.period = period;
  const RecognitionRules& rules = store.config().recognition;
  for (const Record& user : store.load_all(user_kind())) {
    if (user.get("leaderboard") == "hidden" || (!department.empty() && user.get("department") != department)) {
      continue;
    }
    const UserScore& score = board.of(user.id);
    LeaderboardRow row;
    row.user = user.id;
    row.name = user.get("name");
    row.department = user.get("department");
    row.points = score.total_in(period);
    row.level = level_progress(score.total(), rules.levels);
    out.rows.push_back(row);
  }
  std::stable_sort(out.rows.begin(), out.rows.end(),
                   [](const LeaderboardRow& a, const LeaderboardRow& b) { return a.points > b.points; });
  long long sum = 0;
  for (std::size_t i = 0; i < out.rows.size(); ++i) {
    auto& row = out.rows[i];
    row.rank = i > 0 && row.points == out.rows[i - 1].points ? out.rows[i - 1].rank : static_cast<int>(i) + 1;
    sum += row.points;
  }
  out.average = out.rows.empty() ? 0 : static_cast<double>(sum) / static_cast<double>(out.rows.size());
  for (auto& row : out.rows) {
    double p = static_cast<double>(row.points);
    row.standing = p > out.average + 1e-9 ? "above" : p < out.average - 1e-9 ? "below" : "average";
  }
  return out;
}

}  // namespace crm
