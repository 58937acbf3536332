// crm reward add|list|show|edit|redeem: the catalogue coins buy from
#include "rewards.hpp"

#include "commands.hpp"
#include "error.hpp"
#include "options.hpp"
#include "records_view.hpp"

#include <memory>

namespace crm::cli {
namespace {

const std::vector<std::string> k_fields = {"id",      "name",    "cost",  "quantity", "redeemed",
                                           "left",    "expires", "owner", "description"};
const std::vector<Column> k_columns = {{"id", "ID"},   {"name", "NAME"},       {"cost", "COST"},
                                       {"left", "LEFT"}, {"expires", "EXPIRES", true}, {"owner", "OWNER"}};

long long count_option(const std::string& flag, const std::string& text) {
  try {
    std::size_t used = 0;
    long long n = std::stoll(text, &used);
    if (used == text.size()) {
      return n;
    }
  } catch (const std::exception&) {
  }
  throw usage_error(flag + ": '" + text + "' is not a whole number");
}

// The reward with its derived stock: `redeemed`, and `left` ("unlimited" without a quantity).
Value row_of(const Record& reward) {
  Value row = project(details_of(reward), k_fields);
  row.set("redeemed", Value::number(times_redeemed(reward)));
  auto left = stock_left(reward);
  row.set("left", left ? Value::number(*left) : Value("unlimited"));
  return row;
}

bool available(const Record& reward, Timestamp now) {
  auto expires = parse_stored_time(reward.get("expires"));
  auto left = stock_left(reward);
  return (!expires || *expires > now) && (!left || *left > 0);
}

void setup_add(CLI::App* parent, Session& session) {
  struct Options {
    RewardInput in;
    std::string cost, quantity, expires;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = parent->add_subcommand("add", "Add a reward to the catalogue (managers) and print its ID");
  cmd->add_option("--name", o->in.name, "What it is, e.g. 'Lunch with the mayor'")->required();
  cmd->add_option("--cost", o->cost, "Price in coins")->required();
  cmd->add_option("--quantity", o->quantity, "How many there are (default: no limit)");
  cmd->add_option("--expires", o->expires, "When it stops being offered, e.g. 2026-12-31");
  cmd->add_option("--description", o->in.description, "Details");
  cmd->callback([&session, o] {
    RewardInput in = o->in;
    in.cost = count_option("--cost", o->cost);
    if (!o->quantity.empty()) {
      in.quantity = count_option("--quantity", o->quantity);
    }
    if (!o->expires.empty()) {
      in.expires = user_time(session, o->expires);
    }
    Context ctx = session.context();
    Transaction tx(ctx.store);
    Record reward = add_reward(ctx, tx, in);
    session.commit(tx);
    session.out() << reward.id << '\n';
  });
}

void setup_list(CLI::App* parent, Session& session) {
  auto all = std::make_shared<bool>(false);
  auto* cmd = parent->add_subcommand("list", "Rewards that can be redeemed now, soonest to expire first");
  cmd->add_flag("--all", *all, "Also expired and sold-out rewards");
  cmd->callback([&session, all] {
    Timestamp now = session.now();
    std::vector<Value> rows;
    for (const Record& reward : list_rewards(session.store())) {
      if (*all || available(reward, now)) {
        rows.push_back(row_of(reward));
      }
    }
    print_rows(session, rows, k_fields, k_columns);
  });
}

void setup_show(CLI::App* parent, Session& session) {
  auto id = std::make_shared<std::string>();
  auto* cmd = parent->add_subcommand("show", "A reward, its stock and who redeemed it");
  cmd->add_option("id", *id, "Reward ID")->required();
  cmd->callback([&session, id] {
    Record reward = session.store().find(reward_kind(), *id);
    Value object = details_of(reward);
    Value row = row_of(reward);
    for (const char* field : {"cost", "quantity", "redeemed", "left"}) {
      object.set(field, *row.find(field));
    }
    print_details(session, object, {history_section(reward)}, {"expires", "created", "updated"});
  });
}

void setup_edit(CLI::App* parent, Session& session) {
  struct Options {
    std::string id;
    std::map<std::string, std::string> values;
    std::vector<std::string> unset;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = parent->add_subcommand("edit", "Change a reward (managers): price, stock, expiry...");
  cmd->alias("set");
  cmd->add_option("id", o->id, "Reward ID")->required();
  auto options = std::make_shared<std::vector<std::pair<std::string, CLI::Option*>>>();
  for (const char* field : {"name", "description", "cost", "quantity", "expires"}) {
    options->emplace_back(field, cmd->add_option(std::string("--") + field, o->values[field], std::string("New ") + field));
  }
  add_repeated(cmd, "--unset", o->unset, "Remove a field (quantity: no limit; expires: never)");
  cmd->callback([&session, o, options] {
    std::vector<FieldChange> changes;
    for (const auto& [field, opt] : *options) {
      if (!given(opt)) {
        continue;
      }
      std::string value = o->values[field];
      if (field == "cost" || field == "quantity") {
        value = std::to_string(count_option("--" + field, value));
      } else if (field == "expires") {
        value = format_utc(user_time(session, value));
      }
      changes.push_back({field, FieldChange::Op::Set, {value}});
    }
    for (const auto& field : o->unset) {
      changes.push_back({field, FieldChange::Op::Unset, {}});
    }
    if (changes.empty()) {
      throw usage_error("nothing to change: give at least one --FIELD VALUE or --unset FIELD");
    }
    Context ctx = session.context();
    Transaction tx(ctx.store);
    std::string id = ctx.store.resolve(reward_kind(), o->id);
    auto changed = edit_reward(ctx, tx, id, changes);
    session.commit(tx);
    report_edit(session, id, changed);
  });
}

void setup_redeem(CLI::App* parent, Session& session) {
  auto id = std::make_shared<std::string>();
  auto* cmd = parent->add_subcommand("redeem", "Spend coins on a reward; its owner is told");
  cmd->add_option("id", *id, "Reward ID")->required();
  cmd->callback([&session, id] {
    Context ctx = session.context();
    Transaction tx(ctx.store);
    Redemption r = redeem_reward(ctx, tx, *id);
    session.commit(tx);
    auto left = stock_left(r.reward);
    session.message(r.reward.id + ": redeemed for " + coins_text(r.cost) + "; " + coins_text(r.balance_after) +
                    " left" +
                    (left ? "; " + std::to_string(*left) + " in stock" : "") +
                    (r.notified.empty() ? "" : "; notified " + joined(r.notified)));
  });
}

}  // namespace

void setup_reward(CLI::App& app, Session& session) {
  auto* cmd = app.add_subcommand("reward", "The rewards coins buy");
  cmd->require_subcommand(1);
  setup_add(cmd, session);
  setup_list(cmd, session);
  setup_show(cmd, session);
  setup_edit(cmd, session);
  setup_redeem(cmd, session);
}

}  // namespace crm::cli
