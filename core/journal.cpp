#include "journal.hpp"

#include "error.hpp"

#include <unistd.h>

#include <set>
#include <sstream>

namespace crm {
namespace {

const std::string k_header = "crm-journal 1";

// A path the journal may name: relative, inside the root, one line.
bool is_safe_relative(const std::string& text) {
  if (text.empty() || text.find_first_of("\t\n\r") != std::string::npos) {
    return false;
  }
  fs::path p(text);
  if (p.is_absolute()) {
    return false;
  }
  for (const auto& part : p) {
    if (part == "..") {
      return false;
    }
  }
  return true;
}

// A rename the journal may hold: a hidden temporary file into a file of the same folder.
bool is_safe_rename(const Rename& r) {
  if (!is_safe_relative(r.first) || !is_safe_relative(r.second)) {
    return false;
  }
  fs::path temp(r.first);
  fs::path final_path(r.second);
  std::string temp_name = temp.filename().string();
  return temp.parent_path() == final_path.parent_path() &&
         temp_name.rfind("." + final_path.filename().string() + ".tmp.", 0) == 0;
}

std::string relative_to(const fs::path& root, const fs::path& path) {
  std::string rel = path.lexically_relative(root).lexically_normal().string();
  if (!is_safe_relative(rel)) {
    throw system_error("cannot journal a write of " + path.string() + ": it is not inside " + root.string());
  }
  return rel;
}

void sync_folders(const std::vector<fs::path>& paths) {
  std::set<fs::path> folders;
  for (const auto& p : paths) {
    folders.insert(p.parent_path());
  }
  for (const auto& folder : folders) {
    sync_folder(folder);
  }
}

void remove_journal(const fs::path& root) {
  if (g_write_fault_hook != nullptr) {
    g_write_fault_hook(WriteStep::RemoveJournal, journal_path(root));
  }
  std::error_code ec;
  fs::remove(journal_path(root), ec);
  if (ec) {
    throw system_error("cannot remove " + journal_path(root).string() + ": " + ec.message());
  }
  sync_folder(journal_path(root).parent_path());
}

}  // namespace

fs::path journal_path(const fs::path& root) { return root / ".crm" / "journal"; }

std::string encode_journal(const std::vector<Rename>& renames) {
  std::string out = k_header + "\n";
  for (const auto& [temp, final_path] : renames) {
    out += temp + "\t" + final_path + "\n";
  }
  out += "end " + std::to_string(renames.size()) + "\n";
  return out;
}

std::optional<std::vector<Rename>> decode_journal(const std::string& text) {
  std::istringstream in(text);
  std::string line;
  if (!std::getline(in, line) || line != k_header) {
    return std::nullopt;
  }
  std::vector<Rename> renames;
  while (std::getline(in, line)) {
    if (line.rfind("end ", 0) == 0) {
      // The trailer proves the journal whole: its count, then nothing more.
      bool whole = line == "end " + std::to_string(renames.size()) && in.peek() == EOF && text.back() == '\n';
      return whole ? std::optional(renames) : std::nullopt;
    }
    auto tab = line.find('\t');
    if (tab == std::string::npos) {
      return std::nullopt;
    }
    Rename r{line.substr(0, tab), line.substr(tab + 1)};
    if (!is_safe_rename(r)) {
      return std::nullopt;
    }
    renames.push_back(std::move(r));
  }
  return std::nullopt;
}

void write_files_together(const fs::path& root, const std::vector<FileContents>& files) {
  std::vector<fs::path> temps;
  std::vector<fs::path> finals;
  std::vector<Rename> renames;
  try {
    for (const auto& [path, contents] : files) {
      fs::path temp = write_temp_file(path, contents, Durability::Durable);
      temps.push_back(temp);
      finals.push_back(path);
      renames.emplace_back(relative_to(root, temp), relative_to(root, path));
    }
    // The journal may only name temporary files that a crash cannot lose.
    sync_folders(temps);
    write_file_atomic(journal_path(root), encode_journal(renames));
  } catch (...) {
    for (const auto& temp : temps) {
      ::unlink(temp.c_str());
    }
    throw;
  }
  // From here on the write is decided: a failure leaves the journal for the next crm.
  for (std::size_t i = 0; i < temps.size(); ++i) {
    rename_into_place(temps[i], finals[i]);
  }
  sync_folders(finals);
  remove_journal(root);
}

std::size_t replay_journal(const fs::path& root, const fs::path& lock_path) {
  std::error_code ec;
  if (!fs::exists(journal_path(root), ec)) {
    return 0;
  }
  std::optional<FileLock> lock;
  try {
    lock.emplace(lock_path, 0);
  } catch (const Error&) {
    return 0;  // busy, or read-only: the next writer completes it under the lock
  }
  return replay_journal_locked(root);
}

std::size_t replay_journal_locked(const fs::path& root) {
  fs::path journal = journal_path(root);
  std::error_code ec;
  if (!fs::exists(journal, ec)) {
    return 0;
  }
  auto renames = decode_journal(read_file(journal));
  if (!renames) {
    // Torn while being written: no file had been renamed yet.
    remove_journal(root);
    return 0;
  }
  std::vector<fs::path> finals;
  for (const auto& [temp, final_path] : *renames) {
    // A temporary file already gone was renamed before the crash.
    if (fs::exists(root / temp, ec)) {
      rename_into_place(root / temp, root / final_path);
    }
    finals.push_back(root / final_path);
  }
  sync_folders(finals);
  remove_journal(root);
  return renames->size();
}

}  // namespace crm
