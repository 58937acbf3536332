// --format html (one self-contained page) and --charts (bars only on a terminal).
#include "harness.hpp"

#include <doctest/doctest.h>

using namespace e2e;

namespace {

std::size_t count_of(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

TEST_CASE("html: a listing is one page whose table escapes what the records hold") {
  Sandbox s;
  s.init_with_people();
  std::string id = s.ok({"contact", "add", "--name", "Smith & <Sons> \"Ltd\" 'x'", "--org", "Acme"});
  std::string page = s.ok({"contact", "list", "--format", "html"});
  CHECK(starts_with(page, "<!DOCTYPE html>\n<html lang=\"en\">"));
  CHECK(page.substr(page.size() - 7) == "</html>");
  CHECK(count_of(page, "<html") == 1);
  CHECK(page.find("<title>crm contact list</title>") != std::string::npos);
  CHECK(page.find("<td>Smith &amp; &lt;Sons&gt; &quot;Ltd&quot; &#39;x&#39;</td>") != std::string::npos);
  CHECK(page.find("<Sons>") == std::string::npos);
  CHECK(page.find("<td>" + id + "</td>") != std::string::npos);
  // Self-contained: nothing to run, nothing to fetch.
  CHECK(page.find("<script") == std::string::npos);
  CHECK(page.find("<link") == std::string::npos);
  CHECK(page.find(" src=") == std::string::npos);

  // A details view: the fields as a definition list.
  std::string details = s.ok({"contact", "show", id, "--format", "html"});
  CHECK(details.find("<title>crm contact show " + id + "</title>") != std::string::npos);
  CHECK(details.find("<dt>org</dt><dd>Acme</dd>") != std::string::npos);

  // Nothing listed is still a whole page that says so.
  std::string empty = s.ok({"call", "list", "--format", "html"});
  CHECK(empty.find("<p class=\"empty\">Nothing to show.</p>") != std::string::npos);
  CHECK(empty.find("<table>") == std::string::npos);
}

TEST_CASE("html: a report page draws a bar per row in SVG and keeps each table") {
  Sandbox s;
  s.init_city();
  std::string anna = s.ok({"contact", "add", "--name", "Anna"});
  s.ok({"--as", "raquel", "log-call", "--contact", anna, "--summary", "one"});
  s.ok({"--as", "raquel", "log-call", "--contact", anna, "--summary", "two"});
  s.ok({"--as", "pedro", "log-call", "--contact", anna, "--summary", "three"});
  std::string page = s.ok({"report", "leaderboard", "--format", "html"});
  CHECK(page.find("<section id=\"report-leaderboard\">") != std::string::npos);
  CHECK(page.find("<section id=\"leaderboard-users\">") != std::string::npos);
  CHECK(page.find("<section id=\"leaderboard-standing\">") != std::string::npos);
  // One bar per ranked user; the longest (raquel, the most points) is the full 320 wide.
  // (ok() drops the last line end: the header and each user leave one line end.)
  std::size_t users = count_of(s.ok({"report", "leaderboard", "--format", "csv"}), "\n");
  CHECK(count_of(page, "<rect class=\"bar\"") == users);
  CHECK(page.find("<rect class=\"bar\" x=\"180\" y=\"5\" width=\"320.0\"") != std::string::npos);
  CHECK(count_of(page, "<table>") == 2);
}

TEST_CASE("html: the feedback report draws each group's weekly trend as a sparkline") {
  Sandbox s;
  s.init_with_people();
  s.ok({"feedback", "add", "--title", "Slow site", "--text", "Pages take ages", "--source", "web-stats",
        "--sentiment", "negative", "--department", "water"});
  std::string page = s.ok({"report", "feedback", "--by", "source", "--format", "html"});
  CHECK(page.find("<section id=\"report-feedback\">") != std::string::npos);
  // One trend for web-stats and one for the overall row.
  CHECK(count_of(page, "<polyline points=") == 2);
  CHECK(page.find("<td>web-stats</td>") != std::string::npos);
}

TEST_CASE("html: export refuses html with exit 2 and writes nothing") {
  Sandbox s;
  s.init_with_people();
  Result r = s.fails(2, {"export", "--format", "html"});
  CHECK(r.err.find("crm: error: export gives data") == 0);
  s.fails(2, {"contact", "list", "--format", "pdf"});
}

TEST_CASE("charts: bars in tables only on request or on a terminal") {
  Sandbox s;
  s.init_city();
  std::string anna = s.ok({"contact", "add", "--name", "Anna"});
  s.ok({"--as", "raquel", "log-call", "--contact", anna, "--summary", "one"});
  std::string plain = s.ok({"report", "leaderboard"});
  std::string never = s.ok({"report", "leaderboard", "--charts", "never"});
  std::string always = s.ok({"report", "leaderboard", "--charts", "always"});
  CHECK(plain == never);  // the tests' stdout is a pipe, not a terminal
  CHECK(plain.find("█") == std::string::npos);
  CHECK(always.find("████████████████████") != std::string::npos);  // the top scorer's full bar
  s.fails(2, {"report", "leaderboard", "--charts", "sometimes"});
}

TEST_CASE("board: the notice board holds each report of one period on one page") {
  Sandbox s;
  s.init_city();
  std::string anna = s.ok({"contact", "add", "--name", "Anna"});
  s.ok({"--as", "raquel", "log-call", "--contact", anna, "--summary", "one"});
  s.ok({"case", "open", "--contact", anna, "--title", "Leak", "--department", "water"});

  std::string page = s.ok({"report", "board", "--period", "week", "--format", "html"});
  CHECK(page.find("<title>Notice board</title>") != std::string::npos);
  for (const std::string id : {"report-leaderboard", "report-service", "report-sales", "report-pipeline"}) {
    CAPTURE(id);
    CHECK(page.find("<section id=\"" + id + "\">") != std::string::npos);
  }
  CHECK(count_of(page, "<html") == 1);

  // JSON: each report under its name, the same as the report alone.
  std::string json = s.ok({"report", "board", "--period", "week", "--format", "json"});
  YAML::Node board = YAML::Load(json);
  CHECK(board["title"].as<std::string>() == "Notice board");
  CHECK(board["leaderboard"]["report"].as<std::string>() == "leaderboard");
  CHECK(board["service"]["report"].as<std::string>() == "service");
  CHECK(board["service"]["groups"].size() >= 1);
  CHECK(board["sales"]["report"].as<std::string>() == "sales");
  CHECK(board["pipeline"]["report"].as<std::string>() == "pipeline");
  YAML::Node alone = YAML::Load(s.ok({"report", "service", "--period", "week", "--by", "department", "--format", "json"}));
  CHECK(YAML::Dump(alone["groups"]) == YAML::Dump(board["service"]["groups"]));

  // One table per CSV file: the board is refused, and nothing is printed.
  Result r = s.fails(2, {"report", "board", "--format", "csv"});
  CHECK(r.err.find("crm: error: the board holds several tables") == 0);
}
