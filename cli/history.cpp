// crm history ID: the commits that changed a record's file, and what each changed.
#include "record_history.hpp"

#include "activity.hpp"
#include "commands.hpp"
#include "error.hpp"
#include "git_setup.hpp"
#include "options.hpp"
#include "output.hpp"
#include "record_lookup.hpp"

#include <algorithm>
#include <memory>
#include <ostream>

namespace crm::cli {
namespace {

const std::vector<std::string> k_fields = {"commit", "author", "email",          "at",     "subject",
                                           "merge",  "events", "removed_events", "fields", "problem"};

struct Options {
  std::string record;
  std::size_t limit = 0;
  bool reverse = false;
};

// "forwarded by olivia: to: raquel"
std::string entry_text(const Value& entry) {
  std::string text = entry.get("event");
  if (!entry.get("by").empty()) {
    text += " by " + entry.get("by");
  }
  std::string detail = entry_detail(entry);
  return detail.empty() ? text : text + ": " + detail;
}

// A field's value on one line: lists joined, "(none)" when not set.
std::string value_text(const Value& v) {
  if (v.is_null()) {
    return "(none)";
  }
  std::string text = v.is_map() ? entry_detail(v) : v.text();
  for (const auto& item : v.items()) {
    text += (text.empty() ? "" : ", ") + (item.is_map() ? entry_detail(item) : item.text());
  }
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

// "title: Leak → Leaking pipe"
std::string change_text(const FieldDiff& f) {
  return f.field + ": " + value_text(f.before) + " → " + value_text(f.after);
}

Value text_or_null(const std::string& text) {
  return text.empty() ? Value() : Value(text);
}

Value list_of(const std::vector<Value>& items) {
  Value list = Value::list();
  for (const auto& item : items) {
    list.push_back(item);
  }
  return list;
}

// A revision for JSON and YAML: the entries and fields whole. For CSV and
// TSV, one line of text per entry and field instead, in one cell.
Value row_of(const Revision& r, bool delimited) {
  Value row = Value::map();
  row.set("commit", text_or_null(r.commit));
  row.set("author", text_or_null(r.author));
  row.set("email", text_or_null(r.email));
  Value at = r.at ? Value(format_utc(*r.at)) : Value();
  at.set_plain(true);
  row.set("at", at);
  row.set("subject", text_or_null(r.subject));
  row.set("merge", Value::boolean(r.merge));
  auto lines = [](const auto& items, auto text) {
    std::string out;
    for (const auto& item : items) {
      out += (out.empty() ? "" : "\n") + text(item);
    }
    return Value(out);
  };
  if (delimited) {
    row.set("events", lines(r.change.added, entry_text));
    row.set("removed_events", lines(r.change.removed, entry_text));
    row.set("fields", lines(r.change.fields, change_text));
  } else {
    row.set("events", list_of(r.change.added));
    row.set("removed_events", list_of(r.change.removed));
    Value fields = Value::list();
    for (const auto& f : r.change.fields) {
      Value field = Value::map();
      field.set("field", f.field);
      field.set("before", f.before);
      field.set("after", f.after);
      fields.push_back(field);
    }
    row.set("fields", fields);
  }
  row.set("problem", text_or_null(r.problem));
  return row;
}

// Like `git log --oneline`, each commit followed by what it changed:
//   1a2b3c4d  2026-11-23 10:30  Olivia Ortiz  case C-7K3M: forwarded to raquel
//       + forwarded by olivia: to: raquel
//       ~ title: Leak → Leaking pipe
void print_listing(Session& session, const std::vector<Revision>& revisions, bool never_committed) {
  std::ostream& out = session.out();
  bool color = session.color();
  auto paint = [color](const std::string& code, const std::string& text) {
    return color ? "\033[" + code + "m" + text + "\033[0m" : text;
  };
  for (const auto& r : revisions) {
    if (r.commit.empty()) {
      out << paint("33", "uncommitted")
          << (never_committed ? "  (the file is in no commit yet)\n" : "  (the working file differs from HEAD)\n");
    } else {
      std::string when = r.at ? format_local(*r.at, session.zone()) : "?";  // a date git wrote oddly
      out << paint("33", r.commit.substr(0, 8)) << "  " << when << "  " << r.author << "  " << r.subject << '\n';
    }
    if (!r.problem.empty()) {
      out << "    ! " << r.problem << '\n';
    }
    for (const auto& entry : r.change.added) {
      out << "    " << paint("32", "+ " + entry_text(entry)) << '\n';
    }
    for (const auto& entry : r.change.removed) {
      out << "    " << paint("31", "- " + entry_text(entry)) << '\n';
    }
    for (const auto& field : r.change.fields) {
      out << "    ~ " << change_text(field) << '\n';
    }
  }
}

void show_history(Session& session, const Options& o) {
  const Store& store = session.store();
  Record record = find_any_record(store, "", o.record);
  switch (git_place(store.root())) {
    case GitPlace::NoGit:
      throw usage_error("crm history needs git, and git is not installed");
    case GitPlace::Outside: {
      std::string where = store.shown(store.root());  // "." says little: name the folder
      throw usage_error("crm history needs git: " + (where == "." ? fs::current_path().string() : where) +
                        " is not inside a git work tree");
    }
    case GitPlace::Inside:
      break;
  }
  std::vector<Revision> revisions = record_history(store, record);
  bool never_committed = revisions.size() == 1 && revisions.front().commit.empty();
  if (o.limit > 0 && revisions.size() > o.limit) {
    revisions.resize(o.limit);
  }
  if (o.reverse) {
    std::reverse(revisions.begin(), revisions.end());
  }
  if (session.format() == Format::Table) {
    print_listing(session, revisions, never_committed);
    return;
  }
  bool delimited = session.format() == Format::Csv || session.format() == Format::Tsv;
  std::vector<Value> rows;
  for (const auto& r : revisions) {
    rows.push_back(row_of(r, delimited));
  }
  print_rows(session, rows, k_fields, {});
}

}  // namespace

void setup_history(CLI::App& app, Session& session) {
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "history", "A record's git history: who committed which change to its file, and when, newest first");
  cmd->add_option("record", o->record,
                  "An ID or unambiguous prefix, a user or department, an influencer's screen name, or KIND:ID")
      ->required();
  cmd->add_option("--limit,-n", o->limit, "Only the newest N commits")->check(at_least_one());
  cmd->add_flag("--reverse", o->reverse, "Oldest first (after --limit has chosen the newest N)");
  cmd->callback([&session, o] { show_history(session, *o); });
}

}  // namespace crm::cli
