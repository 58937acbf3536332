// crm report feedback: counts, open vs resolved, median time to resolution and a weekly trend
#include "feedback_report.hpp"

#include "commands.hpp"
#include "output.hpp"
#include "periods.hpp"
#include "report_view.hpp"

#include <memory>

namespace crm::cli {
namespace {

const std::vector<std::string> k_fields = {"group",    "recorded",          "open",
                                           "resolved", "median_resolution", "median_resolution_seconds"};

Value row_of(const FeedbackReportRow& r, const std::vector<IsoWeek>& weeks, Format format) {
  Value row = Value::map();
  row.set("group", r.group);
  row.set("recorded", Value::number(r.recorded));
  row.set("open", Value::number(r.open));
  row.set("resolved", Value::number(r.resolved));
  const auto& median = r.median_resolution_seconds;
  row.set("median_resolution", median ? Value(format_seconds(*median)) : Value());
  row.set("median_resolution_seconds", median ? Value::number(*median) : Value());
  if (format == Format::Csv || format == Format::Tsv) {
    for (std::size_t i = 0; i < weeks.size(); ++i) {
      row.set(weeks[i].name, Value::number(r.weekly[i]));  // one column per week
    }
  } else {
    Value list = Value::list();
    for (std::size_t i = 0; i < weeks.size(); ++i) {
      Value w = Value::map();
      Value start(weeks[i].start);
      start.set_plain(true);
      w.set("week", weeks[i].name);
      w.set("start", start);
      w.set("recorded", Value::number(r.weekly[i]));
      list.push_back(w);
    }
    row.set("weeks", list);
  }
  return row;
}

// The table's second section: one line per week, one column per group.
void print_weeks(Session& session, const FeedbackReport& report, const std::vector<FeedbackReportRow>& rows) {
  if (report.weeks.empty()) {
    return;
  }
  std::vector<Column> columns = {{"week", "WEEK"}, {"start", "MONDAY"}};
  for (std::size_t g = 0; g < rows.size(); ++g) {
    columns.push_back({"g" + std::to_string(g), rows[g].group});
  }
  std::vector<Value> lines;
  for (std::size_t i = 0; i < report.weeks.size(); ++i) {
    Value line = Value::map();
    line.set("week", report.weeks[i].name);
    line.set("start", report.weeks[i].start);
    for (std::size_t g = 0; g < rows.size(); ++g) {
      line.set("g" + std::to_string(g), Value::number(rows[g].weekly[i]));
    }
    lines.push_back(line);
  }
  session.out() << "\nRecorded per week (Monday to Sunday)\n";
  print_rows(session, lines, {}, columns);
}

// The page form: each group with its weekly trend drawn as a sparkline.
Report feedback_page(const FeedbackReport& report, const std::vector<FeedbackReportRow>& rows, const Period& period) {
  Report page;
  page.name = "feedback";
  page.title = "Feedback";
  page.facts.set("since", period_bound(period.since));
  page.facts.set("until", period_bound(period.until));
  page.time_facts = {"since", "until"};
  ReportSection groups{"groups", "Recorded, open and resolved", {}, {}, {}, "recorded", "group", {"weekly"}, "none"};
  for (const auto& r : rows) {
    Value row = row_of(r, {}, Format::Json);
    Value weekly = Value::list();
    for (long long n : r.weekly) {
      weekly.push_back(Value::number(n));
    }
    row.set("weekly", weekly);
    groups.rows.push_back(row);
  }
  groups.columns = {{"group", "GROUP"},
                    {"recorded", "RECORDED"},
                    {"open", "OPEN"},
                    {"resolved", "RESOLVED"},
                    {"median_resolution", "MEDIAN TO RESOLVE"},
                    {"weekly", "PER WEEK"}};
  page.sections.push_back(groups);
  if (!report.weeks.empty()) {
    page.facts.set("weeks", report.weeks.front().name + " to " + report.weeks.back().name);
  }
  return page;
}

}  // namespace

void add_feedback_report(CLI::App* report, Session& session) {
  struct Options {
    PeriodOptions period;
    std::string by, department;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = report->add_subcommand(
      "feedback", "Feedback recorded, open and resolved, median time to resolution and a weekly trend (never cases)");
  cmd->add_option("--since", o->period.since, "Only feedback recorded at or after TIME (default: all of it)");
  cmd->add_option("--until", o->period.until, "Only feedback recorded before TIME (default now)");
  cmd->add_option("--by", o->by, "One row per source, topic, sentiment or department")
      ->check(CLI::IsMember({"source", "topic", "sentiment", "department"}));
  cmd->add_option("--department", o->department, "Only this department's feedback");
  cmd->callback([&session, o] {
    const Store& store = session.store();
    FeedbackReportOptions options;
    options.now = session.now();
    options.period = chosen_period(session, o->period, "all", [&](const std::string&) {
      return Period{"all", Timestamp::min(), options.now, true};
    });
    options.by = feedback_grouping(o->by);
    options.department = o->department.empty() ? "" : store.resolve(department_kind(), o->department);
    options.zone = session.zone();
    FeedbackReport report = feedback_report(store.load_all(feedback_kind()), options);

    std::vector<FeedbackReportRow> all = report.rows;
    all.push_back(report.overall);
    if (session.format() == Format::Html) {
      print_report(session, feedback_page(report, all, options.period));
      return;
    }
    std::vector<Value> rows;
    for (const auto& r : all) {
      rows.push_back(row_of(r, report.weeks, session.format()));
    }
    std::vector<std::string> fields = k_fields;
    for (const auto& w : report.weeks) {
      fields.push_back(w.name);
    }
    print_rows(session, rows, fields,
               {{"group", "GROUP"},
                {"recorded", "RECORDED"},
                {"open", "OPEN"},
                {"resolved", "RESOLVED"},
                {"median_resolution", "MEDIAN TO RESOLVE"}});
    if (session.format() == Format::Table) {
      print_weeks(session, report, all);
    }
  });
}

}  // namespace crm::cli
