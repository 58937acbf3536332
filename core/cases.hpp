#pragma once

#include "case_state.hpp"
#include "routing.hpp"
#include "store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace crm {

struct CaseInput {
  std::string contact;     // ID or prefix; may be left out when `from_call` names the call
  std::string title;       // default: the first line of the call's summary
  std::string department;  // default: the handler's department, else routing rules
  std::string handler;     // default: none (the case waits in the department's queue)
  std::string priority;    // default: crm.yaml's cases.default_priority
  std::string requester;   // user or department that asked; default: the acting user
  std::vector<std::string> tags;
  std::string note;
  std::string from_call;  // the call that started it (may be staged in the same transaction)
};

struct OpenedCase {
  std::string id;
  std::string department;
  std::string handler;
  std::string route_reason;  // "--department", "handler's department", "routing rule 1 (...)"...
  std::vector<std::string> notified;
};

// Stages a new case, its `opened` and `routed` events and the notifications.
OpenedCase open_case(const Context& ctx, Transaction& tx, const CaseInput& input);

// The case and feedback records service levels and escalation watch at
// `now`: all but those closed for good by then (whose clocks all stopped).
std::vector<Record> load_work_items(const Store& store, Timestamp now);
// The same, one record at a time (cases, then feedback), none held after `visit`.
void for_each_work_item(const Store& store, Timestamp now, const RecordVisitor& visit);

// Whose office hears about progress: a case's requester, or whoever
// recorded the feedback.
std::string requester_of(const Record& item);

// Where new work goes (ID, handler and route_reason of the result): the
// `department` given, else the handler's department, else crm.yaml's
// routing rules for `subject`. Throws when nothing routes it.
OpenedCase route_new(const Store& store, const std::string& department, const std::string& handler,
                     const RoutingSubject& subject);

// Stages a new case or feedback (`kind`) holding `fields`: its `opened`
// entry `first`, a `routed` event to `routed.department` (and handler) for
// `routed.route_reason`, and a notice to the handler or the department's
// queue. Returns `routed` with the ID and who was told.
OpenedCase open_routed(const Context& ctx, Transaction& tx, const KindSpec& kind, Value fields, Value first,
                       OpenedCase routed);

// What one action on an existing case did.
struct CaseChange {
  Record record;                      // the case as staged
  std::vector<std::string> events;    // history events appended, in order
  std::vector<std::string> notified;  // users told
};

// Each action loads the case (ID or prefix) -- or the feedback, with
// kind = feedback_kind(): the same workflow -- refuses an illegal transition
// with a usage error, appends its event, refreshes the cached fields and
// stages the case and its notifications in `tx`.
CaseChange acknowledge_case(const Context& ctx, Transaction& tx, const std::string& id, const std::string& note,
                      const KindSpec& kind = case_kind());
// `to` is a user or a department ("user:NAME" / "department:NAME" when a name is both).
CaseChange forward_case(const Context& ctx, Transaction& tx, const std::string& id, const std::string& to,
                        const std::string& note, const KindSpec& kind = case_kind());
CaseChange update_case(const Context& ctx, Transaction& tx, const std::string& id, const std::string& note,
                      const KindSpec& kind = case_kind());
CaseChange wait_on_customer(const Context& ctx, Transaction& tx, const std::string& id, const std::string& note,
                      const KindSpec& kind = case_kind());
CaseChange resume_case(const Context& ctx, Transaction& tx, const std::string& id, const std::string& note,
                      const KindSpec& kind = case_kind());
CaseChange close_case(const Context& ctx, Transaction& tx, const std::string& id, const std::string& resolution,
                      const KindSpec& kind = case_kind());
CaseChange reopen_case(const Context& ctx, Transaction& tx, const std::string& id, const std::string& reason,
                       const std::string& from_call, const KindSpec& kind = case_kind());
// Links a call to the case. A case waiting on the customer resumes (they
// answered); a closed one reopens only when `reopen` is set.
CaseChange add_call_to_case(const Context& ctx, Transaction& tx, const std::string& id, const std::string& call,
                            bool reopen, const KindSpec& kind = case_kind());

// Field changes for `crm case set`; empty members are left alone.
struct CaseSettings {
  std::string title;
  std::string priority;
  std::string department;  // re-routes the case (a `routed` event); the handler stays
  std::vector<std::string> add_tags;
  std::vector<std::string> remove_tags;
};

// Applies `settings` (an `edited` event for title, priority and tags).
// Service-level clocks follow the new priority and department.
// For feedback, tags are its topics and there is no priority.
CaseChange set_case(const Context& ctx, Transaction& tx, const std::string& id, const CaseSettings& settings,
                    const KindSpec& kind = case_kind());

// What case and feedback listings both filter on.
struct WorkFilter {
  // "new", "acknowledged", "waiting", "closed", "open" (all but closed) or
  // "all"; empty means "open".
  std::vector<std::string> statuses;
  std::string department;
  std::string handler;  // a user, or "none" for unassigned work
  std::string contact;  // the item's contact (or feedback's influencer)
  std::optional<Timestamp> opened_since;

  // On the record's fields, or just its top-level scalar ones (a summary
  // for Store::load_where): only those are looked at.
  bool matches(const Value& fields) const;
  bool matches(const Record& item) const { return matches(item.data); }
};

struct CaseFilter : WorkFilter {
  std::string priority;
};

// True when `status` is among `statuses` ("open": all but closed; "all";
// none given: open).
bool status_wanted(const std::vector<std::string>& statuses, const std::string& status);

// Cases matching `filter`: most urgent first, then oldest first.
std::vector<Record> list_cases(const Store& store, const CaseFilter& filter);

}  // namespace crm
