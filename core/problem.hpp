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

// The problem an error message "PATH:LINE:COL: message" (as parse errors
// read) describes; the whole text as the message when it does not start with `path`.
Problem located_problem(const std::string& path, const std::string& what);

}  // namespace crm
