#include "contact_import.hpp"

#include "error.hpp"
#include "yaml_io.hpp"

#include <algorithm>
#include <cctype>

namespace crm {
namespace {

const std::vector<std::string> k_list_fields = {"emails", "phones", "tags", "urls"};

// Headers other programs use for contact fields (compared ignoring case and punctuation).
const std::vector<std::pair<std::string, std::string>> k_synonyms = {
    {"full name", "name"},      {"contact name", "name"},   {"display name", "name"},   {"type", "kind"},
    {"contact kind", "kind"},   {"company", "org"},         {"company name", "org"},    {"organisation", "org"},
    {"organization", "org"},    {"email", "emails"},        {"email address", "emails"}, {"mail", "emails"},
    {"phone", "phones"},        {"phone number", "phones"}, {"telephone", "phones"},    {"tel", "phones"},
    {"mobile", "phones"},       {"cell", "phones"},         {"tag", "tags"},            {"label", "tags"},
    {"labels", "tags"},         {"notes", "note"},          {"comment", "note"},        {"comments", "note"},
    {"remarks", "note"},        {"url", "urls"},            {"website", "urls"},        {"homepage", "urls"},
    {"handle", "screen_name"},  {"username", "screen_name"}, {"followers", "reach"},    {"bio", "description"},
    {"network", "platform"}};

// Columns `crm export` writes that an import has no use for.
const std::vector<std::string> k_ignored = {"history", "created", "updated"};

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

// The keys of `contact`, each with how a message shows it, in the order duplicates are looked for.
std::vector<std::pair<std::string, std::string>> keys_of(const Value& contact) {
  std::vector<std::pair<std::string, std::string>> keys;
  if (!contact.get("id").empty()) {
    keys.emplace_back("id:" + upper(contact.get("id")), "same ID " + contact.get("id"));
  }
  for (const auto& email : string_list(contact.find("emails"))) {
    if (!email_key(email).empty()) {
      keys.emplace_back("email:" + email_key(email), "same email " + email);
    }
  }
  for (const auto& phone : string_list(contact.find("phones"))) {
    if (!phone_key(phone).empty()) {
      keys.emplace_back("phone:" + phone_key(phone), "same phone " + phone);
    }
  }
  // Only influencers' screen names are unique (see require_valid_influencer).
  if (contact.get("kind") == "influencer" && !screen_name_key(contact.get("screen_name")).empty()) {
    keys.emplace_back("screen name:" + screen_name_key(contact.get("screen_name")),
                      "same screen name " + contact.get("screen_name"));
  }
  return keys;
}

ColumnRules contact_rules(const ContactImportOptions& options) {
  ColumnRules rules;
  rules.fields = contact_import_fields();
  rules.list_fields = k_list_fields;
  rules.synonyms = k_synonyms;
  rules.ignored = k_ignored;
  rules.mapping = options.mapping;
  rules.required = {{"name", "every contact needs a name; --map 'COLUMN=name' names it"}};
  rules.unknown_hint = [](const std::string& column) {
    return "; --map '" + column + "=FIELD' imports it, --map '" + column + "=-' leaves it out";
  };
  return rules;
}

// The input (and the ID column's text) one row gives, given the field each column fills.
ContactInput input_of(const TableRow& row, const std::vector<std::string>& fields, CellReader& cells,
                      std::string& given_id) {
  ContactInput in;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::string& field = fields[i];
    const Value& cell = row.cells[i];
    if (field.empty()) {
      continue;
    }
    if (std::find(k_list_fields.begin(), k_list_fields.end(), field) != k_list_fields.end()) {
      auto& into = field == "emails" ? in.emails : field == "phones" ? in.phones : field == "tags" ? in.tags : in.urls;
      cells.list(cell, field, true, into);
      continue;
    }
    std::string value = cells.text(cell, field);
    if (field == "reach") {
      if (value.empty()) {
        continue;
      }
      if (value.size() > 18 || value.find_first_not_of("0123456789") != std::string::npos) {
        cells.problem("reach must be a whole number of followers or readers, not '" + value + "'", cell.line());
        continue;
      }
      in.reach = std::stoll(value);
      continue;
    }
    std::string* into = field == "id"            ? &given_id
                        : field == "name"        ? &in.name
                        : field == "kind"        ? &in.kind
                        : field == "org"         ? &in.org
                        : field == "screen_name" ? &in.screen_name
                        : field == "platform"    ? &in.platform
                        : field == "description" ? &in.description
                                                 : &in.note;
    *into = value;
  }
  return in;
}

// The table in `text`; JSON may also be `crm export`'s object with a "contact" list.
Table contact_table(const std::string& text, const ContactImportOptions& options, std::vector<Problem>& problems) {
  const std::string what = "contact objects ([{\"name\": ...}, ...])";
  if (options.format == ImportFormat::Csv) {
    return read_table(text, options.format, options.origin, what, problems);
  }
  Value root = parse_yaml(text, options.origin);
  if (root.is_map()) {
    for (const char* key : {"contact", "contacts"}) {
      if (const Value* list = root.find(key)) {
        return json_table(*list, options.origin, what, problems);
      }
    }
  }
  return json_table(root, options.origin, what, problems);
}

}  // namespace

const std::vector<std::string>& contact_import_fields() {
  static const std::vector<std::string> fields = {"id",     "name",        "kind",   "org",    "screen_name",
                                                  "platform", "urls",      "reach",  "description", "emails",
                                                  "phones", "tags",        "note"};
  return fields;
}

std::string email_key(const std::string& email) {
  std::string out = trim_blanks(email);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string phone_key(const std::string& phone) {
  std::string out;
  std::copy_if(phone.begin(), phone.end(), std::back_inserter(out),
               [](unsigned char c) { return std::isdigit(c) != 0; });
  return out;
}

void ContactIndex::add(const Value& contact, const std::string& who) {
  for (const auto& key : keys_of(contact)) {
    m_who.emplace(key.first, who);
  }
}

std::optional<std::pair<std::string, std::string>> ContactIndex::find(const Value& contact) const {
  for (const auto& [key, why] : keys_of(contact)) {
    if (auto it = m_who.find(key); it != m_who.end()) {
      return std::make_pair(it->second, why);
    }
  }
  return std::nullopt;
}

std::size_t ContactImport::created() const {
  return static_cast<std::size_t>(
      std::count_if(rows.begin(), rows.end(), [](const ContactImportRow& r) { return !r.id.empty(); }));
}

std::size_t ContactImport::skipped() const { return rows.size() - created(); }

ContactImport import_contacts(const Context& ctx, Transaction& tx, const std::string& text,
                              const ContactImportOptions& options) {
  const std::string& origin = options.origin;
  std::vector<Problem> problems;
  Table table = contact_table(text, options, problems);
  std::vector<std::string> fields = map_columns(table, contact_rules(options), origin, problems);
  ContactImport result;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].empty()) {
      result.ignored_columns.push_back(table.columns[i]);
    }
  }

  bool names_given =
      table.format == ImportFormat::Json || std::find(fields.begin(), fields.end(), "name") != fields.end();
  ContactIndex known;
  for (const auto& contact : ctx.store.load_all(contact_kind())) {
    known.add(contact.data, contact.id + " (" + contact.get("name") + ")");
  }
  for (const auto& row : table.rows) {
    CellReader cells(row, table.format, origin, problems);
    std::string given_id;
    ContactInput input = input_of(row, fields, cells, given_id);
    if (input.name.empty() && names_given) {
      cells.problem("missing name");
    }
    if (!cells.ok() || input.name.empty()) {  // without a name column, the header's problem says it all
      continue;
    }
    Record record;
    try {
      record = new_contact(ctx, input, "imported from " + origin);
    } catch (const Error& e) {
      cells.problem(e.what());
      continue;
    }
    ContactImportRow planned{row.line, row.label, input.name, "", "", ""};
    Value keys = record.data;
    keys.set("id", given_id);  // the new record's fresh ID matches nothing
    std::string who = row.label.empty() ? "line " + std::to_string(row.line)
                                        : row.label.substr(0, row.label.size() - 2);  // "item 3"
    if (auto duplicate = known.find(keys)) {
      if (options.duplicates_are_errors) {
        cells.problem("duplicate of " + duplicate->first + ", " + duplicate->second);
        continue;
      }
      planned.duplicate_of = duplicate->first;
      planned.reason = duplicate->second;
    } else {
      try {
        require_valid_influencer(ctx.store, record);
      } catch (const Error& e) {
        cells.problem(e.what());
        continue;
      }
      planned.id = record.id;
      tx.put(std::move(record));
    }
    known.add(keys, who);
    result.rows.push_back(std::move(planned));
  }
  throw_import_problems(std::move(problems), origin);
  return result;
}

}  // namespace crm
