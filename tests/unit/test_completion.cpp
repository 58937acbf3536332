#include "completion.hpp"

#include "files.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

using namespace crm;

namespace {

std::vector<std::string> words(const std::vector<Candidate>& candidates) {
  std::vector<std::string> out;
  for (const auto& c : candidates) {
    out.push_back(c.word);
  }
  return out;
}

using Words = std::vector<std::string>;

}  // namespace

TEST_CASE("value_candidates: fixed values come from the schema, without a CRM") {
  CHECK(words(value_candidates(nullptr, &case_kind(), "priority", "")) == case_priorities());
  CHECK(words(value_candidates(nullptr, &case_kind(), "priority", "n")) == Words{"normal"});
  // Outside the family, the first kind with such a field says.
  CHECK(words(value_candidates(nullptr, nullptr, "sentiment", "")) == feedback_sentiments());
  CHECK(words(value_candidates(nullptr, nullptr, "direction", "")) == Words{"in", "out"});
  // Configured lists fall back to what an empty crm.yaml means.
  CHECK(words(value_candidates(nullptr, &contact_kind(), "kind", "cu")) == Words{"customer"});
  CHECK(words(value_candidates(nullptr, nullptr, "new-contact-kind", "cu")) == Words{"customer"});
  CHECK(words(value_candidates(nullptr, nullptr, "channel", "ph")) == Words{"phone"});
  CHECK(words(value_candidates(nullptr, nullptr, "calendar", "")) == Words{"24x7"});
  // Free text, and records without a CRM, have none.
  CHECK(value_candidates(nullptr, &case_kind(), "title", "").empty());
  CHECK(value_candidates(nullptr, &case_kind(), "id", "").empty());
  CHECK(value_candidates(nullptr, nullptr, "no-such-name", "").empty());
}

TEST_CASE("value_candidates: IDs of the records a name refers to, described") {
  test::TempDir dir;
  write_file_atomic(dir.path() / "crm.yaml", "contact_kinds: [customer, resident]\n");
  write_file_atomic(dir.path() / "users" / "olivia.yaml", "id: olivia\nname: Olivia Ortiz\n");
  write_file_atomic(dir.path() / "users" / "raquel.yaml", "id: raquel\nname: Raquel Reyes\n");
  write_file_atomic(dir.path() / "departments" / "water.yaml", "id: water\nname: Water\n");
  write_file_atomic(dir.path() / "missions" / "M-AAAA.yaml", "id: M-AAAA\ntitle: Map the pipes\n");
  write_file_atomic(dir.path() / "contacts" / "P-BBBB.yaml", "id: P-BBBB\nname: Rant\nscreen_name: Rant112\n");
  Store store(dir.path());

  auto users = value_candidates(&store, &case_kind(), "handler", "");
  REQUIRE(users.size() == 2);
  CHECK(users[0].word == "olivia");
  CHECK(users[0].description == "Olivia Ortiz");
  CHECK(words(value_candidates(&store, nullptr, "as", "r")) == Words{"raquel"});
  CHECK(words(value_candidates(&store, nullptr, "user", "")) == Words{"olivia", "raquel"});
  CHECK(words(value_candidates(&store, nullptr, "by", "")) == Words{"olivia", "raquel"});
  CHECK(words(value_candidates(&store, &user_kind(), "department", "")) == Words{"water"});
  CHECK(words(value_candidates(&store, &mission_kind(), "id", "")) == Words{"M-AAAA"});
  CHECK(words(value_candidates(&store, &mission_kind(), "parent", "M-")) == Words{"M-AAAA"});
  CHECK(words(value_candidates(&store, &contact_kind(), "kind", "")) == Words{"customer", "resident"});

  auto to = value_candidates(&store, &case_kind(), "to", "");
  REQUIRE(to.size() == 3);
  CHECK(to[2].word == "water");
  CHECK(to[2].description == "Water (department)");

  CHECK(words(value_candidates(&store, &feedback_kind(), "influencer", "")) == Words{"Rant112"});
  CHECK(words(value_candidates(&store, &contact_kind(), "id", "")) == Words{"P-BBBB", "Rant112"});
}

TEST_CASE("completes: a word completes the typed text it begins with, ignoring case") {
  CHECK(completes("C-KD64FQQMVXGT", "c-kd"));
  CHECK(completes("urgent", "URG"));
  CHECK(completes("urgent", ""));
  CHECK_FALSE(completes("urgent", "urgently"));
  CHECK_FALSE(completes("normal", "u"));
}
