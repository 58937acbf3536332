#include "missions.hpp"
#include "yaml_io.hpp"

#include <doctest/doctest.h>

using namespace crm;

namespace {

Value mission(const std::string& fields, const std::string& events) {
  return parse_yaml("id: M-000000000000\ntitle: Survey\nreward: cake\ncreator: vera\n" + fields +
                        "history:\n  - {at: 2026-11-23T09:00:00Z, by: vera, event: created}\n" + events,
                    "m.yaml");
}

std::vector<std::string> messages(const Value& data) {
  std::vector<std::string> out;
  for (const auto& p : mission_consistency_problems(data, "m.yaml")) {
    out.push_back(p.text());
  }
  return out;
}

const char* const k_accepted = "  - {at: 2026-11-23T10:00:00Z, by: sam, event: accepted, taker: sam}\n";
const char* const k_completed = "  - {at: 2026-11-23T11:00:00Z, by: sam, event: completed}\n";

}  // namespace

TEST_CASE("a mission's status and taker are replayed from its history") {
  CHECK(messages(mission("status: available\n", "")).empty());
  CHECK(messages(mission("taker: sam\nstatus: taken\n", k_accepted)).empty());
  CHECK(messages(mission("taker: sam\nstatus: completed\n", std::string(k_accepted) + k_completed)).empty());
  // A rejection hands the mission back to its taker.
  CHECK(messages(mission("taker: sam\nstatus: taken\n",
                         std::string(k_accepted) + k_completed +
                             "  - {at: 2026-11-23T12:00:00Z, by: vera, event: rejected, reason: more}\n"))
            .empty());
  // Releasing makes it available again, with nobody holding it.
  CHECK(messages(mission("status: available\n",
                         std::string(k_accepted) + "  - {at: 2026-11-23T12:00:00Z, by: sam, event: released}\n"))
            .empty());
}

TEST_CASE("a mission file that disagrees with its history is reported with its line") {
  CHECK(messages(mission("status: approved\n", "")) ==
        std::vector<std::string>{"m.yaml:5: 'status' is 'approved' but the history says 'available'"});
  CHECK(messages(mission("status: taken\n", k_accepted)) ==
        std::vector<std::string>{"m.yaml:1: 'taker' is missing but the history says 'sam'"});
  // Approving what was never completed is an illegal step.
  auto problems = messages(mission("taker: sam\nstatus: approved\n",
                                   std::string(k_accepted) +
                                       "  - {at: 2026-11-23T12:00:00Z, by: vera, event: approved}\n"));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0] == "m.yaml:10: history: 'approved' is not allowed when the mission is taken: it is taken, not completed");
  // Cancelling is for missions not yet completed.
  CHECK(messages(mission("taker: sam\nstatus: cancelled\n",
                         std::string(k_accepted) + k_completed +
                             "  - {at: 2026-11-23T12:00:00Z, by: vera, event: cancelled}\n"))
            .size() == 1);
  CHECK(messages(parse_yaml("id: M-000000000000\nstatus: available\n", "m.yaml")) ==
        std::vector<std::string>{"m.yaml:1: a mission needs a history that starts with 'created'"});
}
