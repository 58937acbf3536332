#pragma once

#include "config.hpp"
#include "feedback_report.hpp"
#include "record.hpp"
#include "scoring.hpp"

#include <optional>
#include <string>
#include <vector>

namespace crm {

// What `crm report service --by` groups on ("" for the overall row only).
enum class ServiceGrouping { None, User, Department };

// Reads "user", "department" or ""; throws a usage error otherwise.
ServiceGrouping service_grouping(const std::string& name);

// The nearest-rank `percent`th percentile of `values`: the smallest value
// with at least `percent`% of the values at or below it, i.e. the
// ceil(percent/100 x n)th smallest (the 90th of 10 values is the 9th, of 11
// the 10th). nullopt when empty.
std::optional<long long> percentile_of(std::vector<long long> values, int percent);

// Median (median_of) and 90th percentile (percentile_of) of some durations, in seconds.
struct DurationStats {
  long long count = 0;
  std::optional<long long> median;
  std::optional<long long> p90;
};

// One duration measured twice: business seconds in the case's SLA calendar, and wall seconds.
struct TimeStats {
  DurationStats business;
  DurationStats wall;
};

// One service-level target's rounds decided in the period: met on time, or
// fell due unmet.
struct TargetCompliance {
  std::string target;  // "acknowledge", "update", "resolve"
  long long decided = 0;
  long long met = 0;
};

struct ServiceFigures {
  std::string group;           // a handler or department; "(none)"; "(all)" overall
  long long opened = 0;        // cases opened in the period
  long long closed = 0;        // closings in the period (a case closed twice counts twice)
  long long backlog = 0;       // cases open at the period's end
  long long reopened = 0;      // reopenings in the period
  long long escalations = 0;   // `escalated` events in the period
  TimeStats queue;             // opened -> first acknowledged, for first acknowledgements in the period
  TimeStats resolve;           // opened -> closed, for closings in the period
  std::vector<TargetCompliance> compliance;  // acknowledge, update, resolve: always all three
  std::vector<long long> weekly_opened;      // one per ServiceReport::weeks
  std::vector<long long> weekly_closed;
  // Median business queue time of the first acknowledgements in each week; none for a week without.
  std::vector<std::optional<long long>> weekly_median_queue_business;
};

// A figure now and in the previous period of equal length.
struct ServiceChange {
  std::string metric;  // "median_queue_business_seconds", ...
  std::optional<long long> now;
  std::optional<long long> before;
  std::optional<long long> difference;  // now - before
  std::optional<double> percent;        // difference / before x 100; none when before is 0 or unknown
};

struct ServiceReportOptions {
  Period period;
  ServiceGrouping by = ServiceGrouping::None;
  std::string department;   // only cases in this department at the period's end ("" for all)
  Timestamp now{};          // history after this moment is ignored
  TimeZone zone = nullptr;  // for the weeks
};

struct ServiceReport {
  std::vector<IsoWeek> weeks;            // the period's weeks (from the first case opened when open)
  std::vector<ServiceFigures> rows;      // one per group, by name, "(none)" last
  ServiceFigures overall;
  std::optional<Period> previous;        // the period of equal length before; none for an open start
  std::optional<ServiceFigures> before;  // overall in `previous`
  std::vector<ServiceChange> changes;    // overall now against before (empty without `previous`)
};

// The service KPIs of `cases` (case records) in the options' period. A case
// belongs to the handler and department it has at the period's end (or
// `now`, when earlier). SLA rounds are those case_timers reports: a round
// counts where it is decided (met when stopped or restarted on time, missed
// when its due time passes); paused rounds are undecided.
ServiceReport service_report(const std::vector<Record>& cases, const Config& config,
                             const ServiceReportOptions& options);

}  // namespace crm
