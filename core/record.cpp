#include "record.hpp"

#include "ids.hpp"
#include "money.hpp"
#include "suggest.hpp"
#include "yaml_io.hpp"

#include <algorithm>

namespace crm {
namespace {

// "42", "-3", "0"; not "", "-", "007" or "+1" (stored numbers are copied into JSON as they are).
bool is_whole_number(const std::string& s) {
  std::size_t digits = !s.empty() && s[0] == '-' ? 1 : 0;
  if (s.size() == digits || s.size() - digits > 18 ||
      s.find_first_not_of("0123456789", digits) != std::string::npos) {
    return false;
  }
  return s[digits] != '0' || s.size() == digits + 1;
}

// Plain for machine-shaped fields (times, enums, IDs), quoted-when-misreadable for text.
bool emits_plain(FieldType type) {
  return type != FieldType::Text && type != FieldType::TextList && type != FieldType::Email &&
         type != FieldType::EmailList;
}

bool valid_email(const std::string& s) {
  auto at = s.find('@');
  return at != std::string::npos && at > 0 && at + 1 < s.size() && s.find_first_of(" \t\n,;<>") == std::string::npos;
}

Value canonical_scalar(const Value& v, FieldType type) {
  Value out = v;
  out.set_plain(emits_plain(type));
  return out;
}

Value canonical_field(const Value& v, const FieldSpec& spec) {
  if (v.is_list()) {
    Value out = Value::list();
    for (const auto& item : v.items()) {
      out.push_back(item.is_scalar() ? canonical_scalar(item, spec.type) : item);
    }
    return out;
  }
  return v.is_scalar() ? canonical_scalar(v, spec.type) : v;
}

bool is_empty(const Value& v) {
  return v.is_null() || (v.is_list() && v.items().empty()) || (v.is_string() && v.text().empty());
}

// Orders `map`'s keys as in `specs`, unknown keys after; drops empty known fields.
Value ordered(const Value& map, const std::vector<FieldSpec>& specs, bool keep_empty_history) {
  Value out = Value::map();
  for (const auto& spec : specs) {
    const Value* v = map.find(spec.name);
    if (!v) {
      continue;
    }
    if (is_empty(*v) && !(keep_empty_history && spec.type == FieldType::History)) {
      continue;
    }
    out.set(spec.name, canonical_field(*v, spec));
  }
  for (const auto& [key, v] : map.fields()) {
    bool known = std::any_of(specs.begin(), specs.end(), [&key = key](const FieldSpec& s) { return s.name == key; });
    if (!known) {
      out.set(key, v);
    }
  }
  return out;
}

bool valid_ref(const std::string& text, const std::string& kind_names) {
  if (auto bar = kind_names.find('|'); bar != std::string::npos) {
    return valid_ref(text, kind_names.substr(0, bar)) || valid_ref(text, kind_names.substr(bar + 1));
  }
  const KindSpec* kind = kind_named(kind_names);
  if (!kind) {
    return false;
  }
  if (!kind->generated_ids()) {
    return is_slug(text);
  }
  std::string prefix = kind->prefix + "-";
  return text.size() == prefix.size() + k_id_body_length && text.compare(0, prefix.size(), prefix) == 0 &&
         normalize_id_body(text.substr(prefix.size())) == text.substr(prefix.size());
}

// "user|department" reads as "user or department" in messages.
std::string spec_ref_name(const FieldSpec& spec) {
  std::string out = spec.ref;
  if (auto bar = out.find('|'); bar != std::string::npos) {
    out.replace(bar, 1, " or ");
  }
  return out;
}

class Checker {
 public:
  Checker(const Config& config, std::string path, std::vector<Problem>& out)
      : m_config(config), m_path(std::move(path)), m_out(out) {}

  void fields(const Value& map, const std::vector<FieldSpec>& specs, const KindSpec& kind,
              const std::string& where) {
    for (const auto& spec : specs) {
      const Value* v = map.find(spec.name);
      if (!v || is_empty(*v)) {
        if (spec.required) {
          report(map.line(), where + "missing required field '" + spec.name + "'");
        }
        continue;
      }
      field(*v, spec, kind, where);
    }
  }

 private:
  void report(int line, const std::string& message) { m_out.push_back({m_path, line, message}); }

  void field(const Value& v, const FieldSpec& spec, const KindSpec& kind, const std::string& where) {
    std::string name = where + spec.name;
    switch (spec.type) {
      case FieldType::TextList:
      case FieldType::EmailList:
      case FieldType::RefList:
        if (!v.is_list()) {
          report(v.line(), "'" + name + "' must be a list");
          return;
        }
        for (const auto& item : v.items()) {
          if (!item.is_scalar()) {
            report(item.line(), "'" + name + "' must hold plain values");
          } else if (spec.type == FieldType::EmailList && !valid_email(item.text())) {
            report(item.line(), "'" + name + "': '" + item.text() + "' is not an email address");
          } else if (spec.type == FieldType::RefList && !valid_ref(item.text(), spec.ref)) {
            report(item.line(), "'" + name + "': '" + item.text() + "' is not a valid " + spec.ref + " ID");
          }
        }
        return;
      case FieldType::History:
        history(v, kind);
        return;
      default:
        break;
    }
    if (!v.is_scalar()) {
      report(v.line(), "'" + name + "' must be a single value");
      return;
    }
    const std::string& s = v.text();
    switch (spec.type) {
      case FieldType::Time:
        if (!parse_stored_time(s)) {
          report(v.line(), "'" + name + "': '" + s + "' is not a UTC time like 2026-11-23T09:30:00Z");
        }
        break;
      case FieldType::Enum: {
        const auto& allowed = spec.config_list.empty() ? spec.choices : m_config.list(spec.config_list);
        if (std::find(allowed.begin(), allowed.end(), s) == allowed.end()) {
          report(v.line(), "'" + name + "': '" + s + "' is not one of " + comma_list(allowed) + did_you_mean(s, allowed));
        }
        break;
      }
      case FieldType::Duration:
        if (!parse_duration(s)) {
          report(v.line(), "'" + name + "': '" + s + "' is not a duration like 15m or 1h30m");
        }
        break;
      case FieldType::Ref:
        if (!valid_ref(s, spec.ref)) {
          report(v.line(), "'" + name + "': '" + s + "' is not a valid " + spec_ref_name(spec) + " ID");
        }
        break;
      case FieldType::Email:
        if (!valid_email(s)) {
          report(v.line(), "'" + name + "': '" + s + "' is not an email address");
        }
        break;
      case FieldType::Bool:
        if (s != "true" && s != "false") {
          report(v.line(), "'" + name + "' must be true or false");
        }
        break;
      case FieldType::Money:
        if (!parse_money(s)) {
          report(v.line(), "'" + name + "': '" + s + "' is not an amount like 1200.50 (at most two decimals)");
        }
        break;
      case FieldType::Int:
        if (!is_whole_number(s)) {
          report(v.line(), "'" + name + "' must be a whole number written plainly (e.g. 42, -3, not 007)");
        }
        break;
      default:
        break;
    }
  }

  void history(const Value& v, const KindSpec& kind) {
    if (!v.is_list()) {
      report(v.line(), "'history' must be a list of events");
      return;
    }
    for (const auto& entry : v.items()) {
      if (!entry.is_map()) {
        report(entry.line(), "each history entry must be a mapping with at, by and event");
        continue;
      }
      fields(entry, kind.history_fields, kind, "history: ");
      const std::string& event = entry.get("event");
      if (!event.empty() && std::find(kind.events.begin(), kind.events.end(), event) == kind.events.end()) {
        report(entry.line(), "history: unknown event '" + event + "' for a " + kind.name +
                                 did_you_mean(event, kind.events));
      }
    }
  }

  const Config& m_config;
  std::string m_path;
  std::vector<Problem>& m_out;
};

}  // namespace

const Value& Record::history() const {
  static const Value empty = Value::list();
  const Value* h = data.find("history");
  return h && h->is_list() ? *h : empty;
}

const std::string& Record::created_at() const {
  static const std::string none;
  const auto& items = history().items();
  return items.empty() ? none : items.front().get("at");
}

bool sooner_then_newer(const Record& a, const Record& b, const std::string& field) {
  const std::string& da = a.get(field);
  const std::string& db = b.get(field);
  if (da.empty() != db.empty()) {
    return !da.empty();
  }
  if (da != db) {
    return da < db;
  }
  return a.created_at() != b.created_at() ? a.created_at() > b.created_at() : a.id < b.id;
}

Value canonical(const KindSpec& kind, const Value& data) {
  Value out = ordered(data, kind.fields, true);
  if (Value* history = out.find("history"); history && history->is_list()) {
    for (auto& entry : history->items()) {
      if (entry.is_map()) {
        entry = ordered(entry, kind.history_fields, false);
      }
    }
  }
  return out;
}

std::string serialize(const KindSpec& kind, const Value& data) {
  return emit_yaml(canonical(kind, data));
}

std::vector<Problem> record_problems(const KindSpec& kind, const Value& data, const Config& config,
                                     const std::string& shown_path, const std::string& expected_id) {
  std::vector<Problem> out;
  if (!data.is_map()) {
    out.push_back({shown_path, data.line(), "a " + kind.name + " record must be a mapping of fields"});
    return out;
  }
  const std::string& id = data.get("id");
  if (data.has("id") && id != expected_id) {
    out.push_back({shown_path, data.find("id")->line(),
                   "id '" + id + "' does not match the file name (expected '" + expected_id + "')"});
  }
  Checker(config, shown_path, out).fields(data, kind.fields, kind, "");
  return out;
}

void cached_field_problems(const Value& data, const CachedFields& expected, const std::string& shown_path,
                           std::vector<Problem>& out) {
  for (const auto& [key, want] : expected) {
    const Value* v = data.find(key);
    std::string stored = v ? v->text() : "";
    if (stored != want) {
      out.push_back({shown_path, v ? v->line() : data.line(),
                     "'" + key + "' is " + (stored.empty() ? "missing" : "'" + stored + "'") +
                         " but the history says " + (want.empty() ? "it should not be set" : "'" + want + "'")});
    }
  }
}

}  // namespace crm
