#include "git_repo.hpp"
#include "record_changes.hpp"
#include "temp_crm.hpp"

#include <doctest/doctest.h>

using namespace crm;

namespace {

ChangedRecord change(const KindSpec& kind, const std::string& id, ChangedRecord::What what,
                    std::vector<std::string> by = {}) {
  ChangedRecord c;
  c.kind = &kind;
  c.id = id;
  c.what = what;
  c.by = std::move(by);
  return c;
}

// A CRM in a fresh git repository whose commits are made as given authors.
struct GitCrm {
  test::TempCrm crm;
  GitRepo repo{crm.path(), {"GIT_COMMITTER_NAME=Tester", "GIT_COMMITTER_EMAIL=tester@example.org"}};

  GitCrm() { repo.ok({"init", "-q"}); }

  std::string commit(const std::string& author, const std::string& message) {
    repo.ok({"add", "-A"});
    repo.ok({"commit", "-q", "--allow-empty", "-m", message, "--author=" + author});
    return repo.ok({"rev-parse", "HEAD"}).substr(0, 40);
  }
};

}  // namespace

TEST_CASE("describe_changes") {
  using W = ChangedRecord::What;
  CHECK(describe_changes({}) == "");
  CHECK(describe_changes({change(case_kind(), "C-1", W::Updated, {"spencer"}),
                          change(case_kind(), "C-2", W::Updated, {"spencer"}),
                          change(case_kind(), "C-3", W::Updated, {"spencer"}),
                          change(mission_kind(), "M-1", W::Created, {"raquel"})}) ==
        "3 cases updated by spencer, 1 new mission by raquel");
  SUBCASE("new before updated before removed within a kind; kinds in their usual order") {
    CHECK(describe_changes({change(notification_kind(), "N-1", W::Created),
                            change(contact_kind(), "P-1", W::Removed, {"olivia"}),
                            change(contact_kind(), "P-2", W::Updated, {"olivia", "raquel"}),
                            change(contact_kind(), "P-3", W::Created, {"raquel"}),
                            change(contact_kind(), "P-4", W::Updated, {"pedro", "olivia"})}) ==
          "1 new contact by raquel, 2 contacts updated by olivia, raquel and pedro, 1 contact removed by olivia, "
          "1 new notification");
  }
}

TEST_CASE("record_changes names what changed between two commits and who changed it") {
  GitCrm g;
  g.crm.write("users/spencer.yaml", "id: spencer\nname: Spencer Hale\nemail: Spencer@City.example\n");
  g.crm.write("cases/C-AAAAAAAAAAAA.yaml", "id: C-AAAAAAAAAAAA\ntitle: Leak\n");
  g.crm.write("contacts/P-BBBBBBBBBBBB.yaml", "id: P-BBBBBBBBBBBB\nname: Anna\n");
  g.crm.write("notes.txt", "not a record\n");
  std::string base = g.commit("Tester <tester@example.org>", "start");

  g.crm.write("cases/C-AAAAAAAAAAAA.yaml", "id: C-AAAAAAAAAAAA\ntitle: Big leak\n");
  g.commit("Spencer Hale <spencer@city.example>", "case changed");
  g.crm.write("missions/M-CCCCCCCCCCCC.yaml", "id: M-CCCCCCCCCCCC\ntitle: Fix it\n");
  g.crm.write("notes.txt", "still not a record\n");
  g.commit("raquel <raquel@crm>", "mission added");
  fs::remove(g.crm.path() / "contacts/P-BBBBBBBBBBBB.yaml");
  g.crm.write("cases/C-AAAAAAAAAAAA.yaml", "id: C-AAAAAAAAAAAA\ntitle: Huge leak\n");
  std::string tip = g.commit("Somebody Else <else@example.org>", "contact removed");

  auto changes = record_changes(g.crm.store(), g.repo, base, tip);
  REQUIRE(changes.size() == 3);
  CHECK(changes[0].kind == &contact_kind());
  CHECK(changes[0].id == "P-BBBBBBBBBBBB");
  CHECK(changes[0].what == ChangedRecord::What::Removed);
  CHECK(changes[0].by == std::vector<std::string>{"Somebody Else"});
  CHECK(changes[1].kind == &case_kind());
  CHECK(changes[1].path == "cases/C-AAAAAAAAAAAA.yaml");
  CHECK(changes[1].what == ChangedRecord::What::Updated);
  // Matched by email whatever its case; raquel@crm is crm's own name for a user without an email.
  CHECK(changes[1].by == std::vector<std::string>{"spencer", "Somebody Else"});
  CHECK(changes[2].kind == &mission_kind());
  CHECK(changes[2].what == ChangedRecord::What::Created);
  CHECK(changes[2].by == std::vector<std::string>{"raquel"});
  CHECK(describe_changes(changes) ==
        "1 contact removed by Somebody Else, 1 case updated by spencer and Somebody Else, 1 new mission by raquel");
  CHECK(record_changes(g.crm.store(), g.repo, tip, tip).empty());
}

TEST_CASE("git_complaint and nul_separated") {
  ProcessResult r;
  r.status = 128;
  r.err = "hint: something\nfatal: unable to access 'x': Could not resolve host: x\n";
  CHECK(git_complaint(r) == "fatal: unable to access 'x': Could not resolve host: x");
  r.err = "refused\nby the hook\n";
  CHECK(git_complaint(r) == "refused");
  r.err = "";
  CHECK(git_complaint(r) == "exited with status 128");
  CHECK(nul_separated(std::string("M\0a b\0\0A\0c", 10)) == std::vector<std::string>{"M", "a b", "A", "c"});
}
