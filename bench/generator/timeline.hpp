#pragma once

#include "record_writer.hpp"
#include "world.hpp"

#include <string>
#include <vector>

namespace bench {

// The history of one case or feedback item, told step by step as crm's
// commands would record it (same events, same fields), together with the
// calls it links. Steps that would fall after `limit` are not taken, so a
// story cut short by the present leaves the item open where it stands.
class Timeline {
 public:
  Timeline(World& world, RecordWriter& out, Random& random, crm::Timestamp opened, crm::Timestamp limit);

  // Each step first waits between `lo` and `hi` seconds; false (and nothing
  // recorded) when that would pass the limit.
  void open(const std::string& by, const std::string& contact, bool from_call);
  void route(const std::string& by, const std::string& department, const std::string& handler,
             const std::string& reason);
  bool acknowledge(long long lo, long long hi);
  bool forward(long long lo, long long hi);
  bool update(long long lo, long long hi);
  bool add_call(long long lo, long long hi);
  bool wait(long long lo, long long hi);
  bool resume(long long lo, long long hi);
  bool close(long long lo, long long hi);
  bool reopen(long long lo, long long hi);

  const crm::Value& history() const { return m_history; }
  const std::vector<crm::Value>& calls() const { return m_calls; }
  crm::Value call_ids() const;

 private:
  bool advance(long long lo, long long hi);
  crm::Value entry(const std::string& by, const std::string& event) const;
  // A call logged at the current time by `by`, linked to this item.
  std::string log_call(const std::string& by, const std::string& direction);

  World& m_world;
  RecordWriter& m_out;
  Random& m_random;
  crm::Timestamp m_at;
  crm::Timestamp m_limit;
  crm::Value m_history = crm::Value::list();
  std::vector<crm::Value> m_calls;
  std::string m_contact;
  std::string m_requester;
  std::string m_department;
  std::string m_handler;
  bool m_acknowledged = false;
};

}  // namespace bench
