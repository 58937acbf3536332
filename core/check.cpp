#include "check.hpp"

#include "case_state.hpp"
#include "config_reader.hpp"
#include "deals.hpp"
#include "missions.hpp"

#include "error.hpp"
#include "ids.hpp"

#include <map>
#include <set>

namespace crm {
namespace {

// A reference found in a record, to be checked once all IDs are known.
struct Reference {
  std::string path;
  int line;
  std::string kind;
  std::string id;
  std::string field;
};

void collect_refs(const Value& map, const std::vector<FieldSpec>& specs, const std::string& path,
                  std::vector<Reference>& out, const std::string& where) {
  for (const auto& spec : specs) {
    const Value* v = map.find(spec.name);
    if (!v) {
      continue;
    }
    if (spec.type == FieldType::Ref && v->is_scalar() && !v->text().empty()) {
      out.push_back({path, v->line(), spec.ref, v->text(), where + spec.name});
    } else if (spec.type == FieldType::RefList && v->is_list()) {
      for (const auto& item : v->items()) {
        out.push_back({path, item.line(), spec.ref, item.text(), where + spec.name});
      }
    }
  }
}

bool valid_file_id(const KindSpec& kind, const std::string& id) {
  if (!kind.generated_ids()) {
    return is_slug(id);
  }
  std::string prefix = kind.prefix + "-";
  return id.size() == prefix.size() + k_id_body_length && id.compare(0, prefix.size(), prefix) == 0 &&
         normalize_id_body(id.substr(prefix.size())) == id.substr(prefix.size());
}

// Departments named by crm.yaml's routing section.
void routing_refs(const Store& store, std::vector<Reference>& out) {
  std::string path = store.shown(store.config_path());
  const Value* routing = setting(store.config().raw, "routing");
  if (!routing) {
    return;
  }
  if (const Value* d = setting(*routing, "default"); d && d->is_scalar()) {
    out.push_back({path, d->line(), "department", d->text(), "routing.default"});
  }
  if (const Value* rules = setting(*routing, "rules"); rules && rules->is_list()) {
    for (const auto& rule : rules->items()) {
      if (const Value* d = setting(rule, "department"); d && d->is_scalar()) {
        out.push_back({path, d->line(), "department", d->text(), "routing.rules: department"});
      }
    }
  }
}

// Users and departments named by crm.yaml's sla and escalation sections.
void policy_refs(const Store& store, std::vector<Reference>& out) {
  std::string path = store.shown(store.config_path());
  if (const Value* sla = setting(store.config().raw, "sla")) {
    if (const Value* d = setting(*sla, "department"); d && d->is_map()) {
      for (const auto& [name, targets] : d->fields()) {
        out.push_back({path, targets.line(), "department", name, "sla.department"});
      }
    }
  }
  const Value* escalation = setting(store.config().raw, "escalation");
  if (!escalation) {
    return;
  }
  auto chain_refs = [&](const Value& rule, const std::string& where) {
    if (const Value* chain = setting(rule, "chain"); chain && chain->is_list()) {
      for (const auto& step : chain->items()) {
        if (step.text().compare(0, 5, "user:") == 0) {
          out.push_back({path, step.line(), "user", step.text().substr(5), where + ".chain"});
        }
      }
    }
  };
  if (const Value* d = setting(*escalation, "default")) {
    chain_refs(*d, "escalation.default");
  }
  if (const Value* d = setting(*escalation, "department"); d && d->is_map()) {
    for (const auto& [name, rule] : d->fields()) {
      out.push_back({path, rule.line(), "department", name, "escalation.department"});
      chain_refs(rule, "escalation.department." + name);
    }
  }
}

}  // namespace

void refresh_cached_fields(const KindSpec& kind, Value& data) {
  const Value* history = data.find("history");
  if (&kind == &case_kind() || &kind == &feedback_kind()) {
    if (history && history->is_list()) {
      store_state(data, replay_case(*history));
    }
  } else if (&kind == &mission_kind()) {
    refresh_mission_state(data);
  } else if (&kind == &deal_kind()) {
    refresh_deal_state(data);
  }
}

std::vector<std::string> cached_field_names(const KindSpec& kind) {
  if (&kind == &case_kind() || &kind == &feedback_kind()) {
    return case_cached_field_names();
  }
  if (&kind == &mission_kind()) {
    return mission_cached_field_names();
  }
  if (&kind == &deal_kind()) {
    return deal_cached_field_names();
  }
  return {};
}

std::vector<Problem> consistency_problems(const KindSpec& kind, const Value& data, const std::string& shown_path) {
  if (&kind == &case_kind() || &kind == &feedback_kind()) {
    return case_consistency_problems(data, shown_path);
  }
  if (&kind == &mission_kind()) {
    return mission_consistency_problems(data, shown_path);
  }
  if (&kind == &deal_kind()) {
    return deal_consistency_problems(data, shown_path);
  }
  return {};
}

CheckReport check_crm(const Store& store) {
  CheckReport report;
  auto& problems = report.problems;
  if (!store.config_error().empty()) {
    problems.push_back(located_problem(store.shown(store.config_path()), store.config_error()));
  }
  auto config_issues = config_problems(store.config(), store.shown(store.config_path()));
  problems.insert(problems.end(), config_issues.begin(), config_issues.end());

  std::map<std::string, std::set<std::string>> ids;  // kind -> IDs present
  std::vector<Reference> refs;
  for (const KindSpec* kind : all_kinds()) {
    std::map<std::string, std::string> seen;  // id -> first path
    for (const auto& path : store.files(*kind)) {
      ++report.records;
      std::string shown = store.shown(path);
      std::string id = path.stem().string();
      if (!valid_file_id(*kind, id)) {
        problems.push_back({shown, 0, "file name is not a valid " + kind->name + " ID"});
        continue;
      }
      if (auto [it, fresh] = seen.emplace(id, shown); !fresh) {
        problems.push_back({shown, 0, "duplicate " + kind->name + " ID " + id + " (also in " + it->second + ")"});
      }
      if (store.path_of(*kind, id) != path) {
        problems.push_back({shown, 0, "misplaced: " + kind->name + " " + id + " belongs in " +
                                          store.shown(store.path_of(*kind, id))});
      }
      ids[kind->name].insert(id);
      Record record;
      try {
        record = store.read(*kind, path);
      } catch (const Error& e) {
        problems.push_back(located_problem(shown, e.what()));
        continue;
      }
      auto found = record_problems(*kind, record.data, store.config(), shown, id);
      problems.insert(problems.end(), found.begin(), found.end());
      if (!record.data.is_map()) {
        continue;
      }
      auto inconsistent = consistency_problems(*kind, record.data, shown);
      problems.insert(problems.end(), inconsistent.begin(), inconsistent.end());
      collect_refs(record.data, kind->fields, shown, refs, "");
      for (const auto& entry : record.history().items()) {
        if (entry.is_map()) {
          collect_refs(entry, kind->history_fields, shown, refs, "history: ");
        }
      }
    }
  }
  routing_refs(store, refs);
  policy_refs(store, refs);
  for (const auto& ref : refs) {
    auto bar = ref.kind.find('|');
    bool known = bar == std::string::npos
                     ? ids[ref.kind].count(ref.id) > 0
                     : ids[ref.kind.substr(0, bar)].count(ref.id) > 0 || ids[ref.kind.substr(bar + 1)].count(ref.id) > 0;
    if (!known) {
      std::string kinds = bar == std::string::npos ? ref.kind : ref.kind.substr(0, bar) + " or " + ref.kind.substr(bar + 1);
      problems.push_back({ref.path, ref.line, "'" + ref.field + "' refers to unknown " + kinds + " '" + ref.id + "'"});
    }
  }
  return report;
}

}  // namespace crm
