#include "recognition_rules.hpp"

#include "schema.hpp"
#include "suggest.hpp"

#include <algorithm>

namespace crm {
namespace {

const std::vector<std::string> k_keys = {"points", "flags",  "flag_bonus", "badges",   "badge_bonus",
                                         "levels", "category_levels", "coins", "calendar"};
const std::vector<std::string> k_badge_keys = {"counts", "grades"};
const std::vector<std::string> k_rule_keys = {"points", "category"};

const std::vector<long long> k_count_grades = {1, 10, 25, 50, 100, 150, 200, 250};
const std::vector<long long> k_mission_grades = {1, 3, 5, 10, 20, 30, 40, 50};

bool known_action(const std::string& action) {
  const auto& all = scored_actions();
  return std::find(all.begin(), all.end(), action) != all.end();
}

void require_action(const ConfigReader& reader, const Value& at, const std::string& where, const std::string& action) {
  if (!known_action(action)) {
    reader.fail(at, where + ": '" + action + "' is not an action" + did_you_mean(action, scored_actions()));
  }
}

long long whole_number(const ConfigReader& reader, const Value& v, const std::string& where, long long min) {
  std::string text = reader.scalar(v, where);
  bool digits = !text.empty() && text.size() <= 12 &&
                text.find_first_not_of("0123456789", text[0] == '-' ? 1 : 0) == std::string::npos &&
                text != "-";
  long long n = digits ? std::stoll(text) : min - 1;
  if (n < min) {
    reader.fail(v, where + ": '" + text + "' is not a whole number" + (min > 0 ? " above 0" : min == 0 ? " (0 or more)" : ""));
  }
  return n;
}

// A list of whole numbers; `ascending` ones must each exceed the one before.
std::vector<long long> numbers(const ConfigReader& reader, const Value& v, const std::string& where, bool ascending,
                               long long min) {
  if (!v.is_list() || v.items().empty()) {
    reader.fail(v, "'" + where + "' must be a list of numbers, e.g. [1, 10, 25]");
  }
  std::vector<long long> out;
  for (const auto& item : v.items()) {
    long long n = whole_number(reader, item, where, min);
    if (ascending && !out.empty() && n <= out.back()) {
      reader.fail(item, where + ": " + std::to_string(n) + " must be larger than " + std::to_string(out.back()));
    }
    out.push_back(n);
  }
  return out;
}

PointRule parse_rule(const ConfigReader& reader, const Value& v, const std::string& where, PointRule rule) {
  if (v.is_scalar()) {
    rule.points = whole_number(reader, v, where, -1000000);
  } else {
    reader.map(v, where);
    if (const Value* p = setting(v, "points")) {
      rule.points = whole_number(reader, *p, where + ".points", -1000000);
    }
    if (const Value* c = setting(v, "category")) {
      rule.category = reader.scalar(*c, where + ".category");
    }
  }
  // A number keeps the default rule's category; an action without one needs it spelled out.
  if (rule.category.empty()) {
    reader.fail(v, where + ": a new rule needs a category, e.g. {points: 5, category: communication}");
  }
  return rule;
}

}  // namespace

const PointRule* RecognitionRules::rule(std::string_view action) const {
  auto it = points.find(action);
  return it == points.end() ? nullptr : &it->second;
}

const BadgeRule* RecognitionRules::badge(const std::string& name) const {
  for (const auto& b : badges) {
    if (b.name == name) {
      return &b;
    }
  }
  return nullptr;
}

const std::vector<std::string>& point_categories() {
  static const std::vector<std::string> c = {"communication",      "sales",           "new-business",
                                             "account-management", "time-management", "user-adoption"};
  return c;
}

const std::vector<std::string>& scored_actions() {
  static const std::vector<std::string> actions = [] {
    std::vector<std::string> out;
    for (const KindSpec* kind : all_kinds()) {
      if (kind->history_fields.empty()) {
        continue;
      }
      for (const auto& event : kind->events) {
        out.push_back(kind->name + "-" + event);
      }
    }
    out.push_back("case-closed-within-sla");
    return out;
  }();
  return actions;
}

RecognitionRules default_recognition_rules() {
  RecognitionRules r;
  r.points = {
      {"call-logged", {10, "communication"}},
      {"contact-created", {10, "account-management"}},
      {"contact-edited", {10, "account-management"}},
      {"case-opened", {10, "account-management"}},
      {"case-acknowledged", {10, "time-management"}},
      {"case-updated", {5, "communication"}},
      {"case-closed", {10, "account-management"}},
      {"case-closed-within-sla", {10, "time-management"}},
      {"mission-created", {20, "communication"}},
      {"mission-accepted", {10, "communication"}},
      {"mission-completed", {10, "time-management"}},
      {"mission-approved", {40, "time-management"}},  // to the taker, not to the approver
      {"deal-won", {50, "sales"}},                     // to the deal's owner, as in Zurmo
  };
  // The system sergeant's twelve flags.
  r.flags = {"call-logged",    "contact-created", "contact-edited",  "case-opened",
             "case-acknowledged", "case-forwarded", "case-updated",   "case-closed",
             "mission-created",  "mission-accepted", "mission-completed", "mission-approved"};
  r.badges = {
      {"calls-logged", "call-logged", k_count_grades},
      {"contacts-added", "contact-created", k_count_grades},
      {"contacts-cleaned", "contact-edited", k_count_grades},
      {"cases-closed", "case-closed", k_count_grades},
      {"cases-on-time", "case-closed-within-sla", {1, 5, 10, 25, 50, 100, 150, 200}},
      {"missions-created", "mission-created", k_mission_grades},
      {"missions-accomplished", "mission-approved", k_mission_grades},
  };
  r.badge_bonus = {50, 150, 300, 500, 750, 1000, 1250, 1500, 1750, 2000, 2250, 2500, 3000};
  r.levels = {200, 500, 1000, 1750, 2750, 4000, 5500, 7500, 9750, 12250, 15000, 18000, 21250, 24750, 28500};
  r.category_levels = {100, 210, 330, 460, 600, 750, 910};
  r.coins = {1, 2, 2, 2, 3, 3, 3, 3, 3, 5, 6, 6, 6, 6, 7};
  return r;
}

RecognitionRules parse_recognition(const Value& section, const ConfigReader& reader,
                                   const std::map<std::string, BusinessCalendar>& calendars) {
  RecognitionRules r = default_recognition_rules();
  reader.map(section, "recognition");
  if (const Value* points = setting(section, "points")) {
    reader.map(*points, "recognition.points");
    for (const auto& [action, v] : points->fields()) {
      std::string where = "recognition.points." + action;
      require_action(reader, v, where, action);
      PointRule base;
      if (const PointRule* existing = r.rule(action)) {
        base = *existing;
      }
      r.points[action] = v.is_null() ? PointRule{0, base.category.empty() ? r.bonus_category : base.category}
                                     : parse_rule(reader, v, where, base);
    }
  }
  if (const Value* flags = setting(section, "flags")) {
    r.flags.clear();
    if (!flags->is_list()) {
      reader.fail(*flags, "'recognition.flags' must be a list of actions, e.g. [call-logged, case-closed]");
    }
    for (const auto& item : flags->items()) {
      r.flags.push_back(reader.scalar(item, "recognition.flags"));
      require_action(reader, item, "recognition.flags", r.flags.back());
    }
  }
  if (const Value* b = setting(section, "flag_bonus")) {
    r.flag_bonus = whole_number(reader, *b, "recognition.flag_bonus", 0);
  }
  if (const Value* badges = setting(section, "badges")) {
    reader.map(*badges, "recognition.badges");
    for (const auto& [name, v] : badges->fields()) {
      std::string where = "recognition.badges." + name;
      auto it = std::find_if(r.badges.begin(), r.badges.end(), [&name = name](const BadgeRule& b) { return b.name == name; });
      if (v.is_null() || (v.is_list() && v.items().empty())) {
        if (it != r.badges.end()) {
          r.badges.erase(it);  // `name: ~` switches a default badge off
        }
        continue;
      }
      reader.map(v, where);
      BadgeRule badge = it != r.badges.end() ? *it : BadgeRule{name, "", {}};
      if (const Value* c = setting(v, "counts")) {
        badge.counts = reader.scalar(*c, where + ".counts");
        require_action(reader, *c, where + ".counts", badge.counts);
      }
      if (const Value* g = setting(v, "grades")) {
        badge.grades = numbers(reader, *g, where + ".grades", true, 1);
      }
      if (badge.counts.empty() || badge.grades.empty()) {
        reader.fail(v, where + ": a new badge needs 'counts' (an action) and 'grades' (e.g. [1, 10, 25])");
      }
      if (it != r.badges.end()) {
        *it = badge;
      } else {
        r.badges.push_back(badge);
      }
    }
  }
  if (const Value* b = setting(section, "badge_bonus")) {
    r.badge_bonus = numbers(reader, *b, "recognition.badge_bonus", false, 0);
  }
  if (const Value* l = setting(section, "levels")) {
    r.levels = numbers(reader, *l, "recognition.levels", true, 1);
  }
  if (const Value* l = setting(section, "category_levels")) {
    r.category_levels = numbers(reader, *l, "recognition.category_levels", true, 1);
  }
  if (const Value* c = setting(section, "coins")) {
    r.coins = numbers(reader, *c, "recognition.coins", false, 0);
  }
  if (const Value* c = setting(section, "calendar")) {
    r.calendar = reader.scalar(*c, "recognition.calendar");
    if (r.calendar != "24x7" && !calendars.count(r.calendar)) {
      std::vector<std::string> names;
      for (const auto& [name, cal] : calendars) {
        names.push_back(name);
      }
      reader.fail(*c, "recognition.calendar: no calendar '" + r.calendar + "' in 'calendars'" +
                          did_you_mean(r.calendar, names));
    }
  }
  return r;
}

void recognition_problems(const Value& section, const ConfigReader& reader, std::vector<Problem>& out) {
  reader.unknown_keys(section, k_keys, "recognition.", out);
  if (const Value* points = setting(section, "points"); points && points->is_map()) {
    for (const auto& [action, v] : points->fields()) {
      reader.unknown_keys(v, k_rule_keys, "recognition.points." + action + ".", out);
    }
  }
  if (const Value* badges = setting(section, "badges"); badges && badges->is_map()) {
    for (const auto& [name, v] : badges->fields()) {
      reader.unknown_keys(v, k_badge_keys, "recognition.badges." + name + ".", out);
    }
  }
}

}  // namespace crm
