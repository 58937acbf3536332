#pragma once

#include "config_reader.hpp"
#include "problem.hpp"
#include "value.hpp"

#include <map>
#include <string>
#include <vector>

namespace crm {

// crm.yaml's `deals` section:
//   deals:
//     currency: EUR                       # of deals added without --currency
//     stages: [lead, qualified, proposal, negotiation, won, lost]
//     probability: {lead: 10, qualified: 25, proposal: 50, negotiation: 75}
// `won` and `lost` are the closing stages and must be listed; their
// probabilities are always 100 and 0.
struct DealPolicy {
  std::string currency = "EUR";
  std::vector<std::string> stages = {"lead", "qualified", "proposal", "negotiation", "won", "lost"};
  std::map<std::string, long long> probability = {{"lead", 10},        {"qualified", 25}, {"proposal", 50},
                                                  {"negotiation", 75}, {"won", 100},     {"lost", 0}};

  // The default probability of `stage` (0 for a stage without one).
  long long probability_of(const std::string& stage) const;
  // True for "won" and "lost".
  static bool closing(const std::string& stage) { return stage == "won" || stage == "lost"; }
};

// Reads the `deals` section; throws "ORIGIN:LINE: ..." for a bad value.
DealPolicy parse_deals(const Value& section, const ConfigReader& reader);

// Unknown keys of the `deals` section, for `crm check`.
void deal_config_problems(const Value& section, const ConfigReader& reader, std::vector<Problem>& out);

}  // namespace crm
