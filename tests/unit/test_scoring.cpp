#include "config.hpp"
#include "error.hpp"
#include "scoring.hpp"
#include "temp_dir.hpp"
#include "times.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace crm;

namespace {

// An action taken by `actor` and credited to `credited` (the actor when empty).
Action act(const std::string& at, const std::string& name, const std::string& actor, const std::string& about,
           const std::string& credited = "") {
  return {utc(at), name, actor, credited.empty() ? actor : credited, about};
}

// `n` calls logged by `user` on Monday 16 November 2026, one a minute from 09:00.
std::vector<Action> calls(const std::string& user, int n) {
  std::vector<Action> out;
  for (int i = 0; i < n; ++i) {
    std::string minute = (i < 10 ? "0" : "") + std::to_string(i);
    out.push_back(act("2026-11-16T09:" + minute + ":00Z", "call-logged", user, "K-00000000000" + std::to_string(i % 10)));
  }
  return out;
}

// Only the point rules given: no flags, no badges.
RecognitionRules points_only(std::map<std::string, PointRule, std::less<>> points) {
  RecognitionRules r = default_recognition_rules();
  r.points = std::move(points);
  r.flags.clear();
  r.badges.clear();
  return r;
}

}  // namespace

TEST_CASE("ten calls earn points, a first-use flag, two badge grades and level 2") {
  auto scores = score_users(calls("sam", 10), default_recognition_rules());
  REQUIRE(scores.size() == 1);
  REQUIRE(scores.count("sam") == 1);
  const UserScore& s = scores.at("sam");
  // 10 calls x 10 + first-use 25 + calls-logged grade 1 (50) + grade 2 at the 10th call (150) = 325.
  CHECK(s.total() == 325);
  // 10 call awards + 1 flag + 2 badge grades.
  REQUIRE(s.awards.size() == 13);
  // The first call is credited (call points, then its badge grade 1), then its first use is flagged.
  CHECK(s.awards[0].rule == "call-logged");
  CHECK(s.awards[0].points == 10);
  CHECK(s.awards[0].category == "communication");
  CHECK(s.awards[0].about == "K-000000000000");
  CHECK(s.awards[1].rule == "badge:calls-logged");
  CHECK(s.awards[1].points == 50);
  CHECK(s.awards[1].about == "1");
  CHECK(s.awards[1].category == "user-adoption");
  CHECK(s.awards[2].rule == "first-use");
  CHECK(s.awards[2].points == 25);
  CHECK(s.awards[2].about == "call-logged");
  CHECK(s.awards[2].at == utc("2026-11-16T09:00:00Z"));
  CHECK(s.awards[12].rule == "badge:calls-logged");
  CHECK(s.awards[12].points == 150);
  CHECK(s.awards[12].about == "2");
  CHECK(s.awards[12].at == utc("2026-11-16T09:09:00Z"));

  CHECK(s.counts == std::map<std::string, long long>{{"call-logged", 10}});
  CHECK(s.uses == std::map<std::string, long long>{{"call-logged", 10}});
  // communication: 10 x 10 = 100; user-adoption: 25 + 50 + 150 = 225.
  CHECK(s.by_category() == std::map<std::string, long long>{{"communication", 100}, {"user-adoption", 225}});

  REQUIRE(s.badges.size() == 2);
  CHECK(s.badges[0].name == "call-logged");
  CHECK(s.badges[0].flag);
  CHECK(s.badges[0].grade == 1);
  CHECK(s.badges[1].name == "calls-logged");
  CHECK_FALSE(s.badges[1].flag);
  CHECK(s.badges[1].counts == "call-logged");
  CHECK(s.badges[1].count == 10);
  CHECK(s.badges[1].grade == 2);
  CHECK(s.badges[1].next_at == 25);
  CHECK(s.badges[1].earned == utc("2026-11-16T09:00:00Z"));
  CHECK(s.badges[1].graded == utc("2026-11-16T09:09:00Z"));

  // Points ran 10, 60, 85, 95 ... 175 after nine calls; the tenth (+10 +150) reaches 325 >= 200.
  REQUIRE(s.level_ups.size() == 1);
  CHECK(s.level_ups[0].level == 2);
  CHECK(s.level_ups[0].coins == 1);
  CHECK(s.level_ups[0].at == utc("2026-11-16T09:09:00Z"));
  CHECK(s.coins_earned() == 1);

  LevelProgress p = level_progress(s.total(), default_recognition_rules().levels);
  CHECK(p.level == 2);
  CHECK(p.floor == 200);
  CHECK(p.next_at == 500);
  // (325 - 200) x 100 / (500 - 200) = 12500 / 300 = 41.67, floored.
  CHECK(p.percent == 41);
}

TEST_CASE("nine calls stay below level 2 and the second badge grade") {
  UserScore s = score_users(calls("sam", 9), default_recognition_rules()).at("sam");
  // 9 x 10 + 25 + 50 = 165.
  CHECK(s.total() == 165);
  CHECK(s.level_ups.empty());
  CHECK(s.coins_earned() == 0);
  REQUIRE(s.badges.size() == 2);
  CHECK(s.badges[1].grade == 1);
  CHECK(s.badges[1].next_at == 10);
}

TEST_CASE("a badge at its top grade has no next grade, and the last bonus repeats") {
  RecognitionRules r = points_only({{"call-logged", {1, "communication"}}});
  r.badges = {{"chatty", "call-logged", {1, 2, 4}}};
  r.badge_bonus = {5, 7};
  UserScore s = score_users(calls("sam", 4), r).at("sam");
  // 4 calls x 1 + grade 1 (5) + grade 2 (7) + grade 3 (7, the last bonus repeated) = 23.
  CHECK(s.total() == 23);
  REQUIRE(s.badges.size() == 1);
  CHECK(s.badges[0].grade == 3);
  CHECK(s.badges[0].count == 4);
  CHECK_FALSE(s.badges[0].next_at);
  CHECK(s.badges[0].graded == utc("2026-11-16T09:03:00Z"));
  UserScore three = score_users(calls("sam", 3), r).at("sam");
  CHECK(three.badges[0].grade == 2);
  CHECK(three.badges[0].next_at == 4);
}

TEST_CASE("level-ups record the coins of each level reached, once") {
  RecognitionRules r = points_only({{"call-logged", {250, "communication"}}, {"case-reopened", {-300, "time-management"}}});
  r.levels = {100, 200, 300};
  r.coins = {1, 4};  // level 2: 1; level 3: 4; level 4 and up: 4 (the last repeats)
  std::vector<Action> actions = {
      act("2026-11-16T09:00:00Z", "call-logged", "sam", "K-000000000001"),     // 250: levels 2 and 3
      act("2026-11-16T10:00:00Z", "call-logged", "sam", "K-000000000002"),     // 500: level 4
      act("2026-11-16T11:00:00Z", "case-reopened", "sam", "C-000000000001"),   // 200: back to level 3
      act("2026-11-16T12:00:00Z", "call-logged", "sam", "K-000000000003"),     // 450: level 4 again
  };
  UserScore s = score_users(actions, r).at("sam");
  // 250 + 250 - 300 + 250 = 450.
  CHECK(s.total() == 450);
  REQUIRE(s.level_ups.size() == 3);
  CHECK(s.level_ups[0].at == utc("2026-11-16T09:00:00Z"));
  CHECK(s.level_ups[0].level == 2);
  CHECK(s.level_ups[0].coins == 1);
  CHECK(s.level_ups[1].at == utc("2026-11-16T09:00:00Z"));
  CHECK(s.level_ups[1].level == 3);
  CHECK(s.level_ups[1].coins == 4);
  CHECK(s.level_ups[2].at == utc("2026-11-16T10:00:00Z"));
  CHECK(s.level_ups[2].level == 4);
  CHECK(s.level_ups[2].coins == 4);
  // 1 + 4 + 4: regaining level 4 after the penalty earns nothing more.
  CHECK(s.coins_earned() == 9);
  // 250 x 3 = 750 communication, -300 time-management.
  CHECK(s.by_category() == std::map<std::string, long long>{{"communication", 750}, {"time-management", -300}});
}

TEST_CASE("an approved mission is credited to its taker, its first-use flag to the approver") {
  std::vector<Action> actions = {
      act("2026-11-16T09:00:00Z", "mission-created", "vera", "M-000000000001"),
      act("2026-11-16T10:00:00Z", "mission-accepted", "sam", "M-000000000001"),
      act("2026-11-16T11:00:00Z", "mission-completed", "sam", "M-000000000001"),
      act("2026-11-16T12:00:00Z", "mission-approved", "vera", "M-000000000001", "sam"),
  };
  auto scores = score_users(actions, default_recognition_rules());
  REQUIRE(scores.size() == 2);
  const UserScore& sam = scores.at("sam");
  const UserScore& vera = scores.at("vera");

  // sam: accepted 10 + flag 25, completed 10 + flag 25, approved 40 + missions-accomplished grade 1 50 = 160.
  CHECK(sam.total() == 160);
  CHECK(sam.counts.at("mission-approved") == 1);
  CHECK(sam.uses.count("mission-approved") == 0);
  // communication 10; time-management 10 + 40 = 50; user-adoption 25 + 25 + 50 = 100.
  CHECK(sam.by_category() ==
        std::map<std::string, long long>{{"communication", 10}, {"time-management", 50}, {"user-adoption", 100}});
  REQUIRE(sam.badges.size() == 3);
  CHECK(sam.badges[0].name == "mission-accepted");
  CHECK(sam.badges[1].name == "mission-completed");
  CHECK(sam.badges[2].name == "missions-accomplished");
  CHECK_FALSE(sam.badges[2].flag);
  CHECK(sam.badges[2].next_at == 3);

  // vera: created 20 + flag 25 + missions-created grade 1 50, approved: flag 25 only = 120.
  CHECK(vera.total() == 120);
  CHECK(vera.counts.count("mission-approved") == 0);
  CHECK(vera.uses.at("mission-approved") == 1);
  REQUIRE(vera.badges.size() == 3);
  // Flags in the configured order (mission-created before mission-approved), then badges.
  CHECK(vera.badges[0].name == "mission-created");
  CHECK(vera.badges[0].flag);
  CHECK(vera.badges[1].name == "mission-approved");
  CHECK(vera.badges[1].flag);
  CHECK(vera.badges[2].name == "missions-created");
  CHECK_FALSE(vera.badges[2].flag);
  REQUIRE_FALSE(vera.awards.empty());
  CHECK(vera.awards.back().rule == "first-use");
  CHECK(vera.awards.back().about == "mission-approved");
  CHECK(vera.awards.back().at == utc("2026-11-16T12:00:00Z"));
}

TEST_CASE("actions without points, flag or badge earn nothing") {
  std::vector<Action> actions = {
      act("2026-11-16T09:00:00Z", "case-reopened", "olivia", "C-000000000001"),
      act("2026-11-16T10:00:00Z", "mission-commented", "olivia", "M-000000000001"),
      act("2026-11-16T11:00:00Z", "reward-redeemed", "olivia", "R-000000000001"),
  };
  auto scores = score_users(actions, default_recognition_rules());
  REQUIRE(scores.count("olivia") == 1);
  const UserScore& s = scores.at("olivia");
  CHECK(s.total() == 0);
  CHECK(s.awards.empty());
  CHECK(s.badges.empty());
  CHECK(s.level_ups.empty());
  CHECK(s.by_category().empty());
  CHECK(s.counts.at("case-reopened") == 1);

  SUBCASE("a flag without points earns only the flag bonus") {
    // case-forwarded has no point rule but is one of the twelve flags: 25.
    auto fwd = score_users({act("2026-11-16T09:00:00Z", "case-forwarded", "raquel", "C-000000000001"),
                            act("2026-11-16T10:00:00Z", "case-forwarded", "raquel", "C-000000000002")},
                           default_recognition_rules());
    CHECK(fwd.at("raquel").total() == 25);
    REQUIRE(fwd.at("raquel").awards.size() == 1);
    CHECK(fwd.at("raquel").awards[0].rule == "first-use");
  }
  SUBCASE("a flag or badge grade worth 0 books no award but is still held") {
    RecognitionRules r = default_recognition_rules();
    r.flag_bonus = 0;
    r.badge_bonus = {0};
    UserScore z = score_users(calls("sam", 1), r).at("sam");
    // Only the call's own 10 points.
    REQUIRE(z.awards.size() == 1);
    CHECK(z.awards[0].rule == "call-logged");
    CHECK(z.total() == 10);
    REQUIRE(z.badges.size() == 2);
    CHECK(z.badges[0].flag);
    CHECK(z.badges[1].grade == 1);
  }
  SUBCASE("a rule worth 0 books no award") {
    RecognitionRules r = points_only({{"call-logged", {0, "communication"}}});
    UserScore z = score_users(calls("sam", 3), r).at("sam");
    CHECK(z.awards.empty());
    CHECK(z.counts.at("call-logged") == 3);
  }
}

TEST_CASE("total_between counts awards from since up to but not including until") {
  RecognitionRules r = points_only({{"call-logged", {10, "communication"}}});
  std::vector<Action> actions = {
      act("2026-11-16T09:00:00Z", "call-logged", "sam", "K-000000000001"),
      act("2026-11-16T10:00:00Z", "call-logged", "sam", "K-000000000002"),
      act("2026-11-16T11:00:00Z", "call-logged", "sam", "K-000000000003"),
  };
  UserScore s = score_users(actions, r).at("sam");
  CHECK(s.total() == 30);
  // 09:00 and 10:00 count; 11:00 is the (excluded) end.
  CHECK(s.total_between(utc("2026-11-16T09:00:00Z"), utc("2026-11-16T11:00:00Z")) == 20);
  // One second later on both ends: 10:00 and 11:00.
  CHECK(s.total_between(utc("2026-11-16T09:00:01Z"), utc("2026-11-16T11:00:01Z")) == 20);
  CHECK(s.total_between(utc("2026-11-16T10:00:00Z"), utc("2026-11-16T10:00:00Z")) == 0);
  CHECK(s.total_between(utc("2026-11-16T10:00:00Z"), utc("2026-11-16T10:00:01Z")) == 10);
  CHECK(s.total_between(utc("2026-11-16T11:00:01Z"), utc("2026-11-17T00:00:00Z")) == 0);
  // A rolling period ends at now inclusive: the 11:00 award counts at 11:00.
  CHECK(s.total_in(named_period("week", utc("2026-11-16T11:00:00Z"))) == 30);
  CHECK(s.total_in(named_period("week", utc("2026-11-16T10:59:59Z"))) == 20);
  // Seven days later only the 11:00 award is left in the week.
  CHECK(s.total_in(named_period("week", utc("2026-11-23T10:59:59Z"))) == 10);
}

TEST_CASE("a changed rule re-scores the same history") {
  std::vector<Action> history = calls("sam", 10);
  Config config = load_config("recognition:\n  points:\n    call-logged: 3\n", "crm.yaml");
  CHECK(config.recognition.rule("call-logged")->points == 3);
  CHECK(config.recognition.rule("call-logged")->category == "communication");
  // 10 x 3 + 25 + 50 + 150 = 255, where the defaults give 325.
  CHECK(score_users(history, config.recognition).at("sam").total() == 255);
  CHECK(score_users(history, load_config("", "crm.yaml").recognition).at("sam").total() == 325);
}

TEST_CASE("level_progress") {
  const std::vector<long long> levels = default_recognition_rules().levels;
  SUBCASE("level 1 at 0") {
    LevelProgress p = level_progress(0, levels);
    CHECK(p.level == 1);
    CHECK(p.floor == 0);
    CHECK(p.next_at == 200);
    CHECK(p.percent == 0);
  }
  SUBCASE("just below a threshold") {
    LevelProgress p = level_progress(199, levels);
    CHECK(p.level == 1);
    CHECK(p.percent == 99);  // 199 x 100 / 200 = 99.5, floored
  }
  SUBCASE("an exact threshold is the next level") {
    LevelProgress p = level_progress(200, levels);
    CHECK(p.level == 2);
    CHECK(p.floor == 200);
    CHECK(p.next_at == 500);
    CHECK(p.percent == 0);
    CHECK(level_progress(1000, levels).level == 4);  // 200, 500, 1000 reached
    // Halfway from 200 to 500: (350 - 200) x 100 / 300 = 50 exactly.
    CHECK(level_progress(350, levels).percent == 50);
  }
  SUBCASE("the top level is 100% with no next level") {
    LevelProgress p = level_progress(28500, levels);
    CHECK(p.level == 16);  // 15 thresholds reached
    CHECK(p.floor == 28500);
    CHECK_FALSE(p.next_at);
    CHECK(p.percent == 100);
    CHECK(level_progress(99999, levels).percent == 100);
  }
  SUBCASE("negative points stay at level 1, 0%") {
    LevelProgress p = level_progress(-40, levels);
    CHECK(p.level == 1);
    CHECK(p.percent == 0);
  }
  SUBCASE("category levels") {
    // 250 category points: past 100 and 210, (250 - 210) x 100 / (330 - 210) = 33.3.
    LevelProgress p = level_progress(250, default_recognition_rules().category_levels);
    CHECK(p.level == 3);
    CHECK(p.percent == 33);
  }
}

TEST_CASE("named_period") {
  Timestamp now = utc("2026-11-23T10:00:00Z");
  Period week = named_period("week", now);
  CHECK(week.since == utc("2026-11-16T10:00:00Z"));
  CHECK(week.contains(now));
  CHECK(week.contains(utc("2026-11-16T10:00:00Z")));
  CHECK_FALSE(week.contains(utc("2026-11-16T09:59:59Z")));
  CHECK_FALSE(week.contains(utc("2026-11-23T10:00:01Z")));
  CHECK(named_period("month", now).since == utc("2026-10-24T10:00:00Z"));
  CHECK(named_period("all", now).contains(utc("1990-01-01T00:00:00Z")));
  try {
    named_period("year", now);
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.status() == k_exit_usage);
  }
}

namespace {

// A CRM in a temporary folder whose records are written by hand.
struct Crm {
  test::TempDir dir;
  std::unique_ptr<Store> store;

  explicit Crm(const std::string& config) {
    write_file_atomic(dir.path() / "crm.yaml", config);
    store = std::make_unique<Store>(dir.path());
  }
  void write(const KindSpec& kind, const std::string& id, const std::string& yaml) {
    write_file_atomic(store->path_of(kind, id), "id: " + id + "\n" + yaml);
  }
};

const char* const k_contact = "P-000000000001";
const char* const k_call = "K-000000000001";
const char* const k_on_time = "C-000000000001";
const char* const k_late = "C-000000000002";
const char* const k_mission = "M-000000000001";

std::string a_case(const std::string& closed, const std::string& extra) {
  return "title: Leak\nstatus: closed\npriority: normal\ncontact: P-000000000001\ndepartment: water\n"
         "handler: raquel\nopened: 2026-11-16T09:00:00Z\nclosed: " + closed + "\nhistory:\n"
         "  - {at: 2026-11-16T09:00:00Z, by: olivia, event: opened}\n"
         "  - {at: 2026-11-16T09:00:00Z, by: olivia, event: routed, department: water}\n" + extra +
         "  - {at: " + closed + ", by: raquel, event: closed, resolution: fixed}\n";
}

// One line per action: "AT NAME ACTOR CREDITED ABOUT".
std::vector<std::string> shown(const std::vector<Action>& actions) {
  std::vector<std::string> out;
  for (const auto& a : actions) {
    out.push_back(format_utc(a.at) + " " + a.name.str() + " " + a.actor.str() + " " + a.credited.str() + " " + a.about.str());
  }
  return out;
}

}  // namespace

TEST_CASE("collect_actions reads the histories of a CRM") {
  Crm crm("timezone: UTC\nsla:\n  default: {resolve: 2h}\n");
  crm.write(contact_kind(), k_contact,
            "name: Ada\nhistory:\n"
            "  - {at: 2026-11-16T08:00:00Z, by: olivia, event: created}\n"
            "  - {at: 2026-11-16T08:30:00Z, event: edited}\n"  // the system: no one's action
            "  - {at: 2026-11-20T08:00:00Z, by: sam, event: edited}\n");  // after now
  crm.write(call_kind(), k_call,
            "contact: P-000000000001\nat: 2026-11-16T08:10:00Z\nby: sam\nhistory:\n"
            "  - {at: 2026-11-16T08:10:00Z, by: sam, event: logged}\n");
  // Closed after 1 hour of a 2 hour resolve target: on time.
  crm.write(case_kind(), k_on_time, a_case("2026-11-16T10:00:00Z", ""));
  // Closed after 3 hours: late; the escalation (by no one) is no action either.
  crm.write(case_kind(), k_late,
            a_case("2026-11-16T12:00:00Z",
                   "  - {at: 2026-11-16T11:00:00Z, event: escalated, target: resolve, level: 1}\n"));
  crm.write(mission_kind(), k_mission,
            "title: Survey\nreward: cake\ncreator: vera\ntaker: sam\nstatus: approved\nhistory:\n"
            "  - {at: 2026-11-16T13:00:00Z, by: vera, event: created}\n"
            "  - {at: 2026-11-16T14:00:00Z, by: sam, event: accepted, taker: sam}\n"
            "  - {at: 2026-11-16T15:00:00Z, by: sam, event: completed}\n"
            "  - {at: 2026-11-16T16:00:00Z, by: vera, event: approved}\n");

  auto actions = collect_actions(*crm.store, utc("2026-11-19T00:00:00Z"));
  std::vector<std::string> expected = {
      "2026-11-16T08:00:00Z contact-created olivia olivia P-000000000001",
      "2026-11-16T08:10:00Z call-logged sam sam K-000000000001",
      // Same second: kind, then ID, then history order.
      "2026-11-16T09:00:00Z case-opened olivia olivia C-000000000001",
      "2026-11-16T09:00:00Z case-routed olivia olivia C-000000000001",
      "2026-11-16T09:00:00Z case-opened olivia olivia C-000000000002",
      "2026-11-16T09:00:00Z case-routed olivia olivia C-000000000002",
      "2026-11-16T10:00:00Z case-closed raquel raquel C-000000000001",
      "2026-11-16T10:00:00Z case-closed-within-sla raquel raquel C-000000000001",
      "2026-11-16T12:00:00Z case-closed raquel raquel C-000000000002",
      "2026-11-16T13:00:00Z mission-created vera vera M-000000000001",
      "2026-11-16T14:00:00Z mission-accepted sam sam M-000000000001",
      "2026-11-16T15:00:00Z mission-completed sam sam M-000000000001",
      // Approved by vera, credited to sam who took the mission.
      "2026-11-16T16:00:00Z mission-approved vera sam M-000000000001",
  };
  std::vector<std::string> got = shown(actions);
  CHECK(got.size() == expected.size());
  for (std::size_t i = 0; i < std::min(got.size(), expected.size()); ++i) {
    CHECK(got[i] == expected[i]);
  }

  SUBCASE("an entry exactly at now counts") {
    auto upto = collect_actions(*crm.store, utc("2026-11-16T10:00:00Z"));
    REQUIRE(upto.size() == 8);
    CHECK(upto.back().name == "case-closed-within-sla");
  }
  SUBCASE("the scoreboard scores what was collected") {
    Scoreboard board = build_scoreboard(*crm.store, utc("2026-11-19T00:00:00Z"));
    CHECK(board.actions.size() == expected.size());
    // raquel: two closes 2 x 10 + flag 25 + cases-closed grade 1 50 + one on time 10 + cases-on-time grade 1 50 = 155.
    CHECK(board.of("raquel").total() == 155);
    CHECK(board.of("raquel").counts.at("case-closed-within-sla") == 1);
    CHECK(board.of("nobody").total() == 0);
    CHECK(board.of("nobody").awards.empty());
  }
}

TEST_CASE("without a resolve target no close is within the service level") {
  Crm crm("timezone: UTC\nsla:\n  default: {acknowledge: 1h}\n");
  crm.write(case_kind(), k_on_time, a_case("2026-11-16T10:00:00Z", ""));
  auto actions = collect_actions(*crm.store, utc("2026-11-19T00:00:00Z"));
  REQUIRE(actions.size() == 3);
  CHECK(actions[2].name == "case-closed");
}

TEST_CASE("each close of a reopened case is judged against its own resolve clock") {
  Crm crm("timezone: UTC\nsla:\n  default: {resolve: 2h}\n");
  // Closed 1 hour after opening (on time); reopened at 11:00, closed again 4 hours later (late).
  crm.write(case_kind(), k_on_time,
            a_case("2026-11-16T15:00:00Z",
                   "  - {at: 2026-11-16T10:00:00Z, by: raquel, event: closed, resolution: fixed}\n"
                   "  - {at: 2026-11-16T11:00:00Z, by: olivia, event: reopened, reason: again, to: acknowledged}\n"));
  std::vector<std::string> expected = {
      "2026-11-16T09:00:00Z case-opened olivia olivia C-000000000001",
      "2026-11-16T09:00:00Z case-routed olivia olivia C-000000000001",
      "2026-11-16T10:00:00Z case-closed raquel raquel C-000000000001",
      "2026-11-16T10:00:00Z case-closed-within-sla raquel raquel C-000000000001",
      "2026-11-16T11:00:00Z case-reopened olivia olivia C-000000000001",
      "2026-11-16T15:00:00Z case-closed raquel raquel C-000000000001",
  };
  CHECK(shown(collect_actions(*crm.store, utc("2026-11-19T00:00:00Z"))) == expected);
}
