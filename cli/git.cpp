// crm merge-file and crm git setup: git as the distribution engine.
#include "commands.hpp"
#include "error.hpp"
#include "exit_status.hpp"
#include "git_setup.hpp"
#include "process.hpp"
#include "record_merge.hpp"

#include <iostream>
#include <memory>

namespace crm::cli {
namespace {

struct MergeFileArgs {
  std::string base, ours, theirs, path;
};

// Line-by-line merge for files that are not records: git's own, so nothing is lost.
int merge_lines(const MergeFileArgs& a) {
  auto run = run_process({"git", "merge-file", "-L", "ours", "-L", "base", "-L", "theirs", a.ours, a.base, a.theirs},
                         fs::current_path());
  if (run.status < 0 || run.status > 127) {
    throw system_error("git merge-file failed on " + a.path + ": " + run.err);
  }
  return run.status == 0 ? k_exit_ok : k_exit_found;
}

// Never opens the CRM nor takes its lock: git runs this mid-merge on temporary files.
int merge_file(const MergeFileArgs& a) {
  const KindSpec* kind = record_kind_of_path(a.path);
  if (!kind) {
    return merge_lines(a);
  }
  RecordMerge merged;
  try {
    merged = merge_record(*kind, read_file(a.base), read_file(a.ours), read_file(a.theirs));
  } catch (const Error& e) {
    if (e.status() != k_exit_data) {
      throw;
    }
    return merge_lines(a);
  }
  write_file_atomic(a.ours, merged.text);
  for (const auto& field : merged.conflicts) {
    std::cerr << "crm: merge conflict in " << a.path << ", field '" << field << "'\n";
  }
  return merged.conflicts.empty() ? k_exit_ok : k_exit_found;
}

}  // namespace

void setup_git(CLI::App& app, Session& session) {
  auto args = std::make_shared<MergeFileArgs>();
  auto* merge = app.add_subcommand("merge-file",
                                   "Merge three versions of a record file field by field (git's merge.crm.driver)");
  merge->add_option("base", args->base, "The common ancestor (git's %O)")->required();
  merge->add_option("ours", args->ours, "Our version; receives the result (git's %A)")->required();
  merge->add_option("theirs", args->theirs, "Their version (git's %B)")->required();
  merge->add_option("path", args->path,
                    "The file's path in the repository, which names its kind (git's %P; default: OURS)");
  merge->callback([&session, args] {
    if (args->path.empty()) {
      args->path = args->ours;
    }
    session.exit_status = merge_file(*args);
  });

  auto* git = app.add_subcommand("git", "Set up git to merge this CRM's records");
  git->require_subcommand(1);
  auto* setup =
      git->add_subcommand("setup", "Route record files through crm's merge driver (.gitattributes, git config)");
  setup->callback([&session] {
    const fs::path& root = session.store().root();
    if (!setup_git_merge(root)) {
      throw usage_error(root.string() + " is not in a git repository (run git init there first)");
    }
    session.message("Record files now merge field by field: .gitattributes and git config merge.crm.driver set");
  });
}

}  // namespace crm::cli
