#pragma once

#include "record_diff.hpp"
#include "store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace crm {

// One commit that changed a record's file, or the change not yet committed.
struct Revision {
  std::string commit;  // full hash; "" for the working file's uncommitted change
  std::string author;  // name and email as .mailmap gives them ("" when uncommitted)
  std::string email;
  std::optional<Timestamp> at;  // the author date (none when uncommitted)
  std::string subject;
  bool merge = false;   // a merge commit, listed only for what neither side had
  std::string problem;  // why this version is no readable record ("" when it is)
  RecordChange change;
};

// The git history of `record`'s file, newest first (by commit date, as
// `git log`): every commit on any branch that changed the file, with what
// it changed against its parent, then, first of all, the working file's
// change against HEAD when it differs (or is not committed at all). A merge
// commit appears only when it holds something neither parent did (see
// merge_change): a clean merge of two sides repeats their commits' changes.
// The store must be inside a git work tree (see git_place); a record never
// committed has just its uncommitted change. Throws a system error when git
// fails. Runs three git processes however long the history.
std::vector<Revision> record_history(const Store& store, const Record& record);

}  // namespace crm
