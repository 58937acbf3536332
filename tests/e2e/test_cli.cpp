// Command-line basics: usage errors, help, version, quiet mode.
#include "harness.hpp"

#include <doctest/doctest.h>

using namespace e2e;

TEST_CASE("an unknown command exits 2 and suggests the closest one") {
  Sandbox s;
  s.init_with_people();
  Result r = s.fails(2, {"contcat", "list"});
  CHECK(r.err.find("contact") != std::string::npos);
  r = s.fails(2, {"contact", "lsit"});
  CHECK(r.err.find("list") != std::string::npos);
  s.fails(2, {});
  s.fails(2, {"contact"});
  s.fails(2, {"contact", "list", "--no-such-option"});
}

TEST_CASE("--help and --version exit 0 and print to stdout") {
  Sandbox s;
  Result help = s.run({"--help"});
  CHECK(help.status == 0);
  CHECK(help.out.find("contact") != std::string::npos);
  CHECK(help.out.find("log-call") != std::string::npos);
  Result version = s.run({"--version"});
  CHECK(version.status == 0);
  CHECK(version.out.rfind("crm ", 0) == 0);
  Result sub = s.run({"contact", "add", "--help"});
  CHECK(sub.status == 0);
  CHECK(sub.out.find("--name") != std::string::npos);
}

TEST_CASE("-q silences messages but never data") {
  Sandbox s;
  s.init_with_people();
  Result add = s.run({"-q", "log-call", "--new-contact", "Anna Berg", "--summary", "x"});
  CHECK(add.status == 0);
  CHECK(add.err.empty());
  CHECK(is_generated_id(add.out.substr(0, 14), "K"));
  Result list = s.run({"-q", "contact", "list", "--format", "json"});
  CHECK(list.status == 0);
  CHECK(list.err.empty());
  CHECK(parse(list.out).size() == 1);
  // Errors still reach stderr.
  Result bad = s.run({"-q", "contact", "show", "ZZZZ"});
  CHECK(bad.status == 4);
  CHECK(bad.err.rfind("crm: error: ", 0) == 0);
}
