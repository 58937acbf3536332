// crm influencer add|list|show, and contact edit of an influencer's screen name, URLs and reach.
#include "harness.hpp"

#include <doctest/doctest.h>

using namespace e2e;

namespace {

std::string path_of(const std::string& id) { return "contacts/" + id + ".yaml"; }

std::vector<std::string> screen_names_in(const std::string& json) {
  std::vector<std::string> out;
  for (const auto& row : parse(json)) {
    out.push_back(row["screen_name"].as<std::string>());
  }
  return out;
}

// The blogger of the issue, plus a few others with and without a reach.
struct Bloggers {
  std::string rant, amy, bob, carl, citizen;
};

Bloggers bloggers(Sandbox& s) {
  s.init_with_people();
  Bloggers b;
  b.rant = s.ok({"influencer", "add", "Rant112", "--url", "https://rant112.example/blog", "--platform", "blog",
                 "--reach", "4200", "--description", "Writes about the water rates", "--tag", "critic"});
  // Equal reach: by screen name ignoring case and the '@' (plain byte order would put "@carl" and "Bob" first).
  b.carl = s.ok({"influencer", "add", "@carl", "--platform", "x", "--reach", "100"});
  b.bob = s.ok({"influencer", "add", "Bob", "--platform", "X", "--reach", "100", "--url", "https://x.example/bob"});
  b.amy = s.ok({"influencer", "add", "amy", "--platform", "youtube"});  // no reach: last
  b.citizen = s.ok({"contact", "add", "--name", "Anna Berg", "--kind", "citizen", "--note", "reads Rant112"});
  return b;
}

}  // namespace

TEST_CASE("influencer add prints a P- ID and stores an influencer with every field") {
  Sandbox s;
  s.init_with_people();
  Result r = s.run({"influencer", "add", "Rant112", "--url", "https://rant112.example/blog", "--url",
                    "https://x.example/rant112", "--platform", "blog", "--reach", "4200", "--description",
                    "Writes about the water rates", "--name", "Ray Ant", "--email", "rant@example.org", "--tag",
                    "critic", "--tag", "water"});
  REQUIRE(r.status == 0);
  CHECK(r.err.empty());
  REQUIRE(r.out.size() == 15);
  CHECK(r.out.back() == '\n');
  std::string id = r.out.substr(0, 14);
  CHECK(is_generated_id(id, "P"));
  CHECK(s.files_in("contacts") == std::vector<std::string>{path_of(id)});
  CHECK(s.read(path_of(id)) == "id: " + id +
                                   "\n"
                                   "name: Ray Ant\n"
                                   "kind: influencer\n"
                                   "screen_name: Rant112\n"
                                   "platform: blog\n"
                                   "urls:\n"
                                   "  - https://rant112.example/blog\n"
                                   "  - https://x.example/rant112\n"
                                   "reach: 4200\n"
                                   "description: Writes about the water rates\n"
                                   "emails:\n"
                                   "  - rant@example.org\n"
                                   "tags:\n"
                                   "  - critic\n"
                                   "  - water\n"
                                   "history:\n"
                                   "  - at: 2026-11-23T09:00:00Z\n"
                                   "    by: olivia\n"
                                   "    event: created\n");
  CHECK(s.run({"check"}).status == 0);
}

TEST_CASE("influencer add without --name uses the screen name as the name and omits empty fields") {
  Sandbox s;
  s.init_with_people();
  std::string id = s.ok({"influencer", "add", "Rant112"});
  CHECK(s.read(path_of(id)) == "id: " + id +
                                   "\nname: Rant112\nkind: influencer\nscreen_name: Rant112\nhistory:\n"
                                   "  - at: 2026-11-23T09:00:00Z\n    by: olivia\n    event: created\n");
  // A reach of 0 is a reach, not a missing one.
  std::string zero = s.ok({"influencer", "add", "Quiet", "--reach", "0"});
  CHECK(s.read(path_of(zero)).find("\nreach: 0\n") != std::string::npos);
}

TEST_CASE("influencer add refuses a screen name already taken, ignoring case and a leading @") {
  Sandbox s;
  s.init_with_people();
  std::string rant = s.ok({"influencer", "add", "Rant112"});
  std::string at = s.ok({"influencer", "add", "@Watcher"});
  const std::vector<std::pair<std::string, std::string>> taken = {
      {"Rant112", rant}, {"rant112", rant}, {"@RANT112", rant}, {"watcher", at}, {"@watcher", at}, {"WATCHER", at}};
  for (const auto& [name, owner] : taken) {
    CAPTURE(name);
    Result r = s.fails(2, {"influencer", "add", name, "--platform", "blog"});
    CHECK(r.err.find("already exists: " + owner) != std::string::npos);
  }
  CHECK(s.files_in("contacts").size() == 2);
  // A contact of another kind with that name does not take the screen name.
  s.ok({"contact", "add", "--name", "Lurker"});
  s.ok({"influencer", "add", "Lurker"});
}

TEST_CASE("influencer add rejects a missing screen name and a bad reach with exit 2") {
  Sandbox s;
  s.init_with_people();
  s.fails(2, {"influencer", "add"});
  s.fails(2, {"influencer", "add", ""});
  Result at = s.fails(2, {"influencer", "add", "@"});
  CHECK(at.err.find("screen name") != std::string::npos);
  Result negative = s.fails(2, {"influencer", "add", "Rant112", "--reach", "-5"});
  CHECK(negative.err.find("--reach: '-5' is below 0") != std::string::npos);
  CHECK(negative.err.size() < 200);  // not CLI11's range up to the largest double
  s.fails(2, {"influencer", "add", "Rant112", "--reach", "1.5"});
  s.fails(2, {"influencer", "add", "Rant112", "--reach", "many"});
  s.fails(2, {"influencer", "add", "Rant112", "--email", "not-an-address"});
  CHECK(s.files_in("contacts").empty());
}

TEST_CASE("influencer show finds an influencer by screen name or by ID prefix") {
  Sandbox s;
  Bloggers b = bloggers(s);
  std::string expected = s.ok({"influencer", "show", "Rant112"});
  CHECK(expected ==
        "id:          " + b.rant +
            "\n"
            "name:        Rant112\n"
            "kind:        influencer\n"
            "screen_name: Rant112\n"
            "platform:    blog\n"
            "urls:        https://rant112.example/blog\n"
            "reach:       4200\n"
            "description: Writes about the water rates\n"
            "tags:        critic\n"
            "created:     2026-11-23 09:00\n"
            "updated:     2026-11-23 09:00\n"
            "\n"
            "Timeline (newest first)\n"
            "  (none)\n"
            "\n"
            "History\n"
            "WHEN              EVENT    BY      DETAIL\n"
            "2026-11-23 09:00  created  olivia");
  for (const std::string handle : {"@RANT112", "rant112", "@Rant112"}) {
    CAPTURE(handle);
    CHECK(s.ok({"influencer", "show", handle}) == expected);
  }
  for (const std::string& prefix : {b.rant, b.rant.substr(0, 6), b.rant.substr(2, 5)}) {
    CAPTURE(prefix);
    CHECK(s.ok({"influencer", "show", prefix}) == expected);
  }
  // A screen name given with '@' finds one stored with it, and the other way round.
  CHECK(parse(s.ok({"influencer", "show", "carl", "--format", "json"}))["id"].as<std::string>() == b.carl);
  CHECK(parse(s.ok({"influencer", "show", "@Bob", "--format", "json"}))["id"].as<std::string>() == b.bob);
  // contact show tells the same story.
  CHECK(s.ok({"contact", "show", b.rant}) == expected);
}

TEST_CASE("influencer show of a contact that is no influencer exits 2, of an unknown one 4") {
  Sandbox s;
  Bloggers b = bloggers(s);
  Result r = s.fails(2, {"influencer", "show", b.citizen});
  CHECK(r.err.find("not an influencer") != std::string::npos);
  CHECK(r.err.find("citizen") != std::string::npos);
  s.fails(2, {"influencer", "show", b.citizen.substr(2, 6)});
  s.fails(4, {"influencer", "show", "nobody"});
  s.fails(4, {"influencer", "show", "@Anna"});
  s.fails(4, {"influencer", "show", "P-ZZZZZZZZZZZZ"});
}

TEST_CASE("influencer list puts the widest reach first, then screen names ignoring case and @") {
  Sandbox s;
  Bloggers b = bloggers(s);
  CHECK(screen_names_in(s.ok({"influencer", "list", "--format", "json"})) ==
        std::vector<std::string>{"Rant112", "Bob", "@carl", "amy"});
  // A larger reach moves an influencer up; the citizen never shows.
  s.ok({"contact", "edit", b.amy, "--reach", "100000"});
  CHECK(screen_names_in(s.ok({"influencer", "ls", "--format", "json"})) ==
        std::vector<std::string>{"amy", "Rant112", "Bob", "@carl"});
}

TEST_CASE("influencer list filters by platform ignoring case and by search text") {
  Sandbox s;
  bloggers(s);
  auto listed = [&](std::vector<std::string> filter) {
    std::vector<std::string> args = {"influencer", "list", "--format", "json"};
    args.insert(args.end(), filter.begin(), filter.end());
    return screen_names_in(s.ok(args));
  };
  CHECK(listed({"--platform", "x"}) == std::vector<std::string>{"Bob", "@carl"});
  CHECK(listed({"--platform", "X"}) == std::vector<std::string>{"Bob", "@carl"});
  CHECK(listed({"--platform", "Blog"}) == std::vector<std::string>{"Rant112"});
  CHECK(listed({"--search", "water rates"}) == std::vector<std::string>{"Rant112"});  // description
  CHECK(listed({"--search", "x.example/BOB"}) == std::vector<std::string>{"Bob"});   // URL
  CHECK(listed({"--search", "critic"}) == std::vector<std::string>{"Rant112"});      // tag
  CHECK(listed({"--search", "CARL"}) == std::vector<std::string>{"@carl"});          // screen name
  CHECK(listed({"--search", "rant112"}) == std::vector<std::string>{"Rant112"});     // not the citizen's note
  CHECK(listed({"--platform", "x", "--search", "bob"}) == std::vector<std::string>{"Bob"});
  CHECK(listed({"--platform", "blog", "--search", "bob"}).empty());
  CHECK(s.ok({"influencer", "list", "--platform", "tiktok", "--format", "json"}) == "[]");
  CHECK(s.ok({"influencer", "list", "--platform", "tiktok"}).empty());
}

TEST_CASE("influencer list prints every format, with reach a number in JSON") {
  Sandbox s;
  Bloggers b = bloggers(s);
  CHECK(s.ok({"influencer", "list"}) ==
        "ID              SCREEN NAME  PLATFORM  REACH  URL                           DESCRIPTION\n" + b.rant +
            "  Rant112      blog      4200   https://rant112.example/blog  Writes about the water rates\n" + b.bob +
            "  Bob          X         100    https://x.example/bob\n" + b.carl + "  @carl        x         100\n" +
            b.amy + "  amy          youtube");

  std::string json = s.ok({"influencer", "list", "--format", "json"});
  CHECK(json.find("\"reach\": 4200,") != std::string::npos);
  CHECK(json.find("\"reach\": \"") == std::string::npos);
  YAML::Node rows = parse(json);
  REQUIRE(rows.size() == 4);
  CHECK(rows[0]["id"].as<std::string>() == b.rant);
  CHECK(rows[0]["name"].as<std::string>() == "Rant112");
  CHECK(rows[0]["reach"].as<long long>() == 4200);
  CHECK(rows[0]["urls"][0].as<std::string>() == "https://rant112.example/blog");
  CHECK(rows[0]["created"].as<std::string>() == "2026-11-23T09:00:00Z");
  CHECK(rows[3]["reach"].IsNull());
  // show, too.
  std::string shown = s.ok({"influencer", "show", b.rant, "--format", "json"});
  CHECK(shown.find("\"reach\": 4200,") != std::string::npos);
  CHECK(parse(shown)["kind"].as<std::string>() == "influencer");

  YAML::Node yaml = parse(s.ok({"influencer", "list", "--format", "yaml"}));
  REQUIRE(yaml.size() == 4);
  CHECK(yaml[1]["screen_name"].as<std::string>() == "Bob");
  CHECK(yaml[1]["reach"].as<long long>() == 100);

  auto csv = lines(s.ok({"influencer", "list", "--format", "csv"}));
  REQUIRE(csv.size() == 5);
  CHECK(csv[0] == "id,screen_name,name,platform,reach,urls,description,tags,created,updated");
  CHECK(csv[1] == b.rant +
                      ",Rant112,Rant112,blog,4200,https://rant112.example/blog,Writes about the water rates,critic,"
                      "2026-11-23T09:00:00Z,2026-11-23T09:00:00Z");
  CHECK(csv[4] == b.amy + ",amy,amy,youtube,,,,,2026-11-23T09:00:00Z,2026-11-23T09:00:00Z");

  auto tsv = lines(s.ok({"influencer", "list", "--format", "tsv"}));
  REQUIRE(tsv.size() == 5);
  CHECK(tsv[0] == "id\tscreen_name\tname\tplatform\treach\turls\tdescription\ttags\tcreated\tupdated");
  CHECK(tsv[2] == b.bob + "\tBob\tBob\tX\t100\thttps://x.example/bob\t\t\t2026-11-23T09:00:00Z\t2026-11-23T09:00:00Z");
}

TEST_CASE("a blog post logged as a call with the influencer shows in influencer show") {
  Sandbox s;
  Bloggers b = bloggers(s);
  std::string post = s.ok({"log-call", "--contact", b.rant, "--channel", "blog", "--at", "2026-11-22 10:00",
                           "--summary", "Post: the water rates are a scandal"});
  std::string reply = s.ok({"log-call", "--contact", b.rant, "--channel", "blog", "--direction", "out", "--at",
                            "2026-11-22 15:30", "--summary", "Commented with the rate table", "--by", "raquel"});
  s.ok({"log-call", "--contact", b.bob, "--channel", "social", "--summary", "Not Rant112's"});
  std::string out = s.ok({"influencer", "show", "@rant112"});
  CHECK(out.find("\nTimeline (newest first)\n"
                 "WHEN              WHAT  ID              BY      SUMMARY\n"
                 "2026-11-22 15:30  call  " + reply + "  raquel  out blog: Commented with the rate table\n"
                 "2026-11-22 10:00  call  " + post + "  olivia  in blog: Post: the water rates are a scandal\n"
                 "\nHistory\n") != std::string::npos);
  YAML::Node shown = parse(s.ok({"influencer", "show", "Rant112", "--format", "json"}));
  REQUIRE(shown["timeline"].size() == 2);
  CHECK(shown["timeline"][0]["id"].as<std::string>() == reply);
  CHECK(shown["timeline"][1]["id"].as<std::string>() == post);
  CHECK(shown["timeline"][1]["at"].as<std::string>() == "2026-11-22T10:00:00Z");
}

TEST_CASE("influencer show quotes a title holding single quotes in double quotes") {
  Sandbox s;
  Bloggers b = bloggers(s);
  std::string quoted = s.ok({"feedback", "add", "--text", "Rant112: 'the app that lies'", "--influencer", "Rant112",
                             "--department", "water"});
  std::string plain = s.ok({"--now", "2026-11-23T09:30:00Z", "feedback", "add", "--text", "Slow pages",
                            "--influencer", "Rant112", "--department", "water"});
  YAML::Node timeline = parse(s.ok({"influencer", "show", "Rant112", "--format", "json"}))["timeline"];
  REQUIRE(timeline.size() == 2);
  CHECK(timeline[0]["id"].as<std::string>() == plain);
  CHECK(timeline[0]["summary"].as<std::string>() == "opened 'Slow pages'");
  CHECK(timeline[1]["id"].as<std::string>() == quoted);
  CHECK(timeline[1]["summary"].as<std::string>() == "opened \"Rant112: 'the app that lies'\"");
}

TEST_CASE("contact edit changes an influencer's URLs, reach and screen name") {
  Sandbox s;
  Bloggers b = bloggers(s);
  Result r = s.run({"--now", "2026-11-24T10:30:00Z", "contact", "edit", b.rant, "--add-url",
                    "https://x.example/rant112", "--reach", "5000", "--screen-name", "Rant_112"});
  REQUIRE(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err == b.rant + ": changed screen_name, urls, reach\n");
  CHECK(s.read(path_of(b.rant)) == "id: " + b.rant +
                                       "\n"
                                       "name: Rant112\n"
                                       "kind: influencer\n"
                                       "screen_name: Rant_112\n"
                                       "platform: blog\n"
                                       "urls:\n"
                                       "  - https://rant112.example/blog\n"
                                       "  - https://x.example/rant112\n"
                                       "reach: 5000\n"
                                       "description: Writes about the water rates\n"
                                       "tags:\n"
                                       "  - critic\n"
                                       "history:\n"
                                       "  - at: 2026-11-23T09:00:00Z\n"
                                       "    by: olivia\n"
                                       "    event: created\n"
                                       "  - at: 2026-11-24T10:30:00Z\n"
                                       "    by: olivia\n"
                                       "    event: edited\n"
                                       "    fields:\n"
                                       "      - screen_name\n"
                                       "      - urls\n"
                                       "      - reach\n");
  // Known by the new screen name only; the old one is free again.
  CHECK(parse(s.ok({"influencer", "show", "@rant_112", "--format", "json"}))["reach"].as<long long>() == 5000);
  s.fails(4, {"influencer", "show", "Rant112"});
  // Removing and replacing URLs; platform and description too.
  s.ok({"contact", "edit", b.rant, "--remove-url", "https://rant112.example/blog", "--platform", "x",
        "--description", "Moved to x"});
  YAML::Node after = parse(s.read(path_of(b.rant)));
  REQUIRE(after["urls"].size() == 1);
  CHECK(after["urls"][0].as<std::string>() == "https://x.example/rant112");
  CHECK(after["platform"].as<std::string>() == "x");
  CHECK(after["description"].as<std::string>() == "Moved to x");
  s.ok({"contact", "edit", b.rant, "--url", "https://new.example"});
  after = parse(s.read(path_of(b.rant)));
  REQUIRE(after["urls"].size() == 1);
  CHECK(after["urls"][0].as<std::string>() == "https://new.example");
  CHECK(screen_names_in(s.ok({"influencer", "list", "--platform", "x", "--format", "json"})) ==
        std::vector<std::string>{"Rant_112", "Bob", "@carl"});
  s.fails(2, {"contact", "edit", b.rant, "--remove-url", "https://never.example"});
  s.fails(2, {"contact", "edit", b.rant, "--reach", "lots"});
  CHECK(s.run({"check"}).status == 0);
}

TEST_CASE("contact edit refuses a screen name another influencer has, ignoring case and @") {
  Sandbox s;
  Bloggers b = bloggers(s);
  for (const std::string taken : {"Bob", "bob", "@BOB"}) {
    CAPTURE(taken);
    Result r = s.fails(2, {"contact", "edit", b.rant, "--screen-name", taken});
    CHECK(r.err.find("already exists: " + b.bob) != std::string::npos);
  }
  s.fails(2, {"contact", "edit", b.amy, "--screen-name", "carl", "--reach", "7"});
  // An influencer may change the case of its own screen name.
  s.ok({"contact", "edit", b.rant, "--screen-name", "RANT112"});
  CHECK(parse(s.read(path_of(b.rant)))["screen_name"].as<std::string>() == "RANT112");
}

TEST_CASE("influencer add exits 2 when crm.yaml's contact_kinds lacks influencer") {
  Sandbox s;
  s.init_with_people();
  s.write("crm.yaml", "contact_kinds: [customer, citizen]\n");
  Result r = s.fails(2, {"influencer", "add", "Rant112", "--reach", "4200"});
  CHECK(r.err.find("contact_kinds") != std::string::npos);
  CHECK(s.files_in("contacts").empty());
  // Other contacts are still welcome, and listing finds no influencers.
  s.ok({"contact", "add", "--name", "Anna Berg", "--kind", "citizen"});
  CHECK(s.ok({"influencer", "list", "--format", "json"}) == "[]");
}
