#include "activity_report.hpp"

#include <date/tz.h>

#include <map>

namespace crm {
namespace {

const char* const k_none = "(none)";

void add_to(ActivityRow& row, const KpiResult& r, long long other_work) {
  ++row.users;
  row.working_days = r.working_days;
  row.calls += r.calls;
  row.other_work += other_work;
  row.calls_by_day.resize(r.calls_by_day.size(), 0);
  for (std::size_t i = 0; i < r.calls_by_day.size(); ++i) {
    row.calls_by_day[i] += r.calls_by_day[i];
  }
  row.short_days += r.short_days;
  row.contact_updates += r.contact_updates;
  row.meeting += r.meets() ? 1 : 0;
}

void finish(ActivityRow& row) {
  long long user_days = row.users * row.working_days;
  row.calls_per_day = user_days == 0 ? 0 : static_cast<double>(row.calls) / static_cast<double>(user_days);
  if (row.other_work > 0) {
    row.calls_to_other = static_cast<double>(row.calls) / static_cast<double>(row.other_work);
  }
}

}  // namespace

ActivityReport activity_report(const std::vector<Action>& actions, const std::vector<ActivityUser>& users,
                               bool by_department, const BusinessCalendar& calendar, const Period& period,
                               const KpiTargets& targets) {
  std::vector<std::string> ids;
  for (const auto& u : users) {
    ids.push_back(u.id);
  }
  std::map<std::string, long long> other;  // actor -> actions other than calls
  for (const auto& a : actions) {
    // "case-closed-within-sla" is a bonus on a closing already counted, not more work.
    if (period.contains(a.at) && a.name != "call-logged" && a.name != "case-closed-within-sla") {
      ++other[std::string(a.actor)];
    }
  }
  ActivityReport report;
  TimeZone zone = calendar.zone ? calendar.zone : default_zone();
  for (const auto& [start, end] : calendar.working_days(period.since, period.until)) {
    report.days.push_back(date::format("%F", date::floor<date::days>(zone->to_local(start))));
  }
  report.overall.group = "(all)";
  report.overall.working_days = static_cast<long long>(report.days.size());
  std::map<std::string, ActivityRow> departments;
  std::vector<KpiResult> results = kpi_report(actions, ids, calendar, period, targets);
  for (std::size_t i = 0; i < results.size(); ++i) {
    const KpiResult& r = results[i];
    long long other_work = other[r.user];
    add_to(report.overall, r, other_work);
    if (by_department) {
      std::string name = users[i].department.empty() ? k_none : users[i].department;
      departments[name].group = name;
      add_to(departments[name], r, other_work);
    } else {
      ActivityRow row;
      row.group = r.user;
      add_to(row, r, other_work);
      row.missed = r.missed;
      finish(row);
      report.rows.push_back(std::move(row));
    }
  }
  for (auto& [name, row] : departments) {
    if (name != k_none) {
      finish(row);
      report.rows.push_back(row);
    }
  }
  if (departments.count(k_none)) {
    finish(departments[k_none]);
    report.rows.push_back(departments[k_none]);
  }
  report.overall.calls_by_day.resize(report.days.size(), 0);
  finish(report.overall);
  return report;
}

}  // namespace crm
