// crm log (alias activity): every record's history merged into one stream, like git log.
#include "activity.hpp"

#include "commands.hpp"
#include "error.hpp"
#include "options.hpp"
#include "output.hpp"
#include "record_lookup.hpp"
#include "suggest.hpp"

#include <memory>

namespace crm::cli {
namespace {

const std::vector<std::string> k_fields = {"at", "by", "kind", "id", "event", "title", "detail"};
const std::vector<Column> k_columns = {{"at", "WHEN", true}, {"by", "BY"},       {"id", "RECORD"},
                                       {"kind", "KIND"},     {"event", "EVENT"}, {"summary", "SUMMARY"}};

struct Options {
  std::string since, until, user, record;
  std::vector<std::string> kinds, events;
  std::size_t limit = 0;
  bool reverse = false;
};

ActivityFilter filter_of(Session& session, const Options& o) {
  ActivityFilter f;
  const Store& store = session.store();
  if (!o.since.empty()) {
    f.since = user_time(session, o.since);
  }
  if (!o.until.empty()) {
    f.until = user_time(session, o.until);
  }
  if (!o.user.empty()) {
    f.user = store.resolve(user_kind(), o.user);
  }
  std::vector<std::string> kind_names;
  for (const KindSpec* k : all_kinds()) {
    if (k->has_history()) {
      kind_names.push_back(k->name);
    }
  }
  for (const auto& name : o.kinds) {
    const KindSpec* k = kind_named(name);
    if (!k || !k->has_history()) {
      throw usage_error("--kind: '" + name + "' is not a record kind with a history (" + joined(kind_names) + ")" +
                        did_you_mean(name, kind_names));
    }
    f.kinds.push_back(k);
  }
  if (!o.record.empty()) {
    Record r = find_any_record(store, "", o.record);
    f.record_kind = r.kind;
    f.record = r.id;
  }
  auto events = all_events();
  for (const auto& e : o.events) {
    if (std::find(events.begin(), events.end(), e) == events.end()) {
      throw usage_error("--event: no record has '" + e + "' events" + did_you_mean(e, events));
    }
  }
  f.events = o.events;
  f.limit = o.limit;
  f.oldest_first = o.reverse;
  return f;
}

Value row_of(const Activity& a, bool table) {
  Value row = Value::map();
  Value at(format_utc(a.at));
  at.set_plain(true);
  row.set("at", at);
  // Nobody acted (cron): "-" in a table, null in data.
  row.set("by", !a.by.empty() ? Value(a.by) : table ? Value("-") : Value());
  row.set("kind", a.kind->name);
  row.set("id", a.id);
  row.set("event", a.event);
  if (table) {
    row.set("summary", a.detail.empty() ? a.title : a.detail);
  } else {
    row.set("title", a.title);
    row.set("detail", a.detail);
    row.set("entry", a.entry);
  }
  return row;
}

}  // namespace

void setup_log(CLI::App& app, Session& session) {
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("log", "Everything that happened to every record, newest first (like git log)");
  cmd->alias("activity");
  cmd->add_option("--since", o->since, "Only events at or after TIME (e.g. 2026-11-01, -7d, today)");
  cmd->add_option("--until", o->until, "Only events before TIME");
  cmd->add_option("--user", o->user, "Only what USER did");
  add_repeated(cmd, "--kind", o->kinds, "Only records of this kind: contact, call, case... (repeatable)");
  cmd->add_option("--record", o->record, "Only this record's events (an ID, prefix or name)");
  add_repeated(cmd, "--event", o->events, "Only events of this name: edited, closed... (repeatable)");
  cmd->add_option("--limit,-n", o->limit, "Only the newest N events")->check(at_least_one());
  cmd->add_flag("--reverse", o->reverse, "Oldest first (after --limit has chosen the newest N)");
  cmd->callback([&session, o] {
    bool table = session.format() == Format::Table;
    std::vector<Value> rows;
    for (const auto& a : activity(session.store(), filter_of(session, *o))) {
      rows.push_back(row_of(a, table));
    }
    print_rows(session, rows, k_fields, k_columns);
  });
}

}  // namespace crm::cli
