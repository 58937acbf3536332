#include "record_cache.hpp"

#include "case_timers.hpp"
#include "error.hpp"
#include "value_codec.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <exception>
#include <memory>
#include <optional>
#include <string_view>
#include <thread>
#include <unordered_map>

namespace crm {
namespace {

// Bump whenever the encoding, or what parsing or validating a record
// yields, changes: older caches are then rebuilt.
constexpr std::uint32_t k_cache_format = 2;
constexpr char k_magic[8] = {'C', 'R', 'M', 'C', 'A', 'C', 'H', 'E'};
constexpr std::uint32_t k_byte_order = 0x01020304;
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
void stamp_folder(const fs::path& folder, bool descend, bool stamps, std::vector<FileStamp>& out) {
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
        s.path = folder / e->d_name;
        s.size = static_cast<std::uint64_t>(st.st_size);
        s.mtime_ns = nanoseconds(st.st_mtim);
        s.ctime_ns = nanoseconds(st.st_ctim);
        s.inode = static_cast<std::uint64_t>(st.st_ino);
        out.push_back(std::move(s));
        continue;
      }
    } else if (regular && is_record_name(e->d_name)) {
      FileStamp s;
      s.path = folder / e->d_name;
      out.push_back(std::move(s));
      continue;
    }
    if (descend && directory) {
      stamp_folder(folder / e->d_name, false, stamps, out);
    }
  }
  ::closedir(dir);
}

std::uint64_t fingerprint(const Store& store, const KindSpec& kind) {
  std::string seed = kind.name + '\0' + std::to_string(k_cache_format) + '\0';
  try {
    seed += read_file(store.config_path());
  } catch (const Error&) {
  }
  return checksum64(seed);
}

fs::path cache_file(const Store& store, const KindSpec& kind) { return cache_dir(store) / (kind.folder + ".bin"); }

// A record file's path relative to the CRM's root, as the cache names it.
std::string relative_key(const Store& store, const fs::path& path) {
  const std::string& full = path.native();
  const std::string& root = store.root().native();
  if (full.size() > root.size() + 1 && full.compare(0, root.size(), root) == 0 && full[root.size()] == '/') {
    return full.substr(root.size() + 1);
  }
  return path.lexically_relative(store.root()).generic_string();
}

// A file mapped read-only; the mapping outlives a rename of the file.
class MappedFile {
 public:
  explicit MappedFile(const fs::path& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      return;
    }
    struct stat st {};
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
      void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
      if (p != MAP_FAILED) {
        m_data = static_cast<const char*>(p);
        m_size = static_cast<std::size_t>(st.st_size);
      }
    }
    ::close(fd);
  }
  ~MappedFile() {
    if (m_data) {
      ::munmap(const_cast<char*>(m_data), m_size);
    }
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  std::string_view bytes() const { return {m_data, m_size}; }
  // Lets the kernel drop the pages wholly inside `part` from this process's
  // memory; they are read from the file again if touched.
  void release(std::string_view part) const {
    auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    auto first = (reinterpret_cast<std::uintptr_t>(part.data()) + page - 1) / page * page;
    auto last = (reinterpret_cast<std::uintptr_t>(part.data() + part.size())) / page * page;
    if (m_data && last > first) {
      ::madvise(reinterpret_cast<void*>(first), last - first, MADV_DONTNEED);
    }
  }

 private:
  const char* m_data = nullptr;
  std::size_t m_size = 0;
};

// One record as the cache file holds it; the views point into the mapping.
struct CachedEntry {
  FileStamp stamp;
  std::string_view summary;  // encoded record_summary()
  std::string_view blob;     // encoded record
  std::uint64_t blob_sum = 0;
};

// A cache file: a header, an index (checked as a whole) with each record's
// key, stamp and summary, then the records themselves (each checked when
// decoded), so a run touches only the pages of the records it decodes.
struct CacheFile {
  std::unique_ptr<MappedFile> file;
  std::string_view index, records;  // the file's two parts
  std::unordered_map<std::string_view, CachedEntry> entries;
  bool usable = false;
};

CacheFile read_cache(const Store& store, const KindSpec& kind) {
  CacheFile cache;
  cache.file = std::make_unique<MappedFile>(cache_file(store, kind));
  std::string_view in = cache.file->bytes();
  std::size_t pos = sizeof k_magic;
  std::uint32_t format = 0, order = 0, count = 0;
  std::uint64_t print = 0, index_sum = 0, index_size = 0;
  if (in.size() < pos || in.substr(0, pos) != std::string_view(k_magic, sizeof k_magic) ||
      !get_u32(in, pos, format) || !get_u32(in, pos, order) || !get_u64(in, pos, print) ||
      !get_u64(in, pos, index_sum) || !get_u64(in, pos, index_size) || !get_u32(in, pos, count) ||
      format != k_cache_format || order != k_byte_order || print != fingerprint(store, kind) ||
      index_size > in.size() - pos || checksum64(in.substr(pos, index_size)) != index_sum) {
    return cache;
  }
  std::string_view index = in.substr(pos, index_size);
  std::string_view blobs = in.substr(pos + index_size);
  cache.index = index;
  cache.records = blobs;
  std::size_t at = 0;
  cache.entries.reserve(count);
  for (std::uint32_t i = 0; i < count; ++i) {
    std::string_view key;
    CachedEntry e;
    std::uint64_t mtime = 0, ctime = 0, offset = 0;
    std::uint32_t size = 0;
    if (!get_bytes(index, at, key) || !get_u64(index, at, e.stamp.size) || !get_u64(index, at, mtime) ||
        !get_u64(index, at, ctime) || !get_u64(index, at, e.stamp.inode) || !get_u64(index, at, offset) ||
        !get_u32(index, at, size) || !get_u64(index, at, e.blob_sum) || !get_bytes(index, at, e.summary) ||
        offset > blobs.size() || size > blobs.size() - offset) {
      cache.entries.clear();
      return cache;
    }
    e.stamp.mtime_ns = static_cast<std::int64_t>(mtime);
    e.stamp.ctime_ns = static_cast<std::int64_t>(ctime);
    e.blob = blobs.substr(offset, size);
    cache.entries.emplace(key, e);
  }
  cache.usable = at == index.size();
  if (!cache.usable) {
    cache.entries.clear();
  }
  return cache;
}

std::optional<Value> decode_whole(std::string_view bytes) {
  std::size_t pos = 0;
  auto v = decode_value(bytes, pos);
  if (!v || pos != bytes.size()) {
    return std::nullopt;
  }
  return v;
}

// What the cache file will hold for one record: bytes copied from the old
// file when the record was not decoded, else encoded afresh.
struct NewEntry {
  const FileStamp* stamp = nullptr;
  std::string_view summary, blob;  // reused bytes, or views of `owned`
  std::string owned_summary, owned_blob;
  std::uint64_t blob_sum = 0;
};

// Writes the cache file; a failure only means no cache next time.
void write_cache(const Store& store, const KindSpec& kind, const std::vector<NewEntry>& entries) {
  std::string index, blobs;
  for (const auto& e : entries) {
    std::string_view summary = e.summary.data() ? e.summary : std::string_view(e.owned_summary);
    std::string_view blob = e.blob.data() ? e.blob : std::string_view(e.owned_blob);
    put_bytes(index, relative_key(store, e.stamp->path));
    put_u64(index, e.stamp->size);
    put_u64(index, static_cast<std::uint64_t>(e.stamp->mtime_ns));
    put_u64(index, static_cast<std::uint64_t>(e.stamp->ctime_ns));
    put_u64(index, e.stamp->inode);
    put_u64(index, blobs.size());
    put_u32(index, static_cast<std::uint32_t>(blob.size()));
    put_u64(index, e.blob_sum);
    put_bytes(index, summary);
    blobs.append(blob.data(), blob.size());
  }
  std::string out(k_magic, sizeof k_magic);
  put_u32(out, k_cache_format);
  put_u32(out, k_byte_order);
  put_u64(out, fingerprint(store, kind));
  put_u64(out, checksum64(index));
  put_u64(out, index.size());
  put_u32(out, static_cast<std::uint32_t>(entries.size()));
  out += index;
  out += blobs;
  try {
    // A cache is rebuilt when lost, so it skips the fsync records get.
    write_file_atomic(cache_file(store, kind), out, Durability::Relaxed);
  } catch (const Error&) {
  }
}

// Parses `paths` with Store::read_valid, on several threads when there are
// many; each slot holds the record or the error it raised.
struct Parsed {
  std::optional<Record> record;
  std::exception_ptr error;
};

std::vector<Parsed> parse_all(const Store& store, const KindSpec& kind, const std::vector<const FileStamp*>& files) {
  std::vector<Parsed> out(files.size());
  auto work = [&](std::size_t first, std::size_t step) {
    for (std::size_t i = first; i < files.size(); i += step) {
      try {
        out[i].record = store.read_valid(kind, files[i]->path);
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

Record decoded_record(const KindSpec& kind, const fs::path& path, Value data) {
  Record r;
  r.kind = &kind;
  r.path = path;
  r.id = path.stem().string();
  r.data = std::move(data);
  r.stored_events = r.history().items().size();
  return r;
}

}  // namespace

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
  stamp_folder(root / kind.folder, kind.sharded, with_stat_data, out);
  std::sort(out.begin(), out.end(), [](const FileStamp& a, const FileStamp& b) { return a.path < b.path; });
  return out;
}

fs::path cache_dir(const Store& store) { return store.root() / ".crm" / "cache"; }

void for_each_cached(const Store& store, const KindSpec& kind, const RecordFilter& keep, const RecordVisitor& visit) {
  std::int64_t scanned_at = coarse_now_ns();
  std::vector<FileStamp> stamps = stamp_record_files(store.root(), kind);
  CacheFile cache = read_cache(store, kind);

  // Which entries the cache can serve: those the filter drops are never
  // decoded; the others are decoded one at a time as they are visited.
  std::vector<const CachedEntry*> fresh(stamps.size(), nullptr);
  std::vector<bool> wanted(stamps.size(), true);
  std::vector<const FileStamp*> to_parse;
  std::vector<std::size_t> parse_slot(stamps.size(), SIZE_MAX);
  for (std::size_t i = 0; i < stamps.size(); ++i) {
    auto hit = cache.entries.find(relative_key(store, stamps[i].path));
    if (hit != cache.entries.end() && hit->second.stamp == stamps[i]) {
      const CachedEntry& e = hit->second;
      std::optional<Value> summary = keep ? decode_whole(e.summary) : std::nullopt;
      if (!keep || summary) {
        fresh[i] = &e;
        wanted[i] = !keep || keep(*summary);
        continue;
      }
    }
    parse_slot[i] = to_parse.size();
    to_parse.push_back(&stamps[i]);
  }
  // Memory for a big CRM: what has been read of the cache need not stay in it.
  cache.file->release(cache.index);
  const char* released = cache.records.data();
  auto release_read = [&](std::string_view blob) {
    if (blob.data() - released > (16 << 20)) {
      cache.file->release({released, static_cast<std::size_t>(blob.data() - released)});
      released = blob.data();
    }
  };
  auto parsed = parse_all(store, kind, to_parse);
  for (auto& p : parsed) {
    if (p.error) {
      std::rethrow_exception(p.error);  // the first bad file in path order, as without a cache
    }
  }

  bool changed = !cache.usable || cache.entries.size() != stamps.size() || !to_parse.empty();
  std::vector<NewEntry> entries;
  // Files changed in the scan's clock tick stay out of the cache: a change
  // in the same tick would keep their stamp.
  auto cacheable = [&](std::size_t i) { return std::max(stamps[i].mtime_ns, stamps[i].ctime_ns) < scanned_at; };
  auto add_parsed = [&](std::size_t i, const Record& record, const Value& summary) {
    if (cacheable(i)) {
      NewEntry e;
      e.stamp = &stamps[i];
      encode_value(summary, e.owned_summary);
      encode_value(record.data, e.owned_blob);
      e.blob_sum = checksum64(e.owned_blob);
      entries.push_back(std::move(e));
    }
  };
  for (std::size_t i = 0; i < stamps.size(); ++i) {
    if (fresh[i]) {
      // Checked only when wanted, so that records nobody asked for stay on disk.
      std::optional<Value> data;
      if (wanted[i] && checksum64(fresh[i]->blob) == fresh[i]->blob_sum) {
        data = decode_whole(fresh[i]->blob);
      }
      if (wanted[i] && !data) {
        // A damaged record in the cache: its file is the truth, and the cache is written anew.
        changed = true;
        Record record = store.read_valid(kind, stamps[i].path);
        add_parsed(i, record, record_summary(record.data));
        visit(std::move(record));
        continue;
      }
      if (cacheable(i)) {
        NewEntry e;
        e.stamp = &stamps[i];
        e.summary = fresh[i]->summary;
        e.blob = fresh[i]->blob;
        e.blob_sum = fresh[i]->blob_sum;  // carried over: a damaged record stays detectable
        entries.push_back(std::move(e));
      }
      if (data) {
        release_read(fresh[i]->blob);
        visit(decoded_record(kind, stamps[i].path, std::move(*data)));
      }
      continue;
    }
    Record& record = *parsed[parse_slot[i]].record;
    Value summary = record_summary(record.data);
    add_parsed(i, record, summary);
    if (!keep || keep(summary)) {
      visit(std::move(record));
    }
  }

  // Only files too fresh to trust changed: the cache file would say the same.
  bool same = cache.usable && entries.size() == cache.entries.size();
  for (std::size_t i = 0; same && i < entries.size(); ++i) {
    same = entries[i].blob.data() != nullptr;
  }
  if (changed && !same) {
    write_cache(store, kind, entries);
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
    CacheFile cache = read_cache(store, *kind);
    s.usable = cache.usable;
    s.cached = cache.entries.size();
    for (const auto& stamp : stamps) {
      auto hit = cache.entries.find(relative_key(store, stamp.path));
      s.fresh += hit != cache.entries.end() && hit->second.stamp == stamp;
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
