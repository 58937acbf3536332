// crm report feedback: counts, open vs resolved, median time to resolution and the weekly trend, in every format.
#include "harness.hpp"

#include <doctest/doctest.h>

using namespace e2e;

namespace {

using Lines = std::vector<std::string>;

// Adds feedback at `at` (extra arguments: --source, --topic...), printing its ID.
std::string feedback_at(Sandbox& s, const std::string& at, const std::string& text, std::vector<std::string> args) {
  std::vector<std::string> all = {"--now", at, "feedback", "add", "--text", text};
  all.insert(all.end(), args.begin(), args.end());
  return s.ok(all);
}

void close_at(Sandbox& s, const std::string& at, const std::string& id) {
  s.ok({"--now", at, "feedback", "close", id, "--resolution", "answered"});
}

// Four items over weeks 46 and 47 of 2026 (the sandbox's now is Monday 23 November, week 48):
//   blog    negative  rates, app  water  9 Nov 10:00, closed after 1d2h
//   social  negative  rates       front  12 Nov 10:00, closed after 4h
//   survey  positive  -           water  17 Nov 10:00, open
//   blog    neutral   app         water  18 Nov 10:00, closed after 2d
// and a case in water, which never counts.
void four_items(Sandbox& s) {
  s.init_city();
  std::string a = feedback_at(
      s, "2026-11-09T10:00:00Z", "Rates are a scandal",
      {"--source", "blog", "--sentiment", "negative", "--topic", "rates", "--topic", "app", "--department", "water"});
  std::string b =
      feedback_at(s, "2026-11-12T10:00:00Z", "Rates thread",
                  {"--source", "social", "--sentiment", "negative", "--topic", "rates", "--department", "front"});
  feedback_at(s, "2026-11-17T10:00:00Z", "Nice survey answers",
              {"--source", "survey", "--sentiment", "positive", "--department", "water"});
  std::string d = feedback_at(s, "2026-11-18T10:00:00Z", "The app is slow",
                              {"--source", "blog", "--topic", "app", "--department", "water"});
  close_at(s, "2026-11-10T12:00:00Z", a);
  close_at(s, "2026-11-12T14:00:00Z", b);
  close_at(s, "2026-11-20T10:00:00Z", d);
  std::string anna = s.ok({"contact", "add", "--name", "Anna Berg", "--kind", "citizen"});
  s.ok(
      {"--now", "2026-11-17T10:00:00Z", "case", "open", "--contact", anna, "--title", "Leak", "--department", "water"});
}

}  // namespace

TEST_CASE("report feedback without --by gives the overall row and the weeks from the first feedback to now") {
  Sandbox s;
  four_items(s);
  CHECK(s.ok({"report", "feedback"}) ==
        "GROUP  RECORDED  OPEN  RESOLVED  MEDIAN TO RESOLVE\n"
        "(all)  4         1     3         1d2h\n"
        "\n"
        "Recorded per week (Monday to Sunday)\n"
        "WEEK      MONDAY      (all)\n"
        "2026-W46  2026-11-09  2\n"
        "2026-W47  2026-11-16  2\n"
        "2026-W48  2026-11-23  0");
}

TEST_CASE("report feedback --by source: a row per source in schema order, an even count's median") {
  Sandbox s;
  four_items(s);
  CHECK(s.ok({"report", "feedback", "--by", "source"}) ==
        "GROUP   RECORDED  OPEN  RESOLVED  MEDIAN TO RESOLVE\n"
        "blog    2         0     2         1d13h\n"
        "social  1         0     1         4h\n"
        "survey  1         1     0\n"
        "(all)   4         1     3         1d2h\n"
        "\n"
        "Recorded per week (Monday to Sunday)\n"
        "WEEK      MONDAY      blog  social  survey  (all)\n"
        "2026-W46  2026-11-09  1     1       0       2\n"
        "2026-W47  2026-11-16  1     0       1       2\n"
        "2026-W48  2026-11-23  0     0       0       0");
}

TEST_CASE("report feedback --by topic counts an item in each topic, and untagged ones as (none)") {
  Sandbox s;
  four_items(s);
  Lines out = lines(s.ok({"--format", "csv", "report", "feedback", "--by", "topic"}));
  CHECK(out == Lines{"group,recorded,open,resolved,median_resolution,median_resolution_seconds,2026-W46,2026-W47,"
                     "2026-W48",
                     "app,2,0,2,1d13h,133200,1,1,0", "rates,2,0,2,15h,54000,2,0,0", "(none),1,1,0,,,0,1,0",
                     "(all),4,1,3,1d2h,93600,2,2,0"});
}

TEST_CASE("report feedback --by sentiment and --by department in TSV") {
  Sandbox s;
  four_items(s);
  CHECK(lines(s.ok({"--format", "tsv", "report", "feedback", "--by", "sentiment"})) ==
        Lines{"group\trecorded\topen\tresolved\tmedian_resolution\tmedian_resolution_seconds\t2026-W46\t2026-W47\t"
              "2026-W48",
              "negative\t2\t0\t2\t15h\t54000\t2\t0\t0", "neutral\t1\t0\t1\t2d\t172800\t0\t1\t0",
              "positive\t1\t1\t0\t\t\t0\t1\t0", "(all)\t4\t1\t3\t1d2h\t93600\t2\t2\t0"});
  Lines by_department = lines(s.ok({"--format", "tsv", "report", "feedback", "--by", "department"}));
  REQUIRE(by_department.size() == 4);
  CHECK(by_department[1] == "front\t1\t0\t1\t4h\t14400\t1\t0\t0");
  CHECK(by_department[2] == "water\t3\t1\t2\t1d13h\t133200\t1\t2\t0");
}

TEST_CASE("report feedback in JSON and YAML: numbers, nulls and a weeks list per row") {
  Sandbox s;
  four_items(s);
  for (const std::string format : {"json", "yaml"}) {
    CAPTURE(format);
    YAML::Node rows = parse(s.ok({"--format", format, "report", "feedback", "--by", "source"}));
    REQUIRE(rows.size() == 4);
    CHECK(rows[0]["group"].as<std::string>() == "blog");
    CHECK(rows[0]["recorded"].as<int>() == 2);
    CHECK(rows[0]["open"].as<int>() == 0);
    CHECK(rows[0]["resolved"].as<int>() == 2);
    CHECK(rows[0]["median_resolution"].as<std::string>() == "1d13h");
    CHECK(rows[0]["median_resolution_seconds"].as<long long>() == 133200);
    CHECK(rows[2]["group"].as<std::string>() == "survey");
    CHECK(rows[2]["median_resolution"].IsNull());
    CHECK(rows[2]["median_resolution_seconds"].IsNull());
    CHECK(rows[3]["group"].as<std::string>() == "(all)");
    YAML::Node weeks = rows[3]["weeks"];
    REQUIRE(weeks.size() == 3);
    CHECK(weeks[0]["week"].as<std::string>() == "2026-W46");
    CHECK(weeks[0]["start"].as<std::string>() == "2026-11-09");
    CHECK(weeks[0]["recorded"].as<int>() == 2);
    CHECK(weeks[2]["recorded"].as<int>() == 0);
  }
  std::string json = s.ok({"--format", "json", "report", "feedback"});
  CHECK(json.find("\"recorded\": 4") != std::string::npos);  // a number, not a string
  CHECK(json.find("\"median_resolution_seconds\": 93600") != std::string::npos);
}

TEST_CASE("report feedback --since and --until bound the feedback counted and the weeks shown") {
  Sandbox s;
  four_items(s);
  CHECK(lines(s.ok({"--format", "csv", "report", "feedback", "--since", "2026-11-16"})) ==
        Lines{"group,recorded,open,resolved,median_resolution,median_resolution_seconds,2026-W47,2026-W48",
              "(all),2,1,1,2d,172800,2,0"});
  CHECK(lines(s.ok({"--format", "csv", "report", "feedback", "--until", "2026-11-16"})) ==
        Lines{"group,recorded,open,resolved,median_resolution,median_resolution_seconds,2026-W46",
              "(all),2,0,2,15h,54000,2"});
  CHECK(lines(s.ok({"--format", "csv", "report", "feedback", "--since", "2026-11-02", "--until", "2026-11-09"})) ==
        Lines{"group,recorded,open,resolved,median_resolution,median_resolution_seconds,2026-W45", "(all),0,0,0,,,0"});
  s.fails(2, {"report", "feedback", "--since", "2026-11-16", "--until", "2026-11-09"});
}

TEST_CASE("report feedback --department counts only that department, --now takes the status then") {
  Sandbox s;
  four_items(s);
  CHECK(lines(s.ok({"--format", "csv", "report", "feedback", "--department", "front"})) ==
        Lines{"group,recorded,open,resolved,median_resolution,median_resolution_seconds,2026-W46,2026-W47,"
              "2026-W48",
              "(all),1,0,1,4h,14400,1,0,0"});
  // On 12 November at noon the blog post was closed, the social one not yet; later items did not exist.
  CHECK(lines(s.ok({"--now", "2026-11-12T12:00:00Z", "--format", "csv", "report", "feedback"})) ==
        Lines{"group,recorded,open,resolved,median_resolution,median_resolution_seconds,2026-W46",
              "(all),2,1,1,1d2h,93600,2"});
  s.fails(4, {"report", "feedback", "--department", "nowhere"});
}

TEST_CASE("report feedback with no feedback shows a zero overall row and never counts cases") {
  Sandbox s;
  s.init_city();
  std::string anna = s.ok({"contact", "add", "--name", "Anna Berg", "--kind", "citizen"});
  s.ok({"case", "open", "--contact", anna, "--title", "Leak", "--department", "water"});
  CHECK(s.ok({"report", "feedback"}) ==
        "GROUP  RECORDED  OPEN  RESOLVED  MEDIAN TO RESOLVE\n"
        "(all)  0         0     0");
  CHECK(lines(s.ok({"--format", "csv", "report", "feedback", "--by", "source"})) ==
        Lines{"group,recorded,open,resolved,median_resolution,median_resolution_seconds", "(all),0,0,0,,"});
  YAML::Node rows = parse(s.ok({"--format", "json", "report", "feedback"}));
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["weeks"].size() == 0);
  s.fails(2, {"report", "feedback", "--by", "priority"});
}
