// crm feedback import: bulk-load a CSV or JSON export, all or nothing
#include "feedback_import.hpp"

#include "commands.hpp"
#include "import_source.hpp"

#include <memory>

namespace crm::cli {

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
    ImportSource source = read_import_source(session, o->format, o->file);
    Context ctx = session.context();
    Transaction tx(ctx.store);
    std::vector<std::string> ids = import_feedback(ctx, tx, source.text, source.format, source.origin);
    session.commit(tx);
    for (const auto& id : ids) {
      session.out() << id << '\n';
    }
    session.message("Imported " + std::to_string(ids.size()) +
                    (ids.size() == 1 ? " feedback item" : " feedback items"));
  });
}

}  // namespace crm::cli
