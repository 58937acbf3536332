// crm feedback import: CSV and JSON exports, from a file or stdin, checked whole and loaded all or nothing.
#include "harness.hpp"

#include <doctest/doctest.h>

using namespace e2e;

namespace {

using Lines = std::vector<std::string>;

// The city, with feedback from blogs routed to water and everything else to the front desk.
void city_with_routing(Sandbox& s) {
  s.init_city();
  s.write("crm.yaml", s.read("crm.yaml") +
                          "routing:\n"
                          "  default: front\n"
                          "  rules:\n"
                          "    - department: water\n"
                          "      applies_to: [feedback]\n"
                          "      sources: [blog]\n");
}

YAML::Node record_of(const Sandbox& s, const std::string& id) {
  return YAML::Load(s.read("feedback/" + id + ".yaml"));
}

// The IDs an import printed, checking each is a feedback ID.
Lines ids_in(const std::string& out) {
  Lines ids = lines(out);
  for (const auto& id : ids) {
    CHECK(is_generated_id(id, "F"));
  }
  return ids;
}

const char* const k_survey =
    "text,title,source,sentiment,topics,influencer,contact,department,handler\n"
    "Rates went up again,,blog,negative,rates;billing,,,,\n"
    "Friendly staff at the front desk,Praise,survey,positive,,,,,fiona\n";

}  // namespace

TEST_CASE("feedback import FILE.csv prints the new IDs and stores each row, routed") {
  Sandbox s;
  city_with_routing(s);
  std::string rant = s.ok({"influencer", "add", "Rant112"});
  s.write("survey.csv", std::string(k_survey) + "Blog post about leaks,,blog,,leaks,Rant112,,,\n");
  Result r = s.run({"feedback", "import", "survey.csv"});
  REQUIRE(r.status == 0);
  CHECK(r.err == "Imported 3 feedback items\n");
  Lines ids = ids_in(r.out);
  REQUIRE(ids.size() == 3);
  CHECK(s.files_in("feedback").size() == 3);

  YAML::Node first = record_of(s, ids[0]);
  CHECK(first["text"].as<std::string>() == "Rates went up again");
  CHECK(first["title"].as<std::string>() == "Rates went up again");
  CHECK(first["source"].as<std::string>() == "blog");
  CHECK(first["sentiment"].as<std::string>() == "negative");
  CHECK(first["topics"].as<Lines>() == Lines{"rates", "billing"});
  CHECK(first["department"].as<std::string>() == "water");
  CHECK(first["status"].as<std::string>() == "new");
  CHECK(first["history"][0]["event"].as<std::string>() == "opened");
  CHECK(first["history"][0]["by"].as<std::string>() == "olivia");
  CHECK(first["history"][0]["note"].as<std::string>() == "imported from survey.csv");

  YAML::Node second = record_of(s, ids[1]);
  CHECK(second["title"].as<std::string>() == "Praise");
  CHECK(second["handler"].as<std::string>() == "fiona");
  CHECK(second["department"].as<std::string>() == "front");  // the handler's department
  CHECK(record_of(s, ids[2])["influencer"].as<std::string>() == rant);

  CHECK(lines(s.ok({"feedback", "list", "--format", "csv"})).size() == 4);
  CHECK(s.ok({"case", "list"}).empty());
  CHECK(s.run({"check"}).status == 0);
}

TEST_CASE("feedback import FILE.json takes a list of objects with topics as a list") {
  Sandbox s;
  city_with_routing(s);
  s.write("export.JSON", R"([
  {"text": "Traffic spike from Singapore", "source": "web-stats", "topics": ["traffic", "asia"]},
  {"text": "Competitor discounts 30%", "source": "sales", "sentiment": "negative", "department": "water",
   "title": null}
])");
  Result r = s.run({"feedback", "import", "export.JSON"});
  REQUIRE(r.status == 0);
  CHECK(r.err == "Imported 2 feedback items\n");
  Lines ids = ids_in(r.out);
  REQUIRE(ids.size() == 2);
  YAML::Node spike = record_of(s, ids[0]);
  CHECK(spike["topics"].as<Lines>() == Lines{"traffic", "asia"});
  CHECK(spike["department"].as<std::string>() == "front");  // routing.default
  CHECK(record_of(s, ids[1])["department"].as<std::string>() == "water");
}

TEST_CASE("feedback import keeps quoted CSV fields whole: commas, doubled quotes and line breaks") {
  Sandbox s;
  city_with_routing(s);
  s.write("quoted.csv",
          "text,title,topics\r\n"
          "\"Rates, fees, and more\",\"He said \"\"never again\"\"\",\"rates;fees\"\r\n"
          "\"First line\r\nsecond line\",,\r\n");
  Lines ids = ids_in(s.ok({"feedback", "import", "quoted.csv"}));
  REQUIRE(ids.size() == 2);
  YAML::Node first = record_of(s, ids[0]);
  CHECK(first["text"].as<std::string>() == "Rates, fees, and more");
  CHECK(first["title"].as<std::string>() == "He said \"never again\"");
  CHECK(first["topics"].as<Lines>() == Lines{"rates", "fees"});
  YAML::Node second = record_of(s, ids[1]);
  CHECK(second["text"].as<std::string>() == "First line\nsecond line");
  CHECK(second["title"].as<std::string>() == "First line");
}

TEST_CASE("feedback import - reads stdin, in the format --input-format names") {
  Sandbox s;
  city_with_routing(s);
  SUBCASE("CSV") {
    Result r = s.run({"feedback", "import", "--input-format", "csv", "-"}, k_survey);
    REQUIRE(r.status == 0);
    CHECK(ids_in(r.out).size() == 2);
    CHECK(r.err == "Imported 2 feedback items\n");
    CHECK(record_of(s, lines(r.out)[0])["history"][0]["note"].as<std::string>() == "imported from stdin");
  }
  SUBCASE("JSON, with the global --format naming it when nothing else does") {
    Result r = s.run({"feedback", "import", "--format", "json", "-"}, R"([{"text": "Just one"}])");
    REQUIRE(r.status == 0);
    CHECK(ids_in(r.out).size() == 1);
    CHECK(r.err == "Imported 1 feedback item\n");
  }
  SUBCASE("-q keeps only the IDs") {
    Result r = s.run({"-q", "feedback", "import", "--input-format", "json", "-"}, R"([{"text": "Quiet"}])");
    REQUIRE(r.status == 0);
    CHECK(ids_in(r.out).size() == 1);
    CHECK(r.err.empty());
  }
  SUBCASE("without a format it cannot tell") {
    Result r = s.fails(2, {"feedback", "import", "-"}, {}, k_survey);
    CHECK(r.err.find("give --input-format csv or json") != std::string::npos);
  }
  CHECK(s.ok({"case", "list"}).empty());
}

TEST_CASE("feedback import with a bad row rejects the whole file, lists every problem and writes nothing") {
  Sandbox s;
  city_with_routing(s);
  s.write("bad.csv",
          "text,source,sentiment,influencer,department,handler\n"
          "A fine row,blog,,,,\n"
          ",survey,,,,\n"
          "\"Spans\n"
          "two lines\",blgo,furious,,,\n"
          "Who wrote this,blog,,Nobody,wter,nobody\n"
          "Another fine row,sales,,,front,\n");
  Result r = s.fails(3, {"feedback", "import", "bad.csv"});
  CHECK(r.err.rfind("crm: error: nothing imported: 6 problems in bad.csv\n", 0) == 0);
  Lines err = lines(r.err);
  REQUIRE(err.size() == 7);
  CHECK(err[1] == "bad.csv:3: missing text");
  CHECK(err[2].rfind("bad.csv:4: unknown source 'blgo' (did you mean 'blog'?)", 0) == 0);
  CHECK(err[3].rfind("bad.csv:4: unknown sentiment 'furious'", 0) == 0);
  CHECK(err[4].rfind("bad.csv:6: influencer: ", 0) == 0);
  CHECK(err[5] == "bad.csv:6: department: unknown department 'wter' (did you mean 'water'?)");
  CHECK(err[6].rfind("bad.csv:6: handler: unknown user 'nobody'", 0) == 0);
  CHECK(s.files_in("feedback").empty());
}

TEST_CASE("feedback import rejects unknown columns, bad JSON items and malformed files with exit 3") {
  Sandbox s;
  city_with_routing(s);
  SUBCASE("an unknown column") {
    s.write("cols.csv", "text,sorce\nHello,blog\n");
    Result r = s.fails(3, {"feedback", "import", "cols.csv"});
    CHECK(r.err.find("\ncols.csv:1: unknown column 'sorce' (did you mean 'source'?)") != std::string::npos);
  }
  SUBCASE("JSON items by line and number") {
    s.write("items.json",
            "[\n"
            "  {\"text\": \"fine\"},\n"
            "  {\"text\": \"bad\", \"source\": \"radio\"},\n"
            "  {\"text\": \"\"}\n"
            "]\n");
    Result r = s.fails(3, {"feedback", "import", "items.json"});
    CHECK(r.err.find("\nitems.json:3: item 2: unknown source 'radio'") != std::string::npos);
    CHECK(r.err.find("\nitems.json:4: item 3: missing text") != std::string::npos);
  }
  SUBCASE("malformed JSON and an unterminated CSV quote") {
    s.write("broken.json", "[{\"text\": \"x\"");
    CHECK(s.fails(3, {"feedback", "import", "broken.json"}).err.rfind("crm: error: broken.json:", 0) == 0);
    s.write("broken.csv", "text\n\"never closed\n");
    CHECK(s.fails(3, {"feedback", "import", "broken.csv"}).err ==
          "crm: error: broken.csv:2: unterminated quoted field\n");
  }
  SUBCASE("a file that does not exist, or whose format is unknown") {
    s.fails(5, {"feedback", "import", "missing.csv"});
    s.write("data.txt", "text\nhello\n");
    s.fails(2, {"feedback", "import", "data.txt"});
    CHECK(s.ok({"feedback", "import", "--input-format", "csv", "data.txt"}).size() == 14);
  }
}

TEST_CASE("feedback import of unroutable feedback names the row and imports nothing") {
  Sandbox s;
  s.init_city();  // no routing rules: feedback needs a department or a handler
  s.write("mixed.csv", "text,department\nRouted,water\nNowhere to go,\n");
  Result r = s.fails(3, {"feedback", "import", "mixed.csv"});
  CHECK(r.err.find("\nmixed.csv:3: no department for this feedback") != std::string::npos);
  CHECK(s.files_in("feedback").empty());
}
