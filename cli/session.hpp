#pragma once

#include "store.hpp"

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace crm::cli {

enum class Format { Table, Json, Yaml, Csv, Tsv, Html };

// Options every command accepts.
struct GlobalOptions {
  std::string dir;
  std::string as;
  std::string now;
  std::string format = "table";
  std::string color = "auto";
  std::string charts = "auto";
  bool quiet = false;
  bool no_commit = false;  // --no-commit: skip git.autocommit for this command
};

// What a command needs from the world: the CRM, the acting user, the time
// and where output goes. The CRM is opened on first use.
class Session {
 public:
  GlobalOptions options;
  // The parsed command line, for naming output ("crm case list").
  const CLI::App* app = nullptr;
  std::string command_title() const;
  // What `crm` exits with when the command succeeds (1 when a check found something).
  int exit_status = 0;

  const Store& store();
  // The CRM opened even when crm.yaml is malformed (see Store::config_error).
  const Store& store_tolerating_bad_config();
  // --now, else $CRM_NOW, else the clock.
  Timestamp now();
  // Who acts and when, for commands that change records. `bootstrap`
  // allows acting anonymously while the CRM has no users.
  Context context(bool bootstrap = false);
  // The user a command is about: `user` (an ID or prefix) when given, else
  // the acting user.
  std::string user_or_actor(const std::string& user);
  // The zone tables show times in.
  TimeZone zone();

  Format format() const;
  // Output read by people (a table or a page), not by programs: durations
  // may be "3h6m" instead of seconds.
  bool for_people() const { return format() == Format::Table || format() == Format::Html; }
  bool color() const;
  // Bars and sparklines in tables: on a terminal, or when --charts always.
  bool charts() const;

  // Saves `tx`, commits the files to git when git.autocommit is on (see
  // autocommit.hpp), then runs the hooks for what it saved (see hooks.hpp).
  // A failing commit or hook is a warning: the saved records stay.
  void commit(Transaction& tx);

  // Data goes to stdout; messages to stderr (silenced by -q).
  std::ostream& out();
  void message(const std::string& text);
  void warning(const std::string& text);

 private:
  void autocommit(const Transaction& tx);

  std::unique_ptr<Store> m_store;
  std::optional<Timestamp> m_now;
};

// Reads `value` as a time typed by the user (see parse_user_time).
Timestamp user_time(Session& session, const std::string& value);

// Text from standard input when it is not a terminal, trailing newlines removed.
std::optional<std::string> read_stdin_text();

}  // namespace crm::cli
