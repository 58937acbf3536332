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

// The steps of a durable write where tests inject faults (crash or error).
enum class WriteStep {
  WriteTemp,     // about to write a temporary file's contents
  SyncTemp,      // temporary file written, about to fsync it
  Rename,        // about to rename a temporary file into place
  SyncFolder,    // about to fsync a folder (after creating or renaming in it)
  RemoveJournal  // every file of a journaled write in place, about to drop the journal
};

// Called at every step of every durable write with the file concerned. It
// may end the process (a crash test) or return an errno value that the step
// then fails with as if the system call had (an ENOSPC test); 0 lets it run.
// Null in production: only the test binary crm_faulty sets it.
using WriteFaultHook = int (*)(WriteStep step, const fs::path& path);
extern WriteFaultHook g_write_fault_hook;

// Replaces `path` with `contents` atomically: writes a temporary file in the
// same folder, fsyncs it, renames it over `path`, then fsyncs the folder.
// Readers see the old or the new file, never a mix. Creates missing folders.
void write_file_atomic(const fs::path& path, const std::string& contents,
                       Durability durability = Durability::Durable);

// The two halves of write_file_atomic, for writes of several files that must
// land together (journal.hpp). write_temp_file writes `contents` to a new
// hidden temporary file next to `path` (creating missing folders) and, when
// durable, fsyncs it; it returns the temporary file's path, and removes it
// again when it fails. rename_into_place renames it over `path`.
fs::path write_temp_file(const fs::path& path, const std::string& contents, Durability durability);
void rename_into_place(const fs::path& temp, const fs::path& path);
// Makes the entries of `folder` (renames, new files) durable.
void sync_folder(const fs::path& folder);

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
