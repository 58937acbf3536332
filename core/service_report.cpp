#include "service_report.hpp"

#include "case_state.hpp"
#include "case_timers.hpp"
#include "error.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace crm {
namespace {

const char* const k_none = "(none)";
const char* const k_all = "(all)";
const std::vector<std::string> k_targets = {"acknowledge", "update", "resolve"};

// A period as the inclusive range of seconds it covers, cut at `now`.
struct Window {
  Timestamp since{};
  Timestamp end{};
  bool contains(Timestamp t) const { return t >= since && t <= end; }
};

Window window_of(const Period& p, Timestamp now) {
  Timestamp end = p.through ? p.until : p.until - std::chrono::seconds(1);
  return {p.since, std::min(end, now)};
}

// Raw counts and samples, merged from the cases of a group.
struct Tally {
  long long opened = 0, closed = 0, backlog = 0, reopened = 0, escalations = 0;
  std::vector<long long> queue_business, queue_wall, resolve_business, resolve_wall;
  std::map<std::string, std::pair<long long, long long>> compliance;  // target -> decided, met
  std::map<std::string, long long> weekly_opened, weekly_closed;      // by the week's Monday
  std::map<std::string, std::vector<long long>> weekly_queue_business;

  void merge(const Tally& o) {
    opened += o.opened;
    closed += o.closed;
    backlog += o.backlog;
    reopened += o.reopened;
    escalations += o.escalations;
    auto append = [](std::vector<long long>& to, const std::vector<long long>& from) {
      to.insert(to.end(), from.begin(), from.end());
    };
    append(queue_business, o.queue_business);
    append(queue_wall, o.queue_wall);
    append(resolve_business, o.resolve_business);
    append(resolve_wall, o.resolve_wall);
    for (const auto& [target, c] : o.compliance) {
      compliance[target].first += c.first;
      compliance[target].second += c.second;
    }
    for (const auto& [week, n] : o.weekly_opened) {
      weekly_opened[week] += n;
    }
    for (const auto& [week, n] : o.weekly_closed) {
      weekly_closed[week] += n;
    }
    for (const auto& [week, samples] : o.weekly_queue_business) {
      append(weekly_queue_business[week], samples);
    }
  }
};

DurationStats stats_of(const std::vector<long long>& values) {
  return {static_cast<long long>(values.size()), median_of(values), percentile_of(values, 90)};
}

ServiceFigures figures_of(const Tally& t, const std::string& group, const std::vector<IsoWeek>& weeks) {
  ServiceFigures f;
  f.group = group;
  f.opened = t.opened;
  f.closed = t.closed;
  f.backlog = t.backlog;
  f.reopened = t.reopened;
  f.escalations = t.escalations;
  f.queue = {stats_of(t.queue_business), stats_of(t.queue_wall)};
  f.resolve = {stats_of(t.resolve_business), stats_of(t.resolve_wall)};
  for (const auto& target : k_targets) {
    auto it = t.compliance.find(target);
    f.compliance.push_back({target, it == t.compliance.end() ? 0 : it->second.first,
                            it == t.compliance.end() ? 0 : it->second.second});
  }
  auto count = [](const std::map<std::string, long long>& m, const std::string& key) {
    auto it = m.find(key);
    return it == m.end() ? 0LL : it->second;
  };
  for (const auto& w : weeks) {
    f.weekly_opened.push_back(count(t.weekly_opened, w.start));
    f.weekly_closed.push_back(count(t.weekly_closed, w.start));
    auto queue = t.weekly_queue_business.find(w.start);
    f.weekly_median_queue_business.push_back(queue == t.weekly_queue_business.end() ? std::nullopt
                                                                                     : median_of(queue->second));
  }
  return f;
}

// SLA rounds of one case decided inside `w`. A round is one run of a clock
// (target, start); it is sampled just before and at each history entry in
// the window and at its end, so that a round ending (restarted, or gone
// when the case closes) is seen both before and after.
void count_compliance(const Record& r, const std::vector<Timestamp>& times, const Config& config, const Window& w,
                      Tally& out) {
  std::set<Timestamp> samples = {w.end};
  for (Timestamp t : times) {
    if (w.contains(t)) {
      samples.insert(t - std::chrono::seconds(1));
      samples.insert(t);
    }
  }
  struct Round {
    CaseTimer last;
    std::optional<Timestamp> ended;  // first sample where it was no longer the running round
  };
  std::map<std::pair<std::string, Timestamp>, Round> rounds;
  std::map<std::string, std::pair<std::string, Timestamp>> current;  // target -> its round at the last sample
  for (Timestamp s : samples) {
    std::set<std::string> present;
    for (auto& t : case_timers(r.data, config, s)) {
      auto key = std::make_pair(t.target, t.started);
      auto it = current.find(t.target);
      if (it != current.end() && it->second != key && !rounds[it->second].ended) {
        rounds[it->second].ended = s;
      }
      current[t.target] = key;
      present.insert(t.target);
      rounds[key].last = std::move(t);
    }
    for (auto it = current.begin(); it != current.end();) {
      if (!present.count(it->first)) {
        auto& gone = rounds[it->second];
        gone.ended = gone.ended ? gone.ended : std::optional<Timestamp>(s);
        it = current.erase(it);
      } else {
        ++it;
      }
    }
  }
  for (const auto& [key, round] : rounds) {
    const CaseTimer& t = round.last;
    std::optional<Timestamp> met_at, missed_at;
    if (t.stopped) {
      if (t.late_wall_seconds == 0) {
        met_at = *t.stopped;
      } else {
        missed_at = t.due;
      }
    } else if (t.paused || !t.due) {
      continue;  // waiting on the customer: not decided
    } else if (round.ended) {
      if (*round.ended <= *t.due) {
        met_at = *round.ended;  // restarted (or the case closed) in time
      } else {
        missed_at = *t.due;
      }
    } else if (w.end > *t.due) {
      missed_at = *t.due;
    }
    auto& c = out.compliance[t.target];
    if (met_at && w.contains(*met_at)) {
      ++c.first;
      ++c.second;
    } else if (missed_at && w.contains(*missed_at)) {
      ++c.first;
    }
  }
}

// One case's share of the figures in `w`, and the group it belongs to then;
// nullopt when it was not open yet.
struct CaseShare {
  Tally tally;
  std::string handler, department;
  Timestamp opened{};
};

std::optional<CaseShare> case_share(const Record& r, const Config& config, const Window& w, TimeZone zone) {
  Value cut = Value::list();
  std::vector<Timestamp> times;
  for (const auto& e : r.history().items()) {
    auto at = parse_stored_time(e.get("at"));
    if (!at) {
      continue;
    }
    if (*at > w.end) {
      break;  // as case_timers does: the case as it was then
    }
    cut.push_back(e);
    times.push_back(*at);
  }
  std::optional<Timestamp> opened, acknowledged;
  for (std::size_t i = 0; i < times.size(); ++i) {
    const std::string& event = cut.items()[i].get("event");
    if (event == "opened" && !opened) {
      opened = times[i];
    } else if (event == "acknowledged" && !acknowledged) {
      acknowledged = times[i];
    }
  }
  if (!opened) {
    return std::nullopt;
  }
  CaseShare share;
  CaseState state = replay_case(cut);
  share.handler = state.handler;
  share.department = state.department;
  share.opened = *opened;
  BusinessCalendar cal = config.calendar(config.sla.targets_for(r.get("priority"), r.get("department")).calendar);
  Tally& t = share.tally;
  auto week = [&](Timestamp at) { return iso_week_at(at, zone).start; };
  if (w.contains(*opened)) {
    ++t.opened;
    ++t.weekly_opened[week(*opened)];
  }
  if (acknowledged && w.contains(*acknowledged)) {
    t.queue_business.push_back(cal.business_seconds(*opened, *acknowledged));
    t.weekly_queue_business[week(*acknowledged)].push_back(t.queue_business.back());
    t.queue_wall.push_back((*acknowledged - *opened).count());
  }
  for (std::size_t i = 0; i < times.size(); ++i) {
    if (!w.contains(times[i])) {
      continue;
    }
    const std::string& event = cut.items()[i].get("event");
    if (event == "closed") {
      ++t.closed;
      ++t.weekly_closed[week(times[i])];
      t.resolve_business.push_back(cal.business_seconds(*opened, times[i]));
      t.resolve_wall.push_back((times[i] - *opened).count());
    } else if (event == "reopened") {
      ++t.reopened;
    } else if (event == "escalated") {
      ++t.escalations;
    }
  }
  t.backlog = state.status == CaseStatus::Closed ? 0 : 1;
  if (t.backlog == 1 || times.back() >= w.since) {  // a case closed before the window has no round in it
    count_compliance(r, times, config, w, t);
  }
  return share;
}

struct Collected {
  Tally overall;
  std::map<std::string, Tally> groups;
  std::optional<Timestamp> first_opened;
};

Collected collect(const std::vector<Record>& cases, const Config& config, const Window& w,
                  const ServiceReportOptions& o, TimeZone zone) {
  Collected c;
  for (const auto& r : cases) {
    auto share = case_share(r, config, w, zone);
    if (!share || (!o.department.empty() && share->department != o.department)) {
      continue;
    }
    c.first_opened = c.first_opened ? std::min(*c.first_opened, share->opened) : share->opened;
    c.overall.merge(share->tally);
    if (o.by != ServiceGrouping::None) {
      std::string group = o.by == ServiceGrouping::User ? share->handler : share->department;
      c.groups[group.empty() ? k_none : group].merge(share->tally);
    }
  }
  return c;
}

ServiceChange change_of(const std::string& metric, std::optional<long long> now, std::optional<long long> before) {
  ServiceChange c{metric, now, before, std::nullopt, std::nullopt};
  if (now && before) {
    c.difference = *now - *before;
    if (*before != 0) {
      c.percent = std::round(static_cast<double>(*c.difference) * 1000.0 / static_cast<double>(*before)) / 10.0;
    }
  }
  return c;
}

std::vector<ServiceChange> changes_of(const ServiceFigures& a, const ServiceFigures& b) {
  return {
      change_of("opened", a.opened, b.opened),
      change_of("closed", a.closed, b.closed),
      change_of("backlog", a.backlog, b.backlog),
      change_of("reopened", a.reopened, b.reopened),
      change_of("escalations", a.escalations, b.escalations),
      change_of("median_queue_business_seconds", a.queue.business.median, b.queue.business.median),
      change_of("median_queue_wall_seconds", a.queue.wall.median, b.queue.wall.median),
      change_of("p90_queue_business_seconds", a.queue.business.p90, b.queue.business.p90),
      change_of("p90_queue_wall_seconds", a.queue.wall.p90, b.queue.wall.p90),
      change_of("median_resolve_business_seconds", a.resolve.business.median, b.resolve.business.median),
      change_of("median_resolve_wall_seconds", a.resolve.wall.median, b.resolve.wall.median),
      change_of("p90_resolve_business_seconds", a.resolve.business.p90, b.resolve.business.p90),
      change_of("p90_resolve_wall_seconds", a.resolve.wall.p90, b.resolve.wall.p90),
  };
}

}  // namespace

ServiceGrouping service_grouping(const std::string& name) {
  if (name.empty()) {
    return ServiceGrouping::None;
  }
  if (name == "user") {
    return ServiceGrouping::User;
  }
  if (name == "department") {
    return ServiceGrouping::Department;
  }
  throw usage_error("--by: cannot group cases by '" + name + "' (user or department)");
}

std::optional<long long> percentile_of(std::vector<long long> values, int percent) {
  if (values.empty()) {
    return std::nullopt;
  }
  std::sort(values.begin(), values.end());
  auto n = static_cast<long long>(values.size());
  long long rank = (percent * n + 99) / 100;  // ceil(percent x n / 100), exact in integers
  return values[static_cast<std::size_t>(std::clamp(rank, 1LL, n) - 1)];
}

ServiceReport service_report(const std::vector<Record>& cases, const Config& config, const ServiceReportOptions& o) {
  TimeZone zone = o.zone ? o.zone : default_zone();
  Window w = window_of(o.period, o.now);
  Collected now = collect(cases, config, w, o, zone);

  ServiceReport report;
  bool open_start = o.period.since == Timestamp::min();
  std::optional<Timestamp> from = open_start ? now.first_opened : std::optional<Timestamp>(o.period.since);
  if (from) {
    report.weeks = iso_weeks_between(*from, w.end, zone);
  }
  for (const auto& [name, tally] : now.groups) {
    if (name != k_none) {
      report.rows.push_back(figures_of(tally, name, report.weeks));
    }
  }
  if (now.groups.count(k_none)) {
    report.rows.push_back(figures_of(now.groups[k_none], k_none, report.weeks));
  }
  report.overall = figures_of(now.overall, k_all, report.weeks);
  if (!open_start) {
    auto length = o.period.until - o.period.since;
    report.previous = Period{"previous", o.period.since - length, o.period.since, false};
    Collected before = collect(cases, config, window_of(*report.previous, o.now), o, zone);
    report.before = figures_of(before.overall, k_all, {});
    report.changes = changes_of(report.overall, *report.before);
  }
  return report;
}

}  // namespace crm
