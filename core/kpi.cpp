#include "kpi.hpp"

#include "error.hpp"
#include "suggest.hpp"

#include <date/tz.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <set>

namespace crm {
namespace {

// Local midnight `days` days before the day of `t` (0: that day's own).
Timestamp midnight_before(Timestamp t, TimeZone zone, int days) {
  auto day = date::floor<date::days>(zone->to_local(t)) - date::days(days);
  return std::chrono::time_point_cast<std::chrono::seconds>(
      zone->to_sys(date::local_seconds(day), date::choose::earliest));
}

}  // namespace

BusinessCalendar kpi_calendar(const Config& config, const std::string& name) {
  const std::string& chosen = name.empty() ? config.recognition.calendar : name;
  if (chosen.empty()) {
    return weekdays_calendar(config.zone);
  }
  if (chosen != "24x7" && !config.calendars.count(chosen)) {
    std::vector<std::string> names;
    for (const auto& [n, c] : config.calendars) {
      names.push_back(n);
    }
    throw usage_error("--calendar: no calendar '" + chosen + "' in crm.yaml" + did_you_mean(chosen, names));
  }
  return config.calendar(chosen);
}

Period kpi_period(const std::string& name, Timestamp now, TimeZone zone, const std::vector<Action>& actions) {
  Timestamp today = midnight_before(now, zone, 0);
  auto days_before = [&](int n) { return midnight_before(now, zone, n); };
  if (name == "week") {
    return {name, days_before(7), today};
  }
  if (name == "month") {
    return {name, days_before(30), today};
  }
  if (name == "all") {
    Timestamp first = actions.empty() ? today : actions.front().at;
    return {name, midnight_before(first, zone, 0), today};
  }
  throw usage_error("--period: '" + name + "' is not week, month or all");
}

std::vector<KpiResult> kpi_report(const std::vector<Action>& actions, const std::vector<std::string>& users,
                                  const BusinessCalendar& calendar, const Period& period, const KpiTargets& targets) {
  auto days = calendar.working_days(period.since, period.until);
  // One pass over the actions, tallied per actor.
  struct Tally {
    long long calls = 0;
    std::vector<long long> per_day;
    std::set<Symbol> cleaned;
  };
  std::map<Symbol, Tally> tallies;
  for (const auto& a : actions) {
    if (!period.contains(a.at) || (a.name != "call-logged" && a.name != "contact-edited")) {
      continue;
    }
    Tally& t = tallies[a.actor];
    if (a.name == "contact-edited") {
      t.cleaned.insert(a.about);
      continue;
    }
    ++t.calls;
    t.per_day.resize(days.size(), 0);
    // Days are in order: the last one starting at or before the call.
    auto day = std::upper_bound(days.begin(), days.end(), a.at,
                                [](Timestamp at, const auto& d) { return at < d.first; });
    if (day != days.begin() && a.at < std::prev(day)->second) {
      ++t.per_day[static_cast<std::size_t>(std::prev(day) - days.begin())];
    }
  }
  std::vector<KpiResult> out;
  for (const auto& user : users) {
    Tally& t = tallies[user];
    t.per_day.resize(days.size(), 0);
    KpiResult r;
    r.user = user;
    r.working_days = static_cast<long long>(days.size());
    r.calls = t.calls;
    r.calls_by_day = t.per_day;
    r.contact_updates = static_cast<long long>(t.cleaned.size());
    r.calls_per_day = days.empty() ? 0 : static_cast<double>(r.calls) / static_cast<double>(days.size());
    if (targets.calls_per_day) {
      double target = *targets.calls_per_day;
      r.short_days = std::count_if(t.per_day.begin(), t.per_day.end(),
                                   [&](long long n) { return static_cast<double>(n) < target; });
      // Compared as calls against target x days, so 2.0 per day over 5 days needs exactly 10.
      if (static_cast<double>(r.calls) + 1e-9 < target * static_cast<double>(days.size())) {
        r.missed.push_back("calls-per-day");
      }
    }
    if (targets.contact_updates && r.contact_updates < *targets.contact_updates) {
      r.missed.push_back("contact-updates");
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace crm
