#pragma once

#include "record_cache.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace crm {

// The on-disk form of one kind's record cache (.crm/cache/<folder>.bin):
//
//   header   magic, format, byte order, fingerprint (crm.yaml and format)
//   records  each record's encoded Value, back to back
//   index    per record file, in path order: its key (path under the CRM),
//            stat data, where its record lies, the record's checksum and
//            its encoded summary
//   footer   where the index lies, its checksum, the entry count, magic
//
// Records come before the index so that a writer can stream both (the
// index through a side file) and never hold a big CRM's cache in memory.

// One index entry; the views point into the mapped file.
struct CacheEntry {
  std::string_view key;
  FileStat stat;
  std::string_view summary;  // encoded record_summary()
  std::string_view blob;     // encoded record
  std::uint64_t blob_sum = 0;
};

class MappedFile;

// A cache file mapped read-only; `usable` is false when it is missing,
// damaged, of another format or for another crm.yaml. Its index is checked
// whole on opening but not kept decoded: a million entries would cost more
// memory than the records a scan visits. The mapping outlives a rename.
struct CacheFileView {
  CacheFileView();
  ~CacheFileView();
  CacheFileView(CacheFileView&&) noexcept;
  std::unique_ptr<MappedFile> file;
  std::string_view index, records;
  std::uint32_t count = 0;  // entries in the index
  bool usable = false;
  // Drops the pages wholly inside `part` from memory (read back if touched).
  void release(std::string_view part) const;
};
CacheFileView read_cache_file(const fs::path& path, std::uint64_t fingerprint);

// Walks a usable cache's index in key order.
class CacheIndexCursor {
 public:
  explicit CacheIndexCursor(const CacheFileView& cache) : m_cache(cache) { advance(); }
  // The entry for `key`, or null; keys must be asked for in path order.
  const CacheEntry* find(std::string_view key);
  // The next entry in index order, or null at the end.
  const CacheEntry* next();

 private:
  void advance();
  const CacheFileView& m_cache;
  std::size_t m_pos = 0;
  CacheEntry m_entry, m_returned;  // the one ahead, and the one handed out
  bool m_valid = false;
};

// Streams a new cache file: entries in key order; nothing is written over
// `path` until commit(), which renames it into place. Never throws: a cache
// that cannot be written (read-only folder, full disk) is silently skipped.
class CacheFileWriter {
 public:
  CacheFileWriter(fs::path path, std::uint64_t fingerprint);
  ~CacheFileWriter();  // removes the unfinished files
  CacheFileWriter(const CacheFileWriter&) = delete;
  CacheFileWriter& operator=(const CacheFileWriter&) = delete;

  void add(std::string_view key, const FileStat& stat, std::string_view summary, std::string_view blob,
           std::uint64_t blob_sum);
  void commit();

 private:
  struct Output;
  void fail();

  fs::path m_path;
  std::unique_ptr<Output> m_records, m_index;  // the file itself, and the index's side file
  std::uint64_t m_index_sum = 0;
  std::uint32_t m_count = 0;
  bool m_failed = false;
};

}  // namespace crm
