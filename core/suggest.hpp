#pragma once

#include <string>
#include <vector>

namespace crm {

// " (did you mean 'x'?)" when one of `candidates` is a close spelling of
// `input`, else "". For appending to "unknown ..." messages.
std::string did_you_mean(const std::string& input, const std::vector<std::string>& candidates);

// "a, b, c": `items` for a message.
std::string comma_list(const std::vector<std::string>& items);

}  // namespace crm
