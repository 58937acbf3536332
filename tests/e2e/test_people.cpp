// Users, departments, and who the acting user is.
#include "harness.hpp"

#include <doctest/doctest.h>

using namespace e2e;

namespace {

std::string created_by(Sandbox& s, const std::string& contact) {
  YAML::Node first = parse(s.read("contacts/" + contact + ".yaml"))["history"][0];
  return first["by"] ? first["by"].as<std::string>() : "";
}

}  // namespace

TEST_CASE("the first department and user need no acting user, later commands do") {
  Sandbox s;
  s.ok({"init", "crm"});
  CHECK(s.ok({"department", "add", "water", "--name", "Water Department"}) == "water");
  CHECK(s.ok({"user", "add", "olivia", "--name", "Olivia Ortiz", "--email", "olivia@city.example", "--department",
              "water", "--role", "manager"}) == "olivia");
  CHECK(s.read("departments/water.yaml") ==
        "id: water\nname: Water Department\nhistory:\n  - at: 2026-11-23T09:00:00Z\n    event: created\n");
  CHECK(s.read("users/olivia.yaml") ==
        "id: olivia\n"
        "name: Olivia Ortiz\n"
        "email: olivia@city.example\n"
        "department: water\n"
        "role: manager\n"
        "history:\n"
        "  - at: 2026-11-23T09:00:00Z\n"
        "    event: created\n");
  // Now that a user exists, someone must be acting.
  Result r = s.fails(2, {"user", "add", "raquel", "--name", "Raquel Reyes"});
  CHECK(r.err.find("--as") != std::string::npos);
  s.fails(2, {"department", "add", "roads", "--name", "Roads"});
  s.fails(2, {"contact", "add", "--name", "Anna Berg"});
  CHECK(s.ok({"--as", "olivia", "user", "add", "raquel", "--name", "Raquel Reyes", "--manager", "olivia"}) ==
        "raquel");
  CHECK(s.read("users/raquel.yaml") ==
        "id: raquel\n"
        "name: Raquel Reyes\n"
        "manager: olivia\n"
        "history:\n"
        "  - at: 2026-11-23T09:00:00Z\n"
        "    by: olivia\n"
        "    event: created\n");
}

TEST_CASE("contact add needs an acting user even while there are no users") {
  Sandbox s;
  s.ok({"init", "crm"});
  s.fails(2, {"contact", "add", "--name", "Anna Berg"});
  s.fails(2, {"log-call", "--new-contact", "Anna Berg", "--summary", "x"});
}

TEST_CASE("the acting user comes from --as, else CRM_USER, else the git email") {
  Sandbox s;
  s.init_with_people();  // sets CRM_USER=olivia
  s.ok({"user", "edit", "raquel", "--email", "raquel@city.example"});
  auto add_as = [&](const std::vector<std::string>& env, std::vector<std::string> args) {
    Result r = s.run_env(env, args);
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
    return created_by(s, r.out.substr(0, 14));
  };

  // --as wins over CRM_USER, before or after the command.
  CHECK(add_as({}, {"--as", "raquel", "contact", "add", "--name", "Anna Berg"}) == "raquel");
  CHECK(add_as({}, {"contact", "add", "--name", "Anna Berg", "--as", "raquel"}) == "raquel");
  CHECK(add_as({}, {"contact", "add", "--name", "Anna Berg"}) == "olivia");
  CHECK(add_as({"CRM_USER=raquel"}, {"contact", "add", "--name", "Anna Berg"}) == "raquel");

  // Without --as and CRM_USER: nobody is acting...
  Result r = s.fails(2, {"contact", "add", "--name", "Anna Berg"}, {"CRM_USER"});
  CHECK(r.err.find("--as") != std::string::npos);
  s.fails(2, {"user", "add", "sam", "--name", "Sam"}, {"CRM_USER"});
  s.fails(2, {"department", "edit", "water", "--name", "Water"}, {"CRM_USER"});

  // ...unless git's user.email is a user's email.
  s.git({"config", "user.email", "olivia@city.example"});
  CHECK(add_as({"CRM_USER"}, {"contact", "add", "--name", "Anna Berg"}) == "olivia");
  CHECK(add_as({"CRM_USER=raquel"}, {"contact", "add", "--name", "Anna Berg"}) == "raquel");
  CHECK(add_as({"CRM_USER"}, {"--as", "raquel", "contact", "add", "--name", "Anna Berg"}) == "raquel");
  // The email is read from the CRM's repository, wherever crm runs.
  Result outside = s.run_in(s.root(), {"CRM_USER"}, {"-C", "crm", "contact", "add", "--name", "Anna Berg"});
  REQUIRE(outside.status == 0);
  CHECK(created_by(s, outside.out.substr(0, 14)) == "olivia");
  s.git({"config", "user.email", "raquel@city.example"});
  r = s.run_env({"CRM_USER"}, {"log-call", "--new-contact", "Bob Evans", "--summary", "x"});
  REQUIRE(r.status == 0);
  std::string call = r.out.substr(0, 14);
  CHECK(parse(s.read("calls/" + call.substr(2, 2) + "/" + call + ".yaml"))["by"].as<std::string>() == "raquel");

  // A git email that no user has is no acting user.
  s.git({"config", "user.email", "stranger@example.org"});
  r = s.fails(2, {"contact", "add", "--name", "Anna Berg"}, {"CRM_USER"});
  CHECK(r.err.find("stranger@example.org") != std::string::npos);
}

TEST_CASE("an unknown acting user exits 4 and writes nothing") {
  Sandbox s;
  s.init_with_people();
  s.fails(4, {"--as", "nobody", "contact", "add", "--name", "Anna Berg"});
  s.fails(4, {"contact", "add", "--name", "Anna Berg"}, {"CRM_USER=nobody"});
  s.fails(4, {"--as", "nobody", "user", "add", "sam", "--name", "Sam"});
  s.fails(4, {"--as", "nobody", "log-call", "--new-contact", "Anna Berg", "--summary", "x"});
  CHECK(s.files_in("contacts").empty());
}

TEST_CASE("references to unknown departments and managers exit 4 and write nothing") {
  Sandbox s;
  s.init_with_people();
  s.fails(4, {"user", "add", "sam", "--name", "Sam", "--department", "roads"});
  s.fails(4, {"user", "add", "sam", "--name", "Sam", "--manager", "nobody"});
  s.fails(4, {"department", "add", "roads", "--name", "Roads", "--manager", "nobody"});
  s.fails(4, {"user", "edit", "raquel", "--manager", "nobody"});
  s.fails(4, {"user", "edit", "raquel", "--department", "roads"});
  s.fails(4, {"department", "edit", "water", "--manager", "nobody"});
  s.fails(4, {"user", "edit", "nobody", "--role", "agent"});
  s.fails(4, {"department", "edit", "roads", "--name", "Roads"});
  CHECK_FALSE(s.exists("users/sam.yaml"));
}

TEST_CASE("user and department IDs must be lowercase slugs") {
  Sandbox s;
  s.init_with_people();
  for (const std::string bad : {"Sam", "sam smith", "-sam", "sam/x", "", "sam!"}) {
    CAPTURE(bad);
    s.fails(2, {"user", "add", bad, "--name", "Sam"});
    s.fails(2, {"department", "add", bad, "--name", "Roads"});
  }
  CHECK(s.ok({"user", "add", "sam.smith-2_b", "--name", "Sam"}) == "sam.smith-2_b");
  CHECK(s.ok({"department", "add", "42roads", "--name", "Roads"}) == "42roads");
}

TEST_CASE("adding a user or department that exists exits 2 and writes nothing") {
  Sandbox s;
  s.init_with_people();
  Result r = s.fails(2, {"user", "add", "raquel", "--name", "Another Raquel"});
  CHECK(r.err.find("already exists") != std::string::npos);
  s.fails(2, {"department", "add", "water", "--name", "Water Again"});
  s.fails(2, {"user", "add", "sam"});  // --name is required
}

TEST_CASE("user list and show give every user with their fields") {
  Sandbox s;
  s.init_with_people();
  YAML::Node users = parse(s.ok({"user", "list", "--format", "json"}));
  REQUIRE(users.size() == 2);
  CHECK(users[0]["id"].as<std::string>() == "olivia");
  CHECK(users[0]["name"].as<std::string>() == "Olivia Ortiz");
  CHECK(users[0]["email"].as<std::string>() == "olivia@city.example");
  CHECK(users[0]["department"].as<std::string>() == "water");
  CHECK(users[0]["role"].as<std::string>() == "manager");
  CHECK(users[1]["id"].as<std::string>() == "raquel");
  CHECK(users[1]["manager"].as<std::string>() == "olivia");

  CHECK(s.ok({"user", "list"}) ==
        "ID      NAME          EMAIL                DEPARTMENT  ROLE     MANAGER\n"
        "olivia  Olivia Ortiz  olivia@city.example  water       manager\n"
        "raquel  Raquel Reyes                       water                olivia");

  YAML::Node raquel = parse(s.ok({"user", "show", "raquel", "--format", "yaml"}));
  CHECK(raquel["id"].as<std::string>() == "raquel");
  CHECK(raquel["manager"].as<std::string>() == "olivia");
  CHECK(raquel["created"].as<std::string>() == "2026-11-23T09:00:00Z");
  CHECK(s.ok({"user", "show", "raquel"}).rfind("id:         raquel\nname:       Raquel Reyes\n", 0) == 0);
}

TEST_CASE("department list and show include the members") {
  Sandbox s;
  s.init_with_people();
  s.ok({"department", "add", "roads", "--name", "Roads"});
  YAML::Node depts = parse(s.ok({"department", "list", "--format", "json"}));
  REQUIRE(depts.size() == 2);
  CHECK(depts[0]["id"].as<std::string>() == "roads");
  CHECK(depts[0]["members"].size() == 0);
  CHECK(depts[1]["id"].as<std::string>() == "water");
  CHECK(depts[1]["manager"].as<std::string>() == "olivia");
  REQUIRE(depts[1]["members"].size() == 2);
  CHECK(depts[1]["members"][0].as<std::string>() == "olivia");
  CHECK(depts[1]["members"][1].as<std::string>() == "raquel");

  YAML::Node water = parse(s.ok({"dept", "show", "water", "--format", "json"}));
  CHECK(water["name"].as<std::string>() == "Water Department");
  CHECK(water["members"].size() == 2);
  CHECK(water["history"][1]["event"].as<std::string>() == "edited");
  CHECK(water["history"][1]["fields"][0].as<std::string>() == "manager");

  CHECK(s.ok({"department", "list"}) ==
        "ID     NAME              MANAGER  MEMBERS\n"
        "roads  Roads\n"
        "water  Water Department  olivia   olivia, raquel");
}

TEST_CASE("user edit and department edit change fields and record the edit") {
  Sandbox s;
  s.init_with_people();
  Result r = s.run({"--now", "2026-11-24T10:00:00Z", "user", "edit", "raquel", "--role", "lead", "--unset", "manager"});
  REQUIRE(r.status == 0);
  CHECK(r.err == "raquel: changed role, manager\n");
  CHECK(s.read("users/raquel.yaml") ==
        "id: raquel\n"
        "name: Raquel Reyes\n"
        "department: water\n"
        "role: lead\n"
        "history:\n"
        "  - at: 2026-11-23T09:00:00Z\n"
        "    by: olivia\n"
        "    event: created\n"
        "  - at: 2026-11-24T10:00:00Z\n"
        "    by: olivia\n"
        "    event: edited\n"
        "    fields:\n"
        "      - role\n"
        "      - manager\n");

  s.ok({"department", "add", "roads", "--name", "Roads"});
  s.ok({"user", "edit", "raquel", "--department", "roads"});
  CHECK(parse(s.ok({"department", "show", "roads", "--format", "json"}))["members"][0].as<std::string>() == "raquel");
  s.ok({"department", "edit", "roads", "--manager", "raquel", "--name", "Roads and Bridges"});
  YAML::Node roads = parse(s.read("departments/roads.yaml"));
  CHECK(roads["manager"].as<std::string>() == "raquel");
  CHECK(roads["name"].as<std::string>() == "Roads and Bridges");

  auto before = s.snapshot();
  Result same = s.run({"user", "edit", "raquel", "--role", "lead"});
  CHECK(same.status == 0);
  CHECK(same.err == "raquel: nothing changed\n");
  CHECK(s.snapshot() == before);

  s.fails(2, {"user", "edit", "raquel"});
  s.fails(2, {"user", "edit", "raquel", "--unset", "name"});
  s.fails(2, {"user", "edit", "raquel", "--unset", "shoe_size"});
}
