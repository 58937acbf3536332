#pragma once

#include "record_writer.hpp"
#include "world.hpp"

namespace bench {

// What the cases came to: how many are open, how many of those were made
// overdue at `now`, and how many calls they link.
struct CaseTally {
  std::size_t open = 0;
  std::size_t overdue = 0;
  std::size_t calls = 0;
};

// Writes `count` cases opened from calls over the past year, routed by
// crm.yaml's rules and handled to their end, with the calls they link.
// About 12% are still open at `now`, and a third of those are past a
// service-level target (checked with crm's own clocks, core/case_timers).
CaseTally make_cases(World& world, RecordWriter& out, Random& random, std::size_t count);

}  // namespace bench
