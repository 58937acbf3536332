// crm report activity (issue 12): calls logged per user per working day, calls against other work, and the
// KPI targets of `report kpi` on one page. Every expected number was counted by hand from the fixture.
#include "harness.hpp"

#include <doctest/doctest.h>

using namespace e2e;
using V = std::vector<std::string>;

namespace {

// The city (olivia, raquel, pedro in water; frank, fiona at the front desk) over the week of Monday
// 16 November 2026, reported on Monday 23 (the sandbox's now): 5 working days, Monday to Friday.
//   raquel  calls Mon 16 x2, Tue 17, Fri 20 x2 (and one on Sunday 15, before the week): 5 calls;
//           edits Anna on Wed 18: 1 other action, 1 contact update
//   fiona   a call Wed 18; opens a case Thu 19 (case-opened and case-routed): 1 call, 2 other
//   olivia  added Anna on Mon 2 November, before the week; pedro and frank do nothing
struct Fixture {
  Sandbox s;
  std::string anna;

  void call(const std::string& user, const std::string& at) {
    ok_as(s, user, at, {"log-call", "--contact", anna, "--summary", "water bill"});
  }

  Fixture() {
    s.init_city();
    anna = ok_as(s, "olivia", "2026-11-02T10:00:00Z", {"contact", "add", "--name", "Anna Berg"});
    call("raquel", "2026-11-15T10:00:00Z");
    call("raquel", "2026-11-16T09:00:00Z");
    call("raquel", "2026-11-16T10:00:00Z");
    call("raquel", "2026-11-17T10:00:00Z");
    call("raquel", "2026-11-20T10:00:00Z");
    call("raquel", "2026-11-20T11:00:00Z");
    ok_as(s, "raquel", "2026-11-18T10:00:00Z", {"contact", "edit", anna, "--phone", "555-1234"});
    call("fiona", "2026-11-18T11:00:00Z");
    ok_as(s, "fiona", "2026-11-19T09:00:00Z",
       {"case", "open", "--contact", anna, "--title", "Leak", "--department", "water"});
  }
};

}  // namespace

TEST_CASE("report activity in JSON and YAML: calls per working day against other work and the targets") {
  Fixture fx;
  for (const std::string format : {"json", "yaml"}) {
    CAPTURE(format);
    YAML::Node r = parse(fx.s.ok({"--format", format, "report", "activity", "--calls-per-day", "1",
                                  "--contact-updates", "1"}));
    CHECK(r["report"].as<std::string>() == "activity");
    CHECK(r["since"].as<std::string>() == "2026-11-16T00:00:00Z");
    CHECK(r["until"].as<std::string>() == "2026-11-23T00:00:00Z");
    CHECK(r["working_days"].as<int>() == 5);
    CHECK(r["calls_per_day_target"].as<double>() == 1.0);
    CHECK(r["contact_updates_target"].as<int>() == 1);
    YAML::Node rows = r["rows"];
    REQUIRE(rows.size() == 6);  // fiona frank olivia pedro raquel (all)
    YAML::Node raquel = rows[4];
    CHECK(raquel["group"].as<std::string>() == "raquel");
    CHECK(raquel["calls"].as<int>() == 5);
    CHECK(raquel["calls_per_day"].as<double>() == 1.0);
    CHECK(raquel["other_work"].as<int>() == 1);
    CHECK(raquel["calls_to_other"].as<double>() == 5.0);
    CHECK(raquel["short_days"].as<int>() == 2);  // Wednesday and Thursday
    CHECK(raquel["contact_updates"].as<int>() == 1);
    CHECK(raquel["meeting"].as<int>() == 1);
    CHECK(raquel["missed"].size() == 0);
    CHECK(raquel["calls_by_day"].as<std::vector<int>>() == std::vector<int>{2, 1, 0, 0, 2});
    YAML::Node fiona = rows[0];
    CHECK(fiona["calls"].as<int>() == 1);
    CHECK(fiona["calls_per_day"].as<double>() == 0.2);
    CHECK(fiona["other_work"].as<int>() == 2);  // case-opened, case-routed
    CHECK(fiona["calls_to_other"].as<double>() == 0.5);
    CHECK(fiona["missed"].as<std::vector<std::string>>() == V{"calls-per-day", "contact-updates"});
    CHECK(rows[1]["calls_to_other"].IsNull());  // frank: no other work to compare with
    YAML::Node all = rows[5];
    CHECK(all["group"].as<std::string>() == "(all)");
    CHECK(all["users"].as<int>() == 5);
    CHECK(all["calls"].as<int>() == 6);
    CHECK(all["calls_per_day"].as<double>() == 0.24);  // 6 / (5 users x 5 days)
    CHECK(all["calls_to_other"].as<double>() == 2.0);
    CHECK(all["short_days"].as<int>() == 21);
    CHECK(all["meeting"].as<int>() == 1);
    CHECK(all["missed"].IsNull());
    REQUIRE(r["days"].size() == 5);
    CHECK(r["days"][0]["day"].as<std::string>() == "2026-11-16");
    CHECK(r["days"][2]["calls"].as<int>() == 1);
  }
  std::string json = fx.s.ok({"--format", "json", "report", "activity"});
  CHECK(json.find("\"calls_per_day\": 0.24,") != std::string::npos);  // a number
  CHECK(json.find("\"short_days\": null") != std::string::npos);     // no target given
}

TEST_CASE("report activity --by department in CSV and TSV") {
  Fixture fx;
  CHECK(lines(fx.s.ok({"--format", "csv", "report", "activity", "--by", "department"})) ==
        V{"group,users,working_days,calls,calls_per_day,other_work,calls_to_other,calls_by_day,short_days,"
          "contact_updates,meeting,missed",
          "front,2,5,1,0.10,2,0.50,0;0;1;0;0,,0,,", "water,3,5,5,0.33,1,5.00,2;1;0;0;2,,1,,",
          "(all),5,5,6,0.24,3,2.00,2;1;1;0;2,,1,,"});
  V tsv = lines(fx.s.ok({"--format", "tsv", "report", "activity", "--department", "water", "--calls-per-day", "1"}));
  REQUIRE(tsv.size() == 5);  // olivia pedro raquel (all)
  CHECK(tsv[3] == "raquel\t1\t5\t5\t1.00\t1\t5.00\t2;1;0;0;2\t2\t1\t1\t");
  CHECK(tsv[4] == "(all)\t3\t5\t5\t0.33\t1\t5.00\t2;1;0;0;2\t12\t1\t1\t");
}

TEST_CASE("report activity as a table and over a custom period") {
  Fixture fx;
  std::string out = fx.s.ok({"report", "activity", "--calls-per-day", "1", "--contact-updates", "1"});
  CHECK(squeezed_line(out, "working_days:") == "working_days: 5");
  CHECK(squeezed_line(out, "USER") ==
        "USER CALLS PER DAY OTHER WORK CALLS/OTHER SHORT DAYS CONTACT UPDATES MEETING MISSED CALLS PER DAY");
  CHECK(squeezed_line(out, "raquel") == "raquel 5 1.00 1 5.00 2 1 1 2, 1, 0, 0, 2");
  CHECK(squeezed_line(out, "fiona") == "fiona 1 0.20 2 0.50 4 0 0 calls-per-day, contact-updates 0, 0, 1, 0, 0");
  CHECK(squeezed_line(out, "(all)") == "(all) 6 0.24 3 2.00 21 1 1 2, 1, 1, 0, 2");
  CHECK(squeezed_line(out, "2026-11-20") == "2026-11-20 2");
  // Tuesday to Thursday: 3 working days, raquel's Tuesday call and fiona's Wednesday call.
  YAML::Node r = parse(fx.s.ok({"--format", "json", "report", "activity", "--since", "2026-11-17", "--until",
                                "2026-11-20"}));
  CHECK(r["working_days"].as<int>() == 3);
  CHECK(r["rows"][5]["calls"].as<int>() == 2);
  CHECK(r["rows"][5]["other_work"].as<int>() == 3);
}

TEST_CASE("report activity refuses bad options with exit 2") {
  Fixture fx;
  for (const V& args : {V{"report", "activity", "--by", "topic"}, V{"report", "activity", "--period", "year"},
                        V{"report", "activity", "--calls-per-day", "-1"},
                        V{"report", "activity", "--period", "week", "--until", "2026-11-16"}}) {
    CAPTURE(args.back());
    Result r = fx.s.fails(2, args);
    CHECK(r.err.rfind("crm: error: ", 0) == 0);
  }
}
