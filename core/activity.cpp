#include "activity.hpp"

#include <algorithm>
#include <set>

namespace crm {
namespace {

bool wanted(const std::vector<std::string>& allowed, const std::string& value) {
  return allowed.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

bool kind_wanted(const ActivityFilter& filter, const KindSpec& kind) {
  if (!kind.has_history()) {
    return false;
  }
  if (filter.record_kind) {
    return &kind == filter.record_kind;
  }
  return filter.kinds.empty() || std::find(filter.kinds.begin(), filter.kinds.end(), &kind) != filter.kinds.end();
}

void add_entries(const Record& record, const ActivityFilter& filter, std::vector<Activity>& out) {
  std::string title = record_title(record.data);
  const auto& entries = record.history().items();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Value& entry = entries[i];
    auto at = parse_stored_time(entry.get("at"));
    if (!at || (filter.since && *at < *filter.since) || (filter.until && *at >= *filter.until) ||
        (!filter.user.empty() && entry.get("by") != filter.user) || !wanted(filter.events, entry.get("event"))) {
      continue;
    }
    out.push_back(
        {*at, entry.get("by"), record.kind, record.id, i, entry.get("event"), title, entry_detail(entry), entry});
  }
}

// Newest first; a total order, so that keeping the first N is well defined.
bool newer(const Activity& a, const Activity& b) {
  if (a.at != b.at) {
    return a.at > b.at;
  }
  if (a.id != b.id) {
    return a.id > b.id;
  }
  return a.kind != b.kind ? a.kind->name > b.kind->name : a.index > b.index;
}

// With a limit, only the newest entries can be shown: the others are let go
// as the scan goes, so `crm log -n 20` over a million records stays small.
void keep_newest(std::vector<Activity>& out, std::size_t limit) {
  if (limit > 0 && out.size() > 2 * limit + 4096) {
    std::nth_element(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(limit), out.end(), newer);
    out.resize(limit);
  }
}

}  // namespace

std::vector<Activity> activity(const Store& store, const ActivityFilter& filter) {
  std::vector<Activity> out;
  for (const KindSpec* kind : all_kinds()) {
    if (!kind_wanted(filter, *kind)) {
      continue;
    }
    if (filter.record_kind) {
      if (store.exists(*kind, filter.record)) {
        add_entries(store.load(*kind, filter.record), filter, out);
      }
      continue;
    }
    // One record at a time: only the entries kept stay in memory.
    store.for_each_where(*kind, {}, [&](Record&& record) {
      add_entries(record, filter, out);
      keep_newest(out, filter.limit);
    });
  }
  std::sort(out.begin(), out.end(), newer);
  if (filter.limit > 0 && out.size() > filter.limit) {
    out.resize(filter.limit);
  }
  if (filter.oldest_first) {
    std::reverse(out.begin(), out.end());
  }
  return out;
}

std::string record_title(const Value& data) {
  for (const char* key : {"title", "name"}) {
    if (!data.get(key).empty()) {
      return data.get(key);
    }
  }
  const std::string& summary = data.get("summary");
  return summary.substr(0, summary.find('\n'));
}

std::string entry_detail(const Value& entry) {
  std::string detail;
  for (const auto& [key, v] : entry.fields()) {
    if (key == "at" || key == "event" || key == "by") {
      continue;
    }
    std::string text = v.text();
    if (v.is_list()) {
      for (const auto& item : v.items()) {
        text += (text.empty() ? "" : ", ") + item.text();
      }
    }
    detail += (detail.empty() ? "" : "; ") + key + ": " + text;
  }
  return detail;
}

std::vector<std::string> all_events() {
  std::set<std::string> names;
  for (const KindSpec* kind : all_kinds()) {
    names.insert(kind->events.begin(), kind->events.end());
  }
  return {names.begin(), names.end()};
}

}  // namespace crm
