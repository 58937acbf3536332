#include "record_merge.hpp"

#include "check.hpp"
#include "error.hpp"
#include "record.hpp"
#include "yaml_io.hpp"

#include <algorithm>
#include <sstream>
#include <tuple>

namespace crm {
namespace {

const char* const k_ours_marker = "<<<<<<< ours";
const char* const k_middle_marker = "=======";
const char* const k_theirs_marker = ">>>>>>> theirs";

bool is_set_field(const FieldSpec* spec) {
  return spec && (spec->type == FieldType::TextList || spec->type == FieldType::EmailList ||
                  spec->type == FieldType::RefList);
}

// One side as a canonical map; a side whose history or value lists are no lists is
// not merged field by field (that would drop their items).
Value parse_side(const KindSpec& kind, const std::string& text, const std::string& name) {
  Value v = parse_yaml(text, name);
  if (v.is_null()) {
    return Value::map();
  }
  if (!v.is_map()) {
    throw data_error(name + ": not a record (a YAML map)");
  }
  for (const auto& [key, value] : v.fields()) {
    const FieldSpec* spec = kind.field(key);
    bool listed = spec && (spec->type == FieldType::History || is_set_field(spec));
    if (listed && !value.is_list() && !value.is_null()) {
      throw data_error(name + ": '" + key + "' is not a list");
    }
  }
  // Compared as the store writes them: a history entry with `note: ""` and
  // one without a note are the same entry, kept once.
  return canonical(kind, v);
}

bool is_empty(const Value* v) {
  return !v || v->is_null() || (v->is_list() && v->items().empty()) || (v->is_string() && v->text().empty());
}

// Absent, null, "" and [] all mean "no value" (the store drops them).
Value normalized(const Value* v) { return is_empty(v) ? Value() : *v; }

bool contains(const std::vector<Value>& items, const Value& v) {
  return std::find(items.begin(), items.end(), v) != items.end();
}

// Items of `ours` and `theirs` (ours' order, then theirs' additions), less
// the items of `base` that either side dropped.
std::vector<Value> merge_sets(const std::vector<Value>& base, const std::vector<Value>& ours,
                              const std::vector<Value>& theirs) {
  std::vector<Value> out;
  auto keep = [&](const Value& v) {
    bool dropped = contains(base, v) && (!contains(ours, v) || !contains(theirs, v));
    if (!dropped && !contains(out, v)) {
      out.push_back(v);
    }
  };
  std::for_each(ours.begin(), ours.end(), keep);
  std::for_each(theirs.begin(), theirs.end(), keep);
  return out;
}

const std::vector<Value>& items_of(const Value& v) {
  static const std::vector<Value> none;
  return v.is_list() ? v.items() : none;
}

// The history of both sides as a set, ordered by time; ties keep each
// side's order, then the text decides, so either side may be `ours`.
Value merge_history(const Value& base, const Value& ours, const Value& theirs) {
  std::vector<Value> entries = merge_sets(items_of(base), items_of(ours), items_of(theirs));
  auto position = [&](const Value& e) {
    auto in = [&](const std::vector<Value>& side) {
      auto it = std::find(side.begin(), side.end(), e);
      return it == side.end() ? side.size() + entries.size() : static_cast<std::size_t>(it - side.begin());
    };
    return std::min(in(items_of(ours)), in(items_of(theirs)));
  };
  std::vector<std::tuple<std::string, std::size_t, std::string, Value>> keyed;
  for (const auto& e : entries) {
    keyed.emplace_back(e.get("at"), position(e), emit_yaml(e), e);
  }
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
    return std::tie(std::get<0>(a), std::get<1>(a), std::get<2>(a)) <
           std::tie(std::get<0>(b), std::get<1>(b), std::get<2>(b));
  });
  Value out = Value::list();
  for (auto& k : keyed) {
    out.push_back(std::get<3>(k));
  }
  return out;
}

// Every key of the three sides: ours' order, then new ones of theirs and base.
std::vector<std::string> all_keys(const Value& base, const Value& ours, const Value& theirs) {
  std::vector<std::string> keys;
  for (const Value* side : {&ours, &theirs, &base}) {
    for (const auto& field : side->fields()) {
      if (std::find(keys.begin(), keys.end(), field.first) == keys.end()) {
        keys.push_back(field.first);
      }
    }
  }
  return keys;
}

// `key: value` as the store writes it ("" when the value is empty).
std::string field_text(const KindSpec& kind, const std::string& key, const Value& v) {
  Value single = Value::map();
  single.set(key, v);
  Value c = canonical(kind, single);
  return c.fields().empty() ? "" : emit_yaml(c);
}

}  // namespace

RecordMerge merge_record(const KindSpec& kind, const std::string& base_text, const std::string& ours_text,
                         const std::string& theirs_text) {
  Value base = parse_side(kind, base_text, "base");
  Value ours = parse_side(kind, ours_text, "ours");
  Value theirs = parse_side(kind, theirs_text, "theirs");
  auto cached = cached_field_names(kind);

  Value merged = Value::map();
  std::vector<std::pair<std::string, std::pair<Value, Value>>> conflicts;  // field -> (ours, theirs)
  for (const auto& key : all_keys(base, ours, theirs)) {
    const FieldSpec* spec = kind.field(key);
    Value b = normalized(base.find(key)), o = normalized(ours.find(key)), t = normalized(theirs.find(key));
    if (spec && spec->type == FieldType::History) {
      merged.set(key, merge_history(b, o, t));
    } else if (is_set_field(spec)) {
      Value list = Value::list();
      list.items() = merge_sets(items_of(b), items_of(o), items_of(t));
      merged.set(key, list);
    } else if (o == t || t == b) {
      merged.set(key, o);
    } else if (o == b) {
      merged.set(key, t);
    } else if (std::find(cached.begin(), cached.end(), key) != cached.end()) {
      merged.set(key, o);  // replayed from the merged history below
    } else {
      merged.set(key, o.is_null() ? t : o);  // holds the field's place
      conflicts.push_back({key, {o, t}});
    }
  }
  refresh_cached_fields(kind, merged);

  RecordMerge result;
  if (conflicts.empty()) {
    result.text = serialize(kind, merged);
    return result;
  }
  Value ordered = canonical(kind, merged);
  for (const auto& [key, value] : ordered.fields()) {
    auto conflict = std::find_if(conflicts.begin(), conflicts.end(), [&key = key](const auto& c) { return c.first == key; });
    if (conflict == conflicts.end()) {
      result.text += field_text(kind, key, value);
      continue;
    }
    result.conflicts.push_back(key);
    result.text += std::string(k_ours_marker) + "\n" + field_text(kind, key, conflict->second.first) +
                   k_middle_marker + "\n" + field_text(kind, key, conflict->second.second) + k_theirs_marker + "\n";
  }
  return result;
}

const KindSpec* record_kind_of_path(const std::string& path) {
  fs::path p(path);
  if (p.extension() != ".yaml") {
    return nullptr;
  }
  // The kind's folder is the parent, or the grandparent for sharded kinds.
  fs::path dir = p.parent_path();
  for (int up = 0; up < 2 && !dir.empty(); ++up, dir = dir.parent_path()) {
    const KindSpec* kind = kind_named(dir.filename().string());
    if (kind && kind->folder == dir.filename().string() && (up == 0 || kind->sharded)) {
      return kind;
    }
  }
  return nullptr;
}

std::optional<ConflictMarker> find_conflict_marker(const std::string& text) {
  // Every record read passes here: rule out the common case without
  // splitting the text into lines.
  if (text.rfind("<<<<<<<", 0) != 0 && text.find("\n<<<<<<<") == std::string::npos) {
    return std::nullopt;
  }
  std::istringstream in(text);
  std::string line;
  int number = 0;
  std::optional<ConflictMarker> found;
  while (std::getline(in, line)) {
    ++number;
    if (!found && line.rfind("<<<<<<<", 0) == 0) {
      found = ConflictMarker{number, ""};
    } else if (found && found->field.empty() && line.rfind("=======", 0) != 0 && line.rfind(">>>>>>>", 0) != 0) {
      auto colon = line.find(':');
      if (colon != std::string::npos && colon > 0 && line[0] != ' ' && line[0] != '-') {
        found->field = line.substr(0, colon);
      }
      return found;
    } else if (found && line.rfind(">>>>>>>", 0) == 0) {
      return found;
    }
  }
  return found;
}

}  // namespace crm
