#include "record_cache.hpp"

#include "cache_file.hpp"
#include "case_timers.hpp"
#include "error.hpp"
#include "value_codec.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <exception>
#include <memory>
#include <optional>
#include <string_view>
#include <thread>

namespace crm {
namespace {

// The summary field that tells when a record was closed for good.
const char* const k_summary_closed = "@closed";

// Below this many files to parse, threads cost more than they save.
constexpr std::size_t k_parallel_threshold = 64;

std::int64_t nanoseconds(const struct timespec& t) {
  return static_cast<std::int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec;
}

// File times come from the kernel's coarse clock: a file changed in the
// same tick as the scan could change again unseen with the same stamp.
std::int64_t coarse_now_ns() {
  struct timespec t {};
  ::clock_gettime(CLOCK_REALTIME_COARSE, &t);
  return nanoseconds(t);
}

bool is_record_name(const char* name) {
  std::string_view n(name);
  return !n.empty() && n[0] != '.' && n.size() > 5 && n.substr(n.size() - 5) == ".yaml";
}

// Lists a folder's record files (and, for sharded kinds, its subfolders');
// stats each one only when `stamps` asks for its stat data, since the
// directory entry already tells a regular file on most file systems.
void stamp_folder(const std::string& folder, bool descend, bool stamps, std::vector<FileStamp>& out) {
  DIR* dir = ::opendir(folder.c_str());
  if (!dir) {
    return;
  }
  int fd = ::dirfd(dir);
  while (const struct dirent* e = ::readdir(dir)) {
    if (e->d_name[0] == '.') {
      continue;
    }
    bool regular = e->d_type == DT_REG;
    bool directory = e->d_type == DT_DIR;
    bool known = regular || directory;
    if (!known || (regular && stamps && is_record_name(e->d_name))) {
      struct stat st {};
      if (::fstatat(fd, e->d_name, &st, 0) != 0) {
        continue;  // vanished, or a dangling link: no record
      }
      regular = S_ISREG(st.st_mode);
      directory = S_ISDIR(st.st_mode);
      if (regular && is_record_name(e->d_name)) {
        FileStamp s;
        s.path = folder + '/' + e->d_name;
        s.stat.size = static_cast<std::uint64_t>(st.st_size);
        s.stat.mtime_ns = nanoseconds(st.st_mtim);
        s.stat.ctime_ns = nanoseconds(st.st_ctim);
        s.stat.inode = static_cast<std::uint64_t>(st.st_ino);
        out.push_back(std::move(s));
        continue;
      }
    } else if (regular && is_record_name(e->d_name)) {
      FileStamp s;
      s.path = folder + '/' + e->d_name;
      out.push_back(std::move(s));
      continue;
    }
    if (descend && directory) {
      stamp_folder(folder + '/' + e->d_name, false, stamps, out);
    }
  }
  ::closedir(dir);
}

std::uint64_t fingerprint(const Store& store, const KindSpec& kind) {
  std::string seed = kind.name + '\0';
  try {
    seed += read_file(store.config_path());
  } catch (const Error&) {
  }
  return checksum64(seed);
}

fs::path cache_file(const Store& store, const KindSpec& kind) { return cache_dir(store) / (kind.folder + ".bin"); }

CacheFileView read_cache(const Store& store, const KindSpec& kind, std::uint64_t print) {
  return read_cache_file(cache_file(store, kind), print);
}

// The stamps' paths under the CRM's root ("calls/2026-11/CL-….yaml"), as
// the cache names them: every stamp of a kind starts with the same folder.
class CacheKeys {
 public:
  CacheKeys(const Store& store, const KindSpec& kind)
      : m_skip((store.root() / kind.folder).native().size() - kind.folder.size()) {}
  std::string_view operator()(const FileStamp& stamp) const { return std::string_view(stamp.path).substr(m_skip); }

 private:
  std::size_t m_skip;
};

std::optional<Value> decode_whole(std::string_view bytes) {
  std::size_t pos = 0;
  auto v = decode_value(bytes, pos);
  if (!v || pos != bytes.size()) {
    return std::nullopt;
  }
  return v;
}

// One parsed file: the record (or the error it raised) and, when the cache
// is being written, its encoded summary and record.
struct Parsed {
  std::optional<Record> record;
  std::exception_ptr error;
  Value summary;
  std::string encoded_summary, encoded_record;
  std::uint64_t record_sum = 0;
};

void encode_parsed(Parsed& p) {
  encode_value(p.summary, p.encoded_summary);
  encode_value(p.record->data, p.encoded_record);
  p.record_sum = checksum64(p.encoded_record);
}

// Parses `files` with Store::read_valid (and encodes them when `encode`),
// on several threads when there are many.
std::vector<Parsed> parse_all(const Store& store, const KindSpec& kind, const std::vector<const FileStamp*>& files,
                              bool encode) {
  std::vector<Parsed> out(files.size());
  auto work = [&](std::size_t first, std::size_t step) {
    for (std::size_t i = first; i < files.size(); i += step) {
      try {
        out[i].record = store.read_valid(kind, files[i]->path);
        out[i].summary = record_summary(out[i].record->data);
        if (encode) {
          encode_parsed(out[i]);
        }
      } catch (...) {
        out[i].error = std::current_exception();
      }
    }
  };
  std::size_t threads = std::max<std::size_t>(1, std::thread::hardware_concurrency());
  if (files.size() < k_parallel_threshold || threads == 1) {
    work(0, 1);
    return out;
  }
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) {
    pool.emplace_back(work, t, threads);
  }
  work(0, threads);
  for (auto& thread : pool) {
    thread.join();
  }
  return out;
}

// Parses the files the cache cannot serve, a batch at a time as the scan
// reaches them: parsed records never pile up in memory.
class BatchParser {
 public:
  BatchParser(const Store& store, const KindSpec& kind, std::vector<const FileStamp*> files, bool encode)
      : m_store(store), m_kind(kind), m_files(std::move(files)), m_encode(encode) {}
  bool empty() const { return m_files.empty(); }
  // The next file's result, in the order given; rethrows its error.
  Parsed next() {
    if (m_at == m_batch.size()) {
      std::size_t from = m_done, to = std::min(m_files.size(), m_done + k_batch);
      m_batch = parse_all(m_store, m_kind, {m_files.begin() + static_cast<std::ptrdiff_t>(from),
                                            m_files.begin() + static_cast<std::ptrdiff_t>(to)}, m_encode);
      m_done = to;
      m_at = 0;
    }
    Parsed p = std::move(m_batch[m_at++]);
    if (p.error) {
      std::rethrow_exception(p.error);
    }
    return p;
  }
  // Parses every file now, so that an error surfaces before any record is
  // visited, as without a cache; next() then hands out these results. For
  // the few files a scan that rewrites no cache parses (those too fresh).
  void parse_now() {
    m_batch = parse_all(m_store, m_kind, m_files, m_encode);
    m_done = m_files.size();
    m_at = 0;
    for (auto& p : m_batch) {
      if (p.error) {
        std::rethrow_exception(p.error);
      }
    }
  }

 private:
  static constexpr std::size_t k_batch = 2048;
  const Store& m_store;
  const KindSpec& m_kind;
  std::vector<const FileStamp*> m_files;
  bool m_encode;
  std::vector<Parsed> m_batch;
  std::size_t m_at = 0, m_done = 0;
};

// Memory for a big CRM: what a scan has read of the mapped cache (index
// entries and records, each in file order) need not stay in memory.
class ReadPages {
 public:
  explicit ReadPages(const CacheFileView& cache)
      : m_cache(cache), m_index(cache.index.data()), m_records(cache.records.data()) {}
  // The scan is done with everything before `e`.
  void passed(const CacheEntry& e) {
    drop(m_index, e.key.data());
    drop(m_records, e.blob.data());
  }

 private:
  void drop(const char*& done, const char* upto) {
    if (upto - done > (16 << 20)) {
      m_cache.release({done, static_cast<std::size_t>(upto - done)});
      done = upto;
    }
  }
  const CacheFileView& m_cache;
  const char* m_index;
  const char* m_records;
};

Record decoded_record(const KindSpec& kind, const std::string& path, Value data) {
  Record r;
  r.kind = &kind;
  r.path = path;
  r.id = r.path.stem().string();
  r.data = std::move(data);
  r.stored_events = r.history().items().size();
  return r;
}

}  // namespace

bool path_less(std::string_view a, std::string_view b) {
  // Paths of one kind share a long prefix: skip it a word at a time.
  std::size_t n = std::min(a.size(), b.size()), i = 0;
  while (i + 8 <= n && std::memcmp(a.data() + i, b.data() + i, 8) == 0) {
    i += 8;
  }
  while (i < n && a[i] == b[i]) {
    ++i;
  }
  if (i == b.size()) {
    return false;  // b is a prefix of a, or equal
  }
  if (i == a.size()) {
    return true;
  }
  if (a[i] == '/' || b[i] == '/') {
    return a[i] == '/';
  }
  return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[i]);
}

Value record_summary(const Value& data) {
  Value summary = Value::map();
  for (const auto& [key, value] : data.fields()) {
    if (value.is_scalar()) {
      summary.fields().emplace_back(key, value);
    }
  }
  if (data.find("history")) {
    summary.set(k_summary_closed, final_close_time(data));
  }
  return summary;
}

std::vector<FileStamp> stamp_record_files(const fs::path& root, const KindSpec& kind, bool with_stat_data) {
  std::vector<FileStamp> out;
  stamp_folder((root / kind.folder).native(), kind.sharded, with_stat_data, out);
  // Sorted as path_less orders, but with memcmp: '/' becomes the lowest
  // byte a path can hold while sorting, then comes back.
  for (auto& stamp : out) {
    std::replace(stamp.path.begin(), stamp.path.end(), '/', '\x01');
  }
  std::sort(out.begin(), out.end(), [](const FileStamp& a, const FileStamp& b) { return a.path < b.path; });
  for (auto& stamp : out) {
    std::replace(stamp.path.begin(), stamp.path.end(), '\x01', '/');
  }
  return out;
}

fs::path cache_dir(const Store& store) { return store.root() / ".crm" / "cache"; }

void for_each_cached(const Store& store, const KindSpec& kind, const RecordFilter& keep, const RecordVisitor& visit) {
  std::int64_t scanned_at = coarse_now_ns();
  std::vector<FileStamp> stamps = stamp_record_files(store.root(), kind);
  std::uint64_t print = fingerprint(store, kind);  // reads crm.yaml: once per scan
  CacheFileView cache = read_cache(store, kind, print);
  CacheKeys key(store, kind);

  // Files changed in the scan's clock tick stay out of the cache: a change
  // in the same tick would keep their stamp.
  auto cacheable = [&](std::size_t i) {
    return std::max(stamps[i].stat.mtime_ns, stamps[i].stat.ctime_ns) < scanned_at;
  };
  // Which files the cache serves; the others are parsed. The new cache
  // would hold exactly the old one's entries when every cacheable file is
  // served and every entry serves a cacheable file: then it is not written.
  std::vector<bool> served(stamps.size(), false);
  std::vector<const FileStamp*> to_parse;
  std::size_t kept_entries = 0;
  bool rewrite = !cache.usable;
  {
    CacheIndexCursor cursor(cache);
    ReadPages pages(cache);
    for (std::size_t i = 0; i < stamps.size(); ++i) {
      const CacheEntry* e = cursor.find(key(stamps[i]));
      if (e) {
        pages.passed(*e);
      }
      served[i] = e && e->stat == stamps[i].stat;
      if (!served[i]) {
        to_parse.push_back(&stamps[i]);
        rewrite = rewrite || cacheable(i);
      } else if (cacheable(i)) {
        ++kept_entries;
      }
    }
    cache.release(cache.index);
  }
  rewrite = rewrite || kept_entries != cache.count;
  BatchParser parser(store, kind, std::move(to_parse), rewrite);
  if (!rewrite) {
    parser.parse_now();
  }
  std::optional<CacheFileWriter> writer;
  if (rewrite) {
    writer.emplace(cache_file(store, kind), print);
  }
  // Records damaged inside a cache that is not being rewritten: re-encoded,
  // and the cache rewritten once the scan is over.
  std::vector<std::pair<std::size_t, Parsed>> repaired;

  CacheIndexCursor cursor(cache);
  ReadPages pages(cache);
  for (std::size_t i = 0; i < stamps.size(); ++i) {
    if (!served[i]) {
      Parsed p = parser.next();
      if (writer && cacheable(i)) {
        writer->add(key(stamps[i]), stamps[i].stat, p.encoded_summary, p.encoded_record, p.record_sum);
      }
      if (!keep || keep(p.summary)) {
        visit(std::move(*p.record));
      }
      continue;
    }
    const CacheEntry& e = *cursor.find(key(stamps[i]));
    pages.passed(e);
    bool wanted = true;
    if (keep) {
      std::optional<Value> summary = decode_whole(e.summary);
      wanted = !summary || keep(*summary);  // a damaged summary: read the file
    }
    std::optional<Value> data;
    if (wanted && checksum64(e.blob) == e.blob_sum) {
      data = decode_whole(e.blob);
    }
    if (wanted && !data) {
      // A damaged record in the cache: its file is the truth.
      Parsed p;
      p.record = store.read_valid(kind, stamps[i].path);
      p.summary = record_summary(p.record->data);
      encode_parsed(p);
      bool visible = !keep || keep(p.summary);
      Record record = std::move(*p.record);
      p.record.reset();
      if (writer && cacheable(i)) {
        writer->add(key(stamps[i]), stamps[i].stat, p.encoded_summary, p.encoded_record, p.record_sum);
      } else if (!writer && cacheable(i)) {
        repaired.emplace_back(i, std::move(p));
      }
      if (visible) {
        visit(std::move(record));
      }
      continue;
    }
    if (writer && cacheable(i)) {
      // Its checksum carried over: a damaged record stays detectable.
      writer->add(e.key, e.stat, e.summary, e.blob, e.blob_sum);
    }
    if (data) {
      visit(decoded_record(kind, stamps[i].path, std::move(*data)));
    }
  }
  if (writer) {
    writer->commit();
    return;
  }
  if (!repaired.empty()) {
    CacheFileWriter fixed(cache_file(store, kind), print);
    CacheIndexCursor again(cache);
    std::size_t r = 0;
    for (std::size_t i = 0; i < stamps.size(); ++i) {
      const CacheEntry* e = served[i] ? again.find(key(stamps[i])) : nullptr;
      if (r < repaired.size() && repaired[r].first == i) {
        const Parsed& p = repaired[r++].second;
        fixed.add(key(stamps[i]), stamps[i].stat, p.encoded_summary, p.encoded_record, p.record_sum);
      } else if (e && cacheable(i)) {
        fixed.add(e->key, e->stat, e->summary, e->blob, e->blob_sum);
      }
    }
    fixed.commit();
  }
}

std::vector<Record> load_all_cached(const Store& store, const KindSpec& kind, const RecordFilter& keep) {
  std::vector<Record> out;
  for_each_cached(store, kind, keep, [&out](Record&& r) { out.push_back(std::move(r)); });
  return out;
}

std::vector<CacheKindStatus> cache_status(const Store& store) {
  std::vector<CacheKindStatus> out;
  for (const KindSpec* kind : all_kinds()) {
    CacheKindStatus s;
    s.kind = kind;
    auto stamps = stamp_record_files(store.root(), *kind);
    s.files = stamps.size();
    std::error_code ec;
    fs::path file = cache_file(store, *kind);
    s.present = fs::is_regular_file(file, ec);
    s.bytes = s.present ? fs::file_size(file, ec) : 0;
    CacheFileView cache = read_cache(store, *kind, fingerprint(store, *kind));
    s.usable = cache.usable;
    s.cached = cache.count;
    CacheKeys key(store, *kind);
    CacheIndexCursor cursor(cache);
    for (const auto& stamp : stamps) {
      const CacheEntry* e = cursor.find(key(stamp));
      s.fresh += e && e->stat == stamp.stat;
    }
    out.push_back(s);
  }
  return out;
}

void clear_cache(const Store& store) {
  std::error_code ec;
  fs::remove_all(cache_dir(store), ec);
  if (ec) {
    throw system_error("cannot remove " + store.shown(cache_dir(store)) + ": " + ec.message());
  }
}

}  // namespace crm
