#include "work_item.hpp"

#include "case_timers.hpp"
#include "clock.hpp"

#include <algorithm>

namespace bench {

void play(Timeline& t, Random& random, Fate fate) {
  switch (fate) {
    case Fate::Closed: {
      // At most about four weeks from opening to the last step.
      t.acknowledge(5 * k_minute, 5 * k_hour);
      if (random.chance(0.12)) {
        t.forward(30 * k_minute, k_day);
      }
      for (long long n = random.weighted({35, 35, 20, 10}); n > 0; --n) {
        t.update(2 * k_hour, 3 * k_day);
      }
      if (random.chance(0.3)) {
        t.add_call(k_hour, 2 * k_day);
      }
      if (random.chance(0.12) && t.wait(k_hour, k_day)) {
        t.resume(k_day, 6 * k_day);
      }
      t.close(30 * k_minute, 2 * k_day);
      if (random.chance(0.03) && t.reopen(k_day, 5 * k_day)) {
        t.close(k_hour, 2 * k_day);
      }
      break;
    }
    case Fate::OnTime: {
      if (random.chance(0.15) || !t.acknowledge(5 * k_minute, 3 * k_hour)) {
        break;  // still in the queue
      }
      for (long long n = random.weighted({40, 40, 20}); n > 0; --n) {
        if (!t.update(k_hour, k_day)) {
          break;
        }
      }
      if (random.chance(0.25)) {
        t.wait(10 * k_minute, 4 * k_hour);
      }
      break;
    }
    case Fate::Overdue: {
      // Picked up (or not), maybe worked on once or twice, then dropped.
      if (random.chance(0.8) && t.acknowledge(5 * k_minute, 5 * k_hour)) {
        for (long long n = random.weighted({50, 35, 15}); n > 0; --n) {
          t.update(2 * k_hour, 2 * k_day);
        }
        if (random.chance(0.2)) {
          t.add_call(k_hour, 2 * k_day);
        }
      }
      break;
    }
  }
}

bool is_overdue(const crm::Value& data, const World& world, const std::string& kind) {
  auto timers = crm::case_timers(data, *world.config, world.now, kind);
  return std::any_of(timers.begin(), timers.end(), [](const crm::CaseTimer& t) { return t.breached(); });
}

crm::Timestamp opening_time(Random& random, const World& world, Fate fate) {
  switch (fate) {
    case Fate::Closed:
      return working_moment(random, after(world.now, -365 * k_day), after(world.now, -35 * k_day));
    case Fate::OnTime:
      return working_moment(random, after(world.now, -3 * k_day), after(world.now, -15 * k_minute));
    case Fate::Overdue:
      break;
  }
  return working_moment(random, after(world.now, -45 * k_day), after(world.now, -2 * k_day));
}

crm::Timestamp story_limit(const World& world, Fate fate) {
  return after(world.now, fate == Fate::Closed ? -k_hour : -k_minute);
}

}  // namespace bench
