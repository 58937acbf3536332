#pragma once

#include "value.hpp"

#include <string>

namespace crm {

// Parses one YAML document. `origin` names the source in error messages,
// which read "ORIGIN:LINE:COL: what is wrong" (exit status: data error).
// Every scalar becomes a String remembering whether it was written plain.
Value parse_yaml(const std::string& text, const std::string& origin);

// Block-style YAML for `v`, fields in their stored order, LF line ends and a
// trailing newline. Strings are quoted wherever YAML could misread them.
std::string emit_yaml(const Value& v);

// True when `s` written plain would not read back as the string `s`
// (a number, bool, null, date, or text with YAML syntax in it).
bool needs_quotes(const std::string& s);

}  // namespace crm
