// Hostile stores: path-like IDs, unknown values, duplicate keys, misnamed
// records, a missing crm.yaml, read-only files and folders, and symbolic
// links out of the CRM. Each is one "crm: error:" line with a documented
// exit status, and no record file changes.
#include "test_hostile.hpp"

#include "files.hpp"

#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <optional>

using namespace e2e;
using namespace e2e::hostile;

namespace {

// IDs that try to name files outside their folder, or nothing at all.
const std::vector<std::string>& path_like_ids() {
  static const std::vector<std::string> ids = {
      "../../etc/passwd", "C-1/../x", "/etc/passwd", "C-..", "", "olivia/../raquel", "*"};
  return ids;
}

// Makes a file or folder unwritable for the lifetime of this object, by a
// means that also holds for root (CI runs as root, which ignores permission
// bits): a read-only bind mount, else the immutable attribute; for other
// users, permission bits. `how` is empty when no means worked.
class ReadOnly {
 public:
  explicit ReadOnly(const fs::path& path) : m_path(path) {
    if (::geteuid() != 0) {
      m_mode = fs::status(path).permissions();
      fs::permissions(path, fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write,
                      fs::perm_options::remove);
      how = "permission bits";
    } else if (::mount(path.c_str(), path.c_str(), nullptr, MS_BIND, nullptr) == 0) {
      m_mounted = true;
      if (::mount(nullptr, path.c_str(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr) == 0) {
        how = "read-only bind mount";
      }
    } else if (set_immutable(true)) {
      m_immutable = true;
      how = "immutable attribute";
    }
  }
  ~ReadOnly() {
    if (m_mounted) {
      ::umount2(m_path.c_str(), MNT_DETACH);
    }
    if (m_immutable) {
      set_immutable(false);
    }
    if (m_mode) {
      std::error_code ec;
      fs::permissions(m_path, *m_mode, ec);
    }
  }
  ReadOnly(const ReadOnly&) = delete;
  ReadOnly& operator=(const ReadOnly&) = delete;

  std::string how;

 private:
  bool set_immutable(bool on) {
    int fd = ::open(m_path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
      return false;
    }
    int flags = 0;
    bool done = ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
    if (done) {
      flags = on ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
      done = ::ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
    }
    ::close(fd);
    return done;
  }

  fs::path m_path;
  bool m_mounted = false;
  bool m_immutable = false;
  std::optional<fs::perms> m_mode;
};

}  // namespace

TEST_CASE("path-like IDs are refused wherever an ID is typed") {
  Sandbox s;
  auto [contact, kase] = small_crm(s);
  std::string call = s.ok({"log-call", "--contact", contact, "--summary", "Hello"});
  for (const std::string& id : path_like_ids()) {
    CAPTURE(id);
    // An empty ID is a usage error (2); anything else names no record (4).
    int status = id.empty() ? 2 : 4;
    refused(s, status, {"contact", "show", id});
    refused(s, status, {"contact", "edit", id, "--org", "X"});
    refused(s, status, {"call", "show", id});
    refused(s, status, {"case", "show", id});
    refused(s, status, {"case", "note", id, "--note", "hi"});
    refused(s, status, {"case", "forward", kase, "--to", id});
    refused(s, status, {"case", "add-call", kase, "--call", id});
    refused(s, status, {"log-call", "--contact", id, "--summary", "s"});
    refused(s, status, {"case", "open", "--contact", contact, "--title", "T", "--department", id});
    if (!id.empty()) {  // an empty --handler is no handler: the department's queue
      refused(s, 4, {"case", "open", "--contact", contact, "--title", "T", "--department", "water", "--handler", id});
    }
    refused(s, status, {"user", "show", id});
    refused(s, status, {"history", id});
    refused(s, status, {"edit", id}, "", "", {"EDITOR=true"});
    if (!id.empty()) {
      refused(s, 4, {"--as", id, "case", "note", kase, "--note", "hi"});
    }
  }
  CHECK(s.run({"check"}).status == 0);
}

TEST_CASE("path-like IDs inside a record file are data errors naming the field") {
  Sandbox s;
  auto [contact, kase] = small_crm(s);
  std::string file = case_path(kase);
  std::string good = s.read(file);
  for (const std::string field : {"contact", "department", "requester"}) {
    for (const std::string id : {"../../etc/passwd", "C-1/../x", "/etc/passwd", "olivia/../raquel"}) {
      CAPTURE(field);
      CAPTURE(id);
      std::string bad = good;
      auto at = bad.find("\n" + field + ": ") + field.size() + 3;
      bad.replace(at, bad.find('\n', at) - at, "\"" + id + "\"");
      s.write(file, bad);
      refused(s, 3, {"case", "show", kase}, "'" + field + "': '" + id + "' is not a valid");
      refused(s, 3, {"case", "note", kase, "--note", "hi"}, file + ":");
    }
  }
  check_names(s, file);
}

TEST_CASE("unknown enum values are data errors in a file and usage errors on the command line") {
  Sandbox s;
  auto [contact, kase] = small_crm(s);
  std::string file = case_path(kase);
  std::string good = s.read(file);
  struct Edit {
    std::string from, to, says;
  };
  for (const Edit& e : {Edit{"status: new", "status: exploded", "'status': 'exploded' is not one of"},
                        Edit{"priority: normal", "priority: extreme", "'priority': 'extreme' is not one of"},
                        Edit{"event: opened", "event: teleported", "unknown event 'teleported'"}}) {
    CAPTURE(e.to);
    std::string bad = good;
    bad.replace(bad.find(e.from), e.from.size(), e.to);
    s.write(file, bad);
    refused(s, 3, {"case", "show", kase}, e.says);
    refused(s, 3, {"case", "list"}, e.says);
    check_names(s, file);
  }
  s.write(file, good);
  std::string contact_file = contact_path(contact);
  std::string contact_text = s.read(contact_file);
  s.write(contact_file, contact_text.substr(0, contact_text.find("kind: customer")) + "kind: martian" +
                            contact_text.substr(contact_text.find("kind: customer") + 14));
  refused(s, 3, {"contact", "show", contact}, "'kind': 'martian' is not one of");
  s.write(contact_file, contact_text);

  refused(s, 2, {"case", "set", kase, "--priority", "extreme"}, "extreme");
  refused(s, 2, {"contact", "add", "--name", "X", "--kind", "martian"}, "'martian' is not one of");
  refused(s, 2, {"log-call", "--contact", contact, "--summary", "s", "--channel", "pigeon"}, "'pigeon' is not one of");
  refused(s, 2, {"log-call", "--contact", contact, "--summary", "s", "--direction", "sideways"}, "sideways");
  refused(s, 2, {"case", "list", "--status", "exploded"}, "exploded");
  CHECK(s.run({"check"}).status == 0);
}

TEST_CASE("duplicate keys in a record file are a data error at the second one") {
  Sandbox s;
  auto [contact, kase] = small_crm(s);
  std::string file = case_path(kase);
  std::string text = s.read(file);
  s.write(file, text + "title: Second title\n");
  std::string line = std::to_string(std::count(text.begin(), text.end(), '\n') + 1);
  refused(s, 3, {"case", "show", kase}, file + ":" + line + ":1: duplicate key 'title'");
  refused(s, 3, {"case", "ack", kase}, "duplicate key 'title'");
  check_names(s, file);
}

TEST_CASE("a second YAML document in a record file is a data error rather than ignored") {
  Sandbox s;
  auto [contact, kase] = small_crm(s);
  std::string file = case_path(kase);
  s.write(file, s.read(file) + "---\nstatus: closed\n");
  refused(s, 3, {"case", "show", kase}, "a second YAML document");
  refused(s, 3, {"case", "ack", kase}, "a second YAML document");
  check_names(s, file);
}

TEST_CASE("a folder or a FIFO where a record file should be is a data error and never blocks") {
  Sandbox s;
  auto [contact, kase] = small_crm(s);
  std::string id = "P-AAAAAAAAAAAA";
  fs::path where = s.crm_dir() / contact_path(id);
  fs::create_directory(where);
  refused(s, 3, {"contact", "show", id}, contact_path(id) + ": not a regular file");
  fs::remove(where);
  REQUIRE(::mkfifo(where.c_str(), 0644) == 0);
  // Opening a FIFO for reading would wait for a writer for ever.
  refused(s, 3, {"contact", "show", id}, contact_path(id) + ": not a regular file");
  refused(s, 3, {"log-call", "--contact", id, "--summary", "s"}, "not a regular file");
  CHECK(s.ok({"-q", "contact", "list"}).find(contact) != std::string::npos);
}

TEST_CASE("a record whose id disagrees with its file name is a data error") {
  Sandbox s;
  auto [contact, kase] = small_crm(s);
  std::string other = "C-AAAAAAAAAAAA";
  s.write(case_path(other), s.read(case_path(kase)));  // a copy that kept its old id
  refused(s, 3, {"case", "show", other}, "id '" + kase + "' does not match the file name");
  refused(s, 3, {"case", "note", other, "--note", "hi"}, "does not match the file name");
  refused(s, 3, {"case", "list"}, "does not match the file name");
  check_names(s, case_path(other));
}

TEST_CASE("a missing crm.yaml is a usage error saying how to make one") {
  Sandbox s;
  auto [contact, kase] = small_crm(s);
  fs::remove(s.crm_dir() / "crm.yaml");
  auto snapshot = s.snapshot();
  for (const std::vector<std::string>& env : {std::vector<std::string>{}, {"CRM_DIR=" + s.crm_dir().string()}}) {
    Result r = s.run_in(s.crm_dir(), env, {"contact", "show", contact});
    INFO(r.err);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(occurrences(r.err, "crm: error: ") == 1);
    CHECK(r.err.find("crm.yaml") != std::string::npos);
    CHECK(r.err.find("crm init") != std::string::npos);
  }
  Result r = s.run_in(s.root(), {}, {"-C", "crm", "case", "note", kase, "--note", "hi"});
  CHECK(r.status == 2);
  CHECK(occurrences(r.err, "crm: error: ") == 1);
  CHECK(s.snapshot() == snapshot);
}

TEST_CASE("a read-only record folder fails writes with exit 5 but still serves reads") {
  Sandbox s;
  auto [contact, kase] = small_crm(s);
  ReadOnly guard(s.crm_dir() / "contacts");
  if (guard.how.empty()) {
    MESSAGE("skipped: neither a read-only bind mount nor the immutable attribute is available here");
    return;
  }
  MESSAGE("read-only by " << guard.how);
  refused(s, 5, {"contact", "edit", contact, "--org", "X"}, "cannot write " + contact_path(contact));
  refused(s, 5, {"contact", "add", "--name", "Bob"}, "cannot write contacts/");
  CHECK(s.ok({"-q", "contact", "list"}).find(contact) != std::string::npos);
  CHECK(parse(s.ok({"contact", "show", contact, "--format", "json"}))["name"].as<std::string>() == "Anna Berg");
  s.ok({"case", "note", kase, "--note", "other folders are still writable"});
}

TEST_CASE("a read-only record file: changing it fails with exit 5 and nothing of the command is written") {
  Sandbox s;
  auto [contact, kase] = small_crm(s);
  ReadOnly guard(s.crm_dir() / case_path(kase));
  if (guard.how.empty()) {
    MESSAGE("skipped: neither a read-only bind mount nor the immutable attribute is available here");
    return;
  }
  MESSAGE("read-only by " << guard.how);
  // Forwarding writes the case and a notification: neither is written
  // (refused() compares every file before and after).
  refused(s, 5, {"case", "forward", kase, "--to", "raquel"}, "cannot write " + case_path(kase));
  refused(s, 5, {"case", "note", kase, "--note", "hi"}, "cannot write " + case_path(kase));
  CHECK(parse(s.ok({"case", "show", kase, "--format", "json"}))["title"].as<std::string>() == "Leak");
}

TEST_CASE("a record file linking out of the CRM is neither read nor written through") {
  Sandbox s;
  auto [contact, kase] = small_crm(s);
  std::string file = contact_path(contact);
  fs::path outside = s.root() / "outside.yaml";
  std::string secret = s.read(file);
  {
    std::ofstream(outside) << secret;
  }
  fs::remove(s.crm_dir() / file);
  fs::create_symlink(outside, s.crm_dir() / file);
  std::string says = file + ": leads through a symbolic link to ";
  refused(s, 3, {"contact", "show", contact}, says);
  refused(s, 3, {"contact", "edit", contact, "--org", "X"}, says);
  refused(s, 3, {"log-call", "--contact", contact, "--summary", "s"}, says);
  refused(s, 3, {"contact", "list"}, says);
  check_names(s, file);
  CHECK(fs::is_symlink(s.crm_dir() / file));
  CHECK(crm::read_file(outside) == secret);
}

TEST_CASE("a record folder linking out of the CRM is not written through") {
  Sandbox s;
  auto [contact, kase] = small_crm(s);
  fs::path elsewhere = s.root() / "elsewhere";
  fs::create_directory(elsewhere);
  fs::remove_all(s.crm_dir() / "calls");
  fs::create_directory_symlink(elsewhere, s.crm_dir() / "calls");
  refused(s, 3, {"log-call", "--contact", contact, "--summary", "s"}, "outside the CRM");
  CHECK(fs::is_empty(elsewhere));
}
