// crm points|badges|level|coins: what each user's records earned them
#include "rewards.hpp"
#include "scoring.hpp"

#include "commands.hpp"
#include "output.hpp"
#include "periods.hpp"

#include <fmt/format.h>

#include <memory>

namespace crm::cli {
namespace {

Value time_value(Timestamp t) {
  Value v(format_utc(t));
  v.set_plain(true);
  return v;
}

Value optional_number(const std::optional<long long>& n) { return n ? Value::number(*n) : Value(); }

// "3 (45% to 4)" or "16 (top)".
std::string level_text(const LevelProgress& p) {
  return p.next_at ? fmt::format("{} ({}% to {})", p.level, p.percent, p.level + 1) : fmt::format("{} (top)", p.level);
}

// Whom a command is about (USER, else the acting user) and the scores as of now.
struct Subject {
  std::string user;
  Scoreboard board;
};

Subject subject(Session& session, const std::string& user_in) {
  std::string user = session.user_or_actor(user_in);
  return {user, build_scoreboard(session.store(), session.now())};
}

// The default categories in their order, then any others the rules name.
std::vector<std::string> categories_in(const std::map<std::string, long long>& points) {
  std::vector<std::string> out = point_categories();
  for (const auto& [category, n] : points) {
    if (std::find(out.begin(), out.end(), category) == out.end()) {
      out.push_back(category);
    }
  }
  return out;
}

void setup_points(CLI::App& app, Session& session) {
  struct Options {
    std::string user;
    PeriodOptions period;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("points", "A user's points in a period, by rule and by category");
  cmd->add_option("user", o->user, "User ID (default: you)");
  add_period_options(cmd, o->period, rolling_period_help("all"));
  cmd->callback([&session, o] {
    Subject s = subject(session, o->user);
    const std::string& user = s.user;
    const Scoreboard& board = s.board;
    Period period = chosen_period(session, o->period, "all",
                                  [&](const std::string& name) { return named_period(name, board.now); });
    const UserScore& score = board.of(user);

    // Per rule, in the order first earned; per category, the defaults first.
    std::vector<std::string> rule_order;
    std::map<std::string, std::pair<long long, long long>> by_rule;  // count, points
    std::map<std::string, std::string> rule_category;
    std::map<std::string, long long> by_category;
    long long total = 0;
    for (const auto& a : score.awards) {
      if (!period.contains(a.at)) {
        continue;
      }
      std::string rule = a.rule.str();
      if (!by_rule.count(rule)) {
        rule_order.push_back(rule);
      }
      by_rule[rule].first += 1;
      by_rule[rule].second += a.points;
      rule_category[rule] = a.category.str();
      by_category[a.category.str()] += a.points;
      total += a.points;
    }
    Value object = Value::map();
    object.set("user", user);
    object.set("period", period.name);
    object.set("since", period_bound(period.since));
    object.set("until", period_bound(period.until));
    object.set("points", Value::number(total));
    for (const auto& c : categories_in(by_category)) {
      object.set(c, Value::number(by_category[c]));
    }
    Value rule_rows = Value::list();
    for (const auto& r : rule_order) {
      Value row = Value::map();
      row.set("rule", r);
      row.set("category", rule_category[r]);
      row.set("count", Value::number(by_rule[r].first));
      row.set("points", Value::number(by_rule[r].second));
      rule_rows.push_back(row);
    }
    object.set("rules", rule_rows);
    print_details(session, object,
                  {{"By rule", rule_rows.items(), {{"rule", "RULE"}, {"category", "CATEGORY"}, {"count", "COUNT"},
                                                   {"points", "POINTS"}}}},
                  {"since", "until"});
  });
}

// Every flag and badge the rules offer, held or not.
std::vector<BadgeHolding> all_badges(const RecognitionRules& rules, const UserScore& score) {
  std::vector<BadgeHolding> out;
  auto held = [&](const std::string& name, bool flag) -> const BadgeHolding* {
    for (const auto& b : score.badges) {
      if (b.name == name && b.flag == flag) {
        return &b;
      }
    }
    return nullptr;
  };
  for (const auto& f : rules.flags) {
    const BadgeHolding* h = held(f, true);
    out.push_back(h ? *h : BadgeHolding{f, true, f, 0, 0, 1, {}, {}});
  }
  for (const auto& b : rules.badges) {
    const BadgeHolding* h = held(b.name, false);
    if (h) {
      out.push_back(*h);
      continue;
    }
    auto count = score.counts.count(b.counts) ? score.counts.at(b.counts) : 0;
    out.push_back(BadgeHolding{b.name, false, b.counts, count, 0, b.grades.front(), {}, {}});
  }
  return out;
}

void setup_badges(CLI::App& app, Session& session) {
  struct Options {
    std::string user;
    bool all = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("badges", "A user's first-use flags and graded badges");
  cmd->add_option("user", o->user, "User ID (default: you)");
  cmd->add_flag("--all", o->all, "Also list the flags and badges not earned yet");
  cmd->callback([&session, o] {
    Subject s = subject(session, o->user);
    const std::string& user = s.user;
    const Scoreboard& board = s.board;
    const UserScore& score = board.of(user);
    auto badges = o->all ? all_badges(session.store().config().recognition, score) : score.badges;
    std::vector<Value> rows;
    for (const auto& b : badges) {
      Value row = Value::map();
      row.set("user", user);
      row.set("badge", b.name);
      row.set("type", b.flag ? "flag" : "badge");
      row.set("counts", b.counts);
      row.set("count", Value::number(b.count));
      row.set("grade", Value::number(b.grade));
      row.set("next_at", optional_number(b.next_at));
      row.set("earned", b.grade > 0 ? time_value(b.earned) : Value());
      row.set("graded", b.grade > 0 ? time_value(b.graded) : Value());
      rows.push_back(row);
    }
    print_rows(session, rows, {"user", "badge", "type", "counts", "count", "grade", "next_at", "earned", "graded"},
               {{"badge", "BADGE"},
                {"type", "TYPE"},
                {"grade", "GRADE"},
                {"count", "COUNT"},
                {"next_at", "NEXT AT"},
                {"earned", "EARNED", true},
                {"graded", "GRADED", true}});
  });
}

void setup_level(CLI::App& app, Session& session) {
  auto user_in = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("level", "A user's general level, category levels and coins");
  cmd->add_option("user", *user_in, "User ID (default: you)");
  cmd->callback([&session, user_in] {
    Subject s = subject(session, *user_in);
    const std::string& user = s.user;
    const Scoreboard& board = s.board;
    const Store& store = session.store();
    const RecognitionRules& rules = store.config().recognition;
    const UserScore& score = board.of(user);
    LevelProgress general = level_progress(score.total(), rules.levels);
    CoinBalance coins = coin_balance(store, board, user);
    Value object = Value::map();
    object.set("user", user);
    object.set("level", Value::number(general.level));
    object.set("points", Value::number(general.points));
    object.set("next_level_at", optional_number(general.next_at));
    object.set("percent_to_next", Value::number(general.percent));
    object.set("progress", level_text(general));
    object.set("coins_earned", Value::number(coins.earned));
    object.set("coins_spent", Value::number(coins.spent));
    object.set("coins", Value::number(coins.balance()));
    Value rows = Value::list();
    auto by_category = score.by_category();
    for (const auto& c : categories_in(by_category)) {
      LevelProgress p = level_progress(by_category[c], rules.category_levels);
      Value row = Value::map();
      row.set("category", c);
      row.set("points", Value::number(p.points));
      row.set("level", Value::number(p.level));
      row.set("next_level_at", optional_number(p.next_at));
      row.set("percent_to_next", Value::number(p.percent));
      row.set("progress", level_text(p));
      rows.push_back(row);
    }
    object.set("categories", rows);
    print_details(session, object,
                  {{"Categories", rows.items(), {{"category", "CATEGORY"}, {"points", "POINTS"},
                                                 {"progress", "LEVEL"}, {"next_level_at", "NEXT AT"}}}},
                  {});
  });
}

void setup_coins(CLI::App& app, Session& session) {
  auto user_in = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("coins", "A user's coins: earned by levelling up, spent on rewards");
  cmd->add_option("user", *user_in, "User ID (default: you)");
  cmd->callback([&session, user_in] {
    Subject s = subject(session, *user_in);
    const std::string& user = s.user;
    const Scoreboard& board = s.board;
    const Store& store = session.store();
    CoinBalance coins = coin_balance(store, board, user);
    Value object = Value::map();
    object.set("user", user);
    object.set("earned", Value::number(coins.earned));
    object.set("spent", Value::number(coins.spent));
    object.set("balance", Value::number(coins.balance()));
    Value rows = Value::list();
    for (const auto& up : board.of(user).level_ups) {
      Value row = Value::map();
      row.set("at", time_value(up.at));
      row.set("event", "level " + std::to_string(up.level));
      row.set("coins", Value::number(up.coins));
      rows.push_back(row);
    }
    for (const auto& spend : coins_spent(store, user, board.now)) {
      Value row = Value::map();
      row.set("at", time_value(spend.at));
      row.set("event", "redeemed " + spend.reward + " (" + spend.name + ")");
      row.set("coins", Value::number(-spend.cost));
      rows.push_back(row);
    }
    std::stable_sort(rows.items().begin(), rows.items().end(),
                     [](const Value& a, const Value& b) { return a.get("at") < b.get("at"); });
    object.set("movements", rows);
    print_details(session, object,
                  {{"Movements", rows.items(), {{"at", "WHEN", true}, {"event", "WHAT"}, {"coins", "COINS"}}}}, {});
  });
}

}  // namespace

void setup_recognition(CLI::App& app, Session& session) {
  setup_points(app, session);
  setup_badges(app, session);
  setup_level(app, session);
  setup_coins(app, session);
}

}  // namespace crm::cli
