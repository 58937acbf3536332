// crm sync against a bare repository on disk: two clones with autocommit on
// share their work, conflicts stop the sync until resolved, and an
// unreachable remote changes nothing.
#include "clones.hpp"
#include "files.hpp"

#include <doctest/doctest.h>

#include <set>
#include <thread>

using namespace e2e;
using V = std::vector<std::string>;

namespace {

std::string str(const YAML::Node& n) { return n ? n.as<std::string>() : ""; }

// Clones whose crm commands commit as they go (git.autocommit, as crm init sets it).
struct Team : Clones {
  explicit Team(bool acknowledged = true) : Clones(acknowledged) { s.set_env("CRM_NO_COMMIT"); }

  Result sync(const fs::path& dir, V args = {}, const V& env = {}) {
    args.insert(args.begin(), "sync");
    return s.run_in(dir, env, args);
  }

  std::string head(const fs::path& dir) { return git(dir, {"rev-parse", "HEAD"}); }
  std::string origin_head() { return s.git_in(origin, {"rev-parse", "HEAD"}).out; }
  std::string status(const fs::path& dir) { return git(dir, {"status", "--porcelain"}); }
  std::string branch(const fs::path& dir) {
    std::string b = git(dir, {"symbolic-ref", "--short", "HEAD"});
    return b.substr(0, b.size() - 1);
  }
};

#define REQUIRE_RUN(r, expected)                                              \
  do {                                                                        \
    INFO("stdout: " << (r).out << "\nstderr: " << (r).err);                   \
    REQUIRE((r).status == (expected));                                        \
  } while (false)

}  // namespace

TEST_CASE("sync: two clones share their work through a bare repository and say what came in") {
  Team t;
  std::string upstream = "origin/" + t.branch(t.a);
  t.ok(t.a, {"--as", "raquel", "case", "forward", t.id, "--to", "pedro"}, "10:00");
  std::string carl = t.ok(t.a, {"--as", "fiona", "contact", "add", "--name", "Carl Cruz"}, "10:05");
  t.ok(t.b, {"--as", "raquel", "case", "update", t.id, "--note", "Pipe burst under the street"}, "11:00");
  CHECK(t.status(t.a).empty());
  CHECK(t.status(t.b).empty());

  Result first = t.sync(t.b);
  REQUIRE_RUN(first, 0);
  CHECK(first.out == "To " + upstream + ": 1 case updated by raquel, 2 new notifications by raquel\n");
  CHECK(t.origin_head() == t.head(t.b));

  // git runs the merge driver as plain `crm`: sync makes it this crm even when PATH lacks it.
  Result second = t.sync(t.a, {}, {"PATH=/usr/bin:/bin"});
  REQUIRE_RUN(second, 0);
  CHECK(second.out == "From " + upstream + ": 1 case updated by raquel, 2 new notifications by raquel\nTo " +
                          upstream + ": 1 new contact by fiona, 1 case updated by raquel, 1 new notification by raquel\n");
  CHECK(t.origin_head() == t.head(t.a));
  CHECK(t.git(t.a, {"log", "-1", "--format=%s"}) == "Merge " + upstream + " (crm sync)\n");

  Result third = t.sync(t.b, {"--format", "json"});
  REQUIRE_RUN(third, 0);
  YAML::Node json = parse(third.out);
  CHECK(str(json["outcome"]) == "synced");
  CHECK(json["commits_in"].as<int>() == 3);
  CHECK(json["pushed"].as<bool>() == false);
  V received;
  for (const auto& c : json["received"]) {
    received.push_back(str(c["kind"]) + " " + str(c["change"]) + " " + str(c["by"][0]));
  }
  CHECK(received == V{"contact created fiona", "case updated raquel", "notification created raquel"});
  CHECK(json["received"].size() == 3);

  CHECK(t.head(t.a) == t.head(t.b));
  CHECK(crm::read_file(t.a / case_path(t.id)) == crm::read_file(t.b / case_path(t.id)));
  CHECK(t.events(t.b) == V{"09:00 opened fiona", "09:00 routed fiona", "09:00 acknowledged raquel",
                           "10:00 forwarded raquel", "11:00 updated raquel"});
  CHECK(t.ok(t.b, {"contact", "show", carl}).find("Carl Cruz") != std::string::npos);
  t.check_clean(t.a);
  t.check_clean(t.b);

  Result idle = t.sync(t.b);
  REQUIRE_RUN(idle, 0);
  CHECK(idle.out.empty());
  CHECK(idle.err == "Already up to date with " + upstream + "\n");
  CHECK(t.sync(t.b, {"-q"}).err.empty());
}

TEST_CASE("sync: --rebase puts this clone's commits on top of the remote's") {
  Team t(false);
  t.ok(t.a, {"--as", "raquel", "case", "ack", t.id}, "10:00");
  t.ok(t.b, {"--as", "olivia", "case", "note", t.id, "--note", "Called the citizen back"}, "09:30");
  REQUIRE_RUN(t.sync(t.a), 0);
  Result r = t.sync(t.b, {"--rebase"});
  REQUIRE_RUN(r, 0);
  CHECK(t.git(t.b, {"log", "--merges", "--format=%h"}).empty());
  CHECK(t.git(t.b, {"log", "-1", "--format=%an: %s"}) == "Olivia Ortiz: case " + t.id + ": updated\n");
  CHECK(t.events(t.b) == V{"09:00 opened fiona", "09:00 routed fiona", "09:30 updated olivia",
                           "10:00 acknowledged raquel"});
  CHECK(str(t.stored(t.b)["status"]) == "acknowledged");
  CHECK(t.origin_head() == t.head(t.b));
  t.check_clean(t.b);
}

TEST_CASE("sync: a title changed in both clones stops the sync until the conflict is resolved") {
  Team t;
  t.ok(t.a, {"case", "set", t.id, "--title", "Dry tap at number 12"}, "10:00");
  REQUIRE_RUN(t.sync(t.a), 0);
  std::string pushed = t.origin_head();
  t.ok(t.b, {"case", "set", t.id, "--title", "No water at all", "--priority", "urgent"}, "11:00");

  Result stop = t.sync(t.b);
  REQUIRE_RUN(stop, 1);
  std::string text = crm::read_file(t.b / case_path(t.id));
  auto at = text.find("<<<<<<< ours\ntitle: No water at all\n=======\ntitle: Dry tap at number 12\n>>>>>>> theirs\n");
  REQUIRE(at != std::string::npos);
  std::string line = std::to_string(std::count(text.begin(), text.begin() + at, '\n') + 1);
  std::string upstream = "origin/" + t.branch(t.b);
  CHECK(stop.out == "From " + upstream + ": 1 case updated by olivia\n" + case_path(t.id) + ":" + line +
                        ": merge conflict in field 'title': keep one side and delete the marker lines\n");
  CHECK(stop.err == "crm: error: the merge with " + upstream +
                        " stopped at 1 conflict: resolve them, then run 'crm sync --continue' (or 'crm sync --abort')\n");
  CHECK(t.origin_head() == pushed);

  SUBCASE("a plain sync meanwhile refuses, and so does --continue before the fix") {
    Result again = t.sync(t.b);
    CHECK(again.status == 2);
    CHECK(again.err.find("a merge is waiting in this clone") != std::string::npos);
    Result early = t.sync(t.b, {"--continue"});
    CHECK(early.status == 1);
    CHECK(early.out.find(case_path(t.id) + ":" + line + ": merge conflict in field 'title'") != std::string::npos);
    CHECK(t.origin_head() == pushed);
  }

  SUBCASE("a hand edit and --continue finish the merge and push it") {
    text.replace(at, std::string("<<<<<<< ours\ntitle: No water at all\n=======\n").size(), "");
    text.erase(text.find(">>>>>>> theirs\n"), std::string(">>>>>>> theirs\n").size());
    crm::write_file_atomic(t.b / case_path(t.id), text);
    Result done = t.sync(t.b, {"--continue"});
    REQUIRE_RUN(done, 0);
    CHECK(done.out.find("To " + upstream + ": ") != std::string::npos);
    CHECK(t.origin_head() == t.head(t.b));
    CHECK(t.status(t.b).empty());
    REQUIRE_RUN(t.sync(t.a), 0);
    CHECK(str(t.stored(t.a)["title"]) == "Dry tap at number 12");
    CHECK(str(t.stored(t.a)["priority"]) == "urgent");
    t.check_clean(t.a);
  }

  SUBCASE("--abort puts the clone back as it was") {
    std::string head = t.head(t.b);
    REQUIRE_RUN(t.sync(t.b, {"--abort"}), 0);
    CHECK(t.head(t.b) == head);
    CHECK(t.status(t.b).empty());
    CHECK(str(t.stored(t.b)["title"]) == "No water at all");
    CHECK(t.sync(t.b, {"--abort"}).status == 2);
  }
}

TEST_CASE("sync: an unreachable remote changes nothing and says the commits wait") {
  Team t;
  t.ok(t.a, {"--as", "raquel", "case", "note", t.id, "--note", "On my way"}, "10:00");
  t.git(t.a, {"remote", "set-url", "origin", (t.s.root() / "gone.git").string()});
  std::string head = t.head(t.a);
  auto before = t.s.snapshot();
  Result r = t.sync(t.a);
  CHECK(r.status == 5);
  CHECK(r.out.empty());
  CHECK(r.err.rfind("crm: error: cannot reach origin (", 0) == 0);
  CHECK(r.err.find("): nothing changed here; 1 commit waits to go out with the next crm sync\n") !=
        std::string::npos);
  CHECK(t.head(t.a) == head);
  CHECK(t.s.snapshot() == before);

  t.git(t.a, {"remote", "set-url", "origin", t.origin.string()});
  REQUIRE_RUN(t.sync(t.a), 0);
  CHECK(t.origin_head() == t.head(t.a));
}

TEST_CASE("sync: the first sync into an empty bare repository pushes the branch and tracks it") {
  Sandbox s;
  s.set_env("CRM_NO_COMMIT");
  s.init_with_people();
  std::string origin = (s.root() / "origin.git").string();
  REQUIRE(s.git_in(s.root(), {"init", "-q", "--bare", origin}).status == 0);
  s.git({"remote", "add", "origin", origin});
  std::string branch = s.git({"symbolic-ref", "--short", "HEAD"});
  branch.pop_back();
  Result r = s.run({"sync"});
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(r.status == 0);
  // The department came before any user, so crm made it.
  CHECK(r.out == "To origin/" + branch + ": 1 new department by crm and olivia, 2 new users by crm and olivia\n");
  CHECK(r.err == "Committed 3 changed files of this CRM before syncing\n");
  CHECK(s.git({"status", "--porcelain"}).empty());
  CHECK(s.git({"rev-parse", "@{u}"}) == s.git({"rev-parse", "HEAD"}));
  CHECK(s.git({"rev-parse", "--abbrev-ref", "@{u}"}) == "origin/" + branch + "\n");
}

TEST_CASE("sync: without autocommit it commits the CRM's own changes first and leaves other files alone") {
  Clones c(true);  // CRM_NO_COMMIT=1: commands save without committing
  c.s.write("../b/NOTES.txt", "call the plumber\n");
  c.commit(c.b);
  c.s.write("../b/NOTES.txt", "call the plumber again\n");
  c.ok(c.b, {"--as", "raquel", "case", "note", c.id, "--note", "Plumber booked"}, "10:00");
  c.ok(c.a, {"--as", "raquel", "case", "forward", c.id, "--to", "pedro"}, "09:30");
  c.commit(c.a);
  c.git(c.a, {"push", "-q"});

  Result r = c.s.run_in(c.b, {"CRM_NO_COMMIT"}, {"sync"});
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(r.status == 0);
  CHECK(r.err == "Committed 3 changed files of this CRM before syncing\n");
  CHECK(c.git(c.b, {"status", "--porcelain"}) == " M NOTES.txt\n");
  CHECK(crm::read_file(c.b / "NOTES.txt") == "call the plumber again\n");
  CHECK(c.git(c.b, {"log", "-1", "--format=%s", "HEAD^2"}) == "crm changes\n");
  CHECK(c.git(c.b, {"log", "-1", "--format=%s", "HEAD^1"}) == "Local changes: 1 case updated, 2 new notifications (crm sync)\n");
  CHECK(c.events(c.b) == V{"09:00 opened fiona", "09:00 routed fiona", "09:00 acknowledged raquel",
                           "09:30 forwarded raquel", "10:00 updated raquel"});
  CHECK(c.git(c.origin, {"show", "HEAD:NOTES.txt"}) == "call the plumber\n");
}

TEST_CASE("sync: crm check failing after the merge keeps the commits from being pushed") {
  Team t;
  std::string broken = case_path(t.id);
  std::string text = crm::read_file(t.a / broken);
  crm::write_file_atomic(t.a / broken, text.replace(text.find("status: acknowledged"), 20, "status: lost"));
  t.commit(t.a);
  std::string pushed = t.origin_head();
  Result r = t.sync(t.a);
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.status == 1);
  CHECK(r.out == broken + ":3: 'status': 'lost' is not one of new, acknowledged, waiting, closed\n" + broken +
                    ":3: 'status' is 'lost' but the history says 'acknowledged'\n");
  CHECK(r.err == "crm: error: not pushed: crm check found 2 problems after syncing with origin/" + t.branch(t.a) +
                     "; fix them, then run crm sync again\n");
  CHECK(t.origin_head() == pushed);
}

TEST_CASE("sync: needs a git repository with a remote, and sets up the merge driver where it is missing") {
  Sandbox s;
  s.init_with_people();
  Result no_remote = s.run({"sync"});
  CHECK(no_remote.status == 2);
  CHECK(no_remote.err == "crm: error: this clone has no git remote to sync with: add one with 'git remote add "
                         "origin URL'\n");
  Result unknown = s.run({"sync", "--remote", "upstream"});
  CHECK(unknown.status == 2);
  CHECK(unknown.err == "crm: error: no git remote named 'upstream' (git remote -v lists them)\n");

  fs::remove_all(s.crm_dir() / ".git");
  Result no_git = s.run({"sync"});
  CHECK(no_git.status == 2);
  CHECK(no_git.err.find("is not in a git repository") != std::string::npos);

  Team t;
  t.git(t.b, {"config", "--unset", "merge.crm.driver"});
  t.ok(t.a, {"--as", "raquel", "case", "forward", t.id, "--to", "pedro"}, "10:00");
  t.ok(t.b, {"--as", "raquel", "case", "update", t.id, "--note", "Pipe burst"}, "11:00");
  REQUIRE_RUN(t.sync(t.a), 0);
  Result r = t.sync(t.b);
  REQUIRE_RUN(r, 0);
  CHECK(r.err.find("This clone now merges records field by field (crm git setup)\n") != std::string::npos);
  CHECK(t.git(t.b, {"config", "merge.crm.driver"}) == "crm merge-file %O %A %B %P\n");
  CHECK(t.events(t.b).size() == 5);
}

TEST_CASE("sync: ten thousand contacts created at the same time by two processes in two clones never share an ID") {
  Team t;
  constexpr int k_each = 5000;
  std::string a_rows = "name\n", b_rows = "name\n";
  for (int i = 1; i <= k_each; ++i) {
    a_rows += "North " + std::to_string(i) + "\n";
    b_rows += "South " + std::to_string(i) + "\n";
  }
  crm::write_file_atomic(t.s.root() / "north.csv", a_rows);
  crm::write_file_atomic(t.s.root() / "south.csv", b_rows);
  Result north, south;
  {
    // Both imports draw their IDs at once, each in its own process.
    auto import = [&t](const fs::path& dir, const std::string& file) {
      return t.s.run_in(dir, {}, {"--as", "olivia", "import", "contacts", "--apply", (t.s.root() / file).string()});
    };
    std::thread other([&] { south = import(t.b, "south.csv"); });
    north = import(t.a, "north.csv");
    other.join();
  }
  REQUIRE_RUN(north, 0);
  REQUIRE_RUN(south, 0);
  REQUIRE_RUN(t.sync(t.a), 0);
  Result merged = t.sync(t.b);
  REQUIRE_RUN(merged, 0);
  CHECK(merged.out.find("From origin/" + t.branch(t.b) + ": 5000 new contacts by olivia\n") == 0);
  REQUIRE_RUN(t.sync(t.a), 0);
  CHECK(t.head(t.a) == t.head(t.b));

  std::set<std::string> ids;
  int north_names = 0, south_names = 0;
  for (const auto& rel : t.s.files_in("contacts")) {
    std::string text = crm::read_file(t.a / rel);
    ids.insert(fs::path(rel).stem().string());
    CHECK(text.find("id: " + fs::path(rel).stem().string() + "\n") != std::string::npos);
    north_names += text.find("name: North ") != std::string::npos;
    south_names += text.find("name: South ") != std::string::npos;
  }
  CHECK(ids.size() == 2 * k_each + 1);  // and Anna
  CHECK(north_names == k_each);
  CHECK(south_names == k_each);
  t.check_clean(t.b);
}

TEST_CASE("sync: when somebody pushes between the merge and the push, it merges again and pushes") {
  Team t;
  t.ok(t.b, {"--as", "raquel", "case", "forward", t.id, "--to", "pedro"}, "10:30");
  REQUIRE_RUN(t.sync(t.b), 0);
  t.git(t.s.root(), {"clone", "-q", t.origin.string(), "c"});
  fs::path c = t.s.root() / "c";
  t.ok(c, {"git", "setup"});
  t.ok(c, {"--as", "pedro", "case", "note", t.id, "--note", "Valve found"}, "10:45");
  t.ok(t.a, {"--as", "raquel", "case", "note", t.id, "--note", "On my way"}, "10:00");
  // Clone C pushes right after A's merge, once: A's first push is then rejected.
  fs::path hook = t.a / ".git" / "hooks" / "post-merge";
  crm::write_file_atomic(hook, "#!/bin/sh\n[ -e \"$0.done\" ] && exit 0\ntouch \"$0.done\"\n"
                               "unset $(git rev-parse --local-env-vars)\ncd '" + c.string() + "' && git push -q\n");
  fs::permissions(hook, fs::perms::owner_all);

  Result r = t.sync(t.a);
  REQUIRE_RUN(r, 0);
  CHECK(fs::exists(hook.string() + ".done"));
  std::string upstream = "origin/" + t.branch(t.a);
  CHECK(r.out.rfind("From " + upstream + ": 1 case updated by raquel and pedro, ", 0) == 0);
  CHECK(t.origin_head() == t.head(t.a));
  CHECK(t.events(t.a) == V{"09:00 opened fiona", "09:00 routed fiona", "09:00 acknowledged raquel",
                           "10:00 updated raquel", "10:30 forwarded raquel", "10:45 updated pedro"});
  t.check_clean(t.a);
}
