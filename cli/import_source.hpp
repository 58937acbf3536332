#pragma once

#include "session.hpp"
#include "table_import.hpp"

#include <string>

namespace crm::cli {

// A file to import, read whole.
struct ImportSource {
  std::string text;
  std::string origin;  // the file's name, or "stdin"
  ImportFormat format = ImportFormat::Csv;
};

// Reads `file` ("-": stdin, which must be piped). Its format is `chosen`
// (--input-format), else the file's extension (.csv, .json), else the
// global --format when it names an input format (so `--format csv -`
// works); a usage error when none tells.
ImportSource read_import_source(const Session& session, const std::string& chosen, const std::string& file);

}  // namespace crm::cli
