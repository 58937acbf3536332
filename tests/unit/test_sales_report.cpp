// sales_report: revenue, win rate, deal size, median sales cycle, the
// up-/cross-sell share per month or week and lifetime value, on a fixture
// whose numbers are worked out by hand in the comments.
#include "sales_report.hpp"
#include "timestamp.hpp"

#include <doctest/doctest.h>

using namespace crm;

namespace {

const long long k_day = 86400;

// A deal created at `created`, closed `status` ("won", "lost" or "open") at `closed`.
Record deal(const std::string& id, const std::string& owner, const std::string& value, const std::string& currency,
            const std::string& kind, const std::string& contact, const std::string& org, const std::string& created,
            const std::string& status, const std::string& closed) {
  Record r;
  r.kind = &deal_kind();
  r.id = id;
  r.data = Value::map();
  for (auto [key, v] : {std::pair{"id", id}, {"owner", owner}, {"value", value}, {"currency", currency},
                        {"kind", kind}, {"contact", contact}, {"org", org}, {"status", status}}) {
    if (!v.empty()) {
      r.data.set(key, v);
    }
  }
  if (status != "open") {
    r.data.set(status, closed);
  }
  Value history = Value::list();
  Value e = Value::map();
  e.set("at", created);
  e.set("event", "created");
  history.push_back(e);
  r.data.set("history", history);
  return r;
}

std::vector<Record> fixture() {
  return {
      // ann, EUR: won after 10, 2.5 and 4 days; one lost.
      deal("D-1", "ann", "1000.00", "EUR", "new", "P-1", "Acme", "2026-10-01T00:00:00Z", "won", "2026-10-11T00:00:00Z"),
      deal("D-2", "ann", "500.00", "EUR", "upsell", "P-1", "Acme", "2026-11-01T00:00:00Z", "won", "2026-11-03T12:00:00Z"),
      deal("D-3", "ann", "250.01", "EUR", "cross-sell", "P-2", "Beta", "2026-11-01T00:00:00Z", "won",
           "2026-11-05T00:00:00Z"),
      deal("D-4", "ann", "300.00", "EUR", "new", "P-2", "Beta", "2026-11-01T00:00:00Z", "lost", "2026-11-10T00:00:00Z"),
      // bob, EUR: won after 20 and 1 days; two lost.
      deal("D-5", "bob", "200.00", "EUR", "renewal", "P-2", "Beta", "2026-11-01T00:00:00Z", "won",
           "2026-11-21T00:00:00Z"),
      deal("D-6", "bob", "10.00", "EUR", "new", "P-3", "", "2026-11-01T00:00:00Z", "lost", "2026-11-15T00:00:00Z"),
      deal("D-7", "bob", "10.00", "EUR", "new", "P-3", "", "2026-11-01T00:00:00Z", "lost", "2026-11-16T00:00:00Z"),
      deal("D-8", "bob", "100.00", "EUR", "new", "P-3", "", "2026-11-01T00:00:00Z", "won", "2026-11-02T00:00:00Z"),
      // ann, USD: won after a day.
      deal("D-9", "ann", "100.00", "USD", "upsell", "P-1", "Acme", "2026-11-19T00:00:00Z", "won",
           "2026-11-20T00:00:00Z"),
      // Open: never counted.
      deal("D-10", "ann", "9999.00", "EUR", "new", "P-1", "Acme", "2026-11-01T00:00:00Z", "open", ""),
  };
}

SalesReportOptions all_time() {
  SalesReportOptions o;
  o.period = {"all", Timestamp::min(), *parse_stored_time("2026-11-23T00:00:00Z"), true};
  o.zone = find_zone("UTC");
  return o;
}

}  // namespace

TEST_CASE("sales_report per salesperson") {
  SalesReport r = sales_report(fixture(), all_time());
  REQUIRE(r.sellers.size() == 3);
  // ann EUR: 1000.00 + 500.00 + 250.01 = 1750.01; 1750.01 / 3 = 583.3367 -> 583.34;
  // cycles 10, 2.5 and 4 days: median 4 days.
  CHECK(r.sellers[0].group == "ann");
  CHECK(r.sellers[0].currency == "EUR");
  CHECK(r.sellers[0].won == 3);
  CHECK(r.sellers[0].lost == 1);
  CHECK(r.sellers[0].revenue == 175001);
  CHECK(r.sellers[0].average == 58334);
  CHECK(r.sellers[0].median_cycle_seconds == 4 * k_day);
  // bob EUR: 200.00 + 100.00; median of 20 and 1 days is 10.5 days.
  CHECK(r.sellers[1].group == "bob");
  CHECK(r.sellers[1].won == 2);
  CHECK(r.sellers[1].lost == 2);
  CHECK(r.sellers[1].revenue == 30000);
  CHECK(r.sellers[1].average == 15000);
  CHECK(r.sellers[1].median_cycle_seconds == 21 * k_day / 2);
  // ann USD apart: never added to EUR.
  CHECK(r.sellers[2].group == "ann");
  CHECK(r.sellers[2].currency == "USD");
  CHECK(r.sellers[2].revenue == 10000);
  CHECK(r.sellers[2].median_cycle_seconds == k_day);
}

TEST_CASE("sales_report counts only deals closed in the period") {
  SalesReportOptions o = all_time();
  o.period.since = *parse_stored_time("2026-11-01T00:00:00Z");
  o.period.until = *parse_stored_time("2026-11-16T00:00:00Z");
  o.period.through = false;
  SalesReport r = sales_report(fixture(), o);
  REQUIRE(r.sellers.size() == 2);
  // ann EUR: D-2 and D-3 won (75001 cents, average 375.005 -> 375.01), D-4 lost;
  // cycles 2.5 and 4 days: median 3.25 days.
  CHECK(r.sellers[0].revenue == 75001);
  CHECK(r.sellers[0].average == 37501);
  CHECK(r.sellers[0].lost == 1);
  CHECK(r.sellers[0].median_cycle_seconds == 280800);
  // bob: D-8 won, D-6 lost (D-7 on the 16th is outside, D-5 on the 21st too).
  CHECK(r.sellers[1].won == 1);
  CHECK(r.sellers[1].lost == 1);
  // Lifetime value still counts every win up to the period's end.
  REQUIRE(r.contacts.size() == 3);
  CHECK(r.contacts[0].cents == 150000);
}

TEST_CASE("sales_report per department") {
  SalesReportOptions o = all_time();
  o.group_of = {{"ann", "sales"}, {"bob", "sales"}};
  SalesReport r = sales_report(fixture(), o);
  REQUIRE(r.sellers.size() == 2);
  CHECK(r.sellers[0].group == "sales");
  CHECK(r.sellers[0].won == 5);
  CHECK(r.sellers[0].lost == 3);
  CHECK(r.sellers[0].revenue == 205001);
  // Cycles 10, 2.5, 4, 20, 1 days: median 4.
  CHECK(r.sellers[0].median_cycle_seconds == 4 * k_day);
}

TEST_CASE("sales_report up-sell and cross-sell share per month and week") {
  SalesReport r = sales_report(fixture(), all_time());
  REQUIRE(r.mix.size() == 3);
  CHECK(r.mix[0].bucket == "2026-10");
  CHECK(r.mix[0].revenue == 100000);
  CHECK(r.mix[0].upsell + r.mix[0].cross_sell == 0);
  // November, EUR: D-2 (upsell 500.00), D-3 (cross-sell 250.01), D-5, D-8.
  CHECK(r.mix[1].bucket == "2026-11");
  CHECK(r.mix[1].currency == "EUR");
  CHECK(r.mix[1].won == 4);
  CHECK(r.mix[1].revenue == 105001);
  CHECK(r.mix[1].upsell == 50000);
  CHECK(r.mix[1].cross_sell == 25001);
  CHECK(r.mix[2].currency == "USD");
  CHECK(r.mix[2].upsell == 10000);

  SalesReportOptions weekly = all_time();
  weekly.weekly = true;
  r = sales_report(fixture(), weekly);
  std::vector<std::string> buckets;
  for (const auto& m : r.mix) {
    buckets.push_back(m.bucket + " " + m.currency + " " + std::to_string(m.revenue));
  }
  // D-1 on Sun 11 Oct (W41); D-8 Mon 2, D-2 Tue 3, D-3 Thu 5 Nov (W45); D-9 Fri 20 and D-5 Sat 21 Nov (W47).
  CHECK(buckets == std::vector<std::string>{"2026-W41 EUR 100000", "2026-W45 EUR 85001", "2026-W47 EUR 20000",
                                            "2026-W47 USD 10000"});
}

TEST_CASE("sales_report lifetime value per contact and organisation") {
  SalesReportOptions o = all_time();
  SalesReport r = sales_report(fixture(), o);
  auto text = [](const std::vector<ClvRow>& rows) {
    std::vector<std::string> out;
    for (const auto& c : rows) {
      out.push_back(c.who + " " + c.currency + " " + std::to_string(c.deals) + " " + std::to_string(c.cents));
    }
    return out;
  };
  // P-1: D-1 + D-2 in EUR, D-9 in USD; P-2: D-3 + D-5; P-3: D-8. Ties by ID.
  CHECK(text(r.contacts) ==
        std::vector<std::string>{"P-1 EUR 2 150000", "P-2 EUR 2 45001", "P-1 USD 1 10000", "P-3 EUR 1 10000"});
  // D-8 has no organisation.
  CHECK(text(r.orgs) == std::vector<std::string>{"Acme EUR 2 150000", "Beta EUR 2 45001", "Acme USD 1 10000"});
  o.top = 2;
  CHECK(sales_report(fixture(), o).contacts.size() == 2);
}
