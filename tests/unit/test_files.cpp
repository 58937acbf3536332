#include "error.hpp"
#include "files.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <sys/file.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

using namespace crm;

TEST_CASE("write_file_atomic") {
  test::TempDir dir;
  fs::path file = dir.path() / "sub" / "deeper" / "r.yaml";
  SUBCASE("creates missing folders and writes the contents") {
    write_file_atomic(file, "one\n");
    CHECK(read_file(file) == "one\n");
  }
  SUBCASE("replaces an existing file and leaves no temporary file behind") {
    write_file_atomic(file, "one\n");
    write_file_atomic(file, "two\n");
    CHECK(read_file(file) == "two\n");
    int entries = 0;
    for (const auto& e : fs::directory_iterator(file.parent_path())) {
      (void)e;
      ++entries;
    }
    CHECK(entries == 1);
  }
  SUBCASE("a failed write keeps the old file") {
    write_file_atomic(file, "old\n");
    fs::permissions(file.parent_path(), fs::perms::owner_read | fs::perms::owner_exec);
    if (::geteuid() == 0) {
      // root ignores permissions; make the target a folder instead.
      fs::permissions(file.parent_path(), fs::perms::owner_all);
      fs::path blocker = dir.path() / "blocked";
      fs::create_directories(blocker / "x.yaml" / "inner");
      CHECK_THROWS_AS(write_file_atomic(blocker / "x.yaml", "new\n"), Error);
      CHECK(fs::is_directory(blocker / "x.yaml"));
    } else {
      CHECK_THROWS_AS(write_file_atomic(file, "new\n"), Error);
      fs::permissions(file.parent_path(), fs::perms::owner_all);
    }
    CHECK(read_file(file) == "old\n");
  }
}

TEST_CASE("read_file") {
  test::TempDir dir;
  try {
    read_file(dir.path() / "missing.yaml");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.status() == k_exit_system);
    CHECK(std::string(e.what()).find("missing.yaml") != std::string::npos);
  }
}

TEST_CASE("FileLock") {
  test::TempDir dir;
  fs::path lock = dir.path() / ".crm" / "lock";
  SUBCASE("a second holder times out with a message naming the holder") {
    FileLock first(lock, 1000);
    try {
      FileLock second(lock, 50);
      FAIL("expected a timeout");
    } catch (const Error& e) {
      CHECK(e.status() == k_exit_system);
      CHECK(std::string(e.what()).find("pid " + std::to_string(::getpid())) != std::string::npos);
    }
  }
  SUBCASE("released on destruction") {
    { FileLock first(lock, 1000); }
    FileLock second(lock, 50);
  }
  SUBCASE("a killed holder leaves no stale lock") {
    int ready[2];
    REQUIRE(::pipe(ready) == 0);
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      FileLock held(lock, 1000);
      char c = 'x';
      ssize_t ignored = ::write(ready[1], &c, 1);
      (void)ignored;
      ::pause();
      ::_exit(0);
    }
    char c;
    REQUIRE(::read(ready[0], &c, 1) == 1);
    CHECK_THROWS_AS(FileLock(lock, 50), Error);
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
    FileLock after(lock, 1000);
    ::close(ready[0]);
    ::close(ready[1]);
  }
}
