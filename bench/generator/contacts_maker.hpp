#pragma once

#include "record_writer.hpp"
#include "world.hpp"

namespace bench {

// Writes `count` contacts, created by users in the CRM's first weeks: mostly
// the city's citizens and Nordwind's customers, a few partners, suppliers,
// prospects, journalists and influencers; some edited later.
void make_contacts(World& world, RecordWriter& out, Random& random, std::size_t count);

}  // namespace bench
