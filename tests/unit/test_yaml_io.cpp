#include "error.hpp"
#include "yaml_io.hpp"

#include <doctest/doctest.h>

using namespace crm;

namespace {

// The text `s` survives being written as a map value and read back.
void check_round_trip(const std::string& s) {
  Value map = Value::map();
  map.set("k", Value(s));
  std::string yaml = emit_yaml(map);
  INFO("emitted: " << yaml);
  Value back = parse_yaml(yaml, "test");
  REQUIRE(back.is_map());
  CHECK(back.get("k") == s);
  CHECK(emit_yaml(back) == yaml);
}

}  // namespace

TEST_CASE("needs_quotes") {
  SUBCASE("words YAML reads as booleans or null") {
    for (const char* s : {"no", "No", "yes", "on", "off", "y", "n", "true", "FALSE", "null", "~", ""}) {
      CHECK_MESSAGE(needs_quotes(s), s);
    }
  }
  SUBCASE("numbers, dates and phone numbers") {
    for (const char* s : {"012", "42", "1e3", "0x1F", "2026-11-23", "12:30", "+31 20 555", "-5", ".5", "3 Main St"}) {
      CHECK_MESSAGE(needs_quotes(s), s);
    }
  }
  SUBCASE("YAML syntax inside text") {
    for (const char* s : {"a: b", "a #b", "- x", "[x]", "{x}", "&a", "*a", "!t", "|", ">", "'q'", "\"q\"", "%x", "@x",
                          "`x", " lead", "trail ", "a:", "---"}) {
      CHECK_MESSAGE(needs_quotes(s), s);
    }
  }
  SUBCASE("ordinary text stays plain") {
    for (const char* s : {"Anna Berg", "low water pressure", "olivia", "a:b", "a#b", "e-mail", "Noé", "x-1"}) {
      CHECK_FALSE_MESSAGE(needs_quotes(s), s);
    }
  }
}

TEST_CASE("emit_yaml") {
  SUBCASE("block style with nested lists and maps") {
    Value v = Value::map();
    v.set("id", "P-1");
    v.set("tags", make_string_list({"a", "b"}));
    Value entry = Value::map();
    entry.set("at", "x");
    entry.set("event", "created");
    Value history = Value::list();
    history.push_back(entry);
    v.set("history", history);
    v.set("empty", Value::list());
    CHECK(emit_yaml(v) == "id: P-1\ntags:\n  - a\n  - b\nhistory:\n  - at: x\n    event: created\nempty: []\n");
  }
  SUBCASE("multi-line text becomes a literal block") {
    Value v = Value::map();
    v.set("note", "line one\nline two");
    CHECK(emit_yaml(v) == "note: |-\n  line one\n  line two\n");
  }
  SUBCASE("a plain scalar read from a file stays plain") {
    Value v = parse_yaml("flag: true\ncount: 012\n", "t");
    CHECK(emit_yaml(v) == "flag: true\ncount: 012\n");
  }
  SUBCASE("a quoted scalar read from a file stays quoted") {
    Value v = parse_yaml("flag: \"true\"\n", "t");
    CHECK(emit_yaml(v) == "flag: \"true\"\n");
  }
}

TEST_CASE("emit_yaml round trip") {
  for (const char* s : {"plain", "no", "012", "+31 20 555 0101", "2026-11-23", "a: b", "quote \" and \\ backslash",
                        "tab\there", "line\nbreak", "trailing newline\n", "two trailing\n\n", "\nleading newline",
                        " leading space\nsecond", "trailing space \nsecond", "blank\n\nline", "emoji 🎉 ok",
                        "ctrl \x01 char", "cr\r\nlf", "# not a comment", "---", "- dash", "[", "}", "*alias",
                        "key: value\n  indented"}) {
    CAPTURE(s);
    check_round_trip(s);
  }
}

TEST_CASE("parse_yaml") {
  SUBCASE("reports line and column of a syntax error") {
    try {
      parse_yaml("a: 1\nb: [\n", "contacts/P-1.yaml");
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.status() == k_exit_data);
      CHECK(std::string(e.what()).rfind("contacts/P-1.yaml:", 0) == 0);
    }
  }
  SUBCASE("rejects duplicate keys, naming the line") {
    try {
      parse_yaml("a: 1\nb: 2\na: 3\n", "f.yaml");
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(std::string(e.what()) == "f.yaml:3:1: duplicate key 'a'");
    }
  }
  SUBCASE("records source lines") {
    Value v = parse_yaml("a: 1\nb:\n  - x\n  - y\n", "f");
    CHECK(v.find("a")->line() == 1);
    CHECK(v.find("b")->items()[1].line() == 4);
  }
  SUBCASE("an alias bomb fails instead of expanding") {
    std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    char prev = 'a';
    for (char c = 'b'; c <= 'k'; ++c) {
      bomb += std::string(1, c) + ": &" + c + " [";
      for (int i = 0; i < 10; ++i) {
        bomb += std::string(i ? ", " : "") + "*" + prev;
      }
      bomb += "]\n";
      prev = c;
    }
    CHECK_THROWS_AS(parse_yaml(bomb, "bomb"), Error);
  }
  SUBCASE("an empty document is null") { CHECK(parse_yaml("", "f").is_null()); }
}

TEST_CASE("a key with no value carries the key's own line") {
  Value v = parse_yaml("cases:\n  reopen:\nnext: 1\n", "crm.yaml");
  CHECK(v.find("cases")->find("reopen")->is_null());
  CHECK(v.find("cases")->find("reopen")->line() == 2);
}
