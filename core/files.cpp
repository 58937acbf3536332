#include "files.hpp"

#include "error.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

namespace crm {

WriteFaultHook g_write_fault_hook = nullptr;

namespace {

std::string errno_text() { return std::strerror(errno); }

void write_all(int fd, const std::string& data, const fs::path& path) {
  const char* p = data.data();
  std::size_t left = data.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      throw system_error("cannot write " + path.string() + ": " + errno_text());
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
}

// Lets the fault hook fail or stop a durable write's step; throws the error it asks for.
void fault_point(bool durable, WriteStep step, const fs::path& path, const std::string& what) {
  if (!durable || g_write_fault_hook == nullptr) {
    return;
  }
  if (int err = g_write_fault_hook(step, path); err != 0) {
    throw system_error(what + ": " + std::strerror(err));
  }
}

std::string random_suffix() {
  static std::mt19937_64 rng{std::random_device{}()};
  return std::to_string(::getpid()) + "." + std::to_string(rng() % 1000000);
}

}  // namespace

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw system_error("cannot read " + path.string() + ": " + errno_text());
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

fs::path write_temp_file(const fs::path& path, const std::string& contents, Durability durability) {
  bool durable = durability == Durability::Durable;
  std::string what = "cannot write " + path.string();
  fs::path dir = path.parent_path();
  if (!dir.empty()) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
      throw system_error("cannot create " + dir.string() + ": " + ec.message());
    }
  }
  fs::path tmp = dir / ("." + path.filename().string() + ".tmp." + random_suffix());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    throw system_error(what + ": " + errno_text());
  }
  try {
    fault_point(durable, WriteStep::WriteTemp, path, what);
    write_all(fd, contents, path);
    fault_point(durable, WriteStep::SyncTemp, path, what);
    if (durable && ::fsync(fd) != 0) {
      throw system_error(what + ": " + errno_text());
    }
  } catch (...) {
    ::close(fd);
    ::unlink(tmp.c_str());
    throw;
  }
  if (::close(fd) != 0) {
    std::string why = errno_text();
    ::unlink(tmp.c_str());
    throw system_error(what + ": " + why);
  }
  return tmp;
}

namespace {

void rename_or_throw(const fs::path& temp, const fs::path& path, bool durable) {
  std::string what = "cannot write " + path.string();
  fault_point(durable, WriteStep::Rename, path, what);
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    throw system_error(what + ": " + errno_text());
  }
}

}  // namespace

void rename_into_place(const fs::path& temp, const fs::path& path) { rename_or_throw(temp, path, true); }

void sync_folder(const fs::path& folder) {
  // Like the fsync below, a failure here changes nothing: the entries are in place.
  if (g_write_fault_hook != nullptr) {
    g_write_fault_hook(WriteStep::SyncFolder, folder);
  }
  int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

void write_file_atomic(const fs::path& path, const std::string& contents, Durability durability) {
  fs::path tmp = write_temp_file(path, contents, durability);
  try {
    rename_or_throw(tmp, path, durability == Durability::Durable);
  } catch (...) {
    ::unlink(tmp.c_str());
    throw;
  }
  if (durability == Durability::Durable) {
    sync_folder(path.parent_path());
  }
}

FileLock::FileLock(const fs::path& path, int timeout_ms) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (m_fd < 0) {
    throw system_error("cannot open lock file " + path.string() + ": " + errno_text());
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      std::string why = errno_text();
      ::close(m_fd);
      throw system_error("cannot lock " + path.string() + ": " + why);
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      std::string holder;
      std::ifstream in(path);
      std::getline(in, holder);
      ::close(m_fd);
      throw system_error("another crm process" + (holder.empty() ? "" : " (pid " + holder + ")") +
                         " is still writing to this CRM; gave up after " + std::to_string(timeout_ms) +
                         " ms (set CRM_LOCK_TIMEOUT to wait longer; if it hangs, stop it: its lock goes with it)");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  // Record who holds it, for the message above. Informational only.
  std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(m_fd, 0) == 0) {
    ssize_t ignored = ::pwrite(m_fd, pid.data(), pid.size(), 0);
    (void)ignored;
  }
}

void FileLock::release() {
  if (m_fd >= 0) {
    ::flock(m_fd, LOCK_UN);
    ::close(m_fd);
    m_fd = -1;
  }
}

FileLock::~FileLock() { release(); }

}  // namespace crm
