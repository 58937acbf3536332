#pragma once

#include <string>
#include <vector>

namespace crm {

// How a field's text is to be read and validated.
enum class FieldType {
  Text,      // free text
  Time,      // stored UTC timestamp
  Enum,      // one of `choices`, or of the config list named by `config_list`
  Duration,  // "15m", "1h30m"
  Ref,       // ID of a record of kind `ref` (or of either kind in "user|department")
  Bool,      // true / false
  Int,       // whole number
  TextList,  // list of free texts
  Email,     // an email address
  EmailList, // list of email addresses
  RefList,   // list of IDs of kind `ref`
  Money,     // a decimal amount, "1200.50" (see money.hpp)
  History,   // the append-only event list
};

struct FieldSpec {
  std::string name;
  FieldType type = FieldType::Text;
  std::string ref;                   // for Ref/RefList: kind name
  std::vector<std::string> choices;  // for Enum with a fixed set
  std::string config_list;           // for Enum with a configurable set
  bool required = false;
};

// Everything the store needs to know about one record kind.
struct KindSpec {
  std::string name;    // "contact"
  std::string folder;  // "contacts"
  std::string prefix;  // "P" for generated IDs; "" when users choose slugs
  bool sharded = false;  // files live in folder/<first two ID chars>/
  std::vector<FieldSpec> fields;           // canonical order
  std::vector<FieldSpec> history_fields;   // canonical order inside history entries
  std::vector<std::string> events;         // allowed history events

  const FieldSpec* field(const std::string& name) const;
  const FieldSpec* history_field(const std::string& name) const;
  bool generated_ids() const { return !prefix.empty(); }
  bool has_history() const { return field("history") != nullptr; }
};

const KindSpec& contact_kind();
const KindSpec& call_kind();
const KindSpec& user_kind();
const KindSpec& department_kind();
const KindSpec& case_kind();
const KindSpec& feedback_kind();
const std::vector<std::string>& feedback_sources();
const std::vector<std::string>& feedback_sentiments();
const KindSpec& reward_kind();
const KindSpec& notification_kind();
const KindSpec& mission_kind();
const KindSpec& deal_kind();
// What a deal is: new business, or more business with a customer.
const std::vector<std::string>& deal_kinds();

// The case priorities, lowest first.
const std::vector<std::string>& case_priorities();

// Every record kind, in the order `crm check` walks them.
const std::vector<const KindSpec*>& all_kinds();
// Kind by singular name ("contact") or folder ("contacts"); nullptr if unknown.
const KindSpec* kind_named(const std::string& name);
// Kind whose generated IDs carry the prefix of `id` ("K-..." is a call).
const KindSpec* kind_of_id(const std::string& id);

}  // namespace crm
