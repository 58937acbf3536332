#include "feedback_import.hpp"

#include "contacts.hpp"
#include "error.hpp"
#include "problem.hpp"
#include "suggest.hpp"

#include <algorithm>

namespace crm {
namespace {

// One item to import, with the line it came from.
struct Item {
  int line = 0;
  std::string label;  // "" for CSV (the line says it all), "item 3: " for JSON
  FeedbackInput input;
  bool readable = true;  // every cell held what its column needs
};

// The item a row of the table describes, given the field each column fills.
Item item_of(const TableRow& row, const std::vector<std::string>& fields, ImportFormat format,
             const std::string& origin, std::vector<Problem>& problems) {
  Item item;
  item.line = row.line;
  item.label = row.label;
  CellReader cells(row, format, origin, problems);
  FeedbackInput& in = item.input;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::string& field = fields[i];
    const Value& cell = row.cells[i];
    if (field == "topics") {
      cells.list(cell, field, false, in.topics);
    } else if (field == "text") {
      in.text = cells.text(cell, field, true);
    } else if (!field.empty()) {
      std::string value = cells.text(cell, field);
      std::string* into = field == "title"        ? &in.title
                          : field == "source"     ? &in.source
                          : field == "sentiment"  ? &in.sentiment
                          : field == "influencer" ? &in.influencer
                          : field == "contact"    ? &in.contact
                          : field == "department" ? &in.department
                                                  : &in.handler;
      *into = value;
    }
  }
  item.readable = cells.ok();
  return item;
}

// Everything wrong with one item that shows without routing it.
void check_item(const Store& store, const Item& item, const std::string& origin, bool has_text,
                std::vector<Problem>& problems) {
  const FeedbackInput& in = item.input;
  auto problem = [&](const std::string& message) { problems.push_back({origin, item.line, item.label + message}); };
  if (has_text && trim_blanks(in.text).empty()) {
    problem("missing text");
  }
  auto check_choice = [&](const std::string& what, const std::string& value, const std::vector<std::string>& choices) {
    if (!value.empty() && std::find(choices.begin(), choices.end(), value) == choices.end()) {
      std::string list;
      for (const auto& c : choices) {
        list += (list.empty() ? "" : ", ") + c;
      }
      problem("unknown " + what + " '" + value + "'" + did_you_mean(value, choices) + " (" + list + ")");
    }
  };
  check_choice("source", in.source, feedback_sources());
  check_choice("sentiment", in.sentiment, feedback_sentiments());
  auto check_name = [&](const std::string& what, const std::string& value, auto resolve) {
    if (value.empty()) {
      return;
    }
    try {
      resolve(value);
    } catch (const Error& e) {
      problem(what + ": " + e.what());
    }
  };
  check_name("influencer", in.influencer, [&](const std::string& v) { find_influencer(store, v); });
  check_name("contact", in.contact, [&](const std::string& v) { store.resolve(contact_kind(), v); });
  check_name("department", in.department, [&](const std::string& v) { store.resolve(department_kind(), v); });
  check_name("handler", in.handler, [&](const std::string& v) { store.resolve(user_kind(), v); });
}

}  // namespace

const std::vector<std::string>& feedback_import_columns() {
  static const std::vector<std::string> columns = {"text",       "title",   "source",     "sentiment", "topics",
                                                   "influencer", "contact", "department", "handler"};
  return columns;
}

std::vector<std::string> import_feedback(const Context& ctx, Transaction& tx, const std::string& text,
                                         ImportFormat format, const std::string& origin) {
  std::vector<Problem> problems;
  Table table = read_table(text, format, origin, "feedback objects ([{\"text\": ...}, ...])", problems);
  ColumnRules rules;
  rules.fields = feedback_import_columns();
  rules.required = {{"text", "every item needs its text"}};
  std::vector<std::string> fields = map_columns(table, rules, origin, problems);
  bool has_text = table.format == ImportFormat::Json || std::find(fields.begin(), fields.end(), "text") != fields.end();
  std::vector<Item> items;
  for (const auto& row : table.rows) {
    items.push_back(item_of(row, fields, format, origin, problems));
  }
  std::vector<bool> checked;
  for (const auto& item : items) {
    std::size_t before = problems.size();
    check_item(ctx.store, item, origin, has_text, problems);
    checked.push_back(item.readable && problems.size() == before);
  }
  // Staging is the last check (routing); nothing is written unless all pass.
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!checked[i] || !has_text) {
      continue;
    }
    FeedbackInput input = items[i].input;
    input.note = "imported from " + origin;
    try {
      ids.push_back(add_feedback(ctx, tx, input).opened.id);
    } catch (const Error& e) {
      problems.push_back({origin, items[i].line, items[i].label + e.what()});
    }
  }
  throw_import_problems(std::move(problems), origin);
  return ids;
}

}  // namespace crm
