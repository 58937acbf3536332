// crm feedback import: bulk-load a CSV or JSON export, all or nothing
#include "feedback_import.hpp"

#include "commands.hpp"
#include "error.hpp"
#include "options.hpp"

#include <algorithm>
#include <cctype>
#include <memory>

namespace crm::cli {
namespace {

std::string extension_of(const std::string& file) {
  std::string ext = fs::path(file).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

// --input-format, else the file's extension, else the global --format when
// it names an input format (so `crm feedback import --format csv -` works).
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

void add_feedback_import(CLI::App* feedback, Session& session) {
  struct Options {
    std::string file, format;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = feedback->add_subcommand(
      "import", "Bulk-load feedback from a CSV or JSON export, all or nothing; print the new IDs");
  cmd->add_option("file", o->file, "CSV file with a header line, or JSON list of objects; '-' reads stdin")->required();
  cmd->add_option("--input-format", o->format, "csv or json (default: from the file's extension)")
      ->check(CLI::IsMember({"csv", "json"}));
  cmd->footer(
      "Columns: text (required), title, source, sentiment, topics (CSV: separated by ';'; JSON: a list),\n"
      "influencer, contact, department, handler. Every item is checked first; if any is wrong,\n"
      "each problem is listed as FILE:LINE: message and nothing is imported (exit 3).");
  cmd->callback([&session, o] {
    ImportFormat format = input_format(session, o->format, o->file);
    std::string text, origin;
    if (o->file == "-") {
      auto piped = read_stdin_text();
      if (!piped) {
        throw usage_error("'-' reads the items from stdin, but stdin is a terminal: pipe a file in");
      }
      text = *piped;
      origin = "stdin";
    } else {
      text = read_file(o->file);
      origin = o->file;
    }
    Context ctx = session.context();
    Transaction tx(ctx.store);
    std::vector<std::string> ids = import_feedback(ctx, tx, text, format, origin);
    session.commit(tx);
    for (const auto& id : ids) {
      session.out() << id << '\n';
    }
    session.message("Imported " + std::to_string(ids.size()) +
                    (ids.size() == 1 ? " feedback item" : " feedback items"));
  });
}

}  // namespace crm::cli
