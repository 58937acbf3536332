#pragma once

#include "deal_config.hpp"
#include "problem.hpp"
#include "recognition_rules.hpp"
#include "routing.hpp"
#include "sla.hpp"
#include "timestamp.hpp"
#include "value.hpp"

#include <map>
#include <string>
#include <vector>

namespace crm {

// Policy from crm.yaml. Every key is optional; the defaults below are what an
// empty crm.yaml means (and what crm-files(5) documents).
struct Config {
  // Zone for times shown in tables and for times typed without a zone.
  TimeZone zone = nullptr;
  std::string zone_name;  // as configured, "" for the system default

  std::string default_contact_kind = "customer";
  std::string default_call_channel = "phone";
  std::string default_call_direction = "in";

  // Cases: the priority of a case opened without --priority, and the state
  // a reopened case returns to ("acknowledged" when it has a handler, or "new").
  std::string default_priority = "normal";
  std::string reopen_to = "acknowledged";
  // Which department a case opened without --department goes to.
  Routing routing;

  // Business-hours calendars by name, and the service-level targets counted in them.
  std::map<std::string, BusinessCalendar> calendars;
  SlaPolicy sla;
  EscalationPolicy escalation;
  // Points, badges, levels, coins and KPI working days.
  RecognitionRules recognition = default_recognition_rules();
  // The calendar called `name`; "" or "24x7" is round the clock in `zone`.
  BusinessCalendar calendar(const std::string& name) const;

  // Deals: default currency, stages and their probabilities.
  DealPolicy deals;

  // git.autocommit: commit the files each writing command changed (autocommit.hpp).
  bool git_autocommit = false;

  // Configurable value lists, e.g. "contact_kinds", "call_channels".
  std::map<std::string, std::vector<std::string>> lists;

  // The parsed document, for later policy sections.
  Value raw;

  const std::vector<std::string>& list(const std::string& name) const;
};

// Reads and validates crm.yaml; `origin` names it in errors. An empty file
// is a valid configuration. Throws a data error ("PATH:LINE: ...").
Config load_config(const std::string& text, const std::string& origin);

// Problems `crm check` reports in a configuration that still loads:
// unknown keys (with a suggestion) and lists that name defaults they lack.
std::vector<Problem> config_problems(const Config& config, const std::string& origin);

// The commented template `crm init` writes; `autocommit` turns on
// git.autocommit (for a fresh repository), else it is shown commented out.
std::string config_template(bool autocommit = false);

}  // namespace crm
