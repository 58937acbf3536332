#include "cache_file.hpp"

#include "value_codec.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <system_error>

namespace crm {

// Bump whenever the layout, the encoding, or what parsing or validating a
// record yields changes: older caches are then rebuilt.
constexpr std::uint32_t k_cache_format = 3;
constexpr char k_magic[8] = {'C', 'R', 'M', 'C', 'A', 'C', 'H', 'E'};
constexpr char k_end_magic[8] = {'C', 'R', 'M', 'C', 'E', 'N', 'D', '!'};
constexpr std::uint32_t k_byte_order = 0x01020304;
constexpr std::size_t k_header_size = 8 + 4 + 4 + 8;
constexpr std::size_t k_footer_size = 8 + 8 + 8 + 4 + 8;

// The index's checksum folds each entry's, so a writer can compute it as it streams.
std::uint64_t fold_checksum(std::uint64_t sum, std::string_view entry) {
  sum = (sum ^ checksum64(entry)) * 0x9E3779B97F4A7C15ull;
  return sum ^ (sum >> 32);
}

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

CacheFileView::CacheFileView() = default;
CacheFileView::~CacheFileView() = default;
CacheFileView::CacheFileView(CacheFileView&&) noexcept = default;

void CacheFileView::release(std::string_view part) const {
  if (file) {
    file->release(part);
  }
}

namespace {

// Reads the index entry at `at`, advancing it; false when malformed.
bool read_entry(std::string_view index, std::string_view records, std::size_t& at, CacheEntry& e) {
  std::uint64_t mtime = 0, ctime = 0, offset = 0;
  std::uint32_t size = 0;
  if (!get_bytes(index, at, e.key) || !get_u64(index, at, e.stat.size) || !get_u64(index, at, mtime) ||
      !get_u64(index, at, ctime) || !get_u64(index, at, e.stat.inode) || !get_u64(index, at, offset) ||
      !get_u32(index, at, size) || !get_u64(index, at, e.blob_sum) || !get_bytes(index, at, e.summary) ||
      offset > records.size() || size > records.size() - offset) {
    return false;
  }
  e.stat.mtime_ns = static_cast<std::int64_t>(mtime);
  e.stat.ctime_ns = static_cast<std::int64_t>(ctime);
  e.blob = records.substr(offset, size);
  return true;
}

// Whether the index holds `count` well-formed entries in strict path order
// (cursors walk it alongside the sorted stamps) with the checksum given.
bool index_intact(const MappedFile& file, std::string_view index, std::string_view records, std::uint32_t count,
                  std::uint64_t sum) {
  std::size_t at = 0, released = 0;
  std::uint64_t folded = 0;
  std::string_view previous;
  for (std::uint32_t i = 0; i < count; ++i) {
    std::size_t from = at;
    CacheEntry e;
    if (!read_entry(index, records, at, e) || (i > 0 && !path_less(previous, e.key))) {
      return false;
    }
    folded = fold_checksum(folded, index.substr(from, at - from));
    previous = e.key;
    if (at - released > (16u << 20)) {  // a big index need not stay in memory
      file.release(index.substr(released, from - released));
      released = from;
    }
  }
  return at == index.size() && folded == sum;
}

}  // namespace

CacheFileView read_cache_file(const fs::path& path, std::uint64_t fingerprint) {
  CacheFileView view;
  view.file = std::make_unique<MappedFile>(path);
  std::string_view in = view.file->bytes();
  if (in.size() < k_header_size + k_footer_size) {
    return view;
  }
  std::size_t pos = sizeof k_magic;
  std::uint32_t format = 0, order = 0, count = 0;
  std::uint64_t print = 0;
  if (in.substr(0, pos) != std::string_view(k_magic, sizeof k_magic) || !get_u32(in, pos, format) ||
      !get_u32(in, pos, order) || !get_u64(in, pos, print) || format != k_cache_format ||
      order != k_byte_order || print != fingerprint) {
    return view;
  }
  std::size_t end = in.size() - k_footer_size;
  std::uint64_t index_at = 0, index_size = 0, index_sum = 0;
  if (!get_u64(in, end, index_at) || !get_u64(in, end, index_size) || !get_u64(in, end, index_sum) ||
      !get_u32(in, end, count) || in.substr(end) != std::string_view(k_end_magic, sizeof k_end_magic) ||
      index_at < k_header_size || index_at > in.size() - k_footer_size ||
      index_size != in.size() - k_footer_size - index_at) {
    return view;
  }
  std::string_view index = in.substr(index_at, index_size);
  std::string_view records = in.substr(k_header_size, index_at - k_header_size);
  bool intact = index_intact(*view.file, index, records, count, index_sum);
  view.file->release(index);
  if (intact) {
    view.index = index;
    view.records = records;
    view.count = count;
    view.usable = true;
  }
  return view;
}

void CacheIndexCursor::advance() {
  m_valid = m_cache.usable && m_pos < m_cache.index.size() &&
            read_entry(m_cache.index, m_cache.records, m_pos, m_entry);
}

const CacheEntry* CacheIndexCursor::next() {
  if (!m_valid) {
    return nullptr;
  }
  m_returned = m_entry;
  advance();
  return &m_returned;
}

const CacheEntry* CacheIndexCursor::find(std::string_view key) {
  while (m_valid && path_less(m_entry.key, key)) {
    advance();
  }
  if (m_valid && m_entry.key == key) {
    return next();
  }
  return nullptr;
}

// A file written through a buffer; remembers the first failure.
struct CacheFileWriter::Output {
  fs::path path;
  int fd = -1;
  std::string buffer;
  std::uint64_t written = 0;  // including the buffer
  bool ok = false;

  explicit Output(fs::path p) : path(std::move(p)) {
    fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    ok = fd >= 0;
  }
  ~Output() {
    if (fd >= 0) {
      ::close(fd);
    }
    if (!path.empty()) {
      ::unlink(path.c_str());
    }
  }
  void append(std::string_view bytes) {
    buffer.append(bytes.data(), bytes.size());
    written += bytes.size();
    if (buffer.size() >= (1u << 20)) {
      flush();
    }
  }
  bool flush() {
    std::size_t done = 0;
    while (ok && done < buffer.size()) {
      ssize_t n = ::write(fd, buffer.data() + done, buffer.size() - done);
      if (n < 0 && errno == EINTR) {
        continue;
      }
      ok = n > 0;
      done += ok ? static_cast<std::size_t>(n) : 0;
    }
    buffer.clear();
    return ok;
  }
};

CacheFileWriter::CacheFileWriter(fs::path path, std::uint64_t fingerprint) : m_path(std::move(path)) {
  std::error_code ec;
  fs::create_directories(m_path.parent_path(), ec);
  // Named per process, so that concurrent runs never write into one file.
  std::string suffix = "." + std::to_string(::getpid()) + ".tmp";
  m_records = std::make_unique<Output>(m_path.string() + suffix);
  m_index = std::make_unique<Output>(m_path.string() + ".index" + suffix);
  if (!m_records->ok || !m_index->ok) {
    fail();
    return;
  }
  std::string header(k_magic, sizeof k_magic);
  put_u32(header, k_cache_format);
  put_u32(header, k_byte_order);
  put_u64(header, fingerprint);
  m_records->append(header);
}

CacheFileWriter::~CacheFileWriter() = default;

void CacheFileWriter::fail() { m_failed = true; }

void CacheFileWriter::add(std::string_view key, const FileStat& stat, std::string_view summary,
                          std::string_view blob, std::uint64_t blob_sum) {
  if (m_failed) {
    return;
  }
  std::string entry;
  put_bytes(entry, key);
  put_u64(entry, stat.size);
  put_u64(entry, static_cast<std::uint64_t>(stat.mtime_ns));
  put_u64(entry, static_cast<std::uint64_t>(stat.ctime_ns));
  put_u64(entry, stat.inode);
  put_u64(entry, m_records->written - k_header_size);
  put_u32(entry, static_cast<std::uint32_t>(blob.size()));
  put_u64(entry, blob_sum);
  put_bytes(entry, summary);
  m_index_sum = fold_checksum(m_index_sum, entry);
  m_index->append(entry);
  m_records->append(blob);
  ++m_count;
}

void CacheFileWriter::commit() {
  if (m_failed || !m_records->flush() || !m_index->flush()) {
    return;
  }
  // The index follows the records: copy it over from its side file.
  std::uint64_t index_at = m_records->written;
  std::string chunk(1u << 20, '\0');
  for (off_t at = 0;;) {
    ssize_t n = ::pread(m_index->fd, chunk.data(), chunk.size(), at);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      return;
    }
    if (n == 0) {
      break;
    }
    at += n;
    m_records->append(std::string_view(chunk.data(), static_cast<std::size_t>(n)));
  }
  std::string footer;
  put_u64(footer, index_at);
  put_u64(footer, m_index->written);
  put_u64(footer, m_index_sum);
  put_u32(footer, m_count);
  footer.append(k_end_magic, sizeof k_end_magic);
  m_records->append(footer);
  // A cache is rebuilt when lost, so it skips the fsync records get.
  if (!m_records->flush() || ::rename(m_records->path.c_str(), m_path.c_str()) != 0) {
    return;
  }
  m_records->path.clear();  // renamed: nothing to remove
}

}  // namespace crm
