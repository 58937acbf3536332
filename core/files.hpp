#pragma once

#include <filesystem>
#include <string>

namespace crm {

namespace fs = std::filesystem;

// Whole contents of `path`; throws a system error naming the path.
std::string read_file(const fs::path& path);

// Durable writes survive a crash; relaxed ones (a cache, rebuilt when lost)
// skip the fsyncs and may come back empty or old after one.
enum class Durability { Durable, Relaxed };

// Replaces `path` with `contents` atomically: writes a temporary file in the
// same folder, fsyncs it, renames it over `path`, then fsyncs the folder.
// Readers see the old or the new file, never a mix. Creates missing folders.
void write_file_atomic(const fs::path& path, const std::string& contents,
                       Durability durability = Durability::Durable);

// Holds an exclusive advisory lock (flock) on a file for its lifetime.
// The kernel drops the lock when the process dies, so a killed `crm` never
// leaves a stale lock behind.
class FileLock {
 public:
  // Waits up to `timeout_ms` for the lock; throws a system error naming the
  // holder's pid on timeout.
  FileLock(const fs::path& path, int timeout_ms);
  ~FileLock();
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  // Lets other writers in before this object goes away.
  void release();

 private:
  int m_fd = -1;
};

}  // namespace crm
