// Hostile text: YAML syntax, aliases, control characters, broken UTF-8 and
// huge values, typed on the command line, piped in or written into record
// files by hand. Legitimate text round-trips exactly; anything else is one
// "crm: error:" line with a documented exit status and no file changed.
#include "test_hostile.hpp"

#include <chrono>
#include <map>

using namespace e2e;
using namespace e2e::hostile;

namespace {

// Texts that YAML would misread if written plain.
const std::vector<std::string>& yaml_specials() {
  static const std::vector<std::string> texts = {
      "key: value", "# not a comment", "- not a list", "&anchor", "*alias", "!!binary aGVsbG8=", "%YAML 1.2",
      "---", "...", "  leading spaces", "trailing spaces  ", "yes", "no", "null", "~", "true", "off", "012",
      "1e3", "0x1F", "3.14", "-1", "+1", ".5", ".inf", ".nan", "2026-01-01", "12:30", "1_000", "\"quoted\"",
      "'single'", "|", ">", "@at", "`tick", "{a: 1}", "[1, 2]", ", comma", "? question", ":colon", "a #b",
      "<<", "=", "tab\there", "two\nlines", "windows\r\nline"};
  return texts;
}

// Every call's summary by call ID, as `crm export calls` gives them in JSON.
std::map<std::string, std::string> exported_summaries(Sandbox& s) {
  std::map<std::string, std::string> out;
  for (const auto& call : parse(s.ok({"export", "calls"}))["call"]) {
    out[call["id"].as<std::string>()] = call["summary"].as<std::string>();
  }
  return out;
}

std::string seconds_since(std::chrono::steady_clock::time_point start) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  return std::to_string(ms.count() / 1000.0) + " s";
}

// A case file with `n` more history entries, as years of work would leave.
std::string with_history(const std::string& file, int n) {
  std::string out = file;
  for (int i = 0; i < n; ++i) {
    out += "  - at: 2026-11-23T09:00:00Z\n    by: olivia\n    event: updated\n    note: step " +
           std::to_string(i) + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("YAML specials typed as arguments round-trip exactly through the file and JSON") {
  Sandbox s;
  auto [contact, kase] = small_crm(s);
  std::map<std::string, std::string> logged;  // call ID -> the summary typed
  for (const std::string& text : yaml_specials()) {
    logged[s.ok({"log-call", "--contact", contact, "--summary", text})] = text;
  }
  s.ok({"contact", "edit", contact, "--org", "yes: no # ~"});
  CHECK(parse(s.ok({"contact", "show", contact, "--format", "json"}))["org"].as<std::string>() == "yes: no # ~");
  CHECK(parse(s.read(contact_path(contact)))["org"].as<std::string>() == "yes: no # ~");
  CHECK(exported_summaries(s) == logged);
  // Any YAML reader sees the same strings in the files.
  for (const auto& [id, text] : logged) {
    CAPTURE(text);
    CHECK(parse(s.read("calls/" + id.substr(2, 2) + "/" + id + ".yaml"))["summary"].as<std::string>() == text);
  }
  CHECK(s.run({"check"}).status == 0);
}

TEST_CASE("YAML specials piped on stdin round-trip exactly") {
  Sandbox s;
  auto [contact, kase] = small_crm(s);
  std::map<std::string, std::string> logged;
  for (const std::string& text : yaml_specials()) {
    logged[s.ok({"log-call", "--contact", contact}, text)] = text;
  }
  CHECK(exported_summaries(s) == logged);
  CHECK(s.run({"check"}).status == 0);
}

TEST_CASE("anchors and aliases in a hand-written record are read as the values they name") {
  Sandbox s;
  auto [contact, kase] = small_crm(s);
  std::string file = contact_path(contact);
  s.write(file, "id: " + contact + "\nname: &who Anna Berg\norg: *who\nkind: customer\nhistory:\n  - &first\n"
                "    at: 2026-11-23T09:00:00Z\n    by: olivia\n    event: created\n");
  YAML::Node shown = parse(s.ok({"contact", "show", contact, "--format", "json"}));
  CHECK(shown["org"].as<std::string>() == "Anna Berg");
  CHECK(s.run({"check"}).status == 0);
  // Saving writes the values out: no anchors are kept.
  s.ok({"contact", "edit", contact, "--tag", "vip"});
  CHECK(s.read(file).find('&') == std::string::npos);
  CHECK(s.read(file).find("org: Anna Berg\n") != std::string::npos);
}

TEST_CASE("a billion-laughs record fails fast with one error and exit 3") {
  Sandbox s;
  auto [contact, kase] = small_crm(s);
  // Twelve levels of nine aliases each: 9^12 (282 billion) strings if expanded.
  std::string bomb = "id: " + contact + "\nname: Anna\nkind: customer\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i <= 12; ++i) {
    std::string prev = "*l" + std::to_string(i - 1);
    bomb += "l" + std::to_string(i) + ": &l" + std::to_string(i) + " [" + prev;
    for (int k = 0; k < 8; ++k) {
      bomb += ", " + prev;
    }
    bomb += "]\n";
  }
  s.write(contact_path(contact), bomb);
  auto start = std::chrono::steady_clock::now();
  refused(s, 3, {"contact", "show", contact}, contact_path(contact) + ":");
  refused(s, 3, {"contact", "list"}, "aliases expand too far");
  refused(s, 3, {"contact", "edit", contact, "--org", "X"}, "aliases expand too far");
  check_names(s, contact_path(contact));
  MESSAGE("four runs over the bomb took " << seconds_since(start));
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}

TEST_CASE("a record nested thousands deep is refused with exit 3") {
  Sandbox s;
  auto [contact, kase] = small_crm(s);
  s.write(contact_path(contact), "id: " + contact + "\nname: Anna\nx: " + std::string(100000, '[') +
                                     std::string(100000, ']') + "\n");
  refused(s, 3, {"contact", "show", contact}, "nested too deeply");
}

TEST_CASE("tabs round-trip in text and as indentation are a data error with the place") {
  Sandbox s;
  auto [contact, kase] = small_crm(s);
  s.ok({"contact", "edit", contact, "--org", "\tTabbed\tInc\t"});
  CHECK(parse(s.ok({"contact", "show", contact, "--format", "json"}))["org"].as<std::string>() == "\tTabbed\tInc\t");
  std::string file = contact_path(contact);
  s.write(file, "id: " + contact + "\nname: Anna\nkind: customer\nhistory:\n\t- at: 2026-11-23T09:00:00Z\n");
  refused(s, 3, {"contact", "show", contact}, file + ":5:");
  check_names(s, file);
}

TEST_CASE("a record file with CR/LF line ends reads normally and is saved with LF") {
  Sandbox s;
  auto [contact, kase] = small_crm(s);
  std::string file = contact_path(contact);
  std::string crlf;
  for (char c : s.read(file)) {
    crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  }
  s.write(file, crlf);
  CHECK(parse(s.ok({"contact", "show", contact, "--format", "json"}))["name"].as<std::string>() == "Anna Berg");
  CHECK(s.run({"check"}).status == 0);
  s.ok({"contact", "edit", contact, "--org", "Berg AB"});
  CHECK(s.read(file).find('\r') == std::string::npos);
  CHECK(s.run({"check"}).status == 0);
}

TEST_CASE("a raw NUL byte in a record file is a data error at its line and column") {
  Sandbox s;
  auto [contact, kase] = small_crm(s);
  std::string file = contact_path(contact);
  s.write(file, s.read(file) + "org: Berg" + std::string(1, '\0') + "AB\n");
  Result r = refused(s, 3, {"contact", "show", contact}, "control character 0x00");
  CHECK(r.err.find(file + ":") != std::string::npos);
  refused(s, 3, {"contact", "edit", contact, "--org", "X"}, "control character 0x00");
  check_names(s, file);
}

TEST_CASE("a NUL byte piped on stdin is stored escaped and round-trips") {
  Sandbox s;
  auto [contact, kase] = small_crm(s);
  std::string text = std::string("before") + '\0' + "after";
  std::string call = s.ok({"log-call", "--contact", contact}, text);
  std::string file = "calls/" + call.substr(2, 2) + "/" + call + ".yaml";
  CHECK(s.read(file).find("summary: \"before\\0after\"\n") != std::string::npos);
  CHECK(parse(s.read(file))["summary"].as<std::string>() == text);
  CHECK(s.run({"check"}).status == 0);
}

TEST_CASE("invalid UTF-8 in a record file is a data error at its line and column") {
  Sandbox s;
  auto [contact, kase] = small_crm(s);
  std::string file = contact_path(contact);
  s.write(file, s.read(file) + "org: Caf\xe9\n");  // Latin-1, not UTF-8
  refused(s, 3, {"contact", "show", contact}, "invalid UTF-8 (byte 0xE9)");
  refused(s, 3, {"contact", "list"}, "invalid UTF-8");
  check_names(s, file);
}

TEST_CASE("invalid UTF-8 in an argument or on stdin is a usage error and writes nothing") {
  Sandbox s;
  auto [contact, kase] = small_crm(s);
  for (const std::string bad : {"Caf\xe9", "\xff\xfe", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "half \xe2\x82"}) {
    CAPTURE(bad);
    refused(s, 2, {"contact", "edit", contact, "--org", bad}, "'org' is not valid UTF-8");
    refused(s, 2, {"contact", "add", "--name", bad}, "not valid UTF-8");
    refused(s, 2, {"log-call", "--contact", contact}, "'summary' is not valid UTF-8", bad);
    refused(s, 2, {"case", "note", kase, "--note", bad}, "not valid UTF-8");
  }
  CHECK(s.run({"check"}).status == 0);
}

TEST_CASE("emoji and other non-ASCII text are stored as UTF-8 and round-trip") {
  Sandbox s;
  auto [contact, kase] = small_crm(s);
  const std::string name = "Zoë 😀 Łukasz 山田 👩🏽‍🚒";
  std::string id = s.ok({"contact", "add", "--name", name, "--tag", "🔥"});
  YAML::Node shown = parse(s.ok({"contact", "show", id, "--format", "json"}));
  CHECK(shown["name"].as<std::string>() == name);
  CHECK(shown["tags"][0].as<std::string>() == "🔥");
  CHECK(s.read(contact_path(id)).find("name: " + name + "\n") != std::string::npos);  // raw, not escaped
  std::string call = s.ok({"log-call", "--contact", id}, "Sagte: «Danke» 🙏");
  CHECK(parse(s.ok({"call", "show", call, "--format", "json"}))["summary"].as<std::string>() == "Sagte: «Danke» 🙏");
  CHECK(s.run({"check"}).status == 0);
}

TEST_CASE("a 1 MB field round-trips and a record file over 16 MiB is refused") {
  Sandbox s;
  auto [contact, kase] = small_crm(s);
  std::string big;
  for (int i = 0; big.size() < 1'000'000; ++i) {
    big += "line " + std::to_string(i) + ": yes, no & *more* #text\n";
  }
  big.pop_back();
  auto start = std::chrono::steady_clock::now();
  std::string call = s.ok({"log-call", "--contact", contact}, big);
  CHECK(parse(s.ok({"call", "show", call, "--format", "json"}))["summary"].as<std::string>() == big);
  CHECK(s.run({"check"}).status == 0);
  MESSAGE("a 1 MB summary: logged, shown and checked in " << seconds_since(start));

  std::string file = contact_path(contact);
  s.write(file, s.read(file) + "org: \"" + std::string(17u << 20, 'x') + "\"\n");
  refused(s, 3, {"contact", "show", contact}, file + ": too large to be a record");
  check_names(s, file);
}

TEST_CASE("a case with 10000 history entries works and stays quick") {
  Sandbox s;
  auto [contact, kase] = small_crm(s);
  std::string file = case_path(kase);
  s.write(file, with_history(s.read(file), 10000));
  auto start = std::chrono::steady_clock::now();
  CHECK(s.run({"check"}).status == 0);
  YAML::Node shown = parse(s.ok({"case", "show", kase, "--format", "json"}));
  CHECK(shown["history"].size() > 10000);
  s.ok({"case", "note", kase, "--note", "still here"});
  CHECK(s.ok({"-q", "case", "list"}).find(kase) != std::string::npos);
  CHECK(s.read(file).find("note: step 9999\n") != std::string::npos);
  CHECK(s.read(file).find("note: still here\n") != std::string::npos);
  MESSAGE("check, show, note and list over 10000 entries took " << seconds_since(start));
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(30));
}
