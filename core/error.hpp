#pragma once

#include "exit_status.hpp"

#include <stdexcept>
#include <string>

namespace crm {

// The one exception type core/ throws for anything the user should see.
// `main` prints "crm: error: <what>" and exits with `status`.
class Error : public std::runtime_error {
 public:
  Error(ExitStatus status, const std::string& message)
      : std::runtime_error(message), m_status(status) {}
  ExitStatus status() const { return m_status; }

 private:
  ExitStatus m_status;
};

inline Error usage_error(const std::string& message) { return Error(k_exit_usage, message); }
inline Error data_error(const std::string& message) { return Error(k_exit_data, message); }
inline Error not_found_error(const std::string& message) { return Error(k_exit_not_found, message); }
inline Error system_error(const std::string& message) { return Error(k_exit_system, message); }

}  // namespace crm
