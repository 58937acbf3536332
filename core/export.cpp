#include "export.hpp"

#include "error.hpp"
#include "json.hpp"
#include "suggest.hpp"

#include <algorithm>
#include <cctype>

namespace crm {
namespace {

// `v` with the fields `specs` types as whole numbers turned into numbers.
void type_fields(Value& v, const std::vector<FieldSpec>& specs) {
  for (const auto& spec : specs) {
    if (Value* field = v.find(spec.name); field && field->is_string() && spec.type == FieldType::Int) {
      *field = Value::number_text(field->text());
    }
  }
}

bool nested(const Value& v) {
  return v.is_map() || (v.is_list() && std::any_of(v.items().begin(), v.items().end(),
                                                   [](const Value& item) { return !item.is_scalar(); }));
}

void add_column(std::vector<std::string>& columns, const std::string& name) {
  if (std::find(columns.begin(), columns.end(), name) == columns.end()) {
    columns.push_back(name);
  }
}

}  // namespace

std::vector<const KindSpec*> export_kinds(const std::vector<std::string>& names) {
  std::vector<const KindSpec*> chosen;
  for (const auto& name : names) {
    std::string key = name;
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const KindSpec* kind = kind_named(key);
    if (!kind && !key.empty() && key.back() == 's') {
      kind = kind_named(key.substr(0, key.size() - 1));  // "feedbacks"
    }
    if (!kind) {
      std::vector<std::string> known;
      std::string list;
      for (const KindSpec* k : all_kinds()) {
        known.push_back(k->name);
        known.push_back(k->folder);
        list += (list.empty() ? "" : ", ") + k->name;
      }
      throw usage_error("unknown kind '" + name + "'" + did_you_mean(key, known) + " (kinds: " + list + ")");
    }
    chosen.push_back(kind);
  }
  std::vector<const KindSpec*> out;
  for (const KindSpec* kind : all_kinds()) {
    if (chosen.empty() || std::find(chosen.begin(), chosen.end(), kind) != chosen.end()) {
      out.push_back(kind);
    }
  }
  return out;
}

Value typed_record(const KindSpec& kind, const Value& data) {
  Value out = data;
  type_fields(out, kind.fields);
  if (Value* history = out.find("history"); history && history->is_list()) {
    for (auto& entry : history->items()) {
      type_fields(entry, kind.history_fields);
    }
  }
  return out;
}

Value export_records(const Store& store, const std::vector<const KindSpec*>& kinds) {
  Value out = Value::map();
  for (const KindSpec* kind : kinds) {
    Value list = Value::list();
    for (const auto& record : store.load_all(*kind)) {
      list.push_back(typed_record(*kind, record.data));
    }
    out.set(kind->name, list);
  }
  return out;
}

ExportTable export_table(const Store& store, const std::vector<const KindSpec*>& kinds) {
  ExportTable table;
  bool several = kinds.size() > 1;
  if (several) {
    table.columns.push_back("record_kind");
  }
  bool history = false;
  std::vector<std::string> unknown;
  for (const KindSpec* kind : kinds) {
    for (const auto& spec : kind->fields) {
      if (spec.type == FieldType::History) {
        history = true;
      } else {
        add_column(table.columns, spec.name);
      }
    }
    for (const auto& record : store.load_all(*kind)) {
      Value row = Value::map();
      if (several) {
        row.set("record_kind", kind->name);
      }
      for (const auto& [key, v] : record.data.fields()) {
        if (!kind->field(key)) {
          add_column(unknown, key);  // kept from the file: not lost on the way out either
        }
        row.set(key, nested(v) ? Value(to_json(v, false)) : v);
      }
      table.rows.push_back(std::move(row));
    }
  }
  for (const auto& key : unknown) {
    add_column(table.columns, key);
  }
  if (history) {
    add_column(table.columns, "history");
  }
  return table;
}

void write_export_json(std::ostream& out, const Store& store, const std::vector<const KindSpec*>& kinds) {
  // A malformed file fails the export before anything is written. With the
  // cache this pass parses only the files it does not hold, and decodes none.
  for (const KindSpec* kind : kinds) {
    store.for_each_where(*kind, [](const Value&) { return false; }, [](Record&&) {});
  }
  out << "{";
  const char* kind_separator = "\n";
  for (const KindSpec* kind : kinds) {
    out << kind_separator << "  " << to_json(Value(kind->name), false) << ": [";
    kind_separator = ",\n";
    const char* record_separator = "\n";
    bool any = false;
    store.for_each_where(*kind, {}, [&](Record&& record) {
      std::string json = to_json(typed_record(*kind, record.data));
      while (!json.empty() && json.back() == '\n') {
        json.pop_back();
      }
      out << record_separator << "    ";
      for (char c : json) {  // JSON text has no raw newlines but its own line breaks
        out << c;
        if (c == '\n') {
          out << "    ";
        }
      }
      record_separator = ",\n";
      any = true;
    });
    out << (any ? "\n  ]" : "]");
  }
  out << (kinds.empty() ? "}\n" : "\n}\n");
}


}  // namespace crm
