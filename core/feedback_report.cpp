#include "feedback_report.hpp"

#include "error.hpp"
#include "schema.hpp"

#include <date/iso_week.h>
#include <date/tz.h>

#include <algorithm>
#include <limits>
#include <map>

namespace crm {
namespace {

const char* const k_none = "(none)";
const char* const k_all = "(all)";

// Where one feedback stood at the report's moment.
struct Standing {
  Timestamp opened;
  std::optional<Timestamp> closed;  // the last close not undone by a reopen
};

std::optional<Standing> standing_at(const Record& r, Timestamp now) {
  auto opened = parse_stored_time(r.get("opened"));
  if (!opened || *opened > now) {
    return std::nullopt;
  }
  Standing s{*opened, std::nullopt};
  for (const auto& e : r.history().items()) {
    auto at = parse_stored_time(e.get("at"));
    if (!at || *at > now) {
      continue;
    }
    if (e.get("event") == "closed") {
      s.closed = *at;
    } else if (e.get("event") == "reopened") {
      s.closed.reset();
    }
  }
  return s;
}

date::local_days monday_of(Timestamp t, TimeZone zone) {
  auto day = date::floor<date::days>(zone->to_local(t));
  return day - (date::weekday(day) - date::Monday);
}

IsoWeek iso_week_of(date::local_days monday) {
  iso_week::year_weeknum_weekday w{monday};
  IsoWeek out;
  out.number = static_cast<int>(static_cast<unsigned>(w.weeknum()));
  int year = static_cast<int>(w.year());
  out.name = std::to_string(year) + "-W" + (out.number < 10 ? "0" : "") + std::to_string(out.number);
  out.start = date::format("%F", monday);
  return out;
}


std::vector<std::string> groups_of(const Record& r, FeedbackGrouping by) {
  std::vector<std::string> out;
  switch (by) {
    case FeedbackGrouping::None:
      return out;
    case FeedbackGrouping::Topic:
      out = string_list(r.data.find("topics"));
      std::sort(out.begin(), out.end());
      out.erase(std::unique(out.begin(), out.end()), out.end());
      break;
    case FeedbackGrouping::Source:
      out.push_back(r.get("source"));
      break;
    case FeedbackGrouping::Sentiment:
      out.push_back(r.get("sentiment"));
      break;
    case FeedbackGrouping::Department:
      out.push_back(r.get("department"));
      break;
  }
  out.erase(std::remove(out.begin(), out.end(), ""), out.end());
  if (out.empty()) {
    out.push_back(k_none);
  }
  return out;
}

// Sort key of a group: schema order for sources and sentiments, then by
// name, "(none)" last.
std::pair<std::size_t, std::string> group_rank(const std::string& group, FeedbackGrouping by) {
  if (group == k_none) {
    return {std::numeric_limits<std::size_t>::max(), group};
  }
  const std::vector<std::string>* known = by == FeedbackGrouping::Source      ? &feedback_sources()
                                          : by == FeedbackGrouping::Sentiment ? &feedback_sentiments()
                                                                              : nullptr;
  if (known) {
    auto it = std::find(known->begin(), known->end(), group);
    return {static_cast<std::size_t>(it - known->begin()), group};
  }
  return {0, group};
}

struct Tally {
  long long recorded = 0, open = 0, resolved = 0;
  std::vector<long long> resolution_seconds;
  std::map<date::local_days, long long> per_week;

  void count(const Standing& s, date::local_days week) {
    ++recorded;
    ++per_week[week];
    if (s.closed) {
      ++resolved;
      resolution_seconds.push_back((*s.closed - s.opened).count());
    } else {
      ++open;
    }
  }

  FeedbackReportRow row(const std::string& group, const std::vector<date::local_days>& weeks) const {
    FeedbackReportRow out;
    out.group = group;
    out.recorded = recorded;
    out.open = open;
    out.resolved = resolved;
    out.median_resolution_seconds = median_of(resolution_seconds);
    for (const auto& w : weeks) {
      auto it = per_week.find(w);
      out.weekly.push_back(it == per_week.end() ? 0 : it->second);
    }
    return out;
  }
};

}  // namespace

IsoWeek iso_week_at(Timestamp t, TimeZone zone) { return iso_week_of(monday_of(t, zone)); }

std::vector<IsoWeek> iso_weeks_between(Timestamp from, Timestamp to, TimeZone zone) {
  std::vector<IsoWeek> out;
  for (auto w = monday_of(from, zone), last = monday_of(std::max(to, from), zone); w <= last; w += date::days(7)) {
    out.push_back(iso_week_of(w));
  }
  return out;
}

FeedbackGrouping feedback_grouping(const std::string& name) {
  if (name.empty()) {
    return FeedbackGrouping::None;
  }
  if (name == "source") {
    return FeedbackGrouping::Source;
  }
  if (name == "topic") {
    return FeedbackGrouping::Topic;
  }
  if (name == "sentiment") {
    return FeedbackGrouping::Sentiment;
  }
  if (name == "department") {
    return FeedbackGrouping::Department;
  }
  throw usage_error("--by: cannot group feedback by '" + name + "' (source, topic, sentiment or department)");
}

std::optional<long long> median_of(std::vector<long long> values) {
  if (values.empty()) {
    return std::nullopt;
  }
  std::sort(values.begin(), values.end());
  std::size_t mid = values.size() / 2;
  if (values.size() % 2 == 1) {
    return values[mid];
  }
  long long a = values[mid - 1], b = values[mid];
  return a + (b - a) / 2;  // no overflow; both are non-negative in practice
}

FeedbackReport feedback_report(const std::vector<Record>& feedback, const FeedbackReportOptions& o) {
  TimeZone zone = o.zone ? o.zone : default_zone();
  Tally overall;
  std::map<std::string, Tally> groups;
  std::optional<Timestamp> first;
  for (const auto& r : feedback) {
    if (!o.department.empty() && r.get("department") != o.department) {
      continue;
    }
    auto s = standing_at(r, o.now);
    if (!s || !o.period.contains(s->opened)) {
      continue;
    }
    first = first ? std::min(*first, s->opened) : s->opened;
    date::local_days week = monday_of(s->opened, zone);
    overall.count(*s, week);
    for (const auto& g : groups_of(r, o.by)) {
      groups[g].count(*s, week);
    }
  }

  FeedbackReport report;
  std::vector<date::local_days> weeks;
  std::optional<Timestamp> from = o.period.since != Timestamp::min() ? std::optional<Timestamp>(o.period.since) : first;
  if (from) {
    Timestamp to = o.period.through ? o.period.until : o.period.until - std::chrono::seconds(1);
    report.weeks = iso_weeks_between(*from, to, zone);
    for (auto w = monday_of(*from, zone); weeks.size() < report.weeks.size(); w += date::days(7)) {
      weeks.push_back(w);
    }
  }

  std::vector<std::string> names;
  for (const auto& [name, tally] : groups) {
    names.push_back(name);
  }
  std::sort(names.begin(), names.end(),
            [&](const std::string& a, const std::string& b) { return group_rank(a, o.by) < group_rank(b, o.by); });
  for (const auto& name : names) {
    report.rows.push_back(groups[name].row(name, weeks));
  }
  report.overall = overall.row(k_all, weeks);
  return report;
}

}  // namespace crm
