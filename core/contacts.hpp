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
};

// Stages a new contact in `tx` and returns its ID.
std::string add_contact(const Context& ctx, Transaction& tx, const ContactInput& input);

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
  std::string kind;  // record kind: "call", later "case", "feedback"...
  std::string id;
  std::string by;
  std::string summary;
};

// Everything linked to `contact_id`, newest first.
std::vector<TimelineItem> contact_timeline(const Store& store, const std::string& contact_id);

// True when `text` contains `needle`, ignoring ASCII case.
bool contains_folded(const std::string& text, const std::string& needle);

}  // namespace crm
