#include "feedback_import.hpp"

#include "contacts.hpp"
#include "error.hpp"
#include "problem.hpp"
#include "suggest.hpp"
#include "yaml_io.hpp"

#include <algorithm>
#include <cctype>

namespace crm {
namespace {

// One item to import, with the line it came from.
struct Item {
  int line = 0;
  std::string label;  // "" for CSV (the line says it all), "item 3: " for JSON
  FeedbackInput input;
};

std::string trimmed(const std::string& s) {
  auto begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) {
    return "";
  }
  return s.substr(begin, s.find_last_not_of(" \t\r\n") - begin + 1);
}

std::string lowered(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string column_list() {
  std::string out;
  for (const auto& c : feedback_import_columns()) {
    out += (out.empty() ? "" : ", ") + c;
  }
  return out;
}

bool known_column(const std::string& name) {
  const auto& columns = feedback_import_columns();
  return std::find(columns.begin(), columns.end(), name) != columns.end();
}

std::string unknown_column(const std::string& name) {
  return "unknown column '" + name + "'" + did_you_mean(lowered(name), feedback_import_columns()) +
         " (columns: " + column_list() + ")";
}

// Sets the column `name` of `in` from its text (topics: ';'-separated).
void set_column(FeedbackInput& in, const std::string& name, const std::string& value) {
  if (name == "text") {
    in.text = value;
  } else if (name == "title") {
    in.title = trimmed(value);
  } else if (name == "source") {
    in.source = trimmed(value);
  } else if (name == "sentiment") {
    in.sentiment = trimmed(value);
  } else if (name == "influencer") {
    in.influencer = trimmed(value);
  } else if (name == "contact") {
    in.contact = trimmed(value);
  } else if (name == "department") {
    in.department = trimmed(value);
  } else if (name == "handler") {
    in.handler = trimmed(value);
  } else if (name == "topics") {
    std::size_t start = 0;
    while (start <= value.size()) {
      std::size_t end = value.find(';', start);
      std::string topic = trimmed(value.substr(start, end == std::string::npos ? std::string::npos : end - start));
      if (!topic.empty()) {
        in.topics.push_back(topic);
      }
      if (end == std::string::npos) {
        break;
      }
      start = end + 1;
    }
  }
}

// Items of a CSV file; `has_text` tells whether its header names a text column.
std::vector<Item> csv_items(const std::string& text, const std::string& origin, std::vector<Problem>& problems,
                            bool& has_text) {
  std::vector<CsvRecord> records = parse_csv(text, origin);
  std::vector<Item> items;
  if (records.empty()) {
    problems.push_back({origin, 0, "empty: expected a header line (" + column_list() + ")"});
    return items;
  }
  const CsvRecord& header = records.front();
  std::vector<std::string> names;
  for (const auto& field : header.fields) {
    std::string name = lowered(trimmed(field));  // "Text" is the text column too
    if (!known_column(name)) {
      problems.push_back({origin, header.line, unknown_column(trimmed(field))});
    } else if (std::find(names.begin(), names.end(), name) != names.end()) {
      problems.push_back({origin, header.line, "column '" + name + "' appears twice"});
    }
    names.push_back(name);
  }
  has_text = std::find(names.begin(), names.end(), "text") != names.end();
  if (!has_text) {
    problems.push_back({origin, header.line, "no 'text' column (every item needs its text)"});
  }
  for (std::size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& record = records[r];
    if (record.fields.size() == 1 && trimmed(record.fields[0]).empty()) {
      continue;  // a blank line
    }
    if (record.fields.size() != names.size()) {
      problems.push_back(
          {origin, record.line,
           std::to_string(record.fields.size()) + " fields, but the header has " + std::to_string(names.size())});
      continue;
    }
    Item item;
    item.line = record.line;
    for (std::size_t i = 0; i < names.size(); ++i) {
      set_column(item.input, names[i], record.fields[i]);
    }
    items.push_back(std::move(item));
  }
  return items;
}

std::vector<Item> json_items(const std::string& text, const std::string& origin, std::vector<Problem>& problems) {
  Value root = parse_yaml(text, origin);
  std::vector<Item> items;
  if (!root.is_list()) {
    problems.push_back({origin, root.line(), "expected a list of feedback objects ([{\"text\": ...}, ...])"});
    return items;
  }
  int index = 0;
  for (const auto& v : root.items()) {
    Item item;
    item.line = v.line();
    item.label = "item " + std::to_string(++index) + ": ";
    if (!v.is_map()) {
      problems.push_back({origin, item.line, item.label + "expected an object"});
      continue;
    }
    bool ok = true;
    for (const auto& [key, value] : v.fields()) {
      if (!known_column(key)) {
        problems.push_back({origin, value.line(), item.label + unknown_column(key)});
        ok = false;
      } else if (key == "topics") {
        if (!value.is_null() && !value.is_list()) {
          problems.push_back({origin, value.line(), item.label + "topics must be a list ([\"rates\", ...])"});
          ok = false;
          continue;
        }
        for (const auto& topic : value.items()) {
          if (!topic.is_scalar() || trimmed(topic.text()).empty()) {
            problems.push_back({origin, topic.line(), item.label + "each topic must be a non-empty text"});
            ok = false;
          } else {
            item.input.topics.push_back(trimmed(topic.text()));
          }
        }
      } else if (!value.is_null() && !value.is_scalar()) {
        problems.push_back({origin, value.line(), item.label + key + " must be a text"});
        ok = false;
      } else {
        set_column(item.input, key, value.text());
      }
    }
    if (ok) {
      items.push_back(std::move(item));
    }
  }
  return items;
}

// Everything wrong with one item that shows without routing it.
void check_item(const Store& store, const Item& item, const std::string& origin, bool has_text,
                std::vector<Problem>& problems) {
  const FeedbackInput& in = item.input;
  auto problem = [&](const std::string& message) { problems.push_back({origin, item.line, item.label + message}); };
  if (has_text && trimmed(in.text).empty()) {
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

std::vector<CsvRecord> parse_csv(const std::string& text, const std::string& origin) {
  std::vector<CsvRecord> records;
  std::size_t i = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  const std::size_t n = text.size();
  int line = 1;
  // Consumes a line end at `i` (CRLF, LF or CR), if there is one.
  auto line_end = [&]() {
    if (i < n && text[i] == '\r') {
      i += i + 1 < n && text[i + 1] == '\n' ? 2 : 1;
      ++line;
      return true;
    }
    if (i < n && text[i] == '\n') {
      ++i;
      ++line;
      return true;
    }
    return false;
  };
  while (i < n) {
    CsvRecord record;
    record.line = line;
    while (true) {
      std::string field;
      if (i < n && text[i] == '"') {
        ++i;
        while (true) {
          if (i >= n) {
            throw data_error(origin + ":" + std::to_string(record.line) + ": unterminated quoted field");
          }
          if (text[i] == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (text[i] == '\r' || text[i] == '\n') {
            line_end();
            field += '\n';
            continue;
          }
          field += text[i++];
        }
      }
      // Unquoted text (or anything after a closing quote) up to the next comma or line end.
      while (i < n && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
        field += text[i++];
      }
      record.fields.push_back(std::move(field));
      if (i < n && text[i] == ',') {
        ++i;
        continue;
      }
      line_end();
      break;
    }
    records.push_back(std::move(record));
  }
  return records;
}

std::vector<std::string> import_feedback(const Context& ctx, Transaction& tx, const std::string& text,
                                         ImportFormat format, const std::string& origin) {
  std::vector<Problem> problems;
  bool has_text = true;
  std::vector<Item> items =
      format == ImportFormat::Csv ? csv_items(text, origin, problems, has_text) : json_items(text, origin, problems);
  std::vector<bool> checked;
  for (const auto& item : items) {
    std::size_t before = problems.size();
    check_item(ctx.store, item, origin, has_text, problems);
    checked.push_back(problems.size() == before);
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
  if (!problems.empty()) {
    std::stable_sort(problems.begin(), problems.end(),
                     [](const Problem& a, const Problem& b) { return a.line < b.line; });
    std::string message = "nothing imported: " + std::to_string(problems.size()) +
                          (problems.size() == 1 ? " problem" : " problems") + " in " + origin;
    for (const auto& p : problems) {
      message += "\n" + p.text();
    }
    throw data_error(message);
  }
  return ids;
}

}  // namespace crm
