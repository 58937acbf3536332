// crm cache status|rebuild|clear: the record cache under .crm/cache/.
#include "record_cache.hpp"

#include "commands.hpp"
#include "output.hpp"

namespace crm::cli {
namespace {

std::string megabytes(std::uintmax_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return text;
}

void print_status(Session& session) {
  const Store& store = session.store();
  bool table = session.format() == Format::Table;
  std::vector<Value> rows;
  std::uintmax_t total = 0;
  for (const auto& s : cache_status(store)) {
    Value row = Value::map();
    row.set("kind", s.kind->name);
    row.set("files", Value::number(static_cast<long long>(s.files)));
    row.set("cached", Value::number(static_cast<long long>(s.cached)));
    row.set("fresh", Value::number(static_cast<long long>(s.fresh)));
    row.set("stale", Value::number(static_cast<long long>(s.files - s.fresh)));
    row.set("bytes", table ? Value(megabytes(s.bytes)) : Value::number(static_cast<long long>(s.bytes)));
    row.set("state", !s.present ? "none" : !s.usable ? "unusable" : s.fresh == s.files ? "fresh" : "stale");
    rows.push_back(row);
    total += s.bytes;
  }
  print_rows(session, rows, {"kind", "files", "cached", "fresh", "stale", "bytes", "state"},
             {{"kind", "KIND"},
              {"files", "FILES"},
              {"cached", "CACHED"},
              {"fresh", "FRESH"},
              {"stale", "STALE"},
              {"bytes", "SIZE"},
              {"state", "STATE"}});
  session.message("Cache: " + store.shown(cache_dir(store)) + ", " + megabytes(total) +
                  (store.cache_enabled() ? "" : " (not used: CRM_NO_CACHE=1)"));
}

}  // namespace

void setup_cache(CLI::App& app, Session& session) {
  auto* cmd = app.add_subcommand("cache", "The record cache that keeps listings and reports fast (.crm/cache)");
  cmd->require_subcommand(1);
  cmd->add_subcommand("status", "Per record kind: files, cached records, how many are still fresh, cache size")
      ->callback([&session] { print_status(session); });
  cmd->add_subcommand("rebuild", "Parse every record file again and write the cache anew")->callback([&session] {
    const Store& store = session.store();
    clear_cache(store);
    std::size_t records = 0;
    Store fresh(store.root());  // the cache on, whatever CRM_NO_CACHE says: rebuilding is the point
    for (const KindSpec* kind : all_kinds()) {
      records += load_all_cached(fresh, *kind).size();
    }
    std::uintmax_t bytes = 0;
    for (const auto& s : cache_status(store)) {
      bytes += s.bytes;
    }
    session.message("Cached " + std::to_string(records) + " records in " + store.shown(cache_dir(store)) + " (" +
                    megabytes(bytes) + ")");
  });
  cmd->add_subcommand("clear", "Remove the cache; the next command rebuilds what it needs")->callback([&session] {
    const Store& store = session.store();
    clear_cache(store);
    session.message("Removed " + store.shown(cache_dir(store)));
  });
}

}  // namespace crm::cli
