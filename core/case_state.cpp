#include "case_state.hpp"

#include "error.hpp"
#include "record.hpp"

namespace crm {
namespace {

const char* const k_status_names[] = {"new", "acknowledged", "waiting", "closed"};

bool is_open(CaseStatus s) { return s != CaseStatus::Closed; }

// The cached fields and what the state says each should hold.
CachedFields cached_fields(const CaseState& s) {
  return {{"status", status_name(s.status)}, {"department", s.department}, {"handler", s.handler},
          {"opened", s.opened},              {"acknowledged", s.acknowledged}, {"closed", s.closed}};
}

}  // namespace

std::string status_name(CaseStatus status) { return k_status_names[static_cast<int>(status)]; }

std::optional<CaseStatus> parse_status(const std::string& name) {
  for (int i = 0; i < 4; ++i) {
    if (name == k_status_names[i]) {
      return static_cast<CaseStatus>(i);
    }
  }
  return std::nullopt;
}

std::string why_not_allowed(CaseStatus status, const std::string& event, const std::string& kind) {
  const std::string closed = "it is closed (reopen it first with 'crm " + kind + " reopen')";
  if (event == "opened") {
    return (kind == "case" ? "a case" : kind) + " is opened only once";
  }
  if (event == "acknowledged") {
    switch (status) {
      case CaseStatus::New:
        return "";
      case CaseStatus::Acknowledged:
        return "it is already acknowledged";
      case CaseStatus::Waiting:
        return "it is acknowledged and waiting on the customer (use 'crm " + kind + " resume')";
      case CaseStatus::Closed:
        return closed;
    }
  }
  if (event == "waiting") {
    switch (status) {
      case CaseStatus::New:
        return "it is not acknowledged yet (acknowledge it first with 'crm " + kind + " ack')";
      case CaseStatus::Acknowledged:
        return "";
      case CaseStatus::Waiting:
        return "it is already waiting on the customer";
      case CaseStatus::Closed:
        return closed;
    }
  }
  if (event == "resumed") {
    return status == CaseStatus::Waiting ? "" : is_open(status) ? "it is not waiting on the customer" : closed;
  }
  if (event == "reopened") {
    return status == CaseStatus::Closed ? "" : "it is not closed";
  }
  if (event == "call-added" || event == "edited") {
    return "";
  }
  // routed, forwarded, updated, closed, escalated: anything still open.
  return is_open(status) ? "" : (event == "closed" ? "it is already closed" : closed);
}

void require_allowed(CaseStatus status, const std::string& event, const std::string& case_id,
                     const std::string& kind) {
  std::string why = why_not_allowed(status, event, kind);
  if (!why.empty()) {
    throw usage_error("cannot record '" + event + "' for " + kind + " " + case_id + ": " + why);
  }
}

std::string apply_entry(CaseState& state, const Value& entry, bool first) {
  const std::string& event = entry.get("event");
  const std::string& at = entry.get("at");
  if (first) {
    if (event != "opened") {
      return "a case's history must start with 'opened'";
    }
    state = CaseState{};
    state.opened = at;
    return "";
  }
  std::string why = why_not_allowed(state.status, event);
  if (event == "routed" || event == "forwarded") {
    // An empty value is no value: the store drops it when it writes the
    // entry, so reading it as "cleared" would change the case on rewrite.
    if (!entry.get("department").empty()) {
      state.department = entry.get("department");
    }
    state.handler = entry.get("handler");
    if (state.handler.empty() && event == "forwarded" && is_open(state.status)) {
      // Back in a queue: someone there has to pick it up again.
      state.status = CaseStatus::New;
      state.acknowledged.clear();
    }
  } else if (event == "acknowledged") {
    state.status = CaseStatus::Acknowledged;
    state.acknowledged = at;
    if (!entry.get("handler").empty()) {
      state.handler = entry.get("handler");
    }
  } else if (event == "waiting") {
    state.status = CaseStatus::Waiting;
  } else if (event == "resumed") {
    state.status = CaseStatus::Acknowledged;
  } else if (event == "closed") {
    state.status = CaseStatus::Closed;
    state.closed = at;
  } else if (event == "reopened") {
    state.closed.clear();
    ++state.reopenings;
    if (entry.get("to") == "new") {
      state.status = CaseStatus::New;
      state.acknowledged.clear();
    } else {
      state.status = CaseStatus::Acknowledged;
    }
  }
  return why;
}

CaseState replay_case(const Value& history, const std::string& shown_path, std::vector<Problem>* problems) {
  CaseState state;
  bool first = true;
  for (const auto& entry : history.items()) {
    if (!entry.is_map()) {
      continue;
    }
    CaseStatus before = state.status;
    std::string why = apply_entry(state, entry, first);
    if (!why.empty() && problems) {
      problems->push_back({shown_path, entry.line(),
                           "history: '" + entry.get("event") + "' is not allowed " +
                               (first ? "first" : "when the case is " + status_name(before)) + ": " + why});
    }
    first = false;
  }
  return state;
}

std::vector<std::string> case_cached_field_names() {
  std::vector<std::string> out;
  for (const auto& field : cached_fields(CaseState{})) {
    out.push_back(field.first);
  }
  return out;
}

void store_state(Value& data, const CaseState& state) {
  for (const auto& [key, value] : cached_fields(state)) {
    if (value.empty()) {
      data.erase(key);
    } else {
      data.set(key, value);
    }
  }
}

std::vector<Problem> case_consistency_problems(const Value& data, const std::string& shown_path) {
  std::vector<Problem> out;
  const Value* history = data.find("history");
  if (!history || !history->is_list() || history->items().empty()) {
    out.push_back({shown_path, data.line(), "a case needs a history that starts with 'opened'"});
    return out;
  }
  CaseState state = replay_case(*history, shown_path, &out);
  cached_field_problems(data, cached_fields(state), shown_path, out);
  return out;
}

}  // namespace crm
