// crm export: every record (or those of some kinds) whole, as JSON, YAML, CSV or TSV
#include "export.hpp"

#include "commands.hpp"
#include "error.hpp"
#include "json.hpp"
#include "output.hpp"
#include "yaml_io.hpp"

#include <memory>

namespace crm::cli {
void setup_export(CLI::App& app, Session& session) {
  auto kinds = std::make_shared<std::vector<std::string>>();
  auto* cmd = app.add_subcommand(
      "export", "Write every record, or those of some kinds, to stdout as JSON (default), YAML, CSV or TSV");
  cmd->add_option("kind", *kinds,
                  "department, user, contact, call, case, feedback, mission, reward, notification (or their "
                  "plurals); default: all");
  cmd->footer(
      "Records come kind by kind in that order, each kind sorted by ID. JSON and YAML give one object\n"
      "mapping each kind to its list of records, whole (history included). CSV and TSV give one row per\n"
      "record: one kind has its own fields as columns; several have a leading record_kind column and\n"
      "every kind's fields. Lists are joined with ';', history and other nested values are JSON text.");
  cmd->callback([&session, kinds] {
    std::vector<const KindSpec*> chosen = export_kinds(*kinds);
    const Store& store = session.store();
    switch (session.format()) {
      case Format::Csv:
      case Format::Tsv: {
        ExportTable table = export_table(store, chosen);
        print_rows(session, table.rows, table.columns, {});
        break;
      }
      case Format::Yaml:
        session.out() << emit_yaml(export_records(store, chosen));
        break;
      case Format::Html:
        throw usage_error("export gives data: use --format json, yaml, csv or tsv (html is for reports and listings)");
      case Format::Json:
      case Format::Table:  // the default --format: JSON, as nothing else holds whole records
        write_export_json(session.out(), store, chosen);
        break;
    }
  });
}

}  // namespace crm::cli
