#pragma once

#include "timeline.hpp"

namespace bench {

// Where a generated case or feedback item stands at `now`.
enum class Fate { Closed, OnTime, Overdue };

// Plays a work item's story for `fate` from `opened` (already opened and
// routed in `timeline`).
void play(Timeline& timeline, Random& random, Fate fate);

// True when some service-level clock of the item `data` (of `kind`,
// "case" or "feedback") is past due at `now`: what `crm report overdue` lists.
bool is_overdue(const crm::Value& data, const World& world, const std::string& kind);

// When an item with `fate` is opened: long ago for closed ones, in the last
// days for open ones on time, weeks ago for overdue ones.
crm::Timestamp opening_time(Random& random, const World& world, Fate fate);

// The latest moment its story may reach.
crm::Timestamp story_limit(const World& world, Fate fate);

}  // namespace bench
