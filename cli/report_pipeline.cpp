// crm report pipeline
#include "pipeline.hpp"

#include "report_sales.hpp"

namespace crm::cli {

Report pipeline_report(Session& session, const PipelineOptions& options) {
  const Store& store = session.store();
  std::string owner = options.owner.empty() ? "" : store.find(user_kind(), options.owner).id;
  Pipeline p = pipeline_of(store, owner);
  Report report;
  report.name = "pipeline";
  report.title = "Sales pipeline";
  report.facts.set("owner", owner.empty() ? Value() : Value(owner));
  ReportSection stages{"stages",
                       "Pipeline by stage",
                       {},
                       {"currency", "stage", "count", "value", "weighted"},
                       {{"currency", "CUR"}, {"stage", "STAGE"}, {"count", "DEALS"}, {"value", "VALUE"},
                        {"weighted", "WEIGHTED"}},
                       "value",
                       "stage",
                       {},
                       "no deals"};
  for (const auto& line : p.stages) {
    Value row = Value::map();
    row.set("currency", line.currency);
    row.set("stage", line.stage);
    row.set("count", Value::number(line.count));
    row.set("value", money_value(line.value));
    // A closed deal has no chance left to weigh.
    row.set("weighted", line.closing ? Value() : money_value(line.weighted));
    stages.rows.push_back(row);
  }
  ReportSection totals{"totals",
                       "Totals (open deals; won and lost apart)",
                       {},
                       {"currency", "open", "open_value", "weighted", "won", "won_value", "lost", "lost_value"},
                       {{"currency", "CUR"}, {"open", "OPEN"}, {"open_value", "OPEN VALUE"}, {"weighted", "WEIGHTED"},
                        {"won", "WON"}, {"won_value", "WON VALUE"}, {"lost", "LOST"}, {"lost_value", "LOST VALUE"}},
                       "",
                       "",
                       {},
                       "no deals"};
  for (const auto& t : p.totals) {
    Value row = Value::map();
    row.set("currency", t.currency);
    row.set("open", Value::number(t.open_count));
    row.set("open_value", money_value(t.open_value));
    row.set("weighted", money_value(t.weighted));
    row.set("won", Value::number(t.won_count));
    row.set("won_value", money_value(t.won_value));
    row.set("lost", Value::number(t.lost_count));
    row.set("lost_value", money_value(t.lost_value));
    totals.rows.push_back(row);
  }
  report.sections = {stages, totals};
  return report;
}

}  // namespace crm::cli
