// parse_csv, read_table, map_columns and CellReader: the reader every import shares.
#include "error.hpp"
#include "table_import.hpp"

#include <doctest/doctest.h>

using namespace crm;

namespace {

using Fields = std::vector<std::string>;

std::vector<Fields> fields_of(const std::vector<CsvRecord>& records) {
  std::vector<Fields> out;
  for (const auto& r : records) {
    out.push_back(r.fields);
  }
  return out;
}

std::vector<int> lines_of(const std::vector<CsvRecord>& records) {
  std::vector<int> out;
  for (const auto& r : records) {
    out.push_back(r.line);
  }
  return out;
}

// Texts of a row's cells.
Fields texts(const TableRow& row) {
  Fields out;
  for (const auto& cell : row.cells) {
    out.push_back(cell.text());
  }
  return out;
}

std::vector<std::string> messages(const std::vector<Problem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) {
    out.push_back(p.text());
  }
  return out;
}

// Rules for people: name (required), emails (a list several columns may fill), note; "E-mail" means emails.
ColumnRules people_rules() {
  ColumnRules rules;
  rules.fields = {"name", "emails", "note"};
  rules.list_fields = {"emails"};
  rules.synonyms = {{"e-mail", "emails"}, {"full name", "name"}};
  rules.ignored = {"history"};
  rules.required = {{"name", "every person needs one"}};
  return rules;
}

}  // namespace

TEST_CASE("parse_csv") {
  SUBCASE("plain fields, LF or CRLF, with or without a final line end") {
    CHECK(fields_of(parse_csv("a,b\nc,d\n", "x")) == std::vector<Fields>{{"a", "b"}, {"c", "d"}});
    CHECK(fields_of(parse_csv("a,b\r\nc,d", "x")) == std::vector<Fields>{{"a", "b"}, {"c", "d"}});
    CHECK(fields_of(parse_csv("a,,\n", "x")) == std::vector<Fields>{{"a", "", ""}});
  }
  SUBCASE("quoted fields hold commas, doubled quotes and line breaks") {
    auto records = parse_csv("text,title\n\"Rates, again\",\"He said \"\"no\"\"\"\n\"two\r\nlines\",x\nlast,y\n", "x");
    CHECK(
        fields_of(records) ==
        std::vector<Fields>{{"text", "title"}, {"Rates, again", "He said \"no\""}, {"two\nlines", "x"}, {"last", "y"}});
    CHECK(lines_of(records) == std::vector<int>{1, 2, 3, 5});
  }
  SUBCASE("an empty quoted field and a byte-order mark") {
    CHECK(fields_of(parse_csv("\xEF\xBB\xBFtext,\"\"\n", "x")) == std::vector<Fields>{{"text", ""}});
  }
  SUBCASE("an unterminated quote names the line its record starts on") {
    try {
      parse_csv("text\nok\n\"never\nclosed\n", "in.csv");
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.status() == k_exit_data);
      CHECK(std::string(e.what()) == "in.csv:3: unterminated quoted field");
    }
  }
}

TEST_CASE("read_table") {
  std::vector<Problem> problems;
  SUBCASE("CSV: a trimmed header, rows at their lines, blank rows skipped, short rows reported") {
    Table t = read_table("Name , E-mail\nAnna,a@x.org\n\n,\nBob\n\"Carl\nC\",c@x.org\n", ImportFormat::Csv, "in.csv",
                         "people", problems);
    CHECK(t.columns == Fields{"Name", "E-mail"});
    REQUIRE(t.rows.size() == 2);
    CHECK(texts(t.rows[0]) == Fields{"Anna", "a@x.org"});
    CHECK(t.rows[0].line == 2);
    CHECK(texts(t.rows[1]) == Fields{"Carl\nC", "c@x.org"});
    CHECK(t.rows[1].line == 6);
    CHECK(messages(problems) == Fields{"in.csv:5: 1 fields, but the header has 2"});
  }
  SUBCASE("CSV: an empty file") {
    CHECK(read_table("", ImportFormat::Csv, "in.csv", "people", problems).columns.empty());
    CHECK(messages(problems) == Fields{"in.csv: empty: expected a header line"});
  }
  SUBCASE("JSON: every key a column in first-seen order, absent keys null at the item's line") {
    Table t = read_table("[\n{\"name\": \"Anna\"},\n{\"note\": \"hi\", \"name\": \"Bob\"},\n3\n]", ImportFormat::Json,
                         "in.json", "people", problems);
    CHECK(t.columns == Fields{"name", "note"});
    CHECK(t.column_lines == std::vector<int>{2, 3});
    CHECK(t.column_labels == Fields{"item 1: ", "item 2: "});
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0].cells[1].is_null());
    CHECK(t.rows[0].cells[1].line() == 2);
    CHECK(texts(t.rows[1]) == Fields{"Bob", "hi"});
    CHECK(t.rows[1].label == "item 2: ");
    CHECK(messages(problems) == Fields{"in.json:4: item 3: expected an object"});
  }
  SUBCASE("JSON that is not a list") {
    read_table("{\"name\": \"Anna\"}", ImportFormat::Json, "in.json", "people objects", problems);
    CHECK(messages(problems) == Fields{"in.json:1: expected a list of people objects"});
  }
  SUBCASE("malformed JSON throws with its place") {
    CHECK_THROWS_AS(read_table("[{\"name\": ", ImportFormat::Json, "in.json", "people", problems), Error);
  }
}

TEST_CASE("map_columns") {
  std::vector<Problem> problems;
  auto csv = [&](const std::string& header) {
    return read_table(header + "\n", ImportFormat::Csv, "in.csv", "people", problems);
  };
  SUBCASE("field names and synonyms, ignoring case and punctuation") {
    CHECK(map_columns(csv("NAME,E-Mail,email,History"), people_rules(), "in.csv", problems) ==
          Fields{"name", "emails", "emails", ""});
    CHECK(map_columns(csv("Full name,note"), people_rules(), "in.csv", problems) == Fields{"name", "note"});
    CHECK(problems.empty());
  }
  SUBCASE("the user's mapping comes first; '-' ignores a column") {
    ColumnRules rules = people_rules();
    rules.mapping = {{"Remarks", "note"}, {"note", "-"}, {"who", "name"}};
    CHECK(map_columns(csv("Who,remarks,note"), rules, "in.csv", problems) == Fields{"name", "note", ""});
    CHECK(problems.empty());
  }
  SUBCASE("unknown columns, one field twice and a missing required field are reported") {
    ColumnRules rules = people_rules();
    rules.unknown_hint = [](const std::string& column) { return "; map " + column; };
    map_columns(csv("nmae,note,Notes,NOTE"), rules, "in.csv", problems);
    CHECK(messages(problems) ==
          Fields{"in.csv:1: unknown column 'nmae' (did you mean 'name'?) (columns: name, emails, note); map nmae",
                 "in.csv:1: unknown column 'Notes' (did you mean 'note'?) (columns: name, emails, note); map Notes",
                 "in.csv:1: column 'note' appears twice",
                 "in.csv:1: no 'name' column (every person needs one)"});
  }
  SUBCASE("two different columns for one single-valued field") {
    ColumnRules rules = people_rules();
    rules.mapping = {{"Surname", "name"}};
    map_columns(csv("name,Surname"), rules, "in.csv", problems);
    CHECK(messages(problems) == Fields{"in.csv:1: columns 'name' and 'Surname' both fill 'name'"});
  }
  SUBCASE("JSON keys are reported once, at the item first using them") {
    Table t = read_table("[{\"name\": \"A\"},\n {\"name\": \"B\", \"age\": 3},\n {\"age\": 4}]", ImportFormat::Json,
                         "in.json", "people", problems);
    map_columns(t, people_rules(), "in.json", problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].text().rfind("in.json:2: item 2: unknown column 'age'", 0) == 0);
  }
  SUBCASE("a mapping naming no column or no field is a usage error") {
    ColumnRules rules = people_rules();
    rules.mapping = {{"Nom", "name"}};
    try {
      map_columns(csv("name"), rules, "in.csv", problems);
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.status() == k_exit_usage);
      CHECK(std::string(e.what()).find("in.csv has no column 'Nom'") != std::string::npos);
    }
    rules.mapping = {{"name", "nmae"}};
    try {
      map_columns(csv("name"), rules, "in.csv", problems);
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.status() == k_exit_usage);
      CHECK(std::string(e.what()).find("no field 'nmae' (did you mean 'name'?)") != std::string::npos);
    }
  }
}

TEST_CASE("parse_column_mapping") {
  CHECK(parse_column_mapping(" Full Name = name ") == std::pair<std::string, std::string>{"Full Name", "name"});
  CHECK(parse_column_mapping("a=b=-") == std::pair<std::string, std::string>{"a=b", "-"});
  CHECK_THROWS_AS(parse_column_mapping("Full Name"), Error);
  CHECK_THROWS_AS(parse_column_mapping("=name"), Error);
}

TEST_CASE("CellReader") {
  std::vector<Problem> problems;
  SUBCASE("CSV: texts trimmed unless kept, lists split on ';'") {
    TableRow row{4, "", {Value(" a ; b;; c "), Value("  text  ")}};
    CellReader cells(row, ImportFormat::Csv, "in.csv", problems);
    Fields list;
    cells.list(row.cells[0], "tags", false, list);
    CHECK(list == Fields{"a", "b", "c"});
    CHECK(cells.text(row.cells[1], "note") == "text");
    CHECK(cells.text(row.cells[1], "note", true) == "  text  ");
    CHECK(cells.ok());
  }
  SUBCASE("JSON: lists must be lists unless a text is allowed; texts must be scalars") {
    Value root = Value::list();
    root.push_back(Value("x;y"));
    Value map = Value::map();
    TableRow row{7, "item 2: ", {Value("x;y"), root, map}};
    CellReader cells(row, ImportFormat::Json, "in.json", problems);
    Fields list;
    cells.list(row.cells[0], "tags", true, list);
    CHECK(list == Fields{"x", "y"});
    cells.list(row.cells[1], "tags", false, list);
    CHECK(list == Fields{"x", "y", "x;y"});
    CHECK(cells.ok());
    cells.list(row.cells[0], "topics", false, list);
    CHECK(cells.text(row.cells[2], "note").empty());
    CHECK_FALSE(cells.ok());
    CHECK(messages(problems) == Fields{"in.json:7: item 2: topics must be a list of texts ([\"...\", ...])",
                                       "in.json:7: item 2: note must be a text"});
  }
}

TEST_CASE("throw_import_problems") {
  CHECK_NOTHROW(throw_import_problems({}, "in.csv"));
  try {
    throw_import_problems({{"in.csv", 5, "late"}, {"in.csv", 2, "early"}}, "in.csv");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.status() == k_exit_data);
    CHECK(std::string(e.what()) == "nothing imported: 2 problems in in.csv\nin.csv:2: early\nin.csv:5: late");
  }
}
