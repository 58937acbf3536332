#pragma once

#include "random.hpp"
#include "store.hpp"

#include <map>
#include <set>
#include <string>
#include <unordered_set>

namespace bench {

// Writes records exactly as crm would (crm::serialize, at Store::path_of),
// but without crm's lock, temporary file and fsync per record: a benchmark
// CRM of 600,000 files has to be written in seconds, and nothing else is
// reading it yet.
class RecordWriter {
 public:
  RecordWriter(const crm::Store& store, Random& random) : m_store(store), m_random(random) {}

  // A fresh ID of `kind` from the seeded random source, unique in this CRM.
  std::string new_id(const crm::KindSpec& kind);
  // Writes `data` (a map holding its "id") as the record file crm would write.
  void write(const crm::KindSpec& kind, const crm::Value& data);

  // Records written so far, by kind name.
  const std::map<std::string, std::size_t>& counts() const { return m_counts; }

 private:
  const crm::Store& m_store;
  Random& m_random;
  std::unordered_set<std::string> m_ids;
  std::set<crm::fs::path> m_folders;
  std::map<std::string, std::size_t> m_counts;
};

// A history entry {at, by, event}; `by` is left out when empty (the system acted).
crm::Value history_entry(crm::Timestamp at, const std::string& by, const std::string& event);

}  // namespace bench
