#include "harness.hpp"

#include "files.hpp"
#include "process.hpp"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <regex>
#include <sstream>

namespace e2e {

Sandbox::Sandbox() {
  std::string pattern = (fs::temp_directory_path() / "crm-e2e-XXXXXX").string();
  char* made = ::mkdtemp(pattern.data());
  REQUIRE(made != nullptr);
  m_root = made;
  m_env = {"CRM_NOW=2026-11-23T09:00:00Z", "TZ=UTC", "NO_COLOR=1", "HOME=" + m_root.string(),
           "GIT_CONFIG_NOSYSTEM=1", "CRM_NO_COMMIT=1", "CRM_DIR", "CRM_USER", "EDITOR", "VISUAL"};
}

Sandbox::~Sandbox() {
  std::error_code ec;
  fs::remove_all(m_root, ec);
}

void Sandbox::set_env(const std::string& entry) { m_env.push_back(entry); }

namespace {

// `base` with `changes` applied in order: a later entry for a variable
// replaces an earlier one ("NAME=value" sets, bare "NAME" unsets).
std::vector<std::string> merged_env(const std::vector<std::string>& base, const std::vector<std::string>& changes) {
  auto name_of = [](const std::string& entry) { return entry.substr(0, entry.find('=')); };
  std::vector<std::string> out;
  for (const auto* list : {&base, &changes}) {
    for (const auto& entry : *list) {
      out.erase(std::remove_if(out.begin(), out.end(),
                               [&](const std::string& e) { return name_of(e) == name_of(entry); }),
                out.end());
      out.push_back(entry);
    }
  }
  return out;
}

std::string command_text(const std::vector<std::string>& args) {
  std::string cmd;
  for (const auto& a : args) {
    cmd += " " + a;
  }
  return cmd;
}

}  // namespace

Result Sandbox::run_in(const fs::path& cwd, const std::vector<std::string>& env,
                       const std::vector<std::string>& args, const std::string& input) {
  std::vector<std::string> argv = {m_binary.string()};
  argv.insert(argv.end(), args.begin(), args.end());
  auto r = crm::run_process(argv, cwd, input, merged_env(m_env, env));
  return {r.status, r.out, r.err};
}

Result Sandbox::run_env(const std::vector<std::string>& env, const std::vector<std::string>& args,
                        const std::string& input) {
  fs::path cwd = fs::exists(crm_dir() / "crm.yaml") ? crm_dir() : m_root;
  return run_in(cwd, env, args, input);
}

Result Sandbox::fails(int status, const std::vector<std::string>& args, const std::vector<std::string>& env,
                      const std::string& input) {
  auto before = fs::exists(crm_dir()) ? snapshot() : decltype(snapshot()){};
  Result r = run_env(env, args, input);
  INFO("crm" << command_text(args) << "\nstdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.status == status);
  CHECK(r.out.empty());
  CHECK(r.err.rfind("crm: error: ", 0) == 0);
  auto after = fs::exists(crm_dir()) ? snapshot() : decltype(snapshot()){};
  CHECK(before == after);
  return r;
}

std::string Sandbox::git(const std::vector<std::string>& args) {
  Result r = git_in(crm_dir(), args);
  INFO("git" << command_text(args) << "\nstdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(r.status == 0);
  return r.out;
}

Result Sandbox::git_in(const fs::path& cwd, const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"git"};
  argv.insert(argv.end(), args.begin(), args.end());
  auto r = crm::run_process(argv, cwd, "", m_env);
  return {r.status, r.out, r.err};
}

Result Sandbox::run(const std::vector<std::string>& args, const std::string& input) {
  return run_env({}, args, input);
}

std::string Sandbox::ok(const std::vector<std::string>& args, const std::string& input) {
  Result r = run(args, input);
  INFO("crm" << command_text(args) << "\nstdout: " << r.out << "\nstderr: " << r.err);
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

void Sandbox::init_city() {
  init_with_people();
  ok({"user", "add", "pedro", "--name", "Pedro Pinto", "--department", "water", "--manager", "olivia"});
  ok({"department", "add", "front", "--name", "Front Desk"});
  ok({"user", "add", "frank", "--name", "Frank Fischer", "--department", "front", "--role", "manager"});
  ok({"department", "edit", "front", "--manager", "frank"});
  ok({"user", "add", "fiona", "--name", "Fiona Flores", "--department", "front", "--manager", "frank"});
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

void Sandbox::clone_record(const std::string& from, const std::string& to, const std::string& id) const {
  std::string text = read(from);
  REQUIRE(text.rfind("id: ", 0) == 0);
  write(to, "id: " + id + text.substr(text.find('\n')));
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

HeldLock::HeldLock(const fs::path& path) {
  fs::create_directories(path.parent_path());
  m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  REQUIRE(m_fd >= 0);
  REQUIRE(::flock(m_fd, LOCK_EX | LOCK_NB) == 0);
}

HeldLock::~HeldLock() {
  if (m_fd >= 0) {
    ::flock(m_fd, LOCK_UN);
    ::close(m_fd);
  }
}

NotificationWatch::NotificationWatch(const Sandbox& sandbox)
    : m_sandbox(sandbox), m_seen(sandbox.files_in("notifications")) {}

std::vector<YAML::Node> NotificationWatch::take() {
  std::vector<YAML::Node> out;
  auto now = m_sandbox.files_in("notifications");
  for (const auto& path : now) {
    if (!std::binary_search(m_seen.begin(), m_seen.end(), path)) {
      out.push_back(parse(m_sandbox.read(path)));
      CHECK(path == notification_path(out.back()["id"].as<std::string>()));
    }
  }
  m_seen = now;
  // Sorted through keys: assigning a YAML::Node changes the node it refers to.
  std::vector<std::pair<std::string, std::size_t>> keys;
  for (std::size_t i = 0; i < out.size(); ++i) {
    keys.emplace_back(out[i]["user"].as<std::string>() + " " + out[i]["event"].as<std::string>(), i);
  }
  std::sort(keys.begin(), keys.end());
  std::vector<YAML::Node> sorted;
  for (const auto& key : keys) {
    sorted.push_back(out[key.second]);
  }
  return sorted;
}

std::vector<std::string> NotificationWatch::users() {
  std::vector<std::string> out;
  for (const auto& n : take()) {
    out.push_back(n["user"].as<std::string>());
  }
  return out;
}

std::string case_path(const std::string& id) { return "cases/" + id + ".yaml"; }

std::string notification_path(const std::string& id) {
  return "notifications/" + id.substr(2, 2) + "/" + id + ".yaml";
}

bool is_generated_id(const std::string& id, const std::string& prefix) {
  static const std::regex body("[0-9A-HJKMNP-TV-Z]{12}");
  return id.size() == prefix.size() + 13 && id.compare(0, prefix.size() + 1, prefix + "-") == 0 &&
         std::regex_match(id.substr(prefix.size() + 1), body);
}

YAML::Node parse(const std::string& text) {
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception& e) {
    FAIL("cannot parse output: " << e.what() << "\n" << text);
  }
  return {};
}

std::string ok_as(Sandbox& s, const std::string& user, const std::string& now, const std::vector<std::string>& args) {
  std::vector<std::string> all = {"--as", user, "--now", now};
  all.insert(all.end(), args.begin(), args.end());
  return s.ok(all);
}

std::string squeezed_line(const std::string& text, const std::string& start) {
  for (const auto& line : lines(text)) {
    std::string squeezed;
    for (char c : line) {
      if (c != ' ' || (!squeezed.empty() && squeezed.back() != ' ')) {
        squeezed += c;
      }
    }
    if (squeezed.rfind(start, 0) == 0) {
      return squeezed;
    }
  }
  return "";
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

std::string aligned_table(const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> widths(rows.front().size(), 0);
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      widths[i] = std::max(widths[i], row[i].size());
    }
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) {
        line += std::string(widths[i] - row[i].size() + 2, ' ');
      }
    }
    while (!line.empty() && line.back() == ' ') {
      line.pop_back();
    }
    out += line + "\n";
  }
  return out;
}

}  // namespace e2e
