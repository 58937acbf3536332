#pragma once

#include "case_timers.hpp"
#include "cases.hpp"
#include "output.hpp"
#include "session.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

namespace crm::cli {

// "; notified a, b" for messages, or "" when nobody was told.
std::string told(const std::vector<std::string>& users);

// Runs one action on a case or feedback in a transaction and reports what it did.
void act(Session& session, const std::function<CaseChange(const Context&, Transaction&)>& action);

// ack, forward, update, wait, resume, close, reopen and add-call for records of `kind`.
void add_workflow_actions(CLI::App* parent, Session& session, const KindSpec& kind);

// The listing options cases and feedback share: --status, --department,
// --handler, --mine, --contact and --opened-since.
struct WorkFilterOptions {
  std::vector<std::string> statuses;
  std::string department, handler, contact, since;
  bool mine = false;
};
void add_work_filter_options(CLI::App* cmd, WorkFilterOptions& o, const std::string& plural);
// The options resolved: IDs checked, times read, --mine the acting user.
WorkFilter work_filter(Session& session, const WorkFilterOptions& o);

// The item's calls as a details section (and as a list for JSON/YAML).
Section calls_section(const Store& store, const Record& item, Value& listed);
// One service-level clock as a table row (`shown`: due local, left or late
// in words) and as a JSON/YAML object (`full`: UTC times, seconds).
struct TimerRows {
  Value shown;
  Value full;
};
TimerRows timer_rows(const CaseTimer& timer, const Config& config);
// The item's service-level clocks at the session's `now` (see case_timers.hpp).
Section timers_section(Session& session, const Record& item, Value& listed);

// `show` for a case or feedback: fields, calls, service levels, history.
void print_work_item(Session& session, const Record& item);

}  // namespace crm::cli
