#include "config_error.hpp"
#include "deals.hpp"
#include "money.hpp"
#include "pipeline.hpp"
#include "temp_crm.hpp"
#include "yaml_io.hpp"

#include <doctest/doctest.h>

using namespace crm;

namespace {

std::vector<std::string> messages(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& p : deal_consistency_problems(parse_yaml(text, "d.yaml"), "d.yaml")) {
    out.push_back(p.text());
  }
  return out;
}

const char* const k_head =
    "id: D-000000000000\ntitle: Pumps\ncontact: P-000000000000\nvalue: 100.00\ncurrency: EUR\n";
const char* const k_created = "history:\n  - {at: 2026-11-23T09:00:00Z, by: vera, event: created, to: lead}\n";

// A deal file with the given cached fields and events after `created`.
std::string deal(const std::string& fields, const std::string& events = "") {
  return k_head + fields + k_created + events;
}

}  // namespace

TEST_CASE("parse_money") {
  CHECK(parse_money("1200.50") == 120050);
  CHECK(parse_money("1200.5") == 120050);
  CHECK(parse_money("1200") == 120000);
  CHECK(parse_money("0.01") == 1);
  for (const char* bad : {"", ".5", "1.", "1.005", "-1", "+1", "1,5", "1e3", " 1", "12345678901234"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_money(bad));
  }
}

TEST_CASE("format_money and percent_of") {
  CHECK(format_money(120050) == "1200.50");
  CHECK(format_money(5) == "0.05");
  CHECK(format_money(0) == "0.00");
  CHECK(format_money(-305) == "-3.05");
  CHECK(percent_of(99999, 25) == 25000);  // 249.9975 rounds to 250.00
  CHECK(percent_of(33333, 33) == 11000);  // 109.9989
  CHECK(percent_of(1, 50) == 1);          // half a cent rounds up
  CHECK(percent_of(-1, 50) == -1);
  CHECK(is_currency_code("EUR"));
  CHECK_FALSE(is_currency_code("eur"));
  CHECK_FALSE(is_currency_code("EURO"));
}

TEST_CASE("deal_consistency_problems replays stage and status from history") {
  CHECK(messages(deal("stage: lead\nstatus: open\nprobability: 10\n")).empty());
  CHECK(messages(deal("stage: won\nstatus: won\nwon: 2026-11-24T09:00:00Z\n",
                      "  - {at: 2026-11-24T09:00:00Z, by: vera, event: won, from: lead}\n"))
            .empty());
  CHECK(messages(deal("stage: lost\nstatus: lost\nlost: 2026-11-24T09:00:00Z\nlost_reason: budget\n",
                      "  - {at: 2026-11-24T09:00:00Z, by: vera, event: lost, reason: budget}\n"))
            .empty());
  CHECK(messages(deal("stage: proposal\nstatus: open\n",
                      "  - {at: 2026-11-24T09:00:00Z, by: vera, event: won}\n"
                      "  - {at: 2026-11-25T09:00:00Z, by: vera, event: reopened, to: proposal}\n"))
            .empty());
}

TEST_CASE("deal_consistency_problems names the line of what is wrong") {
  CHECK(messages(deal("stage: won\nstatus: open\n")) ==
        std::vector<std::string>{"d.yaml:6: 'stage' is 'won' but the history says 'lead'"});
  CHECK(messages(deal("stage: lead\nstatus: open\nprobability: 101\n")) ==
        std::vector<std::string>{"d.yaml:8: 'probability': '101' is not a whole number from 0 to 100"});
  auto problems = messages(deal("stage: lead\nstatus: open\n", "  - {at: 2026-11-24T09:00:00Z, by: vera, event: reopened, to: lead}\n"));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0] == "d.yaml:10: history: 'reopened' is not allowed: it is open");
  CHECK(messages(std::string(k_head) + "stage: lead\nstatus: open\n") ==
        std::vector<std::string>{"d.yaml:1: a deal needs a history that starts with 'created'"});
}

TEST_CASE("pipeline_of adds cents per currency and stage, weighting open deals only") {
  test::TempCrm crm("deals:\n  stages: [lead, proposal, won, lost]\n");
  auto write = [&](const std::string& id, const std::string& value, const std::string& currency,
                   const std::string& stage, const std::string& probability, const std::string& owner) {
    std::string status = stage == "won" || stage == "lost" ? stage : "open";
    crm.write("deals/" + id + ".yaml", "id: " + id + "\ntitle: X\ncontact: P-000000000000\nvalue: " + value +
                                           "\ncurrency: " + currency + "\nstage: " + stage + "\nstatus: " + status +
                                           "\nprobability: " + probability + "\nowner: " + owner + "\n" + k_created);
  };
  write("D-000000000001", "1000.00", "EUR", "proposal", "50", "vera");
  write("D-000000000002", "333.33", "EUR", "proposal", "33", "sam");
  write("D-000000000003", "0.01", "EUR", "lead", "50", "vera");
  write("D-000000000004", "400.00", "EUR", "won", "100", "vera");
  write("D-000000000005", "999.99", "USD", "lead", "25", "vera");
  Pipeline p = pipeline_of(crm.store(), "");
  REQUIRE(p.stages.size() == 8);
  CHECK(p.stages[0].stage == "lead");
  CHECK(p.stages[0].weighted == 1);
  CHECK(p.stages[1].count == 2);
  CHECK(p.stages[1].value == 133333);
  CHECK(p.stages[1].weighted == 50000 + 11000);
  CHECK(p.stages[2].closing);
  CHECK(p.stages[2].weighted == 0);
  CHECK(p.stages[4].currency == "USD");
  REQUIRE(p.totals.size() == 2);
  CHECK(p.totals[0].open_count == 3);
  CHECK(p.totals[0].open_value == 133334);
  CHECK(p.totals[0].weighted == 61001);
  CHECK(p.totals[0].won_value == 40000);
  CHECK(p.totals[1].weighted == 25000);
  Pipeline vera = pipeline_of(crm.store(), "vera");
  CHECK(vera.totals[0].open_value == 100001);
}

TEST_CASE("parse_deals") {
  SUBCASE("the defaults") {
    Config c = load_config("", "crm.yaml");
    CHECK(c.deals.currency == "EUR");
    CHECK(c.list("deal_stages") ==
          std::vector<std::string>{"lead", "qualified", "proposal", "negotiation", "won", "lost"});
    CHECK(c.deals.probability_of("negotiation") == 75);
    CHECK(c.deals.probability_of("won") == 100);
  }
  SUBCASE("configured stages and probabilities; a stage without one gets 0") {
    Config c = load_config("deals:\n  currency: USD\n  stages: [cold, warm, won, lost]\n  probability: {warm: 40}\n",
                           "crm.yaml");
    CHECK(c.deals.currency == "USD");
    CHECK(c.list("deal_stages") == std::vector<std::string>{"cold", "warm", "won", "lost"});
    CHECK(c.deals.probability_of("warm") == 40);
    CHECK(c.deals.probability_of("cold") == 0);
    CHECK(config_problems(c, "crm.yaml").empty());
  }
  SUBCASE("errors point at the line") {
    CHECK(config_error("deals:\n  stages: [lead, Lead, won, lost]\n") ==
          "crm.yaml:2: deals.stages: 'Lead' is not a stage name (lower-case letters, digits and '-')");
    CHECK(config_error("deals:\n  stages: [lead, lead, won, lost]\n") == "crm.yaml:2: deals.stages: 'lead' is listed twice");
    CHECK(config_error("deals:\n  probability:\n    lead: 101\n") ==
          "crm.yaml:3: deals.probability.lead: '101' is not a whole number from 0 to 100");
    CHECK(config_error("deals:\n  probability:\n    won: 90\n") ==
          "crm.yaml:3: deals.probability.won: a won deal's probability is always 100");
  }
  SUBCASE("crm check names unknown keys") {
    Config c = load_config("deals:\n  currencies: USD\n", "crm.yaml");
    auto problems = config_problems(c, "crm.yaml");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].text().find("deals.currencies") != std::string::npos);
  }
}
