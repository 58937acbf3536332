#include "config.hpp"
#include "config_error.hpp"
#include "error.hpp"

#include <doctest/doctest.h>

using namespace crm;

TEST_CASE("load_config") {
  SUBCASE("an empty file means the documented defaults") {
    Config c = load_config("", "crm.yaml");
    CHECK(c.default_contact_kind == "customer");
    CHECK(c.default_call_channel == "phone");
    CHECK(c.default_call_direction == "in");
    CHECK(c.list("contact_kinds").size() == 9);
    CHECK(c.zone != nullptr);
  }
  SUBCASE("the init template is valid and means the defaults") {
    Config c = load_config(config_template(), "crm.yaml");
    CHECK(c.zone_name.empty());
    CHECK(config_problems(c, "crm.yaml").empty());
  }
  SUBCASE("git.autocommit is off unless crm.yaml turns it on, as the fresh-repository template does") {
    CHECK_FALSE(load_config("", "crm.yaml").git_autocommit);
    CHECK_FALSE(load_config(config_template(), "crm.yaml").git_autocommit);
    Config on = load_config(config_template(true), "crm.yaml");
    CHECK(on.git_autocommit);
    CHECK(config_problems(on, "crm.yaml").empty());
    CHECK(config_error("git:\n  autocommit: yes please\n") ==
          "crm.yaml:2: git.autocommit: 'yes please' is not one of the allowed values");
    CHECK(config_problems(load_config("git: {autocommit: false, autopush: true}\n", "crm.yaml"), "crm.yaml").size() ==
          1);
  }
  SUBCASE("settings are read") {
    Config c = load_config(
        "timezone: America/Chicago\ncontact_kinds: [citizen, business]\ndefaults:\n  contact_kind: citizen\n  "
        "call_channel: email\n",
        "crm.yaml");
    CHECK(c.zone_name == "America/Chicago");
    CHECK(c.default_contact_kind == "citizen");
    CHECK(c.default_call_channel == "email");
    CHECK(c.list("contact_kinds") == std::vector<std::string>{"citizen", "business"});
  }
  SUBCASE("errors name the line") {
    CHECK(config_error("a: 1\ntimezone: Mars/Base\n").rfind("crm.yaml:2: unknown time zone 'Mars/Base'", 0) == 0);
    CHECK(config_error("defaults:\n  contact_kind: alien\n") ==
          "crm.yaml:2: defaults.contact_kind: 'alien' is not one of the allowed values");
    CHECK(config_error("contact_kinds: citizen\n") == "crm.yaml:1: 'contact_kinds' must be a list, e.g. [a, b]");
    CHECK(config_error("- a\n- b\n") == "crm.yaml:1: crm.yaml must be a mapping of settings (key: value)");
    CHECK(config_error("timezone: [\n").rfind("crm.yaml:", 0) == 0);
  }
}

TEST_CASE("config_problems") {
  Config c = load_config("timezon: UTC\ndefaults:\n  call_chanel: email\n", "crm.yaml");
  auto problems = config_problems(c, "crm.yaml");
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].text() == "crm.yaml:1: unknown key 'timezon' (did you mean 'timezone'?)");
  CHECK(problems[1].text() == "crm.yaml:3: unknown key 'defaults.call_chanel' (did you mean 'call_channel'?)");
}
