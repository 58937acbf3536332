#include "harness.hpp"

#include "files.hpp"
#include "process.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>

namespace e2e {

Sandbox::Sandbox() {
  std::string pattern = (fs::temp_directory_path() / "crm-e2e-XXXXXX").string();
  char* made = ::mkdtemp(pattern.data());
  REQUIRE(made != nullptr);
  m_root = made;
  m_env = {"CRM_NOW=2026-11-23T09:00:00Z", "TZ=UTC", "NO_COLOR=1", "HOME=" + m_root.string(),
           "GIT_CONFIG_NOSYSTEM=1", "CRM_DIR", "CRM_USER", "EDITOR", "VISUAL"};
}

Sandbox::~Sandbox() {
  std::error_code ec;
  fs::remove_all(m_root, ec);
}

void Sandbox::set_env(const std::string& entry) { m_env.push_back(entry); }

Result Sandbox::run_env(const std::vector<std::string>& env, const std::vector<std::string>& args,
                        const std::string& input) {
  std::vector<std::string> argv = {CRM_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<std::string> all_env = m_env;
  all_env.insert(all_env.end(), env.begin(), env.end());
  fs::path cwd = fs::exists(crm_dir() / "crm.yaml") ? crm_dir() : m_root;
  auto r = crm::run_process(argv, cwd, input, all_env);
  return {r.status, r.out, r.err};
}

Result Sandbox::run(const std::vector<std::string>& args, const std::string& input) {
  return run_env({}, args, input);
}

std::string Sandbox::ok(const std::vector<std::string>& args, const std::string& input) {
  Result r = run(args, input);
  std::string cmd;
  for (const auto& a : args) {
    cmd += " " + a;
  }
  INFO("crm" << cmd << "\nstdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(r.status == 0);
  std::string out = r.out;
  if (!out.empty() && out.back() == '\n') {
    out.pop_back();
  }
  return out;
}

void Sandbox::init_with_people() {
  ok({"init", "crm"});
  ok({"department", "add", "water", "--name", "Water Department"});
  ok({"user", "add", "olivia", "--name", "Olivia Ortiz", "--email", "olivia@city.example", "--department", "water",
      "--role", "manager"});
  set_env("CRM_USER=olivia");
  ok({"department", "edit", "water", "--manager", "olivia"});
  ok({"user", "add", "raquel", "--name", "Raquel Reyes", "--department", "water", "--manager", "olivia"});
}

std::string Sandbox::read(const std::string& rel) const { return crm::read_file(crm_dir() / rel); }

void Sandbox::write(const std::string& rel, const std::string& contents) const {
  fs::create_directories((crm_dir() / rel).parent_path());
  crm::write_file_atomic(crm_dir() / rel, contents);
}

bool Sandbox::exists(const std::string& rel) const { return fs::exists(crm_dir() / rel); }

std::vector<std::string> Sandbox::files_in(const std::string& folder) const {
  std::vector<std::string> out;
  if (!fs::exists(crm_dir() / folder)) {
    return out;
  }
  for (const auto& e : fs::recursive_directory_iterator(crm_dir() / folder)) {
    if (e.is_regular_file()) {
      out.push_back(fs::relative(e.path(), crm_dir()).string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::pair<std::string, std::string>> Sandbox::snapshot() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (auto it = fs::recursive_directory_iterator(crm_dir()); it != fs::recursive_directory_iterator(); ++it) {
    std::string name = it->path().filename().string();
    if (it->is_directory() && (name == ".git" || name == ".crm")) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) {
      out.emplace_back(fs::relative(it->path(), crm_dir()).string(), crm::read_file(it->path()));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

YAML::Node parse(const std::string& text) {
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception& e) {
    FAIL("cannot parse output: " << e.what() << "\n" << text);
  }
  return {};
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    out.push_back(line);
  }
  return out;
}

}  // namespace e2e
