// crm report leaderboard and crm report kpi (issue 6): ranking users by the
// points of a period, and counting calls per working day and contacts
// cleaned up against targets. Expected numbers are counted by hand.
#include "harness.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace e2e;
using V = std::vector<std::string>;

namespace {

std::string str(const YAML::Node& n) { return n && !n.IsNull() ? n.as<std::string>() : ""; }

// `crm --as USER --now NOW ARGS`, which must succeed; its stdout.
std::string as(Sandbox& s, const std::string& user, const std::string& now, const V& args) {
  V all = {"--as", user, "--now", now};
  all.insert(all.end(), args.begin(), args.end());
  return s.ok(all);
}

std::string call(Sandbox& s, const std::string& user, const std::string& now, const std::string& contact) {
  return as(s, user, now, {"log-call", "--contact", contact, "--summary", "water bill"});
}

YAML::Node json(Sandbox& s, V args) {
  args.insert(args.end(), {"--format", "json"});
  return parse(s.ok(args));
}

// Leaderboard rows as "rank user points level standing average".
V board(Sandbox& s, V args) {
  V all = {"report", "leaderboard"};
  all.insert(all.end(), args.begin(), args.end());
  V out;
  for (const auto& r : json(s, all)) {
    out.push_back(str(r["rank"]) + " " + str(r["user"]) + " " + str(r["points"]) + " " + str(r["level"]) + " " +
                  str(r["standing"]) + " " + str(r["average"]));
  }
  return out;
}

// The points of the leaderboard fixture. With the default rules a user's
// first call earns 10 + the call-logged flag 25 + calls-logged grade 1 (50)
// = 85, and each further call 10.
//   Mon 2 Nov   olivia adds the contact Anna: 10 + flag 25 + contacts-added 50 = 85
//   Tue 17 Nov  raquel logs 3 calls: 85 + 10 + 10 = 105
//   Wed 18 Nov  pedro and fiona log 1 call each: 85
//   Thu 19 Nov  frank logs 1 call: 85
// The rolling week (Mon 16 09:00 to now): raquel 105; fiona, frank, pedro
// 85; olivia 0. Sum 105 + 3 x 85 = 360 over 5 users: average 72.00.
struct Board {
  Sandbox s;
  std::string anna;

  Board() {
    s.init_city();
    anna = as(s, "olivia", "2026-11-02T10:00:00Z", {"contact", "add", "--name", "Anna Berg"});
    for (const char* t : {"2026-11-17T10:00:00Z", "2026-11-17T11:00:00Z", "2026-11-17T12:00:00Z"}) {
      call(s, "raquel", t, anna);
    }
    call(s, "pedro", "2026-11-18T10:00:00Z", anna);
    call(s, "fiona", "2026-11-18T11:00:00Z", anna);
    call(s, "frank", "2026-11-19T10:00:00Z", anna);
  }
};

}  // namespace

TEST_CASE("leaderboard: ranked by the week's points, ties share a rank, each above or below the average") {
  Board b;
  Sandbox& s = b.s;

  // Most points first, then by user ID; three users tie at 85 and share rank 2.
  CHECK(board(s, {}) == V{"1 raquel 105 1 above 72.00", "2 fiona 85 1 above 72.00", "2 frank 85 1 above 72.00",
                          "2 pedro 85 1 above 72.00", "5 olivia 0 1 below 72.00"});
  CHECK(board(s, {"--period", "week"}) == board(s, {}));
  YAML::Node first = json(s, {"report", "leaderboard"})[0];
  CHECK(str(first["name"]) == "Raquel Reyes");
  CHECK(str(first["department"]) == "water");
  CHECK(first["average"].as<double>() == doctest::Approx(72.0));

  // All time olivia's contact counts too: 105 + 4 x 85 = 445 over 5 = 89.00,
  // and 85 is below that.
  CHECK(board(s, {"--period", "all"}) == V{"1 raquel 105 1 above 89.00", "2 fiona 85 1 below 89.00",
                                           "2 frank 85 1 below 89.00", "2 olivia 85 1 below 89.00",
                                           "2 pedro 85 1 below 89.00"});
  // Before Wed 18: only raquel's calls (105 over 5 users = 21.00); the rest tie at 0.
  CHECK(board(s, {"--since", "2026-11-16", "--until", "2026-11-18"}) ==
        V{"1 raquel 105 1 above 21.00", "2 fiona 0 1 below 21.00", "2 frank 0 1 below 21.00",
          "2 olivia 0 1 below 21.00", "2 pedro 0 1 below 21.00"});

  // A department's users only: front is fiona and frank, both 85, exactly the average.
  CHECK(board(s, {"--department", "front"}) == V{"1 fiona 85 1 average 85.00", "1 frank 85 1 average 85.00"});
  // water: (105 + 85 + 0) / 3 = 63.33.
  CHECK(board(s, {"--department", "water"}) ==
        V{"1 raquel 105 1 above 63.33", "2 pedro 85 1 above 63.33", "3 olivia 0 1 below 63.33"});

  // The table on a terminal (or --charts always): a bar 20 wide at the top
  // score, drawn in eighths: 85 / 105 x 160 = 129.5, so 130 eighths = 16
  // full blocks and a quarter; none for 0.
  const std::string full = "█";
  std::string bar20, bar85;
  for (int i = 0; i < 20; ++i) {
    bar20 += full;
    bar85 += i < 16 ? full : "";
  }
  bar85 += "▎";
  CHECK(s.ok({"report", "leaderboard", "--charts", "always"}) + "\n" ==
        aligned_table({{"#", "USER", "NAME", "POINTS", "LEVEL", "VS AVERAGE", ""},
               {"1", "raquel", "Raquel Reyes", "105", "1", "above", bar20},
               {"2", "fiona", "Fiona Flores", "85", "1", "above", bar85},
               {"2", "frank", "Frank Fischer", "85", "1", "above", bar85},
               {"2", "pedro", "Pedro Pinto", "85", "1", "above", bar85},
               {"5", "olivia", "Olivia Ortiz", "0", "1", "below", ""}}) +
            "\naverage: 72.00 points over 5 users (week)\n");
  // Not on a terminal: plain numbers, no bar column.
  CHECK(s.ok({"report", "leaderboard"}) + "\n" ==
        aligned_table({{"#", "USER", "NAME", "POINTS", "LEVEL", "VS AVERAGE"},
               {"1", "raquel", "Raquel Reyes", "105", "1", "above"},
               {"2", "fiona", "Fiona Flores", "85", "1", "above"},
               {"2", "frank", "Frank Fischer", "85", "1", "above"},
               {"2", "pedro", "Pedro Pinto", "85", "1", "above"},
               {"5", "olivia", "Olivia Ortiz", "0", "1", "below"}}) +
            "\naverage: 72.00 points over 5 users (week)\n");
  CHECK(lines(s.ok({"report", "leaderboard", "--department", "water", "--period", "all"})).back() ==
        "average: 91.67 points over 3 users (all)");  // water all time: (105 + 85 + 85) / 3
  // csv and tsv: every field, the average on each row, no bar.
  // (CSV lines end in CRLF; lines() drops the CR.)
  CHECK(lines(s.ok({"report", "leaderboard", "--department", "front", "--format", "csv"})) ==
        V{"rank,user,name,department,points,level,standing,average", "1,fiona,Fiona Flores,front,85,1,average,85.00",
          "1,frank,Frank Fischer,front,85,1,average,85.00"});
  CHECK(lines(s.ok({"report", "leaderboard", "--department", "front", "--format", "tsv"})) ==
        V{"rank\tuser\tname\tdepartment\tpoints\tlevel\tstanding\taverage",
          "1\tfiona\tFiona Flores\tfront\t85\t1\taverage\t85.00",
          "1\tfrank\tFrank Fischer\tfront\t85\t1\taverage\t85.00"});

  // Nobody scored before Wed 18 at the front desk: no bars, both exactly at the average 0.
  CHECK(s.ok({"report", "leaderboard", "--department", "front", "--until", "2026-11-18", "--charts", "always"}) ==
        aligned_table({{"#", "USER", "NAME", "POINTS", "LEVEL", "VS AVERAGE", ""},
               {"1", "fiona", "Fiona Flores", "0", "1", "average", ""},
               {"1", "frank", "Frank Fischer", "0", "1", "average", ""}}) +
            "\naverage: 0.00 points over 2 users (custom)");

  s.fails(2, {"report", "leaderboard", "--period", "week", "--since", "2026-11-16"});
  s.fails(4, {"report", "leaderboard", "--department", "nowhere"});
}

TEST_CASE("leaderboard: a user who hides from it is left out of the ranks and the average until shown again") {
  Board b;
  Sandbox& s = b.s;

  Result r = s.run({"--as", "raquel", "user", "set", "raquel", "--hide-from-leaderboard"});
  CHECK(r.status == 0);
  CHECK(r.err == "raquel: changed leaderboard\n");
  CHECK(parse(s.read("users/raquel.yaml"))["leaderboard"].as<std::string>() == "hidden");
  // fiona, frank, pedro 85 and olivia 0: 255 / 4 = 63.75.
  CHECK(board(s, {}) == V{"1 fiona 85 1 above 63.75", "1 frank 85 1 above 63.75", "1 pedro 85 1 above 63.75",
                          "4 olivia 0 1 below 63.75"});
  CHECK(lines(s.ok({"report", "leaderboard"})).back() == "average: 63.75 points over 4 users (week)");
  // Hidden from her department's board too: (85 + 0) / 2 = 42.50.
  CHECK(board(s, {"--department", "water"}) == V{"1 pedro 85 1 above 42.50", "2 olivia 0 1 below 42.50"});
  // Her own points are still hers.
  CHECK(json(s, {"points", "raquel", "--period", "week"})["points"].as<long long>() == 105);

  // --hide and --show together are a usage error that writes nothing.
  s.fails(2, {"user", "set", "raquel", "--hide-from-leaderboard", "--show-on-leaderboard"});

  s.ok({"user", "set", "raquel", "--show-on-leaderboard"});
  CHECK(parse(s.read("users/raquel.yaml"))["leaderboard"].as<std::string>() == "shown");
  CHECK(board(s, {}) == V{"1 raquel 105 1 above 72.00", "2 fiona 85 1 above 72.00", "2 frank 85 1 above 72.00",
                          "2 pedro 85 1 above 72.00", "5 olivia 0 1 below 72.00"});
}

TEST_CASE("leaderboard: only the user or a manager may hide a user from it") {
  Board b;
  Sandbox& s = b.s;
  // raquel manages no one, so she cannot take pedro off the board...
  s.fails(2, {"--as", "raquel", "user", "set", "pedro", "--hide-from-leaderboard"});
  // ...nor through the field itself.
  s.fails(2, {"--as", "raquel", "user", "set", "pedro", "--leaderboard", "hidden"});
  s.fails(2, {"--as", "raquel", "user", "set", "pedro", "--unset", "leaderboard"});
  // ...but olivia, who manages him, can; and so can fiona for herself.
  s.ok({"--as", "olivia", "user", "set", "pedro", "--hide-from-leaderboard"});
  s.ok({"--as", "fiona", "user", "set", "fiona", "--hide-from-leaderboard"});
  // raquel 105, frank 85 and olivia 0: 190 / 3 = 63.33.
  CHECK(board(s, {}) == V{"1 raquel 105 1 above 63.33", "2 frank 85 1 above 63.33", "3 olivia 0 1 below 63.33"});
}

namespace {

// The KPI fixture: City Hall's office calendar (UTC, Monday to Friday) has
// Thursday 19 November 2026 as a holiday, and counts for KPIs.
const char* const k_office =
    "calendars:\n"
    "  office:\n"
    "    timezone: UTC\n"
    "    hours: {mon-fri: \"08:00-17:00\"}\n"
    "    holidays: [2026-11-19]\n"
    "  weekdays:\n"
    "    timezone: UTC\n"
    "    hours: {mon-fri: \"08:00-17:00\"}\n"
    "recognition:\n"
    "  calendar: office\n";

// Calls logged in the week Mon 16 - Sun 22 November (working days: Mon 16,
// Tue 17, Wed 18, Fri 20 = 4; Thursday is the holiday, then the weekend):
//   raquel  Mon 2, Tue 2, Wed 2, Fri 2                          = 8 (+ Sun 15 and Mon 23, outside)
//   pedro   Mon 3, Wed 3, Fri 2 (none on Tuesday)               = 8
//   fiona   Mon 1, Tue 1, Wed 1, Thu (holiday) 2, Sat 1         = 6
//   frank   Mon 1, Tue 1, Wed 1, Fri 1                          = 4
//   olivia  none                                                = 0
// Contacts edited: raquel Anna (Tue, Wed) and Ben (Fri): 2 distinct, plus
// Carl on Fri 13 (outside); pedro Carl (Mon): 1.
struct Week {
  Sandbox s;
  std::string anna, ben, carl;

  Week() {
    s.init_city();
    s.write("crm.yaml", s.read("crm.yaml") + k_office);
    anna = as(s, "olivia", "2026-11-09T10:00:00Z", {"contact", "add", "--name", "Anna Berg"});
    ben = as(s, "olivia", "2026-11-09T10:00:00Z", {"contact", "add", "--name", "Ben Brook"});
    carl = as(s, "olivia", "2026-11-09T10:00:00Z", {"contact", "add", "--name", "Carl Cruz"});
    const std::vector<std::pair<std::string, V>> calls = {
        {"raquel",
         {"2026-11-15T10:00:00Z", "2026-11-16T10:00:00Z", "2026-11-16T14:00:00Z", "2026-11-17T10:00:00Z",
          "2026-11-17T14:00:00Z", "2026-11-18T10:00:00Z", "2026-11-18T14:00:00Z", "2026-11-20T10:00:00Z",
          "2026-11-20T16:59:00Z", "2026-11-23T08:00:00Z"}},
        {"pedro",
         {"2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z", "2026-11-16T11:00:00Z", "2026-11-18T09:00:00Z",
          "2026-11-18T10:00:00Z", "2026-11-18T11:00:00Z", "2026-11-20T09:00:00Z", "2026-11-20T10:00:00Z"}},
        {"fiona",
         {"2026-11-16T10:00:00Z", "2026-11-17T10:00:00Z", "2026-11-18T10:00:00Z", "2026-11-19T10:00:00Z",
          "2026-11-19T11:00:00Z", "2026-11-21T10:00:00Z"}},
        {"frank", {"2026-11-16T10:00:00Z", "2026-11-17T10:00:00Z", "2026-11-18T10:00:00Z", "2026-11-20T10:00:00Z"}},
    };
    for (const auto& [user, times] : calls) {
      for (const auto& t : times) {
        call(s, user, t, anna);
      }
    }
    as(s, "raquel", "2026-11-13T10:00:00Z", {"contact", "edit", carl, "--note", "new phone"});
    as(s, "raquel", "2026-11-17T11:00:00Z", {"contact", "edit", anna, "--note", "new phone"});
    as(s, "raquel", "2026-11-18T11:00:00Z", {"contact", "edit", anna, "--note", "new email"});
    as(s, "raquel", "2026-11-20T11:00:00Z", {"contact", "edit", ben, "--note", "moved"});
    as(s, "pedro", "2026-11-16T12:00:00Z", {"contact", "edit", carl, "--note", "moved"});
  }

  // `crm report kpi ARGS --format json` rows as
  // "user days calls per_day short_days cleaned meets missed..."
  V kpi(V args) {
    V all = {"report", "kpi"};
    all.insert(all.end(), args.begin(), args.end());
    V out;
    for (const auto& r : json(s, all)) {
      std::string line = str(r["user"]) + " " + str(r["working_days"]) + " " + str(r["calls"]) + " " +
                         str(r["calls_per_day"]) + " " + str(r["short_days"]) + " " + str(r["contact_updates"]) +
                         " " + str(r["meets"]);
      for (const auto& m : r["missed"]) {
        line += " " + m.as<std::string>();
      }
      out.push_back(line);
    }
    return out;
  }
};

}  // namespace

TEST_CASE("kpi: calls per working day over a week with a weekend and a holiday") {
  Week w;

  // Target 2 a day over 4 working days: 8 calls.
  const V expected = {
      "fiona 4 6 1.50 4 0 false calls-per-day",  // 6 / 4; every working day has 1 call (holiday calls count)
      "frank 4 4 1.00 4 0 false calls-per-day",  // 4 / 4
      "olivia 4 0 0.00 4 0 false calls-per-day",
      "pedro 4 8 2.00 1 1 true",   // Tuesday had none
      "raquel 4 8 2.00 0 2 true",  // Sun 15 and Mon 23 are outside
  };
  CHECK(w.kpi({"--calls-per-day", "2", "--since", "2026-11-16", "--until", "2026-11-23"}) == expected);
  // --period week (the default) is the 7 whole days before today, Monday 23.
  CHECK(w.kpi({"--calls-per-day", "2", "--period", "week"}) == expected);
  CHECK(w.kpi({"--calls-per-day", "2"}) == expected);

  YAML::Node row = json(w.s, {"report", "kpi", "--calls-per-day", "2"})[4];
  CHECK(str(row["user"]) == "raquel");
  CHECK(str(row["name"]) == "Raquel Reyes");
  CHECK(str(row["since"]) == "2026-11-16T00:00:00Z");
  CHECK(str(row["until"]) == "2026-11-23T00:00:00Z");
  CHECK(str(row["calls_target"]) == "2.00");
  CHECK(row["contact_updates_target"].IsNull());
  CHECK(row["meets"].as<bool>() == true);
  CHECK(row["missed"].size() == 0);

  // A fractional target: 1.5 x 4 = 6 calls, which fiona just makes; days under 1.5 calls are short.
  CHECK(w.kpi({"--calls-per-day", "1.5", "--department", "front"}) ==
        V{"fiona 4 6 1.50 4 0 true", "frank 4 4 1.00 4 0 false calls-per-day"});

  // Without the holiday (the `weekdays` calendar): 5 working days, 10 calls needed;
  // fiona's 2 holiday calls now fill Thursday.
  CHECK(w.kpi({"--calls-per-day", "2", "--calendar", "weekdays", "--department", "front"}) ==
        V{"fiona 5 6 1.20 4 0 false calls-per-day", "frank 5 4 0.80 5 0 false calls-per-day"});
  // Round the clock: all 7 days work; raquel's 8 calls over 7 days = 1.14, short on Thu, Sat, Sun.
  CHECK(w.kpi({"--calls-per-day", "2", "--calendar", "24x7", "--department", "water"}).back() ==
        "raquel 7 8 1.14 3 2 false calls-per-day");

  // Over a span with no working day (the weekend) every target is met.
  CHECK(w.kpi({"--calls-per-day", "2", "--since", "2026-11-21", "--until", "2026-11-23", "--department", "front"}) ==
        V{"fiona 0 1 0.00 0 0 true", "frank 0 0 0.00 0 0 true"});
}

TEST_CASE("kpi: --exit-code, --contact-updates, and usage errors") {
  Week w;
  Sandbox& s = w.s;

  // Someone falls short: exit 1 with --exit-code, 0 without; the report is printed either way.
  Result r = s.run({"report", "kpi", "--calls-per-day", "2", "--exit-code"});
  CHECK(r.status == 1);
  CHECK(r.err.empty());
  CHECK(lines(r.out).size() == 6);  // header + 5 users
  CHECK(s.run({"report", "kpi", "--calls-per-day", "2"}).status == 0);
  // The front desk meets 1 a day (fiona 6 >= 4 although short on Friday; frank 4 >= 4): exit 0.
  r = s.run({"report", "kpi", "--calls-per-day", "1", "--department", "front", "--exit-code"});
  CHECK(r.status == 0);
  CHECK(r.out == "USER   DAYS  CALLS  PER DAY  SHORT DAYS  MEETS  MISSED\n"
                 "fiona  4     6      1.50     1           yes\n"
                 "frank  4     4      1.00     0           yes\n");
  CHECK(s.run({"report", "kpi", "--calls-per-day", "2", "--department", "front", "--exit-code"}).status == 1);

  // Contacts cleaned up: distinct contacts edited in the period.
  CHECK(w.kpi({"--contact-updates", "2", "--department", "water"}) ==
        V{"olivia 4 0 0.00  0 false contact-updates", "pedro 4 8 2.00  1 false contact-updates",
          "raquel 4 8 2.00  2 true"});
  CHECK(s.run({"report", "kpi", "--contact-updates", "1", "--department", "water", "--exit-code"}).status == 1);
  r = s.run({"report", "kpi", "--contact-updates", "1", "--exit-code", "--department", "water", "--since",
             "2026-11-16", "--until", "2026-11-23", "--calls-per-day", "0"});
  CHECK(r.status == 1);  // olivia cleaned none
  // Both targets: olivia misses both.
  CHECK(w.kpi({"--calls-per-day", "2", "--contact-updates", "2", "--department", "water"}) ==
        V{"olivia 4 0 0.00 4 0 false calls-per-day contact-updates", "pedro 4 8 2.00 1 1 false contact-updates",
          "raquel 4 8 2.00 0 2 true"});
  CHECK(s.ok({"report", "kpi", "--calls-per-day", "2", "--contact-updates", "2", "--department", "water"}) ==
        "USER    DAYS  CALLS  PER DAY  SHORT DAYS  CLEANED  MEETS  MISSED\n"
        "olivia  4     0      0.00     4           0        NO     calls-per-day, contact-updates\n"
        "pedro   4     8      2.00     1           1        NO     contact-updates\n"
        "raquel  4     8      2.00     0           2        yes");

  // No target, an unknown calendar, both --period and --since: usage errors that write nothing.
  r = s.fails(2, {"report", "kpi"});
  CHECK(r.err.find("give a target") != std::string::npos);
  s.fails(2, {"report", "kpi", "--department", "water", "--exit-code"});
  r = s.fails(2, {"report", "kpi", "--calls-per-day", "2", "--calendar", "ofice"});
  CHECK(r.err.find("no calendar 'ofice'") != std::string::npos);
  s.fails(2, {"report", "kpi", "--calls-per-day", "2", "--period", "week", "--since", "2026-11-16"});
  s.fails(2, {"report", "kpi", "--calls-per-day", "-1"});
}

TEST_CASE("kpi: every --format prints the same rows") {
  Week w;
  Sandbox& s = w.s;
  const V args = {"report", "kpi", "--calls-per-day", "2", "--department", "water"};
  auto with = [&](const std::string& format) {
    V all = args;
    all.insert(all.end(), {"--format", format});
    return s.ok(all);
  };

  CHECK(s.ok(args) == "USER    DAYS  CALLS  PER DAY  SHORT DAYS  MEETS  MISSED\n"
                      "olivia  4     0      0.00     4           NO     calls-per-day\n"
                      "pedro   4     8      2.00     1           yes\n"
                      "raquel  4     8      2.00     0           yes");
  CHECK(with("table") == s.ok(args));

  const std::string head =
      "user,name,since,until,working_days,calls,calls_per_day,calls_target,short_days,contact_updates,"
      "contact_updates_target,meets,missed";
  const std::string span = "2026-11-16T00:00:00Z,2026-11-23T00:00:00Z";
  CHECK(lines(with("csv")) == V{head, "olivia,Olivia Ortiz," + span + ",4,0,0.00,2.00,4,0,,false,calls-per-day",
                                "pedro,Pedro Pinto," + span + ",4,8,2.00,2.00,1,1,,true,",
                                "raquel,Raquel Reyes," + span + ",4,8,2.00,2.00,0,2,,true,"});
  auto tsv = lines(with("tsv"));
  REQUIRE(tsv.size() == 4);
  CHECK(tsv[0] == "user\tname\tsince\tuntil\tworking_days\tcalls\tcalls_per_day\tcalls_target\tshort_days\t"
                  "contact_updates\tcontact_updates_target\tmeets\tmissed");
  CHECK(tsv[1] == "olivia\tOlivia Ortiz\t2026-11-16T00:00:00Z\t2026-11-23T00:00:00Z\t4\t0\t0.00\t2.00\t4\t0\t\t"
                  "false\tcalls-per-day");
  CHECK(tsv[3] == "raquel\tRaquel Reyes\t2026-11-16T00:00:00Z\t2026-11-23T00:00:00Z\t4\t8\t2.00\t2.00\t0\t2\t\t"
                  "true\t");

  for (const char* format : {"json", "yaml"}) {
    CAPTURE(format);
    YAML::Node rows = parse(with(format));
    REQUIRE(rows.size() == 3);
    V got;
    for (const auto& r : rows) {
      got.push_back(str(r["user"]) + " " + str(r["working_days"]) + " " + str(r["calls"]) + " " +
                    str(r["calls_per_day"]) + " " + str(r["calls_target"]) + " " + str(r["short_days"]) + " " +
                    str(r["meets"]) + " " + std::to_string(r["missed"].size()));
    }
    CHECK(got == V{"olivia 4 0 0.00 2.00 4 false 1", "pedro 4 8 2.00 2.00 1 true 0", "raquel 4 8 2.00 2.00 0 true 0"});
  }
}
