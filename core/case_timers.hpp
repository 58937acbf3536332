#pragma once

#include "config.hpp"

#include <optional>
#include <string>
#include <vector>

namespace crm {

// One service-level clock of a case, as its history and crm.yaml's policy
// make it at `now`. Nothing here is stored: it is recomputed every time, so
// it follows changes of priority, department and policy.
struct CaseTimer {
  std::string target;    // "acknowledge", "update" or "resolve"
  std::string calendar;  // the calendar it counts in ("24x7" when none)
  Timestamp started{};   // when this clock last (re)started
  std::optional<Timestamp> due;      // none while paused
  std::optional<Timestamp> stopped;  // when it was met (acknowledged, closed); none while running
  bool paused = false;               // waiting on the customer
  long long allowed_seconds = 0;     // business seconds the target allows
  long long used_seconds = 0;        // business seconds counted so far
  long long paused_seconds = 0;      // wall seconds spent waiting on the customer
  long long late_seconds = 0;        // business seconds past due (at `now`, or when stopped)
  long long late_wall_seconds = 0;   // the same in wall time
  std::optional<int> warn_percent;

  bool running() const { return !stopped && !paused; }
  // Past due and still running: a dropped ball. Past the due time counts,
  // even before any more business time passes (due Friday 17:00 is overdue
  // at Monday 08:00).
  bool breached() const { return running() && late_wall_seconds > 0; }
};

// The clocks of the case `data` (a case record) at `now`, in the order
// acknowledge, update, resolve; only those whose target crm.yaml sets.
// A clock that does not apply any more (acknowledge after acknowledgement)
// is reported stopped. History after `now` is ignored, so an earlier `now`
// shows the case as it was then.
// `kind` is the record's kind ("case", "feedback"), for its sla layer.
std::vector<CaseTimer> case_timers(const Value& data, const Config& config, Timestamp now,
                                   const std::string& kind = "case");

// When the case `data` was closed for good: the time of its history's last
// `closed` entry when no `reopened` follows it, else "" (open, or never
// closed). At any `now` from then on, case_timers has no running clock.
std::string final_close_time(const Value& data);

}  // namespace crm
