#pragma once

#include "autocommit.hpp"
#include "problem.hpp"
#include "record_changes.hpp"
#include "store.hpp"

#include <string>
#include <vector>

namespace crm {

// crm sync: share this clone's commits with the team's repository in one
// step (fetch, merge or rebase through crm's merge driver, crm check, push).

enum class SyncStrategy { Default, Merge, Rebase };  // Default: git's pull.rebase, else merge

struct SyncOptions {
  std::string remote;  // "": the branch's upstream remote, else origin, else the only remote
  SyncStrategy strategy = SyncStrategy::Default;
  bool push = true;
  bool commit_local = true;  // commit crm's own uncommitted files before merging
  GitIdentity identity;      // author of crm sync's commits when git has no identity
  std::vector<std::string> env;  // extra environment for git ("NAME=value")
  int network_timeout_ms = 0;    // for fetch and push; 0: no limit
};

// A file a merge left conflict markers in.
struct ConflictSpot {
  std::string path;   // as shown in messages (relative to the CRM like crm check's)
  int line = 0;       // the first marker line; 0 when the file has none (deleted on one side)
  std::string field;  // the record field it encloses, if known
};

enum class SyncOutcome {
  Synced,       // up to date with the remote (pushed, unless told not to)
  Offline,      // the remote could not be reached: nothing changed
  Conflict,     // the merge stopped at true conflicts: resolve, then continue
  CheckFailed,  // merged, but crm check found problems: not pushed
  PushFailed,   // merged, but the push failed: the commits wait here
};

struct SyncResult {
  SyncOutcome outcome = SyncOutcome::Synced;
  std::string remote, branch;   // e.g. "origin", "main" (the remote's branch)
  bool rebase = false;          // rebased rather than merged
  bool driver_set_up = false;   // crm's merge driver was missing in this clone and is now set up
  std::vector<std::string> committed;  // crm's files committed before syncing
  std::size_t commits_in = 0;          // commits that came in
  std::size_t commits_out = 0;         // this clone's commits the remote lacks(ed)
  std::vector<ChangedRecord> received;  // what the incoming commits changed
  std::vector<ChangedRecord> sent;      // what this clone's commits changed
  bool pushed = false;
  std::string problem;                  // git's complaint (Offline, PushFailed)
  std::vector<ConflictSpot> conflicts;  // Conflict
  std::vector<Problem> check_problems;  // CheckFailed
};

// Syncs the git clone holding `store`'s CRM with its remote, holding the
// CRM's lock throughout. Throws a usage error when there is nothing to sync
// with (no repository, no remote, a detached HEAD, an earlier sync waiting to
// be continued) and a system error when git fails in a way that is not an
// outcome above.
SyncResult sync(const Store& store, const SyncOptions& options);

// Finishes a sync that stopped at conflicts once the files are resolved
// (no marker left): stages them, completes the merge or rebase, then checks
// and pushes as sync() does. Reports the remaining conflicts otherwise.
SyncResult sync_continue(const Store& store, const SyncOptions& options);

// Gives up a sync that stopped at conflicts: the clone is as it was before.
void sync_abort(const Store& store, const SyncOptions& options);

}  // namespace crm
