#pragma once

#include "record_writer.hpp"
#include "world.hpp"

namespace bench {

// Writes `count` feedback items (posts, reviews, survey comments), routed by
// crm.yaml's feedback rules and run through the case workflow: most closed,
// a few opened in the last hour and not yet late.
void make_feedback(World& world, RecordWriter& out, Random& random, std::size_t count);

}  // namespace bench
