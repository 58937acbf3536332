#pragma once

#include "session.hpp"
#include "value.hpp"

#include <string>
#include <vector>

namespace crm::cli {

// A column of a human table: the row field it shows and its heading.
struct Column {
  std::string key;
  std::string header;
  bool time = false;  // stored UTC time, shown local to the CRM's zone
};

// Prints `rows` (maps sharing the keys in `fields`) in the session's format:
// JSON/YAML give each row whole, CSV/TSV give every field in `fields` with a
// header line, a table gives `columns` aligned.
void print_rows(Session& session, const std::vector<Value>& rows, const std::vector<std::string>& fields,
                const std::vector<Column>& columns);

// A titled table inside a details view (e.g. a contact's timeline).
struct Section {
  std::string title;
  std::vector<Value> rows;
  std::vector<Column> columns;
  std::string empty_text = "none";  // shown instead of an empty table
};

// Prints one record-like object. JSON/YAML print `object`; CSV/TSV print its
// scalar fields as one row; a table prints "key: value" lines for the
// object's fields (times local), then each section.
void print_details(Session& session, const Value& object, const std::vector<Section>& sections,
                   const std::vector<std::string>& time_fields);

// A cell's text as tables show it: lists joined by `list_separator`, stored
// times (when `time`) in the CRM's zone, "" for null or absent.
std::string cell_text(Session& session, const Value* v, bool time, const std::string& list_separator);

// Columns a UTF-8 text takes on a terminal (one per character).
std::size_t display_width(const std::string& s);
// `s` cut to `width` columns, the cut marked with "…".
std::string truncate_to(const std::string& s, std::size_t width);

// "a, b, c" for messages.
std::string joined(const std::vector<std::string>& items);

// `record` reduced to `fields` in that order; absent ones become null.
Value project(const Value& record, const std::vector<std::string>& fields);

}  // namespace crm::cli
