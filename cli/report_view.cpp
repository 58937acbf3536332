// TEMP: a minimal printer for Report so the reports build and test before
// the real one (charts, HTML) is merged; drop this file at that merge.
#include "report_view.hpp"

#include "error.hpp"

#include <fmt/format.h>

namespace crm::cli {
namespace {

Value as_object(const Report& report) {
  Value object = Value::map();
  object.set("report", report.name);
  object.set("title", report.title);
  for (const auto& [key, v] : report.facts.fields()) {
    object.set(key, v);
  }
  for (const auto& s : report.sections) {
    Value rows = Value::list();
    for (const auto& r : s.rows) {
      rows.push_back(r);
    }
    object.set(s.key, rows);
  }
  return object;
}

void print_table(Session& session, const Report& report) {
  session.out() << report.title << "\n\n";
  std::vector<Section> sections;
  for (const auto& s : report.sections) {
    sections.push_back({s.title, s.rows, s.columns});
  }
  print_details(session, report.facts, sections, {});
}

}  // namespace

void print_report(Session& session, const Report& report) {
  switch (session.format()) {
    case Format::Json:
    case Format::Yaml:
      print_details(session, as_object(report), {}, {});
      return;
    case Format::Csv:
    case Format::Tsv:
      if (!report.sections.empty()) {
        const auto& s = report.sections.front();
        print_rows(session, s.rows, s.fields, s.columns);
      }
      return;
    case Format::Table:
      print_table(session, report);
      return;
  }
}

void print_board(Session& session, const std::string& title, const std::vector<Report>& reports) {
  if (session.format() == Format::Csv || session.format() == Format::Tsv) {
    throw usage_error("the board has several tables: use --format table, json or yaml");
  }
  if (session.format() == Format::Table) {
    session.out() << title << "\n\n";
    for (const auto& r : reports) {
      print_table(session, r);
      session.out() << '\n';
    }
    return;
  }
  Value object = Value::map();
  for (const auto& r : reports) {
    object.set(r.name, as_object(r));
  }
  print_details(session, object, {}, {});
}

Value decimal_value(double d, int places) { return Value::number_text(fmt::format("{:.{}f}", d, places)); }

Value percent_value(long long part, long long of) {
  if (of == 0) {
    return Value();
  }
  return decimal_value(static_cast<double>(part) * 100.0 / static_cast<double>(of), 1);
}

}  // namespace crm::cli
