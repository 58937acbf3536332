#include "edit.hpp"

#include "error.hpp"
#include "suggest.hpp"

#include <algorithm>

namespace crm {
namespace {

bool is_list_type(FieldType t) {
  return t == FieldType::TextList || t == FieldType::EmailList || t == FieldType::RefList;
}

std::vector<std::string> editable_fields(const KindSpec& kind) {
  std::vector<std::string> out;
  for (const auto& f : kind.fields) {
    if (f.name != "id" && f.type != FieldType::History) {
      out.push_back(f.name);
    }
  }
  return out;
}

void apply(const KindSpec& kind, Value& data, const FieldChange& change) {
  const FieldSpec* spec = kind.field(change.field);
  if (!spec || spec->name == "id" || spec->type == FieldType::History) {
    throw usage_error("a " + kind.name + " has no editable field '" + change.field + "'" +
                      did_you_mean(change.field, editable_fields(kind)));
  }
  bool list = is_list_type(spec->type);
  switch (change.op) {
    case FieldChange::Op::Set:
      if (list) {
        data.set(spec->name, make_string_list(change.values));
      } else {
        data.set(spec->name, Value(change.values.empty() ? "" : change.values.front()));
      }
      break;
    case FieldChange::Op::Unset:
      if (spec->required) {
        throw usage_error("'" + spec->name + "' is required and cannot be removed");
      }
      data.erase(spec->name);
      break;
    case FieldChange::Op::Add:
    case FieldChange::Op::Remove: {
      if (!list) {
        throw usage_error("'" + spec->name + "' holds one value; set it instead of adding or removing");
      }
      auto items = string_list(data.find(spec->name));
      for (const auto& v : change.values) {
        auto it = std::find(items.begin(), items.end(), v);
        if (change.op == FieldChange::Op::Add && it == items.end()) {
          items.push_back(v);
        } else if (change.op == FieldChange::Op::Remove) {
          if (it == items.end()) {
            throw usage_error("'" + spec->name + "' does not contain '" + v + "'");
          }
          items.erase(it);
        }
      }
      data.set(spec->name, make_string_list(items));
      break;
    }
  }
}

}  // namespace

void require_valid(const KindSpec& kind, const Value& data, const Config& config) {
  auto problems = record_problems(kind, canonical(kind, data), config, "", data.get("id"));
  if (!problems.empty()) {
    throw usage_error("invalid " + kind.name + ": " + problems.front().message);
  }
}

Record create_record(const Context& ctx, const KindSpec& kind, Value fields, const std::string& event) {
  return create_record_with_entry(ctx, kind, std::move(fields), history_event(ctx, event));
}

Record create_record_with_entry(const Context& ctx, const KindSpec& kind, Value fields, Value first_entry) {
  std::string id = kind.generated_ids() ? ctx.store.new_id(kind) : fields.get("id");
  Value data = Value::map();
  data.set("id", id);
  for (auto& [key, v] : fields.fields()) {
    if (key != "id") {
      data.set(key, std::move(v));
    }
  }
  if (kind.has_history()) {
    Value history = Value::list();
    history.push_back(std::move(first_entry));
    data.set("history", history);
  }
  data = canonical(kind, data);
  require_valid(kind, data, ctx.store.config());
  Record r{&kind, id, ctx.store.path_of(kind, id), std::move(data)};
  r.is_new = true;
  return r;
}

std::vector<std::string> edit_record(const Context& ctx, Transaction& tx, Record record,
                                     const std::vector<FieldChange>& changes) {
  Value before = canonical(*record.kind, record.data);
  for (const auto& change : changes) {
    apply(*record.kind, record.data, change);
  }
  record.data = canonical(*record.kind, record.data);
  require_valid(*record.kind, record.data, ctx.store.config());

  auto changed = changed_fields(*record.kind, before, record.data);
  if (!changed.empty()) {
    stage_edit(ctx, tx, std::move(record), changed);
  }
  return changed;
}

std::vector<std::string> changed_fields(const KindSpec& kind, const Value& before, const Value& after) {
  std::vector<std::string> names;
  for (const auto& spec : kind.fields) {
    names.push_back(spec.name);
  }
  for (const Value* map : {&before, &after}) {
    for (const auto& [key, v] : map->fields()) {
      if (!kind.field(key) && std::find(names.begin(), names.end(), key) == names.end()) {
        names.push_back(key);
      }
    }
  }
  std::vector<std::string> changed;
  for (const auto& name : names) {
    const Value* a = before.find(name);
    const Value* b = after.find(name);
    bool same = (!a && !b) || (a && b && *a == *b);
    if (!same) {
      changed.push_back(name);
    }
  }
  return changed;
}

void stage_edit(const Context& ctx, Transaction& tx, Record record, const std::vector<std::string>& changed) {
  Value event = history_event(ctx, "edited");
  event.set("fields", make_string_list(changed));
  Value* history = record.data.find("history");
  if (!history || !history->is_list()) {
    record.data.set("history", Value::list());
    history = record.data.find("history");
  }
  history->push_back(event);
  tx.put(std::move(record));
}

}  // namespace crm
