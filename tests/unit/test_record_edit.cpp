#include "record_edit.hpp"

#include "error.hpp"
#include "record_lookup.hpp"
#include "temp_crm.hpp"
#include "times.hpp"

#include <doctest/doctest.h>

using namespace crm;

namespace {

const std::string k_contact = "P-7K3MQ2X9AB4F";

// A CRM with the department "water", the user "olivia" and one contact.
struct Fixture : test::TempCrm {

  Fixture() {
    write("departments/water.yaml", "id: water\nname: Water\n");
    write("users/olivia.yaml", "id: olivia\nname: Olivia\ndepartment: water\n");
    write("contacts/" + k_contact + ".yaml", contact_text());
  }
  Context context() const { return Context{store(), "olivia", utc("2026-11-24T10:00:00Z")}; }
  Record contact() const { return store().load(contact_kind(), k_contact); }
  EditReview review(const std::string& text) const { return review_edit(context(), contact(), text, "edit.yaml"); }

  static std::string contact_text(const std::string& name = "Anna Berg", const std::string& extra = "") {
    return "id: " + k_contact + "\nname: " + name + "\nkind: customer\n" + extra +
           "history:\n  - at: 2026-11-23T09:00:00Z\n    by: olivia\n    event: created\n";
  }
};

std::vector<std::string> texts(const std::vector<Problem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) {
    out.push_back(p.text());
  }
  return out;
}

}  // namespace

TEST_CASE("strip_edit_comments") {
  CHECK(strip_edit_comments("# crm: error: x\n# crm: fix it\nid: a\n") == "id: a\n");
  CHECK(strip_edit_comments("id: a\n# crm: error: x\n") == "id: a\n# crm: error: x\n");  // only at the top
  CHECK(strip_edit_comments("# a note of the user's\nid: a\n") == "# a note of the user's\nid: a\n");
  CHECK(strip_edit_comments("# crm: only") == "");
}

TEST_CASE("review_edit of an empty or unchanged text") {
  Fixture f;
  SUBCASE("empty, blank or nothing but comments is empty") {
    CHECK(f.review("").outcome == EditReview::Outcome::Empty);
    CHECK(f.review("\n  \n").outcome == EditReview::Outcome::Empty);
    CHECK(f.review("# crm: error: line 3: bad\n# all gone\n").outcome == EditReview::Outcome::Empty);
  }
  SUBCASE("the same record written differently is unchanged") {
    CHECK(f.review(Fixture::contact_text()).outcome == EditReview::Outcome::Unchanged);
    std::string reordered =
        "name: 'Anna Berg'   # a comment\nid: " + k_contact +
        "\nkind: customer\norg: ''\nhistory: [{at: 2026-11-23T09:00:00Z, by: olivia, event: created}]\n";
    CHECK(f.review(reordered).outcome == EditReview::Outcome::Unchanged);
  }
}

TEST_CASE("review_edit of a valid change") {
  Fixture f;
  auto r = f.review("# crm: error: line 4: old complaint\n" + Fixture::contact_text("Anna Smith", "tags: [vip]\n"));
  REQUIRE(r.outcome == EditReview::Outcome::Valid);
  CHECK(r.changed == std::vector<std::string>{"name", "tags"});
  CHECK(serialize(contact_kind(), r.data) == Fixture::contact_text("Anna Smith", "tags:\n  - vip\n"));
  CHECK(r.problems.empty());
}

TEST_CASE("review_edit reports problems with the lines of the text shown next") {
  Fixture f;
  SUBCASE("a bad value, under one error line and the line saying what to do") {
    auto r = f.review(Fixture::contact_text("Anna", "emails: [not-an-email]\n"));
    REQUIRE(r.outcome == EditReview::Outcome::Invalid);
    CHECK(texts(r.problems) ==
          std::vector<std::string>{"edit.yaml:6: 'emails': 'not-an-email' is not an email address"});
    CHECK(r.annotated ==
          "# crm: error: line 6: 'emails': 'not-an-email' is not an email address\n"
          "# crm: fix the record and save to try again; save it unchanged or empty to give up\n" +
              Fixture::contact_text("Anna", "emails: [not-an-email]\n"));
    // The earlier error lines give way to the new ones: the lines still count in the text shown.
    auto again = f.review(r.annotated);
    CHECK(again.annotated == r.annotated);
  }
  SUBCASE("a YAML syntax error") {
    auto r = f.review("id: " + k_contact + "\nname: [unclosed\nkind: customer\n");
    REQUIRE(r.outcome == EditReview::Outcome::Invalid);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line > 2);
    CHECK(r.annotated.rfind("# crm: error: line " + std::to_string(r.problems[0].line) + ": ", 0) == 0);
  }
  SUBCASE("a record that is not a mapping") {
    auto r = f.review("just text\n");
    REQUIRE(r.outcome == EditReview::Outcome::Invalid);
    CHECK(r.problems[0].message == "a contact record must be a mapping of fields");
  }
}

TEST_CASE("review_edit refuses a changed id or history") {
  Fixture f;
  SUBCASE("id") {
    std::string text = Fixture::contact_text();
    text.replace(text.find("7K3M"), 4, "AAAA");
    auto r = f.review(text);
    REQUIRE(r.outcome == EditReview::Outcome::Invalid);
    CHECK(texts(r.problems) == std::vector<std::string>{"edit.yaml:3: the id cannot change (it is the file name): keep "
                                                        "'id: P-7K3MQ2X9AB4F'"});
  }
  SUBCASE("an entry changed, added or removed") {
    for (const std::string& history :
         {std::string("history:\n  - at: 2026-11-23T09:00:00Z\n    by: olivia\n    event: edited\n"),
          std::string("history:\n  - {at: 2026-11-23T09:00:00Z, by: olivia, event: created}\n"
                      "  - {at: 2026-11-24T09:00:00Z, by: olivia, event: edited}\n"),
          std::string("")}) {
      CAPTURE(history);
      auto r = f.review("id: " + k_contact + "\nname: Anna Smith\nkind: customer\n" + history);
      REQUIRE(r.outcome == EditReview::Outcome::Invalid);
      REQUIRE(r.problems.size() == 1);
      CHECK(r.problems[0].message.rfind("the history cannot be edited", 0) == 0);
    }
  }
}

TEST_CASE("review_edit refuses new unknown fields but keeps existing ones editable") {
  Fixture f;
  auto r = f.review(Fixture::contact_text("Anna", "nmae: Anna\n"));
  REQUIRE(r.outcome == EditReview::Outcome::Invalid);
  CHECK(texts(r.problems) ==
        std::vector<std::string>{"edit.yaml:6: a contact has no field 'nmae' (did you mean 'name'?)"});

  f.write("contacts/" + k_contact + ".yaml", Fixture::contact_text("Anna", "") + "legacy_id: 17\n");
  auto kept = f.review(Fixture::contact_text("Anna", "") + "legacy_id: 18\n");
  REQUIRE(kept.outcome == EditReview::Outcome::Valid);
  CHECK(kept.changed == std::vector<std::string>{"legacy_id"});
}

TEST_CASE("review_edit checks references and the kind's rules") {
  Fixture f;
  SUBCASE("a reference to a record that does not exist") {
    f.write("users/raquel.yaml", "id: raquel\nname: Raquel\n");
    Record user = f.store().load(user_kind(), "raquel");
    auto r = review_edit(f.context(), user, "id: raquel\nname: Raquel\ndepartment: sewer\nmanager: olivia\n", "u.yaml");
    REQUIRE(r.outcome == EditReview::Outcome::Invalid);
    CHECK(texts(r.problems) == std::vector<std::string>{"u.yaml:5: 'department' refers to unknown department 'sewer'"});
  }
  SUBCASE("an influencer needs a screen name") {
    auto r = f.review("id: " + k_contact + "\nname: Anna\nkind: influencer\n" +
                      "history:\n  - {at: 2026-11-23T09:00:00Z, by: olivia, event: created}\n");
    REQUIRE(r.outcome == EditReview::Outcome::Invalid);
    CHECK(texts(r.problems) == std::vector<std::string>{"edit.yaml: an influencer needs a screen name"});
  }
  SUBCASE("only the user or a manager takes a user off the leaderboard") {
    f.write("users/raquel.yaml", "id: raquel\nname: Raquel\n");
    auto r = review_edit(f.context(), f.store().load(user_kind(), "raquel"),
                         "id: raquel\nname: Raquel\nleaderboard: hidden\n", "u.yaml");
    REQUIRE(r.outcome == EditReview::Outcome::Invalid);
    CHECK(
        texts(r.problems) ==
        std::vector<std::string>{"u.yaml:5: only raquel or a manager may change whether raquel is on the leaderboard"});
    auto own = review_edit(f.context(), f.store().load(user_kind(), "olivia"),
                           "id: olivia\nname: Olivia\ndepartment: water\nleaderboard: hidden\n", "u.yaml");
    CHECK(own.outcome == EditReview::Outcome::Valid);
  }
  SUBCASE("a case's cached fields follow its history") {
    const std::string id = "C-7K3MQ2X9AB4F";
    auto text = [&](const std::string& status) {
      return "id: " + id + "\ntitle: Leak\nstatus: " + status + "\npriority: normal\ncontact: " + k_contact +
             "\ndepartment: water\nopened: 2026-11-23T09:00:00Z\nhistory:\n"
             "  - {at: 2026-11-23T09:00:00Z, by: olivia, event: opened}\n"
             "  - {at: 2026-11-23T09:00:00Z, by: olivia, event: routed, department: water}\n";
    };
    f.write("cases/" + id + ".yaml", text("new"));
    auto r = review_edit(f.context(), f.store().load(case_kind(), id), text("closed"), "c.yaml");
    REQUIRE(r.outcome == EditReview::Outcome::Invalid);
    CHECK(texts(r.problems) == std::vector<std::string>{"c.yaml:5: 'status' is 'closed' but the history says 'new'"});
  }
}

TEST_CASE("require_editable") {
  Fixture f;
  CHECK_NOTHROW(require_editable(f.context(), f.contact()));
  f.write("notifications/7K/N-7K3MQ2X9AB4F.yaml",
          "id: N-7K3MQ2X9AB4F\nuser: olivia\nat: 2026-11-23T09:00:00Z\nevent: case-opened\nmessage: hi\n");
  CHECK_THROWS_WITH_AS(require_editable(f.context(), f.store().load(notification_kind(), "N-7K3MQ2X9AB4F")),
                       "a notification cannot be edited: it has no history to record the edit in (mark it read "
                       "with 'crm inbox read')",
                       Error);
  f.write("rewards/R-7K3MQ2X9AB4F.yaml", "id: R-7K3MQ2X9AB4F\nname: Cake\ncost: 5\n");
  Record reward = f.store().load(reward_kind(), "R-7K3MQ2X9AB4F");
  CHECK_THROWS_AS(require_editable(f.context(), reward), Error);  // olivia manages no one
  f.write("departments/water.yaml", "id: water\nname: Water\nmanager: olivia\n");
  CHECK_NOTHROW(require_editable(f.context(), reward));
}

TEST_CASE("find_any_record") {
  Fixture f;
  const Store& s = f.store();
  f.write("calls/7K/K-7K3N00000000.yaml", "id: K-7K3N00000000\ncontact: " + k_contact + "\nat: 2026-11-23T09:00:00Z\n");
  f.write("users/water.yaml", "id: water\nname: Also water\n");
  f.write("contacts/P-A00000000000.yaml", "id: P-A00000000000\nname: Rant\nkind: influencer\nscreen_name: Rant112\n");
  auto found = [&](const std::string& kind, const std::string& input) {
    Record r = find_any_record(s, kind, input);
    return r.kind->name + " " + r.id;
  };
  auto status = [&](const std::string& kind, const std::string& input) {
    try {
      find_any_record(s, kind, input);
    } catch (const Error& e) {
      return static_cast<int>(e.status());
    }
    return 0;
  };
  SUBCASE("an ID or a prefix unique across kinds") {
    CHECK(found("", "7k3mq") == "contact " + k_contact);
    CHECK(found("", "k-7k3n") == "call K-7K3N00000000");
    CHECK(found("", "olivia") == "user olivia");
    CHECK(found("", "@rant112") == "contact P-A00000000000");
  }
  SUBCASE("a prefix or name several records share is ambiguous") {
    CHECK(status("", "7k3") == k_exit_not_found);
    CHECK_THROWS_WITH(find_any_record(s, "", "water"),
                      "'water' is ambiguous: it could be user water, department water; give more of the ID or name "
                      "the kind (e.g. 'user:water')");
  }
  SUBCASE("the kind picks one") {
    CHECK(found("department", "water") == "department water");
    CHECK(found("", "department:water") == "department water");
    CHECK(found("users", "water") == "user water");
    CHECK(found("contact", "Rant112") == "contact P-A00000000000");
  }
  SUBCASE("nothing or an unknown kind") {
    CHECK(status("", "olivai") == k_exit_not_found);
    CHECK_THROWS_WITH(find_any_record(s, "", "olivai"), "no record matches 'olivai' (did you mean 'olivia'?)");
    CHECK_THROWS_WITH(find_any_record(s, "", "C-ZZZZ"), "no case matches 'C-ZZZZ'");
    CHECK(status("contcat", "7k3m") == k_exit_usage);
  }
}
