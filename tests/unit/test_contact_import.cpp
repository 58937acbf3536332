// import_contacts and its duplicate detection: rows checked as `contact add` checks them, duplicates skipped.
#include "contact_import.hpp"
#include "error.hpp"
#include "temp_crm.hpp"
#include "times.hpp"

#include <doctest/doctest.h>

using namespace crm;

namespace {

using Fields = std::vector<std::string>;

// A CRM holding the citizen Anna (an email and a phone) and the influencer Rant112.
struct Fixture : test::TempCrm {
  std::string anna = "P-ANNA00000001";
  std::string rant = "P-RANT00000001";

  Fixture() : TempCrm("timezone: UTC\n") {
    auto contact = [&](const std::string& id, const std::string& yaml) {
      write("contacts/" + id + ".yaml",
            "id: " + id + "\n" + yaml + "history:\n  - at: 2026-11-01T08:00:00Z\n    event: created\n");
    };
    contact(anna, "name: Anna Berg\nkind: citizen\nemails:\n  - Anna@Example.org\nphones:\n  - \"+1 (555) 010-1\"\n");
    contact(rant, "name: Rant112\nkind: influencer\nscreen_name: Rant112\n");
  }

  Context context() const { return {store(), "", utc("2026-11-23T09:00:00Z")}; }

  // Imports `text` and commits.
  ContactImport import(const std::string& text, ContactImportOptions options = {}) {
    options.origin = "in.csv";
    Transaction tx(store());
    ContactImport result = import_contacts(context(), tx, text, options);
    tx.commit();
    return result;
  }

  // The message of an import that must fail with a data error.
  std::string rejected(const std::string& text, ContactImportOptions options = {}) {
    options.origin = "in.csv";
    Transaction tx(store());
    try {
      import_contacts(context(), tx, text, options);
    } catch (const Error& e) {
      CHECK(e.status() == k_exit_data);
      return e.what();
    }
    FAIL("expected the import to fail");
    return "";
  }

  std::size_t contacts() const { return store().load_all(contact_kind()).size(); }
};

Value contact(const Fields& emails, const Fields& phones, const std::string& id = "") {
  Value v = Value::map();
  v.set("id", id);
  v.set("emails", make_string_list(emails));
  v.set("phones", make_string_list(phones));
  return v;
}

}  // namespace

TEST_CASE("email_key and phone_key") {
  CHECK(email_key("  Anna@Example.ORG ") == "anna@example.org");
  CHECK(phone_key("+1 (555) 010-1") == "15550101");
  CHECK(phone_key("1.555.0101") == phone_key("+1 555-0101"));
  CHECK(phone_key("unknown").empty());
}

TEST_CASE("ContactIndex") {
  ContactIndex index;
  index.add(contact({"anna@example.org"}, {"555 0101"}, "P-ANNA00000001"), "Anna");
  index.add(contact({"ANNA@example.org", "bob@example.org"}, {}), "line 3");
  SUBCASE("a shared email in any case, or the same digits of a phone") {
    CHECK(index.find(contact({"Anna@Example.org"}, {}))->first == "Anna");
    CHECK(index.find(contact({"Anna@Example.org"}, {}))->second == "same email Anna@Example.org");
    CHECK(*index.find(contact({}, {"(555) 01-01"})) == std::make_pair(std::string("Anna"),
                                                                       std::string("same phone (555) 01-01")));
    CHECK(index.find(contact({"bob@example.org"}, {}))->first == "line 3");
  }
  SUBCASE("the ID is tried first, in any case") {
    CHECK(index.find(contact({"bob@example.org"}, {}, "p-anna00000001"))->second == "same ID p-anna00000001");
  }
  SUBCASE("nothing shared, nothing found") {
    CHECK_FALSE(index.find(contact({"carl@example.org"}, {"555 0102"}, "P-CARL00000001")));
    CHECK_FALSE(index.find(contact({}, {"no phone"})));
  }
  SUBCASE("an influencer's screen name, ignoring case and '@'") {
    Value rant = Value::map();
    rant.set("kind", "influencer");
    rant.set("screen_name", "Rant112");
    index.add(rant, "Rant");
    rant.set("screen_name", "@rant112");
    CHECK(index.find(rant)->first == "Rant");
    rant.set("kind", "citizen");  // only influencers' screen names are unique
    CHECK_FALSE(index.find(rant));
  }
}

TEST_CASE("import_contacts stages new rows and skips duplicates of contacts and of earlier rows") {
  Fixture f;
  ContactImport result = f.import(
      "Full Name,E-mail,Phone number,Company,Tags,kind\n"
      "Bob Stone,bob@example.org,555 0102,Acme,lead; vip,customer\n"
      "Anna B.,anna@example.org,,,,\n"
      "Robert Stone,,5550102,,,\n"
      "Carl Diaz,carl@example.org;c.diaz@example.org,,,,\n");
  REQUIRE(result.rows.size() == 4);
  CHECK(result.created() == 2);
  CHECK(result.skipped() == 2);
  CHECK(result.rows[1].duplicate_of == f.anna + " (Anna Berg)");
  CHECK(result.rows[1].reason == "same email anna@example.org");
  CHECK(result.rows[2].duplicate_of == "line 2");
  CHECK(result.rows[2].reason == "same phone 5550102");
  CHECK(result.rows[2].line == 4);

  Record bob = f.store().load(contact_kind(), result.rows[0].id);
  CHECK(bob.get("name") == "Bob Stone");
  CHECK(bob.get("org") == "Acme");
  CHECK(bob.get("kind") == "customer");
  CHECK(string_list(bob.data.find("tags")) == Fields{"lead", "vip"});
  CHECK(bob.history().items().front().get("event") == "created");
  CHECK(bob.history().items().front().get("note") == "imported from in.csv");
  Record carl = f.store().load(contact_kind(), result.rows[3].id);
  CHECK(string_list(carl.data.find("emails")) == Fields{"carl@example.org", "c.diaz@example.org"});
  CHECK(carl.get("kind") == "customer");  // the configured default
  CHECK(f.contacts() == 4);
}

TEST_CASE("import_contacts reads JSON lists and crm export's object") {
  Fixture f;
  SUBCASE("a list of objects, lists as lists or texts") {
    ContactImport result = f.import(
        R"([{"name": "Bob", "emails": ["bob@example.org"], "tags": "a;b", "reach": 12},
            {"name": "Rant", "kind": "influencer", "screen_name": "@RANT112"}])",
        {ImportFormat::Json, "", {}, false});
    REQUIRE(result.rows.size() == 2);
    Record bob = f.store().load(contact_kind(), result.rows[0].id);
    CHECK(string_list(bob.data.find("tags")) == Fields{"a", "b"});
    CHECK(bob.get("reach") == "12");
    CHECK(result.rows[1].duplicate_of == f.rant + " (Rant112)");
    CHECK(result.rows[1].label == "item 2: ");
  }
  SUBCASE("crm export's object: every record a duplicate of itself, history ignored") {
    ContactImport result = f.import(
        "{\"contact\": [{\"id\": \"" + f.anna +
            "\", \"name\": \"Anna Berg\", \"history\": [{\"event\": \"created\"}]}]}",
        {ImportFormat::Json, "", {}, false});
    REQUIRE(result.rows.size() == 1);
    CHECK(result.rows[0].reason == "same ID " + f.anna);
    CHECK(result.ignored_columns == Fields{"history"});
    CHECK(f.contacts() == 2);
  }
}

TEST_CASE("import_contacts maps columns as told") {
  Fixture f;
  ContactImportOptions options;
  options.mapping = {{"Who", "name"}, {"Colour", "-"}, {"Remarks", "note"}};
  ContactImport result = f.import("who,colour,remarks\nBob,red,met at the fair\n", options);
  REQUIRE(result.created() == 1);
  Record bob = f.store().load(contact_kind(), result.rows[0].id);
  CHECK(bob.get("note") == "met at the fair");
  CHECK_FALSE(bob.data.has("colour"));
  CHECK(result.ignored_columns == Fields{"colour"});
}

TEST_CASE("import_contacts lists every bad row and stages nothing") {
  Fixture f;
  SUBCASE("bad rows") {
    std::string message = f.rejected(
        "name,emails,kind,reach\n"
        "Fine,fine@example.org,,\n"
        ",nobody@example.org,,\n"
        "Carl,carl@,,\n"
        "Dora,,martian,\n"
        "Eve,,,many\n"
        "Fay,,influencer,\n"
        "too,many,fields,here,now\n");
    CHECK(message.rfind("nothing imported: 6 problems in in.csv\n", 0) == 0);
    CHECK(message.find("\nin.csv:3: missing name") != std::string::npos);
    CHECK(message.find("\nin.csv:4: invalid contact: 'emails': 'carl@' is not an email address") != std::string::npos);
    CHECK(message.find("\nin.csv:5: invalid contact: ") != std::string::npos);
    CHECK(message.find("martian") != std::string::npos);
    CHECK(message.find("\nin.csv:6: reach must be a whole number") != std::string::npos);
    CHECK(message.find("\nin.csv:7: an influencer needs a screen name") != std::string::npos);
    CHECK(message.find("\nin.csv:8: 5 fields, but the header has 4") != std::string::npos);
  }
  SUBCASE("unknown columns and no name column") {
    std::string message = f.rejected("e-mail,colour\nx@example.org,red\n");
    CHECK(message.find("\nin.csv:1: unknown column 'colour'") != std::string::npos);
    CHECK(message.find("--map 'colour=-' leaves it out") != std::string::npos);
    CHECK(message.find("\nin.csv:1: no 'name' column") != std::string::npos);
  }
  SUBCASE("duplicates, when they are errors") {
    ContactImportOptions options;
    options.duplicates_are_errors = true;
    std::string message = f.rejected("name,phones\nAnna,+15550101\nNew,555 0199\n", options);
    CHECK(message == "nothing imported: 1 problem in in.csv\nin.csv:2: duplicate of " + f.anna +
                         " (Anna Berg), same phone +15550101");
  }
  CHECK(f.contacts() == 2);
}
