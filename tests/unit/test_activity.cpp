#include "activity.hpp"

#include "temp_crm.hpp"
#include "times.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace crm;

namespace {

// A CRM whose records' histories interleave in time, with ties.
struct Fixture : test::TempCrm {

  Fixture() {
    write("departments/water.yaml",
          "id: water\nname: Water\nhistory:\n  - {at: 2026-11-20T09:00:00Z, event: created}\n");
    write("users/olivia.yaml", "id: olivia\nname: Olivia\nhistory:\n  - {at: 2026-11-20T09:00:00Z, event: created}\n");
    write("users/raquel.yaml",
          "id: raquel\nname: Raquel\nhistory:\n  - {at: 2026-11-20T10:00:00Z, by: olivia, event: created}\n");
    write("contacts/P-BBBBBBBBBBBB.yaml",
          "id: P-BBBBBBBBBBBB\nname: Anna Berg\nhistory:\n"
          "  - {at: 2026-11-21T09:00:00Z, by: raquel, event: created}\n"
          "  - {at: 2026-11-23T09:00:00Z, by: olivia, event: edited, fields: [name, tags]}\n");
    write("calls/AA/K-AAAAAAAAAAAA.yaml",
          "id: K-AAAAAAAAAAAA\ncontact: P-BBBBBBBBBBBB\nat: 2026-11-21T09:00:00Z\nsummary: \"Leak\\nsecond line\"\n"
          "history:\n  - {at: 2026-11-21T09:00:00Z, by: raquel, event: logged}\n");
    write("cases/C-CCCCCCCCCCCC.yaml",
          "id: C-CCCCCCCCCCCC\ntitle: Water leak\nstatus: closed\npriority: normal\ncontact: P-BBBBBBBBBBBB\n"
          "department: water\nopened: 2026-11-21T09:00:00Z\nclosed: 2026-11-22T09:00:00Z\nhistory:\n"
          "  - {at: 2026-11-21T09:00:00Z, by: raquel, event: opened}\n"
          "  - {at: 2026-11-21T09:00:00Z, by: raquel, event: routed, department: water, reason: rule 1}\n"
          "  - {at: 2026-11-22T09:00:00Z, event: closed, resolution: fixed}\n");
    write("notifications/NN/N-NNNNNNNNNNNN.yaml",
          "id: N-NNNNNNNNNNNN\nuser: olivia\nat: 2026-11-21T09:00:00Z\nevent: case-opened\nmessage: hi\n");
  }

  // "ID#INDEX" of each entry `filter` lets through, in order.
  std::vector<std::string> stream(const ActivityFilter& filter = {}) const {
    std::vector<std::string> out;
    for (const auto& a : activity(store(), filter)) {
      out.push_back(a.id + "#" + std::to_string(a.index));
    }
    return out;
  }
};

using Names = std::vector<std::string>;

const Names k_newest_first = {"P-BBBBBBBBBBBB#1", "C-CCCCCCCCCCCC#2", "P-BBBBBBBBBBBB#0",
                              "K-AAAAAAAAAAAA#0", "C-CCCCCCCCCCCC#1", "C-CCCCCCCCCCCC#0",
                              "raquel#0",         "water#0",          "olivia#0"};

}  // namespace

TEST_CASE("activity merges every history, newest first, ties by record ID then position") {
  Fixture f;
  CHECK(f.stream() == k_newest_first);
  ActivityFilter oldest;
  oldest.oldest_first = true;
  CHECK(f.stream(oldest) == Names(k_newest_first.rbegin(), k_newest_first.rend()));
}

TEST_CASE("activity entries carry who, what and a summary") {
  Fixture f;
  auto all = activity(f.store(), {});
  const Activity& edited = all[0];
  CHECK(edited.at == utc("2026-11-23T09:00:00Z"));
  CHECK(edited.by == "olivia");
  CHECK(edited.kind == &contact_kind());
  CHECK(edited.event == "edited");
  CHECK(edited.title == "Anna Berg");
  CHECK(edited.detail == "fields: name, tags");
  CHECK(edited.entry.get("event") == "edited");
  const Activity& closed = all[1];
  CHECK(closed.by.empty());
  CHECK(closed.title == "Water leak");
  CHECK(closed.detail == "resolution: fixed");
  CHECK(all[3].title == "Leak");  // a call: the first line of its summary
}

TEST_CASE("activity filters") {
  Fixture f;
  ActivityFilter filter;
  SUBCASE("since and until: at or after, and before") {
    filter.since = utc("2026-11-21T09:00:00Z");
    filter.until = utc("2026-11-22T09:00:00Z");
    CHECK(f.stream(filter) == Names{"P-BBBBBBBBBBBB#0", "K-AAAAAAAAAAAA#0", "C-CCCCCCCCCCCC#1", "C-CCCCCCCCCCCC#0"});
  }
  SUBCASE("user") {
    filter.user = "olivia";
    CHECK(f.stream(filter) == Names{"P-BBBBBBBBBBBB#1", "raquel#0"});
  }
  SUBCASE("kinds") {
    filter.kinds = {&user_kind(), &call_kind()};
    CHECK(f.stream(filter) == Names{"K-AAAAAAAAAAAA#0", "raquel#0", "olivia#0"});
  }
  SUBCASE("one record, of the kind that holds it") {
    filter.record_kind = &case_kind();
    filter.record = "C-CCCCCCCCCCCC";
    CHECK(f.stream(filter) == Names{"C-CCCCCCCCCCCC#2", "C-CCCCCCCCCCCC#1", "C-CCCCCCCCCCCC#0"});
    filter.record_kind = &department_kind();
    filter.record = "water";
    CHECK(f.stream(filter) == Names{"water#0"});
  }
  SUBCASE("events") {
    filter.events = {"created", "closed"};
    CHECK(f.stream(filter) == Names{"C-CCCCCCCCCCCC#2", "P-BBBBBBBBBBBB#0", "raquel#0", "water#0", "olivia#0"});
  }
  SUBCASE("limit keeps the newest, then --reverse puts them oldest first") {
    filter.limit = 3;
    CHECK(f.stream(filter) == Names{"P-BBBBBBBBBBBB#1", "C-CCCCCCCCCCCC#2", "P-BBBBBBBBBBBB#0"});
    filter.oldest_first = true;
    CHECK(f.stream(filter) == Names{"P-BBBBBBBBBBBB#0", "C-CCCCCCCCCCCC#2", "P-BBBBBBBBBBBB#1"});
  }
  SUBCASE("nothing matches") {
    filter.since = utc("2026-12-01T00:00:00Z");
    CHECK(f.stream(filter).empty());
  }
}

TEST_CASE("record_title") {
  CHECK(record_title(Value::map()) == "");
  Value v = Value::map();
  v.set("summary", "first\nsecond");
  CHECK(record_title(v) == "first");
  v.set("name", "Anna");
  CHECK(record_title(v) == "Anna");
  v.set("title", "Leak");
  CHECK(record_title(v) == "Leak");
}

TEST_CASE("entry_detail") {
  Value e = Value::map();
  e.set("at", "2026-11-23T09:00:00Z");
  e.set("by", "olivia");
  e.set("event", "routed");
  CHECK(entry_detail(e) == "");
  e.set("department", "water");
  e.set("fields", make_string_list({"a", "b"}));
  CHECK(entry_detail(e) == "department: water; fields: a, b");
}

TEST_CASE("all_events") {
  auto events = all_events();
  CHECK(std::is_sorted(events.begin(), events.end()));
  CHECK(std::count(events.begin(), events.end(), "edited") == 1);
  CHECK(std::count(events.begin(), events.end(), "escalated") == 1);
}

TEST_CASE("a limit keeps the newest entries even when the scan lets older ones go") {
  Fixture f;
  // A contact with more entries than the scan keeps before trimming, in
  // scrambled time order, so trimming must choose by time and not by position.
  std::string text = "id: P-DDDDDDDDDDDD\nname: Busy\nhistory:\n";
  const int n = 9000;
  for (int i = 0; i < n; ++i) {
    int minute = (i * 7919) % n;  // a permutation of 0..n-1
    text += "  - {at: " + format_utc(utc("2026-11-01T00:00:00Z") + std::chrono::minutes(minute)) +
            ", by: olivia, event: edited, fields: [name]}\n";
  }
  f.write("contacts/P-DDDDDDDDDDDD.yaml", text);
  ActivityFilter all;
  auto everything = f.stream(all);
  REQUIRE(everything.size() == k_newest_first.size() + n);
  ActivityFilter few;
  few.limit = 25;
  CHECK(f.stream(few) == Names(everything.begin(), everything.begin() + 25));
  few.oldest_first = true;
  Names oldest(everything.begin(), everything.begin() + 25);
  std::reverse(oldest.begin(), oldest.end());
  CHECK(f.stream(few) == oldest);
}
