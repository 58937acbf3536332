// crm check, and what other commands do with malformed records.
#include "harness.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <regex>

using namespace e2e;

namespace {

// A CRM with people, one contact and one call; returns {contact, call}.
std::pair<std::string, std::string> populated(Sandbox& s) {
  s.init_with_people();
  std::string contact = s.ok({"contact", "add", "--name", "Anna Berg", "--kind", "citizen"});
  std::string call = s.ok({"log-call", "--contact", contact, "--summary", "Hello"});
  return {contact, call};
}

std::string call_path(const std::string& id) { return "calls/" + id.substr(2, 2) + "/" + id + ".yaml"; }

const char* const k_broken_yaml =
    "id: P-AAAAAAAAAAA1\n"
    "name: Anna\n"
    "  kind: citizen\n";

}  // namespace

TEST_CASE("check on a clean CRM prints nothing on stdout and exits 0") {
  Sandbox s;
  populated(s);
  Result r = s.run({"check"});
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err == "5 records checked, 0 problems\n");
  Result quiet = s.run({"-q", "check"});
  CHECK(quiet.status == 0);
  CHECK(quiet.out.empty());
  CHECK(quiet.err.empty());
}

TEST_CASE("check on a fresh CRM is clean") {
  Sandbox s;
  s.ok({"init", "crm"});
  Result r = s.run({"check"});
  CHECK(r.status == 0);
  CHECK(r.out.empty());
}

TEST_CASE("check reports a YAML syntax error as path:line:col") {
  Sandbox s;
  populated(s);
  s.write("contacts/P-AAAAAAAAAAA1.yaml", k_broken_yaml);
  Result r = s.run({"check"});
  CHECK(r.status == 1);
  auto out = lines(r.out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].rfind("contacts/P-AAAAAAAAAAA1.yaml:3:7: ", 0) == 0);
  CHECK(r.err == "6 records checked, 1 problem\n");
}

TEST_CASE("check reports a value outside its allowed list with its line") {
  Sandbox s;
  auto [contact, call] = populated(s);
  std::string path = "contacts/" + contact + ".yaml";
  std::string text = s.read(path);
  text.replace(text.find("kind: citizen"), 13, "kind: alien");
  s.write(path, text);
  Result r = s.run({"check"});
  CHECK(r.status == 1);
  CHECK(r.out == path +
                     ":3: 'kind': 'alien' is not one of customer, citizen, partner, supplier, agent, influencer, "
                     "prospect, press, other\n");
}

TEST_CASE("check reports bad field values: times, directions, durations, references, history") {
  Sandbox s;
  auto [contact, call] = populated(s);
  s.write("calls/AB/K-AB0000000000.yaml",
          "id: K-AB0000000000\n"           // 1
          "contact: " + contact + "\n"     // 2
          "at: yesterday\n"                // 3
          "direction: sideways\n"          // 4
          "channel: phone\n"               // 5
          "duration: a while\n"            // 6
          "by: Not A Slug\n"               // 7
          "summary: x\n"                   // 8
          "history:\n"                     // 9
          "  - at: 2026-11-23T09:00:00Z\n"  // 10
          "    event: exploded\n");        // 11
  Result r = s.run({"check"});
  CHECK(r.status == 1);
  auto out = lines(r.out);
  CHECK(out.size() == 6);  // line 7 is both malformed and a reference to no user
  for (const std::string expected : {"calls/AB/K-AB0000000000.yaml:3: ", "calls/AB/K-AB0000000000.yaml:4: ",
                               "calls/AB/K-AB0000000000.yaml:6: ", "calls/AB/K-AB0000000000.yaml:7: ",
                               "calls/AB/K-AB0000000000.yaml:10: "}) {
    CAPTURE(expected);
    CHECK(std::any_of(out.begin(), out.end(), [&](const std::string& l) { return l.rfind(expected, 0) == 0; }));
  }
}

TEST_CASE("check reports a call whose contact does not exist") {
  Sandbox s;
  auto [contact, call] = populated(s);
  std::string text = s.read(call_path(call));
  text.replace(text.find(contact), contact.size(), "P-BBBBBBBBBBBB");
  s.write(call_path(call), text);
  Result r = s.run({"check"});
  CHECK(r.status == 1);
  CHECK(r.out == call_path(call) + ":2: 'contact' refers to unknown contact 'P-BBBBBBBBBBBB'\n");
}

TEST_CASE("check reports references to missing users and departments") {
  Sandbox s;
  populated(s);
  std::string text = s.read("users/raquel.yaml");
  text.replace(text.find("manager: olivia"), 15, "manager: oscar");
  s.write("users/raquel.yaml", text);
  Result r = s.run({"check"});
  CHECK(r.status == 1);
  CHECK(r.out == "users/raquel.yaml:4: 'manager' refers to unknown user 'oscar'\n");
}

TEST_CASE("check reports an id that disagrees with the file name") {
  Sandbox s;
  auto [contact, call] = populated(s);
  s.clone_record("contacts/" + contact + ".yaml", "contacts/P-AAAAAAAAAAA1.yaml", "P-AAAAAAAAAAA2");
  Result r = s.run({"check"});
  CHECK(r.status == 1);
  CHECK(r.out ==
        "contacts/P-AAAAAAAAAAA1.yaml:1: id 'P-AAAAAAAAAAA2' does not match the file name (expected "
        "'P-AAAAAAAAAAA1')\n");
}

TEST_CASE("check reports a call file in the wrong shard folder") {
  Sandbox s;
  auto [contact, call] = populated(s);
  std::string wrong = std::string(call.substr(2, 2) == "ZZ" ? "YY" : "ZZ");
  std::string moved = "calls/" + wrong + "/" + call + ".yaml";
  s.write(moved, s.read(call_path(call)));
  fs::remove(s.crm_dir() / call_path(call));
  Result r = s.run({"check"});
  CHECK(r.status == 1);
  auto out = lines(r.out);
  REQUIRE(out.size() == 1);
  CHECK(std::regex_match(out[0], std::regex(moved + "(:[0-9]+)?: misplaced: .*")));
  CHECK(out[0].find("belongs in " + call_path(call)) != std::string::npos);
}

TEST_CASE("check reports a file whose name is not a valid ID") {
  Sandbox s;
  auto [contact, call] = populated(s);
  s.write("contacts/anna.yaml", s.read("contacts/" + contact + ".yaml"));
  Result r = s.run({"check"});
  CHECK(r.status == 1);
  auto out = lines(r.out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].rfind("contacts/anna.yaml", 0) == 0);
}

TEST_CASE("check reports an unknown key in crm.yaml with a suggestion") {
  Sandbox s;
  populated(s);
  std::string config = s.read("crm.yaml");
  std::size_t line = lines(config).size() + 1;
  s.write("crm.yaml", config + "timezon: UTC\n");
  Result r = s.run({"check"});
  CHECK(r.status == 1);
  CHECK(r.out == "crm.yaml:" + std::to_string(line) + ": unknown key 'timezon' (did you mean 'timezone'?)\n");

  s.write("crm.yaml", "defaults:\n  contact_knd: citizen\n");
  r = s.run({"check"});
  CHECK(r.status == 1);
  CHECK(r.out == "crm.yaml:2: unknown key 'defaults.contact_knd' (did you mean 'contact_kind'?)\n");
}

TEST_CASE("check lists every problem in one run") {
  Sandbox s;
  auto [contact, call] = populated(s);
  s.write("contacts/P-AAAAAAAAAAA1.yaml", k_broken_yaml);
  s.clone_record("contacts/" + contact + ".yaml", "contacts/P-AAAAAAAAAAA3.yaml", "P-AAAAAAAAAAA4");
  s.write("crm.yaml", "colour: blue\n");
  std::string text = s.read(call_path(call));
  text.replace(text.find("channel: phone"), 14, "channel: pigeon");
  s.write(call_path(call), text);
  Result r = s.run({"check"});
  CHECK(r.status == 1);
  auto out = lines(r.out);
  CHECK(out.size() == 4);
  for (const auto& l : out) {
    CAPTURE(l);
    CHECK(std::regex_match(l, std::regex("[^: ]+\\.yaml:[0-9]+(:[0-9]+)?: .+")));
  }
  CHECK(r.err == "7 records checked, 4 problems\n");
}

TEST_CASE("check in JSON gives each problem's path and line") {
  Sandbox s;
  auto [contact, call] = populated(s);
  s.write("contacts/P-AAAAAAAAAAA1.yaml", k_broken_yaml);
  s.clone_record("contacts/" + contact + ".yaml", "contacts/P-AAAAAAAAAAA3.yaml", "P-AAAAAAAAAAA4");
  Result r = s.run({"check", "--format", "json"});
  CHECK(r.status == 1);
  YAML::Node problems = parse(r.out);
  REQUIRE(problems.size() == 2);
  for (const auto& p : problems) {
    CAPTURE(p["text"].as<std::string>());
    CHECK(p["text"].as<std::string>().rfind(p["path"].as<std::string>() + ":", 0) == 0);
    CHECK(p["path"].as<std::string>().rfind("contacts/P-AAAAAAAAAAA", 0) == 0);
    CHECK(p["line"].as<int>() > 0);
  }
  CHECK(problems[1]["path"].as<std::string>() == "contacts/P-AAAAAAAAAAA3.yaml");
  CHECK(problems[1]["line"].as<int>() == 1);
}

TEST_CASE("commands that read a malformed record fail with exit 3, name it, and write nothing") {
  Sandbox s;
  auto [contact, call] = populated(s);

  SUBCASE("a contact that is not valid YAML") {
    s.write("contacts/P-AAAAAAAAAAA1.yaml", k_broken_yaml);
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"contact", "list"}, {"contact", "show", "P-AAAAAAAAAAA1"},
             {"contact", "edit", "P-AAAAAAAAAAA1", "--name", "Fixed"}}) {
      CAPTURE(args[1]);
      Result r = s.fails(3, args);
      CHECK(r.err.rfind("crm: error: contacts/P-AAAAAAAAAAA1.yaml:3:7: ", 0) == 0);
    }
  }
  SUBCASE("a contact with an unknown kind") {
    std::string path = "contacts/" + contact + ".yaml";
    std::string text = s.read(path);
    text.replace(text.find("kind: citizen"), 13, "kind: alien");
    s.write(path, text);
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"contact", "list"}, {"contact", "show", contact}, {"contact", "edit", contact, "--add-tag", "x"}}) {
      CAPTURE(args[1]);
      Result r = s.fails(3, args);
      CHECK(r.err.rfind("crm: error: " + path + ":3: ", 0) == 0);
    }
  }
  SUBCASE("a malformed call") {
    std::string text = s.read(call_path(call));
    text.replace(text.find("direction: in"), 13, "direction: [in");
    s.write(call_path(call), text);
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"call", "list"}, {"call", "show", call}, {"contact", "show", contact}}) {
      CAPTURE(args[1]);
      Result r = s.fails(3, args);
      CHECK(r.err.rfind("crm: error: " + call_path(call) + ":", 0) == 0);
    }
  }
  SUBCASE("a malformed user") {
    s.write("users/raquel.yaml", "id: raquel\nname: [Raquel\n");
    Result r = s.fails(3, {"user", "list"});
    CHECK(r.err.rfind("crm: error: users/raquel.yaml:", 0) == 0);
    s.fails(3, {"user", "show", "raquel"});
    s.fails(3, {"user", "edit", "raquel", "--role", "agent"});
    s.fails(3, {"department", "list"});
  }
}

TEST_CASE("check names files as reachable from the current folder") {
  Sandbox s;
  auto [contact, call] = populated(s);
  std::string path = "contacts/" + contact + ".yaml";
  std::string text = s.read(path);
  text.replace(text.find("kind: citizen"), 13, "kind: alien");
  s.write(path, text);
  Result r = s.run_in(s.root(), {}, {"-C", "crm", "check"});
  CHECK(r.status == 1);
  CHECK(r.out.rfind("crm/" + path + ":3: 'kind': 'alien'", 0) == 0);
}

TEST_CASE("log-call for a contact whose record is malformed fails with exit 3 and writes nothing") {
  Sandbox s;
  auto [contact, call] = populated(s);
  std::string path = "contacts/" + contact + ".yaml";
  std::string text = s.read(path);
  text.replace(text.find("kind: citizen"), 13, "kind: alien");
  s.write(path, text);
  Result r = s.fails(3, {"log-call", "--contact", contact, "--summary", "x"});
  CHECK(r.err.rfind("crm: error: " + path + ":3: ", 0) == 0);
}

TEST_CASE("linking to a user or department whose record is malformed fails with exit 3 and writes nothing") {
  Sandbox s;
  auto [contact, call] = populated(s);
  s.write("users/raquel.yaml", "id: raquel\nname: Raquel Reyes\nmanager: Not A Slug\n");
  s.write("departments/roads.yaml", "id: roads\nname: [Roads\n");
  SUBCASE("log-call --by") {
    Result r = s.fails(3, {"log-call", "--contact", contact, "--by", "raquel", "--summary", "x"});
    CHECK(r.err.rfind("crm: error: users/raquel.yaml:3: ", 0) == 0);
  }
  SUBCASE("user add --manager") {
    Result r = s.fails(3, {"user", "add", "sam", "--name", "Sam", "--manager", "raquel"});
    CHECK(r.err.rfind("crm: error: users/raquel.yaml:3: ", 0) == 0);
  }
  SUBCASE("user add --department") {
    Result r = s.fails(3, {"user", "add", "sam", "--name", "Sam", "--department", "roads"});
    CHECK(r.err.rfind("crm: error: departments/roads.yaml:", 0) == 0);  // yaml-cpp reports where the flow should have ended
  }
  SUBCASE("department edit --manager") {
    Result r = s.fails(3, {"department", "edit", "water", "--manager", "raquel"});
    CHECK(r.err.rfind("crm: error: users/raquel.yaml:3: ", 0) == 0);
  }
}

TEST_CASE("check reports a crm.yaml that cannot be loaded as a problem, exit 1") {
  Sandbox s;
  populated(s);
  SUBCASE("YAML syntax error") {
    s.write("crm.yaml", "timezone: UTC\ncontact_kinds: [a, b\n");
    Result r = s.run({"check"});
    CHECK(r.status == 1);
    CHECK(std::regex_match(r.out, std::regex("crm\\.yaml:[0-9]+(:[0-9]+)?: .+\n")));
  }
  SUBCASE("unknown time zone") {
    s.write("crm.yaml", "timezone: Mars/Olympus\n");
    Result r = s.run({"check"});
    CHECK(r.status == 1);
    CHECK(r.out.rfind("crm.yaml:1: ", 0) == 0);
  }
}

TEST_CASE("check reports records that are not mappings or lack an id") {
  Sandbox s;
  populated(s);
  s.write("contacts/P-AAAAAAAAAAA1.yaml", "- a\n- b\n");
  s.write("contacts/P-AAAAAAAAAAA2.yaml", "name: No Id\n");
  Result r = s.run({"check"});
  CHECK(r.status == 1);
  CHECK(r.out ==
        "contacts/P-AAAAAAAAAAA1.yaml:1: a contact record must be a mapping of fields\n"
        "contacts/P-AAAAAAAAAAA2.yaml:1: missing required field 'id'\n");
}

TEST_CASE("check reports people and departments crm.yaml's policy names but the CRM lacks") {
  Sandbox s;
  s.init_with_people();
  s.write("crm.yaml",
          "routing:\n"
          "  default: sewer\n"
          "sla:\n"
          "  department:\n"
          "    roads: {acknowledge: 4h}\n"
          "escalation:\n"
          "  default: {chain: [handler, \"user:ghost\"], every: 4h}\n"
          "  department:\n"
          "    water: {chain: [handler, \"user:olivia\"]}\n");
  Result r = s.run({"check"});
  CHECK(r.status == 1);
  CHECK(r.out ==
        "crm.yaml:2: 'routing.default' refers to unknown department 'sewer'\n"
        "crm.yaml:5: 'sla.department' refers to unknown department 'roads'\n"
        "crm.yaml:7: 'escalation.default.chain' refers to unknown user 'ghost'\n");
}
