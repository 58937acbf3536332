#pragma once

// Points TMPDIR at /dev/shm (a tmpfs) while it lives, so that a Sandbox made
// meanwhile lives there. For tests that run crm thousands of times and test
// what a kill or a race does, not a power cut: fsync, which dominates their
// time on a disk, costs nothing on a tmpfs.

#include "harness.hpp"

#include <unistd.h>

#include <cstdlib>
#include <memory>
#include <string>

namespace e2e {

class TmpdirOnTmpfs {
 public:
  TmpdirOnTmpfs() {
    const char* old = std::getenv("TMPDIR");
    m_had = old != nullptr;
    m_old = old ? old : "";
    if (::access("/dev/shm", W_OK) == 0) {
      ::setenv("TMPDIR", "/dev/shm", 1);
    }
  }
  ~TmpdirOnTmpfs() { m_had ? ::setenv("TMPDIR", m_old.c_str(), 1) : ::unsetenv("TMPDIR"); }
  TmpdirOnTmpfs(const TmpdirOnTmpfs&) = delete;
  TmpdirOnTmpfs& operator=(const TmpdirOnTmpfs&) = delete;

 private:
  bool m_had = false;
  std::string m_old;
};

// A Sandbox on a tmpfs when there is one.
inline std::unique_ptr<Sandbox> sandbox_on_tmpfs() {
  TmpdirOnTmpfs tmpdir;
  return std::make_unique<Sandbox>();
}

}  // namespace e2e
