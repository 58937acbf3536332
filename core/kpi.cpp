#include "kpi.hpp"

#include "error.hpp"
#include "suggest.hpp"

#include <date/tz.h>

#include <algorithm>
#include <cmath>
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
  std::vector<KpiResult> out;
  for (const auto& user : users) {
    KpiResult r;
    r.user = user;
    r.working_days = static_cast<long long>(days.size());
    std::vector<long long> per_day(days.size(), 0);
    std::set<std::string> cleaned;
    for (const auto& a : actions) {
      if (a.actor != user || !period.contains(a.at)) {
        continue;
      }
      if (a.name == "call-logged") {
        ++r.calls;
        auto day = std::find_if(days.begin(), days.end(),
                                [&](const auto& d) { return a.at >= d.first && a.at < d.second; });
        if (day != days.end()) {
          ++per_day[static_cast<std::size_t>(day - days.begin())];
        }
      } else if (a.name == "contact-edited") {
        cleaned.insert(a.about);
      }
    }
    r.contact_updates = static_cast<long long>(cleaned.size());
    r.calls_per_day = days.empty() ? 0 : static_cast<double>(r.calls) / static_cast<double>(days.size());
    if (targets.calls_per_day) {
      double target = *targets.calls_per_day;
      r.short_days = std::count_if(per_day.begin(), per_day.end(),
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
