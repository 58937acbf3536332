// crm deal and crm report pipeline (issue 12): deals move through the
// configured stages, close won or lost, earn points, and add up per currency
// in whole cents.
#include "harness.hpp"

#include <doctest/doctest.h>

using namespace e2e;
using V = std::vector<std::string>;

namespace {

std::string str(const YAML::Node& n) { return n && !n.IsNull() ? n.as<std::string>() : ""; }

std::string deal_path(const std::string& id) { return "deals/" + id + ".yaml"; }

// Olivia's water CRM with a customer of an organisation, and deals added by `add`.
struct Sales {
  Sandbox s;
  std::string acme;

  Sales() {
    s.init_with_people();
    acme = s.ok({"contact", "add", "--name", "Ana Acme", "--org", "Acme Pumps"});
  }

  std::string add(const V& args) {
    V all = {"deal", "add", "--contact", acme};
    all.insert(all.end(), args.begin(), args.end());
    std::string id = s.ok(all);
    CHECK(is_generated_id(id, "D"));
    CHECK(s.exists(deal_path(id)));
    return id;
  }
};

}  // namespace

TEST_CASE("deal add stores a deal with the defaults of its stage and contact") {
  Sales t;
  std::string id = t.add({"--title", "Meter upgrade", "--value", "1200.5", "--close", "2026-12-15"});
  YAML::Node d = parse(t.s.read(deal_path(id)));
  CHECK(str(d["title"]) == "Meter upgrade");
  CHECK(str(d["contact"]) == t.acme);
  CHECK(str(d["org"]) == "Acme Pumps");
  CHECK(str(d["value"]) == "1200.50");
  CHECK(str(d["currency"]) == "EUR");
  CHECK(str(d["stage"]) == "lead");
  CHECK(str(d["status"]) == "open");
  CHECK(str(d["probability"]) == "10");
  CHECK(str(d["kind"]) == "new");
  CHECK(str(d["owner"]) == "olivia");
  CHECK(str(d["expected_close"]) == "2026-12-15T00:00:00Z");
  CHECK(str(d["history"][0]["event"]) == "created");
  CHECK(str(d["history"][0]["to"]) == "lead");

  SUBCASE("options override the defaults") {
    std::string other = t.add({"--title", "Pumps", "--value", "99", "--currency", "usd", "--stage", "proposal",
                               "--owner", "raquel", "--probability", "60", "--kind", "upsell", "--org", "Acme Ltd"});
    YAML::Node o = parse(t.s.read(deal_path(other)));
    CHECK(str(o["value"]) == "99.00");
    CHECK(str(o["currency"]) == "USD");
    CHECK(str(o["stage"]) == "proposal");
    CHECK(str(o["owner"]) == "raquel");
    CHECK(str(o["probability"]) == "60");
    CHECK(str(o["kind"]) == "upsell");
    CHECK(str(o["org"]) == "Acme Ltd");
  }
  SUBCASE("crm.yaml sets the currency and the stage probabilities") {
    t.s.write("crm.yaml", "deals:\n  currency: USD\n  stages: [cold, warm, won, lost]\n  probability: {warm: 40}\n");
    std::string other = t.add({"--title", "Pumps", "--value", "5", "--stage", "warm"});
    YAML::Node o = parse(t.s.read(deal_path(other)));
    CHECK(str(o["currency"]) == "USD");
    CHECK(str(o["probability"]) == "40");
    // The first deal's stage is no longer configured.
    CHECK(t.s.run({"check"}).out == "deals/" + id + ".yaml:7: 'stage': 'lead' is not one of cold, warm, won, lost\n");
  }
}

TEST_CASE("deal add refuses bad input with exit status 2 and changes nothing") {
  Sales t;
  auto refused = [&](const V& args, const std::string& message) {
    V all = {"deal", "add", "--contact", t.acme, "--title", "X"};
    all.insert(all.end(), args.begin(), args.end());
    Result r = t.s.fails(2, all);
    CHECK(r.err == "crm: error: " + message + "\n");
  };
  refused({"--value", "12.345"}, "--value: '12.345' is not an amount like 1200.50 (at most two decimals, no sign)");
  refused({"--value", "-5"}, "--value: '-5' is not an amount like 1200.50 (at most two decimals, no sign)");
  refused({"--value", "5", "--stage", "qualifed"},
          "'qualifed' is not a deal stage; the stages are lead, qualified, proposal, negotiation, won, lost "
          "(did you mean 'qualified'?)");
  refused({"--value", "5", "--stage", "lost"}, "a deal cannot start lost; add it, then `crm deal lost ID --reason TEXT`");
  refused({"--value", "5", "--currency", "euro"}, "--currency: 'EURO' is not a currency code like EUR or USD");
  refused({"--value", "5", "--probability", "101"}, "--probability: 101 is not from 0 to 100");
  refused({"--value", "5", "--kind", "upsel"},
          "--kind: 'upsel' is not one of new, upsell, cross-sell, renewal (did you mean 'upsell'?)");
  t.s.fails(4, {"deal", "add", "--contact", "P-NOSUCHCONTAC", "--title", "X", "--value", "5"});
}

TEST_CASE("deal stage won and lost replay the stage and status from history") {
  Sales t;
  std::string id = t.add({"--title", "Meter upgrade", "--value", "1000"});
  CHECK(t.s.run({"deal", "stage", id, "proposal", "--note", "sent"}).err == id + ": staged; now proposal (open)\n");
  YAML::Node d = parse(t.s.read(deal_path(id)));
  CHECK(str(d["probability"]) == "50");
  CHECK(str(d["history"][1]["from"]) == "lead");
  CHECK(str(d["history"][1]["to"]) == "proposal");

  Result r = t.s.fails(2, {"deal", "stage", id, "bogus"});
  CHECK(r.err ==
        "crm: error: 'bogus' is not a deal stage; the stages are lead, qualified, proposal, negotiation, won, lost\n");
  r = t.s.fails(2, {"deal", "stage", id, "lost"});
  CHECK(r.err == "crm: error: losing a deal needs a reason: crm deal lost ID --reason TEXT\n");
  r = t.s.fails(2, {"deal", "stage", id, "proposal"});
  CHECK(r.err == "crm: error: deal " + id + " is in stage proposal already\n");
  r = t.s.fails(2, {"deal", "lost", id});
  CHECK(r.err.find("--reason is required") != std::string::npos);

  SUBCASE("won") {
    t.s.ok({"--now", "2026-11-24 10:00", "deal", "won", id});
    d = parse(t.s.read(deal_path(id)));
    CHECK(str(d["stage"]) == "won");
    CHECK(str(d["status"]) == "won");
    CHECK(str(d["won"]) == "2026-11-24T10:00:00Z");
    CHECK(str(d["probability"]) == "100");
    t.s.fails(2, {"deal", "won", id});
    // Reopening clears the closing fields.
    t.s.ok({"deal", "stage", id, "negotiation"});
    d = parse(t.s.read(deal_path(id)));
    CHECK(str(d["status"]) == "open");
    CHECK(str(d["history"][3]["event"]) == "reopened");
    CHECK(!d["won"]);
    CHECK(str(d["probability"]) == "75");
  }
  SUBCASE("lost") {
    t.s.ok({"deal", "lost", id, "--reason", "too expensive"});
    d = parse(t.s.read(deal_path(id)));
    CHECK(str(d["status"]) == "lost");
    CHECK(str(d["lost_reason"]) == "too expensive");
    CHECK(str(d["probability"]) == "0");
  }
  CHECK(t.s.run({"check"}).status == 0);
}

TEST_CASE("deal won earns the owner 50 points in the sales category") {
  Sales t;
  std::string id = t.add({"--title", "Meter upgrade", "--value", "1000", "--owner", "raquel"});
  t.s.ok({"deal", "won", id});
  YAML::Node p = parse(t.s.ok({"--format", "json", "points", "raquel"}));
  CHECK(str(p["sales"]) == "50");
}

TEST_CASE("deal set changes fields and records an edited event") {
  Sales t;
  std::string id = t.add({"--title", "Meter upgrade", "--value", "1000"});
  CHECK(t.s.run({"deal", "set", id, "--value", "1500.25", "--close", "2027-01-10", "--probability", "30"}).err ==
        id + ": changed value, probability, expected_close\n");
  YAML::Node d = parse(t.s.read(deal_path(id)));
  CHECK(str(d["value"]) == "1500.25");
  CHECK(str(d["probability"]) == "30");
  CHECK(str(d["history"][1]["event"]) == "edited");
  t.s.fails(2, {"deal", "set", id, "--value", "1,5"});
  t.s.fails(2, {"deal", "set", id, "--probability", "-1"});
  t.s.ok({"deal", "won", id});
  t.s.fails(2, {"deal", "set", id, "--probability", "50"});
}

TEST_CASE("deal list filters and prints every format") {
  Sales t;
  std::string a = t.add({"--title", "Alpha", "--value", "100", "--close", "2026-12-01"});
  std::string b = t.add({"--title", "Beta", "--value", "200", "--owner", "raquel", "--kind", "renewal"});
  t.s.ok({"deal", "lost", b, "--reason", "budget"});
  auto ids = [&](const V& args) {
    V all = {"--format", "json", "deal", "list"};
    all.insert(all.end(), args.begin(), args.end());
    V out;
    for (const auto& row : parse(t.s.ok(all))) {
      out.push_back(str(row["id"]));
    }
    return out;
  };
  CHECK(ids({}) == V{a, b});
  CHECK(ids({"--open"}) == V{a});
  CHECK(ids({"--lost"}) == V{b});
  CHECK(ids({"--status", "won"}).empty());
  CHECK(ids({"--owner", "raquel"}) == V{b});
  CHECK(ids({"--kind", "renewal"}) == V{b});
  CHECK(ids({"--stage", "lead"}) == V{a});
  CHECK(ids({"--contact", t.acme}) == V{a, b});
  t.s.fails(2, {"deal", "list", "--stage", "nope"});
  YAML::Node rows = parse(t.s.ok({"--format", "json", "deal", "list"}));
  CHECK(str(rows[0]["contact_name"]) == "Ana Acme");
  CHECK(rows[0]["probability"].as<int>() == 10);
  CHECK(lines(t.s.ok({"--format", "csv", "deal", "list"}))[0] ==
        "id,title,contact,contact_name,org,value,currency,stage,status,probability,kind,owner,expected_close,created,"
        "updated");
  CHECK(lines(t.s.ok({"--format", "tsv", "deal", "list", "--lost"})).size() == 2);
  CHECK(parse(t.s.ok({"--format", "yaml", "deal", "list"})).size() == 2);
  std::string table = t.s.ok({"deal", "list"});
  CHECK(lines(table)[0].rfind("ID", 0) == 0);
  CHECK(table.find("Alpha") != std::string::npos);
}

TEST_CASE("deal show prints the deal and its history") {
  Sales t;
  std::string id = t.add({"--title", "Alpha", "--value", "100"});
  YAML::Node d = parse(t.s.ok({"--format", "json", "deal", "show", id.substr(0, 5)}));
  CHECK(str(d["id"]) == id);
  CHECK(str(d["created"]) == "2026-11-23T09:00:00Z");
  CHECK(d["history"].size() == 1);
  std::string table = t.s.ok({"deal", "show", id});
  CHECK(table.find("stage:") != std::string::npos);
  CHECK(table.find("History") != std::string::npos);
  t.s.fails(4, {"deal", "show", "D-NOSUCHDEAL0"});
}

TEST_CASE("crm check and reads point at a malformed deal file") {
  Sales t;
  std::string id = t.add({"--title", "Alpha", "--value", "100"});
  std::string text = t.s.read(deal_path(id));
  auto replace = [&](const std::string& from, const std::string& to) {
    std::string out = text;
    out.replace(out.find(from), from.size(), to);
    return out;
  };
  t.s.write(deal_path(id), replace("value: 100.00", "value: 1.005"));
  Result r = t.s.run({"check"});
  CHECK(r.status == 1);
  CHECK(r.out.find("deals/" + id + ".yaml:5: 'value': '1.005' is not an amount like 1200.50") != std::string::npos);

  t.s.write(deal_path(id), replace("stage: lead", "stage: leed"));
  r = t.s.run({"check"});
  CHECK(r.out.find("'stage': 'leed' is not one of") != std::string::npos);

  t.s.write(deal_path(id), replace("probability: 10", "probability: 140"));
  r = t.s.run({"check"});
  CHECK(r.out.find("'probability': '140' is not a whole number from 0 to 100") != std::string::npos);

  t.s.write(deal_path(id), replace("title: Alpha", "title: [Alpha"));
  r = t.s.fails(3, {"deal", "show", id});
  CHECK(r.err.rfind("crm: error: deals/" + id + ".yaml:", 0) == 0);
}

TEST_CASE("crm.yaml's deals section is validated with its line") {
  Sales t;
  t.s.write("crm.yaml", "deals:\n  stages: [lead, won]\n");
  Result r = t.s.fails(3, {"deal", "list"});
  CHECK(r.err == "crm: error: crm.yaml:2: deals.stages must list the closing stage 'lost'\n");
  t.s.write("crm.yaml", "deals:\n  probability:\n    leed: 5\n");
  r = t.s.fails(3, {"deal", "list"});
  CHECK(r.err == "crm: error: crm.yaml:3: deals.probability.leed: 'leed' is not a stage (did you mean 'lead'?)\n");
  t.s.write("crm.yaml", "deals:\n  currency: euro\n");
  r = t.s.fails(3, {"deal", "list"});
  CHECK(r.err == "crm: error: crm.yaml:2: deals.currency: 'euro' is not a currency code like EUR or USD\n");
}

TEST_CASE("report pipeline sums each stage per currency in cents") {
  Sales t;
  t.add({"--title", "A", "--value", "1000", "--stage", "proposal"});                      // weighted 500.00
  t.add({"--title", "B", "--value", "333.33", "--stage", "proposal", "--probability", "33"});  // 110.00 (109.9989)
  t.add({"--title", "C", "--value", "999.99", "--stage", "qualified", "--currency", "USD"});  // 250.00 (249.9975)
  std::string won = t.add({"--title", "D", "--value", "400", "--owner", "raquel"});
  t.s.ok({"deal", "won", won});
  std::string lost = t.add({"--title", "E", "--value", "50"});
  t.s.ok({"deal", "lost", lost, "--reason", "budget"});

  YAML::Node r = parse(t.s.ok({"--format", "json", "report", "pipeline"}));
  CHECK(str(r["report"]) == "pipeline");
  REQUIRE(r["stages"].size() == 12);
  YAML::Node proposal = r["stages"][2];
  CHECK(str(proposal["currency"]) == "EUR");
  CHECK(str(proposal["stage"]) == "proposal");
  CHECK(str(proposal["count"]) == "2");
  CHECK(str(proposal["value"]) == "1333.33");
  CHECK(str(proposal["weighted"]) == "610.00");
  CHECK(str(r["stages"][4]["value"]) == "400.00");
  CHECK(r["stages"][4]["weighted"].IsNull());
  CHECK(str(r["stages"][7]["currency"]) == "USD");
  CHECK(str(r["stages"][7]["weighted"]) == "250.00");
  REQUIRE(r["totals"].size() == 2);
  CHECK(str(r["totals"][0]["open"]) == "2");
  CHECK(str(r["totals"][0]["open_value"]) == "1333.33");
  CHECK(str(r["totals"][0]["weighted"]) == "610.00");
  CHECK(str(r["totals"][0]["won_value"]) == "400.00");
  CHECK(str(r["totals"][0]["lost_value"]) == "50.00");
  CHECK(str(r["totals"][1]["open_value"]) == "999.99");

  CHECK(lines(t.s.ok({"--format", "csv", "report", "pipeline"})) ==
        V{"currency,stage,count,value,weighted", "EUR,lead,0,0.00,0.00", "EUR,qualified,0,0.00,0.00",
          "EUR,proposal,2,1333.33,610.00", "EUR,negotiation,0,0.00,0.00", "EUR,won,1,400.00,", "EUR,lost,1,50.00,",
          "USD,lead,0,0.00,0.00", "USD,qualified,1,999.99,250.00", "USD,proposal,0,0.00,0.00",
          "USD,negotiation,0,0.00,0.00", "USD,won,0,0.00,", "USD,lost,0,0.00,"});
  CHECK(lines(t.s.ok({"--format", "tsv", "report", "pipeline"}))[3] == "EUR\tproposal\t2\t1333.33\t610.00");
  YAML::Node y = parse(t.s.ok({"--format", "yaml", "report", "pipeline", "--owner", "raquel"}));
  CHECK(str(y["owner"]) == "raquel");
  CHECK(y["stages"].size() == 6);
  CHECK(str(y["totals"][0]["won_value"]) == "400.00");
  CHECK(str(y["totals"][0]["open"]) == "0");
  std::string table = t.s.ok({"report", "pipeline"});
  CHECK(table.find("1333.33") != std::string::npos);
  t.s.fails(4, {"report", "pipeline", "--owner", "nobody"});
}

TEST_CASE("contact show is the 360-degree view: deals, lifetime value, open service levels and missions") {
  Sales t;
  t.s.write("crm.yaml", "sla:\n  default: {acknowledge: 4h, resolve: 2d}\n");
  std::string a = t.add({"--title", "Pumps", "--value", "1000.10"});
  std::string b = t.add({"--title", "Meters", "--value", "99.95"});
  std::string c = t.add({"--title", "Valves", "--value", "50", "--currency", "USD"});
  t.add({"--title", "Pipes", "--value", "7"});
  for (const auto& id : {a, b, c}) {
    t.s.ok({"deal", "won", id});
  }
  std::string kase = t.s.ok({"case", "open", "--contact", t.acme, "--title", "Leak", "--department", "water"});
  std::string mission = t.s.ok({"mission", "create", "--title", "Win back " + t.acme, "--reward", "cake"}, "");

  YAML::Node v = parse(t.s.ok({"--format", "json", "contact", "show", t.acme}));
  REQUIRE(v["lifetime_value"].size() == 2);
  CHECK(str(v["lifetime_value"][0]["currency"]) == "EUR");
  CHECK(str(v["lifetime_value"][0]["deals"]) == "2");
  CHECK(str(v["lifetime_value"][0]["value"]) == "1100.05");
  CHECK(str(v["lifetime_value"][1]["value"]) == "50.00");
  CHECK(v["deals"].size() == 4);
  REQUIRE(v["cases"].size() == 1);
  CHECK(str(v["cases"][0]["id"]) == kase);
  CHECK(v["feedback"].size() == 0);
  REQUIRE(v["open_timers"].size() == 2);
  CHECK(str(v["open_timers"][0]["id"]) == kase);
  CHECK(str(v["open_timers"][0]["target"]) == "acknowledge");
  CHECK(str(v["open_timers"][0]["due"]) == "2026-11-23T13:00:00Z");
  CHECK(str(v["open_timers"][1]["target"]) == "resolve");
  REQUIRE(v["missions"].size() == 1);
  CHECK(str(v["missions"][0]["id"]) == mission);
  bool deal_event = false;
  for (const auto& item : v["timeline"]) {
    deal_event = deal_event || (str(item["kind"]) == "deal" && str(item["id"]) == a);
  }
  CHECK(deal_event);

  std::string table = t.s.ok({"contact", "show", t.acme});
  for (const char* title : {"Cases", "Lifetime value (won deals)", "Deals (newest first)", "Open service levels (soonest due first)",
                            "Missions mentioning this contact"}) {
    CAPTURE(title);
    CHECK(table.find(title) != std::string::npos);
  }
  CHECK(table.find("EUR  2      1100.05") != std::string::npos);
}

TEST_CASE("report sales gives revenue, win rate, cycle, mix and lifetime value in every format") {
  Sales t;
  std::string bea = t.s.ok({"contact", "add", "--name", "Bea Brook", "--org", "Brook Farms"});
  auto deal = [&](const std::string& contact, const std::string& value, const std::string& kind,
                  const std::string& owner, const std::string& created) {
    return t.s.ok({"--now", created, "deal", "add", "--contact", contact, "--title", "X", "--value", value, "--kind",
                   kind, "--owner", owner});
  };
  std::string a = deal(t.acme, "1000", "new", "olivia", "2026-11-01 09:00");
  std::string b = deal(t.acme, "500.50", "upsell", "olivia", "2026-11-02 09:00");
  std::string c = deal(bea, "300", "cross-sell", "raquel", "2026-11-03 09:00");
  std::string d = deal(bea, "80", "new", "raquel", "2026-11-03 09:00");
  t.s.ok({"--now", "2026-11-05 09:00", "deal", "won", a});   // 4 days
  t.s.ok({"--now", "2026-11-04 21:00", "deal", "won", b});   // 2.5 days
  t.s.ok({"--now", "2026-11-13 09:00", "deal", "won", c});   // 10 days
  t.s.ok({"--now", "2026-11-10 09:00", "deal", "lost", d, "--reason", "price"});

  YAML::Node r = parse(t.s.ok({"--format", "json", "report", "sales"}));
  CHECK(str(r["report"]) == "sales");
  CHECK(str(r["period"]) == "all");
  REQUIRE(r["sellers"].size() == 2);
  CHECK(str(r["sellers"][0]["user"]) == "olivia");
  CHECK(str(r["sellers"][0]["won"]) == "2");
  CHECK(str(r["sellers"][0]["revenue"]) == "1500.50");
  CHECK(str(r["sellers"][0]["average"]) == "750.25");
  CHECK(str(r["sellers"][0]["win_rate"]) == "100.0");
  CHECK(str(r["sellers"][0]["median_cycle_days"]) == "3.3");  // (4 + 2.5) / 2 = 3.25
  CHECK(str(r["sellers"][1]["user"]) == "raquel");
  CHECK(str(r["sellers"][1]["win_rate"]) == "50.0");
  CHECK(str(r["sellers"][1]["median_cycle_days"]) == "10.0");
  REQUIRE(r["mix"].size() == 1);
  CHECK(str(r["mix"][0]["month"]) == "2026-11");
  CHECK(str(r["mix"][0]["revenue"]) == "1800.50");
  CHECK(str(r["mix"][0]["upsell"]) == "500.50");
  CHECK(str(r["mix"][0]["cross_sell"]) == "300.00");
  CHECK(str(r["mix"][0]["share"]) == "44.5");  // 800.50 / 1800.50
  REQUIRE(r["lifetime_contacts"].size() == 2);
  CHECK(str(r["lifetime_contacts"][0]["contact"]) == t.acme);
  CHECK(str(r["lifetime_contacts"][0]["contact_name"]) == "Ana Acme");
  CHECK(str(r["lifetime_contacts"][0]["value"]) == "1500.50");
  CHECK(str(r["lifetime_orgs"][1]["org"]) == "Brook Farms");

  CHECK(lines(t.s.ok({"--format", "csv", "report", "sales"})) ==
        V{"user,currency,won,lost,win_rate,revenue,average,median_cycle_days",
          "olivia,EUR,2,0,100.0,1500.50,750.25,3.3", "raquel,EUR,1,1,50.0,300.00,300.00,10.0"});
  CHECK(lines(t.s.ok({"--format", "tsv", "report", "sales", "--by", "department"})) ==
        V{"department\tcurrency\twon\tlost\twin_rate\trevenue\taverage\tmedian_cycle_days",
          "water\tEUR\t3\t1\t75.0\t1800.50\t600.17\t4.0"});
  YAML::Node y = parse(t.s.ok({"--format", "yaml", "report", "sales", "--top", "1", "--per", "week"}));
  CHECK(y["lifetime_contacts"].size() == 1);
  CHECK(str(y["mix"][0]["week"]) == "2026-W45");
  CHECK(str(y["mix"][1]["week"]) == "2026-W46");
  YAML::Node since = parse(t.s.ok({"--format", "json", "report", "sales", "--since", "2026-11-06"}));
  CHECK(since["sellers"].size() == 1);
  CHECK(str(since["sellers"][0]["user"]) == "raquel");
  std::string table = t.s.ok({"report", "sales"});
  CHECK(table.find("Revenue won per salesperson") != std::string::npos);
  t.s.fails(2, {"report", "sales", "--by", "team"});
  t.s.fails(2, {"report", "sales", "--period", "week", "--since", "2026-11-01"});
}

TEST_CASE("completion offers the configured stages and the deal kinds") {
  Sales t;
  t.s.write("crm.yaml", "deals:\n  stages: [cold, warm, won, lost]\n");
  std::string id = t.add({"--title", "X", "--value", "1", "--stage", "warm"});
  CHECK(lines(t.s.ok({"__complete", "deal", "stage", id, ""})) == V{"cold", "warm", "won", "lost"});
  CHECK(lines(t.s.ok({"__complete", "deal", "list", "--kind", ""})) == V{"new", "upsell", "cross-sell", "renewal"});
  CHECK(t.s.ok({"__complete", "deal", "show", "D-"}).find(id) != std::string::npos);
}
