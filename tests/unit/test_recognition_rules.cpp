#include "config.hpp"
#include "config_error.hpp"
#include "error.hpp"
#include "recognition_rules.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace crm;

namespace {

bool has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

std::vector<std::string> badge_names(const RecognitionRules& r) {
  std::vector<std::string> out;
  for (const auto& b : r.badges) {
    out.push_back(b.name);
  }
  return out;
}

}  // namespace

TEST_CASE("the default recognition rules") {
  RecognitionRules r = default_recognition_rules();
  REQUIRE(r.rule("call-logged"));
  CHECK(r.rule("call-logged")->points == 10);
  CHECK(r.rule("call-logged")->category == "communication");
  CHECK(r.rule("case-updated")->points == 5);
  CHECK(r.rule("case-closed-within-sla")->category == "time-management");
  CHECK(r.rule("mission-created")->points == 20);
  CHECK(r.rule("mission-approved")->points == 40);
  CHECK(r.rule("mission-approved")->category == "time-management");
  CHECK(r.rule("case-reopened") == nullptr);
  CHECK(r.rule("case-forwarded") == nullptr);
  CHECK(r.points.size() == 13);
  CHECK(r.rule("deal-won")->points == 50);
  CHECK(r.rule("deal-won")->category == "sales");
  CHECK(r.flags.size() == 12);
  CHECK(has(r.flags, "case-forwarded"));
  CHECK(r.flag_bonus == 25);
  CHECK(badge_names(r) == std::vector<std::string>{"calls-logged", "contacts-added", "contacts-cleaned", "cases-closed",
                                                   "cases-on-time", "missions-created", "missions-accomplished"});
  REQUIRE(r.badge("missions-accomplished"));
  CHECK(r.badge("missions-accomplished")->counts == "mission-approved");
  CHECK(r.badge("missions-accomplished")->grades == std::vector<long long>{1, 3, 5, 10, 20, 30, 40, 50});
  CHECK(r.badge("cases-on-time")->grades == std::vector<long long>{1, 5, 10, 25, 50, 100, 150, 200});
  CHECK(r.badge("calls-logged")->grades == std::vector<long long>{1, 10, 25, 50, 100, 150, 200, 250});
  CHECK(r.badge("no-such-badge") == nullptr);
  CHECK(r.badge_bonus.front() == 50);
  CHECK(r.badge_bonus[1] == 150);
  CHECK(r.levels.size() == 15);
  CHECK(r.levels.front() == 200);
  CHECK(r.levels.back() == 28500);
  CHECK(r.category_levels == std::vector<long long>{100, 210, 330, 460, 600, 750, 910});
  CHECK(r.coins.size() == 15);
  CHECK(r.coins.front() == 1);
  CHECK(r.coins.back() == 7);
  CHECK(r.calendar.empty());
  CHECK(r.bonus_category == "user-adoption");
  // An empty crm.yaml means the defaults.
  CHECK(load_config("", "crm.yaml").recognition.points.size() == 13);
}

TEST_CASE("scored_actions names every kind's events") {
  const auto& all = scored_actions();
  CHECK(has(all, "call-logged"));
  CHECK(has(all, "case-closed"));
  CHECK(has(all, "case-closed-within-sla"));
  CHECK(has(all, "mission-approved"));
  CHECK(has(all, "mission-commented"));
  CHECK(has(all, "reward-redeemed"));
  CHECK(has(all, "user-created"));
  CHECK_FALSE(has(all, "call-closed"));
  // Notifications have no history, so no actions.
  CHECK(std::none_of(all.begin(), all.end(), [](const std::string& a) { return a.rfind("notification-", 0) == 0; }));
  CHECK(point_categories().size() == 6);
  CHECK(has(point_categories(), "user-adoption"));
}

TEST_CASE("the recognition section replaces what it names") {
  Config c = load_config(R"(timezone: UTC
calendars:
  office:
    hours: {mon-fri: "08:00-17:00"}
recognition:
  points:
    call-logged: 15
    case-closed: {points: 12, category: sales}
    mission-commented: {points: 2, category: communication}
    case-updated: ~
  flags: [call-logged, case-closed]
  flag_bonus: 30
  badges:
    calls-logged: {grades: [1, 2, 3]}
    my-badge: {counts: case-opened, grades: [1, 5]}
    cases-closed: ~
  badge_bonus: [50, 150]
  levels: [100, 300]
  category_levels: [10]
  coins: [2]
  calendar: office
)",
                         "crm.yaml");
  const RecognitionRules& r = c.recognition;
  // A number keeps the default's category; a mapping may change it.
  CHECK(r.rule("call-logged")->points == 15);
  CHECK(r.rule("call-logged")->category == "communication");
  CHECK(r.rule("case-closed")->points == 12);
  CHECK(r.rule("case-closed")->category == "sales");
  CHECK(r.rule("mission-commented")->points == 2);
  CHECK(r.rule("mission-commented")->category == "communication");
  // `~` switches a rule off.
  CHECK(r.rule("case-updated")->points == 0);
  // Untouched rules keep their defaults.
  CHECK(r.rule("mission-approved")->points == 40);
  CHECK(r.flags == std::vector<std::string>{"call-logged", "case-closed"});
  CHECK(r.flag_bonus == 30);
  // cases-closed is gone; my-badge comes last; calls-logged keeps what it counts.
  CHECK(badge_names(r) == std::vector<std::string>{"calls-logged", "contacts-added", "contacts-cleaned",
                                                   "cases-on-time", "missions-created", "missions-accomplished",
                                                   "my-badge"});
  CHECK(r.badge("cases-closed") == nullptr);
  CHECK(r.badge("calls-logged")->counts == "call-logged");
  CHECK(r.badge("calls-logged")->grades == std::vector<long long>{1, 2, 3});
  CHECK(r.badge("my-badge")->counts == "case-opened");
  CHECK(r.badge("my-badge")->grades == std::vector<long long>{1, 5});
  CHECK(r.badge_bonus == std::vector<long long>{50, 150});
  CHECK(r.levels == std::vector<long long>{100, 300});
  CHECK(r.category_levels == std::vector<long long>{10});
  CHECK(r.coins == std::vector<long long>{2});
  CHECK(r.calendar == "office");
  CHECK(config_problems(c, "crm.yaml").empty());
}

TEST_CASE("recognition errors name the line") {
  CHECK(config_error("recognition:\n  points:\n    call-loged: 3\n") ==
        "crm.yaml:3: recognition.points.call-loged: 'call-loged' is not an action (did you mean 'call-logged'?)");
  CHECK(config_error("recognition:\n  flags: [call-logged, case-wibbled]\n") ==
        "crm.yaml:2: recognition.flags: 'case-wibbled' is not an action");
  CHECK(config_error("recognition:\n  badges:\n    mine:\n      counts: call-loged\n      grades: [1]\n") ==
        "crm.yaml:4: recognition.badges.mine.counts: 'call-loged' is not an action (did you mean 'call-logged'?)");
  CHECK(config_error("recognition:\n  levels:\n    - 200\n    - 500\n    - 400\n") ==
        "crm.yaml:5: recognition.levels: 400 must be larger than 500");
  CHECK(config_error("recognition:\n  category_levels: [100, 100]\n") ==
        "crm.yaml:2: recognition.category_levels: 100 must be larger than 100");
  CHECK(config_error("recognition:\n  badges:\n    calls-logged:\n      grades: [-1, 5]\n") ==
        "crm.yaml:4: recognition.badges.calls-logged.grades: '-1' is not a whole number above 0");
  CHECK(config_error("recognition:\n  badges:\n    my-badge:\n      grades: [1, 5]\n") ==
        "crm.yaml:4: recognition.badges.my-badge: a new badge needs 'counts' (an action) and 'grades' (e.g. [1, 10, 25])");
  CHECK(config_error("recognition:\n  badges:\n    my-badge: {counts: case-opened}\n") ==
        "crm.yaml:3: recognition.badges.my-badge: a new badge needs 'counts' (an action) and 'grades' (e.g. [1, 10, 25])");
  CHECK(config_error("calendars:\n  office: 24x7\nrecognition:\n  calendar: ofice\n") ==
        "crm.yaml:4: recognition.calendar: no calendar 'ofice' in 'calendars' (did you mean 'office'?)");
  CHECK(config_error("recognition:\n  calendar: office\n") ==
        "crm.yaml:2: recognition.calendar: no calendar 'office' in 'calendars'");
  CHECK(config_error("recognition:\n  flag_bonus: lots\n") ==
        "crm.yaml:2: recognition.flag_bonus: 'lots' is not a whole number (0 or more)");
  CHECK(config_error("recognition:\n  coins: []\n") ==
        "crm.yaml:2: 'recognition.coins' must be a list of numbers, e.g. [1, 10, 25]");
  CHECK(config_error("recognition:\n  points:\n    mission-commented: {points: 2}\n") ==
        "crm.yaml:3: recognition.points.mission-commented: a new rule needs a category, e.g. {points: 5, category: "
        "communication}");
  // A bare number for an action without a default rule has no category either.
  CHECK(config_error("recognition:\n  points:\n    mission-commented: 2\n") ==
        "crm.yaml:3: recognition.points.mission-commented: a new rule needs a category, e.g. {points: 5, category: "
        "communication}");
  CHECK(config_error("recognition: [points]\n") == "crm.yaml:1: 'recognition' must be a mapping (key: value)");
}

TEST_CASE("the 24x7 calendar needs no entry in calendars") {
  CHECK(load_config("recognition:\n  calendar: 24x7\n", "crm.yaml").recognition.calendar == "24x7");
}

TEST_CASE("config_problems reports unknown keys under recognition") {
  Config c = load_config(
      "recognition:\n"
      "  pionts: {call-logged: 3}\n"
      "  points:\n"
      "    case-closed: {points: 12, categroy: sales}\n"
      "  badges:\n"
      "    calls-logged: {grades: [1, 2], grade: [3]}\n",
      "crm.yaml");
  auto problems = config_problems(c, "crm.yaml");
  REQUIRE(problems.size() == 3);
  CHECK(problems[0].text() == "crm.yaml:2: unknown key 'recognition.pionts' (did you mean 'points'?)");
  CHECK(problems[1].text() == "crm.yaml:4: unknown key 'recognition.points.case-closed.categroy' (did you mean 'category'?)");
  CHECK(problems[2].text() == "crm.yaml:6: unknown key 'recognition.badges.calls-logged.grade' (did you mean 'grades'?)");
}
