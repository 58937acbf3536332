#include "report_view.hpp"

#include "charts.hpp"
#include "error.hpp"
#include "html.hpp"
#include "json.hpp"
#include "periods.hpp"
#include "yaml_io.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <ostream>

namespace crm::cli {
namespace {

// The chart column a table adds; no report field has this name.
const std::string k_bar_key = " bar";

double number_of(const Value* v) { return v && v->is_scalar() ? std::strtod(v->text().c_str(), nullptr) : 0; }

std::vector<double> numbers_of(const Value* v) {
  std::vector<double> out;
  if (v && v->is_list()) {
    for (const auto& item : v->items()) {
      out.push_back(number_of(&item));
    }
  }
  return out;
}

double bar_most(const ReportSection& section) {
  double most = 0;
  for (const auto& row : section.rows) {
    most = std::max(most, number_of(row.find(section.bar)));
  }
  return most;
}

bool is_sparkline(const ReportSection& section, const std::string& key) {
  return std::find(section.sparklines.begin(), section.sparklines.end(), key) != section.sparklines.end();
}

Value report_object(const Report& report) {
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

// The table form of a section: charts drawn into cells when they are on.
Section table_section(Session& session, const ReportSection& section) {
  Section out{section.title, section.rows, section.columns, section.empty_text};
  if (!session.charts()) {
    return out;
  }
  if (!section.bar.empty()) {
    double most = bar_most(section);
    for (auto& row : out.rows) {
      row.set(k_bar_key, text_bar(number_of(row.find(section.bar)), most));
    }
    out.columns.push_back({k_bar_key, ""});
  }
  for (auto& row : out.rows) {
    for (const auto& key : section.sparklines) {
      if (const Value* v = row.find(key); v && v->is_list()) {
        row.set(key, text_sparkline(numbers_of(v)));
      }
    }
  }
  return out;
}

void print_table_report(Session& session, const Report& report) {
  bool color = session.color();
  session.out() << (color ? "\033[1m" + report.title + "\033[0m" : report.title) << '\n';
  std::vector<Section> sections;
  for (const auto& section : report.sections) {
    sections.push_back(table_section(session, section));
  }
  Value facts = Value::map();
  for (const auto& [key, v] : report.facts.fields()) {
    if (!(v.is_scalar() && v.text().empty())) {
      facts.set(key, v);  // an open start ("since" of all time) says nothing
    }
  }
  print_details(session, facts, sections, report.time_facts);
}

void add_html_section(Session& session, HtmlPage& page, const ReportSection& section, int level,
                      const std::string& id_prefix) {
  page.open_section(id_prefix + section.key);
  page.heading(level, section.title);
  if (section.rows.empty()) {
    page.paragraph(section.empty_text, "empty");
    page.close_section();
    return;
  }
  if (!section.bar.empty()) {
    std::vector<std::string> labels, texts;
    std::vector<double> values;
    for (const auto& row : section.rows) {
      labels.push_back(cell_text(session, row.find(section.bar_label), false, ", "));
      values.push_back(number_of(row.find(section.bar)));
      texts.push_back(cell_text(session, row.find(section.bar), false, ", "));
    }
    page.bar_chart(section.title, labels, values, texts);
  }
  std::vector<std::string> headers;
  for (const auto& c : section.columns) {
    headers.push_back(c.header.empty() ? c.key : c.header);
  }
  std::vector<std::vector<HtmlPage::Cell>> cells;
  for (const auto& row : section.rows) {
    std::vector<HtmlPage::Cell> line;
    for (const auto& c : section.columns) {
      const Value* v = row.find(c.key);
      if (is_sparkline(section, c.key)) {
        std::string numbers = cell_text(session, v, false, " ");
        line.push_back({"", false, svg_sparkline(numbers_of(v), numbers)});
        continue;
      }
      line.push_back({cell_text(session, v, c.time, ", "), v && v->type() == Value::Type::Number, ""});
    }
    cells.push_back(std::move(line));
  }
  page.table(headers, cells);
  page.close_section();
}

void add_html_report(Session& session, HtmlPage& page, const Report& report, int level) {
  page.open_section("report-" + report.name);
  if (level > 1) {
    page.heading(level, report.title);
  }
  std::vector<std::pair<std::string, std::string>> facts;
  for (const auto& [key, v] : report.facts.fields()) {
    if (!v.is_null() && !v.is_map() && !(v.is_scalar() && v.text().empty())) {
      bool time = std::find(report.time_facts.begin(), report.time_facts.end(), key) != report.time_facts.end();
      facts.emplace_back(key, cell_text(session, &v, time, ", "));
    }
  }
  page.facts(facts);
  for (const auto& section : report.sections) {
    add_html_section(session, page, section, level + 1, report.name + "-");
  }
  page.close_section();
}

std::string generated_line(Session& session) {
  return "Generated by crm on " + format_local(session.now(), session.zone());
}

}  // namespace

void add_period_facts(Report& report, const Period& period) {
  report.facts.set("period", period.name);
  report.facts.set("since", period_bound(period.since));
  report.facts.set("until", period_bound(period.until));
  report.time_facts.insert(report.time_facts.end(), {"since", "until"});
}

void print_report(Session& session, const Report& report) {
  std::ostream& out = session.out();
  switch (session.format()) {
    case Format::Json:
      out << to_json(report_object(report));
      return;
    case Format::Yaml:
      out << emit_yaml(report_object(report));
      return;
    case Format::Csv:
    case Format::Tsv:
      if (report.sections.empty()) {
        print_details(session, report.facts, {}, report.time_facts);
      } else {
        print_rows(session, report.sections.front().rows, report.sections.front().fields, {});
      }
      return;
    case Format::Table:
      print_table_report(session, report);
      return;
    case Format::Html: {
      HtmlPage page(report.title, generated_line(session));
      add_html_report(session, page, report, 1);
      out << page.finish();
      return;
    }
  }
}

void print_board(Session& session, const std::string& title, const std::vector<Report>& reports) {
  std::ostream& out = session.out();
  switch (session.format()) {
    case Format::Json:
    case Format::Yaml: {
      Value object = Value::map();
      object.set("title", title);
      for (const auto& r : reports) {
        object.set(r.name, report_object(r));
      }
      out << (session.format() == Format::Json ? to_json(object) : emit_yaml(object));
      return;
    }
    case Format::Csv:
    case Format::Tsv:
      throw usage_error("the board holds several tables: use --format html, table, json or yaml");
    case Format::Table:
      for (std::size_t i = 0; i < reports.size(); ++i) {
        out << (i ? "\n\n" : "");
        print_table_report(session, reports[i]);
      }
      return;
    case Format::Html: {
      HtmlPage page(title, generated_line(session));
      for (const auto& r : reports) {
        add_html_report(session, page, r, 2);
      }
      out << page.finish();
      return;
    }
  }
}

Value decimal_value(double d, int places) { return Value::number_text(fmt::format("{:.{}f}", d, places)); }

Value percent_value(long long part, long long of) {
  if (of == 0) {
    return Value();
  }
  return decimal_value(100.0 * static_cast<double>(part) / static_cast<double>(of), 1);
}

}  // namespace crm::cli
