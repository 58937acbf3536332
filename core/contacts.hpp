#pragma once

#include "store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace crm {

struct ContactInput {
  std::string name;
  std::string kind;  // "" for the configured default
  std::string org;
  std::vector<std::string> emails;
  std::vector<std::string> phones;
  std::vector<std::string> tags;
  std::string note;
  // Influencers (contacts of kind "influencer").
  std::string screen_name;
  std::string platform;
  std::vector<std::string> urls;
  std::optional<long long> reach;  // followers, readers...
  std::string description;
};

// Stages a new contact in `tx` and returns its ID.
std::string add_contact(const Context& ctx, Transaction& tx, const ContactInput& input);
// The new contact `input` describes, validated but not staged; `note` goes
// on its `created` event. Throws a usage error for an invalid contact.
Record new_contact(const Context& ctx, const ContactInput& input, const std::string& note = "");

// Stages a new influencer: a contact of kind "influencer" known by its
// screen name (unique, ignoring case and a leading '@'); the name defaults
// to the screen name. Returns its ID.
std::string add_influencer(const Context& ctx, Transaction& tx, ContactInput input);

// Throws a usage error when `contact` is an influencer without a screen
// name, with another influencer's screen name, or with a negative reach.
void require_valid_influencer(const Store& store, const Record& contact);

// The contact `input` names: an ID or prefix, else an influencer's screen
// name (so `log-call --contact Rant112` works). Throws not-found.
Record find_contact(const Store& store, const std::string& input);

// `screen_name` as influencers are told apart: lower case, no leading '@'.
std::string screen_name_key(const std::string& screen_name);
// The influencer with screen name `handle` (case and a leading '@' ignored).
std::optional<Record> influencer_by_handle(const Store& store, const std::string& handle);
// The influencer `input` names: a screen name, else a contact ID or prefix.
// Throws not-found (or a usage error for a contact that is no influencer).
Record find_influencer(const Store& store, const std::string& input);
// Influencers on `platform` ("" for all) matching `search`, widest reach first, then by screen name.
std::vector<Record> list_influencers(const Store& store, const std::string& platform, const std::string& search);

struct ContactFilter {
  std::string kind;
  std::string tag;
  std::string search;  // case-insensitive, in name, org, emails, phones, tags and note
};

// Contacts matching `filter`, sorted by name (case-insensitive), then ID.
std::vector<Record> list_contacts(const Store& store, const ContactFilter& filter);

// One line of a contact's timeline: something that happened with them.
struct TimelineItem {
  Timestamp at;
  std::string kind;  // record kind: "call", "case", "feedback", "deal"
  std::string id;
  std::string by;
  std::string summary;
};

// Everything linked to `contact_id` (calls, and the events of its cases,
// feedback and deals), newest first.
std::vector<TimelineItem> contact_timeline(const Store& store, const std::string& contact_id);

// True when `text` contains `needle`, ignoring ASCII case.
bool contains_folded(const std::string& text, const std::string& needle);

}  // namespace crm
