#pragma once

#include "config_reader.hpp"

#include <optional>
#include <string>
#include <vector>

namespace crm {

// One `routing.rules` entry of crm.yaml: a case (or feedback) goes to `department` when
// every criterion given matches (each criterion matches when any of its
// values does).
struct RoutingRule {
  std::string department;
  std::vector<std::string> contact_kinds;  // the contact's kind is one of these
  std::vector<std::string> tags;           // the case or the contact has one of these tags
  std::vector<std::string> words;          // the title (or text) has one of these words; "pipe*" matches a prefix
  std::vector<std::string> applies_to;     // "case", "feedback": what the rule routes (both when empty)
  std::vector<std::string> sources;        // feedback from one of these sources
  std::vector<std::string> topics;         // feedback about one of these topics
  std::vector<std::string> sentiments;     // feedback of one of these sentiments
  int line = 0;                            // where the rule starts in crm.yaml
};

struct Routing {
  std::vector<RoutingRule> rules;  // tried in order; the first match wins
  std::string default_department;  // for cases no rule matches; "" for none
};

// Reads the `routing` section; throws a data error pointing at bad values.
Routing parse_routing(const Value& section, const ConfigReader& reader);
// Unknown keys in the `routing` section.
void routing_problems(const Value& section, const ConfigReader& reader, std::vector<Problem>& out);

// What routing looks at.
struct RoutingSubject {
  std::string contact_kind;
  std::vector<std::string> tags;  // the case's and the contact's
  std::string title;              // for feedback: its title and text
  std::string record = "case";    // or "feedback"
  std::string source{};           // feedback only
  std::vector<std::string> topics{};
  std::string sentiment{};
};

struct RouteChoice {
  std::string department;
  std::string reason;  // "routing rule 2 (crm.yaml line 14)", "routing default"
};

// The department for `subject`, or nothing when no rule matches and there is no default.
std::optional<RouteChoice> route(const Routing& routing, const RoutingSubject& subject);

// The words of `text`, lower-cased: runs of letters and digits (bytes past
// ASCII count as letters, so accented words stay whole).
std::vector<std::string> words_of(const std::string& text);

}  // namespace crm
