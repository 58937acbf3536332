#include "clones.hpp"

#include "files.hpp"

#include <doctest/doctest.h>

#include <cstdlib>

namespace e2e {
namespace {

std::string str(const YAML::Node& n) { return n ? n.as<std::string>() : ""; }

}  // namespace

Clones::Clones(bool acknowledged) {
  const char* path = std::getenv("PATH");
  s.set_env("PATH=" + fs::path(CRM_BINARY).parent_path().string() + ":" + (path ? path : "/usr/bin:/bin"));
  for (const char* who : {"AUTHOR", "COMMITTER"}) {
    s.set_env(std::string("GIT_") + who + "_NAME=Tester");
    s.set_env(std::string("GIT_") + who + "_EMAIL=tester@city.example");
  }
  s.init_city();
  a = s.crm_dir();
  anna = s.ok({"contact", "add", "--name", "Anna Berg", "--kind", "citizen"});
  id = s.ok({"--as", "fiona", "case", "open", "--contact", anna, "--title", "No water at number 12", "--department",
             "water"});
  if (acknowledged) {
    s.ok({"--as", "raquel", "case", "ack", id});
  }
  commit(a);
  origin = s.root() / "origin.git";
  git(s.root(), {"init", "-q", "--bare", origin.string()});
  git(a, {"remote", "add", "origin", origin.string()});
  git(a, {"push", "-q", "-u", "origin", "HEAD"});
  git(s.root(), {"clone", "-q", origin.string(), "b"});
  b = s.root() / "b";
  ok(b, {"git", "setup"});
}

std::string Clones::git(const fs::path& dir, const std::vector<std::string>& args) {
  Result r = s.git_in(dir, args);
  INFO("git " << args.front() << " in " << dir << "\nstdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(r.status == 0);
  return r.out;
}

void Clones::commit(const fs::path& dir) {
  git(dir, {"add", "-A"});
  git(dir, {"commit", "-q", "-m", "crm changes"});
}

std::string Clones::ok(const fs::path& dir, std::vector<std::string> args, const std::string& time) {
  args.insert(args.begin(), {"--now", "2026-11-23T" + time + ":00Z"});
  Result r = s.run_in(dir, {}, args);
  std::string command;
  for (const auto& arg : args) {
    command += " " + arg;
  }
  INFO("crm" << command << " in " << dir << "\nstdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(r.status == 0);
  return r.out.substr(0, r.out.find_last_not_of('\n') + 1);
}

Result Clones::exchange() {
  commit(a);
  commit(b);
  git(a, {"push", "-q"});
  return s.git_in(b, {"-c", "pull.rebase=false", "pull", "-q", "--no-edit"});
}

void Clones::settle() {
  git(b, {"push", "-q"});
  git(a, {"pull", "-q", "--ff-only"});
  CHECK(crm::read_file(a / case_path(id)) == crm::read_file(b / case_path(id)));
}

YAML::Node Clones::stored(const fs::path& dir) { return parse(crm::read_file(dir / case_path(id))); }

std::vector<std::string> Clones::events(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : stored(dir)["history"]) {
    out.push_back(str(e["at"]).substr(11, 5) + " " + str(e["event"]) + " " + str(e["by"]));
  }
  return out;
}

void Clones::check_clean(const fs::path& dir) {
  Result r = s.run_in(dir, {}, {"check"});
  INFO("crm check in " << dir << "\nstdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err.find("warning") == std::string::npos);
}

}  // namespace e2e
