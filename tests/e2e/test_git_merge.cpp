// Two clones of one CRM change the same records offline, then merge through
// git with crm's merge driver: nothing is lost, true conflicts are pointed at.
#include "clones.hpp"
#include "files.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>

using namespace e2e;
using V = std::vector<std::string>;

namespace {

std::string str(const YAML::Node& n) { return n ? n.as<std::string>() : ""; }

}  // namespace

TEST_CASE("git merge: forward in one clone and update in the other keeps both") {
  Clones c(true);
  c.ok(c.a, {"--as", "raquel", "case", "forward", c.id, "--to", "pedro"}, "10:00");
  c.ok(c.b, {"--as", "raquel", "case", "update", c.id, "--note", "Pipe burst under the street"}, "11:00");
  Result pull = c.exchange();
  INFO("git pull: " << pull.out << pull.err);
  REQUIRE(pull.status == 0);
  CHECK(c.events(c.b) == V{"09:00 opened fiona", "09:00 routed fiona", "09:00 acknowledged raquel",
                           "10:00 forwarded raquel", "11:00 updated raquel"});
  CHECK(str(c.stored(c.b)["handler"]) == "pedro");
  CHECK(str(c.stored(c.b)["status"]) == "acknowledged");
  c.check_clean(c.b);
  c.settle();
}

TEST_CASE("git merge: acknowledge in one clone and a note in the other gives an acknowledged case with both") {
  Clones c(false);
  c.ok(c.a, {"--as", "raquel", "case", "ack", c.id}, "10:00");
  c.ok(c.b, {"--as", "olivia", "case", "note", c.id, "--note", "Called the citizen back"}, "09:30");
  REQUIRE(c.exchange().status == 0);
  CHECK(c.events(c.b) == V{"09:00 opened fiona", "09:00 routed fiona", "09:30 updated olivia",
                           "10:00 acknowledged raquel"});
  auto stored = c.stored(c.b);
  CHECK(str(stored["status"]) == "acknowledged");
  CHECK(str(stored["handler"]) == "raquel");
  CHECK(str(stored["acknowledged"]) == "2026-11-23T10:00:00Z");
  c.check_clean(c.b);
  c.settle();
}

TEST_CASE("git merge: close and reopen in one clone and close in the other ends closed at the later time") {
  Clones c(true);
  c.ok(c.a, {"--as", "raquel", "case", "close", c.id, "--resolution", "Valve opened"}, "10:00");
  c.ok(c.a, {"--as", "raquel", "case", "reopen", c.id, "--reason", "Dry again"}, "10:30");
  c.ok(c.b, {"--as", "raquel", "case", "close", c.id, "--resolution", "Pipe replaced"}, "11:00");
  REQUIRE(c.exchange().status == 0);
  CHECK(c.events(c.b) == V{"09:00 opened fiona", "09:00 routed fiona", "09:00 acknowledged raquel",
                           "10:00 closed raquel", "10:30 reopened raquel", "11:00 closed raquel"});
  auto stored = c.stored(c.b);
  CHECK(str(stored["status"]) == "closed");
  CHECK(str(stored["closed"]) == "2026-11-23T11:00:00Z");
  c.check_clean(c.b);
  c.settle();
}

TEST_CASE("git merge: records created in both clones are all kept under distinct IDs") {
  Clones c(true);
  std::string carl = c.ok(c.a, {"contact", "add", "--name", "Carl Cruz"});
  std::string dora = c.ok(c.b, {"contact", "add", "--name", "Dora Diaz"});
  std::string second = c.ok(c.b, {"--as", "fiona", "case", "open", "--contact", dora, "--title", "Leak",
                                   "--department", "water"});
  REQUIRE(c.exchange().status == 0);
  c.settle();
  for (const fs::path& dir : {c.a, c.b}) {
    V contacts;
    for (const auto& row : parse(c.ok(dir, {"--format", "json", "contact", "list"}))) {
      contacts.push_back(str(row["id"]));
    }
    std::sort(contacts.begin(), contacts.end());
    V expected = {c.anna, carl, dora};
    std::sort(expected.begin(), expected.end());
    CHECK(contacts == expected);
    CHECK(c.ok(dir, {"case", "show", second}).find("Leak") != std::string::npos);
    c.check_clean(dir);
  }
}

TEST_CASE("git merge: a title changed in both clones is a conflict that check points at and a hand edit resolves") {
  Clones c(true);
  c.ok(c.a, {"case", "set", c.id, "--title", "Dry tap at number 12"}, "10:00");
  c.ok(c.b, {"case", "set", c.id, "--title", "No water at all", "--priority", "urgent"}, "11:00");
  Result pull = c.exchange();
  CHECK(pull.status != 0);
  CHECK((pull.out + pull.err).find("CONFLICT") != std::string::npos);

  std::string text = crm::read_file(c.b / case_path(c.id));
  auto at = text.find("<<<<<<< ours\ntitle: No water at all\n=======\ntitle: Dry tap at number 12\n>>>>>>> theirs\n");
  REQUIRE(at != std::string::npos);
  std::string line = std::to_string(std::count(text.begin(), text.begin() + at, '\n') + 1);
  CHECK(text.find("priority: urgent\n") != std::string::npos);

  Result check = c.s.run_in(c.b, {}, {"check"});
  CHECK(check.status == 1);
  CHECK(check.out == case_path(c.id) + ":" + line +
                         ": merge conflict in field 'title': keep one side and delete the marker lines\n");
  Result show = c.s.run_in(c.b, {}, {"case", "show", c.id});
  CHECK(show.status == 3);
  CHECK(show.err.rfind("crm: error: " + case_path(c.id) + ":" + line + ": merge conflict in field 'title'", 0) == 0);

  text.replace(at, std::string("<<<<<<< ours\ntitle: No water at all\n=======\n").size(), "");
  text.erase(text.find(">>>>>>> theirs\n"), std::string(">>>>>>> theirs\n").size());
  crm::write_file_atomic(c.b / case_path(c.id), text);
  c.check_clean(c.b);
  c.commit(c.b);
  c.settle();
  CHECK(str(c.stored(c.a)["title"]) == "Dry tap at number 12");
  CHECK(str(c.stored(c.a)["priority"]) == "urgent");
}

TEST_CASE("git merge: crm git setup is idempotent and crm check warns in a clone without it") {
  Clones c(true);
  CHECK(c.git(c.b, {"status", "--porcelain"}).empty());
  CHECK(c.git(c.b, {"config", "merge.crm.driver"}) == "crm merge-file %O %A %B %P\n");
  std::string attributes = crm::read_file(c.b / ".gitattributes");
  CHECK(attributes.find("cases/**/*.yaml merge=crm\n") != std::string::npos);
  c.ok(c.b, {"git", "setup"});
  CHECK(crm::read_file(c.b / ".gitattributes") == attributes);
  c.check_clean(c.b);

  c.git(c.b, {"config", "--unset", "merge.crm.driver"});
  Result check = c.s.run_in(c.b, {}, {"check"});
  CHECK(check.status == 0);
  CHECK(check.err.find("warning: this clone merges records line by line: run 'crm git setup'") != std::string::npos);
}

TEST_CASE("git merge: crm merge-file merges a file that is no record line by line, as git merge-file does") {
  Sandbox s;
  s.write("O", "id: C-AAAAAAAAAAAA\ntitle: one\n");
  s.write("A", "not: [a record\n");
  s.write("B", "id: C-AAAAAAAAAAAA\ntitle: two\n");
  Result r = s.run_in(s.crm_dir(), {}, {"merge-file", "O", "A", "B", "cases/C-AAAAAAAAAAAA.yaml"});
  CHECK(r.status == 1);
  CHECK(s.read("A") == "<<<<<<< ours\nnot: [a record\n=======\nid: C-AAAAAAAAAAAA\ntitle: two\n>>>>>>> theirs\n");

  s.write("notes.txt", "one\ntwo\nthree\n");
  s.write("ours.txt", "one\nTWO\nthree\n");
  s.write("theirs.txt", "one\ntwo\nthree\nfour\n");
  r = s.run_in(s.crm_dir(), {}, {"merge-file", "notes.txt", "ours.txt", "theirs.txt", "notes.txt"});
  CHECK(r.status == 0);
  CHECK(s.read("ours.txt") == "one\nTWO\nthree\nfour\n");
}
