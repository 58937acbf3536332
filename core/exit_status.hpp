#pragma once

// Exit statuses of `crm`, documented in README.md and crm(1).
namespace crm {

enum ExitStatus : int {
  k_exit_ok = 0,
  k_exit_found = 1,      // a check or query found something (when asked to say so)
  k_exit_usage = 2,      // bad arguments or an illegal request
  k_exit_data = 3,       // a malformed record or configuration
  k_exit_not_found = 4,  // unknown or ambiguous ID / name
  k_exit_system = 5,     // I/O failure, lock timeout, failing external program
};

}  // namespace crm
