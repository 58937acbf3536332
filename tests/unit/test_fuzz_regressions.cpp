// Inputs the fuzz targets of tests/fuzz found crashing crm, fed through the
// same API. Each is also in tests/fuzz/corpus/<target>/regression-*.

#include "calendar.hpp"
#include "config.hpp"
#include "error.hpp"
#include "record.hpp"
#include "record_merge.hpp"
#include "schema.hpp"
#include "timestamp.hpp"
#include "yaml_io.hpp"

#include <doctest/doctest.h>

using namespace crm;

namespace {

// The message load_config gives for `yaml`, or "" when it loads.
std::string config_error_of(const std::string& yaml) {
  try {
    load_config(yaml, "crm.yaml");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("fuzz: opening hours with two colons are malformed and not a stoi crash") {
  // fuzz_time: std::stoi(":6") threw std::invalid_argument out of parse_hours.
  std::string error;
  CHECK(parse_hours("2208:00-12::6", error).empty());
  CHECK(error == "'2208:00-12::6' is not a time range like 08:00-12:00");
  error.clear();
  CHECK(parse_hours("1::0-12:00", error).empty());
  CHECK_FALSE(error.empty());
}

TEST_CASE("fuzz: a holiday of dashes is a data error and not a stoi crash") {
  std::string error = config_error_of(
      "calendars:\n  office:\n    hours: {mon-fri: \"08:00-17:00\"}\n    holidays: [\"----------\"]\n");
  CHECK(error.find("crm.yaml:4:") == 0);
  CHECK(error.find("'----------' is not a date like 2026-12-25") != std::string::npos);
}

TEST_CASE("fuzz: a key longer than YAML allows is a data error and not a file crm cannot read back") {
  // fuzz_record: yaml-cpp read an unclosed quote at the end of a file as a
  // 2,000-character key (spread over lines, with a null value); the record
  // was valid, but its saved form put the key on one line, which yaml-cpp
  // then refused ("illegal map value"): crm wrote a file it could not read.
  std::string text = "id: diane\nname: Diane\n'" + std::string(1200, 'a') + "\nb\n";
  std::string error;
  try {
    parse_yaml(text, "users/diane.yaml");
  } catch (const Error& e) {
    error = e.what();
  }
  CHECK(error == "users/diane.yaml:3:1: key longer than 1024 characters");
}

TEST_CASE("fuzz: a long unknown key within YAML's limit survives save and load") {
  std::string key(1000, 'k');
  Value data = parse_yaml("id: diane\nname: Diane\n" + key + ": x\n", "users/diane.yaml");
  std::string saved = serialize(user_kind(), data);
  CHECK(serialize(user_kind(), parse_yaml(saved, "saved.yaml")) == saved);
  CHECK(parse_yaml(saved, "saved.yaml").get(key) == "x");
}

TEST_CASE("fuzz: a unit repeated past the limit is no duration") {
  // fuzz_time: each number was under the limit, their sum was not, so the
  // canonical form ("1608084046h8m10s") did not parse back; enough repeats
  // would overflow wall_seconds().
  CHECK_FALSE(parse_duration(" 804042023h4m5s 804042023h4m5s"));
  std::string many;
  for (int i = 0; i < 20000; ++i) {
    many += "1000000000w ";
  }
  CHECK_FALSE(parse_duration(many));
  auto kept = parse_duration("500000000h 500000000h");
  REQUIRE(kept);
  CHECK(parse_duration(format_duration(*kept)) == kept);
}

TEST_CASE("fuzz: text where yaml-cpp stops advancing is a data error and not an endless parse") {
  // YAML::LoadAll looped on " ," until memory ran out (found by the fuzz
  // presets in CI); the document probe now asks for two documents at most.
  for (std::string text : {" ,", " , , ,", "[a]\n ,"}) {
    CAPTURE(text);
    CHECK_THROWS_AS(crm::parse_yaml(text, "f.yaml"), crm::Error);
  }
  CHECK_THROWS_WITH_AS(crm::parse_yaml("a: 1\n---\nb: 2\n", "f.yaml"),
                       doctest::Contains("f.yaml:2:1: a second YAML document"), crm::Error);
  CHECK(crm::parse_yaml("---\na: 1\n...\n", "f.yaml").get("a") == "1");
}

TEST_CASE("fuzz: a tag with no text in a forward does not clear the department on one merge and restore it on the next") {
  // fuzz_merge (CI): one byte made `department: water` in a forwarded entry
  // `department: !ater`, a tagged empty value. Replaying it cleared the case's
  // department, the written entry dropped the empty value, so merging the
  // merged file again gave `department: water` back.
  std::string text =
      "id: C-AAAAAAAAAAAA\ntitle: No water\nstatus: acknowledged\npriority: normal\ndepartment: water\n"
      "handler: carl\nopened: 2026-11-23T09:00:00Z\nacknowledged: 2026-11-23T09:30:00Z\nhistory:\n"
      "  - at: 2026-11-23T09:00:00Z\n    by: fiona\n    event: opened\n"
      "  - at: 2026-11-23T09:00:00Z\n    by: fiona\n    event: routed\n    department: water\n"
      "  - at: 2026-11-23T09:30:00Z\n    by: ben\n    event: acknowledged\n    handler: ben\n"
      "  - at: 2026-11-23T10:00:00Z\n    by: ben\n    event: forwarded\n    department: !ater\n    handler: carl\n";
  RecordMerge first = merge_record(case_kind(), text, text, text);
  REQUIRE(first.conflicts.empty());
  CHECK(parse_yaml(first.text, "merged").get("department") == "water");
  CHECK(merge_record(case_kind(), first.text, first.text, first.text).text == first.text);
}
