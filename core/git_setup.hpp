#pragma once

#include "files.hpp"

#include <string>

namespace crm {

// Where `dir` stands towards git: no git program, outside any work tree,
// or inside one.
enum class GitPlace { NoGit, Outside, Inside };
GitPlace git_place(const fs::path& dir);

// The command git runs to merge a record file (crm must be on PATH).
extern const char* const k_merge_driver;

// Routes every record file of the CRM at `root` through crm's merge driver:
// adds the missing `FOLDER/**/*.yaml merge=crm` lines to root/.gitattributes
// and sets merge.crm.name and merge.crm.driver in the repository's config.
// Idempotent. Returns false (and changes nothing) when `root` is in no git
// repository or git is missing; throws a system error when git fails.
bool setup_git_merge(const fs::path& root);

// True when `root` is inside a git repository whose config does not name
// crm's merge driver (for `crm check`).
bool git_merge_driver_missing(const fs::path& root);

}  // namespace crm
