// `crm __complete WORD...`, the hidden helper of the shell completion scripts:
// the words that may replace the last WORD, read from the command tree and the CRM.
#include "harness.hpp"

#include "schema.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace e2e;

namespace {

using Words = std::vector<std::string>;

// The lines `crm __complete words...` prints; it must succeed silently.
Words answer(Sandbox& s, const Words& words, const std::vector<std::string>& env = {}, const fs::path& cwd = {}) {
  Words args = {"__complete"};
  args.insert(args.end(), words.begin(), words.end());
  Result r = cwd.empty() ? s.run_env(env, args) : s.run_in(cwd, env, args);
  CHECK(r.status == 0);
  CHECK(r.err == "");
  return lines(r.out);
}

// Just the candidate words, without their descriptions.
Words offered(Sandbox& s, const Words& words, const std::vector<std::string>& env = {}, const fs::path& cwd = {}) {
  Words out;
  for (const auto& line : answer(s, words, env, cwd)) {
    out.push_back(line.substr(0, line.find('\t')));
  }
  return out;
}

bool has(const Words& words, const std::string& word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

}  // namespace

TEST_CASE("__complete offers the commands at each level, aliases once a letter is typed") {
  Sandbox s;
  CHECK(offered(s, {"ca"}) == Words{"call", "case", "cache"});
  Words top = offered(s, {""});
  CHECK(has(top, "contact"));
  CHECK(has(top, "report"));
  CHECK(!has(top, "__complete"));

  Words case_commands = offered(s, {"case", ""});
  for (const char* command : {"open", "ack", "forward", "close", "list", "show"}) {
    CHECK(has(case_commands, command));
  }
  CHECK(!has(case_commands, "ls"));
  CHECK(offered(s, {"case", "l"}) == Words{"list", "ls"});
  CHECK(offered(s, {"case", "fw"}) == Words{"fwd"});
  // An alias leads into its command; deeper levels work the same.
  CHECK(has(offered(s, {"dept", ""}), "add"));
  CHECK(offered(s, {"report", "due"}) == Words{"due-soon"});
  CHECK(offered(s, {"report", "se"}) == Words{"service"});
  CHECK(offered(s, {"report", "service", "--by", ""}) == Words{"user", "department"});
  CHECK(offered(s, {"report", "activity", "--period", ""}) == Words{"week", "month", "all"});

  // Each command comes with its one-line description.
  Words described = answer(s, {"chec"});
  REQUIRE(described.size() == 1);
  CHECK(described[0].rfind("check\tValidate every record", 0) == 0);
}

TEST_CASE("__complete offers the command's options and the global ones, a given one not again") {
  Sandbox s;
  Words options = offered(s, {"case", "list", "--"});
  for (const char* option : {"--priority", "--status", "--mine", "--help", "--format", "--dir", "--as", "--quiet"}) {
    CHECK(has(options, option));
  }
  CHECK(!has(options, "--title"));
  CHECK(has(offered(s, {"-"}), "-C"));
  CHECK(offered(s, {"case", "list", "--pri"}) == Words{"--priority"});

  Words after = offered(s, {"case", "list", "--mine", "--status", "open", "--"});
  CHECK(!has(after, "--mine"));
  CHECK(has(after, "--status"));  // repeatable
  // Options given before the command count too.
  CHECK(!has(offered(s, {"--format", "json", "case", "list", "--"}), "--format"));
}

TEST_CASE("__complete offers the values of options with a fixed set of values") {
  Sandbox s;
  CHECK(offered(s, {"--format", ""}) == Words{"table", "json", "yaml", "csv", "tsv", "html"});
  CHECK(offered(s, {"--format", "t"}) == Words{"table", "tsv"});
  CHECK(offered(s, {"--format=j"}) == Words{"--format=json"});
  CHECK(offered(s, {"case", "list", "--priority", ""}) == crm::case_priorities());
  CHECK(offered(s, {"feedback", "add", "--source", ""}) == crm::feedback_sources());
  CHECK(offered(s, {"feedback", "list", "--sentiment", ""}) == crm::feedback_sentiments());
  CHECK(offered(s, {"log-call", "--direction", ""}) == Words{"in", "out"});
  CHECK(has(offered(s, {"mission", "list", "--status", ""}), "approved"));
  // Free text has no candidates.
  CHECK(offered(s, {"case", "open", "--title", ""}).empty());
}

TEST_CASE("__complete offers the lists crm.yaml configures") {
  Sandbox s;
  s.init_with_people();
  CHECK(has(offered(s, {"contact", "add", "--kind", ""}), "citizen"));  // the default list
  s.write("crm.yaml", s.read("crm.yaml") + "contact_kinds: [customer, resident, business]\n");
  CHECK(offered(s, {"contact", "add", "--kind", ""}) == Words{"customer", "resident", "business"});
  CHECK(offered(s, {"contact", "list", "--kind", "r"}) == Words{"resident"});
  CHECK(offered(s, {"log-call", "--new-contact-kind", "b"}) == Words{"business"});
  CHECK(has(offered(s, {"log-call", "--channel", ""}), "phone"));
}

TEST_CASE("__complete offers live IDs, users and departments from the CRM") {
  Sandbox s;
  s.init_city();
  std::string contact = s.ok({"contact", "add", "--name", "Anna Berg"});
  std::string influencer = s.ok({"influencer", "add", "Rant112", "--platform", "blog"});
  std::string case_id = s.ok({"case", "open", "--contact", contact, "--department", "water", "--title", "Leak"});
  std::string mission = s.ok({"mission", "create", "--title", "Map the pipes", "--reward", "cake"});

  CHECK(answer(s, {"case", "show", ""}) == Words{case_id + "\tLeak"});
  CHECK(offered(s, {"case", "ack", case_id.substr(0, 4)}) == Words{case_id});
  CHECK(offered(s, {"case", "show", "C-nothing"}).empty());
  // IDs are case-insensitive, as everywhere on the command line.
  CHECK(offered(s, {"case", "show", "c-" + case_id.substr(2, 2)}) == Words{case_id});
  CHECK(offered(s, {"mission", "show", ""}) == Words{mission});
  CHECK(offered(s, {"mission", "create", "--parent", ""}) == Words{mission});

  Words users = {"fiona", "frank", "olivia", "pedro", "raquel"};
  CHECK(offered(s, {"case", "open", "--handler", ""}) == users);
  CHECK(offered(s, {"--as", ""}) == users);
  CHECK(offered(s, {"points", ""}) == users);
  CHECK(offered(s, {"user", "edit", "raquel", "--manager", "o"}) == Words{"olivia"});
  CHECK(answer(s, {"user", "show", "p"}) == Words{"pedro\tPedro Pinto"});
  CHECK(offered(s, {"case", "open", "--department", ""}) == Words{"front", "water"});
  CHECK(offered(s, {"report", "kpi", "--department", "f"}) == Words{"front"});
  CHECK(offered(s, {"report", "service", "--department", "w"}) == Words{"water"});
  CHECK(offered(s, {"report", "activity", "--department", "f"}) == Words{"front"});
  // --to takes a user or a department: each says which it is.
  CHECK(answer(s, {"case", "forward", case_id, "--to", "f"}) ==
        Words{"fiona\tFiona Flores (user)", "frank\tFrank Fischer (user)", "front\tFront Desk (department)"});

  Words contacts = offered(s, {"contact", "show", ""});
  CHECK(has(contacts, contact));
  CHECK(has(contacts, influencer));
  CHECK(has(contacts, "Rant112"));
  CHECK(offered(s, {"case", "open", "--contact", ""}) == offered(s, {"contact", "show", "P-"}));
  CHECK(offered(s, {"feedback", "add", "--influencer", "R"}) == Words{"Rant112"});
  CHECK(offered(s, {"influencer", "show", ""}) == Words{"Rant112"});
  // A command creating a record names a new one.
  CHECK(offered(s, {"user", "add", ""}).empty());
}

TEST_CASE("__complete finds the CRM through -C, CRM_DIR or a parent folder") {
  Sandbox s;
  s.init_with_people();
  Words departments = {"water"};
  CHECK(offered(s, {"department", "show", ""}, {}, s.root()).empty());
  CHECK(offered(s, {"-C", "crm", "department", "show", ""}, {}, s.root()) == departments);
  CHECK(offered(s, {"--dir=crm", "department", "show", ""}, {}, s.root()) == departments);
  CHECK(offered(s, {"department", "show", ""}, {"CRM_DIR=" + s.crm_dir().string()}, s.root()) == departments);
  CHECK(offered(s, {"department", "show", ""}, {}, s.crm_dir() / "departments") == departments);
}

TEST_CASE("__complete asks the shell for paths where a folder or file is expected") {
  Sandbox s;
  CHECK(answer(s, {"init", ""}) == Words{":dirs"});
  CHECK(answer(s, {"-C", ""}) == Words{":dirs"});
  CHECK(answer(s, {"--dir=cr"}) == Words{":dirs"});
  CHECK(answer(s, {"feedback", "import", ""}) == Words{":files"});
}

TEST_CASE("__complete writes nothing and takes no lock") {
  Sandbox s;
  s.init_with_people();
  std::string contact = s.ok({"contact", "add", "--name", "Anna Berg"});
  fs::remove(s.crm_dir() / ".crm" / "lock");
  auto before = s.snapshot();
  CHECK(offered(s, {"contact", "show", ""}) == Words{contact});
  CHECK(!offered(s, {"case", "open", "--handler", ""}).empty());
  CHECK(s.snapshot() == before);
  CHECK(!s.exists(".crm/lock"));
  // It answers while a writer holds the lock.
  HeldLock lock(s.crm_dir() / ".crm" / "lock");
  CHECK(offered(s, {"contact", "show", ""}, {"CRM_LOCK_TIMEOUT=1s"}) == Words{contact});
}

TEST_CASE("__complete without a CRM, or with broken files, offers what it can and stays silent") {
  Sandbox s;
  // No CRM: fixed words only, no error.
  CHECK(offered(s, {"case", "show", ""}).empty());
  CHECK(offered(s, {"contact", "add", "--kind", "cit"}) == Words{"citizen"});
  CHECK(offered(s, {"-C", "nowhere", "user", "show", ""}).empty());

  s.init_with_people();
  s.write("users/broken.yaml", "name: [unclosed\n");
  s.write("crm.yaml", "timezone: [not, a, zone\n");
  CHECK(offered(s, {"user", "show", ""}) == Words{"broken", "olivia", "raquel"});
  CHECK(offered(s, {"case", "list", "--priority", "u"}) == Words{"urgent"});
  // Whatever the words, it answers.
  CHECK(offered(s, {"case", "show", "x", "y", "--bogus", "--", "-"}).empty());
  CHECK(offered(s, {}) == offered(s, {""}));
}

TEST_CASE("__complete is not listed in crm --help") {
  Sandbox s;
  Result r = s.run({"--help"});
  CHECK(r.status == 0);
  CHECK(r.out.find("__complete") == std::string::npos);
}
