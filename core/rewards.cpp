#include "rewards.hpp"

#include "edit.hpp"
#include "error.hpp"
#include "notifications.hpp"
#include "people.hpp"
#include "schema.hpp"
#include "scoring.hpp"

#include <algorithm>

namespace crm {
namespace {

long long number_of(const std::string& text) {
  try {
    return text.empty() ? 0 : std::stoll(text);
  } catch (const std::exception&) {
    return 0;  // validation keeps stored numbers well-formed
  }
}

}  // namespace

void require_reward_keeper(const Context& ctx) {
  if (!is_manager(ctx.store, ctx.actor)) {
    throw usage_error("only managers keep the reward catalogue" +
                      (ctx.actor.empty() ? std::string(" (say who you are with --as)")
                                         : ", and " + ctx.actor + " manages no one"));
  }
}

std::string coins_text(long long n) { return std::to_string(n) + (n == 1 ? " coin" : " coins"); }

Record add_reward(const Context& ctx, Transaction& tx, const RewardInput& input) {
  require_reward_keeper(ctx);
  if (input.cost < 1) {
    throw usage_error("--cost: a reward costs at least 1 coin");
  }
  if (input.quantity && *input.quantity < 1) {
    throw usage_error("--quantity: give at least 1 (leave it out for no limit)");
  }
  if (input.expires && *input.expires <= ctx.now) {
    throw usage_error("--expires: " + format_local(*input.expires, ctx.store.config().zone) + " has already passed");
  }
  Value fields = Value::map();
  fields.set("name", input.name);
  fields.set("description", input.description);
  fields.set("cost", Value::number(input.cost));
  if (input.quantity) {
    fields.set("quantity", Value::number(*input.quantity));
  }
  if (input.expires) {
    fields.set("expires", format_utc(*input.expires));
  }
  fields.set("owner", ctx.actor);
  Record reward = create_record(ctx, reward_kind(), fields, "created");
  tx.put(reward);
  return reward;
}

std::vector<std::string> edit_reward(const Context& ctx, Transaction& tx, const std::string& id,
                                     const std::vector<FieldChange>& changes) {
  require_reward_keeper(ctx);
  for (const auto& change : changes) {
    bool positive = change.op != FieldChange::Op::Set || change.values.empty() ||
                    number_of(change.values.front()) >= 1;
    if ((change.field == "cost" || change.field == "quantity") && !positive) {
      throw usage_error("--" + change.field + ": give at least 1");
    }
    if (change.field == "cost" && change.op == FieldChange::Op::Unset) {
      throw usage_error("a reward must keep its cost");
    }
  }
  return edit_record(ctx, tx, ctx.store.find(reward_kind(), id), changes);
}

long long times_redeemed(const Record& reward) {
  long long n = 0;
  for (const auto& entry : reward.history().items()) {
    n += entry.get("event") == "redeemed";
  }
  return n;
}

std::optional<long long> stock_left(const Record& reward) {
  if (reward.get("quantity").empty()) {
    return std::nullopt;
  }
  return std::max(0LL, number_of(reward.get("quantity")) - times_redeemed(reward));
}

std::vector<CoinSpend> coins_spent(const Store& store, const std::string& user, Timestamp now) {
  std::vector<CoinSpend> out;
  for (const Record& reward : store.load_all(reward_kind())) {
    for (const auto& entry : reward.history().items()) {
      auto at = parse_stored_time(entry.get("at"));
      if (entry.get("event") == "redeemed" && entry.get("by") == user && at && *at <= now) {
        out.push_back({*at, reward.id, reward.get("name"), number_of(entry.get("cost"))});
      }
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const CoinSpend& a, const CoinSpend& b) { return a.at < b.at; });
  return out;
}

CoinBalance coin_balance(const Store& store, const Scoreboard& board, const std::string& user) {
  CoinBalance b;
  b.earned = board.of(user).coins_earned();
  for (const auto& spend : coins_spent(store, user, board.now)) {
    b.spent += spend.cost;
  }
  return b;
}

Redemption redeem_reward(const Context& ctx, Transaction& tx, const std::string& id) {
  if (ctx.actor.empty()) {
    throw usage_error("say who redeems the reward with --as or CRM_USER");
  }
  Record reward = ctx.store.find(reward_kind(), id);
  const std::string what = reward.id + " (" + reward.get("name") + ")";
  if (auto expires = parse_stored_time(reward.get("expires")); expires && *expires <= ctx.now) {
    throw usage_error("cannot redeem " + what + ": it expired on " + format_local(*expires, ctx.store.config().zone));
  }
  if (auto left = stock_left(reward); left && *left == 0) {
    throw usage_error("cannot redeem " + what + ": none left (all " + reward.get("quantity") + " redeemed)");
  }
  long long cost = number_of(reward.get("cost"));
  CoinBalance balance = coin_balance(ctx.store, build_scoreboard(ctx.store, ctx.now), ctx.actor);
  if (balance.balance() < cost) {
    throw usage_error("cannot redeem " + what + ": it costs " + coins_text(cost) + " and " + ctx.actor + " has " +
                      std::to_string(balance.balance()));
  }
  Value entry = history_event(ctx, "redeemed");
  entry.set("cost", Value::number(cost));
  reward.data.find("history")->push_back(std::move(entry));
  require_valid(reward_kind(), reward.data, ctx.store.config());
  tx.put(reward);
  Redemption r{reward, cost, balance.balance() - cost, {}};
  r.notified = notify(ctx, tx, {reward.get("owner")}, "reward-redeemed", reward.id,
                      ctx.actor + " redeemed " + what + " for " + coins_text(cost));
  return r;
}

std::vector<Record> list_rewards(const Store& store) {
  std::vector<Record> out = store.load_all(reward_kind());
  std::stable_sort(out.begin(), out.end(), [](const Record& a, const Record& b) {
    const std::string& ea = a.get("expires");
    const std::string& eb = b.get("expires");
    if (ea.empty() != eb.empty()) {
      return !ea.empty();
    }
    return ea != eb ? ea < eb : a.get("name") < b.get("name");
  });
  return out;
}

}  // namespace crm
