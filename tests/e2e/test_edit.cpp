// crm edit [KIND] ID: a record's file in $VISUAL / $EDITOR, checked before it is saved.
#include "harness.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace e2e;
using V = std::vector<std::string>;

namespace {

// Writes an executable shell script `name` (outside the CRM) and returns its path.
std::string script(const Sandbox& s, const std::string& name, const std::string& body) {
  fs::path path = s.root() / name;
  std::ofstream(path) << "#!/bin/sh\n" << body;
  fs::permissions(path, fs::perms::owner_all);
  return path.string();
}

// The environment for an editor: EDITOR set, no VISUAL from the outer world.
V editor(const std::string& command) {
  return {"EDITOR=" + command, "VISUAL"};
}

std::string contact_path(const std::string& id) {
  return "contacts/" + id + ".yaml";
}

// A contact "Anna Berg" with a phone and a tag; returns its ID.
std::string anna(Sandbox& s) {
  return s.ok({"contact", "add", "--name", "Anna Berg", "--phone", "+1 555 0101", "--tag", "elm-street"});
}

// The edited event `crm edit` appends at 2026-11-24 10:00 as olivia.
std::string edited_event(const std::string& fields) {
  return "  - at: 2026-11-24T10:00:00Z\n    by: olivia\n    event: edited\n    fields:\n" + fields;
}

const V k_later = {"--now", "2026-11-24T10:00:00Z"};

V edit_args(const std::string& id) {
  V args = {"edit", id};
  args.insert(args.end(), k_later.begin(), k_later.end());
  return args;
}

// Files under the CRM's .crm folder whose name starts with "edit-".
std::vector<fs::path> kept_files(const Sandbox& s) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(s.crm_dir() / ".crm")) {
    if (entry.path().filename().string().rfind("edit-", 0) == 0) {
      out.push_back(entry.path());
    }
  }
  return out;
}

}  // namespace

TEST_CASE("crm edit saves a valid change with an edited event, leaving the other fields as they were") {
  Sandbox s;
  s.init_with_people();
  std::string id = anna(s);
  std::string before = s.read(contact_path(id));
  std::string ed =
      script(s, "ed.sh", "sed -i 's/^name: Anna Berg$/name: Anna Smith/; s/elm-street/oak-lane/' \"$1\"\n");
  Result r = s.run_env(editor(ed), edit_args(id.substr(2, 5)));
  REQUIRE(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err == id + ": changed name, tags\n");
  std::string expected = before;
  expected.replace(expected.find("Anna Berg"), 9, "Anna Smith");
  expected.replace(expected.find("elm-street"), 10, "oak-lane");
  CHECK(s.read(contact_path(id)) == expected + edited_event("      - name\n      - tags\n"));
  CHECK(s.ok({"check"}).empty());
  CHECK(kept_files(s).empty());
}

TEST_CASE("crm edit with no change writes nothing") {
  Sandbox s;
  s.init_with_people();
  std::string id = anna(s);
  auto before = s.snapshot();
  SUBCASE("the file saved as it was") {
    Result r = s.run_env(editor("true"), edit_args(id));
    CHECK(r.status == 0);
    CHECK(r.err == id + ": nothing changed\n");
  }
  SUBCASE("the same record written differently") {
    std::string ed = script(s, "ed.sh", "sed -i 's/^name: Anna Berg$/name: \"Anna Berg\"  # same/' \"$1\"\n");
    Result r = s.run_env(editor(ed), edit_args(id));
    CHECK(r.status == 0);
    CHECK(r.err == id + ": nothing changed\n");
  }
  CHECK(s.snapshot() == before);
  CHECK(kept_files(s).empty());
}

TEST_CASE("crm edit gives up when invalid text is saved again unchanged, keeping the text") {
  Sandbox s;
  s.init_with_people();
  std::string id = anna(s);
  // A script that always writes the same bad content ends the loop too.
  std::string ed = script(s, "ed.sh", "printf 'id: " + id + "\\nname: [unclosed\\n' > \"$1\"\nexit 0\n");
  Result r = s.fails(3, edit_args(id), editor(ed));
  auto kept = kept_files(s);
  REQUIRE(kept.size() == 1);
  std::string shown = ".crm/" + kept[0].filename().string();
  // yaml-cpp finds the missing ']' at the end: line 5 under the two comment lines.
  CHECK(r.err.rfind("crm: error: " + shown + ":5:1: end of sequence flow not found; nothing changed", 0) == 0);
  CHECK(r.err.find("; nothing changed; your text is kept in " + shown + "\n") != std::string::npos);
  std::string text = s.read(shown);
  CHECK(text.rfind("# crm: error: line 5: end of sequence flow not found\n# crm: fix", 0) == 0);
  CHECK(text.find("\nid: " + id + "\nname: [unclosed\n") != std::string::npos);
}

TEST_CASE("crm edit shows the problem and saves the text fixed in the editor") {
  Sandbox s;
  s.init_with_people();
  std::string id = anna(s);
  // First round: a bad kind. Second: remember what was shown, then fix it.
  std::string ed = script(s, "ed.sh",
                          "if [ -f round ]; then cp \"$1\" shown.yaml; sed -i 's/^kind: .*/kind: citizen/' \"$1\";\n"
                          "else touch round; sed -i 's/^kind: .*/kind: custmer/' \"$1\"; fi\n");
  Result r = s.run_env(editor(ed), edit_args(id));
  REQUIRE(r.status == 0);
  CHECK(r.err == id + ": changed kind\n");
  std::string shown = s.read("shown.yaml");
  CHECK(shown.rfind("# crm: error: line 5: 'kind': 'custmer' is not one of customer, citizen,", 0) == 0);
  CHECK(shown.find("(did you mean 'customer'?)\n# crm: fix the record and save to try again; save it unchanged or "
                   "empty to give up\nid: " +
                   id + "\nname: Anna Berg\nkind: custmer\n") != std::string::npos);
  std::string saved = s.read(contact_path(id));
  CHECK(saved.find("kind: citizen\n") != std::string::npos);
  CHECK(saved.find("# crm") == std::string::npos);
  CHECK(s.ok({"check"}).empty());
  CHECK(kept_files(s).empty());
}

TEST_CASE("crm edit refuses a changed id or history") {
  Sandbox s;
  s.init_with_people();
  std::string id = anna(s);
  SUBCASE("id") {
    std::string ed = script(s, "ed.sh", "sed -i 's/^id: .*/id: P-000000000000/' \"$1\"\n");
    Result r = s.fails(3, edit_args(id), editor(ed));
    CHECK(r.err.find(":3: the id cannot change (it is the file name): keep 'id: " + id + "'; nothing changed") !=
          std::string::npos);
  }
  SUBCASE("history") {
    std::string ed = script(s, "ed.sh", "sed -i 's/by: olivia/by: raquel/' \"$1\"\n");
    Result r = s.fails(3, edit_args(id), editor(ed));
    CHECK(r.err.find(": the history cannot be edited: it is the record's audit trail") != std::string::npos);
  }
  SUBCASE("a case's status, which follows its history") {
    std::string c = s.ok({"case", "open", "--contact", id, "--title", "Leak", "--department", "water"});
    std::string ed = script(s, "ed.sh", "sed -i 's/^status: .*/status: closed/' \"$1\"\n");
    Result r = s.fails(3, edit_args(c), editor(ed));
    CHECK(r.err.find("'status' is 'closed' but the history says 'new'; nothing changed") != std::string::npos);
  }
}

TEST_CASE("crm edit abandons the edit when the editor fails or the text is emptied") {
  Sandbox s;
  s.init_with_people();
  std::string id = anna(s);
  SUBCASE("the editor exits non-zero, even after changing the file") {
    std::string ed = script(s, "ed.sh", "sed -i 's/^name: .*/name: Other/' \"$1\"\nexit 1\n");
    Result r = s.fails(2, edit_args(id), editor(ed));
    CHECK(r.err ==
          "crm: error: the editor '" + ed + "' exited with status 1, so the edit is abandoned; nothing changed\n");
  }
  SUBCASE("the editor cannot be found") {
    auto before = s.snapshot();
    Result r = s.run_env(editor("no-such-editor-here"), edit_args(id));
    CHECK(r.status == 2);
    CHECK(r.err.find("crm: error: the editor 'no-such-editor-here' exited with status 127") != std::string::npos);
    CHECK(s.snapshot() == before);
  }
  SUBCASE("emptied") {
    std::string ed = script(s, "ed.sh", ": > \"$1\"\n");
    Result r = s.fails(3, edit_args(id), editor(ed));
    CHECK(r.err == "crm: error: the text is empty, so the edit is abandoned; nothing changed\n");
  }
  CHECK(kept_files(s).empty());
}

TEST_CASE("crm edit prefers VISUAL to EDITOR, and runs either through the shell") {
  Sandbox s;
  s.init_with_people();
  std::string id = anna(s);
  std::string visual = script(s, "visual.sh", "sed -i \"s/^name: .*/name: $1/\" \"$2\"\n");
  std::string ed = script(s, "ed.sh", "sed -i 's/^name: .*/name: From EDITOR/' \"$1\"\n");
  // "sh SCRIPT ARG" as EDITOR="code -w" would be: the file comes last.
  s.run_env({"VISUAL=sh " + visual + " Visual", "EDITOR=" + ed}, edit_args(id));
  CHECK(s.read(contact_path(id)).find("name: Visual\n") != std::string::npos);
  s.run_env(editor(ed), {"edit", id});
  CHECK(s.read(contact_path(id)).find("name: From EDITOR\n") != std::string::npos);
}

TEST_CASE("crm edit without VISUAL or EDITOR and no terminal exits 2 instead of waiting on vi") {
  Sandbox s;
  s.init_with_people();
  std::string id = anna(s);
  // The harness's stdin is a pipe, as in a script or cron; vi would hang there.
  Result r = s.fails(2, edit_args(id), {"VISUAL", "EDITOR"});
  CHECK(r.err == "crm: error: no editor: set VISUAL or EDITOR (vi needs a terminal, and stdin is none)\n");
  CHECK(kept_files(s).empty());
}

TEST_CASE("crm edit refuses to overwrite a record changed while it was being edited") {
  Sandbox s;
  s.init_with_people();
  std::string id = anna(s);
  // The editor's session overlaps another crm command changing the same record.
  std::string ed = script(s, "ed.sh",
                          std::string("\"") + CRM_BINARY + "\" contact edit " + id + " --org Acme 2>/dev/null\n" +
                              "sed -i 's/^name: .*/name: Mine/' \"$1\"\n");
  Result r = s.run_env(editor(ed), edit_args(id));
  CHECK(r.status == 5);
  std::string saved = s.read(contact_path(id));
  CHECK(saved.find("org: Acme\n") != std::string::npos);
  CHECK(saved.find("name: Anna Berg\n") != std::string::npos);
  auto kept = kept_files(s);
  REQUIRE(kept.size() == 1);
  std::string shown = ".crm/" + kept[0].filename().string();
  CHECK(r.err == "crm: error: " + id +
                     " changed on disk while you were editing it (another crm command or a git "
                     "pull?), so nothing changed: edit it again and copy your changes over; your text is kept in " +
                     shown + "\n");
  CHECK(s.read(shown).find("name: Mine\n") != std::string::npos);
}

TEST_CASE("crm edit finds any kind of record by ID, prefix or name") {
  Sandbox s;
  s.init_with_people();
  std::string ed = script(s, "ed.sh", "sed -i 's/^name: .*/name: Renamed/' \"$1\"\n");
  SUBCASE("a user, with or without the kind") {
    s.run_env(editor(ed), {"edit", "raquel"});
    CHECK(s.read("users/raquel.yaml").find("name: Renamed\n") != std::string::npos);
    s.run_env(editor(ed), {"edit", "user", "olivia"});
    CHECK(s.read("users/olivia.yaml").find("name: Renamed\n") != std::string::npos);
  }
  SUBCASE("an influencer by screen name") {
    std::string id = s.ok({"influencer", "add", "Rant112"});
    s.run_env(editor(ed), {"edit", "@rant112"});
    CHECK(s.read(contact_path(id)).find("name: Renamed\n") != std::string::npos);
  }
  SUBCASE("unknown, ambiguous, or not editable") {
    s.fails(4, {"edit", "nobody"}, editor(ed));
    s.ok({"user", "add", "water", "--name", "A user named like the department"});
    Result r = s.fails(4, {"edit", "water"}, editor(ed));
    CHECK(r.err ==
          "crm: error: 'water' is ambiguous: it could be user water, department water; give more of the ID or "
          "name the kind (e.g. 'user:water')\n");
    s.fails(2, {"edit", "record", "water"}, editor(ed));
    std::string id = anna(s);
    s.ok({"--as", "raquel", "case", "open", "--contact", id, "--title", "Leak", "--department", "water"});
    std::string notification = s.files_in("notifications").front();
    std::string nid = fs::path(notification).stem().string();
    r = s.fails(2, {"edit", nid}, editor(ed));
    CHECK(r.err.find("a notification cannot be edited") != std::string::npos);
  }
}

TEST_CASE("crm edit's event shows in crm log and runs the edited hook") {
  Sandbox s;
  s.init_with_people();
  std::string id = anna(s);
  s.write("hooks/on-contact-edited", "#!/bin/sh\necho \"$CRM_ID\" > ../hook-ran\n");
  fs::permissions(s.crm_dir() / "hooks" / "on-contact-edited", fs::perms::owner_all);
  std::string ed = script(s, "ed.sh", "sed -i 's/^name: .*/name: Anna Smith/' \"$1\"\n");
  s.run_env(editor(ed), edit_args(id));
  CHECK(s.ok({"log", "--limit", "1", "--format", "tsv"}) ==
        "at\tby\tkind\tid\tevent\ttitle\tdetail\n2026-11-24T10:00:00Z\tolivia\tcontact\t" + id +
            "\tedited\tAnna Smith\tfields: name");
  std::ifstream hook(s.root() / "hook-ran");
  std::string ran;
  std::getline(hook, ran);
  CHECK(ran == id);
}
