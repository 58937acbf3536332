// crm export: whole records of every kind or some, as JSON, YAML, CSV or TSV, in a fixed order.
#include "harness.hpp"
#include "record.hpp"
#include "store.hpp"
#include "yaml_io.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace e2e;

namespace {

using Lines = std::vector<std::string>;

// olivia's water department with two contacts (one an influencer with a reach), a call on Anna and a case.
struct Crm {
  Sandbox s;
  std::string anna, rant, call, kase;

  Crm() {
    s.init_with_people();
    anna = s.ok({"contact", "add", "--name", "Anna Berg", "--kind", "citizen", "--email", "anna@example.org",
                 "--phone", "+1 555 0101", "--tag", "elm-street", "--tag", "012", "--note", "Says \"hi\", twice"});
    rant = s.ok({"influencer", "add", "Rant112", "--reach", "1200", "--url", "https://rant.example"});
    call = s.ok({"log-call", "--contact", anna, "--summary", "Low pressure"});
    kase = s.ok({"case", "open", "--contact", anna, "--title", "Leak", "--department", "water"});
    s.ok({"--as", "raquel", "case", "ack", kase});
  }
};

Lines keys_of(const YAML::Node& map) {
  Lines out;
  for (const auto& kv : map) {
    out.push_back(kv.first.as<std::string>());
  }
  return out;
}

Lines ids_of(const YAML::Node& list) {
  Lines out;
  for (const auto& record : list) {
    out.push_back(record["id"].as<std::string>());
  }
  return out;
}

}  // namespace

TEST_CASE("export writes every kind as one JSON object, kinds in store order, each sorted by ID") {
  Crm c;
  YAML::Node all = parse(c.s.ok({"export"}));
  CHECK(keys_of(all) ==
        Lines{"department", "user", "contact", "call", "case", "feedback", "mission", "deal", "reward", "notification"});
  Lines contacts = ids_of(all["contact"]);
  CHECK(contacts.size() == 2);
  CHECK(std::is_sorted(contacts.begin(), contacts.end()));
  CHECK(ids_of(all["user"]) == Lines{"olivia", "raquel"});
  CHECK(ids_of(all["call"]) == Lines{c.call});
  CHECK(ids_of(all["case"]) == Lines{c.kase});
  CHECK(all["feedback"].size() == 0);
  CHECK(all["notification"].size() > 0);

  YAML::Node kase = all["case"][0];
  CHECK(kase["status"].as<std::string>() == "acknowledged");
  CHECK(kase["history"].size() == 3);  // opened, routed, acknowledged: history comes whole
  YAML::Node rant = all["contact"][c.rant < c.anna ? 0 : 1];
  CHECK(rant["reach"].Tag() == "?");  // a number, not a string
  CHECK(rant["reach"].as<int>() == 1200);
  CHECK_FALSE(rant["created"]);  // records as stored: nothing derived
  CHECK(c.s.ok({"export"}) == c.s.ok({"--format", "json", "export"}));
}

TEST_CASE("export KIND takes singulars or plurals in any case and keeps the store's order") {
  Crm c;
  CHECK(keys_of(parse(c.s.ok({"export", "Contacts", "user", "contact"}))) == Lines{"user", "contact"});
  CHECK(keys_of(parse(c.s.ok({"export", "feedbacks"}))) == Lines{"feedback"});
  CHECK(parse(c.s.ok({"export", "feedback"}))["feedback"].size() == 0);
  Result r = c.s.fails(2, {"export", "contact", "cals"});
  CHECK(r.err ==
        "crm: error: unknown kind 'cals' (did you mean 'call'?) (kinds: department, user, contact, call, case, "
        "feedback, mission, deal, reward, notification)\n");
}

TEST_CASE("export JSON round-trips: every exported record serializes back to its file byte for byte") {
  Crm c;
  crm::Value all = crm::parse_yaml(c.s.ok({"export"}), "export");
  crm::Store store(c.s.crm_dir());
  std::size_t records = 0;
  for (const auto& [kind_name, list] : all.fields()) {
    const crm::KindSpec* kind = crm::kind_named(kind_name);
    REQUIRE(kind);
    for (const auto& record : list.items()) {
      std::string path = store.path_of(*kind, record.get("id")).lexically_relative(c.s.crm_dir()).string();
      CHECK(crm::serialize(*kind, record) == c.s.read(path));
      ++records;
    }
  }
  std::size_t files = 0;
  for (const char* folder : {"departments", "users", "contacts", "calls", "cases", "notifications"}) {
    files += c.s.files_in(folder).size();
  }
  CHECK(records == files);
}

TEST_CASE("export --format yaml holds the same records as JSON") {
  Crm c;
  CHECK(crm::parse_yaml(c.s.ok({"export", "--format", "yaml"}), "yaml") ==
        crm::parse_yaml(c.s.ok({"export"}), "json"));
  CHECK(c.s.ok({"export", "mission", "--format", "yaml"}) == "mission: []");
}

TEST_CASE("export --format csv of one kind: its fields in order, lists joined by semicolons, history as JSON") {
  Crm c;
  Lines rows = lines(c.s.ok({"export", "contacts", "--format", "csv"}));
  REQUIRE(rows.size() == 3);
  CHECK(rows[0] == "id,name,kind,org,screen_name,platform,urls,reach,description,emails,phones,tags,note,history");
  std::string anna = rows[c.anna < c.rant ? 1 : 2];
  CHECK(anna.rfind(c.anna + ",Anna Berg,citizen,,,,,,,anna@example.org,+1 555 0101,elm-street;012,"
                             "\"Says \"\"hi\"\", twice\",\"[{\"\"at\"\":\"\"2026-11-23T09:00:00Z\"\",\"\"by\"\":"
                             "\"\"olivia\"\",\"\"event\"\":\"\"created\"\"}]\"",
                   0) == 0);
  std::string rant = rows[c.anna < c.rant ? 2 : 1];
  CHECK(rant.rfind(c.rant + ",Rant112,influencer,,Rant112,,https://rant.example,1200,", 0) == 0);
  CHECK(lines(c.s.ok({"export", "reward", "--format", "csv"})) ==
        Lines{"id,name,description,cost,quantity,expires,owner,history"});
}

TEST_CASE("export --format tsv of several kinds: record_kind first, then every kind's fields, history last") {
  Crm c;
  Lines rows = lines(c.s.ok({"export", "user", "call", "--format", "tsv"}));
  REQUIRE(rows.size() == 4);
  CHECK(rows[0] ==
        "record_kind\tid\tname\temail\tdepartment\trole\tmanager\tleaderboard\tcontact\tat\tdirection\tchannel\t"
        "duration\tby\tsummary\thistory");
  CHECK(rows[1].rfind("user\tolivia\tOlivia", 0) == 0);
  CHECK(rows[2].rfind("user\traquel\t", 0) == 0);
  CHECK(rows[3].rfind("call\t" + c.call + "\t\t\t\t\t\t\t" + c.anna + "\t2026-11-23T09:00:00Z\tin\t", 0) == 0);
}

TEST_CASE("export keeps keys a file holds beyond its kind's fields") {
  Crm c;
  std::string path = "contacts/" + c.anna + ".yaml";
  c.s.write(path, c.s.read(path) + "legacy_code: X-17\n");
  CHECK(parse(c.s.ok({"export", "contact"}))["contact"][c.anna < c.rant ? 0 : 1]["legacy_code"].as<std::string>() ==
        "X-17");
  Lines rows = lines(c.s.ok({"export", "contact", "--format", "csv"}));
  CHECK(rows[0] ==
        "id,name,kind,org,screen_name,platform,urls,reach,description,emails,phones,tags,note,legacy_code,history");
}

TEST_CASE("export of a malformed record fails with its place and prints nothing") {
  Crm c;
  c.s.write("contacts/" + c.anna + ".yaml", "id: [broken\n");
  Result r = c.s.fails(3, {"export"});
  CHECK(r.err.rfind("crm: error: contacts/" + c.anna + ".yaml:", 0) == 0);
}
