#pragma once

#include "case_timers.hpp"
#include "store.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace crm {

// One overdue clock of an open case, for reports and escalation.
struct OverdueItem {
  Record record;   // the case, reduced to its top-level scalar fields (record_summary)
  CaseTimer timer;
  int level = 0;   // escalation level already recorded for this round of the clock
};

// Open cases whose clocks are past due at `now`, most late first.
std::vector<OverdueItem> overdue_cases(const Store& store, Timestamp now);

// Open cases whose running clocks fall due within `within` (counted in
// each clock's calendar) after `now`, soonest first.
std::vector<OverdueItem> cases_due_soon(const Store& store, Timestamp now, const Duration& within);

// What `crm escalate` did to one case.
struct EscalationAction {
  std::string case_id;
  std::string event;   // "escalated" or "due-soon"
  std::string target;  // "acknowledge", "update", "resolve"
  int level = 0;
  std::vector<std::string> notified;
  std::string message;
};

// Records an `escalated` event for every breached clock whose escalation
// level has risen since it was last recorded, and a `due-soon` event for
// every clock past its warn_at share that has not been warned about;
// notifies the people concerned. Idempotent: at the same `now` a second
// run finds nothing to do.
std::vector<EscalationAction> escalate(const Context& ctx, Transaction& tx);

}  // namespace crm
