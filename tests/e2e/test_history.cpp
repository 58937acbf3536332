// crm history ID: the commits that changed a record's file, their authors and what each changed.
#include "harness.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace e2e;

namespace {

// Every later command and commit happens at `time` (UTC), author date and commit date alike.
void at(Sandbox& s, const std::string& time) {
  s.set_env("CRM_NOW=" + time);
  s.set_env("GIT_AUTHOR_DATE=" + time);
  s.set_env("GIT_COMMITTER_DATE=" + time);
}

// A CRM whose people are committed, auto-committing from here on, showing
// times in Oslo (UTC+1 in November).
void init_committed(Sandbox& s) {
  s.init_with_people();
  s.write("crm.yaml", s.read("crm.yaml") + "timezone: Europe/Oslo\n");
  s.git({"add", "-A"});
  at(s, "2026-11-23T08:00:00Z");
  s.git({"-c", "user.name=Setup", "-c", "user.email=setup@example.com", "commit", "-q", "-m", "setup"});
  s.set_env("CRM_NO_COMMIT");
}

// `text` with its first `from` replaced by `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  auto pos = text.find(from);
  REQUIRE(pos != std::string::npos);
  return text.replace(pos, from.size(), to);
}

// The full hashes of the commits that changed `rel`, newest first.
std::vector<std::string> commits_of(Sandbox& s, const std::string& rel) {
  return lines(s.git({"log", "--format=%H", "--", rel}));
}

// A case opened (09:00) and forwarded to raquel (10:00) by olivia, then
// retitled by raquel by hand and committed with git (11:00).
struct Story {
  std::string contact, id;
};
Story open_forward_retitle(Sandbox& s) {
  init_committed(s);
  at(s, "2026-11-23T09:00:00Z");
  Story story;
  story.contact = s.ok({"-q", "contact", "add", "--name", "Ann Able"});
  story.id = s.ok({"-q", "case", "open", "--contact", story.contact, "--title", "Leak", "--department", "water"});
  at(s, "2026-11-23T10:00:00Z");
  s.ok({"case", "forward", story.id, "--to", "raquel"});
  at(s, "2026-11-23T11:00:00Z");
  s.write(case_path(story.id), replaced(s.read(case_path(story.id)), "title: Leak", "title: Leaking pipe"));
  s.git({"-c", "user.name=Raquel Reyes", "-c", "user.email=raquel@city.example", "commit", "-q", "-m",
         "retitle the leak", case_path(story.id)});
  return story;
}

}  // namespace

TEST_CASE("history lists each commit of a record with its author, subject, added events and changed fields") {
  Sandbox s;
  Story story = open_forward_retitle(s);
  auto hashes = commits_of(s, case_path(story.id));
  REQUIRE(hashes.size() == 3);

  auto out = lines(s.ok({"history", story.id}));
  REQUIRE(out.size() >= 6);
  CHECK(out[0] == hashes[0].substr(0, 8) + "  2026-11-23 12:00  Raquel Reyes  retitle the leak");
  CHECK(out[1] == "    ~ title: Leak → Leaking pipe");
  CHECK(out[2] ==
        hashes[1].substr(0, 8) + "  2026-11-23 11:00  Olivia Ortiz  case " + story.id + ": forwarded to raquel");
  // The handler the forward set is in its event, not repeated as a field.
  CHECK(out[3].rfind("    + forwarded by olivia: ", 0) == 0);
  CHECK(out[3].find("to: raquel") != std::string::npos);
  CHECK(out[4] ==
        hashes[2].substr(0, 8) + "  2026-11-23 10:00  Olivia Ortiz  case " + story.id + ": opened, routed to water");
  std::vector<std::string> created(out.begin() + 5, out.end());
  CHECK(created.at(0) == "    + opened by olivia");
  CHECK(created.at(1).rfind("    + routed by olivia: department: water", 0) == 0);
  CHECK(std::find(created.begin(), created.end(), "    ~ title: (none) → Leak") != created.end());
  CHECK(std::find(created.begin(), created.end(), "    ~ contact: (none) → " + story.contact) != created.end());
  for (const auto& line : created) {
    CHECK(line.find("status") == std::string::npos);  // cached from the history
  }

  SUBCASE("as JSON: the full hash, author, email, UTC time, whole entries and fields") {
    YAML::Node list = parse(s.ok({"--format", "json", "history", story.id}));
    REQUIRE(list.size() == 3);
    YAML::Node retitle = list[0];
    CHECK(retitle["commit"].as<std::string>() == hashes[0]);
    CHECK(retitle["author"].as<std::string>() == "Raquel Reyes");
    CHECK(retitle["email"].as<std::string>() == "raquel@city.example");
    CHECK(retitle["at"].as<std::string>() == "2026-11-23T11:00:00Z");
    CHECK(retitle["subject"].as<std::string>() == "retitle the leak");
    CHECK(retitle["events"].size() == 0);
    REQUIRE(retitle["fields"].size() == 1);
    CHECK(retitle["fields"][0]["field"].as<std::string>() == "title");
    CHECK(retitle["fields"][0]["before"].as<std::string>() == "Leak");
    CHECK(retitle["fields"][0]["after"].as<std::string>() == "Leaking pipe");
    YAML::Node forward = list[1];
    CHECK(forward["email"].as<std::string>() == "olivia@city.example");
    REQUIRE(forward["events"].size() == 1);
    CHECK(forward["events"][0]["event"].as<std::string>() == "forwarded");
    CHECK(forward["events"][0]["by"].as<std::string>() == "olivia");
    CHECK(forward["events"][0]["to"].as<std::string>() == "raquel");
    CHECK(forward["events"][0]["at"].as<std::string>() == "2026-11-23T10:00:00Z");
    CHECK(forward["fields"].size() == 0);
    CHECK(list[2]["events"].size() == 2);
    CHECK(list[2]["merge"].as<bool>() == false);
    CHECK(list[2]["problem"].IsNull());
  }
  SUBCASE("as CSV: one row per commit, events and fields as text") {
    auto rows = lines(s.ok({"--format", "csv", "history", "-n", "2", story.id}));
    REQUIRE(rows.size() == 3);
    CHECK(rows[0] == "commit,author,email,at,subject,merge,events,removed_events,fields,problem");
    CHECK(rows[1] ==
          hashes[0] +
              ",Raquel Reyes,raquel@city.example,2026-11-23T11:00:00Z,retitle the leak,false,,,title: Leak → "
              "Leaking pipe,");
    CHECK(rows[2].find(",forwarded by olivia: ") != std::string::npos);
  }
  SUBCASE("an uncommitted change comes first") {
    s.write(case_path(story.id), replaced(s.read(case_path(story.id)), "priority: normal", "priority: high"));
    auto now = lines(s.ok({"history", story.id}));
    REQUIRE(now.size() >= 3);
    CHECK(now[0] == "uncommitted  (the working file differs from HEAD)");
    CHECK(now[1] == "    ~ priority: normal → high");
    CHECK(now[2] == out[0]);
    YAML::Node list = parse(s.ok({"--format", "json", "history", story.id}));
    REQUIRE(list.size() == 4);
    CHECK(list[0]["commit"].IsNull());
    CHECK(list[0]["at"].IsNull());
    CHECK(list[0]["fields"][0]["after"].as<std::string>() == "high");
  }
  SUBCASE("--limit keeps the newest, --reverse puts them oldest first") {
    CHECK(lines(s.ok({"history", "-n", "1", story.id})) == std::vector<std::string>{out[0], out[1]});
    auto two = lines(s.ok({"history", "--limit", "2", "--reverse", story.id}));
    REQUIRE(two.size() == 4);
    CHECK(two[0] == out[2]);
    CHECK(two[2] == out[0]);
    s.fails(2, {"history", "-n", "0", story.id});
  }
  SUBCASE("any record reference: a prefix, a user, KIND:ID") {
    CHECK(s.ok({"history", story.id.substr(2, 6)}) == s.ok({"history", story.id}));
    auto raquel = lines(s.ok({"history", "user:raquel"}));
    REQUIRE(!raquel.empty());
    CHECK(raquel[0] == commits_of(s, "users/raquel.yaml").at(0).substr(0, 8) + "  2026-11-23 09:00  Setup  setup");
    CHECK(s.ok({"history", "raquel"}) == s.ok({"history", "user:raquel"}));
  }
}

TEST_CASE("history of a record never committed shows its uncommitted change") {
  Sandbox s;
  s.init_with_people();  // crm init made a repository; CRM_NO_COMMIT kept it without commits
  auto out = lines(s.ok({"history", "raquel"}));
  REQUIRE(out.size() >= 2);
  CHECK(out[0] == "uncommitted  (the file is in no commit yet)");
  CHECK(out[1] == "    + created by olivia");
  CHECK(std::find(out.begin(), out.end(), "    ~ name: (none) → Raquel Reyes") != out.end());
}

TEST_CASE("history needs git, and a record that exists") {
  Sandbox s;
  s.init_with_people();
  SUBCASE("an unknown record exits 4") {
    Result r = s.fails(4, {"history", "C-ZZZZ"});
    CHECK(r.err.find("no case matches 'C-ZZZZ'") != std::string::npos);
  }
  SUBCASE("outside a git work tree it exits 2 and says why") {
    fs::remove_all(s.crm_dir() / ".git");
    Result r = s.fails(2, {"history", "raquel"});
    CHECK(r.err == "crm: error: crm history needs git: " + fs::canonical(s.crm_dir()).string() +
                       " is not inside a git work tree\n");
  }
}

TEST_CASE("history and edit complete any record's ID") {
  Sandbox s;
  s.init_with_people();
  std::string contact = s.ok({"-q", "contact", "add", "--name", "Ann Able"});
  Result r = s.run({"__complete", "history", ""});
  CHECK(r.status == 0);
  for (const std::string& id : {contact, std::string("raquel"), std::string("water")}) {
    CAPTURE(id);
    CHECK(("\n" + r.out).find("\n" + id + "\t") != std::string::npos);
  }
  CHECK(s.run({"__complete", "log", "--record", "rA"}).out.rfind("raquel\t", 0) == 0);
  // crm edit's first word is an ID too, or the kind of one.
  CHECK(s.run({"__complete", "edit", "ra"}).out.rfind("raquel\t", 0) == 0);
  CHECK(s.run({"__complete", "edit", "us"}).out == "user\n");
}
