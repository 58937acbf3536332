#pragma once

#include "value.hpp"

#include <string>

namespace crm {

// JSON text for `v`: pretty-printed with two-space indentation when `pretty`,
// else on one line. Invalid UTF-8 bytes become U+FFFD.
std::string to_json(const Value& v, bool pretty = true);

}  // namespace crm
