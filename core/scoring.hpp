#pragma once

#include "recognition_rules.hpp"
#include "store.hpp"
#include "symbol.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace crm {

// One thing a user did, read from a record's history. Scores are derived
// from these every time; nothing derived is stored, so it cannot drift.
// Held by the million in a big CRM, so its texts are interned symbols.
struct Action {
  Timestamp at{};
  Symbol name;      // "call-logged", "case-closed-within-sla", ...
  Symbol actor;     // who did it (the history entry's `by`)
  Symbol credited;  // who earns it: the actor, except "mission-approved" earns the taker, "deal-won" the owner
  Symbol about;     // the record's ID
};

// Every action in the CRM's histories up to `now`, oldest first (same-second
// actions in kind, ID and history order). Entries the system made (no `by`)
// are no one's action.
std::vector<Action> collect_actions(const Store& store, Timestamp now);

// Points earned at a moment. `rule` is the action's name, "first-use" for
// a function's first-use flag (`about` names the action), or "badge:NAME"
// for reaching a badge grade (`about` is the grade).
struct Award {
  Timestamp at{};
  Symbol rule;
  Symbol category;
  long long points = 0;
  Symbol about;
};

// A badge held: a first-use flag, or a graded badge at grade >= 1.
struct BadgeHolding {
  std::string name;    // the flag's action, or the badge's name
  bool flag = false;
  std::string counts;  // the action counted
  long long count = 0;
  int grade = 0;
  std::optional<long long> next_at;  // the count that reaches the next grade
  Timestamp earned{};                // first reached
  Timestamp graded{};                // reached its current grade
};

// Reaching a general level, and the coins it brings.
struct LevelUp {
  Timestamp at{};
  int level = 0;
  long long coins = 0;
};

// A time window [since, until), or [since, until] for one ending now.
struct Period {
  std::string name;  // "week", "month", "all" or "custom"
  Timestamp since{};
  Timestamp until{};
  bool through = false;  // `until` itself is inside (rolling periods end at now, inclusive)
  bool contains(Timestamp t) const { return t >= since && (t < until || (through && t == until)); }
};
// Everything one user earned, derived from the actions.
struct UserScore {
  std::string user;
  std::vector<Award> awards;                  // oldest first
  std::map<std::string, long long> counts;    // actions credited to the user
  std::map<std::string, long long> uses;      // actions the user took
  std::vector<BadgeHolding> badges;           // flags in flag order, then badges in rule order
  std::vector<LevelUp> level_ups;

  long long total() const;
  long long total_between(Timestamp since, Timestamp until) const;  // awards in [since, until)
  long long total_in(const Period& period) const;
  std::map<std::string, long long> by_category() const;
  long long coins_earned() const;
};

// Scores every user that took or was credited with an action.
std::map<std::string, UserScore> score_users(const std::vector<Action>& actions, const RecognitionRules& rules);

// The actions and every user's score at a moment: what recognition
// commands compute once and read from.
struct Scoreboard {
  Timestamp now{};
  std::vector<Action> actions;
  std::map<std::string, UserScore> users;
  // The user's score (an empty one for a user with no actions).
  const UserScore& of(const std::string& user) const;
};
Scoreboard build_scoreboard(const Store& store, Timestamp now);

// Where `points` stand on a ladder of thresholds (the points that reach
// level 2, 3, ...): level 1 is the start.
struct LevelProgress {
  int level = 1;
  long long points = 0;
  long long floor = 0;                // points where this level began
  std::optional<long long> next_at;   // points for the next level; none at the top
  int percent = 0;                    // of the way to the next level (100 at the top)
};
LevelProgress level_progress(long long points, const std::vector<long long>& thresholds);

// "week" and "month" are the rolling 7 and 30 days up to and including
// `now`; "all" is everything up to `now`. Throws a usage error otherwise.
Period named_period(const std::string& name, Timestamp now);

}  // namespace crm
