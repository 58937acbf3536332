#include "git_repo.hpp"

#include "error.hpp"

namespace crm {

GitRepo::GitRepo(fs::path dir, std::vector<std::string> env) : m_dir(std::move(dir)), m_env(std::move(env)) {
  m_env.push_back("LC_ALL=C");
  m_env.push_back("GIT_TERMINAL_PROMPT=0");  // fail at once rather than wait for a password nobody types
}

ProcessResult GitRepo::run(const std::vector<std::string>& args, const std::string& input, int timeout_ms) const {
  std::vector<std::string> argv = {"git"};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, m_dir, input, m_env, timeout_ms);
}

std::string GitRepo::ok(const std::vector<std::string>& args, const std::string& input) const {
  ProcessResult r = run(args, input);
  if (r.status != 0) {
    throw system_error("git " + args.front() + " failed in " + m_dir.string() + ": " + git_complaint(r));
  }
  return r.out;
}

std::optional<std::string> GitRepo::commit_of(const std::string& name) const {
  ProcessResult r = run({"rev-parse", "--verify", "--quiet", name + "^{commit}"});
  if (r.status != 0) {
    return std::nullopt;
  }
  return r.out.substr(0, r.out.find('\n'));
}

bool GitRepo::is_ancestor(const std::string& ancestor, const std::string& descendant) const {
  return run({"merge-base", "--is-ancestor", ancestor, descendant}).status == 0;
}

std::size_t GitRepo::count_commits(const std::string& from, const std::string& to) const {
  return std::stoul(ok({"rev-list", "--count", from + ".." + to}));
}

std::string git_complaint(const ProcessResult& result) {
  std::string text = !result.err.empty() ? result.err : result.out;
  std::string chosen, first;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    start = end == std::string::npos ? text.size() : end + 1;
    if (first.empty() && !line.empty()) {
      first = line;
    }
    if (line.rfind("fatal: ", 0) == 0 || line.rfind("error: ", 0) == 0) {
      chosen = line;
    }
  }
  std::string line = !chosen.empty() ? chosen : first;
  if (line.empty()) {
    return result.timed_out ? "timed out" : "exited with status " + std::to_string(result.status);
  }
  return line;
}

std::vector<std::string> nul_separated(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\0', start);
    if (end == std::string::npos) {
      end = text.size();
    }
    if (end > start) {
      out.push_back(text.substr(start, end - start));
    }
    start = end + 1;
  }
  return out;
}

}  // namespace crm
