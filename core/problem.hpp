#pragma once

#include <string>

namespace crm {

// One thing wrong with a file, as reported by `crm check`.
struct Problem {
  std::string path;
  int line = 0;  // 0 when the problem is about the whole file
  std::string message;

  // "PATH:LINE: message" (or "PATH: message"; just the message when it
  // already names its place, as parse errors do).
  std::string text() const {
    if (path.empty()) {
      return message;
    }
    return path + (line > 0 ? ":" + std::to_string(line) : "") + ": " + message;
  }
};

}  // namespace crm
