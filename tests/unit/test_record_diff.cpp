#include "record_diff.hpp"

#include "yaml_io.hpp"

#include <doctest/doctest.h>

using namespace crm;

namespace {

const char* const k_opened = R"(id: C-1
title: Leak
status: new
priority: normal
department: water
opened: 2026-11-23T09:00:00Z
history:
  - at: 2026-11-23T09:00:00Z
    by: olivia
    event: opened
  - at: 2026-11-23T09:00:00Z
    by: olivia
    event: routed
    department: water
)";

const char* const k_forward = R"(  - at: 2026-11-23T10:00:00Z
    by: olivia
    event: forwarded
    from: water
    to: raquel
    department: water
    handler: raquel
)";

Value yaml(const std::string& text) {
  return parse_yaml(text, "test");
}

// `text` with its first `from` replaced by `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

std::vector<std::string> events_of(const std::vector<Value>& entries) {
  std::vector<std::string> out;
  for (const auto& e : entries) {
    out.push_back(e.get("event"));
  }
  return out;
}

std::vector<std::string> fields_of(const RecordChange& c) {
  std::vector<std::string> out;
  for (const auto& f : c.fields) {
    out.push_back(f.field);
  }
  return out;
}

}  // namespace

TEST_CASE("record_change of a new record: every field set, every entry added, cached fields left to the history") {
  RecordChange c = record_change(case_kind(), Value(), yaml(k_opened));
  CHECK(events_of(c.added) == std::vector<std::string>{"opened", "routed"});
  CHECK(c.removed.empty());
  // status, department and opened are what the history says: its entries tell them.
  CHECK(fields_of(c) == std::vector<std::string>{"title", "priority"});
  CHECK(c.fields[0].before.is_null());
  CHECK(c.fields[0].after.text() == "Leak");
}

TEST_CASE("record_change of a forwarded case: the new entry, and the handler it caches is no field change") {
  Value before = yaml(k_opened);
  Value after = yaml(replaced(k_opened, "department: water", "department: water\nhandler: raquel") + k_forward);
  RecordChange c = record_change(case_kind(), before, after);
  REQUIRE(c.added.size() == 1);
  CHECK(c.added[0].get("event") == "forwarded");
  CHECK(c.added[0].get("to") == "raquel");
  CHECK(c.fields.empty());
  CHECK(!c.empty());
}

TEST_CASE("record_change of a hand edit: changed, set and removed fields, quoting and order ignored") {
  Value before = yaml(k_opened);
  std::string edited = replaced(k_opened, "title: Leak", "title: 'Leaking pipe'\ntags: [basement]");
  edited = replaced(edited, "priority: normal\n", "");
  RecordChange c = record_change(case_kind(), before, yaml(edited));
  CHECK(c.added.empty());
  REQUIRE(fields_of(c) == std::vector<std::string>{"title", "tags", "priority"});
  CHECK(c.fields[0].before.text() == "Leak");
  CHECK(c.fields[0].after.text() == "Leaking pipe");
  CHECK(c.fields[1].after.items().at(0).text() == "basement");
  CHECK(c.fields[2].before.text() == "normal");
  CHECK(c.fields[2].after.is_null());

  SUBCASE("a new record's ID is no change, a changed one is") {
    CHECK(record_change(case_kind(), before, yaml(replaced(k_opened, "id: C-1", "id: C-2"))).fields.at(0).field ==
          "id");
  }
  SUBCASE("an empty value is no value") {
    CHECK(record_change(case_kind(), before, yaml(std::string(k_opened) + "tags: []\nnote: ''\n")).empty());
  }
  SUBCASE("the same record written differently is no change") {
    std::string moved = replaced(k_opened, "title: Leak\n", "");
    CHECK(record_change(case_kind(), before, yaml(moved + "title: \"Leak\"\n")).empty());
  }
}

TEST_CASE("record_change reports a cached field a hand edit made disagree with the history") {
  RecordChange c =
      record_change(case_kind(), yaml(k_opened), yaml(replaced(k_opened, "status: new", "status: closed")));
  REQUIRE(c.fields.size() == 1);
  CHECK(c.fields[0].field == "status");
  CHECK(c.fields[0].after.text() == "closed");
}

TEST_CASE("record_change reports history entries a hand edit dropped or rewrote") {
  Value before = yaml(std::string(k_opened) + k_forward);
  Value after = yaml(replaced(std::string(k_opened) + k_forward, "to: raquel", "to: pedro"));
  RecordChange c = record_change(case_kind(), before, after);
  REQUIRE(c.added.size() == 1);
  REQUIRE(c.removed.size() == 1);
  CHECK(c.added[0].get("to") == "pedro");
  CHECK(c.removed[0].get("to") == "raquel");
}

TEST_CASE("merge_change shows only what neither parent had") {
  Value ours = yaml(replaced(k_opened, "department: water", "department: water\nhandler: raquel") + k_forward);
  Value theirs = yaml(replaced(k_opened, "priority: normal", "priority: high"));
  std::string merged_text = replaced(replaced(k_opened, "department: water", "department: water\nhandler: raquel"),
                                     "priority: normal", "priority: high") +
                            k_forward;
  SUBCASE("a clean merge changed nothing itself") {
    CHECK(merge_change(case_kind(), {ours, theirs}, yaml(merged_text)).empty());
    // Against the first parent alone, theirs' priority would look like the merge's doing.
    CHECK(fields_of(record_change(case_kind(), ours, yaml(merged_text))) == std::vector<std::string>{"priority"});
  }
  SUBCASE("a conflict resolved with a value of neither side is the merge's change") {
    Value resolved = yaml(replaced(merged_text, "title: Leak", "title: Burst main"));
    RecordChange c = merge_change(case_kind(), {ours, theirs}, resolved);
    REQUIRE(fields_of(c) == std::vector<std::string>{"title"});
    CHECK(c.fields[0].before.text() == "Leak");
    CHECK(c.added.empty());
  }
  SUBCASE("an entry both sides had and the merge dropped is reported") {
    Value dropped = yaml(replaced(merged_text, "    event: routed\n    department: water\n",
                                  "    event: routed\n    department: roads\n"));
    RecordChange c = merge_change(case_kind(), {ours, theirs}, dropped);
    REQUIRE(c.removed.size() == 1);
    CHECK(c.removed[0].get("department") == "water");
    REQUIRE(c.added.size() == 1);
    CHECK(c.added[0].get("department") == "roads");
  }
}
