#pragma once

#include "store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace crm {

struct CallInput {
  std::string contact;      // ID or prefix of an existing contact
  std::string new_contact;  // or the name of a contact to create in the same step
  std::string new_contact_kind;   // its kind ("" for the configured default)
  std::string new_contact_phone;  // and phone number, if known
  std::string summary;
  std::string direction;  // "" for the configured default
  std::string channel;    // "" for the configured default
  std::optional<Timestamp> at;  // when the call happened; default: now
  std::string duration;         // "15m"
  std::string by;               // who took it; default: the acting user
};

// What log_call created.
struct LoggedCall {
  std::string call_id;
  std::string contact_id;
  bool contact_created = false;
};

// Stages the call (and the new contact, if asked for) in `tx`.
LoggedCall log_call(const Context& ctx, Transaction& tx, const CallInput& input);

struct CallFilter {
  std::string by;       // user ID
  std::string contact;  // contact ID (already resolved)
  std::optional<Timestamp> since;  // at >= since
  std::optional<Timestamp> until;  // at < until
};

// Calls matching `filter`, newest first.
std::vector<Record> list_calls(const Store& store, const CallFilter& filter);

}  // namespace crm
