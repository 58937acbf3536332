#pragma once

#include "store.hpp"

#include <string>
#include <vector>

namespace crm {

// What running one hook did.
struct HookRun {
  std::string hook;    // as shown: "crm/hooks/on-case-forwarded"
  std::string event;   // "case-forwarded"
  bool ok = true;      // false: it could not run, failed or timed out
  std::string problem; // why not ok: "exited with status 3", "is not executable"...
  std::string output;  // what it printed (stdout then stderr)
};

// The JSON a hook reads on stdin for `event` (see crm-hooks in README/crm(1)):
// {"event", "kind", "id", "at", "by", "entry", "record", "notified", "crm_dir"}.
// `all` supplies the notifications the same commit created for it.
std::string hook_payload(const Store& store, const Event& event, const std::vector<Event>& all);

// Runs hooks/on-<event> in the CRM directory for each event that has one,
// in order, with the payload on stdin and the CRM directory as the working
// directory. A hook running longer than `timeout_ms` is killed. Never throws
// because of a hook: failures are reported in the result.
std::vector<HookRun> run_hooks(const Store& store, const std::vector<Event>& events, int timeout_ms);

}  // namespace crm
