#include "process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>

extern char** environ;

namespace crm {
namespace {

struct Pipe {
  int fd[2] = {-1, -1};
  bool open() { return ::pipe2(fd, O_CLOEXEC) == 0; }
  void close_end(int i) {
    if (fd[i] >= 0) {
      ::close(fd[i]);
      fd[i] = -1;
    }
  }
  ~Pipe() {
    close_end(0);
    close_end(1);
  }
};

}  // namespace

namespace {

// The inherited environment with `changes` applied.
std::vector<std::string> environment_with(const std::vector<std::string>& changes) {
  std::vector<std::string> out;
  auto name_of = [](const std::string& entry) { return entry.substr(0, entry.find('=')); };
  for (char** e = environ; *e; ++e) {
    std::string entry = *e;
    bool replaced = false;
    for (const auto& c : changes) {
      replaced = replaced || name_of(c) == name_of(entry);
    }
    if (!replaced) {
      out.push_back(entry);
    }
  }
  for (const auto& c : changes) {
    if (c.find('=') != std::string::npos) {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, const fs::path& cwd, const std::string& input,
                          const std::vector<std::string>& env, int timeout_ms) {
  ProcessResult result;
  Pipe in, out, err;
  if (argv.empty() || !in.open() || !out.open() || !err.open()) {
    return result;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in.fd[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out.fd[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err.fd[1], 2);

  // posix_spawn has no portable chdir action in glibc 2.36's C++ headers,
  // so the child runs through `sh -c 'cd DIR && exec "$@"'`.
  std::vector<std::string> full = {"/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", cwd.empty() ? "." : cwd.string()};
  full.insert(full.end(), argv.begin(), argv.end());
  std::vector<char*> args;
  for (auto& a : full) {
    args.push_back(a.data());
  }
  args.push_back(nullptr);

  std::vector<std::string> env_strings = environment_with(env);
  std::vector<char*> envp;
  for (auto& e : env_strings) {
    envp.push_back(e.data());
  }
  envp.push_back(nullptr);

  // Its own process group, so that a timeout kills whatever it started too.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attributes, 0);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, "/bin/sh", &actions, &attributes, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  in.close_end(0);
  out.close_end(1);
  err.close_end(1);
  if (rc != 0) {
    return result;
  }

  // Feed stdin and drain stdout/stderr together so no pipe fills up.
  std::size_t written = 0;
  if (input.empty()) {
    in.close_end(1);
  }
  // A child that exits without reading its input must not kill us.
  auto old_sigpipe = ::signal(SIGPIPE, SIG_IGN);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  char buf[65536];
  while (out.fd[0] >= 0 || err.fd[0] >= 0) {
    pollfd fds[3];
    int n = 0;
    int idx_in = -1, idx_out = -1, idx_err = -1;
    if (in.fd[1] >= 0) {
      fds[n] = {in.fd[1], POLLOUT, 0};
      idx_in = n++;
    }
    if (out.fd[0] >= 0) {
      fds[n] = {out.fd[0], POLLIN, 0};
      idx_out = n++;
    }
    if (err.fd[0] >= 0) {
      fds[n] = {err.fd[0], POLLIN, 0};
      idx_err = n++;
    }
    int wait_ms = -1;
    if (timeout_ms > 0) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) {
        ::kill(-pid, SIGKILL);
        result.timed_out = true;
        break;
      }
      wait_ms = static_cast<int>(left.count());
    }
    if (::poll(fds, static_cast<nfds_t>(n), wait_ms) < 0) {
      if (errno == EINTR) {
        continue;
      }
      break;
    }
    if (idx_in >= 0 && fds[idx_in].revents) {
      ssize_t w = ::write(in.fd[1], input.data() + written, input.size() - written);
      if (w > 0) {
        written += static_cast<std::size_t>(w);
      }
      if (w < 0 || written == input.size()) {
        in.close_end(1);
      }
    }
    auto drain = [&](int idx, Pipe& p, std::string& sink) {
      if (idx >= 0 && fds[idx].revents) {
        ssize_t r = ::read(p.fd[0], buf, sizeof buf);
        if (r > 0) {
          sink.append(buf, static_cast<std::size_t>(r));
        } else if (r == 0 || errno != EINTR) {
          p.close_end(0);
        }
      }
    };
    drain(idx_out, out, result.out);
    drain(idx_err, err, result.err);
  }
  in.close_end(1);
  ::signal(SIGPIPE, old_sigpipe);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

}  // namespace crm

namespace crm {

int run_attached(const std::vector<std::string>& args) {
  std::vector<std::string> copy = args;
  std::vector<char*> argv;
  for (auto& a : copy) {
    argv.push_back(a.data());
  }
  argv.push_back(nullptr);
  // As system(3) does: Ctrl-C and Ctrl-\ belong to the program while it runs.
  struct sigaction ignore = {};
  struct sigaction old_int = {};
  struct sigaction old_quit = {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  ::sigaction(SIGINT, &ignore, &old_int);
  ::sigaction(SIGQUIT, &ignore, &old_quit);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGINT);
  sigaddset(&defaults, SIGQUIT);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF);
  pid_t pid = -1;
  int rc = ::posix_spawnp(&pid, argv[0], nullptr, &attributes, argv.data(), environ);
  posix_spawnattr_destroy(&attributes);
  int status = 0;
  if (rc == 0) {
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  ::sigaction(SIGINT, &old_int, nullptr);
  ::sigaction(SIGQUIT, &old_quit, nullptr);
  if (rc != 0) {
    return -1;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace crm
