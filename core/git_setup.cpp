#include "git_setup.hpp"

#include "error.hpp"
#include "process.hpp"
#include "schema.hpp"

namespace crm {

const char* const k_merge_driver = "crm merge-file %O %A %B %P";

GitPlace git_place(const fs::path& dir) {
  auto inside = run_process({"git", "rev-parse", "--is-inside-work-tree"}, dir);
  if (inside.status == 127 || inside.status < 0) {
    return GitPlace::NoGit;
  }
  return inside.status == 0 ? GitPlace::Inside : GitPlace::Outside;
}

namespace {

bool in_git_repository(const fs::path& root) {
  return git_place(root) == GitPlace::Inside;
}

void git_config(const fs::path& root, const std::string& key, const std::string& value) {
  auto set = run_process({"git", "config", key, value}, root);
  if (set.status != 0) {
    throw system_error("git config " + key + " failed in " + root.string() + ": " + set.err);
  }
}

void ensure_gitattributes(const fs::path& root) {
  fs::path path = root / ".gitattributes";
  std::string text = fs::exists(path) ? read_file(path) : "";
  std::string original = text;
  for (const KindSpec* kind : all_kinds()) {
    std::string line = kind->folder + "/**/*.yaml merge=crm";
    if (("\n" + text).find("\n" + line + "\n") != std::string::npos) {
      continue;
    }
    if (!text.empty() && text.back() != '\n') {
      text += '\n';
    }
    if (text == original) {
      text += "# crm merges record files field by field (crm git setup, crm-git(1))\n";
    }
    text += line + "\n";
  }
  if (text != original) {
    write_file_atomic(path, text);
  }
}

}  // namespace

bool setup_git_merge(const fs::path& root) {
  if (!in_git_repository(root)) {
    return false;
  }
  ensure_gitattributes(root);
  git_config(root, "merge.crm.name", "crm: field-level merge of record files");
  git_config(root, "merge.crm.driver", k_merge_driver);
  return true;
}

bool git_merge_driver_missing(const fs::path& root) {
  return in_git_repository(root) && run_process({"git", "config", "merge.crm.driver"}, root).status != 0;
}

}  // namespace crm
