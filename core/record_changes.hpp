#pragma once

#include "git_repo.hpp"
#include "store.hpp"

#include <string>
#include <vector>

namespace crm {

// How one record file differs between two commits, and who changed it.
struct ChangedRecord {
  enum class What { Created, Updated, Removed };
  const KindSpec* kind = nullptr;
  std::string id;
  std::string path;  // relative to the CRM's root
  What what = What::Updated;
  std::vector<std::string> by;  // the authors of the commits that touched it, oldest first, each once
};

// The record files of the CRM `store` that differ between the commits
// `from` and `to` (git diff FROM TO), with the authors of the commits
// reachable from `to` but not from `from` that touched them. Authors are
// named by user ID where a user's email (or ID@crm, which crm's own commits
// use) matches, else by their git name. Sorted by kind (all_kinds() order),
// then path.
std::vector<ChangedRecord> record_changes(const Store& store, const GitRepo& repo, const std::string& from,
                                         const std::string& to);

// The changes in a few words: "3 cases updated by spencer, 1 new mission by
// raquel, 2 new notifications"; "" when there are none.
std::string describe_changes(const std::vector<ChangedRecord>& changes);

}  // namespace crm
