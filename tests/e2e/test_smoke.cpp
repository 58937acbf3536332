#include "harness.hpp"

#include <doctest/doctest.h>

using namespace e2e;

TEST_CASE("crm init then contact add prints only the new ID") {
  Sandbox s;
  s.init_with_people();
  std::string id = s.ok({"contact", "add", "--name", "Anna Berg"});
  CHECK(id.size() == 14);
  CHECK(id.rfind("P-", 0) == 0);
  CHECK(s.exists("contacts/" + id + ".yaml"));
}
