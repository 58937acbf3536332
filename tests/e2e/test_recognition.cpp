// Recognition (issue 6): crm points|badges|level|coins, derived from the
// records' histories. One fixture built with real commands at controlled
// times; every expected number is counted by hand from the default rules
// (see /tmp/recog.md, core/recognition_rules.cpp) and written as a literal.
#include "harness.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace e2e;
using V = std::vector<std::string>;

namespace {

std::string str(const YAML::Node& n) { return n && !n.IsNull() ? n.as<std::string>() : ""; }

// A resolve target on a 24x7 calendar: a case closed within a day of opening is on time.
const char* const k_sla =
    "calendars:\n"
    "  always: 24x7\n"
    "sla:\n"
    "  default: {calendar: always, resolve: 1d}\n";

// A month of raquel's work (CRM_NOW is Monday 23 November 2026, 09:00Z):
//   Mon  2 Nov 10:00  raquel adds Anna Berg, 10:30 Ben Brook; 11:00 edits Anna
//   Tue  3 Nov 10:00  raquel edits Anna again
//   Mon  9 Nov 09:00  fiona opens case A (Anna) and case B (Ben) for raquel
//              10:00  raquel acks A, 10:30 acks B; 15:00 closes A (due Tue 10 09:00: on time)
//   Tue 10 Nov 09:00  olivia creates a mission; 10:00 raquel accepts it
//   Wed 11 Nov 10:00  raquel completes it; 12:00 olivia approves it
//   Fri 13 Nov 09:00  raquel closes B (due Tue 10 09:00: three days late)
//   Mon 16 - Fri 20 Nov, 10:00 and 14:00: raquel logs ten calls with Anna
struct History {
  Sandbox s;
  std::string anna, ben, on_time, late, mission;

  History() {
    s.init_city();  // olivia manages water (raquel, pedro); frank manages front (fiona)
    s.write("crm.yaml", s.read("crm.yaml") + k_sla);
    anna = as("raquel", "2026-11-02T10:00:00Z", {"contact", "add", "--name", "Anna Berg"});
    ben = as("raquel", "2026-11-02T10:30:00Z", {"contact", "add", "--name", "Ben Brook"});
    as("raquel", "2026-11-02T11:00:00Z", {"contact", "edit", anna, "--note", "prefers email"});
    as("raquel", "2026-11-03T10:00:00Z", {"contact", "edit", anna, "--note", "moved to Oak Road"});
    on_time = as("fiona", "2026-11-09T09:00:00Z",
                 {"case", "open", "--contact", anna, "--title", "Leak", "--department", "water", "--handler", "raquel"});
    late = as("fiona", "2026-11-09T09:00:00Z",
              {"case", "open", "--contact", ben, "--title", "Meter", "--department", "water", "--handler", "raquel"});
    as("raquel", "2026-11-09T10:00:00Z", {"case", "ack", on_time});
    as("raquel", "2026-11-09T10:30:00Z", {"case", "ack", late});
    as("raquel", "2026-11-09T15:00:00Z", {"case", "close", on_time, "--resolution", "valve replaced"});
    mission = as("olivia", "2026-11-10T09:00:00Z", {"mission", "create", "--title", "Survey", "--reward", "Cake"});
    as("raquel", "2026-11-10T10:00:00Z", {"mission", "accept", mission});
    as("raquel", "2026-11-11T10:00:00Z", {"mission", "complete", mission});
    as("olivia", "2026-11-11T12:00:00Z", {"mission", "approve", mission});
    as("raquel", "2026-11-13T09:00:00Z", {"case", "close", late, "--resolution", "meter replaced"});
    for (const char* day : {"16", "17", "18", "19", "20"}) {
      for (const char* hour : {"10", "14"}) {
        as("raquel", std::string("2026-11-") + day + "T" + hour + ":00:00Z",
           {"log-call", "--contact", anna, "--summary", "follow-up"});
      }
    }
  }

  // `crm --as USER --now NOW ARGS`, which must succeed; its stdout.
  std::string as(const std::string& user, const std::string& now, const V& args) {
    V all = {"--as", user, "--now", now};
    all.insert(all.end(), args.begin(), args.end());
    return s.ok(all);
  }

  YAML::Node json(V args) {
    args.insert(args.end(), {"--format", "json"});
    return parse(s.ok(args));
  }
};

// The `rules` of `crm points --format json` as "rule category count points", in order.
V rules_of(const YAML::Node& points) {
  V out;
  for (const auto& r : points["rules"]) {
    out.push_back(str(r["rule"]) + " " + str(r["category"]) + " " + str(r["count"]) + " " + str(r["points"]));
  }
  return out;
}

// The six categories of `crm points --format json`, in order, as "category points".
V categories_of(const YAML::Node& points) {
  V out;
  for (const char* c : {"communication", "sales", "new-business", "account-management", "time-management",
                        "user-adoption"}) {
    out.push_back(std::string(c) + " " + str(points[c]));
  }
  return out;
}

// `crm badges --format json` rows as "badge type counts count grade next_at earned graded".
V badges_of(const YAML::Node& rows) {
  V out;
  for (const auto& b : rows) {
    out.push_back(str(b["badge"]) + " " + str(b["type"]) + " " + str(b["counts"]) + " " + str(b["count"]) + " " +
                  str(b["grade"]) + " " + str(b["next_at"]) + " " + str(b["earned"]) + " " + str(b["graded"]));
  }
  return out;
}

// `crm level --format json` categories as "category points level next_at percent".
V category_levels_of(const YAML::Node& level) {
  V out;
  for (const auto& c : level["categories"]) {
    out.push_back(str(c["category"]) + " " + str(c["points"]) + " " + str(c["level"]) + " " +
                  str(c["next_level_at"]) + " " + str(c["percent_to_next"]));
  }
  return out;
}

// Raquel's awards, oldest first (default rules; "+F" = first-use flag 25, "+B" = badge bonus):
//   contact-created x2 (10 each) +F; contacts-added grade 1 (50)               = 20 + 25 + 50   =  95
//   contact-edited x2 (10 each) +F; contacts-cleaned grade 1 (50)              = 20 + 25 + 50   =  95
//   case-acknowledged x2 (10 each) +F                                          = 20 + 25        =  45
//   case-closed x2 (10 each) +F; cases-closed grade 1 (50)                     = 20 + 25 + 50   =  95
//   case-closed-within-sla x1 (10); cases-on-time grade 1 (50)                 = 10 + 50        =  60
//   mission-accepted 10 +F, mission-completed 10 +F                            = 20 + 50        =  70
//   mission-approved (to the taker) 40; missions-accomplished grade 1 (50)      = 40 + 50        =  90
//   call-logged x10 (10 each) +F; calls-logged grades 1 (at 1) and 2 (at 10)   = 100 + 25 + 50 + 150 = 325
//   total 95 + 95 + 45 + 95 + 60 + 70 + 90 + 325                               = 875
const V k_raquel_rules = {
    "contact-created account-management 2 20",
    "badge:contacts-added user-adoption 1 50",
    "first-use user-adoption 7 175",  // 7 flags x 25
    "contact-edited account-management 2 20",
    "badge:contacts-cleaned user-adoption 1 50",
    "case-acknowledged time-management 2 20",
    "case-closed account-management 2 20",
    "badge:cases-closed user-adoption 1 50",
    "case-closed-within-sla time-management 1 10",  // case A only
    "badge:cases-on-time user-adoption 1 50",
    "mission-accepted communication 1 10",
    "mission-completed time-management 1 10",
    "mission-approved time-management 1 40",
    "badge:missions-accomplished user-adoption 1 50",
    "call-logged communication 10 100",
    "badge:calls-logged user-adoption 2 200",  // grade 1: 50, grade 2: 150
};

}  // namespace

TEST_CASE("points: totals, per rule and per category, counted from every record's history") {
  History h;

  YAML::Node raquel = h.json({"points", "raquel"});
  CHECK(str(raquel["user"]) == "raquel");
  CHECK(str(raquel["period"]) == "all");
  CHECK(str(raquel["since"]).empty());
  CHECK(raquel["points"].as<long long>() == 875);
  CHECK(rules_of(raquel) == k_raquel_rules);
  CHECK(categories_of(raquel) == V{
                                     "communication 110",      // calls 100 + mission-accepted 10
                                     "sales 0",
                                     "new-business 0",
                                     "account-management 60",  // contacts 20 + edits 20 + closes 20
                                     "time-management 80",     // acks 20 + on time 10 + completed 10 + approved 40
                                     "user-adoption 625",      // 7 flags 175 + badges 50x5 + 200
                                 });

  // Olivia created and approved the mission: 20 + first-use flags for
  // mission-created and mission-approved (2 x 25) + missions-created grade 1
  // (50) = 120. The approval's 40 points went to raquel, the taker.
  YAML::Node olivia = h.json({"points", "olivia"});
  CHECK(olivia["points"].as<long long>() == 120);
  CHECK(rules_of(olivia) == V{"mission-created communication 1 20", "badge:missions-created user-adoption 1 50",
                              "first-use user-adoption 2 50"});
  CHECK(categories_of(olivia) == V{"communication 20", "sales 0", "new-business 0", "account-management 0",
                                   "time-management 0", "user-adoption 100"});

  // Fiona opened both cases: 2 x 10 + the case-opened flag 25 = 45 (no badge counts case-opened).
  YAML::Node fiona = h.json({"points", "fiona"});
  CHECK(fiona["points"].as<long long>() == 45);
  CHECK(rules_of(fiona) == V{"case-opened account-management 2 20", "first-use user-adoption 1 25"});

  // Pedro did nothing; the acting user is the default.
  YAML::Node pedro = h.json({"--as", "pedro", "points"});
  CHECK(str(pedro["user"]) == "pedro");
  CHECK(pedro["points"].as<long long>() == 0);
  CHECK(pedro["rules"].size() == 0);
  CHECK(categories_of(pedro) == V{"communication 0", "sales 0", "new-business 0", "account-management 0",
                                  "time-management 0", "user-adoption 0"});

  // The table: details, then the rules.
  auto table = lines(h.s.ok({"points", "fiona"}));
  REQUIRE(table.size() == 16);
  CHECK(table[0] == "user:               fiona");
  CHECK(table[4] == "points:             45");
  CHECK(table[13] == "RULE         CATEGORY            COUNT  POINTS");
  CHECK(table[14] == "case-opened  account-management  2      20");
  CHECK(table[15] == "first-use    user-adoption       1      25");

  CHECK(h.s.fails(4, {"points", "nobody"}).err == "crm: error: unknown user 'nobody'\n");
}

TEST_CASE("badges: first-use flags and graded badges, with the count reaching the next grade") {
  History h;

  // Flags in the default flag order, then badges in rule order; unearned ones are left out.
  CHECK(badges_of(h.json({"badges", "raquel"})) ==
        V{
            "call-logged flag call-logged 1 1  2026-11-16T10:00:00Z 2026-11-16T10:00:00Z",
            "contact-created flag contact-created 1 1  2026-11-02T10:00:00Z 2026-11-02T10:00:00Z",
            "contact-edited flag contact-edited 1 1  2026-11-02T11:00:00Z 2026-11-02T11:00:00Z",
            "case-acknowledged flag case-acknowledged 1 1  2026-11-09T10:00:00Z 2026-11-09T10:00:00Z",
            "case-closed flag case-closed 1 1  2026-11-09T15:00:00Z 2026-11-09T15:00:00Z",
            "mission-accepted flag mission-accepted 1 1  2026-11-10T10:00:00Z 2026-11-10T10:00:00Z",
            "mission-completed flag mission-completed 1 1  2026-11-11T10:00:00Z 2026-11-11T10:00:00Z",
            // 10 calls: grade 2 (grades at 1, 10, 25...), reached with the tenth call (Fri 20, 14:00).
            "calls-logged badge call-logged 10 2 25 2026-11-16T10:00:00Z 2026-11-20T14:00:00Z",
            "contacts-added badge contact-created 2 1 10 2026-11-02T10:00:00Z 2026-11-02T10:00:00Z",
            "contacts-cleaned badge contact-edited 2 1 10 2026-11-02T11:00:00Z 2026-11-02T11:00:00Z",
            "cases-closed badge case-closed 2 1 10 2026-11-09T15:00:00Z 2026-11-09T15:00:00Z",
            // Only case A was closed on time (cases-on-time grades at 1, 5, 10...).
            "cases-on-time badge case-closed-within-sla 1 1 5 2026-11-09T15:00:00Z 2026-11-09T15:00:00Z",
            // The approved mission counts for its taker (grades at 1, 3, 5...).
            "missions-accomplished badge mission-approved 1 1 3 2026-11-11T12:00:00Z 2026-11-11T12:00:00Z",
        });

  // The approver gets the mission-approved flag, not missions-accomplished.
  CHECK(badges_of(h.json({"badges", "olivia"})) ==
        V{
            "mission-created flag mission-created 1 1  2026-11-10T09:00:00Z 2026-11-10T09:00:00Z",
            "mission-approved flag mission-approved 1 1  2026-11-11T12:00:00Z 2026-11-11T12:00:00Z",
            "missions-created badge mission-created 1 1 3 2026-11-10T09:00:00Z 2026-11-10T09:00:00Z",
        });

  // --all also lists what is not earned yet: 12 default flags + 7 badges = 19 rows.
  YAML::Node all = h.json({"badges", "fiona", "--all"});
  REQUIRE(all.size() == 19);
  CHECK(str(all[0]["badge"]) == "call-logged");
  CHECK(all[0]["grade"].as<int>() == 0);
  CHECK(all[0]["earned"].IsNull());
  CHECK(str(all[3]["badge"]) == "case-opened");  // fiona's one flag
  CHECK(all[3]["grade"].as<int>() == 1);
  CHECK(str(all[3]["earned"]) == "2026-11-09T09:00:00Z");
  CHECK(str(all[12]["badge"]) == "calls-logged");
  CHECK(all[12]["grade"].as<int>() == 0);
  CHECK(all[12]["next_at"].as<int>() == 1);
  CHECK(str(all[18]["badge"]) == "missions-accomplished");
  // Without --all fiona holds one flag.
  CHECK(h.json({"badges", "fiona"}).size() == 1);
  CHECK(h.s.ok({"badges", "pedro"}).empty());
}

TEST_CASE("level and coins: general and category levels, coins for each level reached") {
  History h;

  // 875 points: level 3 (200 reaches 2, 500 reaches 3, 1000 reaches 4);
  // (875 - 500) x 100 / (1000 - 500) = 75 percent of the way to level 4.
  YAML::Node level = h.json({"level", "raquel"});
  CHECK(level["level"].as<int>() == 3);
  CHECK(level["points"].as<long long>() == 875);
  CHECK(level["next_level_at"].as<long long>() == 1000);
  CHECK(level["percent_to_next"].as<int>() == 75);
  CHECK(str(level["progress"]) == "3 (75% to 4)");
  CHECK(level["coins_earned"].as<long long>() == 3);  // level 2: 1, level 3: 2
  CHECK(level["coins_spent"].as<long long>() == 0);
  CHECK(level["coins"].as<long long>() == 3);
  // Category ladder 100, 210, 330, 460, 600, 750, 910:
  CHECK(category_levels_of(level) == V{
                                         "communication 110 2 210 9",  // (110 - 100) x 100 / 110 = 9
                                         "sales 0 1 100 0",
                                         "new-business 0 1 100 0",
                                         "account-management 60 1 100 60",
                                         "time-management 80 1 100 80",
                                         "user-adoption 625 6 750 16",  // (625 - 600) x 100 / 150 = 16
                                     });

  // Olivia's 120 points: level 1, 120 x 100 / 200 = 60 percent, no coins.
  YAML::Node olivia = h.json({"--as", "olivia", "level"});
  CHECK(str(olivia["user"]) == "olivia");
  CHECK(olivia["level"].as<int>() == 1);
  CHECK(olivia["percent_to_next"].as<int>() == 60);
  CHECK(olivia["coins"].as<long long>() == 0);

  // Running total: contacts and edits 190 by Tue 3; Mon 9 10:00 the first
  // ack (+10 +25) passes 200: level 2. Ack B 10, close A 10+25+50+10+50:
  // 380; accept 35, complete 35: 450; the approval (+40 +50) on Wed 11 12:00
  // passes 500: level 3.
  YAML::Node coins = h.json({"coins", "raquel"});
  CHECK(coins["earned"].as<long long>() == 3);
  CHECK(coins["spent"].as<long long>() == 0);
  CHECK(coins["balance"].as<long long>() == 3);
  REQUIRE(coins["movements"].size() == 2);
  CHECK(str(coins["movements"][0]["at"]) == "2026-11-09T10:00:00Z");
  CHECK(str(coins["movements"][0]["event"]) == "level 2");
  CHECK(coins["movements"][0]["coins"].as<long long>() == 1);
  CHECK(str(coins["movements"][1]["at"]) == "2026-11-11T12:00:00Z");
  CHECK(str(coins["movements"][1]["event"]) == "level 3");
  CHECK(coins["movements"][1]["coins"].as<long long>() == 2);
  CHECK(lines(h.s.ok({"coins", "raquel"})) == V{"user:    raquel", "earned:  3", "spent:   0", "balance: 3", "",
                                                 "Movements", "WHEN              WHAT     COINS",
                                                 "2026-11-09 10:00  level 2  1", "2026-11-11 12:00  level 3  2"});

  // Seen on Tue 10 Nov at 09:30, later history does not count yet:
  // 190 + ack A 35 + ack B 10 + close A 145 (10+25+50 + 10+50) = 380, level 2.
  YAML::Node then = h.json({"--now", "2026-11-10T09:30:00Z", "level", "raquel"});
  CHECK(then["points"].as<long long>() == 380);
  CHECK(then["level"].as<int>() == 2);
  CHECK(then["percent_to_next"].as<int>() == 60);  // (380 - 200) x 100 / 300
  CHECK(then["coins"].as<long long>() == 1);
}

TEST_CASE("a rule change in crm.yaml re-scores all of history without touching a record") {
  History h;
  auto before = h.s.snapshot();
  const std::string config = h.s.read("crm.yaml");

  h.s.write("crm.yaml", config + "recognition: {points: {call-logged: 3}}\n");
  // Ten calls now earn 10 x 3 = 30 instead of 100: 875 - 70 = 805.
  YAML::Node points = h.json({"points", "raquel"});
  CHECK(points["points"].as<long long>() == 805);
  CHECK(str(points["communication"]) == "40");  // 30 + mission-accepted 10
  CHECK(rules_of(points).at(14) == "call-logged communication 10 30");
  CHECK(rules_of(points).at(15) == "badge:calls-logged user-adoption 2 200");  // badges still count calls
  YAML::Node level = h.json({"level", "raquel"});
  CHECK(level["level"].as<int>() == 3);
  CHECK(level["percent_to_next"].as<int>() == 61);  // (805 - 500) x 100 / 500

  // Lower levels bring coins for levels already passed: 805 points reach
  // level 5 of [100, 200, 300, 400]: coins 1 + 2 + 2 + 2 = 7.
  h.s.write("crm.yaml", config + "recognition:\n  points: {call-logged: 3}\n  levels: [100, 200, 300, 400]\n");
  level = h.json({"level", "raquel"});
  CHECK(level["level"].as<int>() == 5);
  CHECK(level["next_level_at"].IsNull());
  CHECK(level["percent_to_next"].as<int>() == 100);
  CHECK(str(level["progress"]) == "5 (top)");
  CHECK(level["coins"].as<long long>() == 7);

  // Back to the defaults: back to 875.
  h.s.write("crm.yaml", config);
  CHECK(h.json({"points", "raquel"})["points"].as<long long>() == 875);

  // Only crm.yaml was ever written.
  auto after = h.s.snapshot();
  CHECK(after == before);
}

TEST_CASE("points in a period: --period week|month|all, --since/--until, not both") {
  History h;

  // The rolling week, Mon 16 09:00 to now, holds the ten calls only:
  // 10 x 10 + flag 25 + calls-logged grades 1 and 2 (50 + 150) = 325.
  YAML::Node week = h.json({"points", "raquel", "--period", "week"});
  CHECK(str(week["period"]) == "week");
  CHECK(str(week["since"]) == "2026-11-16T09:00:00Z");
  CHECK(week["points"].as<long long>() == 325);
  CHECK(rules_of(week) == V{"call-logged communication 10 100", "badge:calls-logged user-adoption 2 200",
                            "first-use user-adoption 1 25"});
  CHECK(categories_of(week) == V{"communication 100", "sales 0", "new-business 0", "account-management 0",
                                 "time-management 0", "user-adoption 225"});
  // 30 days back (Sat 24 Oct 09:00) reaches everything: 875, as --period all.
  CHECK(h.json({"points", "raquel", "--period", "month"})["points"].as<long long>() == 875);
  CHECK(h.json({"points", "raquel", "--period", "all"})["points"].as<long long>() == 875);

  // Mon 9 to Mon 16: the cases and the mission:
  // acks 20 + 25, closes 20 + 25 + 50, on time 10 + 50, accept 10 + 25,
  // complete 10 + 25, approved 40 + 50 = 360.
  YAML::Node custom = h.json({"points", "raquel", "--since", "2026-11-09", "--until", "2026-11-16"});
  CHECK(str(custom["period"]) == "custom");
  CHECK(str(custom["since"]) == "2026-11-09T00:00:00Z");
  CHECK(str(custom["until"]) == "2026-11-16T00:00:00Z");
  CHECK(custom["points"].as<long long>() == 360);
  CHECK(categories_of(custom) == V{"communication 10", "sales 0", "new-business 0", "account-management 20",
                                   "time-management 80", "user-adoption 250"});
  // --since alone runs to now; the until is exclusive: from Fri 20 14:00 on, the tenth call
  // (10 + the grade 2 bonus 150 = 160); before it, 875 - 160 = 715.
  CHECK(h.json({"points", "raquel", "--since", "2026-11-20T14:00:00Z"})["points"].as<long long>() == 160);
  CHECK(h.json({"points", "raquel", "--until", "2026-11-20T14:00:00Z"})["points"].as<long long>() == 715);
  // The three windows add up: 190 before Mon 9 + 360 + 325 = 875.
  CHECK(h.json({"points", "raquel", "--until", "2026-11-09"})["points"].as<long long>() == 190);

  // Usage errors, nothing printed or written.
  Result r = h.s.fails(2, {"points", "raquel", "--period", "week", "--since", "2026-11-09"});
  CHECK(r.err.find("either --period or --since/--until") != std::string::npos);
  h.s.fails(2, {"points", "raquel", "--period", "all", "--until", "2026-11-16"});
  h.s.fails(2, {"points", "raquel", "--since", "2026-11-16", "--until", "2026-11-09"});
  h.s.fails(2, {"points", "raquel", "--period", "year"});
}
