#pragma once

#include "store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace crm {

// One history entry of one record: something that happened in the CRM.
struct Activity {
  Timestamp at;
  std::string by;  // "" when the system acted (cron)
  const KindSpec* kind = nullptr;
  std::string id;
  std::size_t index = 0;  // position in the record's history
  std::string event;
  std::string title;   // what the record is (see record_title)
  std::string detail;  // the entry's other fields (see entry_detail)
  Value entry;         // the whole history entry
};

struct ActivityFilter {
  std::optional<Timestamp> since;         // at >= since
  std::optional<Timestamp> until;         // at < until
  std::string user;                       // only what this user did ("" for anyone)
  std::vector<const KindSpec*> kinds;     // only records of these kinds (empty: every kind)
  const KindSpec* record_kind = nullptr;  // only the history of this record (nullptr: every record)
  std::string record;
  std::vector<std::string> events;  // only these events (empty: every event)
  std::size_t limit = 0;            // only the newest `limit` entries (0: all)
  bool oldest_first = false;        // as `git log --reverse`: the entries chosen, oldest first
};

// Every history entry of every record that `filter` lets through, merged
// into one stream, newest first (or oldest first). Entries at the same time
// are ordered by record ID, then position in the history, and the newest-first
// order is the exact reverse of the oldest-first one.
std::vector<Activity> activity(const Store& store, const ActivityFilter& filter);

// What a record is, in a few words: its title, else its name, else the first
// line of its summary (a call), else "".
std::string record_title(const Value& data);

// A history entry's fields other than at, by and event: "department: water; note: ...".
std::string entry_detail(const Value& entry);

// Every event name some record kind's history may hold, sorted.
std::vector<std::string> all_events();

}  // namespace crm
