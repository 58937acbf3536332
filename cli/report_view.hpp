#pragma once

#include "output.hpp"
#include "scoring.hpp"
#include "session.hpp"
#include "value.hpp"

#include <string>
#include <vector>

namespace crm::cli {

// A KPI report as every format shows it. Reports build one of these and
// print it with print_report(); `crm report board` puts several on one page.
//
// - JSON/YAML: one object: "report", "title", the `facts` in order, then
//   each section's rows under its key.
// - CSV/TSV: the first section only (one table per file), its `fields`.
// - table: the facts as "key: value" lines, then each section under its
//   title; charts (bars, sparklines) only when stdout is a terminal or
//   `--charts always` asks for them, plain numbers otherwise.
// - HTML: one self-contained page (inline CSS and SVG, no script).
struct ReportSection {
  std::string key;    // "stages": the JSON/YAML key, and the HTML anchor
  std::string title;  // "Pipeline by stage"
  std::vector<Value> rows;
  std::vector<std::string> fields;  // CSV/TSV columns, in order
  std::vector<Column> columns;      // table and HTML columns
  // A numeric field drawn as a bar on each row (terminal: '█' bar column,
  // HTML: an SVG bar chart); "" for none. `bar_label` names the row.
  std::string bar;
  std::string bar_label;
  // List-of-numbers fields drawn as sparklines (terminal: ▁▂▃▅▇; HTML: SVG).
  std::vector<std::string> sparklines;
  // Shown instead of an empty table (table and HTML), e.g. "no deals".
  std::string empty_text = "none";
};

struct Report {
  std::string name;   // "pipeline": the command, and JSON's "report"
  std::string title;  // "Sales pipeline"
  Value facts = Value::map();  // scalars shown above the sections (period, totals)
  std::vector<std::string> time_facts;  // facts that are stored times (shown in the CRM's zone)
  std::vector<ReportSection> sections;
};

// Sets the facts "period", "since" and "until" ("" for an open start),
// the last two shown as times.
void add_period_facts(Report& report, const Period& period);

void print_report(Session& session, const Report& report);

// Several reports on one page (`crm report board`). JSON/YAML: an object
// keyed by report name; table: one after another; CSV/TSV: refused.
void print_board(Session& session, const std::string& title, const std::vector<Report>& reports);

// A decimal for output: "12.50" as a number (JSON prints it bare).
Value decimal_value(double d, int places = 2);
// A percentage 0..100 with one decimal, or null when `of` is 0.
Value percent_value(long long part, long long of);

}  // namespace crm::cli
