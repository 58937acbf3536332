// crm sync: fetch, merge through crm's driver, check and push in one command.
#include "sync.hpp"

#include "commands.hpp"
#include "error.hpp"
#include "exit_status.hpp"
#include "output.hpp"
#include "people.hpp"

#include <cstdlib>
#include <memory>

namespace crm::cli {
namespace {

struct Options {
  std::string remote;
  bool rebase = false, merge = false, no_push = false;
  bool resume = false, abort = false;
  std::string timeout = "5m";
};

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

SyncOptions sync_options(Session& session, const Options& o) {
  SyncOptions s;
  s.remote = o.remote;
  s.strategy = o.rebase ? SyncStrategy::Rebase : o.merge ? SyncStrategy::Merge : SyncStrategy::Default;
  s.push = !o.no_push;
  s.commit_local = !session.options.no_commit && env("CRM_NO_COMMIT") != "1";
  auto timeout = parse_duration(o.timeout);
  if (!timeout || timeout->wall_seconds() <= 0) {
    throw usage_error("--timeout: cannot read '" + o.timeout + "' (try 30s or 5m)");
  }
  s.network_timeout_ms = static_cast<int>(timeout->wall_seconds() * 1000);
  // crm's own commits are the acting user's when one is named, else crm's.
  s.identity = {"crm", "crm@localhost"};
  if (!session.options.as.empty() || !env("CRM_USER").empty()) {
    s.identity = author_identity(session.store(), session.context().actor);
  }
  // git runs the merge driver as plain `crm`: make it this very crm.
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    std::string path = env("PATH");
    s.env.push_back("PATH=" + self.parent_path().string() + (path.empty() ? "" : ":" + path));
  }
  return s;
}

const char* change_name(ChangedRecord::What what) {
  switch (what) {
    case ChangedRecord::What::Created: return "created";
    case ChangedRecord::What::Removed: return "removed";
    case ChangedRecord::What::Updated: break;
  }
  return "updated";
}

const char* outcome_name(SyncOutcome outcome) {
  switch (outcome) {
    case SyncOutcome::Offline: return "offline";
    case SyncOutcome::Conflict: return "conflict";
    case SyncOutcome::CheckFailed: return "check-failed";
    case SyncOutcome::PushFailed: return "push-failed";
    case SyncOutcome::Synced: break;
  }
  return "synced";
}

Value change_row(const std::string& direction, const ChangedRecord& c) {
  Value row = Value::map();
  row.set("direction", direction);
  row.set("kind", c.kind->name);
  row.set("id", c.id);
  row.set("change", change_name(c.what));
  row.set("by", joined(c.by));
  return row;
}

Value strings(const std::vector<std::string>& items) {
  Value list = Value::list();
  for (const auto& item : items) {
    list.push_back(item);
  }
  return list;
}

Value changes_value(const std::vector<ChangedRecord>& changes) {
  Value list = Value::list();
  for (const auto& c : changes) {
    Value entry = Value::map();
    entry.set("kind", c.kind->name);
    entry.set("id", c.id);
    entry.set("change", change_name(c.what));
    entry.set("by", strings(c.by));
    list.push_back(entry);
  }
  return list;
}

Value result_value(const SyncResult& r) {
  Value v = Value::map();
  v.set("outcome", outcome_name(r.outcome));
  v.set("remote", r.remote);
  v.set("branch", r.branch);
  v.set("strategy", r.rebase ? "rebase" : "merge");
  v.set("driver_set_up", Value::boolean(r.driver_set_up));
  v.set("committed", strings(r.committed));
  v.set("commits_in", Value::number(static_cast<long long>(r.commits_in)));
  v.set("commits_out", Value::number(static_cast<long long>(r.commits_out)));
  v.set("received", changes_value(r.received));
  v.set("sent", changes_value(r.sent));
  v.set("pushed", Value::boolean(r.pushed));
  Value conflicts = Value::list();
  for (const auto& c : r.conflicts) {
    Value spot = Value::map();
    spot.set("path", c.path);
    spot.set("line", c.line > 0 ? Value::number(c.line) : Value());
    spot.set("field", c.field.empty() ? Value() : Value(c.field));
    conflicts.push_back(spot);
  }
  v.set("conflicts", conflicts);
  std::vector<std::string> problems;
  for (const auto& p : r.check_problems) {
    problems.push_back(p.text());
  }
  v.set("problems", strings(problems));
  v.set("problem", r.problem.empty() ? Value() : Value(r.problem));
  return v;
}

std::string conflict_text(const ConflictSpot& c) {
  if (c.line == 0) {
    return c.path + ": changed on one side and deleted on the other";
  }
  return c.path + ":" + std::to_string(c.line) + ": merge conflict" +
         (c.field.empty() ? "" : " in field '" + c.field + "'") + ": keep one side and delete the marker lines";
}

// What came in and what went out, as sentences.
void print_summary(Session& session, const SyncResult& r) {
  std::string upstream = r.remote + "/" + r.branch;
  if (r.commits_in > 0) {
    std::string what = describe_changes(r.received);
    session.out() << "From " << upstream << ": "
                  << (what.empty() ? plural(r.commits_in, "commit", "commits") + ", no record changed" : what)
                  << '\n';
  }
  if (r.pushed) {
    std::string what = describe_changes(r.sent);
    session.out() << "To " << upstream << ": "
                  << (what.empty() ? plural(r.commits_out, "commit", "commits") : what) << '\n';
  }
}

// The text table for people, the outcome as an object or rows for scripts;
// then the exit status the outcome calls for.
void report(Session& session, const SyncResult& r) {
  std::string upstream = r.remote + "/" + r.branch;
  if (r.driver_set_up) {
    session.message("This clone now merges records field by field (crm git setup)");
  }
  if (!r.committed.empty()) {
    session.message("Committed " + plural(r.committed.size(), "changed file", "changed files") +
                    " of this CRM before syncing");
  }
  switch (session.format()) {
    case Format::Json:
    case Format::Yaml:
    case Format::Html: print_details(session, result_value(r), {}, {}); break;
    case Format::Csv:
    case Format::Tsv: {
      std::vector<Value> rows;
      for (const auto& c : r.received) {
        rows.push_back(change_row("in", c));
      }
      for (const auto& c : r.pushed ? r.sent : std::vector<ChangedRecord>{}) {
        rows.push_back(change_row("out", c));
      }
      print_rows(session, rows, {"direction", "kind", "id", "change", "by"}, {});
      break;
    }
    case Format::Table:
      print_summary(session, r);
      if (r.outcome == SyncOutcome::Conflict || r.outcome == SyncOutcome::CheckFailed) {
        for (const auto& c : r.conflicts) {
          session.out() << conflict_text(c) << '\n';
        }
        for (const auto& p : r.check_problems) {
          session.out() << p.text() << '\n';
        }
      }
      break;
  }
  std::string waiting = plural(r.commits_out, "commit waits", "commits wait");
  switch (r.outcome) {
    case SyncOutcome::Offline:
      throw Error(k_exit_system, "cannot reach " + r.remote + " (" + r.problem + "): nothing changed here; " +
                                     waiting + " to go out with the next crm sync");
    case SyncOutcome::Conflict:
      throw Error(k_exit_found, "the " + std::string(r.rebase ? "rebase" : "merge") + " with " + upstream +
                                    " stopped at " + plural(r.conflicts.size(), "conflict", "conflicts") +
                                    ": resolve them, then run 'crm sync --continue' (or 'crm sync --abort')");
    case SyncOutcome::CheckFailed:
      throw Error(k_exit_found, "not pushed: crm check found " +
                                    plural(r.check_problems.size(), "problem", "problems") +
                                    " after syncing with " + upstream + "; fix them, then run crm sync again");
    case SyncOutcome::PushFailed:
      throw Error(k_exit_system, "could not push to " + upstream + " (" + r.problem + "): " + waiting +
                                     " here; run crm sync again");
    case SyncOutcome::Synced: break;
  }
  if (!r.pushed && r.commits_out > 0) {
    session.message("Not pushed (--no-push): " + waiting + " to go out to " + upstream);
  } else if (r.commits_in == 0 && !r.pushed) {
    session.message("Already up to date with " + upstream);
  }
}

}  // namespace

void setup_sync(CLI::App& app, Session& session) {
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("sync", "Share this clone with the team: fetch, merge field by field, check, push");
  cmd->add_option("--remote", o->remote, "The git remote (default: the branch's upstream, else origin)");
  auto* rebase = cmd->add_flag("--rebase", o->rebase, "Rebase this clone's commits onto the remote's");
  auto* merge = cmd->add_flag("--merge", o->merge, "Merge the remote's commits (the default unless git's pull.rebase says otherwise)");
  rebase->excludes(merge);
  cmd->add_flag("--no-push", o->no_push, "Fetch, merge and check, but keep this clone's commits here");
  auto* resume = cmd->add_flag("--continue", o->resume, "Finish a sync that stopped at conflicts, once they are resolved");
  auto* abort = cmd->add_flag("--abort", o->abort, "Give up a sync that stopped at conflicts");
  resume->excludes(abort);
  abort->excludes(rebase)->excludes(merge);
  cmd->add_option("--timeout", o->timeout, "Give up fetching or pushing after this long (default: 5m)");
  cmd->callback([&session, o] {
    const Store& store = session.store_tolerating_bad_config();
    SyncOptions options = sync_options(session, *o);
    if (o->abort) {
      sync_abort(store, options);
      session.message("Gave up the sync: this clone is as it was before it");
      return;
    }
    report(session, o->resume ? sync_continue(store, options) : sync(store, options));
  });
}

}  // namespace crm::cli
