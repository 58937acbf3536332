// crm contact add|list|show|edit, and the canonical form of contact files.
#include "harness.hpp"

#include <doctest/doctest.h>

#include <map>

using namespace e2e;

namespace {

std::string path_of(const std::string& id) { return "contacts/" + id + ".yaml"; }

std::vector<std::string> names_in(const std::string& json) {
  std::vector<std::string> out;
  for (const auto& row : parse(json)) {
    out.push_back(row["name"].as<std::string>());
  }
  return out;
}

}  // namespace

TEST_CASE("contact add prints only the new ID and writes a canonical file") {
  Sandbox s;
  s.init_with_people();
  Result r = s.run({"contact", "add", "--name", "Anna Berg", "--kind", "citizen", "--org", "Acme, Inc.", "--email",
                    "anna@example.org", "--email", "a.berg@work.example", "--phone", "+31 20 555 0101", "--phone",
                    "555-0199", "--tag", "elm-street", "--tag", "012", "--note", "no"});
  REQUIRE(r.status == 0);
  REQUIRE(r.out.size() == 15);
  CHECK(r.out.back() == '\n');
  std::string id = r.out.substr(0, 14);
  CHECK(is_generated_id(id, "P"));
  CHECK(r.err.empty());
  CHECK(s.read(path_of(id)) ==
        "id: " + id +
            "\n"
            "name: Anna Berg\n"
            "kind: citizen\n"
            "org: Acme, Inc.\n"
            "emails:\n"
            "  - anna@example.org\n"
            "  - a.berg@work.example\n"
            "phones:\n"
            "  - \"+31 20 555 0101\"\n"
            "  - \"555-0199\"\n"
            "tags:\n"
            "  - elm-street\n"
            "  - \"012\"\n"
            "note: \"no\"\n"
            "history:\n"
            "  - at: 2026-11-23T09:00:00Z\n"
            "    by: olivia\n"
            "    event: created\n");
}

TEST_CASE("contact add with only a name uses the default kind and omits empty fields") {
  Sandbox s;
  s.init_with_people();
  std::string id = s.ok({"contact", "add", "--name", "Bob"});
  CHECK(s.read(path_of(id)) == "id: " + id +
                                   "\nname: Bob\nkind: customer\nhistory:\n  - at: 2026-11-23T09:00:00Z\n"
                                   "    by: olivia\n    event: created\n");
}

TEST_CASE("text that YAML could misread is double-quoted and reads back unchanged") {
  Sandbox s;
  s.init_with_people();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"no", "\"no\""},
      {"yes", "\"yes\""},
      {"Off", "\"Off\""},
      {"null", "\"null\""},
      {"~", "\"~\""},
      {"true", "\"true\""},
      {"012", "\"012\""},
      {"3.14", "\"3.14\""},
      {"2026-11-23", "\"2026-11-23\""},
      {"+31 20 555 0101", "\"+31 20 555 0101\""},
      {"- not a list", "\"- not a list\""},
      {"key: value", "\"key: value\""},
      {"#hashtag", "\"#hashtag\""},
      {"say \"hi\"", "say \"hi\""},
      {" padded ", "\" padded \""},
      {"[1, 2]", "\"[1, 2]\""},
      {"*star", "\"*star\""},
      {"plain words", "plain words"},
  };
  std::map<std::string, std::string> note_of;
  for (const auto& [note, written] : cases) {
    CAPTURE(note);
    std::string id = s.ok({"contact", "add", "--name", "Quote Test", "--note", note});
    std::string file = s.read(path_of(id));
    CHECK(file.find("\nnote: " + written + "\n") != std::string::npos);
    CHECK(parse(file)["note"].as<std::string>() == note);
    note_of[id] = note;
  }
  YAML::Node listed = parse(s.ok({"contact", "list", "--format", "json"}));
  REQUIRE(listed.size() == cases.size());
  for (const auto& row : listed) {
    CHECK(row["note"].as<std::string>() == note_of[row["id"].as<std::string>()]);
  }
}

TEST_CASE("a multi-line note is stored as a literal block and reads back unchanged") {
  Sandbox s;
  s.init_with_people();
  std::string note = "Called twice.\nPrefers email: anna@example.org\n  indented line";
  std::string id = s.ok({"contact", "add", "--name", "Anna Berg", "--note", note});
  std::string file = s.read(path_of(id));
  CHECK(file.find("\nnote: |-\n  Called twice.\n  Prefers email: anna@example.org\n    indented line\nhistory:") !=
        std::string::npos);
  CHECK(parse(file)["note"].as<std::string>() == note);
  CHECK(parse(s.ok({"contact", "show", id, "--format", "yaml"}))["note"].as<std::string>() == note);
}

TEST_CASE("contact add with an unknown kind exits 2 and writes nothing") {
  Sandbox s;
  s.init_with_people();
  Result r = s.fails(2, {"contact", "add", "--name", "Zorg", "--kind", "alien"});
  CHECK(r.err.find("alien") != std::string::npos);
  CHECK(s.files_in("contacts").empty());
}

TEST_CASE("contact add rejects bad input with exit 2 and writes nothing") {
  Sandbox s;
  s.init_with_people();
  s.fails(2, {"contact", "add", "--name", "Anna", "--email", "not-an-address"});
  s.fails(2, {"contact", "add", "--kind", "citizen"});
  s.fails(2, {"contact", "add", "--name", ""});
  s.fails(2, {"contact", "add", "--name", "Anna", "--bogus"});
  s.fails(2, {"contact", "add", "--name"});
  CHECK(s.files_in("contacts").empty());
}

TEST_CASE("contact list is sorted by name and filters by kind, tag and search text") {
  Sandbox s;
  s.init_with_people();
  s.ok({"contact", "add", "--name", "Carl Diaz", "--kind", "customer", "--org", "Windco", "--tag", "vip"});
  std::string anna = s.ok({"contact", "add", "--name", "Anna Berg", "--kind", "citizen", "--tag", "elm-street",
                           "--email", "anna@example.org"});
  s.ok({"contact", "add", "--name", "Bob Evans", "--kind", "citizen", "--tag", "vip", "--phone", "555 0101",
        "--note", "Asked about the leak"});

  CHECK(names_in(s.ok({"contact", "list", "--format", "json"})) ==
        std::vector<std::string>{"Anna Berg", "Bob Evans", "Carl Diaz"});
  CHECK(names_in(s.ok({"contact", "list", "--kind", "citizen", "--format", "json"})) ==
        std::vector<std::string>{"Anna Berg", "Bob Evans"});
  CHECK(names_in(s.ok({"contact", "list", "--tag", "vip", "--format", "json"})) ==
        std::vector<std::string>{"Bob Evans", "Carl Diaz"});
  CHECK(names_in(s.ok({"contact", "list", "--search", "example.org", "--format", "json"})) ==
        std::vector<std::string>{"Anna Berg"});
  CHECK(names_in(s.ok({"contact", "list", "--search", "Windco", "--format", "json"})) ==
        std::vector<std::string>{"Carl Diaz"});
  CHECK(names_in(s.ok({"contact", "list", "--search", "leak", "--format", "json"})) ==
        std::vector<std::string>{"Bob Evans"});
  CHECK(names_in(s.ok({"contact", "list", "--search", "0101", "--format", "json"})) ==
        std::vector<std::string>{"Bob Evans"});
  CHECK(names_in(s.ok({"contact", "list", "--search", "Berg", "--format", "json"})) ==
        std::vector<std::string>{"Anna Berg"});
  CHECK(names_in(s.ok({"contact", "list", "--kind", "citizen", "--tag", "vip", "--format", "json"})) ==
        std::vector<std::string>{"Bob Evans"});
  CHECK(s.ok({"contact", "list", "--tag", "nothing-has-this", "--format", "json"}) == "[]");
  CHECK(s.ok({"contact", "ls", "--kind", "press"}).empty());
}

TEST_CASE("contact show gives the details, then calls newest first, then the history") {
  Sandbox s;
  s.init_with_people();
  std::string id = s.ok({"contact", "add", "--name", "Anna Berg", "--kind", "citizen", "--phone", "+1 555 0101"});
  std::string middle = s.ok({"log-call", "--contact", id, "--at", "2026-11-21 10:00", "--summary", "Second"});
  std::string newest = s.ok({"log-call", "--contact", id, "--at", "2026-11-22 16:30", "--summary", "Third",
                             "--direction", "out", "--by", "raquel"});
  std::string oldest = s.ok({"log-call", "--contact", id, "--at", "2026-11-20 08:15", "--summary", "First",
                             "--channel", "email"});
  // A call with someone else does not show up.
  std::string other = s.ok({"contact", "add", "--name", "Bob Evans"});
  s.ok({"log-call", "--contact", other, "--summary", "Not Anna's"});

  CHECK(s.ok({"contact", "show", id}) ==
        "id:      " + id +
            "\n"
            "name:    Anna Berg\n"
            "kind:    citizen\n"
            "phones:  +1 555 0101\n"
            "created: 2026-11-23 09:00\n"
            "updated: 2026-11-23 09:00\n"
            "\n"
            "Timeline (newest first)\n"
            "WHEN              WHAT  ID              BY      SUMMARY\n"
            "2026-11-22 16:30  call  " + newest + "  raquel  out phone: Third\n"
            "2026-11-21 10:00  call  " + middle + "  olivia  in phone: Second\n"
            "2026-11-20 08:15  call  " + oldest + "  olivia  in email: First\n"
            "\n"
            "History\n"
            "WHEN              EVENT    BY      DETAIL\n"
            "2026-11-23 09:00  created  olivia");

  YAML::Node shown = parse(s.ok({"contact", "show", id, "--format", "json"}));
  REQUIRE(shown["timeline"].size() == 3);
  CHECK(shown["timeline"][0]["id"].as<std::string>() == newest);
  CHECK(shown["timeline"][0]["at"].as<std::string>() == "2026-11-22T16:30:00Z");
  CHECK(shown["timeline"][1]["id"].as<std::string>() == middle);
  CHECK(shown["timeline"][2]["id"].as<std::string>() == oldest);
  CHECK(shown["history"][0]["event"].as<std::string>() == "created");
}

TEST_CASE("contact show of a contact without calls says so") {
  Sandbox s;
  s.init_with_people();
  std::string id = s.ok({"contact", "add", "--name", "Anna Berg"});
  std::string out = s.ok({"contact", "show", id});
  CHECK(out.find("Timeline (newest first)\n  (none)\n") != std::string::npos);
}

TEST_CASE("contact edit changes fields and records an edited event listing them") {
  Sandbox s;
  s.init_with_people();
  std::string id = s.ok({"contact", "add", "--name", "Anna Berg", "--kind", "citizen", "--org", "Old Org", "--email",
                         "old@example.org", "--tag", "a", "--tag", "b"});
  Result r = s.run({"--now", "2026-11-24T10:30:00Z", "--as", "raquel", "contact", "edit", id.substr(2, 4), "--name",
                    "Anna Berg-Smit", "--kind", "customer", "--unset", "org", "--email", "new@example.org", "--email",
                    "second@example.org", "--add-tag", "c", "--remove-tag", "a", "--note", "Moved"});
  REQUIRE(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err == id + ": changed name, kind, org, emails, tags, note\n");
  CHECK(s.read(path_of(id)) == "id: " + id +
                                   "\n"
                                   "name: Anna Berg-Smit\n"
                                   "kind: customer\n"
                                   "emails:\n"
                                   "  - new@example.org\n"
                                   "  - second@example.org\n"
                                   "tags:\n"
                                   "  - b\n"
                                   "  - c\n"
                                   "note: Moved\n"
                                   "history:\n"
                                   "  - at: 2026-11-23T09:00:00Z\n"
                                   "    by: olivia\n"
                                   "    event: created\n"
                                   "  - at: 2026-11-24T10:30:00Z\n"
                                   "    by: raquel\n"
                                   "    event: edited\n"
                                   "    fields:\n"
                                   "      - name\n"
                                   "      - kind\n"
                                   "      - org\n"
                                   "      - emails\n"
                                   "      - tags\n"
                                   "      - note\n");
  YAML::Node shown = parse(s.ok({"contact", "show", id, "--format", "json"}));
  CHECK(shown["created"].as<std::string>() == "2026-11-23T09:00:00Z");
  CHECK(shown["updated"].as<std::string>() == "2026-11-24T10:30:00Z");
}

TEST_CASE("contact edit -q prints nothing") {
  Sandbox s;
  s.init_with_people();
  std::string id = s.ok({"contact", "add", "--name", "Anna Berg"});
  Result r = s.run({"-q", "contact", "edit", id, "--add-tag", "x"});
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err.empty());
}

TEST_CASE("editing a field to its current value leaves the file byte-for-byte unchanged") {
  Sandbox s;
  s.init_with_people();
  std::string id = s.ok({"contact", "add", "--name", "Anna Berg", "--tag", "a", "--note", "no", "--phone",
                         "+31 20 555 0101"});
  auto before = s.snapshot();
  Result r = s.run({"--now", "2026-11-25T12:00:00Z", "contact", "edit", id, "--name", "Anna Berg", "--add-tag", "a",
                    "--note", "no", "--phone", "+31 20 555 0101"});
  CHECK(r.status == 0);
  CHECK(r.err == id + ": nothing changed\n");
  CHECK(s.snapshot() == before);
}

TEST_CASE("changing a field and changing it back only adds history") {
  Sandbox s;
  s.init_with_people();
  std::string id = s.ok({"contact", "add", "--name", "Anna Berg", "--org", "Acme, Inc.", "--tag", "012", "--note",
                         "Line one\nLine two: yes", "--phone", "+31 20 555 0101"});
  std::string original = s.read(path_of(id));
  s.ok({"--now", "2026-11-24T08:00:00Z", "contact", "edit", id, "--name", "Someone Else"});
  s.ok({"--now", "2026-11-24T08:05:00Z", "contact", "edit", id, "--name", "Anna Berg"});
  CHECK(s.read(path_of(id)) == original +
                                   "  - at: 2026-11-24T08:00:00Z\n"
                                   "    by: olivia\n"
                                   "    event: edited\n"
                                   "    fields:\n"
                                   "      - name\n"
                                   "  - at: 2026-11-24T08:05:00Z\n"
                                   "    by: olivia\n"
                                   "    event: edited\n"
                                   "    fields:\n"
                                   "      - name\n");
}

TEST_CASE("a hand-written contact keeps its unknown keys, after the known ones, when edited") {
  Sandbox s;
  s.init_with_people();
  s.write("contacts/P-0123456789AB.yaml",
          "# written by hand\n"
          "favourite_colour: blue\n"
          "name: 'Anna Berg'\n"
          "id: P-0123456789AB\n"
          "tags: [a]\n"
          "kind: citizen\n"
          "history:\n"
          "- at: 2026-01-02T03:04:05Z\n"
          "  event: created\n"
          "  by: olivia\n"
          "  source: import\n"
          "extra:\n"
          "  nested: [1, 2]\n");
  CHECK(s.run({"check"}).status == 0);
  s.ok({"contact", "edit", "P-0123", "--add-tag", "b"});
  CHECK(s.read("contacts/P-0123456789AB.yaml") ==
        "id: P-0123456789AB\n"
        "name: Anna Berg\n"
        "kind: citizen\n"
        "tags:\n"
        "  - a\n"
        "  - b\n"
        "history:\n"
        "  - at: 2026-01-02T03:04:05Z\n"
        "    by: olivia\n"
        "    event: created\n"
        "    source: import\n"
        "  - at: 2026-11-23T09:00:00Z\n"
        "    by: olivia\n"
        "    event: edited\n"
        "    fields:\n"
        "      - tags\n"
        "favourite_colour: blue\n"
        "extra:\n"
        "  nested:\n"
        "    - 1\n"
        "    - 2\n");
  CHECK(s.run({"check"}).status == 0);
}

TEST_CASE("contact edit rejects bad changes with the right exit code and writes nothing") {
  Sandbox s;
  s.init_with_people();
  std::string id = s.ok({"contact", "add", "--name", "Anna Berg", "--tag", "a"});
  s.fails(2, {"contact", "edit", id});                                  // nothing to change
  s.fails(2, {"contact", "edit", id, "--kind", "alien"});               // unknown kind
  s.fails(2, {"contact", "edit", id, "--remove-tag", "missing"});       // not there
  s.fails(2, {"contact", "edit", id, "--unset", "name"});               // required
  s.fails(2, {"contact", "edit", id, "--unset", "colour"});             // no such field
  s.fails(2, {"contact", "edit", id, "--name", "X", "--unset", "id"});  // not editable
  s.fails(2, {"contact", "edit", id, "--name", ""});
  s.fails(4, {"contact", "edit", "ZZZZZZZZZZZZ", "--name", "X"});
}

TEST_CASE("contact edit rejects an email without @, as contact add does") {
  Sandbox s;
  s.init_with_people();
  std::string id = s.ok({"contact", "add", "--name", "Anna Berg", "--email", "anna@example.org"});
  s.fails(2, {"contact", "add", "--name", "Bob Evans", "--email", "not-an-address"});
  s.fails(2, {"contact", "edit", id, "--email", "not-an-address"});
  s.fails(2, {"contact", "edit", id, "--add-email", "not-an-address"});
}

TEST_CASE("tricky text in lists survives saving and editing unchanged") {
  Sandbox s;
  s.init_with_people();
  const std::vector<std::string> tags = {
      "no",          "Yes",         "012",          "0x1F",      "1e3",        "-1",           ".5",
      ".inf",        "Note:",       "a #b",         "@handle",   "`tick",      "%pct",         "!bang",
      "&anchor",     "|pipe",       ">gt",          "'single",   "?x",         "---",          "...",
      "key:value",   "a\tb",        "two\nlines",   "trailing\n", "two\n\n",   "\nleading",    "crlf\r\nline",
      "space \nend", "Zoë Ødegård", "back\\slash", "{a: 1}",    "- item",     "2026-11-23T09:00:00Z"};
  std::vector<std::string> args = {"contact", "add", "--name", "Tag Test"};
  for (const auto& t : tags) {
    args.insert(args.end(), {"--tag", t});
  }
  std::string id = s.ok(args);
  std::string original = s.read(path_of(id));
  YAML::Node stored = parse(original)["tags"];
  REQUIRE(stored.size() == tags.size());
  for (std::size_t i = 0; i < tags.size(); ++i) {
    CAPTURE(tags[i]);
    CHECK(stored[i].as<std::string>() == tags[i]);
  }
  YAML::Node shown = parse(s.ok({"contact", "show", id, "--format", "json"}))["tags"];
  REQUIRE(shown.size() == tags.size());
  for (std::size_t i = 0; i < tags.size(); ++i) {
    CAPTURE(tags[i]);
    CHECK(shown[i].as<std::string>() == tags[i]);
  }
  s.ok({"--now", "2026-11-24T08:00:00Z", "contact", "edit", id, "--name", "Other"});
  s.ok({"--now", "2026-11-24T08:00:00Z", "contact", "edit", id, "--name", "Tag Test"});
  std::string event = "  - at: 2026-11-24T08:00:00Z\n    by: olivia\n    event: edited\n    fields:\n      - name\n";
  CHECK(s.read(path_of(id)) == original + event + event);
  CHECK(s.run({"check"}).status == 0);
}

TEST_CASE("unknown keys that YAML could misread survive an edit with the same meaning") {
  Sandbox s;
  s.init_with_people();
  s.write("contacts/P-0123456789AB.yaml",
          "id: P-0123456789AB\n"
          "name: Anna Berg\n"
          "\"no\": \"yes\"\n"
          "'012': '0x1F'\n"
          "plain: 12\n"
          "when: 2026-11-23\n"
          "multi: |\n"
          "  line one\n"
          "  line two\n");
  s.ok({"contact", "edit", "P-0123456789AB", "--add-tag", "a"});
  YAML::Node after = parse(s.read("contacts/P-0123456789AB.yaml"));
  CHECK(after["no"].as<std::string>() == "yes");
  CHECK(after["012"].as<std::string>() == "0x1F");
  CHECK(after["plain"].as<std::string>() == "12");
  CHECK(after["when"].as<std::string>() == "2026-11-23");
  CHECK(after["multi"].as<std::string>() == "line one\nline two\n");
  CHECK(after["tags"][0].as<std::string>() == "a");
  std::string text = s.read("contacts/P-0123456789AB.yaml");
  CHECK(text.find("\"no\": \"yes\"\n") != std::string::npos);
  CHECK(text.find("\"012\": \"0x1F\"\n") != std::string::npos);
}
