// Concurrency (issue 11): many crm processes writing to one CRM at once, the
// same case included, lose nothing; a writer that waits too long for the lock
// names its holder; a holder killed mid-write (kill -9) frees the lock at once
// and the next crm completes its write.
#include "harness.hpp"
#include "tmpfs_tmpdir.hpp"

#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <map>
#include <set>
#include <thread>

using namespace e2e;
using V = std::vector<std::string>;

namespace {

#if defined(__SANITIZE_ADDRESS__)
// A sanitized crm starts ten times slower: fewer writes keep the test within its time.
constexpr int k_writes_per_process = 40;
#else
constexpr int k_writes_per_process = 200;
#endif
constexpr int k_processes = 8;

// The mixed write number `w` of process `p`, tagged so that it can be found afterwards.
V mixed_write(int p, int w, const std::string& contact, const std::string& case_id) {
  std::string tag = "p" + std::to_string(p) + "w" + std::to_string(w);
  switch (w % 4) {
    case 0:
      return {"log-call", "--contact", contact, "--summary", tag};
    case 1:
      return {"case", "note", case_id, "--note", tag};
    case 2:
      return {"contact", "add", "--name", tag};
    default:
      return {"case", "open", "--contact", contact, "--title", tag, "--department", "water"};
  }
}

// How often each tag appears in the records of `folder` (on `field:` lines).
std::map<std::string, int> tags_in(const Sandbox& s, const std::string& folder, const std::string& field) {
  std::map<std::string, int> seen;
  for (const auto& file : s.files_in(folder)) {
    for (const auto& line : lines(s.read(file))) {
      auto at = line.find(field + ": p");
      if (at != std::string::npos) {
        ++seen[line.substr(at + field.size() + 2)];
      }
    }
  }
  return seen;
}

// Starts crm_faulty in `dir` with `env` and `args`, not waiting for it.
pid_t start_faulty(const fs::path& dir, const V& env, const V& args) {
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    if (::chdir(dir.c_str()) != 0) {
      ::_exit(127);
    }
    for (const auto& e : env) {
      auto eq = e.find('=');
      ::setenv(e.substr(0, eq).c_str(), e.substr(eq + 1).c_str(), 1);
    }
    std::vector<std::string> all = {CRM_FAULTY_BINARY};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) {
      argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  return pid;
}

}  // namespace

TEST_CASE("eight processes writing at once to one CRM and one case lose no write") {
  auto sandbox = sandbox_on_tmpfs();  // races, not power cuts: fsync would only slow it down
  Sandbox& s = *sandbox;
  s.init_with_people();
  s.set_env("CRM_USER=olivia");
  s.set_env("CRM_LOCK_TIMEOUT=60s");
  std::string contact = s.ok({"contact", "add", "--name", "Anna Berg"});
  std::string case_id = lines(s.ok({"log-call", "--contact", contact, "--summary", "Leak", "--open-case",
                                    "--department", "water", "--handler", "raquel"}))
                            .back();
  auto started = std::chrono::steady_clock::now();
  std::vector<std::vector<Result>> results(k_processes);
  std::vector<std::thread> writers;
  for (int p = 0; p < k_processes; ++p) {
    writers.emplace_back([&, p] {
      for (int w = 0; w < k_writes_per_process; ++w) {
        results[p].push_back(s.run(mixed_write(p, w, contact, case_id)));
      }
    });
  }
  for (auto& t : writers) {
    t.join();
  }
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  int writes = k_processes * k_writes_per_process;
  MESSAGE(writes << " concurrent writes in " << seconds << " s");
  for (int p = 0; p < k_processes; ++p) {
    for (int w = 0; w < k_writes_per_process; ++w) {
      const Result& r = results[p][w];
      INFO("write " << w << " of process " << p << ": " << r.err);
      CHECK(r.status == 0);
    }
  }

  // Every write is there exactly once.
  std::map<std::string, int> summaries = tags_in(s, "calls", "summary");
  std::map<std::string, int> notes = tags_in(s, "cases", "note");
  std::map<std::string, int> names = tags_in(s, "contacts", "name");
  std::map<std::string, int> titles = tags_in(s, "cases", "title");
  for (int p = 0; p < k_processes; ++p) {
    for (int w = 0; w < k_writes_per_process; ++w) {
      std::string tag = "p" + std::to_string(p) + "w" + std::to_string(w);
      auto& found = w % 4 == 0 ? summaries : w % 4 == 1 ? notes : w % 4 == 2 ? names : titles;
      INFO("write " << tag);
      CHECK(found[tag] == 1);
    }
  }
  int per_kind = k_processes * k_writes_per_process / 4;
  CHECK(s.files_in("calls").size() == std::size_t(1 + per_kind));
  CHECK(s.files_in("contacts").size() == std::size_t(1 + per_kind));
  CHECK(s.files_in("cases").size() == std::size_t(1 + per_kind));
  CHECK(notes.size() == std::size_t(per_kind));  // all on the one case
  Result check = s.run({"check"});
  INFO(check.out << check.err);
  CHECK(check.status == 0);
}

TEST_CASE("a writer killed while it holds the lock mid-write frees it at once and the next crm completes the write") {
  Sandbox s;
  s.init_with_people();
  s.set_env("CRM_USER=olivia");
  std::string contact = s.ok({"contact", "add", "--name", "Anna Berg"});
  std::string case_id = lines(s.ok({"log-call", "--contact", contact, "--summary", "Leak", "--open-case",
                                    "--department", "water"}))
                            .back();
  // `case forward` writes the case and raquel's notification together: 16
  // steps, the 12th renaming the notification after the case, the journal written.
  pid_t holder = start_faulty(s.crm_dir(),
                              {"CRM_NOW=2026-11-23T09:00:00Z", "TZ=UTC", "HOME=" + s.root().string(),
                               "CRM_NO_COMMIT=1", "CRM_USER=olivia", "CRM_FAULT=stop:12"},
                              {"case", "forward", case_id, "--to", "raquel"});
  int status = 0;
  REQUIRE(::waitpid(holder, &status, WUNTRACED) == holder);
  REQUIRE(WIFSTOPPED(status));

  // Another writer waits, then names the holder and what to do.
  Result waited = s.fails(5, {"contact", "add", "--name", "Bob Evans"}, {"CRM_LOCK_TIMEOUT=1s"});
  CHECK(waited.err.find("(pid " + std::to_string(holder) + ")") != std::string::npos);
  CHECK(waited.err.find("set CRM_LOCK_TIMEOUT to wait longer") != std::string::npos);
  CHECK(waited.err.find("if it hangs, stop it") != std::string::npos);
  CHECK(s.exists(".crm/journal"));

  ::kill(holder, SIGKILL);
  REQUIRE(::waitpid(holder, &status, 0) == holder);
  CHECK(WIFSIGNALED(status));

  // The lock died with its holder: a writer willing to wait only 1 s gets it.
  Result next = s.run_env({"CRM_LOCK_TIMEOUT=1s"}, {"contact", "add", "--name", "Bob Evans"});
  INFO(next.err);
  CHECK(next.status == 0);
  CHECK(next.err.find("crm: note: completed an interrupted write of 2 files") != std::string::npos);
  CHECK_FALSE(s.exists(".crm/journal"));
  CHECK(s.read("cases/" + case_id + ".yaml").find("handler: raquel") != std::string::npos);
  CHECK(s.files_in("notifications").size() == 2);  // olivia told of the new case, raquel of the forward
  CHECK(s.run({"check"}).status == 0);
}
