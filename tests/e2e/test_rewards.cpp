// crm reward add|list|show|edit|redeem (issue 6): a catalogue kept by
// managers, bought with the coins users earn by reaching levels. Coin
// arithmetic is counted by hand; crm.yaml lowers the levels so that one
// call (85 points) reaches level 2.
#include "harness.hpp"

#include <doctest/doctest.h>

using namespace e2e;
using V = std::vector<std::string>;

namespace {

std::string str(const YAML::Node& n) { return n && !n.IsNull() ? n.as<std::string>() : ""; }

std::string reward_path(const std::string& id) { return "rewards/" + id + ".yaml"; }

// Level 2 at 50 points, worth 5 coins; level 3 at 1000 points.
const char* const k_levels =
    "recognition:\n"
    "  levels: [50, 1000]\n"
    "  coins: [5]\n";

// The catalogue, added by olivia (the water manager) on Monday 23 November
// 2026 at 09:00 (CRM_NOW). A user's first call earns 10 + the call-logged
// flag 25 + calls-logged grade 1 (50) = 85 points: level 2, 5 coins.
struct Shop {
  Sandbox s;
  std::string anna, lunch, parking, mug, cinema;

  Shop() {
    s.init_city();
    s.write("crm.yaml", s.read("crm.yaml") + k_levels);
    anna = s.ok({"--now", "2026-11-02T10:00:00Z", "contact", "add", "--name", "Anna Berg"});  // olivia: 5 coins
    lunch = add({"--name", "Lunch with the mayor", "--cost", "3", "--quantity", "1", "--description", "At noon"});
    parking = add({"--name", "Parking spot", "--cost", "10"});
    mug = add({"--name", "City Hall mug", "--cost", "1", "--expires", "2026-11-25"});
    cinema = add({"--name", "Cinema tickets", "--cost", "2", "--quantity", "5", "--expires", "2026-12-31"});
  }

  std::string add(const V& args, const std::string& as = "olivia") {
    V all = {"--as", as, "reward", "add"};
    all.insert(all.end(), args.begin(), args.end());
    std::string id = s.ok(all);
    CHECK(is_generated_id(id, "R"));
    CHECK(s.exists(reward_path(id)));
    return id;
  }

  // A user's first call, at `at`: 85 points, level 2, 5 coins.
  void first_call(const std::string& user, const std::string& at) {
    s.ok({"--as", user, "--now", at, "log-call", "--contact", anna, "--summary", "meter reading"});
  }

  // `crm [--now NOW] reward list [--all] --format json` as "name left redeemed".
  V list(const V& extra = {}, const std::string& now = "") {
    V all;
    if (!now.empty()) {
      all = {"--now", now};
    }
    all.insert(all.end(), {"reward", "list", "--format", "json"});
    all.insert(all.end(), extra.begin(), extra.end());
    V out;
    for (const auto& r : parse(s.ok(all))) {
      out.push_back(str(r["name"]) + " " + str(r["left"]) + " " + str(r["redeemed"]));
    }
    return out;
  }

  YAML::Node coins(const std::string& user) { return parse(s.ok({"coins", user, "--format", "json"})); }
};

}  // namespace

TEST_CASE("reward add: only managers keep the catalogue, and list shows what can be redeemed") {
  Shop shop;
  Sandbox& s = shop.s;

  // raquel and pedro manage no one and have no manager role: refused, nothing written.
  Result r = s.fails(2, {"--as", "raquel", "reward", "add", "--name", "Free coffee", "--cost", "1"});
  CHECK(r.err.find("only managers keep the reward catalogue") != std::string::npos);
  s.fails(2, {"--as", "pedro", "reward", "add", "--name", "Free coffee", "--cost", "1"});
  s.fails(2, {"--as", "raquel", "reward", "set", shop.lunch, "--cost", "1"});
  CHECK(s.files_in("rewards").size() == 4);
  // frank manages the front desk.
  std::string desk = shop.add({"--name", "Front desk parking", "--cost", "4"}, "frank");

  CHECK(s.read(reward_path(shop.lunch)) == "id: " + shop.lunch +
                                               "\n"
                                               "name: Lunch with the mayor\n"
                                               "description: At noon\n"
                                               "cost: 3\n"
                                               "quantity: 1\n"
                                               "owner: olivia\n"
                                               "history:\n"
                                               "  - at: 2026-11-23T09:00:00Z\n"
                                               "    by: olivia\n"
                                               "    event: created\n");
  CHECK(parse(s.read(reward_path(desk)))["owner"].as<std::string>() == "frank");

  // Bad prices, stock and expiry are usage errors that write nothing.
  s.fails(2, {"reward", "add", "--name", "Nothing", "--cost", "0"});
  s.fails(2, {"reward", "add", "--name", "Nothing", "--cost", "two"});
  s.fails(2, {"reward", "add", "--name", "Nothing", "--cost", "1", "--quantity", "0"});
  s.fails(2, {"reward", "add", "--name", "Nothing", "--cost", "1", "--expires", "2026-11-20"});

  // Soonest to expire first, then the rest by name; stock left ("unlimited" without a quantity).
  CHECK(shop.list() == V{"City Hall mug unlimited 0", "Cinema tickets 5 0", "Front desk parking unlimited 0",
                         "Lunch with the mayor 1 0", "Parking spot unlimited 0"});
  auto csv = lines(s.ok({"reward", "list", "--format", "csv"}));
  REQUIRE(csv.size() == 6);
  CHECK(csv[0] == "id,name,cost,quantity,redeemed,left,expires,owner,description");
  CHECK(csv[4] == shop.lunch + ",Lunch with the mayor,3,1,0,1,,olivia,At noon");
  // After Wednesday 25 the mug has expired: left out unless --all.
  CHECK(shop.list({}, "2026-11-26T09:00:00Z") == V{"Cinema tickets 5 0", "Front desk parking unlimited 0",
                                                   "Lunch with the mayor 1 0", "Parking spot unlimited 0"});
  CHECK(shop.list({"--all"}, "2026-11-26T09:00:00Z").size() == 5);
}

TEST_CASE("reward redeem: coins pay, the owner is told, refusals write nothing, later prices do not matter") {
  Shop shop;
  Sandbox& s = shop.s;

  // No coins yet.
  Result r = s.fails(2, {"--as", "raquel", "reward", "redeem", shop.lunch});
  CHECK(r.err == "crm: error: cannot redeem " + shop.lunch +
                     " (Lunch with the mayor): it costs 3 coins and raquel has 0\n");

  // Friday 20: raquel's first call, 85 points, reaches level 2: 5 coins.
  shop.first_call("raquel", "2026-11-20T10:00:00Z");
  YAML::Node coins = shop.coins("raquel");
  CHECK(coins["earned"].as<long long>() == 5);
  CHECK(coins["balance"].as<long long>() == 5);

  // 10 coins is more than 5.
  r = s.fails(2, {"--as", "raquel", "reward", "redeem", shop.parking});
  CHECK(r.err.find("it costs 10 coins and raquel has 5") != std::string::npos);

  NotificationWatch told(s);
  r = s.run({"--as", "raquel", "reward", "redeem", shop.lunch});
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  // 5 - 3 = 2 coins left; the one lunch is gone.
  CHECK(r.err == shop.lunch + ": redeemed for 3 coins; 2 coins left; 0 in stock; notified olivia\n");
  YAML::Node history = parse(s.read(reward_path(shop.lunch)))["history"];
  REQUIRE(history.size() == 2);
  CHECK(str(history[1]["at"]) == "2026-11-23T09:00:00Z");
  CHECK(str(history[1]["by"]) == "raquel");
  CHECK(str(history[1]["event"]) == "redeemed");
  CHECK(history[1]["cost"].as<long long>() == 3);
  // The owner hears of it, in a notification and in the inbox.
  auto notes = told.take();
  REQUIRE(notes.size() == 1);
  CHECK(str(notes[0]["user"]) == "olivia");
  CHECK(str(notes[0]["event"]) == "reward-redeemed");
  CHECK(str(notes[0]["about"]) == shop.lunch);
  CHECK(str(notes[0]["by"]) == "raquel");
  CHECK(str(notes[0]["message"]) == "raquel redeemed " + shop.lunch + " (Lunch with the mayor) for 3 coins");
  YAML::Node inbox = parse(s.ok({"inbox", "--user", "olivia", "--format", "json"}));
  REQUIRE(inbox.size() >= 1);
  CHECK(str(inbox[0]["event"]) == "reward-redeemed");
  CHECK(str(inbox[0]["about"]) == shop.lunch);

  coins = shop.coins("raquel");
  CHECK(coins["earned"].as<long long>() == 5);
  CHECK(coins["spent"].as<long long>() == 3);
  CHECK(coins["balance"].as<long long>() == 2);
  REQUIRE(coins["movements"].size() == 2);
  CHECK(str(coins["movements"][0]["event"]) == "level 2");
  CHECK(coins["movements"][0]["coins"].as<long long>() == 5);
  CHECK(str(coins["movements"][1]["at"]) == "2026-11-23T09:00:00Z");
  CHECK(str(coins["movements"][1]["event"]) == "redeemed " + shop.lunch + " (Lunch with the mayor)");
  CHECK(coins["movements"][1]["coins"].as<long long>() == -3);
  CHECK(parse(s.ok({"level", "raquel", "--format", "json"}))["coins"].as<long long>() == 2);

  // Sold out: gone from the list, shown with --all.
  CHECK(shop.list() == V{"City Hall mug unlimited 0", "Cinema tickets 5 0", "Parking spot unlimited 0"});
  CHECK(shop.list({"--all"}) == V{"City Hall mug unlimited 0", "Cinema tickets 5 0", "Lunch with the mayor 0 1",
                                  "Parking spot unlimited 0"});
  // pedro earns 5 coins but there is no lunch left.
  shop.first_call("pedro", "2026-11-20T11:00:00Z");
  r = s.fails(2, {"--as", "pedro", "reward", "redeem", shop.lunch});
  CHECK(r.err == "crm: error: cannot redeem " + shop.lunch + " (Lunch with the mayor): none left (all 1 redeemed)\n");
  // On Thursday 26 the mug (1 coin) has expired.
  r = s.fails(2, {"--as", "pedro", "--now", "2026-11-26T09:00:00Z", "reward", "redeem", shop.mug});
  CHECK(r.err.rfind("crm: error: cannot redeem " + shop.mug + " (City Hall mug): it expired on 2026-11-25", 0) == 0);

  // A new price (and more stock) later: raquel paid 3 and keeps her 2 coins;
  // pedro's 5 do not buy a 50-coin lunch.
  s.ok({"reward", "set", shop.lunch, "--cost", "50", "--quantity", "2"});
  YAML::Node shown = parse(s.ok({"reward", "show", shop.lunch, "--format", "json"}));
  CHECK(shown["cost"].as<long long>() == 50);
  CHECK(shown["redeemed"].as<long long>() == 1);
  CHECK(shown["left"].as<long long>() == 1);
  coins = shop.coins("raquel");
  CHECK(coins["spent"].as<long long>() == 3);
  CHECK(coins["balance"].as<long long>() == 2);
  r = s.fails(2, {"--as", "pedro", "reward", "redeem", shop.lunch});
  CHECK(r.err.find("it costs 50 coins and pedro has 5") != std::string::npos);

  // pedro buys cinema tickets: 5 - 2 = 3 left, 4 in stock.
  r = s.run({"--as", "pedro", "reward", "redeem", shop.cinema});
  CHECK(r.status == 0);
  CHECK(r.err == shop.cinema + ": redeemed for 2 coins; 3 coins left; 4 in stock; notified olivia\n");
  // raquel's 2 coins are exactly the price of a second cinema ticket: 0 left, 3 in stock;
  // a third one is refused.
  r = s.run({"--as", "raquel", "reward", "redeem", shop.cinema});
  CHECK(r.status == 0);
  CHECK(r.err == shop.cinema + ": redeemed for 2 coins; 0 coins left; 3 in stock; notified olivia\n");
  r = s.fails(2, {"--as", "raquel", "reward", "redeem", shop.cinema});
  CHECK(r.err.find("it costs 2 coins and raquel has 0") != std::string::npos);
  // Unknown reward; nobody acting.
  s.fails(4, {"--as", "raquel", "reward", "redeem", "R-0000000000ZZ"});
  s.fails(2, {"reward", "redeem", shop.cinema}, {"CRM_USER"});
}
