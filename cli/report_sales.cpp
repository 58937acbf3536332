// crm report sales (and the registration of report pipeline)
#include "report_sales.hpp"

#include "commands.hpp"
#include "money.hpp"
#include "options.hpp"
#include "records_view.hpp"
#include "sales_report.hpp"

#include <memory>

namespace crm::cli {
namespace {

// Whole seconds as days with one decimal ("12.5"), rounded half up.
Value days(std::optional<long long> seconds) {
  if (!seconds) {
    return Value();
  }
  long long tenths = (*seconds * 10 + 43200) / 86400;
  return Value::number_text(std::to_string(tenths / 10) + "." + std::to_string(tenths % 10));
}

ReportSection sellers_section(const SalesReport& r, const std::string& by) {
  ReportSection s{"sellers",
                  by == "department" ? "Revenue won per department" : "Revenue won per salesperson",
                  {},
                  {by, "currency", "won", "lost", "win_rate", "revenue", "average", "median_cycle_days"},
                  {{by, by == "department" ? "DEPARTMENT" : "USER"}, {"currency", "CUR"}, {"won", "WON"},
                   {"lost", "LOST"}, {"win_rate", "WIN %"}, {"revenue", "REVENUE"}, {"average", "AVERAGE"},
                   {"median_cycle_days", "CYCLE DAYS"}},
                  "revenue",
                  by,
                  {},
                  "no deals won or lost"};
  for (const auto& row : r.sellers) {
    Value v = Value::map();
    v.set(by, row.group);
    v.set("currency", row.currency);
    v.set("won", Value::number(row.won));
    v.set("lost", Value::number(row.lost));
    v.set("win_rate", percent_value(row.won, row.won + row.lost));
    v.set("revenue", money_value(row.revenue));
    v.set("average", row.won == 0 ? Value() : money_value(row.average));
    v.set("median_cycle_days", days(row.median_cycle_seconds));
    s.rows.push_back(v);
  }
  return s;
}

ReportSection mix_section(const SalesReport& r, bool weekly) {
  ReportSection s{"mix",
                  "Up-sell and cross-sell share of revenue won",
                  {},
                  {weekly ? "week" : "month", "currency", "won", "revenue", "upsell", "cross_sell", "share"},
                  {{weekly ? "week" : "month", weekly ? "WEEK" : "MONTH"}, {"currency", "CUR"}, {"won", "WON"},
                   {"revenue", "REVENUE"}, {"upsell", "UPSELL"}, {"cross_sell", "CROSS-SELL"}, {"share", "SHARE %"}},
                  "share",
                  weekly ? "week" : "month",
                  {},
                  "no deals won"};
  for (const auto& row : r.mix) {
    Value v = Value::map();
    v.set(weekly ? "week" : "month", row.bucket);
    v.set("currency", row.currency);
    v.set("won", Value::number(row.won));
    v.set("revenue", money_value(row.revenue));
    v.set("upsell", money_value(row.upsell));
    v.set("cross_sell", money_value(row.cross_sell));
    v.set("share", percent_value(row.upsell + row.cross_sell, row.revenue));
    s.rows.push_back(v);
  }
  return s;
}

ReportSection clv_section(const Store& store, const std::vector<ClvRow>& rows, bool contacts) {
  std::string key = contacts ? "contact" : "org";
  ReportSection s{contacts ? "lifetime_contacts" : "lifetime_orgs",
                  contacts ? "Customer lifetime value per contact" : "Customer lifetime value per organisation",
                  {},
                  {},
                  {},
                  "value",
                  contacts ? "contact_name" : "org",
                  {},
                  "no deals won"};
  for (const auto& row : rows) {
    Value v = Value::map();
    v.set(key, row.who);
    v.set("currency", row.currency);
    v.set("deals", Value::number(row.deals));
    v.set("value", money_value(row.cents));
    s.rows.push_back(v);
  }
  if (contacts) {
    add_contact_names(store, s.rows);
    s.fields = {"contact", "contact_name", "currency", "deals", "value"};
    s.columns = {{"contact", "CONTACT"}, {"contact_name", "NAME"}, {"currency", "CUR"}, {"deals", "DEALS"},
                 {"value", "VALUE"}};
  } else {
    s.fields = {"org", "currency", "deals", "value"};
    s.columns = {{"org", "ORGANISATION"}, {"currency", "CUR"}, {"deals", "DEALS"}, {"value", "VALUE"}};
  }
  return s;
}

}  // namespace

Value money_value(long long cents) { return Value::number_text(format_money(cents)); }

Report sales_report(Session& session, const SalesOptions& o) {
  const Store& store = session.store();
  Timestamp now = session.now();
  SalesReportOptions options;
  options.period = chosen_period(session, o.period, "all", [&](const std::string& name) {
    return name == "all" ? Period{"all", Timestamp::min(), now, true} : named_period(name, now);
  });
  options.weekly = o.per == "week";
  options.zone = session.zone();
  options.top = static_cast<std::size_t>(o.top);
  if (o.by == "department") {
    for (const auto& u : store.load_all(user_kind())) {
      options.group_of[u.id] = u.get("department");
    }
  }
  SalesReport r = crm::sales_report(store.load_all(deal_kind()), options);
  Report report;
  report.name = "sales";
  report.title = "Sales";
  add_period_facts(report, options.period);
  report.facts.set("by", o.by);
  report.sections = {sellers_section(r, o.by), mix_section(r, options.weekly), clv_section(store, r.contacts, true),
                     clv_section(store, r.orgs, false)};
  return report;
}

void add_sales_reports(CLI::App* report, Session& session) {
  auto pipeline = std::make_shared<PipelineOptions>();
  auto* cmd = report->add_subcommand("pipeline", "Deals per stage: count, value and weighted value, per currency");
  cmd->add_option("--owner", pipeline->owner, "Only this salesperson's deals");
  cmd->callback([&session, pipeline] { print_report(session, pipeline_report(session, *pipeline)); });

  auto sales = std::make_shared<SalesOptions>();
  cmd = report->add_subcommand(
      "sales", "Revenue won, win rate, deal size and sales cycle per salesperson; up-/cross-sell share; lifetime value");
  add_period_options(cmd, sales->period, rolling_period_help("all"));
  cmd->add_option("--by", sales->by, "user (default) or department")->check(CLI::IsMember({"user", "department"}));
  cmd->add_option("--per", sales->per, "month (default) or week: the rows of the up-/cross-sell share")
      ->check(CLI::IsMember({"month", "week"}));
  cmd->add_option("--top", sales->top, "Lifetime-value rows to show (default 10)")->check(at_least_one());
  cmd->callback([&session, sales] { print_report(session, sales_report(session, *sales)); });
}

}  // namespace crm::cli
