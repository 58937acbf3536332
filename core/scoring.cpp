#include "scoring.hpp"

#include "case_timers.hpp"
#include "error.hpp"

#include <algorithm>

namespace crm {
namespace {

// True when the `closed` entry at `at` stopped a resolve clock in time. A
// CRM without a resolve target has no service level to be within.
bool closed_within_sla(const Record& c, const Config& config, Timestamp at) {
  for (const auto& timer : case_timers(c.data, config, at)) {
    if (timer.target == "resolve") {
      return timer.stopped && *timer.stopped == at && timer.late_wall_seconds == 0;
    }
  }
  return false;
}

// Actions appended in fixed-size chunks: a million of them never need the
// doubled copy a growing vector makes, which would be the peak of a big run.
class ActionChunks {
 public:
  void push_back(const Action& a) {
    if (m_chunks.empty() || m_chunks.back().size() == k_chunk) {
      m_chunks.emplace_back().reserve(k_chunk);
    }
    m_chunks.back().push_back(a);
    ++m_size;
  }
  // Everything in one vector of exactly the right size, freeing chunks as it goes.
  std::vector<Action> take() {
    std::vector<Action> out;
    out.reserve(m_size);
    for (auto& chunk : m_chunks) {
      out.insert(out.end(), chunk.begin(), chunk.end());
      std::vector<Action>().swap(chunk);
    }
    m_chunks.clear();
    m_size = 0;
    return out;
  }

 private:
  static constexpr std::size_t k_chunk = 1 << 16;
  std::vector<std::vector<Action>> m_chunks;
  std::size_t m_size = 0;
};

void collect_from(const Store& store, const KindSpec& kind, Timestamp now, ActionChunks& out) {
  // One record at a time: a big CRM's calls never sit in memory together.
  store.for_each_where(kind, {}, [&](Record&& record) {
    std::string taker;  // a mission's, replayed
    for (const auto& entry : record.history().items()) {
      auto at = parse_stored_time(entry.get("at"));
      if (!at || *at > now) {
        continue;
      }
      const std::string& event = entry.get("event");
      const std::string& by = entry.get("by");
      if (kind.name == "mission") {
        if (event == "accepted") {
          taker = entry.get("taker").empty() ? by : entry.get("taker");
        } else if (event == "released") {
          taker.clear();
        }
      }
      if (by.empty()) {
        continue;
      }
      Action action{*at, kind.name + "-" + event, by, by, record.id};
      if (kind.name == "mission" && event == "approved") {
        action.credited = taker;
      } else if (kind.name == "deal" && event == "won" && !record.get("owner").empty()) {
        action.credited = record.get("owner");
      }
      out.push_back(action);
      if (kind.name == "case" && event == "closed" && closed_within_sla(record, store.config(), *at)) {
        out.push_back({*at, "case-closed-within-sla", by, by, record.id});
      }
    }
  });
}

long long bonus_for_grade(const std::vector<long long>& bonuses, int grade) {
  if (bonuses.empty()) {
    return 0;
  }
  return bonuses[std::min<std::size_t>(static_cast<std::size_t>(grade - 1), bonuses.size() - 1)];
}

int grade_for(const std::vector<long long>& grades, long long count) {
  return static_cast<int>(std::upper_bound(grades.begin(), grades.end(), count) - grades.begin());
}

// Scores one user's actions in order, booking bonuses and level-ups as they happen.
class Scorer {
 public:
  Scorer(const RecognitionRules& rules, std::string user) : m_rules(rules) { m_score.user = std::move(user); }

  void credit(const Action& a) {
    long long count = ++m_counts[a.name];
    if (const PointRule* rule = m_rules.rule(a.name); rule && rule->points != 0) {
      award({a.at, a.name, rule->category, rule->points, a.about});
    }
    for (const auto& badge : m_rules.badges) {
      if (badge.counts != a.name) {
        continue;
      }
      BadgeHolding& held = holding(badge.name, false, badge.counts, a.at);
      held.count = count;
      int grade = grade_for(badge.grades, count);
      held.next_at = static_cast<std::size_t>(grade) < badge.grades.size()
                         ? std::optional<long long>(badge.grades[static_cast<std::size_t>(grade)])
                         : std::nullopt;
      for (int g = held.grade + 1; g <= grade; ++g) {
        held.graded = a.at;
        award({a.at, "badge:" + badge.name, m_rules.bonus_category, bonus_for_grade(m_rules.badge_bonus, g),
               std::to_string(g)});
      }
      held.grade = std::max(held.grade, grade);
    }
  }

  void use(const Action& a) {
    if (m_uses[a.name]++ > 0 ||
        std::find(m_rules.flags.begin(), m_rules.flags.end(), a.name) == m_rules.flags.end()) {
      return;
    }
    BadgeHolding& flag = holding(a.name.str(), true, a.name.str(), a.at);
    flag.count = flag.grade = 1;
    flag.graded = a.at;
    award({a.at, "first-use", m_rules.bonus_category, m_rules.flag_bonus, a.name});
  }

  UserScore finish() {
    for (const auto& [name, n] : m_counts) {
      m_score.counts.emplace(name.str(), n);
    }
    for (const auto& [name, n] : m_uses) {
      m_score.uses.emplace(name.str(), n);
    }
    // Flags in the configured order, then badges in rule order; unearned ones are left out.
    const auto& flags = m_rules.flags;
    const auto& rules = m_rules.badges;
    auto order = [&](const BadgeHolding& b) -> std::ptrdiff_t {
      if (b.flag) {
        return std::find(flags.begin(), flags.end(), b.name) - flags.begin();
      }
      auto rule = std::find_if(rules.begin(), rules.end(), [&](const BadgeRule& r) { return r.name == b.name; });
      return static_cast<std::ptrdiff_t>(flags.size()) + (rule - rules.begin());
    };
    auto& badges = m_score.badges;
    badges.erase(std::remove_if(badges.begin(), badges.end(), [](const BadgeHolding& b) { return b.grade == 0; }),
                 badges.end());
    std::stable_sort(badges.begin(), badges.end(),
                     [&](const BadgeHolding& x, const BadgeHolding& y) { return order(x) < order(y); });
    return std::move(m_score);
  }

 private:
  BadgeHolding& holding(const std::string& name, bool flag, const std::string& counts, Timestamp at) {
    for (auto& b : m_score.badges) {
      if (b.name == name && b.flag == flag) {
        return b;
      }
    }
    BadgeHolding b;
    b.name = name;
    b.flag = flag;
    b.counts = counts;
    b.earned = at;
    m_score.badges.push_back(b);
    return m_score.badges.back();
  }

  void award(Award a) {
    if (a.points == 0) {
      return;
    }
    m_total += a.points;
    m_score.awards.push_back(std::move(a));
    // Coins come once per level reached, even if penalties take points away again.
    int level = level_progress(m_total, m_rules.levels).level;
    for (int l = m_top_level + 1; l <= level; ++l) {
      long long coins = m_rules.coins.empty()
                            ? 0
                            : m_rules.coins[std::min<std::size_t>(static_cast<std::size_t>(l - 2), m_rules.coins.size() - 1)];
      m_score.level_ups.push_back({m_score.awards.back().at, l, coins});
    }
    m_top_level = std::max(m_top_level, level);
  }

  const RecognitionRules& m_rules;
  UserScore m_score;
  std::map<Symbol, long long> m_counts, m_uses;  // m_score's, without a string per lookup
  long long m_total = 0;
  int m_top_level = 1;
};

}  // namespace

std::vector<Action> collect_actions(const Store& store, Timestamp now) {
  ActionChunks chunks;
  for (const KindSpec* kind : all_kinds()) {
    if (kind->has_history()) {
      collect_from(store, *kind, now, chunks);
    }
  }
  std::vector<Action> out = chunks.take();
  std::stable_sort(out.begin(), out.end(), [](const Action& a, const Action& b) { return a.at < b.at; });
  return out;
}

long long UserScore::total() const { return total_in({"all", Timestamp::min(), Timestamp::max(), true}); }

long long UserScore::total_between(Timestamp since, Timestamp until) const {
  return total_in({"custom", since, until});
}

long long UserScore::total_in(const Period& period) const {
  long long sum = 0;
  for (const auto& a : awards) {
    if (period.contains(a.at)) {
      sum += a.points;
    }
  }
  return sum;
}

std::map<std::string, long long> UserScore::by_category() const {
  std::map<std::string, long long> out;
  for (const auto& a : awards) {
    out[a.category.str()] += a.points;
  }
  return out;
}

long long UserScore::coins_earned() const {
  long long sum = 0;
  for (const auto& l : level_ups) {
    sum += l.coins;
  }
  return sum;
}

std::map<std::string, UserScore> score_users(const std::vector<Action>& actions, const RecognitionRules& rules) {
  std::map<Symbol, Scorer> scorers;
  auto scorer = [&](Symbol user) -> Scorer& {
    return scorers.try_emplace(user, rules, user.str()).first->second;
  };
  for (const auto& a : actions) {
    if (!a.credited.empty()) {
      scorer(a.credited).credit(a);
    }
    scorer(a.actor).use(a);
  }
  std::map<std::string, UserScore> out;
  for (auto& [user, s] : scorers) {
    out.emplace(user.str(), s.finish());
  }
  return out;
}

const UserScore& Scoreboard::of(const std::string& user) const {
  static const UserScore empty;
  auto it = users.find(user);
  return it == users.end() ? empty : it->second;
}

Scoreboard build_scoreboard(const Store& store, Timestamp now) {
  Scoreboard board;
  board.now = now;
  board.actions = collect_actions(store, now);
  board.users = score_users(board.actions, store.config().recognition);
  return board;
}

LevelProgress level_progress(long long points, const std::vector<long long>& thresholds) {
  LevelProgress p;
  p.points = points;
  auto reached = static_cast<std::size_t>(std::upper_bound(thresholds.begin(), thresholds.end(), points) -
                                          thresholds.begin());
  p.level = static_cast<int>(reached) + 1;
  p.floor = reached == 0 ? 0 : thresholds[reached - 1];
  if (reached < thresholds.size()) {
    p.next_at = thresholds[reached];
    long long span = *p.next_at - p.floor;
    p.percent = points <= p.floor ? 0 : static_cast<int>((points - p.floor) * 100 / span);
  } else {
    p.percent = 100;
  }
  return p;
}

Period named_period(const std::string& name, Timestamp now) {
  using std::chrono::hours;
  if (name == "week") {
    return {name, now - hours(24 * 7), now, true};
  }
  if (name == "month") {
    return {name, now - hours(24 * 30), now, true};
  }
  if (name == "all") {
    return {name, Timestamp::min(), now, true};
  }
  throw usage_error("--period: '" + name + "' is not week, month or all");
}

}  // namespace crm
