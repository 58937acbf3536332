#include "timeline.hpp"

#include "clock.hpp"
#include "schema.hpp"
#include "texts.hpp"

namespace bench {

Timeline::Timeline(World& world, RecordWriter& out, Random& random, crm::Timestamp opened, crm::Timestamp limit)
    : m_world(world), m_out(out), m_random(random), m_at(opened), m_limit(limit) {}

bool Timeline::advance(long long lo, long long hi) {
  crm::Timestamp next = after(m_at, m_random.between(lo, hi));
  if (next > m_limit) {
    return false;
  }
  m_at = next;
  return true;
}

crm::Value Timeline::entry(const std::string& by, const std::string& event) const {
  return history_entry(m_at, by, event);
}

std::string Timeline::log_call(const std::string& by, const std::string& direction) {
  crm::Value call = crm::Value::map();
  std::string id = m_out.new_id(crm::call_kind());
  call.set("id", id);
  call.set("contact", m_contact);
  // The call happened a little before it was logged (and the case opened).
  call.set("at", crm::format_utc(after(m_at, -m_random.between(2, 20) * k_minute)));
  call.set("direction", direction);
  call.set("channel", m_random.pick(std::vector<std::string>{"phone", "phone", "phone", "email", "email", "chat"}));
  call.set("duration", std::to_string(m_random.between(2, 40)) + "m");
  call.set("by", by);
  call.set("summary", call_summary(m_random, ""));
  crm::Value history = crm::Value::list();
  history.push_back(entry(by, "logged"));
  call.set("history", history);
  m_calls.push_back(std::move(call));
  return id;
}

crm::Value Timeline::call_ids() const {
  crm::Value ids = crm::Value::list();
  for (const auto& call : m_calls) {
    ids.push_back(call.get("id"));
  }
  return ids;
}

void Timeline::open(const std::string& by, const std::string& contact, bool from_call) {
  m_requester = by;
  m_contact = contact;
  crm::Value e = entry(by, "opened");
  if (from_call) {
    e.set("call", log_call(by, "in"));
  }
  m_history.push_back(e);
}

void Timeline::route(const std::string& by, const std::string& department, const std::string& handler,
                     const std::string& reason) {
  m_department = department;
  m_handler = handler;
  crm::Value e = entry(by, "routed");
  e.set("department", department);
  e.set("handler", handler);
  e.set("reason", reason);
  m_history.push_back(e);
}

bool Timeline::acknowledge(long long lo, long long hi) {
  if (!advance(lo, hi)) {
    return false;
  }
  bool taking = m_handler.empty();
  if (taking) {
    m_handler = m_random.pick(m_world.department(m_department).staff);
  }
  crm::Value e = entry(m_handler, "acknowledged");
  if (taking) {
    e.set("handler", m_handler);  // acknowledging a queued item takes it
  }
  m_history.push_back(e);
  m_acknowledged = true;
  return true;
}

bool Timeline::forward(long long lo, long long hi) {
  const auto& staff = m_world.department(m_department).staff;
  if (staff.size() < 2 || m_handler.empty() || !advance(lo, hi)) {
    return false;
  }
  std::string to = m_handler;
  while (to == m_handler) {
    to = m_random.pick(staff);
  }
  crm::Value e = entry(m_handler, "forwarded");
  e.set("from", m_handler);
  e.set("to", to);
  e.set("department", m_department);
  e.set("handler", to);
  e.set("note", forward_note(m_random));
  m_history.push_back(e);
  m_handler = to;
  return true;
}

bool Timeline::update(long long lo, long long hi) {
  if (!advance(lo, hi)) {
    return false;
  }
  crm::Value e = entry(m_handler, "updated");
  e.set("note", update_note(m_random));
  m_history.push_back(e);
  return true;
}

bool Timeline::add_call(long long lo, long long hi) {
  if (m_contact.empty() || !advance(lo, hi)) {
    return false;
  }
  crm::Value e = entry(m_handler, "call-added");
  e.set("call", log_call(m_handler, m_random.chance(0.7) ? "in" : "out"));
  m_history.push_back(e);
  return true;
}

bool Timeline::wait(long long lo, long long hi) {
  if (!advance(lo, hi)) {
    return false;
  }
  crm::Value e = entry(m_handler, "waiting");
  e.set("note", waiting_note(m_random));
  m_history.push_back(e);
  return true;
}

bool Timeline::resume(long long lo, long long hi) {
  if (!advance(lo, hi)) {
    return false;
  }
  if (!m_contact.empty() && m_random.chance(0.5)) {
    // The customer called back: crm links the call and resumes in one go.
    crm::Value added = entry(m_handler, "call-added");
    std::string call = log_call(m_handler, "in");
    added.set("call", call);
    m_history.push_back(added);
    crm::Value e = entry(m_handler, "resumed");
    e.set("call", call);
    e.set("note", "the customer called (" + call + ")");
    m_history.push_back(e);
  } else {
    crm::Value e = entry(m_handler, "resumed");
    e.set("note", "The customer answered.");
    m_history.push_back(e);
  }
  return true;
}

bool Timeline::close(long long lo, long long hi) {
  if (!advance(lo, hi)) {
    return false;
  }
  crm::Value e = entry(m_handler, "closed");
  e.set("resolution", resolution(m_random));
  m_history.push_back(e);
  return true;
}

bool Timeline::reopen(long long lo, long long hi) {
  if (!advance(lo, hi)) {
    return false;
  }
  crm::Value e = entry(m_requester, "reopened");
  e.set("reason", "The problem is back.");
  e.set("to", !m_handler.empty() && m_acknowledged ? "acknowledged" : "new");
  m_history.push_back(e);
  return true;
}

}  // namespace bench
