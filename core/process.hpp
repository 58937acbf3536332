#pragma once

#include "files.hpp"

#include <string>
#include <vector>

namespace crm {

struct ProcessResult {
  int status = -1;  // exit status, or 128+signal when killed; -1 if it could not start
  std::string out;
  std::string err;
  bool timed_out = false;  // killed after the time limit
};

// Runs `argv` (looked up on PATH) in `cwd`, feeding it `input` on stdin and
// collecting its output. `env` adjusts the inherited environment: "NAME=value"
// sets a variable, a bare "NAME" removes it. A positive `timeout_ms` kills the
// program when it runs longer. Never throws for a failing program.
ProcessResult run_process(const std::vector<std::string>& argv, const fs::path& cwd, const std::string& input = "",
                          const std::vector<std::string>& env = {}, int timeout_ms = 0);

// Runs `argv` (looked up on PATH) with this process's stdin, stdout and
// stderr, as system(3) does: Ctrl-C and Ctrl-\ go to the program while it
// runs. For programs the user works in (an editor, man). Returns the exit
// status, 128+signal when killed, or -1 when it could not be started.
int run_attached(const std::vector<std::string>& argv);

}  // namespace crm
