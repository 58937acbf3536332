#pragma once

#include "calendar.hpp"
#include "config_reader.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace crm {

// What an action earns: points in a category. Actions are named like hook
// events ("call-logged", "case-closed"), plus "case-closed-within-sla".
struct PointRule {
  long long points = 0;
  std::string category;
};

// A badge graded by how often its holder earned one action.
struct BadgeRule {
  std::string name;
  std::string counts;             // the action counted, e.g. "call-logged"
  std::vector<long long> grades;  // counts that reach grade 1, 2, ... (ascending)
};

// crm.yaml's `recognition` section: how the scores derived from the
// records' histories are counted. Nothing derived is ever stored, so a
// changed rule re-scores all of history.
struct RecognitionRules {
  std::map<std::string, PointRule, std::less<>> points;  // by action
  // Actions whose first use earns a "first use" flag, and what a flag earns.
  std::vector<std::string> flags;
  long long flag_bonus = 25;
  std::vector<BadgeRule> badges;
  // Bonus for reaching grade 1, 2, ... of a badge (the last repeats).
  std::vector<long long> badge_bonus;
  // Total points that reach general level 2, 3, ... (level 1 is the start).
  std::vector<long long> levels;
  // Points in one category that reach that category's level 2, 3, ...
  std::vector<long long> category_levels;
  // Coins for reaching general level 2, 3, ... (the last repeats).
  std::vector<long long> coins;
  // The calendar whose working days KPI targets count ("" = Monday to Friday).
  std::string calendar;
  // The category bonuses (flags, badges) are booked in.
  std::string bonus_category = "user-adoption";

  const PointRule* rule(std::string_view action) const;
  const BadgeRule* badge(const std::string& name) const;
};

// The default categories, modelled on Zurmo CRM's.
const std::vector<std::string>& point_categories();
// Every action a rule, flag or badge may name.
const std::vector<std::string>& scored_actions();
// The defaults an empty crm.yaml means.
RecognitionRules default_recognition_rules();

// Reads the `recognition` section over the defaults (a key given replaces
// that default; a point rule or badge given replaces the one of that name).
RecognitionRules parse_recognition(const Value& section, const ConfigReader& reader,
                                   const std::map<std::string, BusinessCalendar>& calendars);
void recognition_problems(const Value& section, const ConfigReader& reader, std::vector<Problem>& out);

}  // namespace crm
