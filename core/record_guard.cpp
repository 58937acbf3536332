#include "record_guard.hpp"

#include "error.hpp"
#include "utf8.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>

namespace crm {
namespace {

// `path` with every symbolic link resolved, when it does not stay under `root`.
std::optional<fs::path> outside_target(const fs::path& root, const fs::path& path) {
  std::error_code ec;
  fs::path real_root = fs::canonical(root, ec);
  if (ec) {
    return std::nullopt;
  }
  fs::path target = fs::weakly_canonical(path, ec);
  if (ec) {
    return std::nullopt;
  }
  fs::path inside = target.lexically_relative(real_root);
  if (!inside.empty() && *inside.begin() != "..") {
    return std::nullopt;
  }
  return target;
}

void refuse_outside(const fs::path& root, const fs::path& path, const std::string& shown) {
  if (auto target = outside_target(root, path)) {
    throw data_error(shown + ": leads through a symbolic link to " + target->string() +
                     ", outside the CRM; crm does not follow links out of the CRM (put the file itself here)");
  }
}

// The nearest folder of `path` that exists (a new record's shard may not yet).
fs::path existing_folder(fs::path dir) {
  std::error_code ec;
  while (!dir.empty() && !fs::exists(dir, ec) && dir != dir.parent_path()) {
    dir = dir.parent_path();
  }
  return dir.empty() ? fs::path(".") : dir;
}

void refuse_read_only(const fs::path& path, const std::string& shown) {
  std::error_code ec;
  auto status = fs::symlink_status(path, ec);
  // The file is replaced by a rename, so its folder must be writable; an
  // existing file must be too, or its owner meant it to stay as it is.
  bool exists = !ec && fs::exists(status);
  bool writable = ::access(existing_folder(path.parent_path()).c_str(), W_OK) == 0 &&
                  (!exists || fs::is_symlink(status) || ::access(path.c_str(), W_OK) == 0);
  if (!writable) {
    throw system_error("cannot write " + shown + ": " + std::strerror(errno));
  }
}

// Whether some text in `v` is not valid UTF-8; `where` gets the path of its field.
bool has_invalid_text(const Value& v, std::string& where) {
  if (v.is_map()) {
    for (const auto& [key, field] : v.fields()) {
      if (invalid_utf8_at(key) != std::string_view::npos || has_invalid_text(field, where)) {
        where = where.empty() ? key : key + "." + where;
        return true;
      }
    }
  } else if (v.is_list()) {
    for (const auto& item : v.items()) {
      if (has_invalid_text(item, where)) {
        return true;
      }
    }
  } else if (invalid_utf8_at(v.text()) != std::string_view::npos) {
    return true;
  }
  return false;
}

}  // namespace

void guard_record_read(const fs::path& root, const fs::path& path, const std::string& shown) {
  // One lstat for the usual plain file: this runs for every record read.
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0) {
    return;  // reading it will say what is wrong
  }
  if (S_ISLNK(info.st_mode)) {
    refuse_outside(root, path, shown);
    if (::stat(path.c_str(), &info) != 0) {
      return;
    }
  }
  if (!S_ISREG(info.st_mode)) {
    // A folder would read as empty and a FIFO would block crm for ever.
    throw data_error(shown + ": not a regular file, so not a record");
  }
  auto size = static_cast<std::uintmax_t>(info.st_size);
  if (size > k_max_record_bytes) {
    throw data_error(shown + ": too large to be a record (" + std::to_string(size) + " bytes; the limit is " +
                     std::to_string(k_max_record_bytes >> 20) + " MiB)");
  }
}

void guard_record_write(const fs::path& root, const Record& record, const std::string& shown) {
  refuse_outside(root, record.path, shown);
  refuse_read_only(record.path, shown);
  std::string where;
  if (has_invalid_text(record.data, where)) {
    throw usage_error("invalid " + record.kind->name + ": '" + where + "' is not valid UTF-8 text");
  }
}

}  // namespace crm
