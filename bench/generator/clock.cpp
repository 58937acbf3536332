#include "clock.hpp"

namespace bench {

crm::Timestamp working_moment(Random& random, crm::Timestamp from, crm::Timestamp to) {
  long long lo = from.time_since_epoch().count();
  long long hi = to.time_since_epoch().count();
  long long t = random.between(lo, hi);
  long long day = t / k_day;
  long long weekday = (day + 4) % 7;  // 1970-01-01 was a Thursday; 0 = Sunday
  if (weekday == 0) {
    day -= 2;
  } else if (weekday == 6) {
    day -= 1;
  }
  // 14:00-23:00 UTC is 08:00-17:00 in Chicago (CST, UTC-6).
  long long moved = day * k_day + 14 * k_hour + random.between(0, 9 * k_hour - 1);
  return crm::Timestamp(std::chrono::seconds(moved >= lo && moved <= hi ? moved : t));
}

}  // namespace bench
