// import_feedback: CSV and JSON items checked all first, staged all or nothing.
#include "error.hpp"
#include "feedback_import.hpp"
#include "temp_crm.hpp"

#include <doctest/doctest.h>

using namespace crm;

namespace {

using Fields = std::vector<std::string>;

// A CRM with the departments water and product, the user olivia (water),
// the influencer Rant112 and the citizen Anna; feedback from blogs routes
// to product, anything else needs a department or a handler.
struct Fixture : test::TempCrm {
  std::string rant = "P-RANT00000001";
  std::string anna = "P-ANNA00000001";

  Fixture()
      : TempCrm("timezone: UTC\n"
                "routing:\n"
                "  rules:\n"
                "    - department: product\n"
                "      applies_to: [feedback]\n"
                "      sources: [blog]\n") {
    auto record = [&](const std::string& rel, const std::string& yaml) {
      write(rel, yaml + "history:\n  - at: 2026-11-01T08:00:00Z\n    event: created\n");
    };
    record("departments/water.yaml", "id: water\nname: Water\nmanager: olivia\n");
    record("departments/product.yaml", "id: product\nname: Product management\n");
    record("users/olivia.yaml", "id: olivia\nname: Olivia\ndepartment: water\n");
    record("contacts/" + rant + ".yaml", "id: " + rant + "\nname: Rant112\nkind: influencer\nscreen_name: Rant112\n");
    record("contacts/" + anna + ".yaml", "id: " + anna + "\nname: Anna Berg\nkind: citizen\n");
  }

  Context context() const { return {store(), "olivia", *parse_stored_time("2026-11-23T09:00:00Z")}; }

  // Imports `text`, committing; returns the IDs.
  std::vector<std::string> import(const std::string& text, ImportFormat format = ImportFormat::Csv) {
    Transaction tx(store());
    auto ids = import_feedback(context(), tx, text, format, "in.csv");
    tx.commit();
    return ids;
  }

  // The error message of an import that must fail with a data error and stage nothing it keeps.
  std::string rejected(const std::string& text, ImportFormat format = ImportFormat::Csv) {
    Transaction tx(store());
    try {
      import_feedback(context(), tx, text, format, "in.csv");
    } catch (const Error& e) {
      CHECK(e.status() == k_exit_data);
      return e.what();
    }
    FAIL("expected the import to fail");
    return "";
  }

  Record feedback(const std::string& id) const { return store().load(feedback_kind(), id); }
};

}  // namespace

TEST_CASE("import_feedback from CSV stages every row") {
  Fixture f;
  auto ids = f.import(
      "text,title,source,sentiment,topics,influencer,contact,department,handler\n"
      "\"Rates, rates, rates\",,blog,negative,rates; app ,Rant112,,,\n"
      "Pipes are loud,Loud pipes,,,,,P-ANNA,water,olivia\n");
  REQUIRE(ids.size() == 2);
  Record rant = f.feedback(ids[0]);
  CHECK(rant.get("text") == "Rates, rates, rates");
  CHECK(rant.get("source") == "blog");
  CHECK(rant.get("sentiment") == "negative");
  CHECK(string_list(rant.data.find("topics")) == Fields{"rates", "app"});
  CHECK(rant.get("influencer") == f.rant);
  CHECK(rant.get("department") == "product");  // routed by the blog rule
  CHECK(rant.history().items().front().get("note") == "imported from in.csv");
  Record pipes = f.feedback(ids[1]);
  CHECK(pipes.get("title") == "Loud pipes");
  CHECK(pipes.get("contact") == f.anna);
  CHECK(pipes.get("department") == "water");
  CHECK(pipes.get("handler") == "olivia");
  CHECK(pipes.get("source") == "other");
}

TEST_CASE("import_feedback from JSON stages every item") {
  Fixture f;
  auto ids = f.import(R"([
  {"text": "Rates again", "source": "blog", "topics": ["rates"], "influencer": "Rant112"},
  {"text": "Traffic from Singapore", "source": "web-stats", "department": "water", "sentiment": null}
])",
                      ImportFormat::Json);
  REQUIRE(ids.size() == 2);
  CHECK(f.feedback(ids[0]).get("department") == "product");
  CHECK(string_list(f.feedback(ids[0]).data.find("topics")) == Fields{"rates"});
  CHECK(f.feedback(ids[1]).get("source") == "web-stats");
  CHECK(f.feedback(ids[1]).get("sentiment") == "neutral");
}

TEST_CASE("import_feedback of a header alone imports nothing, without error") {
  Fixture f;
  CHECK(f.import("text,source\n").empty());
  CHECK(f.import("[]", ImportFormat::Json).empty());
}

TEST_CASE("import_feedback lists every problem of every row and stages nothing") {
  Fixture f;
  SUBCASE("CSV rows, each problem with its line") {
    std::string message = f.rejected(
        "text,source,sentiment,influencer,contact,department,handler\n"
        "fine,blog,,,,,\n"
        ",blgo,angry,,,,\n"
        "who,,,Nobody,P-ZZZZ,wter,nobody\n"
        "\"multi\nline\",survey,,,,,\n"
        "too,many,fields,,,,,,\n");
    CHECK(message.rfind("nothing imported: 9 problems in in.csv\n", 0) == 0);
    CHECK(message.find("\nin.csv:3: missing text\n") != std::string::npos);
    CHECK(message.find("\nin.csv:3: unknown source 'blgo' (did you mean 'blog'?)") != std::string::npos);
    CHECK(message.find("\nin.csv:3: unknown sentiment 'angry'") != std::string::npos);
    CHECK(message.find("\nin.csv:4: influencer: ") != std::string::npos);
    CHECK(message.find("\nin.csv:4: contact: ") != std::string::npos);
    CHECK(message.find("\nin.csv:4: department: unknown department 'wter' (did you mean 'water'?)") !=
          std::string::npos);
    CHECK(message.find("\nin.csv:4: handler: unknown user 'nobody'") != std::string::npos);
    CHECK(message.find("\nin.csv:5: no department for this feedback") != std::string::npos);  // unroutable
    CHECK(message.find("\nin.csv:7: 9 fields, but the header has 7") != std::string::npos);
    CHECK(message.find("in.csv:2") == std::string::npos);
  }
  SUBCASE("unknown and missing columns") {
    std::string message = f.rejected("txt,sorce\nhello,blog\n");
    CHECK(message.find("\nin.csv:1: unknown column 'txt' (did you mean 'text'?)") != std::string::npos);
    CHECK(message.find("\nin.csv:1: unknown column 'sorce' (did you mean 'source'?)") != std::string::npos);
    CHECK(message.find("\nin.csv:1: no 'text' column") != std::string::npos);
  }
  SUBCASE("JSON items by line and number") {
    std::string message = f.rejected(
        "[\n"
        "  {\"text\": \"fine\", \"source\": \"blog\"},\n"
        "  {\"text\": \"\", \"source\": \"blog\", \"colour\": \"red\"},\n"
        "  {\"text\": \"x\", \"source\": \"blog\", \"topics\": \"rates\"},\n"
        "  \"just text\"\n"
        "]\n",
        ImportFormat::Json);
    CHECK(message.find("\nin.csv:3: item 2: unknown column 'colour'") != std::string::npos);
    CHECK(message.find("\nin.csv:4: item 3: topics must be a list") != std::string::npos);
    CHECK(message.find("\nin.csv:5: item 4: expected an object") != std::string::npos);
  }
  SUBCASE("JSON that is not a list") {
    CHECK(f.rejected("{\"text\": \"x\"}", ImportFormat::Json).find("expected a list of feedback objects") !=
          std::string::npos);
  }
  SUBCASE("malformed JSON") {
    try {
      Transaction tx(f.store());
      import_feedback(f.context(), tx, "[{\"text\": \"x\"", ImportFormat::Json, "in.json");
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.status() == k_exit_data);
      CHECK(std::string(e.what()).rfind("in.json:", 0) == 0);
    }
  }
  CHECK(f.store().load_all(feedback_kind()).empty());
}
