#include "sync.hpp"

#include "check.hpp"
#include "error.hpp"
#include "git_setup.hpp"
#include "record_merge.hpp"

#include <algorithm>

namespace crm {
namespace {

// Pushes rejected because somebody pushed meanwhile are retried this often.
constexpr int k_push_attempts = 3;

std::string first_line_of(const std::string& text) { return text.substr(0, text.find('\n')); }

// The files crm owns in a CRM folder: what sync may commit on the user's behalf.
std::vector<std::string> crm_pathspecs(const fs::path& root) {
  std::vector<std::string> out;
  for (const KindSpec* kind : all_kinds()) {
    out.push_back(kind->folder);
  }
  for (const char* file : {"crm.yaml", ".gitattributes", ".gitignore", "hooks"}) {
    out.push_back(file);
  }
  out.erase(std::remove_if(out.begin(), out.end(), [&root](const std::string& p) { return !fs::exists(root / p); }),
            out.end());
  return out;
}

// The line of the first conflict marker in a file that is no record.
int first_marker_line(const std::string& text) {
  int line = 1;
  for (std::size_t at = 0; at < text.size(); ++line) {
    if (text.compare(at, 7, "<<<<<<<") == 0) {
      return line;
    }
    std::size_t end = text.find('\n', at);
    if (end == std::string::npos) {
      break;
    }
    at = end + 1;
  }
  return 0;
}

// Adds a later round's changes (a push retried after the remote moved) to
// what came in before: a record changed in both rounds is listed once.
void add_changes(std::vector<ChangedRecord>& into, const std::vector<ChangedRecord>& more) {
  for (const auto& change : more) {
    auto same = std::find_if(into.begin(), into.end(), [&](const ChangedRecord& c) { return c.path == change.path; });
    if (same == into.end()) {
      into.push_back(change);
      continue;
    }
    if (same->what != ChangedRecord::What::Created || change.what == ChangedRecord::What::Removed) {
      same->what = change.what;
    }
    for (const auto& who : change.by) {
      if (std::find(same->by.begin(), same->by.end(), who) == same->by.end()) {
        same->by.push_back(who);
      }
    }
  }
}

class Syncer {
 public:
  Syncer(const Store& store, const SyncOptions& options)
      : m_store(store), m_options(options), m_repo(store.root(), git_env(store, options)) {
    switch (git_place(store.root())) {
      case GitPlace::NoGit: throw usage_error("crm sync needs git, which is not installed");
      case GitPlace::Outside:
        throw usage_error(store.shown(store.root()) +
                          " is not in a git repository: crm sync shares a CRM kept in git (see crm-git(1))");
      case GitPlace::Inside: break;
    }
    m_top = fs::path(first_line_of(m_repo.ok({"rev-parse", "--show-toplevel"})));
  }

  SyncResult run() {
    refuse_when_waiting();
    find_upstream();
    ensure_merge_driver();
    if (!fetch()) {
      return m_result;
    }
    if (m_options.commit_local) {
      commit_local_changes();
    }
    if (integrate()) {
      check_and_push();
    }
    return m_result;
  }

  SyncResult resume() {
    Waiting waiting = waiting_operation();
    if (waiting == Waiting::Nothing) {
      throw usage_error("no crm sync is waiting to be continued");
    }
    m_result.rebase = waiting == Waiting::Rebase;
    find_upstream();
    // What each side brought, from the tips the merge or rebase started from.
    std::string state = fs::exists(git_path("rebase-merge")) ? "rebase-merge/" : "rebase-apply/";
    std::string local = m_result.rebase ? read_git_file(state + "orig-head") : "HEAD";
    std::string incoming = m_result.rebase ? read_git_file(state + "onto") : "MERGE_HEAD";
    describe_sides(first_line_of(m_repo.ok({"rev-parse", local})), first_line_of(m_repo.ok({"rev-parse", incoming})));
    if (finish_waiting_operation()) {
      check_and_push();
    }
    return m_result;
  }

  void abort() {
    switch (waiting_operation()) {
      case Waiting::Nothing: throw usage_error("no crm sync is waiting: nothing to abort");
      case Waiting::Merge: m_repo.ok({"merge", "--abort"}); break;
      case Waiting::Rebase: m_repo.ok({"rebase", "--abort"}); break;
    }
  }

 private:
  enum class Waiting { Nothing, Merge, Rebase };

  static std::vector<std::string> git_env(const Store& store, const SyncOptions& options) {
    std::vector<std::string> env = options.env;
    auto identity = identity_fallback(store.root(), options.identity);
    env.insert(env.end(), identity.begin(), identity.end());
    env.push_back("GIT_EDITOR=true");  // merge and rebase --continue keep their messages
    return env;
  }

  fs::path git_path(const std::string& name) const {
    fs::path p = first_line_of(m_repo.ok({"rev-parse", "--git-path", name}));
    return p.is_absolute() ? p : m_store.root() / p;
  }

  std::string read_git_file(const std::string& name) const { return first_line_of(read_file(git_path(name))); }

  Waiting waiting_operation() const {
    if (m_repo.commit_of("MERGE_HEAD")) {
      return Waiting::Merge;
    }
    if (fs::exists(git_path("rebase-merge")) || fs::exists(git_path("rebase-apply"))) {
      return Waiting::Rebase;
    }
    return Waiting::Nothing;
  }

  void refuse_when_waiting() const {
    Waiting w = waiting_operation();
    if (w != Waiting::Nothing) {
      throw usage_error(std::string("a ") + (w == Waiting::Merge ? "merge" : "rebase") +
                        " is waiting in this clone: resolve its conflicts, then run 'crm sync --continue' "
                        "(or 'crm sync --abort' to give it up)");
    }
  }

  std::string git_config(const std::string& key) const {
    return first_line_of(m_repo.run({"config", "--get", key}).out);
  }

  void find_upstream() {
    std::string branch = first_line_of(m_repo.run({"symbolic-ref", "--quiet", "--short", "HEAD"}).out);
    if (branch.empty()) {
      throw usage_error("HEAD is detached: check out the branch to sync first (git switch BRANCH)");
    }
    m_local_branch = branch;
    std::string configured = git_config("branch." + branch + ".remote");
    std::string remote = m_options.remote;
    if (remote.empty()) {
      remote = configured;
    }
    if (remote.empty() || remote == ".") {
      std::string remotes = m_repo.ok({"remote"});
      if (remotes.empty()) {
        throw usage_error("this clone has no git remote to sync with: add one with 'git remote add origin URL'");
      }
      remote = ("\n" + remotes).find("\norigin\n") != std::string::npos ? "origin" : first_line_of(remotes);
      if (remotes.find('\n') != remotes.size() - 1 && remote != "origin") {
        throw usage_error("this clone has several git remotes and none is origin: name one with --remote");
      }
    } else if (m_repo.run({"remote", "get-url", remote}).status != 0) {
      throw usage_error("no git remote named '" + remote + "' (git remote -v lists them)");
    }
    m_result.remote = remote;
    std::string merge = remote == configured ? git_config("branch." + branch + ".merge") : "";
    m_result.branch = merge.rfind("refs/heads/", 0) == 0 ? merge.substr(11) : branch;
    m_has_upstream = !merge.empty();
    m_tracking = "refs/remotes/" + remote + "/" + m_result.branch;
  }

  std::string upstream_name() const { return m_result.remote + "/" + m_result.branch; }

  void ensure_merge_driver() {
    if (git_merge_driver_missing(m_store.root())) {
      setup_git_merge(m_store.root());
      m_result.driver_set_up = true;
    }
  }

  bool fetch() {
    ProcessResult r = m_repo.run({"fetch", "--quiet", m_result.remote}, "", m_options.network_timeout_ms);
    if (r.status != 0) {
      m_result.outcome = SyncOutcome::Offline;
      m_result.problem = r.timed_out ? "git fetch timed out" : git_complaint(r);
      if (auto tracking = m_repo.commit_of(m_tracking)) {
        m_result.commits_out = m_repo.count_commits(*tracking, "HEAD");
      } else if (m_repo.commit_of("HEAD")) {
        m_result.commits_out = std::stoul(m_repo.ok({"rev-list", "--count", "HEAD"}));  // never pushed
      }
      return false;
    }
    return true;
  }

  void commit_local_changes() {
    std::vector<std::string> specs = crm_pathspecs(m_store.root());
    if (specs.empty()) {
      return;
    }
    std::vector<std::string> add = {"add", "-A", "--"};
    add.insert(add.end(), specs.begin(), specs.end());
    m_repo.ok(add);
    std::vector<std::string> staged = {"diff", "--cached", "--relative", "--name-status", "--no-renames", "-z", "--"};
    staged.insert(staged.end(), specs.begin(), specs.end());
    auto fields = nul_separated(m_repo.ok(staged));
    if (fields.empty()) {
      return;
    }
    std::vector<ChangedRecord> changes;
    for (std::size_t i = 0; i + 1 < fields.size(); i += 2) {
      m_result.committed.push_back(fields[i + 1]);
      if (const KindSpec* kind = record_kind_of_path(fields[i + 1])) {
        ChangedRecord c;
        c.kind = kind;
        c.path = fields[i + 1];
        c.what = fields[i] == "A"   ? ChangedRecord::What::Created
                 : fields[i] == "D" ? ChangedRecord::What::Removed
                                    : ChangedRecord::What::Updated;
        changes.push_back(c);
      }
    }
    std::string summary = describe_changes(changes);
    std::string message = "Local changes: " + (summary.empty() ? m_result.committed.front() : summary) +
                          " (crm sync)\n\n";
    for (const auto& path : m_result.committed) {
      message += path + "\n";
    }
    // Exactly the staged files: a folder git knows no file of is no valid pathspec.
    std::string paths;
    for (const auto& path : m_result.committed) {
      paths += path + '\0';
    }
    auto message_file = m_store.root() / ".crm" / "sync-message";
    write_file_atomic(message_file, message);
    m_repo.ok({"commit", "--quiet", "--no-verify", "-F", message_file.string(), "--pathspec-from-file=-",
               "--pathspec-file-nul"},
              paths);
    fs::remove(message_file);
  }

  // Records what both sides changed since they parted; returns how many
  // commits come in.
  std::size_t describe_sides(const std::string& local, const std::string& incoming) {
    std::string base = first_line_of(m_repo.ok({"merge-base", local, incoming}));
    std::size_t coming = m_repo.count_commits(local, incoming);
    m_result.commits_in += coming;
    m_result.commits_out = m_repo.count_commits(incoming, local);
    add_changes(m_result.received, record_changes(m_store, m_repo, base, incoming));
    m_result.sent = record_changes(m_store, m_repo, base, local);
    return coming;
  }

  // Brings the remote's commits into the branch; false when stopped.
  bool integrate() {
    auto tracking = m_repo.commit_of(m_tracking);
    auto head = m_repo.commit_of("HEAD");
    if (!tracking) {
      if (head) {
        m_result.commits_out = std::stoul(m_repo.ok({"rev-list", "--count", "HEAD"}));
        m_result.sent = record_changes_since_root();
      }
      return true;
    }
    if (!head) {
      // A fresh repository without a commit of its own takes the remote's branch.
      m_repo.ok({"merge", "--quiet", "--ff-only", "--autostash", *tracking});
      m_result.commits_in += std::stoul(m_repo.ok({"rev-list", "--count", *tracking}));
      return true;
    }
    if (describe_sides(*head, *tracking) == 0) {
      return true;
    }
    if (m_repo.is_ancestor(*head, *tracking)) {
      m_repo.ok({"merge", "--quiet", "--ff-only", "--autostash", *tracking});
      return true;
    }
    m_result.rebase = wants_rebase();
    ProcessResult r =
        m_result.rebase
            ? m_repo.run({"rebase", "--quiet", "--autostash", *tracking})
            : m_repo.run({"merge", "--quiet", "--no-ff", "--autostash", "-m",
                          "Merge " + upstream_name() + " (crm sync)", *tracking});
    if (r.status == 0) {
      return true;
    }
    if (collect_conflicts()) {
      m_result.outcome = SyncOutcome::Conflict;
      return false;
    }
    if (waiting_operation() != Waiting::Nothing) {
      m_repo.run({m_result.rebase ? "rebase" : "merge", "--abort"});
    }
    throw system_error(std::string("git ") + (m_result.rebase ? "rebase" : "merge") + " failed: " + git_complaint(r));
  }

  std::vector<ChangedRecord> record_changes_since_root() const {
    // The empty tree: everything the branch holds is new to the remote.
    std::string empty_tree = first_line_of(m_repo.ok({"hash-object", "-t", "tree", "/dev/null"}));
    return record_changes(m_store, m_repo, empty_tree, "HEAD");
  }

  bool wants_rebase() const {
    switch (m_options.strategy) {
      case SyncStrategy::Merge: return false;
      case SyncStrategy::Rebase: return true;
      case SyncStrategy::Default: break;
    }
    std::string configured = git_config("branch." + m_local_branch + ".rebase");
    if (configured.empty()) {
      configured = git_config("pull.rebase");
    }
    return !configured.empty() && configured != "false";
  }

  // The unmerged files and where their markers are; false when there are none.
  bool collect_conflicts() {
    m_result.conflicts.clear();
    m_unmerged.clear();
    auto paths = nul_separated(m_repo.ok({"diff", "--name-only", "--diff-filter=U", "-z"}));
    fs::path root = fs::weakly_canonical(m_store.root());
    for (const auto& p : paths) {
      fs::path absolute = m_top / p;
      fs::path rel = absolute.lexically_relative(root);
      bool inside = !rel.empty() && *rel.begin() != "..";
      ConflictSpot spot;
      spot.path = inside ? m_store.shown(m_store.root() / rel) : absolute.string();
      if (fs::exists(absolute)) {
        std::string text = read_file(absolute);
        if (record_kind_of_path(rel.string())) {
          if (auto marker = find_conflict_marker(text)) {
            spot.line = marker->line;
            spot.field = marker->field;
          }
        } else {
          spot.line = first_marker_line(text);
        }
      }
      m_unmerged.push_back(absolute);
      m_result.conflicts.push_back(spot);
    }
    return !paths.empty();
  }

  // Stages the resolved files and completes the merge or rebase; false when
  // conflicts remain (in the files, or at the rebase's next commit).
  bool finish_waiting_operation() {
    for (;;) {
      if (collect_conflicts()) {
        std::vector<ConflictSpot> open;
        for (const auto& spot : m_result.conflicts) {
          if (spot.line > 0) {
            open.push_back(spot);
          }
        }
        if (!open.empty()) {
          m_result.conflicts = open;
          m_result.outcome = SyncOutcome::Conflict;
          return false;
        }
        std::vector<std::string> add = {"add", "-A", "--"};
        for (const auto& path : m_unmerged) {
          add.push_back(path.string());
        }
        m_repo.ok(add);
        m_result.conflicts.clear();
      }
      Waiting waiting = waiting_operation();
      if (waiting == Waiting::Nothing) {
        return true;
      }
      ProcessResult r = waiting == Waiting::Merge ? m_repo.run({"commit", "--quiet", "--no-edit", "--no-verify"})
                                                  : m_repo.run({"rebase", "--continue"});
      if (r.status != 0 && waiting_operation() == Waiting::Nothing) {
        throw system_error("git could not finish the sync: " + git_complaint(r));
      }
      if (r.status != 0 && !collect_conflicts()) {
        throw system_error("git could not finish the sync: " + git_complaint(r));
      }
      if (r.status != 0) {
        continue;  // the rebase stopped at the next commit: report or stage its files
      }
    }
  }

  // Checks the merged branch and pushes it; when the remote moved meanwhile,
  // fetches and merges again first, a few times at most.
  void check_and_push() {
    for (int attempt = 1; check(); ++attempt) {
      if (push(attempt < k_push_attempts) || !fetch() || !integrate()) {
        return;
      }
    }
  }

  // crm check on the merged CRM; false (and not pushed) when it finds problems.
  bool check() {
    Store merged(m_store.root(), true);
    m_result.check_problems = check_crm(merged).problems;
    if (!m_result.check_problems.empty()) {
      m_result.outcome = SyncOutcome::CheckFailed;
      return false;
    }
    return true;
  }

  // Pushes the branch; true when done (pushed, nothing to push, or failed
  // for good), false when the remote moved meanwhile and `may_retry`.
  bool push(bool may_retry) {
    auto tracking = m_repo.commit_of(m_tracking);
    auto head = m_repo.commit_of("HEAD");
    if (!m_options.push || !head || (tracking && *tracking == *head)) {
      return true;
    }
    std::vector<std::string> args = {"push", "--quiet"};
    if (!m_has_upstream) {
      args.push_back("--set-upstream");
    }
    args.push_back(m_result.remote);
    args.push_back(m_local_branch + ":refs/heads/" + m_result.branch);
    ProcessResult r = m_repo.run(args, "", m_options.network_timeout_ms);
    if (r.status == 0) {
      m_result.pushed = true;
      m_has_upstream = true;
      return true;
    }
    std::string said = r.err + r.out;
    bool moved = said.find("[rejected]") != std::string::npos || said.find("fetch first") != std::string::npos ||
                 said.find("non-fast-forward") != std::string::npos;
    if (moved && may_retry) {
      return false;
    }
    m_result.outcome = SyncOutcome::PushFailed;
    m_result.problem = r.timed_out ? "git push timed out" : git_complaint(r);
    return true;
  }

  const Store& m_store;
  const SyncOptions& m_options;
  GitRepo m_repo;
  fs::path m_top;
  std::string m_local_branch;
  std::string m_tracking;  // refs/remotes/REMOTE/BRANCH
  bool m_has_upstream = false;
  std::vector<fs::path> m_unmerged;
  SyncResult m_result;
  FileLock m_lock{m_store.lock_path(), m_store.lock_timeout_ms()};
};

}  // namespace

SyncResult sync(const Store& store, const SyncOptions& options) { return Syncer(store, options).run(); }

SyncResult sync_continue(const Store& store, const SyncOptions& options) {
  return Syncer(store, options).resume();
}

void sync_abort(const Store& store, const SyncOptions& options) { Syncer(store, options).abort(); }

}  // namespace crm
