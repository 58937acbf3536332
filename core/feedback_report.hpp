#pragma once

#include "record.hpp"
#include "scoring.hpp"

#include <optional>
#include <string>
#include <vector>

namespace crm {

// What `crm report feedback --by` groups on ("" for the overall row only).
enum class FeedbackGrouping { None, Source, Topic, Sentiment, Department };

// Reads "source", "topic", "sentiment", "department" or ""; throws a usage error otherwise.
FeedbackGrouping feedback_grouping(const std::string& name);

// An ISO week (Monday to Sunday in the CRM's zone).
struct IsoWeek {
  std::string name;   // "2026-W47"
  std::string start;  // its Monday, "2026-11-16"
  int number = 0;     // 47
};

// The ISO week `t` falls in, in `zone`.
IsoWeek iso_week_containing(Timestamp t, TimeZone zone);

struct FeedbackReportRow {
  std::string group;       // a source, topic...; "(none)" when it has none; "(all)" overall
  long long recorded = 0;  // recorded in the period
  long long open = 0;      // of those, open at `now`
  long long resolved = 0;  // of those, closed at `now`
  // Median wall seconds from recording to (the last) closing, over the
  // resolved ones; the mean of the two middle ones for an even count.
  std::optional<long long> median_resolution_seconds;
  std::vector<long long> weekly;  // recorded per week, one per FeedbackReport::weeks
};

struct FeedbackReport {
  std::vector<IsoWeek> weeks;           // every week the period touches, oldest first
  std::vector<FeedbackReportRow> rows;  // one per group (none without grouping)
  FeedbackReportRow overall;            // every feedback in the period, counted once
};

struct FeedbackReportOptions {
  Period period;  // feedback recorded in it counts
  FeedbackGrouping by = FeedbackGrouping::None;
  std::string department;   // only this department's feedback ("" for all)
  Timestamp now{};          // status as of this moment; later feedback and events are ignored
  TimeZone zone = nullptr;  // for the weeks
};

// Counts, resolution times and weekly trend of `feedback` records (other
// kinds must not be passed). Feedback with several topics counts once in
// each topic's row. Groups: sources and sentiments in their schema order,
// topics and departments alphabetically, "(none)" last. Weeks run from the
// period's start (or the first feedback counted, when open) to its end
// (or `now`).
FeedbackReport feedback_report(const std::vector<Record>& feedback, const FeedbackReportOptions& options);

// The median of `values` (the floor of the mean of the middle two for an
// even count); nullopt when empty.
std::optional<long long> median_of(std::vector<long long> values);

}  // namespace crm
