#pragma once

#include "calendar.hpp"
#include "config_reader.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace crm {

// Service-level targets: how long a case may wait for each step, counted in
// a business calendar. Every field is optional so that layers can override.
struct SlaTargets {
  std::string calendar;                  // calendar name; "" inherits
  std::optional<Duration> acknowledge;   // from opening to acknowledgement
  std::optional<Duration> update;        // longest silence while open
  std::optional<Duration> resolve;       // from opening to closing (waiting pauses it)
  std::optional<int> warn_percent;       // "due soon" once this much is used

  // `over`'s fields where set, else this one's.
  SlaTargets overridden_by(const SlaTargets& over) const;
};

// crm.yaml's `sla` section.
struct SlaPolicy {
  SlaTargets defaults;
  std::map<std::string, SlaTargets> by_kind;  // "case", "feedback"
  std::map<std::string, SlaTargets> by_department;
  std::map<std::string, SlaTargets> by_priority;
  std::map<std::string, SlaTargets> by_sentiment;  // feedback's

  // The targets for a case or feedback: the defaults, overridden by its
  // kind's, its department's, then its priority's (an urgent case keeps its
  // own clock anywhere) or sentiment's (negative feedback may be hurried).
  SlaTargets targets_for(const std::string& priority, const std::string& department, const std::string& kind = "case",
                         const std::string& sentiment = "") const;
};

// Reads the `sla` section; calendar names must be among `calendars`.
SlaPolicy parse_sla(const Value& section, const ConfigReader& reader,
                    const std::map<std::string, BusinessCalendar>& calendars);
void sla_problems(const Value& section, const ConfigReader& reader, std::vector<Problem>& out);

// Who hears about a dropped ball, level by level, and how long each level
// gets before the next one is told.
struct EscalationRule {
  // "handler", "manager" (the handler's, else the department's), "user:NAME",
  // or a role ("director", "role:director": users with that role, in the
  // case's department when any are).
  std::vector<std::string> chain = {"handler", "manager"};
  Duration every = Duration{0, 0, 4, 0, 0};  // business time between levels
};

struct EscalationPolicy {
  EscalationRule defaults;
  std::map<std::string, EscalationRule> by_department;
  const EscalationRule& rule_for(const std::string& department) const;
};

EscalationPolicy parse_escalation(const Value& section, const ConfigReader& reader);
void escalation_problems(const Value& section, const ConfigReader& reader, std::vector<Problem>& out);

}  // namespace crm
