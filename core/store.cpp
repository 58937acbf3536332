#include "store.hpp"

#include "error.hpp"
#include "ids.hpp"
#include "journal.hpp"
#include "record_cache.hpp"
#include "record_guard.hpp"
#include "record_merge.hpp"
#include "suggest.hpp"
#include "yaml_io.hpp"

#include <algorithm>

namespace crm {
namespace {

bool is_record_file(const fs::directory_entry& entry) {
  const auto name = entry.path().filename().string();
  return entry.is_regular_file() && !name.empty() && name[0] != '.' && entry.path().extension() == ".yaml";
}

// Splits typed input into the kind prefix it names (if any) and the rest.
std::pair<std::string, std::string> split_prefix(const std::string& input) {
  auto dash = input.find('-');
  if (dash == std::string::npos) {
    return {"", input};
  }
  std::string prefix = input.substr(0, dash);
  for (auto& c : prefix) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return {prefix, input.substr(dash + 1)};
}

}  // namespace

fs::path Store::locate(const std::string& dir, const std::string& env_dir) {
  auto check = [](const fs::path& p, const std::string& how) {
    if (!fs::exists(p / "crm.yaml")) {
      throw usage_error(p.string() + " (" + how + ") is not a CRM: it has no crm.yaml; create one with 'crm init " +
                        p.string() + "'");
    }
    return p;
  };
  if (!dir.empty()) {
    return check(dir, "from --dir");
  }
  if (!env_dir.empty()) {
    return check(env_dir, "from $CRM_DIR");
  }
  std::error_code ec;
  fs::path here = fs::current_path(ec);
  fs::path relative = ".";
  for (fs::path p = here; !p.empty(); p = p.parent_path()) {
    if (fs::exists(p / "crm.yaml")) {
      return relative;
    }
    if (p == p.parent_path()) {
      break;
    }
    relative = relative == "." ? fs::path("..") : relative / "..";
  }
  throw usage_error("no CRM here: no crm.yaml in this folder or any above it (use -C DIR, set CRM_DIR, or run 'crm init')");
}

Store::Store(fs::path root, bool tolerate_bad_config) : m_root(std::move(root)) {
  fs::path config = config_path();
  if (!fs::exists(config)) {
    throw usage_error(m_root.string() + " is not a CRM: it has no crm.yaml");
  }
  // A command that crashed mid-write left its journal: finish it before anything reads.
  m_recovered_files = replay_journal(m_root, lock_path());
  try {
    m_config = load_config(read_file(config), shown(config));
  } catch (const Error& e) {
    if (!tolerate_bad_config || e.status() != k_exit_data) {
      throw;
    }
    m_config_error = e.what();
    m_config = load_config("", shown(config));
  }
}

std::string Store::shown(const fs::path& path) const {
  std::string s = path.lexically_normal().string();
  return s.rfind("./", 0) == 0 ? s.substr(2) : s;
}

fs::path Store::path_of(const KindSpec& kind, const std::string& id) const {
  fs::path folder = m_root / kind.folder;
  if (kind.sharded) {
    folder /= id.substr(kind.prefix.size() + 1, 2);
  }
  return folder / (id + ".yaml");
}

bool Store::exists(const KindSpec& kind, const std::string& id) const {
  return fs::exists(path_of(kind, id));
}

std::string Store::new_id(const KindSpec& kind) const {
  for (;;) {
    std::string id = kind.prefix + "-" + random_id_body();
    if (!exists(kind, id)) {
      return id;
    }
  }
}

std::vector<fs::path> Store::files(const KindSpec& kind) const {
  std::vector<fs::path> out;
  for (auto& stamp : stamp_record_files(m_root, kind, false)) {
    out.emplace_back(std::move(stamp.path));
  }
  return out;
}

std::vector<std::string> Store::ids_matching(const KindSpec& kind, const std::string& body_prefix) const {
  std::vector<std::string> out;
  std::string full_prefix = kind.prefix + "-" + body_prefix;
  std::vector<fs::path> candidates;
  if (kind.sharded && body_prefix.size() >= 2) {
    std::error_code ec;
    fs::path shard = m_root / kind.folder / body_prefix.substr(0, 2);
    for (const auto& entry : fs::directory_iterator(shard, ec)) {
      if (is_record_file(entry)) {
        candidates.push_back(entry.path());
      }
    }
  } else {
    candidates = files(kind);
  }
  for (const auto& p : candidates) {
    std::string id = p.stem().string();
    if (id.compare(0, full_prefix.size(), full_prefix) == 0) {
      out.push_back(id);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string Store::resolve(const KindSpec& kind, const std::string& input) const {
  if (input.empty()) {
    throw usage_error("empty " + kind.name + " ID");
  }
  if (!kind.generated_ids()) {
    if (is_slug(input) && exists(kind, input)) {
      return input;
    }
    std::vector<std::string> known;
    for (const auto& p : files(kind)) {
      known.push_back(p.stem().string());
    }
    throw not_found_error("unknown " + kind.name + " '" + input + "'" + did_you_mean(input, known));
  }
  auto [prefix, rest] = split_prefix(input);
  if (!prefix.empty() && prefix != kind.prefix) {
    const KindSpec* other = kind_of_id(input);
    throw not_found_error("'" + input + "' is not a " + kind.name + " ID" +
                          (other ? " (it names a " + other->name + ")" : "") + "; " + kind.name + " IDs look like " +
                          kind.prefix + "-7K3MQ2X9AB4F");
  }
  std::string body = normalize_id_body(rest);
  if (body.empty() || body.size() > k_id_body_length) {
    throw not_found_error("'" + input + "' is not a " + kind.name + " ID (" + kind.name + " IDs look like " +
                          kind.prefix + "-7K3MQ2X9AB4F)");
  }
  if (body.size() == k_id_body_length) {
    std::string id = kind.prefix + "-" + body;
    if (!exists(kind, id)) {
      throw not_found_error("no " + kind.name + " " + id);
    }
    return id;
  }
  auto matches = ids_matching(kind, body);
  if (matches.empty()) {
    throw not_found_error("no " + kind.name + " matches '" + input + "'");
  }
  if (matches.size() > 1) {
    std::string list;
    for (std::size_t i = 0; i < matches.size() && i < 10; ++i) {
      list += (i ? ", " : "") + matches[i];
    }
    if (matches.size() > 10) {
      list += ", ... (" + std::to_string(matches.size()) + " in all)";
    }
    throw not_found_error("'" + input + "' is ambiguous: it could be " + list);
  }
  return matches.front();
}

Record Store::read(const KindSpec& kind, const fs::path& path) const {
  Record r;
  r.kind = &kind;
  r.path = path;
  r.id = path.stem().string();
  guard_record_read(m_root, path, shown(path));
  std::string text = read_file(path);
  // A merge left markers: name the field rather than misread the file.
  if (auto marker = find_conflict_marker(text)) {
    throw data_error(shown(path) + ":" + std::to_string(marker->line) + ": merge conflict" +
                     (marker->field.empty() ? "" : " in field '" + marker->field + "'") +
                     ": keep one side and delete the marker lines");
  }
  r.data = parse_yaml(text, shown(path));
  r.stored_events = r.history().items().size();
  return r;
}

Record Store::read_valid(const KindSpec& kind, const fs::path& path) const {
  Record r = read(kind, path);
  auto problems = record_problems(kind, r.data, m_config, shown(path), r.id);
  if (!problems.empty()) {
    throw data_error(problems.front().text());
  }
  return r;
}

Record Store::load(const KindSpec& kind, const std::string& id) const {
  fs::path path = path_of(kind, id);
  if (!fs::exists(path)) {
    throw not_found_error("no " + kind.name + " " + id);
  }
  return read_valid(kind, path);
}

std::vector<Record> Store::load_all(const KindSpec& kind) const { return load_where(kind, {}); }

std::vector<Record> Store::load_where(const KindSpec& kind, const RecordFilter& keep) const {
  std::vector<Record> out;
  for_each_where(kind, keep, [&out](Record&& r) { out.push_back(std::move(r)); });
  return out;
}

void Store::for_each_where(const KindSpec& kind, const RecordFilter& keep, const RecordVisitor& visit) const {
  if (m_cache_enabled) {
    for_each_cached(*this, kind, keep, visit);
    return;
  }
  for (const auto& path : files(kind)) {
    Record r = read_valid(kind, path);
    if (!keep || keep(record_summary(r.data))) {
      visit(std::move(r));
    }
  }
}

Transaction::Transaction(const Store& store)
    : m_store(store), m_lock(store.lock_path(), store.lock_timeout_ms()) {
  // A writer that died after the store was opened (its lock then busy) left
  // its journal: complete it before reading records, and before writing ours.
  replay_journal_locked(store.root());
}

void Transaction::put(Record record) {
  // Refused now, so that nothing of the command is written.
  guard_record_write(m_store.root(), record, m_store.shown(record.path));
  for (auto& r : m_records) {
    if (r.path == record.path) {
      r = std::move(record);
      return;
    }
  }
  m_records.push_back(std::move(record));
}

const Record* Transaction::staged(const KindSpec& kind, const std::string& id) const {
  for (const auto& r : m_records) {
    if (r.kind == &kind && r.id == id) {
      return &r;
    }
  }
  return nullptr;
}

void Transaction::commit() {
  if (m_records.size() == 1) {
    write_file_atomic(m_records[0].path, serialize(*m_records[0].kind, m_records[0].data));
  } else if (m_records.size() > 1) {
    // Several records (a call and its case, a case and its notifications) land together.
    std::vector<FileContents> files;
    for (const auto& r : m_records) {
      files.emplace_back(r.path, serialize(*r.kind, r.data));
    }
    write_files_together(m_store.root(), files);
  }
  m_lock.release();
  // Notifications last: hooks hear of an event before the messages about it.
  std::vector<const Record*> order;
  for (const auto& r : m_records) {
    if (r.kind->has_history()) {
      order.push_back(&r);
    }
  }
  for (const auto& r : m_records) {
    if (!r.kind->has_history()) {
      order.push_back(&r);
    }
  }
  for (const Record* record : order) {
    const Record& r = *record;
    Value saved = canonical(*r.kind, r.data);
    if (!r.kind->has_history()) {
      if (r.is_new) {
        m_events.push_back({r.kind->name + "-created", r.kind, r.id, Value(), saved});
      }
      continue;
    }
    const auto& entries = r.history().items();
    for (std::size_t i = r.is_new ? 0 : r.stored_events; i < entries.size(); ++i) {
      m_events.push_back({r.kind->name + "-" + entries[i].get("event"), r.kind, r.id, entries[i], saved});
    }
  }
}

Value history_event(const Context& ctx, const std::string& event) {
  Value e = Value::map();
  e.set("at", format_utc(ctx.now));
  if (!ctx.actor.empty()) {
    e.set("by", ctx.actor);
  }
  e.set("event", event);
  return e;
}

Value history_event(const Context& ctx, const std::string& event, const std::string& note) {
  Value e = history_event(ctx, event);
  if (!note.empty()) {
    e.set("note", note);
  }
  return e;
}

std::string shown_actor(const Context& ctx) { return ctx.actor.empty() ? "someone" : ctx.actor; }

}  // namespace crm
