#pragma once

#include "store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace crm {

// A deal moves through the configured stages while open; `won` and `lost`
// close it, `reopened` opens it again. Its stage, status, won/lost times and
// lost reason are replayed from its history (as a case's status is).
struct DealInput {
  std::string title;
  std::string contact;   // ID, prefix or an influencer's screen name
  std::string org;       // "" for the contact's org
  std::string value;     // "1200.50"
  std::string currency;  // "" for crm.yaml's deals.currency
  std::string stage;     // "" for the first configured stage
  std::string owner;     // "" for the acting user
  std::string kind;      // new (default), upsell, cross-sell, renewal
  std::optional<Timestamp> expected_close;
  std::optional<long long> probability;  // unset: the stage's default
  std::string note;
};

struct DealChange {
  Record record;
  std::string event;
};

// Stages a new deal. Throws a usage error for an unknown stage, a bad
// amount, currency or probability, or a deal created lost.
DealChange create_deal(const Context& ctx, Transaction& tx, const DealInput& input);

// Moves an open deal to another open stage ("staged"), a closed one back to
// an open stage ("reopened"); `won` and `lost` go to win_deal / lose_deal.
// The probability becomes the new stage's default.
DealChange stage_deal(const Context& ctx, Transaction& tx, const std::string& id, const std::string& stage,
                      const std::string& note);
DealChange win_deal(const Context& ctx, Transaction& tx, const std::string& id, const std::string& note);
// `reason` is required.
DealChange lose_deal(const Context& ctx, Transaction& tx, const std::string& id, const std::string& reason);

// The fields `crm deal set` changes; unset ones stay as they are.
struct DealEdit {
  std::optional<std::string> title, value, currency, owner, org, kind, note;
  std::optional<Timestamp> expected_close;
  std::optional<long long> probability;
};
// Applies `edit` (validated as for create_deal); returns the changed fields.
std::vector<std::string> edit_deal(const Context& ctx, Transaction& tx, const std::string& id, const DealEdit& edit);

struct DealFilter {
  std::string stage, owner, contact, kind;
  std::string status;  // open, won, lost or "" for any
};

// Deals matching `filter`: soonest expected close first (none last), then newest.
std::vector<Record> list_deals(const Store& store, const DealFilter& filter);

// Deals of the contact `contact_id`, newest first.
std::vector<Record> contact_deals(const Store& store, const std::string& contact_id);

// A deal's amount in cents (0 when malformed: `crm check` reports it).
long long deal_cents(const Record& deal);

// Sets a deal's cached fields from its history.
void refresh_deal_state(Value& data);
std::vector<std::string> deal_cached_field_names();

// Why a deal disagrees with its history, or holds an out-of-range
// probability or a malformed currency.
std::vector<Problem> deal_consistency_problems(const Value& data, const std::string& shown_path);

}  // namespace crm
