// crm report service: cases opened, closed and waiting, queue and resolve times, SLA compliance, the weekly
// trend and the change on the previous period
#include "report_service.hpp"

#include "service_report.hpp"

#include "commands.hpp"

#include <algorithm>
#include <memory>

namespace crm::cli {
namespace {

const std::vector<std::string> k_targets = {"acknowledge", "update", "resolve"};

Value seconds_value(const std::optional<long long>& s) { return s ? Value::number(*s) : Value(); }

Value seconds_text(const std::optional<long long>& s, bool business) {
  if (!s) {
    return Value();
  }
  return business ? format_business_seconds(*s) : format_seconds(*s);
}

// "queue_median_business" (text) and "queue_median_business_seconds" (number), and the like.
void set_times(Value& row, const std::string& prefix, const TimeStats& t) {
  struct Part {
    const char* name;
    const DurationStats* stats;
    bool business;
  };
  for (const Part& p : {Part{"business", &t.business, true}, Part{"wall", &t.wall, false}}) {
    std::string median = prefix + "_median_" + p.name, p90 = prefix + "_p90_" + p.name;
    row.set(median, seconds_text(p.stats->median, p.business));
    row.set(median + "_seconds", seconds_value(p.stats->median));
    row.set(p90, seconds_text(p.stats->p90, p.business));
    row.set(p90 + "_seconds", seconds_value(p.stats->p90));
  }
  row.set(prefix + "_count", Value::number(t.business.count));
}

Value group_row(const ServiceFigures& f) {
  Value row = Value::map();
  row.set("group", f.group);
  row.set("opened", Value::number(f.opened));
  row.set("closed", Value::number(f.closed));
  row.set("backlog", Value::number(f.backlog));
  row.set("reopened", Value::number(f.reopened));
  row.set("reopen_rate", percent_value(f.reopened, f.closed));
  row.set("escalations", Value::number(f.escalations));
  set_times(row, "queue", f.queue);
  set_times(row, "resolve", f.resolve);
  for (const auto& c : f.compliance) {
    row.set(c.target + "_decided", Value::number(c.decided));
    row.set(c.target + "_met", Value::number(c.met));
    row.set(c.target + "_compliance", percent_value(c.met, c.decided));
  }
  row.set("weekly_opened", make_number_list(f.weekly_opened));
  row.set("weekly_closed", make_number_list(f.weekly_closed));
  return row;
}

std::vector<std::string> fields_of(const Value& row) {
  std::vector<std::string> fields;
  for (const auto& [key, v] : row.fields()) {
    fields.push_back(key);
  }
  return fields;
}

ReportSection groups_section(const ServiceReport& r, const std::string& by) {
  ReportSection s;
  s.key = "groups";
  s.title = by.empty() ? "Cases" : by == "user" ? "Cases by handler" : "Cases by department";
  for (const auto& f : r.rows) {
    s.rows.push_back(group_row(f));
  }
  s.rows.push_back(group_row(r.overall));
  s.fields = fields_of(s.rows.front());
  s.columns = {{"group", "GROUP"},
               {"opened", "OPENED"},
               {"closed", "CLOSED"},
               {"backlog", "BACKLOG"},
               {"reopen_rate", "REOPEN%"},
               {"escalations", "ESCALATED"},
               {"queue_median_business", "QUEUE MEDIAN"},
               {"queue_p90_business", "QUEUE P90"},
               {"resolve_median_business", "RESOLVE MEDIAN"},
               {"resolve_p90_business", "RESOLVE P90"},
               {"acknowledge_compliance", "ACK%"},
               {"update_compliance", "UPDATE%"},
               {"resolve_compliance", "RESOLVE%"},
               {"weekly_opened", "OPENED PER WEEK"}};
  s.sparklines = {"weekly_opened", "weekly_closed"};
  return s;
}

ReportSection weeks_section(const ServiceReport& r) {
  ReportSection s;
  s.key = "weeks";
  s.title = "All cases per week (Monday to Sunday)";
  for (std::size_t i = 0; i < r.weeks.size(); ++i) {
    Value row = Value::map();
    Value start(r.weeks[i].start);
    start.set_plain(true);
    row.set("week", r.weeks[i].name);
    row.set("start", start);
    row.set("opened", Value::number(r.overall.weekly_opened[i]));
    row.set("closed", Value::number(r.overall.weekly_closed[i]));
    const auto& queue = r.overall.weekly_median_queue_business[i];
    row.set("queue_median_business", seconds_text(queue, true));
    row.set("queue_median_business_seconds", seconds_value(queue));
    s.rows.push_back(row);
  }
  s.fields = {"week", "start", "opened", "closed", "queue_median_business", "queue_median_business_seconds"};
  s.columns = {{"week", "WEEK"},
               {"start", "MONDAY"},
               {"opened", "OPENED"},
               {"closed", "CLOSED"},
               {"queue_median_business", "QUEUE MEDIAN"}};
  s.bar = "opened";
  s.bar_label = "week";
  s.empty_text = "no cases";
  return s;
}

// Durations read better as "1h30m" in a table; JSON and CSV keep seconds.
Value change_cell(const std::optional<long long>& v, const std::string& metric, bool table) {
  if (!v) {
    return Value();
  }
  bool seconds = metric.size() > 8 && metric.compare(metric.size() - 8, 8, "_seconds") == 0;
  if (table && seconds) {
    return metric.find("business") != std::string::npos ? format_business_seconds(*v) : format_seconds(*v);
  }
  return Value::number(*v);
}

// "median_queue_business_seconds" reads "median queue business" where the
// values are shown as durations.
std::string metric_label(std::string metric) {
  const std::string unit = "_seconds";
  if (metric.size() > unit.size() && metric.compare(metric.size() - unit.size(), unit.size(), unit) == 0) {
    metric.resize(metric.size() - unit.size());
  }
  std::replace(metric.begin(), metric.end(), '_', ' ');
  return metric;
}

ReportSection changes_section(const ServiceReport& r, bool table) {
  ReportSection s;
  s.key = "changes";
  s.title = "Against the previous period";
  for (const auto& c : r.changes) {
    Value row = Value::map();
    row.set("metric", table ? metric_label(c.metric) : c.metric);
    row.set("now", change_cell(c.now, c.metric, table));
    row.set("before", change_cell(c.before, c.metric, table));
    row.set("difference", change_cell(c.difference, c.metric, table));
    row.set("percent", c.percent ? decimal_value(*c.percent, 1) : Value());
    s.rows.push_back(row);
  }
  s.fields = {"metric", "now", "before", "difference", "percent"};
  s.columns = {{"metric", "METRIC"}, {"now", "NOW"}, {"before", "BEFORE"}, {"difference", "CHANGE"},
               {"percent", "CHANGE%"}};
  s.empty_text = "no previous period (the period has no start)";
  return s;
}

}  // namespace

Report build_service_report(Session& session, const ServiceReportRequest& request) {
  const Store& store = session.store();
  ServiceReportOptions options;
  options.now = session.now();
  options.period = chosen_period(session, request.period, "week",
                                 [&](const std::string& name) { return named_period(name, options.now); });
  options.by = service_grouping(request.by);
  options.department = request.department.empty() ? "" : store.resolve(department_kind(), request.department);
  options.zone = session.zone();
  ServiceReport r = crm::service_report(store.load_all(case_kind()), store.config(), options);

  Report report;
  report.name = "service";
  report.title = "Service: cases, queue times and service levels";
  add_period_facts(report, options.period);
  report.facts.set("previous_since", r.previous ? period_bound(r.previous->since) : Value());
  report.facts.set("previous_until", r.previous ? period_bound(r.previous->until) : Value());
  report.facts.set("department", options.department.empty() ? Value() : Value(options.department));
  report.facts.set("percentile", "nearest rank");
  report.time_facts.insert(report.time_facts.end(), {"previous_since", "previous_until"});
  report.sections = {groups_section(r, request.by), weeks_section(r),
                     changes_section(r, session.for_people())};
  return report;
}

void add_service_report(CLI::App* report, Session& session) {
  auto request = std::make_shared<ServiceReportRequest>();
  auto* cmd = report->add_subcommand(
      "service", "Cases opened, closed and in backlog, queue and resolve times, SLA compliance, reopenings, "
                 "escalations, the weekly trend and the change on the previous period");
  add_period_options(cmd, request->period, rolling_period_help("week"));
  cmd->add_option("--by", request->by, "One row per handler (user) or department")
      ->check(CLI::IsMember({"user", "department"}));
  cmd->add_option("--department", request->department, "Only cases in this department");
  cmd->callback([&session, request] { print_report(session, build_service_report(session, *request)); });
}

}  // namespace crm::cli
