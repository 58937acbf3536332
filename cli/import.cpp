// crm import contacts: contacts from a CSV or JSON file, a dry run unless --apply
#include "contact_import.hpp"

#include "commands.hpp"
#include "import_source.hpp"
#include "options.hpp"
#include "output.hpp"

#include <memory>

namespace crm::cli {
namespace {

std::string counted(std::size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

void setup_contacts(CLI::App* parent, Session& session) {
  struct Options {
    std::string file, format, on_duplicate = "skip";
    std::vector<std::string> mapping;
    bool apply = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = parent->add_subcommand(
      "contacts", "Add contacts from a CSV or JSON file, skipping duplicates; a dry run unless --apply");
  cmd->add_option("file", o->file, "CSV file with a header line, or JSON list of objects; '-' reads stdin")->required();
  cmd->add_option("--input-format", o->format, "csv or json (default: from the file's extension, else --format)")
      ->check(CLI::IsMember({"csv", "json"}));
  add_repeated(cmd, "--map", o->mapping, "COLUMN=FIELD: fill FIELD from COLUMN; COLUMN=- leaves it out (repeatable)");
  cmd->add_flag("--apply", o->apply, "Write the contacts (default: only show what would happen)");
  cmd->add_option("--on-duplicate", o->on_duplicate, "skip (default) or error: refuse the whole file")
      ->check(CLI::IsMember({"skip", "error"}));
  cmd->footer(
      "Fields: name (required), kind, org, emails, phones, tags, urls (lists: CSV cells separated by ';'),\n"
      "note, screen_name, platform, reach, description, and id (a row naming an existing contact's ID is a\n"
      "duplicate). Headers match fields ignoring case and punctuation, and common names too (E-mail,\n"
      "Phone number, Full name, Company...); crm export's history, created and updated are ignored.\n"
      "A row is a duplicate when it shares an email (any case), a phone (same digits) or an influencer's\n"
      "screen name with a contact or an earlier row. Every row is checked first; if any is wrong, each\n"
      "problem is listed as FILE:LINE: message and nothing is written (exit 3), --apply or not.");
  cmd->callback([&session, o] {
    ImportSource source = read_import_source(session, o->format, o->file);
    ContactImportOptions options;
    options.format = source.format;
    options.origin = source.origin;
    options.duplicates_are_errors = o->on_duplicate == "error";
    for (const auto& m : o->mapping) {
      options.mapping.push_back(parse_column_mapping(m));
    }
    Context ctx = session.context();
    Transaction tx(ctx.store);
    ContactImport result = import_contacts(ctx, tx, source.text, options);
    if (o->apply) {
      session.commit(tx);
    }
    if (!result.ignored_columns.empty()) {
      session.message("Ignored " + std::string(result.ignored_columns.size() == 1 ? "column " : "columns ") +
                      joined(result.ignored_columns));
    }
    for (const auto& row : result.rows) {
      std::string where = source.origin + ":" + std::to_string(row.line) + ": " + row.label;
      std::string skip = row.name + ": duplicate of " + row.duplicate_of + ", " + row.reason;
      if (!o->apply) {
        session.out() << where << (row.id.empty() ? "skip " + skip : "create " + row.name) << '\n';
      } else if (row.id.empty()) {
        session.message(where + "skipped " + skip);
      } else {
        session.out() << row.id << '\n';
      }
    }
    std::string duplicates = counted(result.skipped(), "duplicate", "duplicates");
    if (o->apply) {
      session.message("Imported " + counted(result.created(), "contact", "contacts") + ", skipped " + duplicates);
    } else {
      session.message(std::to_string(result.created()) + " to create, " + duplicates +
                      " (dry run: nothing written; use --apply)");
    }
  });
}

}  // namespace

void setup_import(CLI::App& app, Session& session) {
  auto* cmd =
      app.add_subcommand("import", "Add records in bulk from CSV or JSON files (checked whole, all or nothing)");
  cmd->require_subcommand(1);
  setup_contacts(cmd, session);
}

}  // namespace crm::cli
