#include "record.hpp"
#include "record_merge.hpp"
#include "yaml_io.hpp"

#include <doctest/doctest.h>

using namespace crm;

namespace {

// A case acknowledged by ben in water; `extra_fields` go before the history, `more` after its entries.
std::string case_file(const std::string& extra_fields, const std::string& more = "") {
  return "id: C-AAAAAAAAAAAA\n"
         "title: No water\n"
         "status: acknowledged\n"
         "priority: normal\n"
         "contact: P-AAAAAAAAAAAA\n"
         "department: water\n"
         "handler: ben\n"
         "opened: 2026-11-23T09:00:00Z\n"
         "acknowledged: 2026-11-23T09:30:00Z\n" +
         extra_fields +
         "history:\n"
         "  - at: 2026-11-23T09:00:00Z\n"
         "    by: fiona\n"
         "    event: opened\n"
         "  - at: 2026-11-23T09:00:00Z\n"
         "    by: fiona\n"
         "    event: routed\n"
         "    department: water\n"
         "  - at: 2026-11-23T09:30:00Z\n"
         "    by: ben\n"
         "    event: acknowledged\n"
         "    handler: ben\n" +
         more;
}

std::string entry(const std::string& at, const std::string& by, const std::string& event,
                  const std::string& rest = "") {
  return "  - at: " + at + "\n    by: " + by + "\n    event: " + event + "\n" + rest;
}

Value merged_value(const std::string& base, const std::string& ours, const std::string& theirs) {
  RecordMerge m = merge_record(case_kind(), base, ours, theirs);
  REQUIRE(m.conflicts.empty());
  return parse_yaml(m.text, "merged");
}

std::vector<std::string> events(const Value& data) {
  std::vector<std::string> out;
  for (const auto& e : data.find("history")->items()) {
    out.push_back(e.get("at").substr(11, 5) + " " + e.get("event"));
  }
  return out;
}

}  // namespace

TEST_CASE("record merge: a field changed on one side takes that side") {
  std::string base = case_file("");
  std::string ours = base;
  ours.replace(ours.find("priority: normal"), 16, "priority: urgent");
  std::string theirs = base;
  theirs.replace(theirs.find("title: No water"), 15, "title: No water at number 12");
  Value m = merged_value(base, ours, theirs);
  CHECK(m.get("priority") == "urgent");
  CHECK(m.get("title") == "No water at number 12");
  CHECK(merged_value(base, base, theirs).get("title") == "No water at number 12");
  CHECK(merged_value(base, ours, base).get("priority") == "urgent");
}

TEST_CASE("record merge: histories are united in time order and the cached fields replayed") {
  std::string base = case_file("");
  std::string ours = case_file("", entry("2026-11-23T11:00:00Z", "ben", "forwarded", "    department: roads\n"));
  std::string theirs = case_file("", entry("2026-11-23T10:00:00Z", "ben", "updated", "    note: Pipe found\n"));
  Value m = merged_value(base, ours, theirs);
  CHECK(events(m) == std::vector<std::string>{"09:00 opened", "09:00 routed", "09:30 acknowledged", "10:00 updated",
                                              "11:00 forwarded"});
  // The forward (ours) left the case new in roads' queue, even though theirs says acknowledged by ben.
  CHECK(m.get("status") == "new");
  CHECK(m.get("department") == "roads");
  CHECK_FALSE(m.has("handler"));
  CHECK_FALSE(m.has("acknowledged"));
}

TEST_CASE("record merge: an entry's empty value replays as the absent value its file will hold") {
  // Found by fuzz_merge: `department: ""` (or a tag with no text) in a
  // forward cleared the department, the merged file dropped the empty value,
  // and merging that file again brought the department back.
  std::string forward = entry("2026-11-23T11:00:00Z", "ben", "forwarded", "    department: \"\"\n    handler: carl\n");
  std::string text = case_file("", forward);
  RecordMerge first = merge_record(case_kind(), text, text, text);
  REQUIRE(first.conflicts.empty());
  Value m = parse_yaml(first.text, "merged");
  CHECK(m.get("department") == "water");
  CHECK(m.get("handler") == "carl");
  RecordMerge again = merge_record(case_kind(), first.text, first.text, first.text);
  CHECK(again.conflicts.empty());
  CHECK(again.text == first.text);
}

TEST_CASE("record merge: identical history entries on both sides are kept once") {
  std::string closing = entry("2026-11-23T10:00:00Z", "ben", "closed", "    resolution: fixed\n");
  std::string base = case_file("");
  std::string ours = case_file("", closing);
  std::string theirs = case_file("", closing + entry("2026-11-23T12:00:00Z", "ben", "reopened"));
  Value m = merged_value(base, ours, theirs);
  CHECK(events(m) == std::vector<std::string>{"09:00 opened", "09:00 routed", "09:30 acknowledged", "10:00 closed",
                                              "12:00 reopened"});
  CHECK(m.get("status") == "acknowledged");
  CHECK_FALSE(m.has("closed"));
}

TEST_CASE("record merge: entries that differ only in empty values are one entry") {
  // Both would be written the same (the store drops empty values), so
  // keeping both gave a file whose next merge dropped one of them.
  std::string update = entry("2026-11-23T10:00:00Z", "ben", "updated", "    note: Pipe found\n");
  std::string text = case_file("", update + entry("2026-11-23T10:00:00Z", "ben", "updated",
                                                  "    note: Pipe found\n    call: \"\"\n"));
  RecordMerge first = merge_record(case_kind(), text, text, text);
  REQUIRE(first.conflicts.empty());
  CHECK(events(parse_yaml(first.text, "merged")) ==
        std::vector<std::string>{"09:00 opened", "09:00 routed", "09:30 acknowledged", "10:00 updated"});
  CHECK(merge_record(case_kind(), first.text, first.text, first.text).text == first.text);
}

TEST_CASE("record merge: either side as ours gives the same file") {
  std::string base = case_file("");
  std::string ours = case_file("", entry("2026-11-23T10:00:00Z", "ben", "updated", "    note: one\n"));
  std::string theirs = case_file("", entry("2026-11-23T10:00:00Z", "ann", "updated", "    note: two\n"));
  RecordMerge a = merge_record(case_kind(), base, ours, theirs);
  RecordMerge b = merge_record(case_kind(), base, theirs, ours);
  CHECK(a.text == b.text);
  CHECK(events(parse_yaml(a.text, "merged")).size() == 5);
}

TEST_CASE("record merge: lists merge as sets") {
  std::string base = case_file("tags:\n  - leak\n  - street\n");
  std::string ours = case_file("tags:\n  - leak\n  - street\n  - urgent\n");
  std::string theirs = case_file("tags:\n  - leak\n  - pipes\n");
  Value m = merged_value(base, ours, theirs);
  CHECK(string_list(m.find("tags")) == std::vector<std::string>{"leak", "urgent", "pipes"});
}

TEST_CASE("record merge: the result is the canonical file") {
  std::string base = case_file("");
  std::string theirs = case_file("", entry("2026-11-23T10:00:00Z", "ben", "waiting"));
  RecordMerge m = merge_record(case_kind(), base, base, theirs);
  CHECK(m.text == serialize(case_kind(), parse_yaml(m.text, "merged")));
  CHECK(parse_yaml(m.text, "merged").get("status") == "waiting");
}

TEST_CASE("record merge: a field changed differently on both sides is a conflict between markers") {
  std::string base = case_file("");
  std::string ours = base;
  ours.replace(ours.find("title: No water"), 15, "title: Dry tap");
  ours.replace(ours.find("priority: normal"), 16, "priority: urgent");
  std::string theirs = base;
  theirs.replace(theirs.find("title: No water"), 15, "title: No water at all");
  RecordMerge m = merge_record(case_kind(), base, ours, theirs);
  CHECK(m.conflicts == std::vector<std::string>{"title"});
  CHECK(m.text.find("id: C-AAAAAAAAAAAA\n<<<<<<< ours\ntitle: Dry tap\n=======\ntitle: No water at all\n"
                    ">>>>>>> theirs\n"
                    "status: acknowledged\npriority: urgent\n") == 0);
  auto marker = find_conflict_marker(m.text);
  REQUIRE(marker);
  CHECK(marker->line == 2);
  CHECK(marker->field == "title");
  CHECK_FALSE(find_conflict_marker(base));
}

TEST_CASE("record merge: a side that is not a record is refused") {
  CHECK_THROWS(merge_record(case_kind(), case_file(""), "- a list\n", case_file("")));
  CHECK_THROWS(merge_record(case_kind(), case_file(""), "title: [unclosed\n", case_file("")));
  CHECK_THROWS(merge_record(case_kind(), case_file(""), case_file(""), "id: C-AAAAAAAAAAAA\nhistory: none\n"));
  CHECK_THROWS(merge_record(case_kind(), case_file(""), case_file("tags: leak\n"), case_file("")));
}

TEST_CASE("record merge: record files are known by their folder") {
  CHECK(record_kind_of_path("cases/C-AAAAAAAAAAAA.yaml") == &case_kind());
  CHECK(record_kind_of_path("office/crm/missions/M-AAAAAAAAAAAA.yaml") == &mission_kind());
  CHECK(record_kind_of_path("crm.yaml") == nullptr);
  CHECK(record_kind_of_path("cases/notes.txt") == nullptr);
  CHECK(record_kind_of_path("docs/C-AAAAAAAAAAAA.yaml") == nullptr);
}

TEST_CASE("record merge: a mission's status and taker are replayed from the merged history") {
  std::string base = "id: M-AAAAAAAAAAAA\ntitle: Fix the pump\nreward: 10 points\ncreator: olivia\nstatus: available\n"
                     "history:\n" +
                     entry("2026-11-23T09:00:00Z", "olivia", "created");
  std::string ours = base + entry("2026-11-23T10:00:00Z", "ben", "accepted", "    taker: ben\n");
  std::string theirs = base + entry("2026-11-23T11:00:00Z", "ann", "commented", "    note: Parts ordered\n");
  RecordMerge m = merge_record(mission_kind(), base, theirs, ours);
  REQUIRE(m.conflicts.empty());
  Value merged = parse_yaml(m.text, "merged");
  CHECK(merged.get("status") == "taken");
  CHECK(merged.get("taker") == "ben");
  CHECK(merged.find("history")->items().size() == 3);
}
