// crm init, crm.yaml, and how crm finds its CRM (-C, $CRM_DIR, walking up).
#include "harness.hpp"

#include "process.hpp"

#include <doctest/doctest.h>

using namespace e2e;

namespace {

bool has_line(const std::string& text, const std::string& line) {
  for (const auto& l : lines(text)) {
    if (l == line) {
      return true;
    }
  }
  return false;
}

}  // namespace

TEST_CASE("init creates crm.yaml, the record folders, a .gitignore and a git repository") {
  Sandbox s;
  Result r = s.run({"init", "crm"});
  REQUIRE(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err.find("Initialized empty CRM in") != std::string::npos);

  for (const std::string folder : {"contacts", "calls", "users", "departments", ".git"}) {
    CAPTURE(folder);
    CHECK(fs::is_directory(s.crm_dir() / folder));
  }
  CHECK(has_line(s.read(".gitignore"), "/.crm/"));

  // crm.yaml holds the defaults, commented out: it configures nothing by
  // itself but git.autocommit, on in the repository made for the CRM.
  std::string config = s.read("crm.yaml");
  CHECK(config.find("# timezone:") != std::string::npos);
  CHECK(config.find("# contact_kinds:") != std::string::npos);
  CHECK(config.find("# call_channels:") != std::string::npos);
  std::vector<std::string> settings;
  for (const auto& line : lines(config)) {
    if (!line.empty() && line[0] != '#') {
      settings.push_back(line);
    }
  }
  CHECK(settings == std::vector<std::string>{"git:", "  autocommit: true"});
  CHECK(s.files_in("contacts").empty());
  CHECK(s.files_in("calls").empty());
}

TEST_CASE("init without a folder creates the CRM in the current folder") {
  Sandbox s;
  fs::create_directories(s.crm_dir());
  Result r = s.run_in(s.crm_dir(), {}, {"init"});
  REQUIRE(r.status == 0);
  CHECK(s.exists("crm.yaml"));
  CHECK(fs::is_directory(s.crm_dir() / "contacts"));
  CHECK(fs::is_directory(s.crm_dir() / ".git"));
}

TEST_CASE("init with -C creates the CRM in that folder") {
  Sandbox s;
  Result r = s.run({"-C", "crm", "init"});
  REQUIRE(r.status == 0);
  CHECK(s.exists("crm.yaml"));
  CHECK(fs::is_directory(s.crm_dir() / "users"));
}

TEST_CASE("init -q prints nothing") {
  Sandbox s;
  Result r = s.run({"-q", "init", "crm"});
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err.empty());
}

TEST_CASE("running init twice fails with exit 2 and changes nothing") {
  Sandbox s;
  s.ok({"init", "crm"});
  s.write("crm.yaml", "timezone: UTC\n");
  s.write(".gitignore", "custom\n");

  SUBCASE("from inside the CRM") {
    Result r = s.fails(2, {"init", "."});
    CHECK(r.err.find("already a CRM") != std::string::npos);
  }
  SUBCASE("from the parent folder") {
    auto before = s.snapshot();
    Result r = s.run_in(s.root(), {}, {"init", "crm"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("already a CRM") != std::string::npos);
    CHECK(s.snapshot() == before);
  }
  CHECK(s.read("crm.yaml") == "timezone: UTC\n");
  CHECK(s.read(".gitignore") == "custom\n");
}

TEST_CASE("init inside an existing git repository does not create a nested one") {
  Sandbox s;
  auto git = crm::run_process({"git", "init", "-q"}, s.root(), "", {"HOME=" + s.root().string()});
  REQUIRE(git.status == 0);
  Result r = s.run({"init", "crm"});
  REQUIRE(r.status == 0);
  CHECK(s.exists("crm.yaml"));
  CHECK(has_line(s.read(".gitignore"), "/.crm/"));
  CHECK_FALSE(fs::exists(s.crm_dir() / ".git"));
}

TEST_CASE("init keeps an existing .gitignore and adds the lock folder to it") {
  Sandbox s;
  fs::create_directories(s.crm_dir());
  s.write(".gitignore", "*.bak\n");
  s.ok({"init", "crm"});
  std::string ignore = s.read(".gitignore");
  CHECK(ignore.rfind("*.bak\n", 0) == 0);
  CHECK(has_line(ignore, "/.crm/"));
}

TEST_CASE("an empty crm.yaml is a valid configuration with the documented defaults") {
  Sandbox s;
  s.init_with_people();
  s.write("crm.yaml", "");
  Result check = s.run({"check"});
  CHECK(check.status == 0);
  CHECK(check.out.empty());

  std::string contact = s.ok({"contact", "add", "--name", "Anna Berg"});
  CHECK(parse(s.ok({"contact", "show", contact, "--format", "json"}))["kind"].as<std::string>() == "customer");
  std::string call = s.ok({"log-call", "--contact", contact, "--summary", "Hello"});
  YAML::Node c = parse(s.ok({"call", "show", call, "--format", "json"}));
  CHECK(c["channel"].as<std::string>() == "phone");
  CHECK(c["direction"].as<std::string>() == "in");
}

TEST_CASE("crm.yaml can change the defaults and the allowed kinds and channels") {
  Sandbox s;
  s.init_with_people();
  s.write("crm.yaml",
          "defaults:\n"
          "  contact_kind: alien\n"
          "  call_channel: telepathy\n"
          "  call_direction: out\n"
          "contact_kinds: [alien, human]\n"
          "call_channels: [telepathy, phone]\n");
  std::string contact = s.ok({"contact", "add", "--name", "Zorg"});
  CHECK(s.read("contacts/" + contact + ".yaml").find("\nkind: alien\n") != std::string::npos);
  std::string call = s.ok({"log-call", "--contact", contact, "--summary", "Beep"});
  YAML::Node c = parse(s.ok({"call", "show", call, "--format", "json"}));
  CHECK(c["channel"].as<std::string>() == "telepathy");
  CHECK(c["direction"].as<std::string>() == "out");
  // customer is no longer an allowed kind.
  s.fails(2, {"contact", "add", "--name", "Anna Berg", "--kind", "customer"});
  CHECK(s.run({"check"}).status == 0);
}

TEST_CASE("a malformed crm.yaml stops every command with exit 3 and writes nothing") {
  Sandbox s;
  s.init_with_people();
  SUBCASE("unknown time zone") {
    s.write("crm.yaml", "timezone: Mars/Olympus\n");
    Result r = s.fails(3, {"contact", "add", "--name", "Anna Berg"});
    CHECK(r.err.rfind("crm: error: crm.yaml:1", 0) == 0);
  }
  SUBCASE("YAML syntax error") {
    s.write("crm.yaml", "timezone: UTC\ncontact_kinds: [a, b\n");
    Result r = s.fails(3, {"contact", "list"});
    CHECK(r.err.rfind("crm: error: crm.yaml:", 0) == 0);
  }
  SUBCASE("a default that is not allowed") {
    s.write("crm.yaml", "defaults:\n  contact_kind: alien\n");
    Result r = s.fails(3, {"contact", "add", "--name", "Anna Berg"});
    CHECK(r.err.rfind("crm: error: crm.yaml:2", 0) == 0);
  }
}

TEST_CASE("the CRM is found by walking up from a subfolder") {
  Sandbox s;
  s.init_with_people();
  Result r = s.run_in(s.crm_dir() / "contacts", {}, {"contact", "add", "--name", "Anna Berg"});
  REQUIRE(r.status == 0);
  std::string id = r.out.substr(0, r.out.size() - 1);
  CHECK(s.exists("contacts/" + id + ".yaml"));
  CHECK_FALSE(fs::exists(s.crm_dir() / "contacts" / "contacts"));

  fs::create_directories(s.crm_dir() / "notes" / "deep");
  Result list = s.run_in(s.crm_dir() / "notes" / "deep", {}, {"contact", "list", "--format", "json"});
  REQUIRE(list.status == 0);
  YAML::Node rows = parse(list.out);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["id"].as<std::string>() == id);
}

TEST_CASE("CRM_DIR and -C name the CRM from anywhere, -C first") {
  Sandbox s;
  s.init_with_people();
  std::string id = s.ok({"contact", "add", "--name", "Anna Berg"});
  fs::path elsewhere = s.root() / "elsewhere";
  fs::create_directories(elsewhere);
  std::string crm = s.crm_dir().string();

  auto listed = [&](const std::vector<std::string>& env, std::vector<std::string> args) {
    args.insert(args.end(), {"contact", "list", "--format", "json"});
    Result r = s.run_in(elsewhere, env, args);
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
    return parse(r.out)[0]["id"].as<std::string>();
  };
  CHECK(listed({"CRM_DIR=" + crm}, {}) == id);
  CHECK(listed({}, {"--dir", crm}) == id);
  CHECK(listed({}, {"-C", crm}) == id);
  CHECK(listed({"CRM_DIR=" + elsewhere.string()}, {"-C", crm}) == id);

  // CRM_DIR wins over the CRM around the current folder.
  Result r = s.run_in(s.crm_dir(), {"CRM_DIR=" + elsewhere.string()}, {"contact", "list"});
  CHECK(r.status == 2);
  CHECK(r.err.find("not a CRM") != std::string::npos);
}

TEST_CASE("no CRM found exits 2") {
  Sandbox s;
  SUBCASE("nothing above the current folder") {
    Result r = s.run({"contact", "list"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("no CRM here") != std::string::npos);
  }
  SUBCASE("-C names a folder without crm.yaml") {
    Result r = s.run({"-C", s.root().string(), "contact", "add", "--name", "X"});
    CHECK(r.status == 2);
    CHECK(r.err.find("not a CRM") != std::string::npos);
  }
  SUBCASE("CRM_DIR names a folder that does not exist") {
    Result r = s.run_env({"CRM_DIR=" + (s.root() / "missing").string()}, {"check"});
    CHECK(r.status == 2);
    CHECK(r.err.find("not a CRM") != std::string::npos);
  }
  CHECK(fs::directory_iterator(s.root()) == fs::directory_iterator());
}

TEST_CASE("the nearest crm.yaml wins when CRMs are nested") {
  Sandbox s;
  s.init_with_people();
  s.ok({"init", "inner"});
  fs::create_directories(s.crm_dir() / "inner" / "contacts" / "deep");
  Result r = s.run_in(s.crm_dir() / "inner" / "contacts" / "deep", {"CRM_USER"},
                      {"department", "add", "roads", "--name", "Roads"});
  CHECK(r.status == 0);
  CHECK(s.exists("inner/departments/roads.yaml"));
  CHECK_FALSE(s.exists("departments/roads.yaml"));
  Result users = s.run_in(s.crm_dir() / "inner" / "contacts" / "deep", {}, {"user", "list", "--format", "json"});
  CHECK(users.status == 0);
  CHECK(parse(users.out).size() == 0);
}
