#pragma once

#include "case_timers.hpp"
#include "contacts.hpp"

#include <string>
#include <vector>

namespace crm {

// What a contact has brought in, in one currency: the sum of its won deals.
struct LifetimeValue {
  std::string currency;
  long long deals = 0;
  long long cents = 0;
};

// Won deals summed per currency (alphabetical); other deals are ignored.
std::vector<LifetimeValue> lifetime_values(const std::vector<Record>& deals);

// A running service-level clock of one of the contact's open cases or feedback.
struct OpenTimer {
  Record item;
  CaseTimer timer;
};

// The 360-degree view of one contact at `now`.
struct ContactView {
  std::vector<TimelineItem> timeline;  // calls, case, feedback and deal events, newest first
  std::vector<Record> cases;           // every status: most urgent first, then oldest
  std::vector<Record> feedback;        // every status (as contact or influencer), newest first
  std::vector<Record> deals;           // newest first
  // Missions whose title or description mentions the contact's ID
  // (missions have no contact field), newest first.
  std::vector<Record> missions;
  std::vector<LifetimeValue> lifetime_value;
  std::vector<OpenTimer> timers;  // running clocks, soonest due first
};

ContactView contact_view(const Store& store, const std::string& contact_id, Timestamp now);

}  // namespace crm
