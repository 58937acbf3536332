#include "hooks.hpp"

#include "json.hpp"
#include "process.hpp"

#include <unistd.h>

namespace crm {
namespace {

// The CRM directory as an absolute path without a trailing slash, however
// it was found ("." and "../.." normalise to "/x/crm/").
fs::path absolute_root(const Store& store) {
  std::error_code ec;
  fs::path dir = fs::absolute(store.root(), ec).lexically_normal();
  return dir.has_relative_path() && dir.filename().empty() ? dir.parent_path() : dir;
}

}  // namespace

std::string hook_payload(const Store& store, const Event& event, const std::vector<Event>& all) {
  Value v = Value::map();
  v.set("event", event.name);
  v.set("kind", event.kind->name);
  v.set("id", event.id);
  const Value& source = event.entry.is_null() ? event.record : event.entry;
  v.set("at", source.get("at"));
  v.set("by", source.get("by"));
  v.set("entry", event.entry);
  v.set("record", event.record);
  Value notified = Value::list();
  for (const auto& other : all) {
    if (other.kind == &notification_kind() && other.record.get("about") == event.id &&
        other.record.get("event") == event.name) {
      Value n = Value::map();
      n.set("id", other.id);
      n.set("user", other.record.get("user"));
      n.set("message", other.record.get("message"));
      notified.push_back(n);
    }
  }
  v.set("notified", notified);
  v.set("crm_dir", absolute_root(store).string());
  return to_json(v, false) + "\n";
}

std::vector<HookRun> run_hooks(const Store& store, const std::vector<Event>& events, int timeout_ms) {
  std::vector<HookRun> runs;
  std::error_code ec;
  fs::path dir = absolute_root(store);
  for (const auto& event : events) {
    fs::path hook = store.root() / "hooks" / ("on-" + event.name);
    if (!fs::is_regular_file(hook, ec)) {
      continue;
    }
    HookRun run;
    run.hook = store.shown(hook);
    run.event = event.name;
    if (::access(hook.c_str(), X_OK) != 0) {
      run.ok = false;
      run.problem = "is not executable (chmod +x it to run it)";
      runs.push_back(run);
      continue;
    }
    auto result = run_process({(dir / "hooks" / hook.filename()).string()}, dir, hook_payload(store, event, events),
                              {"CRM_EVENT=" + event.name, "CRM_ID=" + event.id, "CRM_DIR=" + dir.string()},
                              timeout_ms);
    run.output = result.out + result.err;
    if (result.timed_out) {
      run.ok = false;
      run.problem = "was stopped after " + std::to_string(timeout_ms / 1000) + " s (CRM_HOOK_TIMEOUT)";
    } else if (result.status == -1) {
      run.ok = false;
      run.problem = "could not be started";
    } else if (result.status != 0) {
      run.ok = false;
      run.problem = "exited with status " + std::to_string(result.status);
    }
    runs.push_back(run);
  }
  return runs;
}

}  // namespace crm
