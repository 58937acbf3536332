// crm with fault injection, for the crash and full-disk tests; never installed.
// CRM_FAULT=step:N kills the process (SIGKILL) at the N-th step of its
// durable writes (files.hpp's WriteStep); CRM_FAULT=enospc:N makes the N-th
// file write (writing or fsyncing a temporary file) fail with ENOSPC;
// CRM_FAULT=stop:N stops the process (SIGSTOP) at the N-th step, holding the
// lock mid-write, for a test to look at and kill.
// Without CRM_FAULT it is plain crm. Exits 99 on an unreadable CRM_FAULT.

#include "app.hpp"
#include "files.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

namespace {

enum class FaultMode { Crash, NoSpace, Stop };

FaultMode g_mode = FaultMode::Crash;
long g_target = 0;  // the step (or write) to fail, counting from 1
long g_seen = 0;

int inject_fault(crm::WriteStep step, const crm::fs::path& /*path*/) {
  if (g_mode == FaultMode::NoSpace) {
    bool is_write = step == crm::WriteStep::WriteTemp || step == crm::WriteStep::SyncTemp;
    return is_write && ++g_seen == g_target ? ENOSPC : 0;
  }
  if (++g_seen == g_target) {
    // As a power cut would: no cleanup, no destructors.
    ::kill(::getpid(), g_mode == FaultMode::Stop ? SIGSTOP : SIGKILL);
  }
  return 0;
}

bool install_fault(const std::string& spec) {
  auto colon = spec.find(':');
  if (colon == std::string::npos) {
    return false;
  }
  std::string mode = spec.substr(0, colon);
  char* end = nullptr;
  g_target = std::strtol(spec.c_str() + colon + 1, &end, 10);
  if (*end != '\0' || g_target < 1 || (mode != "step" && mode != "enospc" && mode != "stop")) {
    return false;
  }
  g_mode = mode == "step" ? FaultMode::Crash : mode == "stop" ? FaultMode::Stop : FaultMode::NoSpace;
  crm::g_write_fault_hook = inject_fault;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (const char* spec = std::getenv("CRM_FAULT"); spec != nullptr && *spec != '\0') {
    if (!install_fault(spec)) {
      std::cerr << "crm_faulty: CRM_FAULT must be step:N, enospc:N or stop:N (N >= 1), not '" << spec << "'\n";
      return 99;
    }
  }
  return crm::cli::run(argc, argv);
}
