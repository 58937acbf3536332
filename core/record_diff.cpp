#include "record_diff.hpp"

#include "check.hpp"
#include "record.hpp"

#include <algorithm>

namespace crm {
namespace {

Value as_record(const KindSpec& kind, const Value& data) {
  return canonical(kind, data.is_map() ? data : Value::map());
}

const std::vector<Value>& entries_of(const Value& record) {
  static const std::vector<Value> none;
  const Value* history = record.find("history");
  return history && history->is_list() ? history->items() : none;
}

// The entries of `from` that `other` lacks, counting repeats: an entry
// written twice and kept once was dropped once.
std::vector<Value> missing_from(const std::vector<Value>& from, std::vector<Value> other) {
  std::vector<Value> out;
  for (const auto& entry : from) {
    auto found = std::find(other.begin(), other.end(), entry);
    if (found == other.end()) {
      out.push_back(entry);
    } else {
      other.erase(found);
    }
  }
  return out;
}

bool holds(const std::vector<Value>& entries, const Value& entry) {
  return std::find(entries.begin(), entries.end(), entry) != entries.end();
}

// Absent, null, "" and [] all mean "not set" (the store drops them).
Value normalized(const Value* v) {
  bool unset = !v || v->is_null() || (v->is_list() && v->items().empty()) || (v->is_string() && v->text().empty());
  return unset ? Value() : *v;
}

bool is_history(const KindSpec& kind, const std::string& key) {
  const FieldSpec* spec = kind.field(key);
  return spec && spec->type == FieldType::History;
}

// The cached fields of `record` that hold what its history says.
std::vector<std::string> fields_following_history(const KindSpec& kind, const Value& record) {
  Value replayed = record;
  try {
    refresh_cached_fields(kind, replayed);
  } catch (...) {  // a history that cannot be replayed explains nothing
    return {};
  }
  std::vector<std::string> out;
  for (const auto& key : cached_field_names(kind)) {
    if (normalized(replayed.find(key)) == normalized(record.find(key))) {
      out.push_back(key);
    }
  }
  return out;
}

// Every top-level key but the history: `after`'s in order, then those only `before` has.
std::vector<std::string> field_keys(const KindSpec& kind, const Value& before, const Value& after) {
  std::vector<std::string> keys;
  for (const Value* side : {&after, &before}) {
    for (const auto& field : side->fields()) {
      if (!is_history(kind, field.first) && std::find(keys.begin(), keys.end(), field.first) == keys.end()) {
        keys.push_back(field.first);
      }
    }
  }
  return keys;
}

}  // namespace

RecordChange record_change(const KindSpec& kind, const Value& before_data, const Value& after_data) {
  Value before = as_record(kind, before_data);
  Value after = as_record(kind, after_data);
  RecordChange change;
  change.added = missing_from(entries_of(after), entries_of(before));
  change.removed = missing_from(entries_of(before), entries_of(after));
  auto explained = fields_following_history(kind, after);
  for (const auto& key : field_keys(kind, before, after)) {
    Value old_value = normalized(before.find(key));
    Value new_value = normalized(after.find(key));
    // A new record's ID is the record's name, not news about it.
    bool named = key == "id" && old_value.is_null();
    bool cached = std::find(explained.begin(), explained.end(), key) != explained.end();
    if (old_value != new_value && !named && !cached) {
      change.fields.push_back({key, old_value, new_value});
    }
  }
  return change;
}

RecordChange merge_change(const KindSpec& kind, const std::vector<Value>& parents_data, const Value& after_data) {
  if (parents_data.empty()) {
    return record_change(kind, Value::map(), after_data);
  }
  std::vector<Value> parents;
  for (const auto& p : parents_data) {
    parents.push_back(as_record(kind, p));
  }
  Value after = as_record(kind, after_data);
  RecordChange first = record_change(kind, parents.front(), after);
  RecordChange change;
  for (const auto& entry : first.added) {
    if (std::none_of(parents.begin(), parents.end(), [&](const Value& p) { return holds(entries_of(p), entry); })) {
      change.added.push_back(entry);
    }
  }
  for (const auto& entry : first.removed) {
    if (std::all_of(parents.begin(), parents.end(), [&](const Value& p) { return holds(entries_of(p), entry); })) {
      change.removed.push_back(entry);
    }
  }
  for (const auto& field : first.fields) {
    if (std::none_of(parents.begin(), parents.end(),
                     [&](const Value& p) { return normalized(p.find(field.field)) == field.after; })) {
      change.fields.push_back(field);
    }
  }
  return change;
}

}  // namespace crm
