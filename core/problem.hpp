#pragma once

#include <string>

namespace crm {

// One thing wrong with a file, as reported by `crm check`.
struct Problem {
  std::string path;
  int line = 0;  // 0 when the problem is about the whole file
  std::string message;
  int column = 0;  // 0 when unknown

  // "PATH:LINE: message", "PATH:LINE:COL: message" or "PATH: message"
  // (just the message when there is no path).
  std::string text() const {
    if (path.empty()) {
      return message;
    }
    return path + (line > 0 ? ":" + std::to_string(line) : "") + (column > 0 ? ":" + std::to_string(column) : "") +
           ": " + message;
  }
};

}  // namespace crm
