#include "sla.hpp"

#include "schema.hpp"
#include "suggest.hpp"

#include <algorithm>

namespace crm {
namespace {

const std::vector<std::string> k_sla_keys = {"default", "kind", "department", "priority", "sentiment"};
const std::vector<std::string> k_target_keys = {"calendar", "acknowledge", "update", "resolve", "warn_at"};

// Appends `found` to `out` in the order of their lines in crm.yaml, as `crm check` lists them.
void in_line_order(std::vector<Problem>& found, std::vector<Problem>& out) {
  std::stable_sort(found.begin(), found.end(), [](const Problem& a, const Problem& b) { return a.line < b.line; });
  out.insert(out.end(), found.begin(), found.end());
}

std::vector<std::string> names_of(const std::map<std::string, BusinessCalendar>& calendars) {
  std::vector<std::string> out;
  for (const auto& [name, c] : calendars) {
    out.push_back(name);
  }
  return out;
}

SlaTargets parse_targets(const Value& v, const std::string& where, const ConfigReader& reader,
                         const std::map<std::string, BusinessCalendar>& calendars) {
  reader.map(v, where);
  SlaTargets t;
  if (const Value* c = setting(v, "calendar")) {
    t.calendar = reader.scalar(*c, where + ".calendar");
    if (t.calendar != "24x7" && !calendars.count(t.calendar)) {
      reader.fail(*c, where + ".calendar: no calendar '" + t.calendar + "' in 'calendars'" +
                          did_you_mean(t.calendar, names_of(calendars)));
    }
  }
  auto span = [&](const char* key, std::optional<Duration>& into) {
    if (const Value* d = setting(v, key)) {
      std::string text = reader.scalar(*d, where + "." + key);
      into = parse_duration(text);
      if (!into) {
        reader.fail(*d, where + "." + key + ": '" + text + "' is not a duration like 4h, 2d, 30m or 1w");
      }
    }
  };
  span("acknowledge", t.acknowledge);
  span("update", t.update);
  span("resolve", t.resolve);
  if (const Value* w = setting(v, "warn_at")) {
    std::string text = reader.scalar(*w, where + ".warn_at");
    std::string digits = !text.empty() && text.back() == '%' ? text.substr(0, text.size() - 1) : text;
    bool numeric = !digits.empty() && digits.size() <= 3 && digits.find_first_not_of("0123456789") == std::string::npos;
    int percent = numeric ? std::stoi(digits) : -1;
    if (percent < 1 || percent > 99) {
      reader.fail(*w, where + ".warn_at: '" + text + "' is not a percentage between 1% and 99%");
    }
    t.warn_percent = percent;
  }
  return t;
}

}  // namespace

SlaTargets SlaTargets::overridden_by(const SlaTargets& over) const {
  SlaTargets out = *this;
  if (!over.calendar.empty()) {
    out.calendar = over.calendar;
  }
  if (over.acknowledge) {
    out.acknowledge = over.acknowledge;
  }
  if (over.update) {
    out.update = over.update;
  }
  if (over.resolve) {
    out.resolve = over.resolve;
  }
  if (over.warn_percent) {
    out.warn_percent = over.warn_percent;
  }
  return out;
}

SlaTargets SlaPolicy::targets_for(const std::string& priority, const std::string& department,
                                  const std::string& kind, const std::string& sentiment) const {
  SlaTargets t = defaults;
  for (const auto& [layer, key] : {std::pair{&by_kind, &kind}, {&by_department, &department},
                                   {&by_priority, &priority}, {&by_sentiment, &sentiment}}) {
    if (auto it = layer->find(*key); it != layer->end()) {
      t = t.overridden_by(it->second);
    }
  }
  return t;
}

SlaPolicy parse_sla(const Value& section, const ConfigReader& reader,
                    const std::map<std::string, BusinessCalendar>& calendars) {
  SlaPolicy policy;
  reader.map(section, "sla");
  if (const Value* d = setting(section, "default")) {
    policy.defaults = parse_targets(*d, "sla.default", reader, calendars);
  }
  // A layer keyed by one of `known` values.
  auto layer = [&](const char* key, const std::vector<std::string>& known, const std::string& what,
                   std::map<std::string, SlaTargets>& into) {
    const Value* l = setting(section, key);
    if (!l) {
      return;
    }
    std::string where = std::string("sla.") + key;
    reader.map(*l, where);
    for (const auto& [name, v] : l->fields()) {
      if (std::find(known.begin(), known.end(), name) == known.end()) {
        std::string all;
        for (const auto& k : known) {
          all += (all.empty() ? "" : ", ") + k;
        }
        reader.fail(v, where + ": '" + name + "' is not " + what + " (" + all + ")" + did_you_mean(name, known));
      }
      into[name] = parse_targets(v, where + "." + name, reader, calendars);
    }
  };
  layer("kind", {"case", "feedback"}, "a kind with service levels", policy.by_kind);
  layer("priority", case_priorities(), "a priority", policy.by_priority);
  layer("sentiment", feedback_sentiments(), "a sentiment", policy.by_sentiment);
  if (const Value* d = setting(section, "department")) {
    reader.map(*d, "sla.department");
    for (const auto& [name, v] : d->fields()) {
      policy.by_department[name] = parse_targets(v, "sla.department." + name, reader, calendars);
    }
  }
  return policy;
}

void sla_problems(const Value& section, const ConfigReader& reader, std::vector<Problem>& out) {
  std::vector<Problem> found;
  reader.unknown_keys(section, k_sla_keys, "sla.", found);
  if (const Value* d = setting(section, "default")) {
    reader.unknown_keys(*d, k_target_keys, "sla.default.", found);
  }
  for (const char* layer : {"kind", "department", "priority", "sentiment"}) {
    if (const Value* l = setting(section, layer); l && l->is_map()) {
      for (const auto& [name, v] : l->fields()) {
        reader.unknown_keys(v, k_target_keys, std::string("sla.") + layer + "." + name + ".", found);
      }
    }
  }
  in_line_order(found, out);
}

namespace {

const std::vector<std::string> k_escalation_keys = {"default", "department"};
const std::vector<std::string> k_rule_keys = {"chain", "every"};

EscalationRule parse_rule(const Value& v, const std::string& where, const ConfigReader& reader,
                          EscalationRule rule) {
  reader.map(v, where);
  if (const Value* chain = setting(v, "chain")) {
    rule.chain = reader.list(*chain, where + ".chain");
    for (std::size_t i = 0; i < rule.chain.size(); ++i) {
      const std::string& step = rule.chain[i];
      if (step.empty() || step == "user:" || step == "role:") {
        reader.fail(chain->items()[i], where + ".chain: '" + step + "' names nobody");
      }
    }
  }
  if (const Value* every = setting(v, "every")) {
    std::string text = reader.scalar(*every, where + ".every");
    auto d = parse_duration(text);
    if (!d || d->wall_seconds() <= 0) {
      reader.fail(*every, where + ".every: '" + text + "' is not a duration like 4h or 1d");
    }
    rule.every = *d;
  }
  return rule;
}

}  // namespace

const EscalationRule& EscalationPolicy::rule_for(const std::string& department) const {
  auto it = by_department.find(department);
  return it == by_department.end() ? defaults : it->second;
}

EscalationPolicy parse_escalation(const Value& section, const ConfigReader& reader) {
  EscalationPolicy policy;
  reader.map(section, "escalation");
  if (const Value* d = setting(section, "default")) {
    policy.defaults = parse_rule(*d, "escalation.default", reader, policy.defaults);
  }
  if (const Value* d = setting(section, "department")) {
    reader.map(*d, "escalation.department");
    for (const auto& [name, v] : d->fields()) {
      policy.by_department[name] = parse_rule(v, "escalation.department." + name, reader, policy.defaults);
    }
  }
  return policy;
}

void escalation_problems(const Value& section, const ConfigReader& reader, std::vector<Problem>& out) {
  std::vector<Problem> found;
  reader.unknown_keys(section, k_escalation_keys, "escalation.", found);
  if (const Value* d = setting(section, "default")) {
    reader.unknown_keys(*d, k_rule_keys, "escalation.default.", found);
  }
  if (const Value* d = setting(section, "department"); d && d->is_map()) {
    for (const auto& [name, v] : d->fields()) {
      reader.unknown_keys(v, k_rule_keys, "escalation.department." + name + ".", found);
    }
  }
  in_line_order(found, out);
}

}  // namespace crm
