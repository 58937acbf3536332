// crm import contacts: a dry run unless --apply, duplicates skipped, a bad row writes nothing.
#include "harness.hpp"

#include <doctest/doctest.h>

using namespace e2e;

namespace {

using Lines = std::vector<std::string>;

// olivia's CRM with the citizen Anna (an email and a phone).
struct Crm {
  Sandbox s;
  std::string anna;

  Crm() {
    s.init_with_people();
    anna = s.ok({"contact", "add", "--name", "Anna Berg", "--kind", "citizen", "--email", "Anna@Example.org",
                 "--phone", "+1 (555) 010-1"});
  }

  std::size_t contacts() const { return s.files_in("contacts").size(); }
};

// A spreadsheet's export: other programs' headers, a duplicate of Anna and one of an earlier row.
const char* const k_people =
    "Full Name,E-mail,Phone number,Company,Tags\n"
    "Bob Stone,bob@example.org,555 0102,Acme,lead;vip\n"
    "Anna B.,anna@example.ORG,,,\n"
    "Robert Stone,,5550102,,\n"
    "Carl Diaz,carl@example.org,,,\n";

YAML::Node contact(const Sandbox& s, const std::string& id) { return YAML::Load(s.read("contacts/" + id + ".yaml")); }

}  // namespace

TEST_CASE("import contacts is a dry run by default: one line per row, a summary, nothing written") {
  Crm c;
  c.s.write("people.csv", k_people);
  auto before = c.s.snapshot();
  Result r = c.s.run({"import", "contacts", "people.csv"});
  REQUIRE(r.status == 0);
  CHECK(lines(r.out) == Lines{"people.csv:2: create Bob Stone",
                              "people.csv:3: skip Anna B.: duplicate of " + c.anna +
                                  " (Anna Berg), same email anna@example.ORG",
                              "people.csv:4: skip Robert Stone: duplicate of line 2, same phone 5550102",
                              "people.csv:5: create Carl Diaz"});
  CHECK(r.err == "2 to create, 2 duplicates (dry run: nothing written; use --apply)\n");
  CHECK(c.s.snapshot() == before);
  CHECK(c.s.run({"-q", "import", "contacts", "people.csv"}).err.empty());
}

TEST_CASE("import contacts --apply writes every new contact, prints their IDs and reports the skipped rows") {
  Crm c;
  c.s.write("people.csv", k_people);
  Result r = c.s.run({"import", "contacts", "people.csv", "--apply"});
  REQUIRE(r.status == 0);
  Lines ids = lines(r.out);
  REQUIRE(ids.size() == 2);
  CHECK(is_generated_id(ids[0], "P"));
  CHECK(lines(r.err) == Lines{"people.csv:3: skipped Anna B.: duplicate of " + c.anna +
                                  " (Anna Berg), same email anna@example.ORG",
                              "people.csv:4: skipped Robert Stone: duplicate of line 2, same phone 5550102",
                              "Imported 2 contacts, skipped 2 duplicates"});
  CHECK(c.contacts() == 3);
  YAML::Node bob = contact(c.s, ids[0]);
  CHECK(bob["name"].as<std::string>() == "Bob Stone");
  CHECK(bob["org"].as<std::string>() == "Acme");
  CHECK(bob["emails"].as<Lines>() == Lines{"bob@example.org"});
  CHECK(bob["phones"].as<Lines>() == Lines{"555 0102"});
  CHECK(bob["tags"].as<Lines>() == Lines{"lead", "vip"});
  CHECK(bob["kind"].as<std::string>() == "customer");
  CHECK(bob["history"][0]["event"].as<std::string>() == "created");
  CHECK(bob["history"][0]["by"].as<std::string>() == "olivia");
  CHECK(bob["history"][0]["note"].as<std::string>() == "imported from people.csv");
  CHECK(contact(c.s, ids[1])["name"].as<std::string>() == "Carl Diaz");
  CHECK(c.s.run({"check"}).status == 0);

  SUBCASE("a second run finds every row a duplicate") {
    Result again = c.s.run({"import", "contacts", "people.csv", "--apply"});
    REQUIRE(again.status == 0);
    CHECK(again.out.empty());
    CHECK(lines(again.err).back() == "Imported 0 contacts, skipped 4 duplicates");
    CHECK(c.contacts() == 3);
  }
}

TEST_CASE("import contacts with a bad row writes nothing, even with --apply, and lists every problem") {
  Crm c;
  c.s.write("bad.csv",
            "name,email,kind\n"
            "Fine,fine@example.org,citizen\n"
            ",nobody@example.org,\n"
            "Carl,carl@,\n"
            "Dora,,martian\n"
            "\"never closed\n");
  for (const char* apply : {"--apply", "--quiet"}) {
    Result r = c.s.fails(3, {"import", "contacts", "bad.csv", apply});
    CHECK(r.err == "crm: error: bad.csv:6: unterminated quoted field\n");
  }
  c.s.write("bad.csv",
            "name,email,kind\n"
            "Fine,fine@example.org,citizen\n"
            ",nobody@example.org,\n"
            "Carl,carl@,\n"
            "Dora,,martian\n");
  Result r = c.s.fails(3, {"import", "contacts", "bad.csv", "--apply"});
  Lines err = lines(r.err);
  REQUIRE(err.size() == 4);
  CHECK(err[0] == "crm: error: nothing imported: 3 problems in bad.csv");
  CHECK(err[1] == "bad.csv:3: missing name");
  CHECK(err[2] == "bad.csv:4: invalid contact: 'emails': 'carl@' is not an email address");
  CHECK(err[3].rfind("bad.csv:5: invalid contact: ", 0) == 0);
  CHECK(err[3].find("'martian'") != std::string::npos);
  c.s.fails(3, {"import", "contacts", "bad.csv"});  // the dry run says the same
  CHECK(c.contacts() == 1);
}

TEST_CASE("import contacts --on-duplicate error refuses a file with a duplicate") {
  Crm c;
  c.s.write("people.csv", k_people);
  Result r = c.s.fails(3, {"import", "contacts", "people.csv", "--apply", "--on-duplicate", "error"});
  CHECK(lines(r.err) == Lines{"crm: error: nothing imported: 2 problems in people.csv",
                              "people.csv:3: duplicate of " + c.anna + " (Anna Berg), same email anna@example.ORG",
                              "people.csv:4: duplicate of line 2, same phone 5550102"});
  CHECK(c.contacts() == 1);
}

TEST_CASE("import contacts needs every column understood: --map fills a field from a column or leaves it out") {
  Crm c;
  c.s.write("crm-export.csv", "Who,Fav colour,Remarks\nBob,red,met at the fair\n");
  SUBCASE("an unknown column is an error naming the fields and the --map to use") {
    Result r = c.s.fails(3, {"import", "contacts", "crm-export.csv"});
    CHECK(lines(r.err) ==
          Lines{"crm: error: nothing imported: 3 problems in crm-export.csv",
                "crm-export.csv:1: unknown column 'Who' (columns: id, name, kind, org, screen_name, platform, urls, "
                "reach, description, emails, phones, tags, note); --map 'Who=FIELD' imports it, --map 'Who=-' leaves "
                "it out",
                "crm-export.csv:1: unknown column 'Fav colour' (columns: id, name, kind, org, screen_name, platform, "
                "urls, reach, description, emails, phones, tags, note); --map 'Fav colour=FIELD' imports it, --map "
                "'Fav colour=-' leaves it out",
                "crm-export.csv:1: no 'name' column (every contact needs a name; --map 'COLUMN=name' names it)"});
  }
  SUBCASE("mapped, the file imports; the ignored column is named") {
    Result r = c.s.run({"import", "contacts", "crm-export.csv", "--apply", "--map", "who=name", "--map",
                        "Fav colour=-", "--map", "Remarks=note"});
    REQUIRE(r.status == 0);
    CHECK(lines(r.err) == Lines{"Ignored column Fav colour", "Imported 1 contact, skipped 0 duplicates"});
    YAML::Node bob = contact(c.s, lines(r.out).at(0));
    CHECK(bob["name"].as<std::string>() == "Bob");
    CHECK(bob["note"].as<std::string>() == "met at the fair");
  }
  SUBCASE("a --map naming no column or no field is a usage error") {
    Result r = c.s.fails(2, {"import", "contacts", "crm-export.csv", "--map", "Whom=name"});
    CHECK(r.err.rfind("crm: error: --map 'Whom=name': crm-export.csv has no column 'Whom'", 0) == 0);
    r = c.s.fails(2, {"import", "contacts", "crm-export.csv", "--map", "Who=nmae"});
    CHECK(r.err.rfind("crm: error: --map 'Who=nmae': no field 'nmae' (did you mean 'name'?)", 0) == 0);
    c.s.fails(2, {"import", "contacts", "crm-export.csv", "--map", "Who"});
  }
}

TEST_CASE("import contacts - reads stdin in the format --format or --input-format names") {
  Crm c;
  SUBCASE("CSV") {
    Result r = c.s.run({"import", "contacts", "--format", "csv", "-", "--apply"}, "name,phone\nEve,555 0199\n");
    REQUIRE(r.status == 0);
    CHECK(contact(c.s, lines(r.out).at(0))["history"][0]["note"].as<std::string>() == "imported from stdin");
  }
  SUBCASE("JSON: a list of objects, lists as lists") {
    Result r = c.s.run({"import", "contacts", "--input-format", "json", "-"},
                       R"([{"name": "Eve", "emails": ["eve@example.org"]}, {"name": "Anna", "phones": ["15550101"]}])");
    REQUIRE(r.status == 0);
    CHECK(lines(r.out) ==
          Lines{"stdin:1: item 1: create Eve",
                "stdin:1: item 2: skip Anna: duplicate of " + c.anna + " (Anna Berg), same phone 15550101"});
  }
  SUBCASE("without a format it cannot tell") {
    CHECK(c.s.fails(2, {"import", "contacts", "-"}, {}, "name\nEve\n").err.find("give --input-format csv or json") !=
          std::string::npos);
  }
  CHECK(c.contacts() <= 2);
}

TEST_CASE("import contacts of crm export's output finds every record a duplicate") {
  Crm c;
  c.s.ok({"influencer", "add", "Rant112", "--reach", "1200"});
  c.s.ok({"contact", "add", "--name", "No Details"});
  SUBCASE("CSV") {
    std::string csv = c.s.ok({"export", "contacts", "--format", "csv"});
    Result r = c.s.run({"import", "contacts", "--format", "csv", "-", "--apply"}, csv);
    REQUIRE(r.status == 0);
    CHECK(r.out.empty());
    CHECK(lines(r.err).front() == "Ignored column history");
    CHECK(lines(r.err).back() == "Imported 0 contacts, skipped 3 duplicates");
  }
  SUBCASE("JSON") {
    Result r = c.s.run({"import", "contacts", "--format", "json", "-"}, c.s.ok({"export", "contacts"}));
    REQUIRE(r.status == 0);
    CHECK(lines(r.out).size() == 3);
    CHECK(r.out.find("create") == std::string::npos);
    CHECK(r.out.find("same ID") != std::string::npos);
  }
  CHECK(c.contacts() == 3);
}

TEST_CASE("import contacts from a JSON file finds an influencer by screen name") {
  Crm c;
  std::string rant = c.s.ok({"influencer", "add", "Rant112"});
  c.s.write("people.json",
            "[\n"
            "  {\"name\": \"Rant\", \"kind\": \"influencer\", \"screen_name\": \"@rant112\"},\n"
            "  {\"name\": \"Blogger\", \"kind\": \"influencer\", \"screen_name\": \"blogs4u\", \"reach\": 30}\n"
            "]\n");
  Result r = c.s.run({"import", "contacts", "people.json", "--apply"});
  REQUIRE(r.status == 0);
  CHECK(lines(r.err).front() ==
        "people.json:2: item 1: skipped Rant: duplicate of " + rant + " (Rant112), same screen name @rant112");
  YAML::Node blogger = contact(c.s, lines(r.out).at(0));
  CHECK(blogger["screen_name"].as<std::string>() == "blogs4u");
  CHECK(blogger["reach"].as<int>() == 30);
}
