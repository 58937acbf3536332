#pragma once

#include "config.hpp"
#include "files.hpp"
#include "problem.hpp"
#include "schema.hpp"
#include "timestamp.hpp"
#include "value.hpp"

#include <string>
#include <vector>

namespace crm {

// One record file: its kind, ID, where it lives and what it holds.
struct Record {
  const KindSpec* kind = nullptr;
  std::string id;
  fs::path path;
  Value data;  // a map; data.get("id") == id
  // How many history entries the file held when read; entries past this are
  // new events (for hooks). A record not yet on disk has `is_new` set.
  std::size_t stored_events = 0;
  bool is_new = false;

  const std::string& get(const std::string& key) const { return data.get(key); }
  // The history list (an empty list when the record has none).
  const Value& history() const;
  // When it was created: its first history entry's time ("" without one).
  const std::string& created_at() const;
};

// Listing order by the stored time `field` (a due or expected-close time):
// soonest first, records without it last, then newest created, then by ID.
bool sooner_then_newer(const Record& a, const Record& b, const std::string& field);

// The record in canonical form: known fields in the kind's order followed by
// unknown ones in their original order, empty known fields dropped, history
// entries ordered the same way. Serializing the result is deterministic.
Value canonical(const KindSpec& kind, const Value& data);

// The canonical file contents of a record.
std::string serialize(const KindSpec& kind, const Value& data);

// Everything wrong with one record's contents that can be seen without
// looking at other records (types, enum values, required fields, its ID).
std::vector<Problem> record_problems(const KindSpec& kind, const Value& data, const Config& config,
                                     const std::string& shown_path, const std::string& expected_id);

// Fields a record caches from its own history (a case's status, a
// mission's taker...): the name and the value the history gives ("" for
// unset), in order.
using CachedFields = std::vector<std::pair<std::string, std::string>>;

// One problem per cached field of `data` that disagrees with `expected`.
void cached_field_problems(const Value& data, const CachedFields& expected, const std::string& shown_path,
                           std::vector<Problem>& out);

}  // namespace crm
