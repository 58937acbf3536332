#pragma once

#include "problem.hpp"
#include "value.hpp"

#include <string>
#include <vector>

namespace crm {

// Helpers for reading one section of crm.yaml: every failure is a data error
// "ORIGIN:LINE: message" pointing at the offending value.
class ConfigReader {
 public:
  explicit ConfigReader(std::string origin) : m_origin(std::move(origin)) {}
  const std::string& origin() const { return m_origin; }

  [[noreturn]] void fail(const Value& at, const std::string& message) const;
  std::string scalar(const Value& v, const std::string& key) const;
  // A list of scalars; with `allow_single`, a lone scalar counts as a list of one.
  std::vector<std::string> list(const Value& v, const std::string& key, bool allow_single = false) const;
  // Throws unless `v` is a mapping.
  const Value& map(const Value& v, const std::string& key) const;

  // Adds a problem for each key of `map` not in `known` (with a suggestion).
  void unknown_keys(const Value& map, const std::vector<std::string>& known, const std::string& where,
                    std::vector<Problem>& out) const;

 private:
  std::string m_origin;
};

// The value of `key` in `map`, or nullptr when absent or null.
const Value* setting(const Value& map, const std::string& key);

}  // namespace crm
