#include "import_source.hpp"

#include "error.hpp"
#include "files.hpp"

#include <algorithm>
#include <cctype>

namespace crm::cli {
namespace {

std::string extension_of(const std::string& file) {
  std::string ext = fs::path(file).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

ImportFormat input_format(const Session& session, const std::string& chosen, const std::string& file) {
  std::string name = chosen;
  if (name.empty()) {
    std::string ext = extension_of(file);
    name = ext == ".csv" ? "csv" : ext == ".json" ? "json" : "";
  }
  if (name.empty() && (session.options.format == "csv" || session.options.format == "json")) {
    name = session.options.format;
  }
  if (name.empty()) {
    throw usage_error("cannot tell whether '" + file + "' is CSV or JSON: give --input-format csv or json");
  }
  return name == "csv" ? ImportFormat::Csv : ImportFormat::Json;
}

}  // namespace

ImportSource read_import_source(const Session& session, const std::string& chosen, const std::string& file) {
  ImportSource source;
  source.format = input_format(session, chosen, file);
  if (file == "-") {
    auto piped = read_stdin_text();
    if (!piped) {
      throw usage_error("'-' reads the rows from stdin, but stdin is a terminal: pipe a file in");
    }
    source.text = *piped;
    source.origin = "stdin";
  } else {
    source.text = read_file(file);
    source.origin = file;
  }
  return source;
}

}  // namespace crm::cli
