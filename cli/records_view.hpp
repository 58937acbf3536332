#pragma once

#include "output.hpp"
#include "record.hpp"

#include <string>
#include <vector>

namespace crm::cli {

// A record's fields for `show`: its canonical data plus `created` and
// `updated` (derived from its history, never stored).
Value details_of(const Record& record);

// Rows for a listing: each record reduced to `fields`, where "created" and
// "updated" are derived from history.
std::vector<Value> rows_of(const std::vector<Record>& records, const std::vector<std::string>& fields);

// Sets each row's "contact_name" from the contact its "contact" field names
// (loading each contact once).
void add_contact_names(const Store& store, std::vector<Value>& rows);

// The history of `record` as a table section ("History").
Section history_section(const Record& record);

// A contact's fields, its timeline (calls, cases...) and its history.
void print_contact(Session& session, const Record& contact);

// Tells the user which fields an edit changed (or that none did).
void report_edit(Session& session, const std::string& id, const std::vector<std::string>& changed);

}  // namespace crm::cli
