#include "config_reader.hpp"

#include "error.hpp"
#include "suggest.hpp"

#include <algorithm>

namespace crm {

void ConfigReader::fail(const Value& at, const std::string& message) const {
  throw data_error(m_origin + ":" + std::to_string(at.line()) + ": " + message);
}

std::string ConfigReader::scalar(const Value& v, const std::string& key) const {
  if (!v.is_scalar()) {
    fail(v, "'" + key + "' must be a single value");
  }
  return v.text();
}

std::vector<std::string> ConfigReader::list(const Value& v, const std::string& key, bool allow_single) const {
  if (allow_single && v.is_scalar()) {
    return {v.text()};
  }
  if (!v.is_list()) {
    fail(v, "'" + key + "' must be a list, e.g. [a, b]");
  }
  std::vector<std::string> out;
  for (const auto& item : v.items()) {
    out.push_back(scalar(item, key));
  }
  if (out.empty()) {
    fail(v, "'" + key + "' must not be empty");
  }
  return out;
}

const Value& ConfigReader::map(const Value& v, const std::string& key) const {
  if (!v.is_map()) {
    fail(v, "'" + key + "' must be a mapping (key: value)");
  }
  return v;
}

void ConfigReader::unknown_keys(const Value& map, const std::vector<std::string>& known, const std::string& where,
                                std::vector<Problem>& out) const {
  if (!map.is_map()) {
    return;
  }
  for (const auto& [key, v] : map.fields()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      out.push_back({m_origin, v.line(), "unknown key '" + where + key + "'" + did_you_mean(key, known)});
    }
  }
}

const Value* setting(const Value& map, const std::string& key) {
  const Value* v = map.find(key);
  return v && !v->is_null() ? v : nullptr;
}

}  // namespace crm
