#pragma once

#include "config.hpp"
#include "files.hpp"
#include "record.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace crm {

// A CRM directory: crm.yaml plus one folder per record kind.
// Chooses records by their summary: a map of the record's top-level scalar
// fields, plus for records with a history "@closed", the time of its last
// `closed` entry when no `reopened` follows (see final_close_time), else "".
using RecordFilter = std::function<bool(const Value& summary)>;
// Receives records one at a time (Store::for_each_where).
using RecordVisitor = std::function<void(Record&& record)>;

class Store {
 public:
  // Finds the CRM the way git finds its repository: `dir` when given, else
  // $CRM_DIR, else the nearest folder holding crm.yaml from the working
  // directory up. The result is relative to the working directory when it
  // was found by walking up. Throws a usage error when there is none.
  static fs::path locate(const std::string& dir, const std::string& env_dir);

  // Opens the CRM at `root` and loads its configuration. A malformed
  // crm.yaml throws, unless `tolerate_bad_config`: then the defaults are
  // used and config_error() describes the problem (for `crm check`).
  explicit Store(fs::path root, bool tolerate_bad_config = false);
  const std::string& config_error() const { return m_config_error; }
  // How many files of a write that a crash interrupted opening completed (journal.hpp).
  std::size_t recovered_files() const { return m_recovered_files; }

  const fs::path& root() const { return m_root; }
  const Config& config() const { return m_config; }
  fs::path config_path() const { return m_root / "crm.yaml"; }
  // `path` as shown in messages: under the root as the user named it.
  std::string shown(const fs::path& path) const;

  // Milliseconds a writer waits for another writer before giving up.
  void set_lock_timeout_ms(int ms) { m_lock_timeout_ms = ms; }
  int lock_timeout_ms() const { return m_lock_timeout_ms; }
  fs::path lock_path() const { return m_root / ".crm" / "lock"; }

  // Where the record `id` of `kind` lives (whether or not it exists).
  fs::path path_of(const KindSpec& kind, const std::string& id) const;
  bool exists(const KindSpec& kind, const std::string& id) const;
  // A fresh ID for `kind` that no existing record uses.
  std::string new_id(const KindSpec& kind) const;

  // The full ID that `input` names: a whole ID or any unambiguous prefix of
  // its random part, with or without the kind prefix, in any case.
  // Throws not-found (listing the candidates when ambiguous).
  std::string resolve(const KindSpec& kind, const std::string& input) const;

  // Loads and validates one record; throws data errors with PATH:LINE.
  Record load(const KindSpec& kind, const std::string& id) const;
  Record find(const KindSpec& kind, const std::string& input) const { return load(kind, resolve(kind, input)); }
  // Every record of `kind`, sorted by ID; throws on the first malformed one.
  std::vector<Record> load_all(const KindSpec& kind) const;
  // Those that `keep` keeps: with the cache, the others are never decoded.
  std::vector<Record> load_where(const KindSpec& kind, const RecordFilter& keep) const;
  // The same, one record at a time in ID order, none held after `visit` returns.
  void for_each_where(const KindSpec& kind, const RecordFilter& keep, const RecordVisitor& visit) const;

  // Every record file of `kind` (sorted), and reading one without validation.
  std::vector<fs::path> files(const KindSpec& kind) const;
  Record read(const KindSpec& kind, const fs::path& path) const;
  // Reading one record file and validating it (load() for a path).
  Record read_valid(const KindSpec& kind, const fs::path& path) const;

  // Whether load_all() may use and update the record cache (record_cache.hpp); on by default.
  void set_cache_enabled(bool enabled) { m_cache_enabled = enabled; }
  bool cache_enabled() const { return m_cache_enabled; }

 private:
  std::vector<std::string> ids_matching(const KindSpec& kind, const std::string& body_prefix) const;

  fs::path m_root;
  Config m_config;
  std::string m_config_error;
  std::size_t m_recovered_files = 0;
  int m_lock_timeout_ms = 10000;
  bool m_cache_enabled = true;
};

// Something that a commit saved: one new history entry of a record (or the
// creation of a record kind without history). Hooks are run for these.
struct Event {
  std::string name;  // "<kind>-<event>", e.g. "case-forwarded"
  const KindSpec* kind = nullptr;
  std::string id;
  Value entry;   // the history entry; null for kinds without history
  Value record;  // the record as saved
};

// A group of record writes made under the CRM's lock. Construct it before
// reading the records to change, so that no other crm process interleaves.
class Transaction {
 public:
  explicit Transaction(const Store& store);
  // Stages `record` to be written (a later put of the same record replaces it).
  void put(Record record);
  // The staged record `id` of `kind`, if any (something created in this
  // transaction that later steps refer to).
  const Record* staged(const KindSpec& kind, const std::string& id) const;
  // Writes every staged record, canonically and atomically, all or none
  // (journal.hpp), then releases the lock (so hooks may run crm themselves).
  void commit();
  const std::vector<Record>& records() const { return m_records; }
  // What the commit saved, in order.
  const std::vector<Event>& events() const { return m_events; }

 private:
  const Store& m_store;
  FileLock m_lock;
  std::vector<Record> m_records;
  std::vector<Event> m_events;
};

// Who is acting and when: passed to every operation that changes records.
struct Context {
  const Store& store;
  std::string actor;  // a user ID, or "" while the CRM has no users yet
  Timestamp now;
};

// A history entry {at, by, event} for an action taken in `ctx`.
Value history_event(const Context& ctx, const std::string& event);
// The same with a `note` (left out when empty).
Value history_event(const Context& ctx, const std::string& event, const std::string& note);
// The acting user for messages: "someone" when the system acts (cron).
std::string shown_actor(const Context& ctx);

}  // namespace crm
