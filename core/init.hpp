#pragma once

#include "files.hpp"

namespace crm {

struct InitResult {
  bool git_initialized = false;  // ran `git init` because no repository held the folder
  bool git_missing = false;      // git is not installed, so no repository was made
};

// Makes `dir` a CRM: crm.yaml with commented defaults, a folder per record
// kind, a .gitignore for crm's private files, and a git repository when the
// folder is not already inside one, set up for crm's merge driver (see
// setup_git_merge). Throws a usage error if it is a CRM already.
InitResult init_crm(const fs::path& dir);

}  // namespace crm
