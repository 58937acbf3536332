#pragma once

// crm export: whole records of some kinds, in a fixed order, for JSON, YAML,
// CSV or TSV.

#include "store.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace crm {

// The kinds `names` name ("contact" or "contacts", any case), each once, in
// the order of all_kinds(); every kind when `names` is empty. Throws a usage
// error listing the kinds for an unknown name.
std::vector<const KindSpec*> export_kinds(const std::vector<std::string>& names);

// A record's `data` with whole numbers as numbers, in its fields and its
// history entries (loaded scalars are all text), as JSON output wants them.
Value typed_record(const KindSpec& kind, const Value& data);

// Every record of `kinds` as one object: kind name -> list of records sorted
// by ID, each whole (history included) and typed. Malformed files throw.
Value export_records(const Store& store, const std::vector<const KindSpec*>& kinds);

// Writes exactly to_json(export_records(store, kinds)) to `out`, one record
// at a time: exporting a big CRM never holds it in memory. A malformed file
// throws before anything is written.
void write_export_json(std::ostream& out, const Store& store, const std::vector<const KindSpec*>& kinds);

// The same records as a table for CSV/TSV.
struct ExportTable {
  // One kind: its fields in the kind's order (history last, any unknown keys
  // just before it). Several: "record_kind" first, then the fields of every
  // kind in the same way.
  std::vector<std::string> columns;
  // One map per record; lists of texts stay lists, anything nested (history,
  // lists of maps) becomes one line of JSON text, so nothing is lost.
  std::vector<Value> rows;
};
ExportTable export_table(const Store& store, const std::vector<const KindSpec*>& kinds);

}  // namespace crm
