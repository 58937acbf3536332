// git.autocommit: every writing command commits exactly the files it wrote,
// authored by the acting user, and leaves everything else in the work tree alone.
#include "harness.hpp"

#include "process.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

using namespace e2e;

namespace {

// A CRM made by `crm init` in a fresh repository (so git.autocommit is on)
// with its people and crm's own files committed by hand. Auto-commit runs
// from here on (the harness turns it off with CRM_NO_COMMIT); git has no
// identity of its own (HOME is the sandbox).
void init_committed(Sandbox& s) {
  s.init_with_people();
  s.git({"add", "-A"});
  s.git({"-c", "user.name=Setup", "-c", "user.email=setup@example.com", "commit", "-q", "-m", "setup"});
  s.set_env("CRM_NO_COMMIT");
}

int commit_count(Sandbox& s) { return std::stoi(s.git({"rev-list", "--count", "HEAD"})); }

// "author|committer|subject" of the newest commit.
std::string head_summary(Sandbox& s) {
  std::string out = s.git({"log", "-1", "--format=%an <%ae>|%cn <%ce>|%s"});
  return out.substr(0, out.find('\n'));
}

// The files the newest commit changed, sorted.
std::vector<std::string> head_files(Sandbox& s) {
  auto out = lines(s.git({"show", "--name-only", "--format=", "HEAD"}));
  out.erase(std::remove(out.begin(), out.end(), ""), out.end());
  std::sort(out.begin(), out.end());
  return out;
}

// The files that differ between two snapshots, sorted.
std::vector<std::string> changed_files(const std::vector<std::pair<std::string, std::string>>& before,
                                       const std::vector<std::pair<std::string, std::string>>& after) {
  std::set<std::string> out;
  for (const auto* side : {&before, &after}) {
    const auto& other = side == &before ? after : before;
    for (const auto& file : *side) {
      if (std::find(other.begin(), other.end(), file) == other.end()) {
        out.insert(file.first);
      }
    }
  }
  return {out.begin(), out.end()};
}

// Runs a writing command and checks it made exactly one commit holding exactly
// the files it changed; returns its stdout.
std::string committed(Sandbox& s, const std::vector<std::string>& args, const std::string& input = "") {
  int commits = commit_count(s);
  auto before = s.snapshot();
  std::string out = s.ok(args, input);
  CHECK(commit_count(s) == commits + 1);
  auto changed = changed_files(before, s.snapshot());
  CHECK(!changed.empty());
  CHECK(head_files(s) == changed);
  return out;
}

}  // namespace

TEST_CASE("autocommit makes one commit per writing command with its message and the actor as author") {
  Sandbox s;
  init_committed(s);
  std::string contact = committed(s, {"-q", "contact", "add", "--name", "Ann Able"});
  CHECK(head_summary(s) ==
        "Olivia Ortiz <olivia@city.example>|Olivia Ortiz <olivia@city.example>|contact " + contact + ": created");

  std::string id =
      committed(s, {"-q", "case", "open", "--contact", contact, "--title", "Leak", "--department", "water"});
  CHECK(head_summary(s).find("|case " + id + ": opened, routed to water") != std::string::npos);

  committed(s, {"case", "forward", id, "--to", "raquel"});
  CHECK(head_summary(s) == "Olivia Ortiz <olivia@city.example>|Olivia Ortiz <olivia@city.example>|case " + id +
                               ": forwarded to raquel");
  // The notification for raquel is in the same commit, listed in the body.
  std::string body = s.git({"log", "-1", "--format=%b"});
  CHECK(body.find("case " + id + ": forwarded to raquel\nnotification N-") == 0);

  SUBCASE("a user without an email authors as ID@crm") {
    committed(s, {"case", "ack", id}, "");
    s.set_env("CRM_USER=raquel");
    committed(s, {"case", "update", id, "--note", "on my way"});
    CHECK(head_summary(s).rfind("Raquel Reyes <raquel@crm>|", 0) == 0);
  }
  SUBCASE("read-only commands make no commit") {
    int commits = commit_count(s);
    s.ok({"case", "list"});
    s.ok({"case", "show", id});
    s.ok({"check"});
    CHECK(commit_count(s) == commits);
  }
  SUBCASE("--no-commit and CRM_NO_COMMIT=1 save without committing") {
    int commits = commit_count(s);
    s.ok({"--no-commit", "contact", "add", "--name", "Bob Bell"});
    Result r = s.run_env({"CRM_NO_COMMIT=1"}, {"contact", "add", "--name", "Cleo Cole"});
    CHECK(r.status == 0);
    CHECK(commit_count(s) == commits);
    CHECK(lines(s.git({"status", "--porcelain", "--untracked-files=all", "contacts"})).size() == 2);
  }
  SUBCASE("git's own identity stays the committer") {
    s.set_env("GIT_COMMITTER_NAME=Cron Box");
    s.set_env("GIT_COMMITTER_EMAIL=cron@box.example");
    committed(s, {"contact", "add", "--name", "Dan Dale"});
    CHECK(head_summary(s).rfind("Olivia Ortiz <olivia@city.example>|Cron Box <cron@box.example>|", 0) == 0);
  }
}

TEST_CASE("autocommit leaves unrelated staged and modified files as they were") {
  Sandbox s;
  init_committed(s);
  s.write("notes.txt", "first\n");
  s.git({"add", "notes.txt"});
  s.git({"-c", "user.name=Setup", "-c", "user.email=setup@example.com", "commit", "-q", "-m", "notes"});
  s.write("notes.txt", "second\n");
  s.write("crm.yaml", s.read("crm.yaml") + "# a staged comment\n");
  s.git({"add", "crm.yaml"});
  s.write("todo.txt", "untracked\n");

  std::string contact = s.ok({"-q", "contact", "add", "--name", "Ann Able"});
  CHECK(head_files(s) == std::vector<std::string>{"contacts/" + contact + ".yaml"});
  auto status = lines(s.git({"status", "--porcelain"}));
  INFO(s.git({"status", "--porcelain"}));
  CHECK(status == std::vector<std::string>{"M  crm.yaml", " M notes.txt", "?? todo.txt"});
  CHECK(s.git({"diff", "--cached", "crm.yaml"}).find("+# a staged comment") != std::string::npos);
}

TEST_CASE("autocommit commits every record a command writes in one commit") {
  Sandbox s;
  init_committed(s);
  std::string contact = committed(s, {"-q", "contact", "add", "--name", "Ann Able"});

  SUBCASE("log-call --open-case: the call, the case and its notification") {
    auto ids = lines(committed(s, {"-q", "log-call", "--contact", contact, "--open-case", "--department", "water"},
                               "Low pressure"));
    REQUIRE(ids.size() >= 2);
    CHECK(head_summary(s).find("|call " + ids[0] + ": logged (and 2 more records)") != std::string::npos);
    std::string body = s.git({"log", "-1", "--format=%b"});
    CHECK(body.find("call " + ids[0] + ": logged\ncase " + ids[1] + ": opened, routed to water\n") == 0);
  }
  SUBCASE("escalate from cron: every escalated case, authored by crm") {
    s.write("crm.yaml", s.read("crm.yaml") + "sla:\n  default: {acknowledge: 1h}\n" +
                            "escalation:\n  default: {chain: [manager], every: 4h}\n");
    s.git({"-c", "user.name=Setup", "-c", "user.email=setup@example.com", "commit", "-q", "-am", "sla"});
    committed(s, {"case", "open", "--contact", contact, "--title", "One", "--department", "water"});
    committed(s, {"case", "open", "--contact", contact, "--title", "Two", "--department", "water"});
    s.set_env("CRM_USER");
    committed(s, {"escalate", "--now", "2026-11-23T12:00:00Z"});
    CHECK(head_summary(s) == "crm <crm@localhost>|crm <crm@localhost>|2 cases escalated to olivia");
  }
}

TEST_CASE("autocommit is off in a CRM made inside an existing repository") {
  Sandbox s;
  REQUIRE(crm::run_process({"git", "init", "-q"}, s.root()).status == 0);
  s.init_with_people();
  CHECK(s.read("crm.yaml").find("\n# git:\n#   autocommit: false") != std::string::npos);
  s.set_env("CRM_NO_COMMIT");
  s.ok({"contact", "add", "--name", "Ann Able"});
  CHECK(s.git({"rev-list", "--all"}).empty());
}

TEST_CASE("a commit git refuses is a warning: the records are saved all the same") {
  Sandbox s;
  init_committed(s);
  s.write(".git/hooks/pre-commit", "#!/bin/sh\necho refused >&2\nexit 1\n");
  fs::permissions(s.crm_dir() / ".git/hooks/pre-commit", fs::perms::owner_all);
  int commits = commit_count(s);
  Result r = s.run({"-q", "contact", "add", "--name", "Ann Able"});
  CHECK(r.status == 0);
  CHECK(r.err == "crm: warning: git commit failed: refused; the records are saved but not committed\n");
  CHECK(commit_count(s) == commits);
  std::string id = r.out.substr(0, r.out.find('\n'));
  CHECK(s.exists("contacts/" + id + ".yaml"));
}
