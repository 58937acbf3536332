#pragma once

// Reading CSV and JSON files of records to import (`crm feedback import`,
// `crm import contacts`): the table, which column fills which field, the
// cells' texts and lists, and the all-or-nothing error.

#include "problem.hpp"
#include "value.hpp"

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace crm {

enum class ImportFormat { Csv, Json };

// One CSV record: its fields and the line it starts on (1-based).
struct CsvRecord {
  int line = 0;
  std::vector<std::string> fields;
};

// Records of CSV `text` (RFC 4180): comma-separated fields, quoted fields
// may hold commas, line breaks and doubled quotes; CRLF or LF line ends
// (CRLF inside a field becomes LF); a leading byte-order mark is skipped.
// Throws a data error "ORIGIN:LINE: unterminated quoted field".
std::vector<CsvRecord> parse_csv(const std::string& text, const std::string& origin);

// One row of a table: where it came from and one cell per column.
struct TableRow {
  int line = 0;
  std::string label;         // "" for CSV (the line says it all), "item 3: " for JSON
  std::vector<Value> cells;  // CSV: a string each; JSON: the value given (null when absent)
};

// A file to import, as columns and rows.
struct Table {
  ImportFormat format = ImportFormat::Csv;
  std::vector<std::string> columns;        // CSV: the header, trimmed; JSON: every key, first-seen order
  std::vector<int> column_lines;           // where each column is first named
  std::vector<std::string> column_labels;  // JSON: the label of the item that first names it
  std::vector<TableRow> rows;
};

// The table in `text`: a CSV file with a header line (blank rows skipped,
// rows with another number of fields reported), or a JSON list of objects
// (anything else reported as "expected a list of `what`"). Malformed text
// throws a data error naming ORIGIN:LINE.
Table read_table(const std::string& text, ImportFormat format, const std::string& origin, const std::string& what,
                 std::vector<Problem>& problems);
// The same for JSON already parsed into `root`.
Table json_table(const Value& root, const std::string& origin, const std::string& what,
                 std::vector<Problem>& problems);

// How the columns of a table name the fields of the records to import.
// Headers are compared ignoring case and anything but letters and digits,
// so "E-mail", "email" and "EMAIL" are one name.
struct ColumnRules {
  std::vector<std::string> fields;       // what a column may fill, in the order messages list them
  std::vector<std::string> list_fields;  // fields that several columns may fill together
  std::vector<std::pair<std::string, std::string>> synonyms;  // other header -> field
  std::vector<std::string> ignored;      // columns taken silently and not imported
  // COLUMN=FIELD pairs given by the user, before anything else ("-": ignore COLUMN).
  std::vector<std::pair<std::string, std::string>> mapping;
  // Fields a CSV header must name, each with why ("every item needs its text").
  std::vector<std::pair<std::string, std::string>> required;
  // Appended to "unknown column" messages, given the column's name.
  std::function<std::string(const std::string&)> unknown_hint;
};

// The field each column of `table` fills ("" for an ignored column).
// Reports unknown columns, two columns filling one single-valued field and
// (CSV) a required field that no column fills. Throws a usage error for a
// mapping that names no column of the table or no field.
std::vector<std::string> map_columns(const Table& table, const ColumnRules& rules, const std::string& origin,
                                     std::vector<Problem>& problems);

// "COLUMN=FIELD" split at its last '='; throws a usage error without one.
std::pair<std::string, std::string> parse_column_mapping(const std::string& text);

// `s` without leading and trailing blanks.
std::string trim_blanks(const std::string& s);

// Reads cells for one row, reporting problems at the cell's line.
class CellReader {
 public:
  CellReader(const TableRow& row, ImportFormat format, const std::string& origin, std::vector<Problem>& problems)
      : m_row(row), m_format(format), m_origin(origin), m_problems(problems) {}

  // The text of a scalar cell ("" for null), trimmed unless `keep_blanks`;
  // reports a list or an object.
  std::string text(const Value& cell, const std::string& field, bool keep_blanks = false);
  // Appends the items of a list cell to `into`: CSV text separated by ';'
  // (blank items dropped); JSON a list of non-empty texts, or, when
  // `text_ok`, also a text read as in CSV.
  void list(const Value& cell, const std::string& field, bool text_ok, std::vector<std::string>& into);
  // Reports `message` for this row at `line` (0: the row's line).
  void problem(const std::string& message, int line = 0);
  bool ok() const { return m_ok; }

 private:
  const TableRow& m_row;
  ImportFormat m_format;
  std::string m_origin;  // a copy: callers pass temporaries such as "in.csv"
  std::vector<Problem>& m_problems;
  bool m_ok = true;
};

// Throws one data error "nothing imported: N problems in ORIGIN" followed
// by every problem, ordered by line, when there are any.
void throw_import_problems(std::vector<Problem> problems, const std::string& origin);

}  // namespace crm
