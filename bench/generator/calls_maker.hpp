#pragma once

#include "record_writer.hpp"
#include "world.hpp"

namespace bench {

// Writes `count` calls with no case behind them: questions answered on the
// spot and follow-ups, with any contact, at working hours over the past year.
void make_calls(World& world, RecordWriter& out, Random& random, std::size_t count);

}  // namespace bench
