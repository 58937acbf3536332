#pragma once

// Shared set-up of the service-level tests (test_sla.cpp, test_escalation.cpp):
// the calendars/sla/escalation example in crm.yaml, and helpers that
// drive `crm` through simulated days with --now.
//
// Times are written in UTC. The office calendar is America/Chicago: CST is
// UTC-6 after Sunday 1 November 2026 (CDT, UTC-5, before), so 09:00 CST on
// Monday 23 November 2026 is 2026-11-23T15:00:00Z. Thursday 26 November is
// Thanksgiving, a holiday of the office calendar.

#include "harness.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace e2e::sla {

// The example, plus a front-desk department with its own acknowledge
// target and an escalation chain naming a role. The CRM's own zone stays the
// sandbox's (UTC): the calendar's zone is what counts.
inline const char* const k_policy =
    "calendars:\n"
    "  office:                       # a business-hours calendar\n"
    "    timezone: America/Chicago\n"
    "    hours:                      # days not listed are closed\n"
    "      mon: \"08:00-12:00, 13:00-17:00\"\n"
    "      tue: \"08:00-12:00, 13:00-17:00\"\n"
    "      wed: \"08:00-12:00, 13:00-17:00\"\n"
    "      thu: \"08:00-12:00, 13:00-17:00\"\n"
    "      fri: \"08:00-12:00, 13:00-17:00\"\n"
    "    holidays: [2026-11-26, 2026-12-25]\n"
    "  always: 24x7\n"
    "sla:\n"
    "  default: {calendar: office, acknowledge: 4h, update: 2d, resolve: 5d, warn_at: 80%}\n"
    "  priority:\n"
    "    urgent: {calendar: always, acknowledge: 30m, resolve: 8h}\n"
    "    high: {acknowledge: 1h, resolve: 2d}\n"
    "  department:\n"
    "    water: {calendar: office}\n"
    "    front: {acknowledge: 1h}\n"
    "escalation:\n"
    "  default: {chain: [handler, manager], every: 4h}\n"
    "  department:\n"
    "    water: {chain: [handler, manager, \"user:olivia\"], every: 4h}\n"
    "    front: {chain: [manager, director], every: 2h}\n";

// A CRM with the city's people (see Sandbox::init_city) and k_policy:
// raquel (water) reports to pedro, pedro and the water department to olivia;
// dora is the director; frank manages the front desk, where fiona works.
// Returns the ID of the contact "Anna Berg".
inline std::string init(Sandbox& s, const std::string& policy = k_policy) {
  s.init_city();
  s.ok({"user", "edit", "raquel", "--manager", "pedro"});
  s.ok({"user", "add", "dora", "--name", "Dora Diaz", "--role", "director"});
  s.write("crm.yaml", policy);
  return s.ok({"contact", "add", "--name", "Anna Berg", "--kind", "citizen"});
}

// Opens a case at `at` as fiona (so fiona is the requester) and returns its ID.
inline std::string open_case(Sandbox& s, const std::string& at, const std::string& contact, const std::string& title,
                             const std::vector<std::string>& extra = {"--department", "water", "--handler", "raquel"}) {
  std::vector<std::string> args = {"--as", "fiona",     "--now", at,        "case",
                                   "open", "--contact", contact, "--title", title};
  args.insert(args.end(), extra.begin(), extra.end());
  std::string id = s.ok(args);
  REQUIRE(is_generated_id(id, "C"));
  return id;
}

// `crm escalate` as cron runs it: no acting user.
inline Result escalate(Sandbox& s, const std::string& at) {
  Result r = s.run_env({"CRM_USER"}, {"--now", at, "escalate"});
  INFO("crm --now " << at << " escalate\nstdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  return r;
}

// The `timers` of `crm case show ID --format json` at `at`, by target.
inline YAML::Node timer(Sandbox& s, const std::string& id, const std::string& at, const std::string& target) {
  YAML::Node shown = parse(s.ok({"--now", at, "case", "show", id, "--format", "json"}));
  for (const auto& t : shown["timers"]) {
    if (t["target"].as<std::string>() == target) {
      return t;
    }
  }
  FAIL("case " << id << " has no " << target << " timer at " << at);
  return {};
}

// The case's history entries of `event`.
inline std::vector<YAML::Node> entries(Sandbox& s, const std::string& id, const std::string& event) {
  std::vector<YAML::Node> out;
  for (const auto& e : parse(s.read(case_path(id)))["history"]) {
    if (e["event"].as<std::string>() == event) {
      out.push_back(e);
    }
  }
  return out;
}

// Field `key` of every row of a JSON listing.
inline std::vector<std::string> column(const std::string& json, const std::string& key) {
  std::vector<std::string> out;
  for (const auto& row : parse(json)) {
    out.push_back(row[key].as<std::string>());
  }
  return out;
}

// "USER EVENT" for each notification, as NotificationWatch::take() orders them.
inline std::vector<std::string> told(NotificationWatch& watch) {
  std::vector<std::string> out;
  for (const auto& n : watch.take()) {
    out.push_back(n["user"].as<std::string>() + " " + n["event"].as<std::string>());
  }
  return out;
}

}  // namespace e2e::sla
