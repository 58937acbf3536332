// Writers take an flock on .crm/lock; a second writer gives up with exit 5.
#include "harness.hpp"

#include <doctest/doctest.h>

#include <chrono>

using namespace e2e;

TEST_CASE("a writer gives up with exit 5 while another process holds the lock, readers carry on") {
  Sandbox s;
  s.init_with_people();
  std::string contact = s.ok({"contact", "add", "--name", "Anna Berg"});
  {
    HeldLock lock(s.crm_dir() / ".crm" / "lock");
    auto start = std::chrono::steady_clock::now();
    Result r = s.fails(5, {"contact", "add", "--name", "Bob Evans"}, {"CRM_LOCK_TIMEOUT=1s"});
    auto waited = std::chrono::steady_clock::now() - start;
    CHECK(r.err.find("another crm process") != std::string::npos);
    CHECK(r.err.find("CRM_LOCK_TIMEOUT") != std::string::npos);
    CHECK(waited >= std::chrono::milliseconds(900));
    CHECK(waited < std::chrono::seconds(5));

    // Reading needs no lock.
    Result list = s.run_env({"CRM_LOCK_TIMEOUT=1s"}, {"contact", "list", "--format", "json"});
    CHECK(list.status == 0);
    CHECK(parse(list.out).size() == 1);
    CHECK(s.run_env({"CRM_LOCK_TIMEOUT=1s"}, {"check"}).status == 0);
  }
  // Once the lock is free, writing works again.
  Result r = s.run_env({"CRM_LOCK_TIMEOUT=1s"}, {"log-call", "--contact", contact, "--summary", "x"});
  CHECK(r.status == 0);
  CHECK(s.files_in("calls").size() == 1);
}

TEST_CASE("an unreadable CRM_LOCK_TIMEOUT is a usage error") {
  Sandbox s;
  s.init_with_people();
  s.fails(2, {"contact", "add", "--name", "Anna Berg"}, {"CRM_LOCK_TIMEOUT=soon"});
}
