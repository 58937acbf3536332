#pragma once

#include "record_writer.hpp"
#include "world.hpp"

namespace bench {

// Writes the eight departments of crm.yaml and `count` users spread over
// them: each department gets a manager first (Nordwind's report to the
// executive's, the city's to the mayor's office, whose head is the director
// the escalation chains name), then staff, most of them in the busy queues.
void make_people(World& world, RecordWriter& out, Random& random, std::size_t count);

}  // namespace bench
