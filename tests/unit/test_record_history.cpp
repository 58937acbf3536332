#include "record_history.hpp"

#include "process.hpp"
#include "temp_crm.hpp"

#include <doctest/doctest.h>

using namespace crm;

namespace {

const char* const k_case = R"(id: C-1
title: Leak
history:
  - at: 2026-11-23T09:00:00Z
    by: olivia
    event: opened
)";

const char* const k_note = R"(  - at: 2026-11-23T10:00:00Z
    by: raquel
    event: updated
    note: on my way
)";

// A CRM in a fresh git repository with its own identity, so that no
// personal configuration matters.
class GitCrm : public test::TempCrm {
 public:
  GitCrm() {
    git({"init", "-q", "-b", "main"});
    git({"config", "user.name", "Setup"});
    git({"config", "user.email", "setup@example.com"});
  }
  std::string git(const std::vector<std::string>& args, const std::vector<std::string>& env = {}) const {
    std::vector<std::string> argv = {"git"};
    argv.insert(argv.end(), args.begin(), args.end());
    // No personal or system git configuration (signing, hooks...) may change what happens.
    std::vector<std::string> isolated = {"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1"};
    isolated.insert(isolated.end(), env.begin(), env.end());
    ProcessResult r = run_process(argv, path(), "", isolated);
    REQUIRE_MESSAGE(r.status == 0, r.err);
    return r.out;
  }
  // Commits every change as `author` at `date`.
  void commit(const std::string& message, const std::string& author, const std::string& date) const {
    git({"add", "-A"});
    git({"commit", "-q", "-m", message, "--author=" + author}, {"GIT_AUTHOR_DATE=" + date});
  }
  Record the_case() const { return store().read(case_kind(), store().path_of(case_kind(), "C-1")); }
};

}  // namespace

TEST_CASE("record_history lists the commits that changed a record, newest first, with what each changed") {
  GitCrm crm;
  crm.write("cases/C-1.yaml", k_case);
  crm.write("other.txt", "unrelated\n");
  crm.commit("case C-1: opened", "Olivia Ortiz <olivia@city.example>", "2026-11-23T09:00:00+01:00");
  crm.write("other.txt", "still unrelated\n");
  crm.commit("other file", "Setup <setup@example.com>", "2026-11-23T09:30:00Z");
  crm.write("cases/C-1.yaml", std::string(k_case) + k_note);
  crm.commit("case C-1: updated", "Raquel Reyes <raquel@crm>", "2026-11-23T10:00:00Z");

  auto revisions = record_history(crm.store(), crm.the_case());
  REQUIRE(revisions.size() == 2);
  const Revision& update = revisions[0];
  CHECK(update.commit.size() == 40);
  CHECK(update.author == "Raquel Reyes");
  CHECK(update.email == "raquel@crm");
  CHECK(update.subject == "case C-1: updated");
  REQUIRE(update.at);
  CHECK(format_utc(*update.at) == "2026-11-23T10:00:00Z");
  REQUIRE(update.change.added.size() == 1);
  CHECK(update.change.added[0].get("note") == "on my way");
  CHECK(update.change.fields.empty());

  const Revision& created = revisions[1];
  CHECK(created.author == "Olivia Ortiz");
  CHECK(format_utc(*created.at) == "2026-11-23T08:00:00Z");  // the author's zone, read as UTC
  CHECK(created.change.added.size() == 1);
  REQUIRE(created.change.fields.size() == 1);
  CHECK(created.change.fields[0].field == "title");
  CHECK(!created.merge);

  SUBCASE("an uncommitted change comes first, against HEAD") {
    crm.write("cases/C-1.yaml", std::string(k_case) + k_note + "tags: [basement]\n");
    auto now = record_history(crm.store(), crm.the_case());
    REQUIRE(now.size() == 3);
    CHECK(now[0].commit.empty());
    CHECK(!now[0].at);
    CHECK(now[0].change.added.empty());
    REQUIRE(now[0].change.fields.size() == 1);
    CHECK(now[0].change.fields[0].field == "tags");
  }
  SUBCASE("a version that is no record is listed with why") {
    crm.write("cases/C-1.yaml", "<<<<<<< ours\ntitle: [\n");
    crm.commit("broken", "Setup <setup@example.com>", "2026-11-23T11:00:00Z");
    crm.write("cases/C-1.yaml", std::string(k_case) + k_note);
    crm.commit("fixed", "Setup <setup@example.com>", "2026-11-23T12:00:00Z");
    auto now = record_history(crm.store(), crm.the_case());
    REQUIRE(now.size() == 4);
    CHECK(now[0].subject == "fixed");
    CHECK(now[0].problem.empty());
    CHECK(now[1].subject == "broken");
    CHECK(!now[1].problem.empty());
  }
}

TEST_CASE("record_history of a record never committed is just its uncommitted change") {
  GitCrm crm;
  crm.write("cases/C-1.yaml", k_case);
  SUBCASE("in a repository without commits") {}
  SUBCASE("in one whose commits never held it") {
    crm.write("other.txt", "x\n");
    crm.git({"add", "other.txt"});
    crm.git({"commit", "-q", "-m", "other"});
  }
  auto revisions = record_history(crm.store(), crm.the_case());
  REQUIRE(revisions.size() == 1);
  CHECK(revisions[0].commit.empty());
  CHECK(revisions[0].change.added.size() == 1);
}

TEST_CASE("record_history attributes merged changes to the commits that made them") {
  GitCrm crm;
  crm.write("cases/C-1.yaml", k_case);
  crm.commit("opened", "Olivia Ortiz <olivia@city.example>", "2026-11-23T09:00:00Z");
  crm.git({"checkout", "-q", "-b", "side"});
  crm.write("cases/C-1.yaml", std::string(k_case) + k_note);
  crm.commit("note on side", "Raquel Reyes <raquel@crm>", "2026-11-23T10:00:00Z");
  crm.git({"checkout", "-q", "main"});
  std::string retitled =
      "id: C-1\ntitle: Leaking pipe\n" + std::string(k_case).substr(std::string(k_case).find("history:"));
  crm.write("cases/C-1.yaml", retitled);
  crm.commit("title on main", "Olivia Ortiz <olivia@city.example>", "2026-11-23T10:30:00Z");
  crm.git({"merge", "-q", "--no-edit", "side"}, {"GIT_AUTHOR_DATE=2026-11-23T11:00:00Z"});
  auto names = [&] {
    std::vector<std::string> out;
    for (const auto& r : record_history(crm.store(), crm.the_case())) {
      out.push_back(r.subject);
    }
    return out;
  };
  // git merged the two lines by itself: the merge added nothing of its own.
  CHECK(names() == std::vector<std::string>{"title on main", "note on side", "opened"});

  SUBCASE("a merge that changed the record itself is listed with that change only") {
    crm.git({"reset", "-q", "--hard", "HEAD~1"});
    crm.git({"merge", "-q", "--no-commit", "side"});
    crm.write("cases/C-1.yaml", retitled + k_note + "priority: high\n");
    crm.git({"add", "-A"});
    crm.git({"commit", "-q", "--no-edit"}, {"GIT_AUTHOR_DATE=2026-11-23T11:00:00Z"});
    auto revisions = record_history(crm.store(), crm.the_case());
    REQUIRE(revisions.size() == 4);
    CHECK(revisions[0].merge);
    REQUIRE(revisions[0].change.fields.size() == 1);
    CHECK(revisions[0].change.fields[0].field == "priority");
    CHECK(revisions[0].change.added.empty());
  }
}
