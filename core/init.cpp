#include "init.hpp"

#include "config.hpp"
#include "error.hpp"
#include "git_setup.hpp"
#include "process.hpp"
#include "schema.hpp"

namespace crm {
namespace {

const char* const k_gitignore_lines[] = {"/.crm/", ".*.tmp.*"};

void ensure_gitignore(const fs::path& dir) {
  fs::path path = dir / ".gitignore";
  std::string text = fs::exists(path) ? read_file(path) : "";
  std::string original = text;
  for (const char* line : k_gitignore_lines) {
    if (("\n" + text).find("\n" + std::string(line) + "\n") == std::string::npos) {
      if (!text.empty() && text.back() != '\n') {
        text += '\n';
      }
      if (original.empty() && text.empty()) {
        text += "# crm's lock, caches and interrupted writes\n";
      }
      text += std::string(line) + "\n";
    }
  }
  if (text != original) {
    write_file_atomic(path, text);
  }
}

}  // namespace

InitResult init_crm(const fs::path& dir) {
  if (fs::exists(dir / "crm.yaml")) {
    throw usage_error(dir.string() + " is already a CRM (it has a crm.yaml)");
  }
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    throw system_error("cannot create " + dir.string() + ": " + ec.message());
  }
  for (const KindSpec* kind : all_kinds()) {
    fs::create_directories(dir / kind->folder, ec);
  }
  ensure_gitignore(dir);
  InitResult result;
  GitPlace place = git_place(dir);
  result.git_missing = place == GitPlace::NoGit;
  // Auto-commit suits a repository made for the CRM, not one it joins.
  bool fresh_repository = place == GitPlace::Outside;
  write_file_atomic(dir / "crm.yaml", config_template(fresh_repository));

  if (fresh_repository) {
    auto init = run_process({"git", "init", "-q"}, dir);
    if (init.status != 0) {
      throw system_error("git init failed in " + dir.string() + ": " + init.err);
    }
    result.git_initialized = true;
  }
  if (!result.git_missing) {
    setup_git_merge(dir);
  }
  return result;
}

}  // namespace crm
