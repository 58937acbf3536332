// crm help: a command's man page on a terminal, else its usage; every
// command and option the CLI accepts appears in the page `crm help` opens.
#include "harness.hpp"

#include "files.hpp"
#include "process.hpp"

#include <doctest/doctest.h>

#include <cctype>
#include <cstdlib>
#include <fstream>

using namespace e2e;

namespace {

// The names listed under "Subcommands:" in a usage text (aliases dropped).
std::vector<std::string> subcommands_in(const std::string& usage) {
  std::vector<std::string> out;
  bool in_list = false;
  for (const auto& line : lines(usage)) {
    if (line == "Subcommands:") {
      in_list = true;
    } else if (in_list && line.rfind("  ", 0) == 0 && line.size() > 2 && line[2] != ' ') {
      out.push_back(line.substr(2, line.find_first_of(", ", 2) - 2));
    } else if (in_list && line.empty()) {
      in_list = false;
    }
  }
  return out;
}

// The long options ("--name") listed under "Options:" in a usage text, but --help.
std::vector<std::string> options_in(const std::string& usage) {
  std::vector<std::string> out;
  bool in_list = false;
  for (const auto& line : lines(usage)) {
    if (line == "Options:") {
      in_list = true;
    } else if (in_list && line.empty()) {
      in_list = false;
    } else if (in_list) {
      auto start = line.find("--");
      if (start != std::string::npos && start < 8) {
        std::string name = line.substr(start, line.find(' ', start) - start);
        if (name != "--help") {
          out.push_back(name);
        }
      }
    }
  }
  return out;
}

// `text` as written in roff source, where '-' is "\-".
std::string roff(const std::string& text) {
  std::string out;
  for (char c : text) {
    out += c == '-' ? std::string("\\-") : std::string(1, c);
  }
  return out;
}

// True when the roff source `page` mentions `option` as a whole word
// ("--queue-owner" is not mentioned by "--queue-owners").
bool mentions(const std::string& page, const std::string& option) {
  std::string word = roff(option);
  for (auto at = page.find(word); at != std::string::npos; at = page.find(word, at + 1)) {
    std::string next = page.substr(at + word.size(), 2);
    if (next.empty() || (!std::isalnum(static_cast<unsigned char>(next[0])) && next != "\\-")) {
      return true;
    }
  }
  return false;
}

// Runs `crm ARGS` under script(1), so that its stdout is a terminal, with
// `env` changes applied; returns what appeared on the terminal.
crm::ProcessResult run_on_terminal(const Sandbox& s, const std::vector<std::string>& env,
                                   const std::string& args) {
  std::string command = std::string("'") + CRM_BINARY + "' " + args;
  return crm::run_process({"script", "-qec", command, "/dev/null"}, s.root(), "", env);
}

// A stand-in for man(1) that writes its arguments to `log` and exits `status`.
std::string fake_man(const Sandbox& s, const std::string& log, int status) {
  fs::path bin = s.root() / "bin";
  fs::create_directories(bin);
  crm::write_file_atomic(bin / "man", "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + log + "'\nexit " +
                                          std::to_string(status) + "\n");
  fs::permissions(bin / "man", fs::perms::owner_all);
  return "PATH=" + bin.string() + ":" + std::getenv("PATH");
}

}  // namespace

TEST_CASE("help prints the same usage as --help when stdout is no terminal") {
  Sandbox s;
  CHECK(s.ok({"help"}) == s.ok({"--help"}));
  CHECK(s.ok({"help", "case"}) == s.ok({"case", "--help"}));
  CHECK(s.ok({"help", "case", "open"}) == s.ok({"case", "open", "--help"}));
  CHECK(s.ok({"help", "log-call"}) == s.ok({"log-call", "--help"}));
  // An alias finds the command it stands for.
  CHECK(s.ok({"help", "dept"}) == s.ok({"department", "--help"}));
  CHECK(s.ok({"help", "case", "fwd"}) == s.ok({"case", "forward", "--help"}));
  std::string usage = s.ok({"help", "feedback", "import"});
  CHECK(usage.find("Usage: crm feedback import") != std::string::npos);
  CHECK(usage.find("--input-format") != std::string::npos);
}

TEST_CASE("help of an unknown command exits 2 with a suggestion") {
  Sandbox s;
  Result r = s.fails(2, {"help", "csae"});
  CHECK(r.err == "crm: error: unknown command 'csae' (did you mean 'case'?)\n");
  r = s.fails(2, {"help", "case", "opne"});
  CHECK(r.err == "crm: error: unknown command 'case opne' (did you mean 'open'?)\n");
  r = s.fails(2, {"help", "xyzzy"});
  CHECK(r.err == "crm: error: unknown command 'xyzzy'\n");
}

TEST_CASE("help -w names the page each command is documented in") {
  Sandbox s;
  auto page = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"help", "-w"});
    return fs::path(s.ok(args)).filename().string();
  };
  CHECK(page({}) == "crm.1");
  CHECK(page({"case"}) == "crm-case.1");
  CHECK(page({"case", "open"}) == "crm-case.1");
  CHECK(page({"log-call"}) == "crm-call.1");
  CHECK(page({"call"}) == "crm-call.1");
  CHECK(page({"dept"}) == "crm-department.1");
  for (const std::string command : {"points", "badges", "level", "coins"}) {
    CHECK(page({command}) == "crm-recognition.1");
  }
}

TEST_CASE("every command, subcommand and option has a man page that documents it") {
  Sandbox s;
  std::string crm_page = crm::read_file(s.ok({"help", "-w"}));
  for (const auto& option : options_in(s.ok({"--help"}))) {
    CAPTURE(option);
    CHECK(mentions(crm_page, option));
  }
  auto commands_start = crm_page.find(".SH COMMANDS");
  REQUIRE(commands_start != std::string::npos);
  std::string commands_section =
      crm_page.substr(commands_start, crm_page.find(".SH", commands_start + 1) - commands_start);
  std::vector<std::string> commands = subcommands_in(s.ok({"--help"}));
  REQUIRE(commands.size() >= 15);
  for (const auto& command : commands) {
    CAPTURE(command);
    std::string file = s.ok({"help", "-w", command});
    REQUIRE(fs::is_regular_file(file));
    std::string page = crm::read_file(file);
    // Listed in crm(1)'s COMMANDS, with its page in SEE ALSO.
    std::string listed = " " + roff(command);
    CHECK((commands_section.find(listed + " ") != std::string::npos ||
           commands_section.find(listed + "\n") != std::string::npos));
    CHECK(crm_page.find(roff(fs::path(file).stem().string()) + " (1)") != std::string::npos);
    std::string usage = s.ok({command, "--help"});
    for (const auto& option : options_in(usage)) {
      CAPTURE(option);
      CHECK(mentions(page, option));
    }
    for (const auto& sub : subcommands_in(usage)) {
      CAPTURE(sub);
      std::string sub_usage = s.ok({command, sub, "--help"});
      CHECK(s.ok({"help", command, sub}) == sub_usage);
      CHECK(page.find(roff("crm " + command + " " + sub)) != std::string::npos);
      for (const auto& option : options_in(sub_usage)) {
        CAPTURE(option);
        CHECK(mentions(page, option));
      }
    }
  }
}

TEST_CASE("help runs man on the page when stdout is a terminal") {
  Sandbox s;
  std::string log = (s.root() / "man-args").string();
  std::string path = fake_man(s, log, 0);
  crm::ProcessResult r = run_on_terminal(s, {path, "CRM_NO_MAN"}, "help case forward");
  CHECK(r.status == 0);
  CHECK(r.out.find("Usage:") == std::string::npos);
  std::vector<std::string> args = lines(crm::read_file(log));
  REQUIRE(args.size() == 2);
  CHECK(args[0] == "-l");
  CHECK(fs::path(args[1]).filename() == "crm-case.1");
  CHECK(fs::is_regular_file(args[1]));

  // CRM_NO_MAN asks for the usage even on a terminal; man is not run.
  fs::remove(log);
  r = run_on_terminal(s, {path, "CRM_NO_MAN=1"}, "help case forward");
  CHECK(r.status == 0);
  CHECK(r.out.find("Usage: crm case forward") != std::string::npos);
  CHECK_FALSE(fs::exists(log));
}

TEST_CASE("help prints the usage when man fails") {
  Sandbox s;
  std::string log = (s.root() / "man-args").string();
  crm::ProcessResult r = run_on_terminal(s, {fake_man(s, log, 16), "CRM_NO_MAN"}, "help points");
  CHECK(r.status == 0);
  CHECK(fs::exists(log));
  CHECK(r.out.find("Usage: crm points") != std::string::npos);
}

TEST_CASE("help files points to crm-files(5), on a terminal through man") {
  Sandbox s;
  CHECK(fs::path(s.ok({"help", "-w", "files"})).filename() == "crm-files.5");
  CHECK(fs::path(s.ok({"help", "-w", "crm.yaml"})).filename() == "crm-files.5");
  std::string out = s.ok({"help", "config"});
  CHECK(out.rfind("The record files and crm.yaml are described in crm-files(5): man -l ", 0) == 0);
  CHECK(out.find("crm-files.5") != std::string::npos);

  std::string log = (s.root() / "man-args").string();
  crm::ProcessResult r = run_on_terminal(s, {fake_man(s, log, 0), "CRM_NO_MAN"}, "help files");
  CHECK(r.status == 0);
  std::vector<std::string> args = lines(crm::read_file(log));
  REQUIRE(args.size() == 2);
  CHECK(args[0] == "-l");
  CHECK(fs::path(args[1]).filename() == "crm-files.5");
}
