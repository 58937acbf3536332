// --format table|json|yaml|csv|tsv on every list and show command.
#include "harness.hpp"

#include <doctest/doctest.h>

using namespace e2e;

namespace {

struct Crm {
  std::string anna, bob, call;
};

Crm populated(Sandbox& s) {
  s.init_with_people();
  Crm c;
  c.anna = s.ok({"contact", "add", "--name", "Anna Berg", "--kind", "citizen", "--org", "Acme, \"Best\" Inc.",
                 "--email", "anna@example.org", "--email", "a.berg@work.example", "--tag", "elm-street", "--note",
                 "Tab\there\nnew line \\ backslash"});
  c.bob = s.ok({"contact", "add", "--name", "Bob Evans", "--phone", "+31 20 555 0101"});
  c.call = s.ok({"log-call", "--contact", c.anna, "--summary", "Leak, \"urgent\"", "--at", "2026-11-22 14:00",
                 "--duration", "5m"});
  return c;
}

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::string cell;
  for (char c : line) {
    if (c == sep) {
      out.push_back(cell);
      cell.clear();
    } else {
      cell += c;
    }
  }
  out.push_back(cell);
  return out;
}

}  // namespace

TEST_CASE("every list and show command prints every format") {
  Sandbox s;
  Crm c = populated(s);
  const std::vector<std::vector<std::string>> commands = {
      {"contact", "list"}, {"contact", "show", c.anna}, {"call", "list"},       {"call", "show", c.call},
      {"user", "list"},    {"user", "show", "olivia"},  {"department", "list"}, {"department", "show", "water"},
  };
  for (const auto& command : commands) {
    for (const std::string format : {"table", "json", "yaml", "csv", "tsv"}) {
      std::vector<std::string> args = command;
      args.insert(args.end(), {"--format", format});
      CAPTURE(command[0] + " " + command[1] + " --format " + format);
      Result r = s.run(args);
      REQUIRE(r.status == 0);
      CHECK(r.err.empty());
      REQUIRE_FALSE(r.out.empty());
      CHECK(r.out.back() == '\n');
      bool list = command[1] == "list";
      if (format == "json" || format == "yaml") {
        YAML::Node n = parse(r.out);
        if (list) {
          CHECK(n.IsSequence());
          CHECK(n.size() >= 1);
          CHECK(n[0]["id"].IsScalar());
        } else {
          CHECK(n.IsMap());
          CHECK(n["id"].as<std::string>() == command[2]);
        }
      } else if (format == "csv" || format == "tsv") {
        auto ls = lines(r.out);
        REQUIRE(ls.size() >= 2);
        CHECK(ls[0].rfind(format == "csv" ? "id," : "id\t", 0) == 0);
      }
    }
  }
}

TEST_CASE("global options work before and after the command") {
  Sandbox s;
  Crm c = populated(s);
  CHECK(s.ok({"--format", "json", "contact", "list"}) == s.ok({"contact", "list", "--format", "json"}));
  CHECK(s.ok({"--format", "json", "contact", "show", c.bob}) == s.ok({"contact", "show", c.bob, "--format", "json"}));
}

TEST_CASE("contact list in JSON and YAML gives the same records, field by field") {
  Sandbox s;
  Crm c = populated(s);
  YAML::Node json = parse(s.ok({"contact", "list", "--format", "json"}));
  YAML::Node yaml = parse(s.ok({"contact", "list", "--format", "yaml"}));
  for (const YAML::Node& rows : {json, yaml}) {
    REQUIRE(rows.size() == 2);
    const YAML::Node anna = rows[0];
    CHECK(anna["id"].as<std::string>() == c.anna);
    CHECK(anna["name"].as<std::string>() == "Anna Berg");
    CHECK(anna["kind"].as<std::string>() == "citizen");
    CHECK(anna["org"].as<std::string>() == "Acme, \"Best\" Inc.");
    REQUIRE(anna["emails"].size() == 2);
    CHECK(anna["emails"][0].as<std::string>() == "anna@example.org");
    CHECK(anna["emails"][1].as<std::string>() == "a.berg@work.example");
    CHECK(anna["tags"][0].as<std::string>() == "elm-street");
    CHECK(anna["note"].as<std::string>() == "Tab\there\nnew line \\ backslash");
    CHECK(anna["created"].as<std::string>() == "2026-11-23T09:00:00Z");
    CHECK(anna["updated"].as<std::string>() == "2026-11-23T09:00:00Z");
    const YAML::Node bob = rows[1];
    CHECK(bob["id"].as<std::string>() == c.bob);
    CHECK(bob["phones"][0].as<std::string>() == "+31 20 555 0101");
  }
}

TEST_CASE("call list in JSON and YAML carries UTC times and the contact's name") {
  Sandbox s;
  Crm c = populated(s);
  for (const std::string format : {"json", "yaml"}) {
    CAPTURE(format);
    YAML::Node rows = parse(s.ok({"call", "list", "--format", format}));
    REQUIRE(rows.size() == 1);
    CHECK(rows[0]["id"].as<std::string>() == c.call);
    CHECK(rows[0]["at"].as<std::string>() == "2026-11-22T14:00:00Z");
    CHECK(rows[0]["contact"].as<std::string>() == c.anna);
    CHECK(rows[0]["contact_name"].as<std::string>() == "Anna Berg");
    CHECK(rows[0]["duration"].as<std::string>() == "5m");
    CHECK(rows[0]["summary"].as<std::string>() == "Leak, \"urgent\"");
    CHECK(rows[0]["by"].as<std::string>() == "olivia");
  }
}

TEST_CASE("CSV has a header line and quotes commas, quotes and line breaks") {
  Sandbox s;
  Crm c = populated(s);
  std::string out = s.ok({"contact", "list", "--format", "csv"}) + "\n";
  CHECK(out ==
        "id,name,kind,org,emails,phones,tags,note,created,updated\r\n" + c.anna +
            ",Anna Berg,citizen,\"Acme, \"\"Best\"\" Inc.\",anna@example.org;a.berg@work.example,,elm-street,"
            "\"Tab\there\nnew line \\ backslash\",2026-11-23T09:00:00Z,2026-11-23T09:00:00Z\r\n" +
            c.bob + ",Bob Evans,customer,,,+31 20 555 0101,,,2026-11-23T09:00:00Z,2026-11-23T09:00:00Z\r\n");

  auto calls = lines(s.ok({"call", "list", "--format", "csv"}));
  REQUIRE(calls.size() == 2);
  CHECK(calls[0] == "id,at,contact,contact_name,direction,channel,duration,by,summary");
  CHECK(calls[1] == c.call + ",2026-11-22T14:00:00Z," + c.anna + ",Anna Berg,in,phone,5m,olivia,\"Leak, \"\"urgent\"\"\"");
}

TEST_CASE("TSV has a header line and escapes tabs, newlines and backslashes") {
  Sandbox s;
  Crm c = populated(s);
  auto out = lines(s.ok({"contact", "list", "--format", "tsv"}));
  REQUIRE(out.size() == 3);
  CHECK(out[0] == "id\tname\tkind\torg\temails\tphones\ttags\tnote\tcreated\tupdated");
  auto anna = split(out[1], '\t');
  REQUIRE(anna.size() == 10);
  CHECK(anna[0] == c.anna);
  CHECK(anna[3] == "Acme, \"Best\" Inc.");
  CHECK(anna[4] == "anna@example.org;a.berg@work.example");
  CHECK(anna[7] == "Tab\\there\\nnew line \\\\ backslash");
  auto bob = split(out[2], '\t');
  REQUIRE(bob.size() == 10);
  CHECK(bob[5] == "+31 20 555 0101");
  CHECK(bob[7].empty());
}

TEST_CASE("show in CSV and TSV gives one header line and one row") {
  Sandbox s;
  Crm c = populated(s);
  auto csv = lines(s.ok({"call", "show", c.call, "--format", "csv"}));
  REQUIRE(csv.size() == 2);
  auto header = split(csv[0], ',');
  CHECK(header[0] == "id");
  CHECK(std::find(header.begin(), header.end(), "contact_name") != header.end());
  CHECK(csv[1].rfind(c.call + ",", 0) == 0);

  auto tsv = lines(s.ok({"user", "show", "olivia", "--format", "tsv"}));
  REQUIRE(tsv.size() == 2);
  auto keys = split(tsv[0], '\t');
  auto values = split(tsv[1], '\t');
  REQUIRE(keys.size() == values.size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == "email") {
      CHECK(values[i] == "olivia@city.example");
    }
  }
}

TEST_CASE("tables are aligned, with a header, and times in the CRM's zone") {
  Sandbox s;
  Crm c = populated(s);
  // Columns are as wide as their widest cell plus two blanks; the last has no padding.
  auto row = [](const std::vector<std::string>& cells) {
    const std::size_t widths[] = {16, 11, 10, 19, 39, 17};
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      out += i + 1 < cells.size() ? cells[i] + std::string(widths[i] - cells[i].size(), ' ') : cells[i];
    }
    return out;
  };
  CHECK(s.ok({"contact", "list"}) ==
        row({"ID", "NAME", "KIND", "ORG", "EMAIL", "PHONE", "TAGS"}) + "\n" +
            row({c.anna, "Anna Berg", "citizen", "Acme, \"Best\" Inc.", "anna@example.org, a.berg@work.example", "",
                 "elm-street"}) +
            "\n" + row({c.bob, "Bob Evans", "customer", "", "", "+31 20 555 0101"}));
  s.write("crm.yaml", "timezone: America/New_York\n");
  std::string table = s.ok({"call", "list"});
  CHECK(table.find("2026-11-22 09:00") != std::string::npos);  // 14:00 UTC
  CHECK(parse(s.ok({"call", "list", "--format", "json"}))[0]["at"].as<std::string>() == "2026-11-22T14:00:00Z");
}

TEST_CASE("empty listings are valid in every format") {
  Sandbox s;
  s.init_with_people();
  CHECK(s.ok({"contact", "list", "--format", "json"}) == "[]");
  CHECK(parse(s.ok({"contact", "list", "--format", "yaml"})).size() == 0);
  CHECK(parse(s.ok({"call", "list", "--format", "yaml"})).IsSequence());
  CHECK(s.ok({"contact", "list", "--format", "csv"}) == "id,name,kind,org,emails,phones,tags,note,created,updated\r");
  CHECK(s.ok({"call", "list", "--format", "tsv"}) ==
        "id\tat\tcontact\tcontact_name\tdirection\tchannel\tduration\tby\tsummary");
  CHECK(s.ok({"contact", "list"}).empty());
  CHECK(s.ok({"call", "list"}).empty());
}

TEST_CASE("an unknown format is a usage error") {
  Sandbox s;
  s.init_with_people();
  s.fails(2, {"contact", "list", "--format", "xml"});
  s.fails(2, {"--format", "xml", "contact", "add", "--name", "Anna Berg"});
}

TEST_CASE("JSON and YAML output keep every character of the text") {
  Sandbox s;
  s.init_with_people();
  std::string note = "Üñíçødé “quotes” \\ back\nslash: yes # not a comment\t- item";
  std::string id = s.ok({"contact", "add", "--name", "Zoë \"Z\" Ødegård", "--note", note});
  for (const std::string format : {"json", "yaml"}) {
    CAPTURE(format);
    YAML::Node shown = parse(s.ok({"contact", "show", id, "--format", format}));
    CHECK(shown["name"].as<std::string>() == "Zoë \"Z\" Ødegård");
    CHECK(shown["note"].as<std::string>() == note);
  }
  CHECK(parse(s.read("contacts/" + id + ".yaml"))["note"].as<std::string>() == note);
}
