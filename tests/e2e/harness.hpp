#pragma once

// Runs the real `crm` binary against a throw-away CRM folder.

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <string>
#include <vector>

namespace e2e {

namespace fs = std::filesystem;

struct Result {
  int status = -1;
  std::string out;
  std::string err;
};

// A fresh temporary folder (removed afterwards) in which `crm` runs with a
// controlled environment: CRM_NOW fixed at 2026-11-23T09:00:00Z, TZ=UTC,
// NO_COLOR, HOME inside the folder (so no personal git identity leaks in),
// CRM_NO_COMMIT=1 (so the git repository `crm init` makes stays without
// commits unless a test unsets it), and no CRM_DIR or CRM_USER unless a
// test sets them.
class Sandbox {
 public:
  Sandbox();
  ~Sandbox();
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;

  // The temporary folder; commands run in crm_dir() (a CRM after init()).
  const fs::path& root() const { return m_root; }
  fs::path crm_dir() const { return m_root / "crm"; }

  // `crm init crm`, then a department "water" and the users "olivia"
  // (water manager) and "raquel" (water agent); later commands act as olivia.
  void init_with_people();
  // init_with_people(), then the water agent "pedro" (manager olivia) and a
  // front desk: the department "front" managed by "frank", with the clerk
  // "fiona" (manager frank) who takes the citizens' calls.
  void init_city();

  // Runs crm with `args` in crm_dir() (or root() before init), feeding `input`.
  Result run(const std::vector<std::string>& args, const std::string& input = "");
  // Like run(), but with extra environment changes ("NAME=value", bare "NAME" unsets);
  // they override the sandbox defaults and set_env() entries for the same name.
  Result run_env(const std::vector<std::string>& env, const std::vector<std::string>& args,
                 const std::string& input = "");
  // Like run_env(), but in the folder `cwd` instead of crm_dir().
  Result run_in(const fs::path& cwd, const std::vector<std::string>& env, const std::vector<std::string>& args,
                const std::string& input = "");
  // Runs crm and fails the test unless it exits 0; returns stdout without its final newline.
  std::string ok(const std::vector<std::string>& args, const std::string& input = "");
  // Runs crm expecting it to fail with `status`; also fails the test if it
  // printed anything on stdout or changed any file (compares snapshot()).
  Result fails(int status, const std::vector<std::string>& args, const std::vector<std::string>& env = {},
               const std::string& input = "");
  // Runs git in crm_dir() with the sandbox's environment; fails the test unless it exits 0.
  std::string git(const std::vector<std::string>& args);
  // Runs git in `cwd` with the sandbox's environment, whatever its exit status.
  Result git_in(const fs::path& cwd, const std::vector<std::string>& args);

  // Environment settings applied to every later run (e.g. "CRM_USER=olivia").
  void set_env(const std::string& entry);
  // The program later runs start instead of crm (e.g. CRM_FAULTY_BINARY).
  void set_binary(const fs::path& binary) { m_binary = binary; }

  // Files relative to crm_dir().
  std::string read(const std::string& rel) const;
  void write(const std::string& rel, const std::string& contents) const;
  bool exists(const std::string& rel) const;
  // Record files (relative paths) currently under crm_dir()/folder, sorted.
  std::vector<std::string> files_in(const std::string& folder) const;
  // Copies the record file `from` to `to` (relative paths), giving the copy
  // the ID `id` on its `id:` line.
  void clone_record(const std::string& from, const std::string& to, const std::string& id) const;
  // Snapshot of every file under crm_dir() except .git and .crm: path -> contents.
  std::vector<std::pair<std::string, std::string>> snapshot() const;

 private:
  fs::path m_root;
  std::vector<std::string> m_env;
  fs::path m_binary = CRM_BINARY;
};

// Holds an exclusive flock on a file (as a running crm writer would) until destroyed.
class HeldLock {
 public:
  explicit HeldLock(const fs::path& path);
  ~HeldLock();
  HeldLock(const HeldLock&) = delete;
  HeldLock& operator=(const HeldLock&) = delete;

 private:
  int m_fd = -1;
};

// Watches notifications/ for files that commands write.
class NotificationWatch {
 public:
  explicit NotificationWatch(const Sandbox& sandbox);
  // The notifications written since construction or the last take()/users(),
  // parsed and ordered by user, then event.
  std::vector<YAML::Node> take();
  // Just their users, in the same order.
  std::vector<std::string> users();

 private:
  const Sandbox& m_sandbox;
  std::vector<std::string> m_seen;
};

// Where the record files of a case and of a notification are, relative to crm_dir().
std::string case_path(const std::string& id);
std::string notification_path(const std::string& id);

// True when `id` is `prefix` + "-" + twelve Crockford base-32 characters.
bool is_generated_id(const std::string& id, const std::string& prefix);

// Parses JSON (or YAML) output; fails the test on a parse error.
YAML::Node parse(const std::string& text);

// Lines of `text` without their line ends.
std::vector<std::string> lines(const std::string& text);

// `crm --as USER --now NOW ARGS`, which must succeed; its stdout (as Sandbox::ok).
std::string ok_as(Sandbox& s, const std::string& user, const std::string& now, const std::vector<std::string>& args);

// The line of `text` starting with `start` once its runs of blanks are
// squeezed to one (so table checks do not depend on column widths), squeezed; "" when none.
std::string squeezed_line(const std::string& text, const std::string& start);

// `rows` as an aligned table as crm prints one: columns two spaces apart, each as wide
// as its widest cell, the last one not padded and no trailing blanks.
std::string aligned_table(const std::vector<std::vector<std::string>>& rows);

}  // namespace e2e
