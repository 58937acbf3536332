#pragma once

// crm import contacts: contacts from a CSV or JSON file, duplicates skipped,
// all or nothing.

#include "contacts.hpp"
#include "table_import.hpp"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace crm {

// The fields an imported column may fill: id (only to recognise a contact
// the CRM has), name, kind, org, screen_name, platform, urls, reach,
// description, emails, phones, tags, note.
const std::vector<std::string>& contact_import_fields();

// An email as duplicates are found: trimmed, in lower case.
std::string email_key(const std::string& email);
// A phone number as duplicates are found: its digits only, so "+1 (555)
// 010-1" and "1 555 0101" match ("" when it has none).
std::string phone_key(const std::string& phone);

// Contacts seen so far, by what makes two contacts one: the same ID, email,
// phone, or influencer's screen name.
class ContactIndex {
 public:
  // Remembers `contact` (record data) as `who`; keys already known keep
  // pointing at whoever had them first.
  void add(const Value& contact, const std::string& who);
  // Whom `contact` duplicates and why ("same email anna@example.org"); the
  // keys are tried in order: ID, emails, phones, screen name.
  std::optional<std::pair<std::string, std::string>> find(const Value& contact) const;

 private:
  std::map<std::string, std::string> m_who;  // "email:anna@example.org" -> who
};

struct ContactImportOptions {
  ImportFormat format = ImportFormat::Csv;
  std::string origin;  // names the input in messages and in each contact's history
  std::vector<std::pair<std::string, std::string>> mapping;  // COLUMN=FIELD; FIELD "-" ignores COLUMN
  bool duplicates_are_errors = false;
};

// What happens to one row.
struct ContactImportRow {
  int line = 0;
  std::string label;         // "" for CSV, "item 3: " for JSON
  std::string name;
  std::string id;            // the new contact's ID; "" when skipped
  std::string duplicate_of;  // "P-… (Anna Berg)", "line 3" or "item 2"; "" when created
  std::string reason;        // "same email anna@example.org"
};

struct ContactImport {
  std::vector<ContactImportRow> rows;
  std::vector<std::string> ignored_columns;  // read but not imported (history, or mapped to "-")
  std::size_t created() const;
  std::size_t skipped() const;
};

// Reads every row of `text` (a CSV file with a header line, a JSON list of
// objects, or `crm export`'s JSON object holding a "contact" list), checks
// each as `crm contact add` would, and stages a new contact in `tx` for
// every row that duplicates no existing contact and no earlier row (those
// are skipped, or are problems when `duplicates_are_errors`). Each new
// contact's `created` event notes "imported from ORIGIN". When anything is
// wrong it throws one data error listing every problem as "ORIGIN:LINE:
// message"; `tx` must then not be committed. A mapping naming no column or
// no field throws a usage error.
ContactImport import_contacts(const Context& ctx, Transaction& tx, const std::string& text,
                              const ContactImportOptions& options);

}  // namespace crm
