#pragma once

#include "edit.hpp"
#include "scoring.hpp"
#include "store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace crm {

// Coins come from reaching general levels (see scoring.hpp) and buy
// rewards from a catalogue kept by managers.
struct RewardInput {
  std::string name;
  std::string description;
  long long cost = 0;
  std::optional<long long> quantity;  // none: unlimited
  std::optional<Timestamp> expires;
};

// "1 coin", "3 coins".
std::string coins_text(long long n);


// Throws a usage error unless the acting user is a manager: managers keep the catalogue.
void require_reward_keeper(const Context& ctx);

// Stages a new reward owned by the acting user, who must be a manager.
Record add_reward(const Context& ctx, Transaction& tx, const RewardInput& input);

// Applies `changes` to reward `id` (managers only); returns the fields changed.
std::vector<std::string> edit_reward(const Context& ctx, Transaction& tx, const std::string& id,
                                     const std::vector<FieldChange>& changes);

// How many times the reward was redeemed, and how many are left (none: unlimited).
long long times_redeemed(const Record& reward);
std::optional<long long> stock_left(const Record& reward);

// A user's redemptions up to `now`, oldest first, with the price paid.
struct CoinSpend {
  Timestamp at{};
  std::string reward;
  std::string name;
  long long cost = 0;
};
std::vector<CoinSpend> coins_spent(const Store& store, const std::string& user, Timestamp now);

// Coins a user earned, spent and has left, derived from history up to the board's time.
struct CoinBalance {
  long long earned = 0;
  long long spent = 0;
  long long balance() const { return earned - spent; }
};
CoinBalance coin_balance(const Store& store, const Scoreboard& board, const std::string& user);

// Redeems reward `id` for the acting user: refused (usage error) when it has
// expired, is out of stock or costs more coins than the user has. Appends
// a `redeemed` entry carrying the price paid and tells the reward's owner.
struct Redemption {
  Record reward;
  long long cost = 0;
  long long balance_after = 0;
  std::vector<std::string> notified;
};
Redemption redeem_reward(const Context& ctx, Transaction& tx, const std::string& id);

// Every reward, soonest to expire first, then by name.
std::vector<Record> list_rewards(const Store& store);

}  // namespace crm
