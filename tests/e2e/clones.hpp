#pragma once

// Two clones of one CRM that share a bare repository, for the tests of git
// merging and crm sync.

#include "harness.hpp"

#include <string>
#include <vector>

namespace e2e {

// Clone A is the sandbox's CRM (made by crm init), clone B a `git clone` of
// it through the bare repository root()/origin.git; both hold a case for
// Anna, opened by fiona at 09:00 in water (and acknowledged by raquel when
// asked). crm is on PATH for git's merge driver, and git's identity is
// "Tester".
struct Clones {
  Sandbox s;
  fs::path a, b;
  fs::path origin;
  std::string anna, id;

  explicit Clones(bool acknowledged);

  // git ARGS in `dir`; must succeed. Returns stdout.
  std::string git(const fs::path& dir, const std::vector<std::string>& args);
  // Stages and commits everything in `dir`.
  void commit(const fs::path& dir);
  // crm ARGS in clone `dir` at `time` (hh:mm on the sandbox's day); must
  // succeed. Returns stdout without its final newline.
  std::string ok(const fs::path& dir, std::vector<std::string> args, const std::string& time = "09:00");

  // Commits both clones, pushes A and pulls (merging) into B.
  Result exchange();
  // Pushes B's merge back and pulls it into A: both clones then hold the same files.
  void settle();

  // The case as stored in clone `dir`.
  YAML::Node stored(const fs::path& dir);
  // "hh:mm event by" for each history entry of the case in clone `dir`.
  std::vector<std::string> events(const fs::path& dir);
  // crm check passes in `dir` without a warning.
  void check_clean(const fs::path& dir);
};

}  // namespace e2e
