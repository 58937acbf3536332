#pragma once

#include "store.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace crm {

// The record cache, like git's index: under .crm/cache/ (git-ignored) one
// file per record kind holds, for each record file, its stat data (size,
// mtime, ctime, inode) and its parsed and validated contents in a compact
// binary form that loads with one read. A run stats the kind's files,
// decodes the records whose stat data still match, parses only the new or
// changed files (in parallel), drops the deleted ones and writes the cache
// back atomically when it changed. A missing, damaged or outdated cache (a
// new format, another crm.yaml) is rebuilt without a word; one that cannot
// be written (read-only folder, full disk) is simply not written.

// A record file's stat data, as the cache compares it.
struct FileStat {
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;
  std::uint64_t inode = 0;
  bool operator==(const FileStat& o) const {
    return size == o.size && mtime_ns == o.mtime_ns && ctime_ns == o.ctime_ns && inode == o.inode;
  }
};

// One record file on disk. The path is a plain string: a big CRM has a
// million of them, and a std::filesystem::path holds each component apart.
struct FileStamp {
  std::string path;
  FileStat stat;
};

// Path order, as std::filesystem::path compares: component by component,
// which for plain strings means '/' sorts before every other character.
bool path_less(std::string_view a, std::string_view b);

// The record files of `kind` under `root`, sorted by path_less; with their
// stat data when asked (each file stat-ed once), else just their paths.
std::vector<FileStamp> stamp_record_files(const fs::path& root, const KindSpec& kind, bool with_stat_data = true);

// Every record of `kind`, exactly as Store::load_all reads them without a
// cache, served from the cache where it is fresh. Throws the same data
// error for the first malformed file. With `keep`, only the records whose
// summary it keeps (see Store::load_where): the cache decodes no other.
std::vector<Record> load_all_cached(const Store& store, const KindSpec& kind, const RecordFilter& keep = {});

// The same, handing each record to `visit` in path order as it is decoded,
// so that a caller keeping few of them never holds them all.
void for_each_cached(const Store& store, const KindSpec& kind, const RecordFilter& keep, const RecordVisitor& visit);

// What a RecordFilter sees of the record `data` (see RecordFilter in store.hpp).
Value record_summary(const Value& data);

// Where the cache lives.
fs::path cache_dir(const Store& store);

// What the cache holds for one kind (crm cache status).
struct CacheKindStatus {
  const KindSpec* kind = nullptr;
  std::size_t files = 0;    // record files on disk
  std::size_t cached = 0;   // records the cache file holds
  std::size_t fresh = 0;    // of those, still matching their file
  std::uintmax_t bytes = 0;  // size of the cache file
  bool present = false;      // a cache file exists
  bool usable = false;       // and is intact, of this format and this crm.yaml
};
std::vector<CacheKindStatus> cache_status(const Store& store);

// Removes the cache; the next run rebuilds what it needs.
void clear_cache(const Store& store);

}  // namespace crm
