#include "session.hpp"

#include "autocommit.hpp"
#include "error.hpp"
#include "hooks.hpp"
#include "people.hpp"

#include <CLI/CLI.hpp>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <iterator>

namespace crm::cli {
namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

// Says once that opening the store finished a write a crash interrupted.
void note_recovery(const Store& store) {
  if (store.recovered_files() > 0) {
    std::cerr << "crm: note: completed an interrupted write of " << store.recovered_files() << " files\n";
  }
}

}  // namespace

const Store& Session::store_tolerating_bad_config() {
  if (!m_store) {
    m_store = std::make_unique<Store>(Store::locate(options.dir, env("CRM_DIR")), true);
    note_recovery(*m_store);
    m_store->set_cache_enabled(env("CRM_NO_CACHE") != "1");
  }
  return store();
}

const Store& Session::store() {
  if (!m_store) {
    m_store = std::make_unique<Store>(Store::locate(options.dir, env("CRM_DIR")));
    note_recovery(*m_store);
    m_store->set_cache_enabled(env("CRM_NO_CACHE") != "1");
    if (std::string timeout = env("CRM_LOCK_TIMEOUT"); !timeout.empty()) {
      auto d = parse_duration(timeout);
      if (!d) {
        throw usage_error("CRM_LOCK_TIMEOUT: cannot read '" + timeout + "' (try 30s or 2m)");
      }
      m_store->set_lock_timeout_ms(static_cast<int>(d->wall_seconds() * 1000));
    }
  }
  return *m_store;
}

TimeZone Session::zone() {
  return store().config().zone;
}

Timestamp Session::now() {
  if (!m_now) {
    std::string text = !options.now.empty() ? options.now : env("CRM_NOW");
    if (text.empty()) {
      m_now = system_now();
    } else {
      // A zone-less --now is read in the CRM's zone when there is a CRM.
      TimeZone zone = default_zone();
      try {
        zone = store().config().zone;
      } catch (const Error&) {
      }
      m_now = parse_user_time(text, system_now(), zone);
    }
  }
  return *m_now;
}

Context Session::context(bool bootstrap) {
  ActorSources sources;
  sources.as_option = options.as;
  sources.env_user = env("CRM_USER");
  std::string actor = resolve_actor(store(), sources, bootstrap);
  return Context{store(), actor, now()};
}

std::string Session::user_or_actor(const std::string& user) {
  return user.empty() ? context().actor : store().resolve(user_kind(), user);
}

Format Session::format() const {
  const std::string& f = options.format;
  if (f == "json") {
    return Format::Json;
  }
  if (f == "yaml") {
    return Format::Yaml;
  }
  if (f == "csv") {
    return Format::Csv;
  }
  if (f == "tsv") {
    return Format::Tsv;
  }
  if (f == "html") {
    return Format::Html;
  }
  return Format::Table;
}

bool Session::color() const {
  if (options.color == "always") {
    return true;
  }
  if (options.color == "never" || !env("NO_COLOR").empty() || env("TERM") == "dumb") {
    return false;
  }
  return ::isatty(STDOUT_FILENO) != 0;
}

std::string Session::command_title() const {
  std::string title = "crm";
  for (const CLI::App* at = app; at != nullptr;) {
    auto chosen = at->get_subcommands();
    at = chosen.empty() ? nullptr : chosen.front();
    if (at) {
      title += " " + at->get_name();
    }
  }
  return title;
}

bool Session::charts() const {
  if (options.charts != "auto") {
    return options.charts == "always";
  }
  return env("TERM") != "dumb" && ::isatty(STDOUT_FILENO) != 0;
}

void Session::autocommit(const Transaction& tx) {
  if (!store().config().git_autocommit || options.no_commit || env("CRM_NO_COMMIT") == "1") {
    return;
  }
  std::string message = autocommit_message(tx.records(), tx.events());
  GitIdentity author = author_identity(store(), events_actor(tx.events()));
  std::string problem = crm::autocommit(store(), tx.records(), message, author);
  if (!problem.empty()) {
    warning(problem + "; the records are saved but not committed");
  }
}

void Session::commit(Transaction& tx) {
  tx.commit();
  autocommit(tx);
  int timeout_ms = 60000;
  if (std::string limit = env("CRM_HOOK_TIMEOUT"); !limit.empty()) {
    if (auto d = parse_duration(limit)) {
      timeout_ms = static_cast<int>(d->wall_seconds() * 1000);
    } else {
      warning("CRM_HOOK_TIMEOUT: cannot read '" + limit + "' (try 30s or 2m); using 60s");
    }
  }
  for (const auto& run : run_hooks(store(), tx.events(), timeout_ms)) {
    if (!run.output.empty() && (!options.quiet || !run.ok)) {
      std::cerr << run.output << (run.output.back() == '\n' ? "" : "\n");
    }
    if (!run.ok) {
      warning("hook " + run.hook + " " + run.problem + "; the " + run.event + " event is saved all the same");
    }
  }
}

std::ostream& Session::out() { return std::cout; }

void Session::message(const std::string& text) {
  if (!options.quiet) {
    std::cerr << text << '\n';
  }
}

void Session::warning(const std::string& text) {
  std::cerr << "crm: warning: " << text << '\n';
}

Timestamp user_time(Session& session, const std::string& value) {
  return parse_user_time(value, session.now(), session.zone());
}

std::optional<std::string> read_stdin_text() {
  if (::isatty(STDIN_FILENO)) {
    return std::nullopt;
  }
  std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) {
    text.pop_back();
  }
  return text;
}

}  // namespace crm::cli
