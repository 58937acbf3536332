// crm log-call and crm call list|show.
#include "harness.hpp"

#include <doctest/doctest.h>

using namespace e2e;

namespace {

std::string call_path(const std::string& id) { return "calls/" + id.substr(2, 2) + "/" + id + ".yaml"; }

std::vector<std::string> ids_in(const std::string& json) {
  std::vector<std::string> out;
  for (const auto& row : parse(json)) {
    out.push_back(row["id"].as<std::string>());
  }
  return out;
}

std::string stored_at(Sandbox& s, const std::string& call) {
  return parse(s.read(call_path(call)))["at"].as<std::string>();
}

}  // namespace

TEST_CASE("log-call prints only the call ID and writes every field canonically") {
  Sandbox s;
  s.init_with_people();
  std::string contact = s.ok({"contact", "add", "--name", "Anna Berg"});
  Result r = s.run({"log-call", "--contact", contact.substr(2, 5), "--summary", "Asked about billing: twice",
                    "--direction", "out", "--channel", "email", "--at", "2026-11-22 14:00", "--duration", "15m",
                    "--by", "raquel"});
  REQUIRE(r.status == 0);
  REQUIRE(r.out.size() == 15);
  std::string id = r.out.substr(0, 14);
  CHECK(r.out == id + "\n");
  CHECK(is_generated_id(id, "K"));
  CHECK(r.err.empty());
  CHECK(s.files_in("calls") == std::vector<std::string>{call_path(id)});
  CHECK(s.read(call_path(id)) == "id: " + id +
                                     "\n"
                                     "contact: " + contact +
                                     "\n"
                                     "at: 2026-11-22T14:00:00Z\n"
                                     "direction: out\n"
                                     "channel: email\n"
                                     "duration: 15m\n"
                                     "by: raquel\n"
                                     "summary: \"Asked about billing: twice\"\n"
                                     "history:\n"
                                     "  - at: 2026-11-23T09:00:00Z\n"
                                     "    by: olivia\n"
                                     "    event: logged\n");
}

TEST_CASE("log-call defaults to now, an incoming phone call, taken by the acting user") {
  Sandbox s;
  s.init_with_people();
  std::string contact = s.ok({"contact", "add", "--name", "Anna Berg"});
  std::string id = s.ok({"--as", "raquel", "log-call", "--contact", contact, "--summary", "Hi"});
  YAML::Node call = parse(s.read(call_path(id)));
  CHECK(call["at"].as<std::string>() == "2026-11-23T09:00:00Z");
  CHECK(call["direction"].as<std::string>() == "in");
  CHECK(call["channel"].as<std::string>() == "phone");
  CHECK(call["by"].as<std::string>() == "raquel");
  CHECK_FALSE(call["duration"]);
}

TEST_CASE("log-call reads the summary from stdin when it is piped") {
  Sandbox s;
  s.init_with_people();
  std::string contact = s.ok({"contact", "add", "--name", "Anna Berg"});
  SUBCASE("without --summary") {
    std::string id = s.ok({"log-call", "--contact", contact}, "Low water pressure since this morning\n");
    CHECK(parse(s.read(call_path(id)))["summary"].as<std::string>() == "Low water pressure since this morning");
  }
  SUBCASE("with --summary -") {
    std::string id = s.ok({"log-call", "--contact", contact, "--summary", "-"}, "First line\nSecond line\n\n");
    CHECK(parse(s.read(call_path(id)))["summary"].as<std::string>() == "First line\nSecond line");
  }
  SUBCASE("--summary wins over stdin") {
    std::string id = s.ok({"log-call", "--contact", contact, "--summary", "Typed"}, "Piped\n");
    CHECK(parse(s.read(call_path(id)))["summary"].as<std::string>() == "Typed");
  }
}

TEST_CASE("log-call --new-contact creates the contact and the call in one step") {
  Sandbox s;
  s.init_with_people();
  Result r = s.run({"log-call", "--new-contact", "Carl Diaz", "--summary", "Billing question", "--channel", "email"});
  REQUIRE(r.status == 0);
  std::string id = r.out.substr(0, r.out.size() - 1);
  CHECK(r.out == id + "\n");
  CHECK(is_generated_id(id, "K"));
  auto contacts = s.files_in("contacts");
  REQUIRE(contacts.size() == 1);
  std::string contact = fs::path(contacts[0]).stem().string();
  CHECK(r.err.find("Created contact " + contact) != std::string::npos);
  CHECK(s.exists(call_path(id)));
  CHECK(parse(s.read(call_path(id)))["contact"].as<std::string>() == contact);
  YAML::Node c = parse(s.read(contacts[0]));
  CHECK(c["name"].as<std::string>() == "Carl Diaz");
  CHECK(c["history"][0]["event"].as<std::string>() == "created");

  Result quiet = s.run({"-q", "log-call", "--new-contact", "Dana Ek", "--summary", "Hi"});
  CHECK(quiet.status == 0);
  CHECK(quiet.err.empty());
  CHECK(is_generated_id(quiet.out.substr(0, 14), "K"));
  CHECK(s.files_in("contacts").size() == 2);
}

TEST_CASE("log-call --at reads local times, dates, offsets and relative times") {
  Sandbox s;
  s.init_with_people();
  std::string contact = s.ok({"contact", "add", "--name", "Anna Berg"});
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"2026-11-22 14:00", "2026-11-22T14:00:00Z"}, {"2026-11-22T14:00", "2026-11-22T14:00:00Z"},
      {"2026-11-22T10:30+01:00", "2026-11-22T09:30:00Z"}, {"2026-11-20T07:00:00Z", "2026-11-20T07:00:00Z"},
      {"2026-11-21", "2026-11-21T00:00:00Z"}, {"-2h", "2026-11-23T07:00:00Z"},
      {"3d ago", "2026-11-20T09:00:00Z"}, {"-90m", "2026-11-23T07:30:00Z"},
      {"yesterday", "2026-11-22T00:00:00Z"}, {"today", "2026-11-23T00:00:00Z"},
      {"now", "2026-11-23T09:00:00Z"},
  };
  for (const auto& [typed, stored] : cases) {
    CAPTURE(typed);
    std::string id = s.ok({"log-call", "--contact", contact, "--at", typed, "--summary", "x"});
    CHECK(stored_at(s, id) == stored);
  }
}

TEST_CASE("times without a zone are read in the CRM's time zone and shown in it") {
  Sandbox s;
  s.init_with_people();
  s.write("crm.yaml", "timezone: Europe/Amsterdam\n");
  std::string contact = s.ok({"contact", "add", "--name", "Anna Berg"});
  std::string id = s.ok({"log-call", "--contact", contact, "--at", "2026-11-22 14:00", "--summary", "x"});
  CHECK(stored_at(s, id) == "2026-11-22T13:00:00Z");
  CHECK(s.ok({"call", "list"}).find("2026-11-22 14:00") != std::string::npos);
  CHECK(parse(s.ok({"call", "list", "--format", "json"}))[0]["at"].as<std::string>() == "2026-11-22T13:00:00Z");
  // --since a date means its local midnight (23:00 UTC the day before).
  CHECK(ids_in(s.ok({"call", "list", "--since", "2026-11-22", "--format", "json"})).size() == 1);
  CHECK(ids_in(s.ok({"call", "list", "--since", "2026-11-22 14:01", "--format", "json"})).empty());
}

TEST_CASE("--now and CRM_NOW set the clock, --now wins") {
  Sandbox s;
  s.init_with_people();
  std::string contact = s.ok({"contact", "add", "--name", "Anna Berg"});
  std::string a = s.ok({"--now", "2026-12-01T10:00:00Z", "log-call", "--contact", contact, "--summary", "x"});
  CHECK(stored_at(s, a) == "2026-12-01T10:00:00Z");
  CHECK(parse(s.read(call_path(a)))["history"][0]["at"].as<std::string>() == "2026-12-01T10:00:00Z");
  Result b = s.run_env({"CRM_NOW=2026-05-05T05:05:05Z"}, {"log-call", "--contact", contact, "--summary", "x"});
  REQUIRE(b.status == 0);
  CHECK(stored_at(s, b.out.substr(0, 14)) == "2026-05-05T05:05:05Z");
  std::string c = s.ok({"--now", "2026-12-01T10:00:00Z", "log-call", "--contact", contact, "--at", "-1d",
                        "--summary", "x"});
  CHECK(stored_at(s, c) == "2026-11-30T10:00:00Z");
  s.fails(2, {"--now", "someday", "log-call", "--contact", contact, "--summary", "x"});
}

TEST_CASE("log-call rejects bad input with the right exit code and writes nothing") {
  Sandbox s;
  s.init_with_people();
  std::string contact = s.ok({"contact", "add", "--name", "Anna Berg"});
  s.fails(2, {"log-call", "--summary", "Nobody"});
  s.fails(2, {"log-call", "--contact", contact, "--new-contact", "Carl", "--summary", "Both"});
  s.fails(2, {"log-call", "--contact", contact, "--channel", "pigeon", "--summary", "x"});
  s.fails(2, {"log-call", "--new-contact", "Carl Diaz", "--channel", "pigeon", "--summary", "x"});
  s.fails(2, {"log-call", "--contact", contact, "--direction", "sideways", "--summary", "x"});
  s.fails(2, {"log-call", "--contact", contact, "--duration", "a while", "--summary", "x"});
  s.fails(2, {"log-call", "--contact", contact, "--at", "last tuesday", "--summary", "x"});
  s.fails(2, {"log-call", "--new-contact", "Carl Diaz", "--at", "2026-13-01", "--summary", "x"});
  s.fails(4, {"log-call", "--contact", contact, "--by", "nobody", "--summary", "x"});
  s.fails(4, {"log-call", "--new-contact", "Carl Diaz", "--by", "nobody", "--summary", "x"});
  s.fails(4, {"log-call", "--contact", "P-" + std::string(contact[2] == 'Z' ? "Y" : "Z"), "--summary", "x"});
  CHECK(s.files_in("calls").empty());
  CHECK(s.files_in("contacts").size() == 1);
}

TEST_CASE("call list is newest first and filters by user, contact and time") {
  Sandbox s;
  s.init_with_people();
  std::string anna = s.ok({"contact", "add", "--name", "Anna Berg"});
  std::string bob = s.ok({"contact", "add", "--name", "Bob Evans"});
  std::string c1 = s.ok({"log-call", "--contact", anna, "--at", "2026-11-20 10:00", "--summary", "one"});
  std::string c3 = s.ok({"log-call", "--contact", bob, "--at", "2026-11-23 08:00", "--summary", "three", "--by",
                         "raquel"});
  std::string c2 = s.ok({"log-call", "--contact", anna, "--at", "2026-11-22 14:00", "--summary", "two", "--by",
                         "raquel"});
  using V = std::vector<std::string>;
  CHECK(ids_in(s.ok({"call", "list", "--format", "json"})) == V{c3, c2, c1});
  CHECK(ids_in(s.ok({"call", "list", "--by", "raquel", "--format", "json"})) == V{c3, c2});
  CHECK(ids_in(s.ok({"call", "list", "--by", "olivia", "--format", "json"})) == V{c1});
  CHECK(ids_in(s.ok({"call", "list", "--contact", anna.substr(2, 6), "--format", "json"})) == V{c2, c1});
  CHECK(ids_in(s.ok({"call", "list", "--since", "2026-11-22", "--format", "json"})) == V{c3, c2});
  CHECK(ids_in(s.ok({"call", "list", "--since", "yesterday", "--format", "json"})) == V{c3, c2});
  CHECK(ids_in(s.ok({"call", "list", "--since", "2026-11-22 14:00", "--format", "json"})) == V{c3, c2});
  CHECK(ids_in(s.ok({"call", "list", "--until", "2026-11-22", "--format", "json"})) == V{c1});
  CHECK(ids_in(s.ok({"call", "list", "--until", "2026-11-22 14:00", "--format", "json"})) == V{c1});
  CHECK(ids_in(s.ok({"call", "list", "--since", "2026-11-21", "--until", "2026-11-23", "--format", "json"})) ==
        V{c2});
  CHECK(ids_in(s.ok({"call", "list", "--since", "-2h", "--format", "json"})) == V{c3});
  CHECK(ids_in(s.ok({"call", "list", "--contact", bob, "--by", "olivia", "--format", "json"})).empty());

  CHECK(s.ok({"call", "list"}) ==
        "ID              WHEN              CONTACT    DIR  CHANNEL  LENGTH  BY      SUMMARY\n" + c3 +
            "  2026-11-23 08:00  Bob Evans  in   phone            raquel  three\n" + c2 +
            "  2026-11-22 14:00  Anna Berg  in   phone            raquel  two\n" + c1 +
            "  2026-11-20 10:00  Anna Berg  in   phone            olivia  one");

  s.fails(4, {"call", "list", "--by", "nobody"});
  s.fails(4, {"call", "list", "--contact", "P-000000000000"});
  s.fails(2, {"call", "list", "--since", "whenever"});
}

TEST_CASE("call show gives every field and the contact's name") {
  Sandbox s;
  s.init_with_people();
  std::string contact = s.ok({"contact", "add", "--name", "Anna Berg"});
  std::string id = s.ok({"log-call", "--contact", contact, "--summary", "Leak at number 12", "--duration", "1h30m",
                         "--at", "2026-11-22 14:00", "--direction", "out", "--channel", "visit"});
  YAML::Node c = parse(s.ok({"call", "show", id, "--format", "json"}));
  CHECK(c["id"].as<std::string>() == id);
  CHECK(c["contact"].as<std::string>() == contact);
  CHECK(c["contact_name"].as<std::string>() == "Anna Berg");
  CHECK(c["at"].as<std::string>() == "2026-11-22T14:00:00Z");
  CHECK(c["direction"].as<std::string>() == "out");
  CHECK(c["channel"].as<std::string>() == "visit");
  CHECK(c["duration"].as<std::string>() == "1h30m");
  CHECK(c["by"].as<std::string>() == "olivia");
  CHECK(c["summary"].as<std::string>() == "Leak at number 12");
  CHECK(c["created"].as<std::string>() == "2026-11-23T09:00:00Z");
  CHECK(c["history"][0]["event"].as<std::string>() == "logged");

  CHECK(s.ok({"call", "show", id}) == "id:           " + id +
                                          "\n"
                                          "contact:      " + contact +
                                          "\n"
                                          "contact_name: Anna Berg\n"
                                          "at:           2026-11-22 14:00\n"
                                          "direction:    out\n"
                                          "channel:      visit\n"
                                          "duration:     1h30m\n"
                                          "by:           olivia\n"
                                          "summary:      Leak at number 12\n"
                                          "created:      2026-11-23 09:00\n"
                                          "updated:      2026-11-23 09:00\n"
                                          "\n"
                                          "History\n"
                                          "WHEN              EVENT   BY      DETAIL\n"
                                          "2026-11-23 09:00  logged  olivia");
}
