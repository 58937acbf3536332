// A full disk (issue 11): a write that fails with ENOSPC, at any of a
// command's file writes, stops it with one error line naming the file and
// exit 5, and leaves every record as it was, with no temporary file behind.
// Injected by crm_faulty (CRM_FAULT=enospc:N), and for real on a small tmpfs
// when this process may mount one (root).
#include "harness.hpp"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <iterator>
#include <map>

using namespace e2e;
using V = std::vector<std::string>;

namespace {

// Every file under the CRM, its .crm folder included (a temporary file left
// there would be as much litter as one beside the records).
std::map<std::string, std::string> every_file(const Sandbox& s) {
  std::map<std::string, std::string> out;
  for (auto it = fs::recursive_directory_iterator(s.crm_dir()); it != fs::recursive_directory_iterator(); ++it) {
    std::string name = it->path().filename().string();
    if (it->is_directory() && (name == ".git" || name == "cache")) {
      it.disable_recursion_pending();  // a cache write may fail quietly: it is rebuilt
      continue;
    }
    if (it->is_regular_file() && name != "lock") {
      std::ifstream in(it->path(), std::ios::binary);
      out[fs::relative(it->path(), s.crm_dir()).string()] =
          std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
  }
  return out;
}

// Checks the one error line a full disk gives.
void check_disk_full_error(const Result& r) {
  INFO("stderr: " << r.err);
  CHECK(r.status == 5);
  CHECK(r.out.empty());
  CHECK(r.err.rfind("crm: error: cannot write ", 0) == 0);
  CHECK(r.err.find(": No space left on device\n") != std::string::npos);
  CHECK(lines(r.err).size() == 1);
}

// A CRM with a contact and a case handled by raquel, acting as olivia.
std::string city_with_case(Sandbox& s) {
  s.init_with_people();
  s.set_env("CRM_USER=olivia");
  std::string contact = s.ok({"contact", "add", "--name", "Anna Berg"});
  s.ok({"log-call", "--contact", contact, "--summary", "Leak", "--open-case", "--department", "water",
        "--handler", "raquel"});
  return contact;
}

// Unmounts a tmpfs mounted for a test, whatever happens.
class TmpfsMount {
 public:
  TmpfsMount(const fs::path& at, const std::string& size) : m_at(at) {
    fs::create_directories(at);
    m_mounted = ::mount("tmpfs", at.c_str(), "tmpfs", 0, ("size=" + size).c_str()) == 0;
  }
  ~TmpfsMount() {
    if (m_mounted) {
      ::umount2(m_at.c_str(), MNT_DETACH);
    }
  }
  TmpfsMount(const TmpfsMount&) = delete;
  TmpfsMount& operator=(const TmpfsMount&) = delete;
  bool mounted() const { return m_mounted; }

 private:
  fs::path m_at;
  bool m_mounted = false;
};

// Writes a file under `folder` until the file system is full.
void fill_up(const fs::path& folder) {
  int fd = ::open((folder / "filler").c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  REQUIRE(fd >= 0);
  std::string block(4096, 'x');
  while (::write(fd, block.data(), block.size()) > 0) {
  }
  while (::write(fd, block.data(), 1) > 0) {
  }
  CHECK(errno == ENOSPC);
  ::close(fd);
}

}  // namespace

TEST_CASE("a full disk at any write of a command changes nothing and says so once with exit 5") {
  Sandbox s;
  std::string contact = city_with_case(s);
  std::string case_id = s.files_in("cases").front().substr(6, 14);
  s.write("people.csv", "name,email\nBob Evans,bob@example.org\nCara Diaz,cara@example.org\n");
  const std::vector<V> commands = {
      {"contact", "add", "--name", "Bob Evans"},
      {"log-call", "--contact", contact, "--summary", "Again", "--open-case", "--department", "water"},
      {"--as", "raquel", "case", "forward", case_id, "--to", "olivia"},
      {"import", "contacts", "people.csv", "--apply"},
      {"--as", "raquel", "inbox", "read", "--all"},
  };
  for (const auto& args : commands) {
    auto before = every_file(s);
    s.set_binary(CRM_FAULTY_BINARY);
    int n = 1;
    for (;; ++n) {
      INFO("crm" << [&] { std::string t; for (const auto& a : args) t += " " + a; return t; }() << " with write " << n
                 << " failing");
      REQUIRE(n < 50);
      Result r = s.run_env({"CRM_FAULT=enospc:" + std::to_string(n)}, args);
      if (r.status == 0) {
        break;  // past its last write
      }
      check_disk_full_error(r);
      CHECK(every_file(s) == before);
    }
    s.set_binary(CRM_BINARY);
    CHECK(n > 1);
  }
  CHECK(s.run({"check"}).status == 0);
}

TEST_CASE("a full tmpfs stops a write with exit 5 and no change and the write works once there is room") {
  Sandbox s;
  TmpfsMount disk(s.crm_dir(), "2m");
  if (!disk.mounted()) {
    MESSAGE("skipped: cannot mount a tmpfs here (not root?)");
    return;
  }
  std::string contact = city_with_case(s);
  fill_up(s.crm_dir());
  auto before = every_file(s);
  for (const V& args : {V{"contact", "add", "--name", "Bob Evans"},
                        V{"log-call", "--contact", contact, "--summary", "Again", "--open-case", "--department", "water"}}) {
    check_disk_full_error(s.run(args));
    CHECK(every_file(s) == before);
  }
  fs::remove(s.crm_dir() / "filler");
  s.ok({"log-call", "--contact", contact, "--summary", "Again", "--open-case", "--department", "water"});
  CHECK(s.files_in("cases").size() == 2);
  CHECK(s.run({"check"}).status == 0);
}
