// crm log (alias activity): every record's history in one stream, newest first.
#include "harness.hpp"

#include <doctest/doctest.h>

using namespace e2e;
using V = std::vector<std::string>;

namespace {

const V k_header = {"WHEN", "BY", "RECORD", "KIND", "EVENT", "SUMMARY"};

// A CRM where things happen at different times: the people at 09:00 (see
// init_with_people), a contact at 10:00, a call at 11:00, a case opened at
// 12:00, acknowledged at 13:00 and closed the next morning.
struct Story {
  Sandbox s;
  std::string contact, call, kase;

  Story() {
    s.init_with_people();
    contact = s.ok({"--now", "2026-11-23T10:00:00Z", "contact", "add", "--name", "Anna Berg"});
    call = s.ok({"--now", "2026-11-23T11:00:00Z", "--as", "raquel", "log-call", "--contact", contact, "--summary",
                 "Low pressure\nsince the morning"});
    kase = s.ok({"--now", "2026-11-23T12:00:00Z", "case", "open", "--contact", contact, "--title", "Water leak",
                 "--department", "water"});
    s.ok({"--now", "2026-11-23T13:00:00Z", "--as", "raquel", "case", "ack", kase});
    s.ok({"--now", "2026-11-24T09:00:00Z", "--as", "raquel", "case", "close", kase, "--resolution", "valve replaced"});
  }

  // Every row of the stream, newest first, as the table shows it.
  std::vector<V> rows() const {
    return {
        {"2026-11-24 09:00", "raquel", kase, "case", "closed", "resolution: valve replaced"},
        {"2026-11-23 13:00", "raquel", kase, "case", "acknowledged", "handler: raquel"},
        {"2026-11-23 12:00", "olivia", kase, "case", "routed", "department: water; reason: --department"},
        {"2026-11-23 12:00", "olivia", kase, "case", "opened", "Water leak"},
        {"2026-11-23 11:00", "raquel", call, "call", "logged", "Low pressure"},
        {"2026-11-23 10:00", "olivia", contact, "contact", "created", "Anna Berg"},
        // Ties at 09:00: by record ID, then position in its history (newest first: the reverse).
        {"2026-11-23 09:00", "olivia", "water", "department", "edited", "fields: manager"},
        {"2026-11-23 09:00", "-", "water", "department", "created", "Water Department"},
        {"2026-11-23 09:00", "olivia", "raquel", "user", "created", "Raquel Reyes"},
        {"2026-11-23 09:00", "-", "olivia", "user", "created", "Olivia Ortiz"},
    };
  }

  // The table of `rows` (picked by index from rows()), with its header.
  std::string table(const std::vector<std::size_t>& picked) const {
    std::vector<V> out = {k_header};
    for (std::size_t i : picked) {
      out.push_back(rows()[i]);
    }
    return aligned_table(out);
  }

  std::string log(V args) {
    args.insert(args.begin(), "log");
    return s.ok(args) + "\n";
  }
};

}  // namespace

TEST_CASE("crm log merges every record's history, newest first") {
  Story t;
  CHECK(t.log({}) == t.table({0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
  CHECK(t.s.ok({"activity"}) + "\n" == t.log({}));
}

TEST_CASE("crm log --reverse and --limit") {
  Story t;
  CHECK(t.log({"--reverse"}) == t.table({9, 8, 7, 6, 5, 4, 3, 2, 1, 0}));
  CHECK(t.log({"--limit", "3"}) == t.table({0, 1, 2}));
  // As git log: --limit picks the newest, --reverse shows them oldest first.
  CHECK(t.log({"-n", "3", "--reverse"}) == t.table({2, 1, 0}));
  CHECK(t.log({"--limit", "50"}) == t.log({}));
}

TEST_CASE("crm log filters by time, user, kind, record and event") {
  Story t;
  SUBCASE("since and until, in the syntax other commands take") {
    CHECK(t.log({"--since", "2026-11-23 11:00", "--until", "2026-11-24"}) == t.table({1, 2, 3, 4}));
    CHECK(t.log({"--now", "2026-11-24T12:00:00Z", "--since", "today"}) == t.table({0}));
    CHECK(t.log({"--now", "2026-11-24T12:00:00Z", "--since", "-1d", "--until", "-22h"}) == t.table({1, 2, 3}));
  }
  SUBCASE("user") {
    CHECK(t.log({"--user", "raquel"}) == t.table({0, 1, 4}));
    CHECK(t.log({"--user", "olivia"}) == t.table({2, 3, 5, 6, 8}));
  }
  SUBCASE("kinds") {
    CHECK(t.log({"--kind", "case", "--kind", "calls"}) == t.table({0, 1, 2, 3, 4}));
  }
  SUBCASE("one record, by any name crm accepts") {
    CHECK(t.log({"--record", t.kase.substr(2, 4)}) == t.table({0, 1, 2, 3}));
    CHECK(t.log({"--record", "water"}) == t.table({6, 7}));
  }
  SUBCASE("events") {
    CHECK(t.log({"--event", "created", "--event", "closed"}) == t.table({0, 5, 7, 8, 9}));
  }
  SUBCASE("together") {
    CHECK(t.log({"--user", "raquel", "--kind", "case", "--since", "2026-11-24"}) == t.table({0}));
  }
}

TEST_CASE("crm log prints nothing when nothing matches") {
  Story t;
  Result r = t.s.run({"log", "--since", "2026-12-01"});
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err.empty());
  CHECK(t.s.ok({"log", "--event", "escalated", "--format", "json"}) == "[]");
}

TEST_CASE("crm log in machine formats carries every field whole, times in UTC") {
  Story t;
  SUBCASE("json: the whole history entry too, null for nobody") {
    auto rows = parse(t.s.ok({"log", "--format", "json"}));
    REQUIRE(rows.size() == 10);
    CHECK(rows[0]["at"].as<std::string>() == "2026-11-24T09:00:00Z");
    CHECK(rows[0]["by"].as<std::string>() == "raquel");
    CHECK(rows[0]["kind"].as<std::string>() == "case");
    CHECK(rows[0]["id"].as<std::string>() == t.kase);
    CHECK(rows[0]["event"].as<std::string>() == "closed");
    CHECK(rows[0]["title"].as<std::string>() == "Water leak");
    CHECK(rows[0]["detail"].as<std::string>() == "resolution: valve replaced");
    CHECK(rows[0]["entry"]["resolution"].as<std::string>() == "valve replaced");
    CHECK(rows[9]["by"].IsNull());
    CHECK(rows[4]["title"].as<std::string>() == "Low pressure");
  }
  SUBCASE("csv and tsv: a header and one line per event") {
    auto csv = lines(t.s.ok({"log", "--format", "csv", "--kind", "call"}));
    CHECK(csv == V{"at,by,kind,id,event,title,detail",
                   "2026-11-23T11:00:00Z,raquel,call," + t.call + ",logged,Low pressure,"});
    auto tsv = lines(t.s.ok({"log", "--format", "tsv", "--event", "routed"}));
    CHECK(tsv == V{"at\tby\tkind\tid\tevent\ttitle\tdetail", "2026-11-23T12:00:00Z\tolivia\tcase\t" + t.kase +
                                                                 "\trouted\tWater leak\tdepartment: water; reason: "
                                                                 "--department"});
  }
}

TEST_CASE("crm log refuses unknown kinds, events, users and bad limits") {
  Story t;
  Result r = t.s.fails(2, {"log", "--kind", "cse"});
  CHECK(r.err ==
        "crm: error: --kind: 'cse' is not a record kind with a history (department, user, contact, call, case, "
        "feedback, mission, deal, reward) (did you mean 'case'?)\n");
  r = t.s.fails(2, {"log", "--event", "clsoed"});
  CHECK(r.err == "crm: error: --event: no record has 'clsoed' events (did you mean 'closed'?)\n");
  t.s.fails(4, {"log", "--user", "nobody"});
  t.s.fails(4, {"log", "--record", "C-ZZZZ"});
  t.s.fails(2, {"log", "--limit", "0"});
  t.s.fails(2, {"log", "--limit", "-1"});
  t.s.fails(2, {"log", "--since", "someday"});
}
