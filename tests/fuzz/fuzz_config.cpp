// The config loader: any crm.yaml text -> load_config and `crm check`'s
// config_problems, then the loaded calendars and service-level targets are
// used the way the SLA clocks use them. Only crm::Error may escape loading;
// using a configuration that loaded must not throw, crash or hang.

#include "config.hpp"
#include "error.hpp"
#include "fuzz_input.hpp"

#include <chrono>

namespace {

// Counts every service-level target and calendar the way the SLA clocks do.
void use_calendars(const crm::Config& config) {
  // Monday 2026-11-23 09:30 UTC, the examples' present.
  const crm::Timestamp from{std::chrono::seconds(1795426200)};
  const crm::Timestamp week_later = from + std::chrono::hours(24 * 7);
  for (const char* priority : {"low", "normal", "urgent"}) {
    crm::SlaTargets targets = config.sla.targets_for(priority, "", "case");
    crm::BusinessCalendar calendar = config.calendar(targets.calendar);
    for (const auto& span : {targets.acknowledge, targets.update, targets.resolve}) {
      if (span) {
        crm::Timestamp due = calendar.add(from, *span);
        (void)calendar.business_seconds(from, due);
      }
    }
  }
  for (const auto& [name, calendar] : config.calendars) {
    (void)calendar.business_seconds(from, week_later);
    (void)calendar.add_seconds(from, 3600);
    (void)calendar.add_days(from, 2);
    (void)calendar.working_days(from, week_later);
  }
  (void)config.escalation.rule_for("");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  crm::Config config;
  try {
    config = crm::load_config(fuzz_text(data, size), "crm.yaml");
  } catch (const crm::Error&) {
    return 0;
  }
  for (const auto& p : crm::config_problems(config, "crm.yaml")) {
    (void)p.text();
  }
  try {
    use_calendars(config);
  } catch (const crm::Error&) {
    // A target beyond a calendar's search horizon (about ten years).
  }
  return 0;
}
