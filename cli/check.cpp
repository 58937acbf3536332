// crm check: validate every record and the configuration.
#include "check.hpp"

#include "commands.hpp"
#include "exit_status.hpp"
#include "git_setup.hpp"
#include "output.hpp"

namespace crm::cli {

void setup_check(CLI::App& app, Session& session) {
  auto* cmd = app.add_subcommand("check", "Validate every record and crm.yaml; list each problem as PATH:LINE: message");
  cmd->callback([&session] {
    const Store& store = session.store_tolerating_bad_config();
    CheckReport report = check_crm(store);
    if (session.format() == Format::Table) {
      for (const auto& p : report.problems) {
        session.out() << p.text() << '\n';
      }
    } else {
      std::vector<Value> rows;
      for (const auto& p : report.problems) {
        Value row = Value::map();
        row.set("text", p.text());
        row.set("path", p.path);
        row.set("line", p.line > 0 ? Value::number(p.line) : Value());
        row.set("column", p.column > 0 ? Value::number(p.column) : Value());
        row.set("message", p.message);
        rows.push_back(row);
      }
      print_rows(session, rows, {"text", "path", "line", "column", "message"}, {});
    }
    session.message(std::to_string(report.records) + " records checked, " + std::to_string(report.problems.size()) +
                    (report.problems.size() == 1 ? " problem" : " problems"));
    if (git_merge_driver_missing(store.root())) {
      session.warning("this clone merges records line by line: run 'crm git setup' so git merges them field by field");
    }
    if (!report.problems.empty()) {
      session.exit_status = k_exit_found;
    }
  });
}

}  // namespace crm::cli
