#include "ids.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace crm;

TEST_CASE("random_id_body") {
  SUBCASE("twelve characters from the Crockford alphabet") {
    std::string body = random_id_body();
    CHECK(body.size() == k_id_body_length);
    CHECK(normalize_id_body(body) == body);
    CHECK(body.find_first_of("ILOU") == std::string::npos);
  }
  SUBCASE("no repeats across many fast calls") {
    std::set<std::string> seen;
    for (int i = 0; i < 200000; ++i) {
      seen.insert(random_id_body());
    }
    CHECK(seen.size() == 200000);
  }
  SUBCASE("every character position varies") {
    std::set<char> first, last;
    for (int i = 0; i < 2000; ++i) {
      std::string b = random_id_body();
      first.insert(b.front());
      last.insert(b.back());
    }
    CHECK(first.size() == 32);
    CHECK(last.size() == 32);
  }
}

TEST_CASE("normalize_id_body") {
  SUBCASE("upper-cases") { CHECK(normalize_id_body("7k3m") == "7K3M"); }
  SUBCASE("maps look-alike letters to digits") { CHECK(normalize_id_body("oIl") == "011"); }
  SUBCASE("rejects characters outside the alphabet") {
    CHECK(normalize_id_body("7K-3") == "");
    CHECK(normalize_id_body("../x") == "");
    CHECK(normalize_id_body("U") == "");
  }
}

TEST_CASE("is_slug") {
  CHECK(is_slug("olivia"));
  CHECK(is_slug("field-service"));
  CHECK(is_slug("a.b_c9"));
  CHECK(is_slug("9lives"));
  CHECK_FALSE(is_slug(""));
  CHECK_FALSE(is_slug("Olivia"));
  CHECK_FALSE(is_slug("-x"));
  CHECK_FALSE(is_slug("a b"));
  CHECK_FALSE(is_slug("../etc"));
  CHECK_FALSE(is_slug(std::string(65, 'a')));
}
