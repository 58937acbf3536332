// crm report service (issue 12): cases opened, closed and in backlog, queue and resolve times in business
// and wall time, SLA compliance, reopenings, escalations, the weekly trend and the change on the previous
// week. Every expected number was counted by hand from the fixture below.
#include "harness.hpp"

#include <doctest/doctest.h>

using namespace e2e;
using V = std::vector<std::string>;

namespace {

// Office hours Monday to Friday 09:00-17:00 UTC; acknowledge within 2
// business hours, resolve within 2 business days.
const char* const k_policy =
    "calendars:\n"
    "  office:\n"
    "    timezone: UTC\n"
    "    hours:\n"
    "      mon-fri: \"09:00-17:00\"\n"
    "sla:\n"
    "  default: {calendar: office, acknowledge: 2h, resolve: 2d}\n";


// November 2026. The report's week is Monday 16 to Sunday 22 (2026-W47),
// the previous one Monday 9 to Sunday 15; the reports run on Wednesday 25 at noon.
//   F raquel water  opened Tue 10 09:00, ack 09:30, closed Wed 11 09:00        (previous week only)
//   B raquel water  opened Fri 13 16:00, ack Mon 16 10:00 (due then: met), closed Wed 18 16:00
//                   (due Tue 17 16:00: missed), reopened Thu 19 10:00, closed 12:00 (met)
//   A raquel water  opened Mon 16 09:00, ack 10:00 (due 11:00), closed Tue 17 10:00 (due Wed 18 09:00)
//   C pedro  water  opened Tue 17 09:00 for raquel, forwarded to pedro 10:00, never acknowledged
//                   (due 11:00), open (resolve due Thu 19 09:00)
//   D fiona  front  opened Wed 18 09:00 in the front queue, acknowledged (taken) by fiona 12:00
//                   (due 11:00), open (resolve due Fri 20 09:00)
//   E raquel water  opened Mon 23 09:00                                         (after both weeks)
// `crm escalate` runs on Wed 18 11:30: B's resolve, C's and D's acknowledge clocks are past due (3 events).
struct Fixture {
  Sandbox s;
  std::string anna;

  std::string open(const std::string& at, const V& extra) {
    V args = {"case", "open", "--contact", anna, "--title", "Leak"};
    args.insert(args.end(), extra.begin(), extra.end());
    return ok_as(s, "olivia", at, args);
  }
  void close(const std::string& user, const std::string& at, const std::string& id) {
    ok_as(s, user, at, {"case", "close", id, "--resolution", "fixed"});
  }

  Fixture() {
    s.init_city();
    s.write("crm.yaml", k_policy);
    anna = ok_as(s, "olivia", "2026-11-02T10:00:00Z", {"contact", "add", "--name", "Anna Berg"});
    const V water_raquel = {"--department", "water", "--handler", "raquel"};
    std::string f = open("2026-11-10T09:00:00Z", water_raquel);
    ok_as(s, "raquel", "2026-11-10T09:30:00Z", {"case", "ack", f});
    close("raquel", "2026-11-11T09:00:00Z", f);
    std::string b = open("2026-11-13T16:00:00Z", water_raquel);
    std::string a = open("2026-11-16T09:00:00Z", water_raquel);
    ok_as(s, "raquel", "2026-11-16T10:00:00Z", {"case", "ack", a});
    ok_as(s, "raquel", "2026-11-16T10:00:00Z", {"case", "ack", b});
    close("raquel", "2026-11-17T10:00:00Z", a);
    std::string c = open("2026-11-17T09:00:00Z", water_raquel);
    ok_as(s, "raquel", "2026-11-17T10:00:00Z", {"case", "forward", c, "--to", "pedro"});
    std::string d = open("2026-11-18T09:00:00Z", {"--department", "front"});
    Result r = s.run_env({"CRM_USER"}, {"--now", "2026-11-18T11:30:00Z", "escalate"});
    REQUIRE(r.status == 0);
    ok_as(s, "fiona", "2026-11-18T12:00:00Z", {"case", "ack", d});
    close("raquel", "2026-11-18T16:00:00Z", b);
    ok_as(s, "raquel", "2026-11-19T10:00:00Z", {"case", "reopen", b, "--reason", "still leaking"});
    close("raquel", "2026-11-19T12:00:00Z", b);
    open("2026-11-23T09:00:00Z", water_raquel);
  }

  // `crm report service` on Wednesday 25 at noon over the week of the 16th, plus `args`.
  std::string week(const V& args) {
    V all = {"--now", "2026-11-25T12:00:00Z", "report", "service", "--since", "2026-11-16", "--until", "2026-11-23"};
    all.insert(all.end(), args.begin(), args.end());
    return s.ok(all);
  }
};


// The row of `groups` for `group`.
YAML::Node group(const YAML::Node& report, const std::string& name) {
  for (const auto& row : report["groups"]) {
    if (row["group"].as<std::string>() == name) {
      return row;
    }
  }
  FAIL("no group " << name);
  return {};
}

YAML::Node change(const YAML::Node& report, const std::string& metric) {
  for (const auto& row : report["changes"]) {
    if (row["metric"].as<std::string>() == metric) {
      return row;
    }
  }
  FAIL("no change " << metric);
  return {};
}

// How many lines of `err` are "crm: error: ..." (parse errors add a usage hint after theirs).
std::size_t error_lines(const std::string& err) {
  std::size_t n = 0;
  for (const auto& line : lines(err)) {
    n += line.rfind("crm: error: ", 0) == 0 ? 1 : 0;
  }
  return n;
}

}  // namespace

TEST_CASE("report service in JSON and YAML: the week's counts, times, compliance and rates exactly") {
  Fixture fx;
  for (const std::string format : {"json", "yaml"}) {
    CAPTURE(format);
    YAML::Node r = parse(fx.week({"--format", format}));
    CHECK(r["report"].as<std::string>() == "service");
    CHECK(r["since"].as<std::string>() == "2026-11-16T00:00:00Z");
    CHECK(r["until"].as<std::string>() == "2026-11-23T00:00:00Z");
    CHECK(r["previous_since"].as<std::string>() == "2026-11-09T00:00:00Z");
    REQUIRE(r["groups"].size() == 1);
    YAML::Node all = group(r, "(all)");
    CHECK(all["opened"].as<int>() == 3);       // A C D
    CHECK(all["closed"].as<int>() == 3);       // A, B twice
    CHECK(all["backlog"].as<int>() == 2);      // C D
    CHECK(all["reopened"].as<int>() == 1);     // B
    CHECK(all["reopen_rate"].as<double>() == 33.3);
    CHECK(all["escalations"].as<int>() == 3);  // B resolve, C and D acknowledge
    // Queue: A 1h, B 2h business (Fri 16:00 -> Mon 10:00: 66h wall), D 3h.
    CHECK(all["queue_count"].as<int>() == 3);
    CHECK(all["queue_median_business_seconds"].as<long long>() == 7200);
    CHECK(all["queue_median_business"].as<std::string>() == "2h");
    CHECK(all["queue_p90_business_seconds"].as<long long>() == 10800);
    CHECK(all["queue_median_wall_seconds"].as<long long>() == 10800);
    CHECK(all["queue_p90_wall_seconds"].as<long long>() == 237600);
    CHECK(all["queue_p90_wall"].as<std::string>() == "2d18h");
    // Resolve: A 9h/25h, B 24h/5d and 28h/5d20h, from its opening.
    CHECK(all["resolve_median_business_seconds"].as<long long>() == 86400);
    CHECK(all["resolve_p90_business_seconds"].as<long long>() == 100800);
    CHECK(all["resolve_median_wall_seconds"].as<long long>() == 432000);
    CHECK(all["resolve_p90_wall_seconds"].as<long long>() == 504000);
    // Acknowledge: A, B met; C, D missed. Resolve: A, B's second round met; B's first, C, D missed.
    CHECK(all["acknowledge_decided"].as<int>() == 4);
    CHECK(all["acknowledge_met"].as<int>() == 2);
    CHECK(all["acknowledge_compliance"].as<double>() == 50.0);
    CHECK(all["resolve_decided"].as<int>() == 5);
    CHECK(all["resolve_met"].as<int>() == 2);
    CHECK(all["resolve_compliance"].as<double>() == 40.0);
    CHECK(all["update_compliance"].IsNull());  // no update target
    CHECK(all["weekly_opened"][0].as<int>() == 3);
    REQUIRE(r["weeks"].size() == 1);
    CHECK(r["weeks"][0]["week"].as<std::string>() == "2026-W47");
    CHECK(r["weeks"][0]["closed"].as<int>() == 3);
  }
  std::string json = fx.week({"--format", "json"});
  CHECK(json.find("\"queue_median_business_seconds\": 7200,") != std::string::npos);  // a number
  CHECK(json.find("\"reopen_rate\": 33.3,") != std::string::npos);
}

TEST_CASE("report service against the previous week: queue time change as one number") {
  Fixture fx;
  YAML::Node r = parse(fx.week({"--format", "json"}));
  // The week of the 9th: F and B opened, F closed (8h business, 1d wall), F queued 30m, B waiting.
  YAML::Node queue = change(r, "median_queue_business_seconds");
  CHECK(queue["now"].as<long long>() == 7200);
  CHECK(queue["before"].as<long long>() == 1800);
  CHECK(queue["difference"].as<long long>() == 5400);
  CHECK(queue["percent"].as<double>() == 300.0);
  CHECK(change(r, "median_queue_wall_seconds")["difference"].as<long long>() == 9000);
  CHECK(change(r, "opened")["before"].as<int>() == 2);
  CHECK(change(r, "closed")["percent"].as<double>() == 200.0);
  CHECK(change(r, "backlog")["before"].as<int>() == 1);
  CHECK(change(r, "median_resolve_business_seconds")["before"].as<long long>() == 28800);
  CHECK(change(r, "p90_resolve_wall_seconds")["percent"].as<double>() == 483.3);
  CHECK(change(r, "escalations")["percent"].IsNull());  // none before
  std::string table = fx.week({});
  CHECK(squeezed_line(table, "median queue business") == "median queue business 2h 30m 1h30m 300.0");
  CHECK(squeezed_line(table, "median resolve wall") == "median resolve wall 5d 1d 4d 400.0");
}

TEST_CASE("report service as a table shows the period and a row per group") {
  Fixture fx;
  std::string out = fx.week({"--by", "user"});
  CHECK(squeezed_line(out, "since:") == "since: 2026-11-16 00:00");  // in the CRM's zone (UTC here)
  CHECK(squeezed_line(out, "percentile:") == "percentile: nearest rank");
  CHECK(squeezed_line(out, "GROUP") ==
        "GROUP OPENED CLOSED BACKLOG REOPEN% ESCALATED QUEUE MEDIAN QUEUE P90 RESOLVE MEDIAN RESOLVE P90 ACK% "
        "UPDATE% RESOLVE% OPENED PER WEEK");
  CHECK(squeezed_line(out, "raquel") == "raquel 1 3 0 33.3 1 1h30m 2h 24h 28h 100.0 66.7 1");
  CHECK(squeezed_line(out, "pedro") == "pedro 1 0 1 1 0.0 0.0 1");
  CHECK(squeezed_line(out, "fiona") == "fiona 1 0 1 1 3h 3h 0.0 0.0 1");
  CHECK(squeezed_line(out, "(all)") == "(all) 3 3 2 33.3 3 2h 3h 24h 28h 50.0 40.0 3");
  CHECK(squeezed_line(out, "2026-W47") == "2026-W47 2026-11-16 3 3 2h");
}

TEST_CASE("report service in CSV and TSV: the groups with every field") {
  Fixture fx;
  V csv = lines(fx.week({"--format", "csv", "--by", "department"}));
  REQUIRE(csv.size() == 4);
  CHECK(csv[0].rfind("group,opened,closed,backlog,reopened,reopen_rate,escalations,queue_median_business,"
                     "queue_median_business_seconds,",
                     0) == 0);
  CHECK(csv[0].find(",acknowledge_decided,acknowledge_met,acknowledge_compliance,") != std::string::npos);
  CHECK(csv[1] == "front,1,0,1,0,,1,3h,10800,3h,10800,3h,10800,3h,10800,1,,,,,,,,,0,1,0,0.0,0,0,,1,0,0.0,1,0");
  CHECK(csv[2] ==
        "water,2,3,1,1,33.3,2,1h30m,5400,2h,7200,1d9h30m,120600,2d18h,237600,2,24h,86400,28h,100800,5d,432000,"
        "5d20h,504000,3,3,2,66.7,0,0,,4,2,50.0,2,3");
  CHECK(csv[3] ==
        "(all),3,3,2,1,33.3,3,2h,7200,3h,10800,3h,10800,2d18h,237600,3,24h,86400,28h,100800,5d,432000,5d20h,"
        "504000,3,4,2,50.0,0,0,,5,2,40.0,3,3");
  V tsv = lines(fx.week({"--format", "tsv"}));
  REQUIRE(tsv.size() == 2);
  CHECK(tsv[1].rfind("(all)\t3\t3\t2\t1\t33.3\t3\t2h\t7200\t", 0) == 0);
}

TEST_CASE("report service --department counts only that department's cases") {
  Fixture fx;
  YAML::Node r = parse(fx.week({"--format", "json", "--department", "front"}));
  CHECK(r["department"].as<std::string>() == "front");
  YAML::Node all = group(r, "(all)");
  CHECK(all["opened"].as<int>() == 1);
  CHECK(all["escalations"].as<int>() == 1);
  CHECK(all["queue_median_wall_seconds"].as<long long>() == 10800);
  CHECK(change(r, "opened")["before"].as<int>() == 0);
}

TEST_CASE("report service --period week and all") {
  Fixture fx;
  // The rolling week up to Monday 23 00:00 is the same week, and its previous one.
  YAML::Node week = parse(fx.s.ok({"--now", "2026-11-23T00:00:00Z", "--format", "json", "report", "service",
                                   "--period", "week"}));
  CHECK(week["period"].as<std::string>() == "week");
  CHECK(group(week, "(all)")["opened"].as<int>() == 3);
  CHECK(group(week, "(all)")["queue_median_business_seconds"].as<long long>() == 7200);
  CHECK(change(week, "median_queue_business_seconds")["before"].as<long long>() == 1800);
  // All of it: weeks from F's opening to now, no previous period.
  YAML::Node all = parse(fx.s.ok({"--now", "2026-11-25T12:00:00Z", "--format", "json", "report", "service",
                                  "--period", "all"}));
  REQUIRE(all["weeks"].size() == 3);
  CHECK(all["weeks"][0]["week"].as<std::string>() == "2026-W46");
  CHECK(all["weeks"][0]["opened"].as<int>() == 2);
  CHECK(all["weeks"][1]["opened"].as<int>() == 3);
  CHECK(all["weeks"][2]["opened"].as<int>() == 1);
  CHECK(all["weeks"][2]["closed"].as<int>() == 0);
  // The trend of queue time, by the week of the acknowledgement: F 30m; A 1h, B 2h, D 3h; none.
  CHECK(all["weeks"][0]["queue_median_business_seconds"].as<long long>() == 1800);
  CHECK(all["weeks"][1]["queue_median_business"].as<std::string>() == "2h");
  CHECK(all["weeks"][2]["queue_median_business_seconds"].IsNull());
  YAML::Node total = group(all, "(all)");
  CHECK(total["opened"].as<int>() == 6);
  CHECK(total["closed"].as<int>() == 4);
  CHECK(total["backlog"].as<int>() == 3);  // C D E
  CHECK(all["previous_since"].IsNull());
  CHECK(all["changes"].size() == 0);
}

TEST_CASE("report service refuses bad options with exit 2 and one error line") {
  Fixture fx;
  for (const V& args : {V{"report", "service", "--by", "topic"}, V{"report", "service", "--period", "year"},
                        V{"report", "service", "--period", "week", "--since", "2026-11-16"},
                        V{"report", "service", "--since", "2026-11-20", "--until", "2026-11-16"},
                        V{"report", "service", "--since", "not a time"}}) {
    CAPTURE(args.back());
    Result r = fx.s.fails(2, args);
    CHECK(r.err.rfind("crm: error: ", 0) == 0);
    CHECK(error_lines(r.err) == 1);
  }
  Result unknown = fx.s.fails(4, {"report", "service", "--department", "nowhere"});
  CHECK(error_lines(unknown.err) == 1);
}
