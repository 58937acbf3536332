#pragma once

// Checks on record files made before they are read or staged for writing, so
// that crm never follows a symbolic link out of the CRM, never reads an
// unbounded file, and refuses a write that cannot succeed before any file of
// the command is touched.

#include "files.hpp"
#include "record.hpp"

#include <cstdint>
#include <string>

namespace crm {

// Record files are small; anything bigger is refused before it is read.
constexpr std::uintmax_t k_max_record_bytes = 16u << 20;

// Before reading the record file `path` (shown as `shown`) of the CRM at
// `root`: throws a data error when it is a symbolic link leading out of the
// CRM, not a regular file, or larger than k_max_record_bytes.
void guard_record_read(const fs::path& root, const fs::path& path, const std::string& shown);

// Before staging `record` for writing: throws a data error when its path
// leads out of the CRM through a symbolic link, a system error when its file
// or folder is read-only (a read-only file system, an immutable file, or
// permissions), and a usage error when some text in it is not valid UTF-8.
void guard_record_write(const fs::path& root, const Record& record, const std::string& shown);

}  // namespace crm
