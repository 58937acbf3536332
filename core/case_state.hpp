#pragma once

#include "problem.hpp"
#include "value.hpp"

#include <optional>
#include <string>
#include <vector>

namespace crm {

// Where a case (or feedback: the same workflow) stands. new -> acknowledged -> (waiting <-> acknowledged) -> closed;
// closed -> reopened -> acknowledged or new.
enum class CaseStatus { New, Acknowledged, Waiting, Closed };

std::string status_name(CaseStatus status);
std::optional<CaseStatus> parse_status(const std::string& name);

// What a case's history says about it now: the fields a case file caches.
struct CaseState {
  CaseStatus status = CaseStatus::New;
  std::string department;
  std::string handler;       // "" while the case sits in its department's queue
  std::string opened;        // stored UTC times; "" when not (or no longer) so
  std::string acknowledged;  // set while acknowledged in the current round
  std::string closed;        // set while closed
  int reopenings = 0;
};

// Throws a usage error (naming `case_id` and what to do instead) unless
// `event` may happen to a case in `status`.
// `kind` ("case", "feedback") names the record kind in messages.
void require_allowed(CaseStatus status, const std::string& event, const std::string& case_id,
                     const std::string& kind = "case");

// Why `event` may not happen to a case in `status`, or "" when it may.
std::string why_not_allowed(CaseStatus status, const std::string& event, const std::string& kind = "case");

// Applies one history entry to `state`. Returns why the entry is not a legal
// step from `state` ("" when it is); the entry is applied either way.
std::string apply_entry(CaseState& state, const Value& entry, bool first);

// Replays a whole history. Illegal steps are added to `problems` (with the
// entry's line) when given.
CaseState replay_case(const Value& history, const std::string& shown_path = "",
                      std::vector<Problem>* problems = nullptr);

// The names of the fields a case caches from its history.
std::vector<std::string> case_cached_field_names();

// Writes `state` into the case's cached fields.
void store_state(Value& data, const CaseState& state);

// Every way the case file `data` disagrees with its own history.
std::vector<Problem> case_consistency_problems(const Value& data, const std::string& shown_path);

}  // namespace crm
