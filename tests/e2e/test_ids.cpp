// Record IDs: their shape, where records live, and finding them by prefix.
#include "harness.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>

using namespace e2e;

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string shown_id(Sandbox& s, const std::vector<std::string>& show) {
  std::vector<std::string> args = show;
  args.insert(args.end(), {"--format", "json"});
  return parse(s.ok(args))["id"].as<std::string>();
}

}  // namespace

TEST_CASE("new contacts and calls get P- and K- IDs and live in their documented files") {
  Sandbox s;
  s.init_with_people();
  std::string contact = s.ok({"contact", "add", "--name", "Anna Berg"});
  std::string call = s.ok({"log-call", "--contact", contact, "--summary", "Hello"});
  CHECK(is_generated_id(contact, "P"));
  CHECK(is_generated_id(call, "K"));
  CHECK(s.files_in("contacts") == std::vector<std::string>{"contacts/" + contact + ".yaml"});
  CHECK(s.files_in("calls") == std::vector<std::string>{"calls/" + call.substr(2, 2) + "/" + call + ".yaml"});
  CHECK(s.read("contacts/" + contact + ".yaml").rfind("id: " + contact + "\n", 0) == 0);
  CHECK(s.read("calls/" + call.substr(2, 2) + "/" + call + ".yaml").rfind("id: " + call + "\n", 0) == 0);
}

TEST_CASE("a contact is found by any unambiguous prefix, with or without P-, in any case") {
  Sandbox s;
  s.init_with_people();
  std::string id = s.ok({"contact", "add", "--name", "Anna Berg"});
  std::string body = id.substr(2);
  for (const std::string& typed : {id, lower(id), body, lower(body), body.substr(0, 4), lower(body.substr(0, 4)),
                                   "P-" + body.substr(0, 3), "p-" + lower(body.substr(0, 5)), body.substr(0, 1)}) {
    CAPTURE(typed);
    CHECK(shown_id(s, {"contact", "show", typed}) == id);
  }
}

TEST_CASE("a call is found by any unambiguous prefix, with or without K-, in any case") {
  Sandbox s;
  s.init_with_people();
  std::string contact = s.ok({"contact", "add", "--name", "Anna Berg"});
  std::string id = s.ok({"log-call", "--contact", contact, "--summary", "Hello"});
  std::string body = id.substr(2);
  for (const std::string& typed : {id, lower(id), body.substr(0, 1), body.substr(0, 2), lower(body.substr(0, 3)),
                                   "K-" + body.substr(0, 4), "k-" + lower(body.substr(0, 6))}) {
    CAPTURE(typed);
    CHECK(shown_id(s, {"call", "show", typed}) == id);
  }
}

TEST_CASE("typed IDs read O as 0 and I or L as 1") {
  Sandbox s;
  s.init_with_people();
  std::string id = s.ok({"contact", "add", "--name", "Anna Berg"});
  s.clone_record("contacts/" + id + ".yaml", "contacts/P-01AB01CD01EF.yaml", "P-01AB01CD01EF");
  CHECK(shown_id(s, {"contact", "show", "oiab"}) == "P-01AB01CD01EF");
  CHECK(shown_id(s, {"contact", "show", "P-OLAB0ICD"}) == "P-01AB01CD01EF");
}

TEST_CASE("an ambiguous contact prefix exits 4 and lists the candidates") {
  Sandbox s;
  s.init_with_people();
  std::string id = s.ok({"contact", "add", "--name", "Anna Berg"});
  s.clone_record("contacts/" + id + ".yaml", "contacts/P-AAAAAAAAAAA1.yaml", "P-AAAAAAAAAAA1");
  s.clone_record("contacts/" + id + ".yaml", "contacts/P-AAAAAAAAAAA2.yaml", "P-AAAAAAAAAAA2");

  for (const std::string typed : {"AAAA", "aaaa", "P-AAAA", "AAAAAAAAAAA"}) {
    CAPTURE(typed);
    Result r = s.fails(4, {"contact", "show", typed});
    CHECK(r.err.find("ambiguous") != std::string::npos);
    CHECK(r.err.find("P-AAAAAAAAAAA1") != std::string::npos);
    CHECK(r.err.find("P-AAAAAAAAAAA2") != std::string::npos);
  }
  // Commands that would write stop too.
  s.fails(4, {"contact", "edit", "AAAA", "--name", "Changed"});
  s.fails(4, {"log-call", "--contact", "AAAA", "--summary", "Hello"});
  s.fails(4, {"call", "list", "--contact", "AAAA"});
  // One more character settles it.
  CHECK(shown_id(s, {"contact", "show", "AAAAAAAAAAA2"}) == "P-AAAAAAAAAAA2");
  CHECK(shown_id(s, {"contact", "show", "p-aaaaaaaaaaa1"}) == "P-AAAAAAAAAAA1");
}

TEST_CASE("an ambiguous call prefix exits 4 and lists the candidates") {
  Sandbox s;
  s.init_with_people();
  std::string contact = s.ok({"contact", "add", "--name", "Anna Berg"});
  std::string call = s.ok({"log-call", "--contact", contact, "--summary", "Hello"});
  std::string file = "calls/" + call.substr(2, 2) + "/" + call + ".yaml";
  s.clone_record(file, "calls/AA/K-AAAAAAAAAAA1.yaml", "K-AAAAAAAAAAA1");
  s.clone_record(file, "calls/AA/K-AAAAAAAAAAA2.yaml", "K-AAAAAAAAAAA2");
  for (const std::string typed : {"A", "AA", "k-aaa", "AAAAAAAAAAA"}) {
    CAPTURE(typed);
    Result r = s.fails(4, {"call", "show", typed});
    CHECK(r.err.find("K-AAAAAAAAAAA1") != std::string::npos);
    CHECK(r.err.find("K-AAAAAAAAAAA2") != std::string::npos);
  }
  CHECK(shown_id(s, {"call", "show", "aaaaaaaaaaa2"}) == "K-AAAAAAAAAAA2");
}

TEST_CASE("unknown IDs exit 4") {
  Sandbox s;
  s.init_with_people();
  std::string contact = s.ok({"contact", "add", "--name", "Anna Berg"});
  std::string call = s.ok({"log-call", "--contact", contact, "--summary", "Hello"});
  // A prefix that matches nothing: flip the first character.
  std::string other = contact[2] == 'Z' ? "Y" : "Z";
  s.fails(4, {"contact", "show", other});
  s.fails(4, {"contact", "show", "P-" + other + "00000000000"});
  s.fails(4, {"contact", "show", "not-an-id!"});
  s.fails(4, {"contact", "edit", other, "--name", "X"});
  s.fails(4, {"call", "show", (call[2] == 'Z' ? "Y" : "Z")});
  // A contact ID where a call ID belongs (and back) names the mix-up.
  Result r = s.fails(4, {"call", "show", contact});
  CHECK(r.err.find("contact") != std::string::npos);
  s.fails(4, {"contact", "show", call});
  s.fails(4, {"log-call", "--contact", call, "--summary", "Hello"});
  s.fails(4, {"user", "show", "nobody"});
  s.fails(4, {"department", "show", "nowhere"});
}
