#include "record_cache.hpp"

#include "error.hpp"
#include "value_codec.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <exception>
#include <map>
#include <optional>
#include <string_view>
#include <thread>

namespace crm {
namespace {

// Bump whenever the encoding, or what parsing or validating a record
// yields, changes: older caches are then rebuilt.
constexpr std::uint32_t k_cache_format = 1;
constexpr char k_magic[8] = {'C', 'R', 'M', 'C', 'A', 'C', 'H', 'E'};
constexpr std::uint32_t k_byte_order = 0x01020304;
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

// One record as the cache file holds it; `blob` points into the file's bytes.
struct CachedEntry {
  FileStamp stamp;
  std::string_view blob;
};

// A cache file read whole and checked; `entries` by path relative to the root.
struct CacheFile {
  std::string bytes;
  std::map<std::string, CachedEntry> entries;
  bool usable = false;
};

CacheFile read_cache(const Store& store, const KindSpec& kind) {
  CacheFile file;
  try {
    file.bytes = read_file(cache_file(store, kind));
  } catch (const Error&) {
    return file;  // none yet, or unreadable: as good as none
  }
  std::string_view in = file.bytes;
  std::size_t pos = sizeof k_magic;
  std::uint32_t format = 0, order = 0;
  std::uint64_t print = 0, sum = 0;
  if (in.size() < pos || in.substr(0, pos) != std::string_view(k_magic, sizeof k_magic) ||
      !get_u32(in, pos, format) || !get_u32(in, pos, order) || !get_u64(in, pos, print) || !get_u64(in, pos, sum) ||
      format != k_cache_format || order != k_byte_order || print != fingerprint(store, kind) ||
      sum != checksum64(in.substr(pos))) {
    return file;
  }
  std::uint32_t count = 0;
  if (!get_u32(in, pos, count)) {
    return file;
  }
  for (std::uint32_t i = 0; i < count; ++i) {
    std::string_view rel;
    CachedEntry e;
    std::uint64_t mtime = 0, ctime = 0;
    if (!get_bytes(in, pos, rel) || !get_u64(in, pos, e.stamp.size) || !get_u64(in, pos, mtime) ||
        !get_u64(in, pos, ctime) || !get_u64(in, pos, e.stamp.inode) || !get_bytes(in, pos, e.blob)) {
      file.entries.clear();
      return file;
    }
    e.stamp.mtime_ns = static_cast<std::int64_t>(mtime);
    e.stamp.ctime_ns = static_cast<std::int64_t>(ctime);
    file.entries.emplace(std::string(rel), e);
  }
  file.usable = pos == in.size();
  if (!file.usable) {
    file.entries.clear();
  }
  return file;
}

std::string relative_key(const Store& store, const fs::path& path) {
  return path.lexically_relative(store.root()).generic_string();
}

// Writes the cache file for `records` (with their stamps); a failure only
// means no cache next time.
void write_cache(const Store& store, const KindSpec& kind, const std::vector<const FileStamp*>& stamps,
                 const std::vector<const Record*>& records) {
  std::string payload;
  put_u32(payload, static_cast<std::uint32_t>(records.size()));
  for (std::size_t i = 0; i < records.size(); ++i) {
    const FileStamp& s = *stamps[i];
    put_bytes(payload, relative_key(store, s.path));
    put_u64(payload, s.size);
    put_u64(payload, static_cast<std::uint64_t>(s.mtime_ns));
    put_u64(payload, static_cast<std::uint64_t>(s.ctime_ns));
    put_u64(payload, s.inode);
    std::string blob;
    encode_value(records[i]->data, blob);
    put_bytes(payload, blob);
  }
  std::string out(k_magic, sizeof k_magic);
  put_u32(out, k_cache_format);
  put_u32(out, k_byte_order);
  put_u64(out, fingerprint(store, kind));
  put_u64(out, checksum64(payload));
  out += payload;
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

std::vector<FileStamp> stamp_record_files(const fs::path& root, const KindSpec& kind, bool with_stat_data) {
  std::vector<FileStamp> out;
  stamp_folder(root / kind.folder, kind.sharded, with_stat_data, out);
  std::sort(out.begin(), out.end(), [](const FileStamp& a, const FileStamp& b) { return a.path < b.path; });
  return out;
}

fs::path cache_dir(const Store& store) { return store.root() / ".crm" / "cache"; }

std::vector<Record> load_all_cached(const Store& store, const KindSpec& kind) {
  std::int64_t scanned_at = coarse_now_ns();
  std::vector<FileStamp> stamps = stamp_record_files(store.root(), kind);
  CacheFile cache = read_cache(store, kind);

  std::vector<std::optional<Record>> records(stamps.size());
  std::vector<const FileStamp*> to_parse;
  std::vector<std::size_t> parse_slots;
  bool changed = !cache.usable || cache.entries.size() != stamps.size();
  for (std::size_t i = 0; i < stamps.size(); ++i) {
    auto hit = cache.entries.find(relative_key(store, stamps[i].path));
    if (hit != cache.entries.end() && hit->second.stamp == stamps[i]) {
      std::size_t pos = 0;
      auto data = decode_value(hit->second.blob, pos);
      if (data && pos == hit->second.blob.size()) {
        records[i] = decoded_record(kind, stamps[i].path, std::move(*data));
        continue;
      }
    }
    changed = true;
    to_parse.push_back(&stamps[i]);
    parse_slots.push_back(i);
  }
  auto parsed = parse_all(store, kind, to_parse);
  for (std::size_t j = 0; j < parsed.size(); ++j) {
    if (parsed[j].error) {
      std::rethrow_exception(parsed[j].error);  // the first bad file in path order, as without a cache
    }
    records[parse_slots[j]] = std::move(parsed[j].record);
  }

  if (changed) {
    std::vector<const FileStamp*> keep_stamps;
    std::vector<const Record*> keep;
    for (std::size_t i = 0; i < stamps.size(); ++i) {
      if (std::max(stamps[i].mtime_ns, stamps[i].ctime_ns) < scanned_at) {
        keep_stamps.push_back(&stamps[i]);
        keep.push_back(&*records[i]);
      }
    }
    // Only files too fresh to trust changed: the cache file would say the same.
    bool same = cache.usable && keep.size() == cache.entries.size();
    for (std::size_t i = 0; same && i < keep.size(); ++i) {
      auto hit = cache.entries.find(relative_key(store, keep_stamps[i]->path));
      same = hit != cache.entries.end() && hit->second.stamp == *keep_stamps[i];
    }
    if (!same) {
      write_cache(store, kind, keep_stamps, keep);
    }
  }

  std::vector<Record> out;
  out.reserve(records.size());
  for (auto& r : records) {
    out.push_back(std::move(*r));
  }
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
