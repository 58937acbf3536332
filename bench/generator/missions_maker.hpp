#pragma once

#include "record_writer.hpp"
#include "world.hpp"

namespace bench {

// Writes `count` missions set by managers for their departments or for
// everyone: taken, completed, sometimes rejected once, approved or
// cancelled, some still open, with comments.
void make_missions(World& world, RecordWriter& out, Random& random, std::size_t count);

}  // namespace bench
