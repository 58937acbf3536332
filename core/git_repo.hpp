#pragma once

#include "files.hpp"
#include "process.hpp"

#include <optional>
#include <string>
#include <vector>

namespace crm {

// Runs git in one work tree with a fixed environment: the commands that
// drive git through several steps (crm sync) read its output, so they ask
// for the C locale and for no credential prompts.
class GitRepo {
 public:
  // `env` as for run_process: "NAME=value" sets, a bare "NAME" unsets.
  GitRepo(fs::path dir, std::vector<std::string> env = {});

  const fs::path& dir() const { return m_dir; }

  // git ARGS; never throws for a failing git.
  ProcessResult run(const std::vector<std::string>& args, const std::string& input = "", int timeout_ms = 0) const;
  // git ARGS, which must succeed: its stdout, else a system error that quotes git.
  std::string ok(const std::vector<std::string>& args, const std::string& input = "") const;
  // The commit `name` (a ref or revision) points at, if any.
  std::optional<std::string> commit_of(const std::string& name) const;
  // Whether `ancestor` is reachable from `descendant`.
  bool is_ancestor(const std::string& ancestor, const std::string& descendant) const;
  // How many commits are reachable from `to` but not from `from`.
  std::size_t count_commits(const std::string& from, const std::string& to) const;

 private:
  fs::path m_dir;
  std::vector<std::string> m_env;
};

// What git said when it failed, in one line (its last "fatal:" or "error:"
// line when there is one), for messages.
std::string git_complaint(const ProcessResult& result);

// The lines of `text` split on NUL bytes (git's -z output), without empty ones.
std::vector<std::string> nul_separated(const std::string& text);

}  // namespace crm
