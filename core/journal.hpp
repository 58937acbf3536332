#pragma once

// Writes of several files that land together, even across a crash: an
// intent journal (.crm/journal) that the next crm process completes.

#include "files.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace crm {

// The journal of the CRM at `root`.
fs::path journal_path(const fs::path& root);

// One file to write: its path (under `root`) and its new contents.
using FileContents = std::pair<fs::path, std::string>;

// Writes every file or none, for a caller that holds the CRM's lock:
// 1. each file's contents go to a durable temporary file beside it (a full
//    disk fails here, and the temporary files are removed: nothing changed);
// 2. the journal, written atomically, lists the renames still to do;
// 3. each temporary file is renamed into place, then the journal removed.
// A crash before 2 leaves every file as it was (and stray hidden temporary
// files, which crm ignores); after it, replay_journal finishes the renames.
void write_files_together(const fs::path& root, const std::vector<FileContents>& files);

// Completes a write_files_together that a crash interrupted. Costs one stat
// when there is nothing to do. Returns how many files the completed write
// held; 0 when there was no journal, or a damaged one (discarded: no file was
// touched before it was complete). replay_journal takes the lock at
// `lock_path` without waiting, and leaves the journal alone when another crm
// holds it (that live writer finishes its own write) or when it cannot be
// taken at all (a read-only CRM); replay_journal_locked is for callers that
// hold the lock.
std::size_t replay_journal(const fs::path& root, const fs::path& lock_path);
std::size_t replay_journal_locked(const fs::path& root);

// The journal's text: each rename as a temporary and a final path relative
// to the root. decode_journal returns nothing for text that encode_journal
// did not make whole (torn, or listing paths outside the root).
using Rename = std::pair<std::string, std::string>;
std::string encode_journal(const std::vector<Rename>& renames);
std::optional<std::vector<Rename>> decode_journal(const std::string& text);

}  // namespace crm
