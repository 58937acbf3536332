#include "routing.hpp"

#include "schema.hpp"
#include "suggest.hpp"

#include <algorithm>
#include <cctype>

namespace crm {
namespace {

const std::vector<std::string> k_routing_keys = {"default", "rules"};
const std::vector<std::string> k_rule_keys = {"department", "contact_kinds", "tags",      "words",
                                              "applies_to", "sources",       "topics",    "sentiments"};
const std::vector<std::string> k_routed_kinds = {"case", "feedback"};

std::string lower(std::string s) {
  for (auto& c : s) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return s;
}

bool any_in(const std::vector<std::string>& wanted, const std::vector<std::string>& have) {
  return std::any_of(wanted.begin(), wanted.end(),
                     [&](const std::string& w) { return std::find(have.begin(), have.end(), w) != have.end(); });
}

bool word_matches(const std::string& pattern, const std::vector<std::string>& words) {
  std::string p = lower(pattern);
  bool prefix = !p.empty() && p.back() == '*';
  if (prefix) {
    p.pop_back();
  }
  return std::any_of(words.begin(), words.end(),
                     [&](const std::string& w) { return prefix ? w.compare(0, p.size(), p) == 0 : w == p; });
}

}  // namespace

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out;
  std::string word;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      word += static_cast<char>(std::tolower(u));
    } else if (!word.empty()) {
      out.push_back(word);
      word.clear();
    }
  }
  if (!word.empty()) {
    out.push_back(word);
  }
  return out;
}

Routing parse_routing(const Value& section, const ConfigReader& reader) {
  Routing routing;
  reader.map(section, "routing");
  if (const Value* d = setting(section, "default")) {
    routing.default_department = reader.scalar(*d, "routing.default");
  }
  const Value* rules = setting(section, "rules");
  if (!rules) {
    return routing;
  }
  if (!rules->is_list()) {
    reader.fail(*rules, "'routing.rules' must be a list of rules, each '- department: D' with criteria");
  }
  for (const auto& item : rules->items()) {
    reader.map(item, "routing.rules entry");
    RoutingRule rule;
    rule.line = item.line();
    const Value* department = setting(item, "department");
    if (!department) {
      reader.fail(item, "a routing rule needs a 'department'");
    }
    rule.department = reader.scalar(*department, "department");
    if (rule.department.empty()) {
      reader.fail(*department, "a routing rule's 'department' must name a department");
    }
    if (const Value* v = setting(item, "contact_kinds")) {
      rule.contact_kinds = reader.list(*v, "contact_kinds", true);
    }
    if (const Value* v = setting(item, "tags")) {
      rule.tags = reader.list(*v, "tags", true);
    }
    if (const Value* v = setting(item, "words")) {
      rule.words = reader.list(*v, "words", true);
    }
    // Criteria with a fixed set of values: each value must be one of them.
    auto choices = [&](const char* key, const std::vector<std::string>& allowed, std::vector<std::string>& into) {
      if (const Value* v = setting(item, key)) {
        into = reader.list(*v, key, true);
        for (const auto& value : into) {
          if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
            reader.fail(*v, std::string(key) + ": '" + value + "' is not one of " + [&] {
              std::string all;
              for (const auto& a : allowed) {
                all += (all.empty() ? "" : ", ") + a;
              }
              return all;
            }() + did_you_mean(value, allowed));
          }
        }
      }
    };
    choices("applies_to", k_routed_kinds, rule.applies_to);
    choices("sources", feedback_sources(), rule.sources);
    choices("sentiments", feedback_sentiments(), rule.sentiments);
    if (const Value* v = setting(item, "topics")) {
      rule.topics = reader.list(*v, "topics", true);
    }
    if (rule.contact_kinds.empty() && rule.tags.empty() && rule.words.empty() && rule.applies_to.empty() &&
        rule.sources.empty() && rule.topics.empty() && rule.sentiments.empty()) {
      reader.fail(item, "a routing rule needs at least one of contact_kinds, tags, words, applies_to, sources, "
                        "topics or sentiments (use 'routing.default' for everything else)");
    }
    routing.rules.push_back(rule);
  }
  return routing;
}

void routing_problems(const Value& section, const ConfigReader& reader, std::vector<Problem>& out) {
  reader.unknown_keys(section, k_routing_keys, "routing.", out);
  if (const Value* rules = setting(section, "rules"); rules && rules->is_list()) {
    for (const auto& item : rules->items()) {
      reader.unknown_keys(item, k_rule_keys, "routing.rules: ", out);
    }
  }
}

std::optional<RouteChoice> route(const Routing& routing, const RoutingSubject& subject) {
  std::vector<std::string> title_words = words_of(subject.title);
  for (std::size_t i = 0; i < routing.rules.size(); ++i) {
    const RoutingRule& rule = routing.rules[i];
    bool kind_ok = rule.contact_kinds.empty() ||
                   std::find(rule.contact_kinds.begin(), rule.contact_kinds.end(), subject.contact_kind) !=
                       rule.contact_kinds.end();
    bool tags_ok = rule.tags.empty() || any_in(rule.tags, subject.tags);
    bool words_ok = rule.words.empty() || std::any_of(rule.words.begin(), rule.words.end(), [&](const std::string& w) {
                      return word_matches(w, title_words);
                    });
    bool applies = rule.applies_to.empty() || any_in(rule.applies_to, {subject.record});
    bool source_ok = rule.sources.empty() || any_in(rule.sources, {subject.source});
    bool topic_ok = rule.topics.empty() || any_in(rule.topics, subject.topics);
    bool sentiment_ok = rule.sentiments.empty() || any_in(rule.sentiments, {subject.sentiment});
    if (kind_ok && tags_ok && words_ok && applies && source_ok && topic_ok && sentiment_ok) {
      return RouteChoice{rule.department, "routing rule " + std::to_string(i + 1) + " (crm.yaml line " +
                                              std::to_string(rule.line) + ")"};
    }
  }
  if (!routing.default_department.empty()) {
    return RouteChoice{routing.default_department, "routing default"};
  }
  return std::nullopt;
}

}  // namespace crm
