#include "table_import.hpp"

#include "error.hpp"
#include "suggest.hpp"
#include "yaml_io.hpp"

#include <algorithm>
#include <cctype>

namespace crm {
namespace {

std::string lowered(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// A header as compared with field names: lower case, letters and digits only.
std::string normalized(const std::string& header) {
  std::string out;
  for (unsigned char c : header) {
    if (std::isalnum(c)) {
      out += static_cast<char>(std::tolower(c));
    }
  }
  return out;
}

bool all_blank(const std::vector<std::string>& fields) {
  return std::all_of(fields.begin(), fields.end(), [](const std::string& f) { return trim_blanks(f).empty(); });
}

Table csv_table(const std::string& text, const std::string& origin, std::vector<Problem>& problems) {
  std::vector<CsvRecord> records = parse_csv(text, origin);
  Table table;
  if (records.empty()) {
    problems.push_back({origin, 0, "empty: expected a header line"});
    return table;
  }
  const CsvRecord& header = records.front();
  for (const auto& field : header.fields) {
    table.columns.push_back(trim_blanks(field));
    table.column_lines.push_back(header.line);
    table.column_labels.emplace_back();
  }
  for (std::size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& record = records[r];
    if (all_blank(record.fields)) {
      continue;  // a blank line, or a spreadsheet's empty row (",,,")
    }
    if (record.fields.size() != table.columns.size()) {
      problems.push_back({origin, record.line,
                          std::to_string(record.fields.size()) + " fields, but the header has " +
                              std::to_string(table.columns.size())});
      continue;
    }
    TableRow row;
    row.line = record.line;
    for (const auto& field : record.fields) {
      Value cell(field);
      cell.set_line(record.line);
      row.cells.push_back(std::move(cell));
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

// Where `column` is in `table`, adding it when new.
std::size_t column_index(Table& table, const std::string& column, int line, const std::string& label) {
  auto it = std::find(table.columns.begin(), table.columns.end(), column);
  if (it != table.columns.end()) {
    return static_cast<std::size_t>(it - table.columns.begin());
  }
  table.columns.push_back(column);
  table.column_lines.push_back(line);
  table.column_labels.push_back(label);
  return table.columns.size() - 1;
}

}  // namespace

std::string trim_blanks(const std::string& s) {
  auto begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) {
    return "";
  }
  return s.substr(begin, s.find_last_not_of(" \t\r\n") - begin + 1);
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

Table read_table(const std::string& text, ImportFormat format, const std::string& origin, const std::string& what,
                 std::vector<Problem>& problems) {
  if (format == ImportFormat::Csv) {
    return csv_table(text, origin, problems);
  }
  return json_table(parse_yaml(text, origin), origin, what, problems);
}

Table json_table(const Value& root, const std::string& origin, const std::string& what,
                 std::vector<Problem>& problems) {
  Table table;
  table.format = ImportFormat::Json;
  if (!root.is_list()) {
    problems.push_back({origin, root.line(), "expected a list of " + what});
    return table;
  }
  int index = 0;
  for (const auto& item : root.items()) {
    TableRow row;
    row.line = item.line();
    row.label = "item " + std::to_string(++index) + ": ";
    if (!item.is_map()) {
      problems.push_back({origin, row.line, row.label + "expected an object"});
      continue;
    }
    for (const auto& [key, value] : item.fields()) {
      std::size_t column = column_index(table, key, value.line(), row.label);
      row.cells.resize(std::max(row.cells.size(), column + 1));
      row.cells[column] = value;
    }
    table.rows.push_back(std::move(row));
  }
  // Every row gets a cell per column: null (at the item's line) where it has no such key.
  for (auto& row : table.rows) {
    row.cells.resize(table.columns.size());
    for (auto& cell : row.cells) {
      if (cell.is_null() && cell.line() == 0) {
        cell.set_line(row.line);
      }
    }
  }
  return table;
}

std::pair<std::string, std::string> parse_column_mapping(const std::string& text) {
  auto eq = text.rfind('=');
  if (eq == std::string::npos || trim_blanks(text.substr(0, eq)).empty() || trim_blanks(text.substr(eq + 1)).empty()) {
    throw usage_error("--map '" + text + "': expected COLUMN=FIELD (or COLUMN=- to ignore the column)");
  }
  return {trim_blanks(text.substr(0, eq)), trim_blanks(text.substr(eq + 1))};
}

std::vector<std::string> map_columns(const Table& table, const ColumnRules& rules, const std::string& origin,
                                     std::vector<Problem>& problems) {
  // The user's mapping, by normalized column name.
  std::vector<std::pair<std::string, std::string>> mapping;
  for (const auto& [column, field] : rules.mapping) {
    std::string shown = "--map '" + column + "=" + field + "'";
    if (field != "-" && std::find(rules.fields.begin(), rules.fields.end(), lowered(field)) == rules.fields.end()) {
      throw usage_error(shown + ": no field '" + field + "'" + did_you_mean(lowered(field), rules.fields) +
                        " (fields: " + comma_list(rules.fields) + ")");
    }
    bool named = std::any_of(table.columns.begin(), table.columns.end(),
                             [&column = column](const std::string& c) { return normalized(c) == normalized(column); });
    if (!named) {
      throw usage_error(shown + ": " + origin + " has no column '" + column + "'" +
                        did_you_mean(column, table.columns) + " (columns: " + comma_list(table.columns) + ")");
    }
    for (const auto& [earlier, _] : mapping) {
      if (earlier == normalized(column)) {
        throw usage_error(shown + ": column '" + column + "' is mapped twice");
      }
    }
    mapping.emplace_back(normalized(column), field == "-" ? "" : lowered(field));
  }

  std::vector<std::string> fields;
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    const std::string& column = table.columns[i];
    std::string key = normalized(column);
    auto report = [&](const std::string& message) {
      problems.push_back({origin, table.column_lines[i], table.column_labels[i] + message});
    };
    std::string field;
    bool known = false;
    for (const auto& [from, to] : mapping) {
      if (from == key) {
        field = to;
        known = true;
      }
    }
    for (const auto& f : rules.fields) {
      if (!known && normalized(f) == key) {
        field = f;
        known = true;
      }
    }
    for (const auto& [synonym, f] : rules.synonyms) {
      if (!known && normalized(synonym) == key) {
        field = f;
        known = true;
      }
    }
    for (const auto& ignored : rules.ignored) {
      if (!known && normalized(ignored) == key) {
        known = true;
      }
    }
    if (!known) {
      report("unknown column '" + column + "'" + did_you_mean(lowered(column), rules.fields) + " (columns: " +
             comma_list(rules.fields) + ")" + (rules.unknown_hint ? rules.unknown_hint(column) : ""));
    }
    bool list = std::find(rules.list_fields.begin(), rules.list_fields.end(), field) != rules.list_fields.end();
    for (std::size_t j = 0; j < fields.size() && !field.empty() && !list; ++j) {
      if (fields[j] != field) {
        continue;
      }
      if (normalized(table.columns[j]) == key) {
        report("column '" + lowered(column) + "' appears twice");
      } else {
        report("columns '" + table.columns[j] + "' and '" + column + "' both fill '" + field + "'");
      }
      break;
    }
    fields.push_back(field);
  }
  if (table.format == ImportFormat::Csv && !table.columns.empty()) {
    for (const auto& [field, why] : rules.required) {
      if (std::find(fields.begin(), fields.end(), field) == fields.end()) {
        problems.push_back({origin, table.column_lines.front(), "no '" + field + "' column (" + why + ")"});
      }
    }
  }
  return fields;
}

std::string CellReader::text(const Value& cell, const std::string& field, bool keep_blanks) {
  if (cell.is_null()) {
    return "";
  }
  if (!cell.is_scalar()) {
    problem(field + " must be a text", cell.line());
    return "";
  }
  return keep_blanks ? cell.text() : trim_blanks(cell.text());
}

void CellReader::list(const Value& cell, const std::string& field, bool text_ok, std::vector<std::string>& into) {
  if (cell.is_null()) {
    return;
  }
  if (cell.is_scalar() && (m_format == ImportFormat::Csv || text_ok)) {
    const std::string& value = cell.text();
    std::size_t start = 0;
    while (start <= value.size()) {
      std::size_t end = value.find(';', start);
      std::string item = trim_blanks(value.substr(start, end == std::string::npos ? std::string::npos : end - start));
      if (!item.empty()) {
        into.push_back(item);
      }
      if (end == std::string::npos) {
        break;
      }
      start = end + 1;
    }
    return;
  }
  if (!cell.is_list()) {
    problem(field + " must be a list of texts ([\"...\", ...])", cell.line());
    return;
  }
  for (const auto& item : cell.items()) {
    if (!item.is_scalar() || trim_blanks(item.text()).empty()) {
      problem("each of " + field + " must be a non-empty text", item.line());
    } else {
      into.push_back(trim_blanks(item.text()));
    }
  }
}

void CellReader::problem(const std::string& message, int line) {
  m_problems.push_back({m_origin, line > 0 ? line : m_row.line, m_row.label + message});
  m_ok = false;
}

void throw_import_problems(std::vector<Problem> problems, const std::string& origin) {
  if (problems.empty()) {
    return;
  }
  std::stable_sort(problems.begin(), problems.end(),
                   [](const Problem& a, const Problem& b) { return a.line < b.line; });
  std::string message = "nothing imported: " + std::to_string(problems.size()) +
                        (problems.size() == 1 ? " problem" : " problems") + " in " + origin;
  for (const auto& p : problems) {
    message += "\n" + p.text();
  }
  throw data_error(message);
}

}  // namespace crm
