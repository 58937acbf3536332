// TEMP: a minimal print_report until the real one (charts, HTML) is merged.
#include "report_view.hpp"

#include "error.hpp"

#include <cstdio>

namespace crm::cli {
namespace {

Value as_object(const Report& report) {
  Value object = Value::map();
  object.set("report", report.name);
  object.set("title", report.title);
  for (const auto& [key, v] : report.facts.fields()) {
    object.set(key, v);
  }
  for (const auto& section : report.sections) {
    Value rows = Value::list();
    for (const auto& row : section.rows) {
      rows.push_back(row);
    }
    object.set(section.key, rows);
  }
  return object;
}

}  // namespace

void print_report(Session& session, const Report& report) {
  Format f = session.format();
  if (f == Format::Csv || f == Format::Tsv) {
    if (report.sections.empty()) {
      return;
    }
    const ReportSection& first = report.sections.front();
    print_rows(session, first.rows, first.fields, first.columns);
    return;
  }
  if (f == Format::Json || f == Format::Yaml) {
    print_details(session, as_object(report), {}, {});
    return;
  }
  std::vector<Section> sections;
  for (const auto& s : report.sections) {
    sections.push_back({s.title, s.rows, s.columns});
  }
  print_details(session, report.facts, sections, {});
}

void print_board(Session& session, const std::string& title, const std::vector<Report>& reports) {
  (void)title;
  for (const auto& r : reports) {
    print_report(session, r);
  }
}

Value decimal_value(double d, int places) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", places, d);
  return Value::number_text(buf);
}

Value percent_value(long long part, long long of) {
  return of == 0 ? Value() : decimal_value(100.0 * static_cast<double>(part) / static_cast<double>(of), 1);
}

}  // namespace crm::cli
