// crm inbox, crm inbox read, and who is told about what.
#include "harness.hpp"

#include <doctest/doctest.h>

using namespace e2e;
using V = std::vector<std::string>;

namespace {

std::string str(const YAML::Node& n) { return n ? n.as<std::string>() : ""; }

// IDs of the notifications in a JSON listing.
V ids_in(const std::string& json) {
  V out;
  for (const auto& row : parse(json)) {
    out.push_back(str(row["id"]));
  }
  return out;
}

std::string pad(const std::string& s, std::size_t width) { return s + std::string(width - s.size(), ' '); }

// A case Fiona at the front desk asked for, which Raquel handles: acknowledged
// at 10:00, updated at 11:00 and closed at 12:00. Fiona is told of each step.
struct Handled {
  Sandbox s;
  std::string id;

  Handled() {
    s.init_city();
    std::string anna = s.ok({"contact", "add", "--name", "Anna Berg"});
    id = s.ok({"--as", "fiona", "case", "open", "--contact", anna, "--title", "Leak", "--handler", "raquel"});
    s.ok({"--as", "raquel", "--now", "2026-11-23T10:00:00Z", "case", "ack", id});
    s.ok({"--as", "raquel", "--now", "2026-11-23T11:00:00Z", "case", "update", id, "--note", "Crew on site"});
    s.ok({"--as", "raquel", "--now", "2026-11-23T12:00:00Z", "case", "close", id, "--resolution", "Fixed"});
  }

  V inbox(const V& extra) {
    V args = {"inbox", "--format", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    return ids_in(s.ok(args));
  }
};

}  // namespace

TEST_CASE("inbox lists the acting user's unread notifications, newest first") {
  Handled h;
  YAML::Node rows = parse(h.s.ok({"--as", "fiona", "inbox", "--format", "json"}));
  REQUIRE(rows.size() == 3);
  const V events = {"case-closed", "case-updated", "case-acknowledged"};
  const V times = {"2026-11-23T12:00:00Z", "2026-11-23T11:00:00Z", "2026-11-23T10:00:00Z"};
  const V messages = {h.id + " closed by raquel: Fixed", h.id + " updated by raquel: Crew on site",
                      h.id + " acknowledged by raquel: Leak"};
  for (std::size_t i = 0; i < 3; ++i) {
    CAPTURE(i);
    const YAML::Node& n = rows[i];
    V keys;
    for (const auto& kv : n) {
      keys.push_back(kv.first.as<std::string>());
    }
    CHECK(keys == V{"id", "at", "user", "event", "about", "by", "message", "read"});
    CHECK(is_generated_id(str(n["id"]), "N"));
    CHECK(h.s.exists(notification_path(str(n["id"]))));
    CHECK(str(n["at"]) == times[i]);
    CHECK(str(n["user"]) == "fiona");
    CHECK(str(n["event"]) == events[i]);
    CHECK(str(n["about"]) == h.id);
    CHECK(str(n["by"]) == "raquel");
    CHECK(str(n["message"]) == messages[i]);
    CHECK(n["read"].IsNull());
  }

  // The table: one aligned line per notification.
  auto row = [&](const std::string& id, const std::string& when, const std::string& event, const std::string& by,
                 const std::string& message) {
    return pad(id, 14) + "  " + pad(when, 16) + "  " + pad(event, 17) + "  " + pad(h.id, 14) + "  " + pad(by, 6) +
           "  " + message;
  };
  std::string expected = pad("ID", 14) + "  " + pad("WHEN", 16) + "  " + pad("EVENT", 17) + "  " + pad("ABOUT", 14) +
                         "  " + pad("BY", 6) + "  MESSAGE";
  for (std::size_t i = 0; i < 3; ++i) {
    expected += "\n" + row(str(rows[i]["id"]), times[i].substr(0, 10) + " " + times[i].substr(11, 5), events[i],
                           "raquel", messages[i]);
  }
  Result r = h.s.run_env({"CRM_USER=fiona"}, {"inbox"});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out == expected + "\n");

  // Olivia, Raquel's manager, heard of the update and the closing; Raquel of nothing (she acted).
  CHECK(h.inbox({}) == h.inbox({"--user", "olivia"}));
  YAML::Node olivia = parse(h.s.ok({"inbox", "--format", "json"}));
  REQUIRE(olivia.size() == 2);
  CHECK(str(olivia[0]["event"]) == "case-closed");
  CHECK(str(olivia[1]["event"]) == "case-updated");
  CHECK(h.inbox({"--user", "raquel"}).size() == 1);  // the case was assigned to her by Fiona
  CHECK(h.inbox({"--user", "pedro"}).empty());
  h.s.fails(4, {"inbox", "--user", "nobody"});
}

TEST_CASE("inbox read marks notifications read, --all lists them again") {
  Handled h;
  V unread = h.inbox({"--user", "fiona"});
  REQUIRE(unread.size() == 3);
  const std::string path = notification_path(unread[1]);
  const std::string before = h.s.read(path);

  Result r = h.s.run({"--as", "fiona", "--now", "2026-11-23T13:00:00Z", "inbox", "read", unread[1].substr(2, 6)});
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err == "Marked 1 notification read\n");
  CHECK(h.s.read(path) == before + "read: 2026-11-23T13:00:00Z\n");
  CHECK(h.inbox({"--user", "fiona"}) == V{unread[0], unread[2]});
  CHECK(h.inbox({"--user", "fiona", "--all"}) == unread);

  // --all adds a READ column to the table and the read time to each row.
  auto table = lines(h.s.ok({"--as", "fiona", "inbox", "--all"}));
  REQUIRE(table.size() == 4);
  CHECK(table[0].size() >= 4);
  CHECK(table[0].compare(table[0].size() - 4, 4, "READ") == 0);
  CHECK(table[2].compare(table[2].size() - 16, 16, "2026-11-23 13:00") == 0);
  CHECK(table[1].find("2026-11-23 13:00") == std::string::npos);
  YAML::Node all = parse(h.s.ok({"--as", "fiona", "inbox", "--all", "--format", "json"}));
  CHECK(str(all[1]["read"]) == "2026-11-23T13:00:00Z");
  CHECK(all[0]["read"].IsNull());

  // Reading it again changes nothing.
  auto snapshot = h.s.snapshot();
  r = h.s.run({"--as", "fiona", "--now", "2026-11-23T14:00:00Z", "inbox", "read", unread[1]});
  CHECK(r.status == 0);
  CHECK(r.err == "Marked 0 notifications read\n");
  CHECK(h.s.snapshot() == snapshot);

  // Several at once, then --all for the rest.
  CHECK(h.s.run({"--as", "fiona", "inbox", "read", unread[0], unread[2]}).err == "Marked 2 notifications read\n");
  CHECK(h.inbox({"--user", "fiona"}).empty());
  CHECK(h.s.run({"inbox", "read", "--all"}).err == "Marked 2 notifications read\n");  // olivia's
  CHECK(h.inbox({}).empty());
  CHECK(h.inbox({"--user", "raquel"}).size() == 1);  // untouched
  CHECK(h.s.run({"-q", "inbox", "read", "--all", "--user", "raquel"}).err.empty());
  CHECK(h.inbox({"--user", "raquel"}).empty());
  CHECK(h.inbox({"--all"}).size() == 2);
  CHECK(h.s.run({"check"}).status == 0);
}

TEST_CASE("reading another user's notification needs --user") {
  Handled h;
  V fionas = h.inbox({"--user", "fiona"});
  REQUIRE(fionas.size() == 3);
  Result r = h.s.fails(2, {"inbox", "read", fionas[0]});  // acting as olivia
  CHECK(r.err.find("addressed to fiona, not olivia") != std::string::npos);
  CHECK(r.err.find("--user fiona") != std::string::npos);
  h.s.fails(2, {"--as", "raquel", "inbox", "read", fionas[0], fionas[1]});
  h.s.fails(2, {"inbox", "read", "--user", "raquel", fionas[0]});
  h.s.fails(2, {"inbox", "read"});                       // neither IDs nor --all
  h.s.fails(2, {"inbox", "read", fionas[0], "--all"});  // both
  h.s.fails(4, {"inbox", "read", "N-000000000000"});
  h.s.fails(4, {"inbox", "read", "--all", "--user", "nobody"});
  CHECK(h.inbox({"--user", "fiona"}) == fionas);

  CHECK(h.s.run({"inbox", "read", fionas[0], "--user", "fiona"}).err == "Marked 1 notification read\n");
  CHECK(h.s.run({"inbox", "--user", "fiona", "read", fionas[1]}).err == "Marked 1 notification read\n");
  CHECK(h.inbox({"--user", "fiona"}) == V{fionas[2]});
}

TEST_CASE("nobody is notified of their own action, nor twice of one") {
  Sandbox s;
  s.init_city();
  std::string anna = s.ok({"contact", "add", "--name", "Anna Berg"});
  NotificationWatch told(s);
  // Olivia opens a case in her own department's queue: the others hear of it, she does not.
  Result r = s.run({"case", "open", "--contact", anna, "--title", "Leak", "--department", "water"});
  REQUIRE(r.status == 0);
  std::string id = r.out.substr(0, 14);
  CHECK(r.err.find("; notified pedro, raquel\n") != std::string::npos);
  CHECK(told.users() == V{"pedro", "raquel"});

  // She asked for it and takes it herself: nobody needs telling.
  r = s.run({"case", "ack", id});
  CHECK(r.err == id + ": acknowledged; now acknowledged, handler olivia\n");
  CHECK(told.users().empty());
  s.ok({"case", "update", id, "--note", "Looking"});
  CHECK(told.users().empty());

  // Handing it on tells the new handler only: the old one did it.
  s.ok({"case", "forward", id, "--to", "raquel"});
  CHECK(told.users() == V{"raquel"});

  // Olivia is both the requester and Raquel's manager: one notification.
  r = s.run({"--as", "raquel", "case", "close", id, "--resolution", "Fixed"});
  CHECK(r.err == id + ": closed; now closed, handler raquel; notified olivia\n");
  auto notes = told.take();
  REQUIRE(notes.size() == 1);
  CHECK(str(notes[0]["user"]) == "olivia");
  CHECK(str(notes[0]["event"]) == "case-closed");
  CHECK(s.ok({"--as", "raquel", "inbox"}).find(id) != std::string::npos);
  CHECK(ids_in(s.ok({"inbox", "--format", "json"})) == V{str(notes[0]["id"])});
}

TEST_CASE("queue owners narrow who hears about new cases in a department") {
  Sandbox s;
  s.init_city();
  std::string anna = s.ok({"contact", "add", "--name", "Anna Berg"});
  NotificationWatch told(s);
  auto open_in = [&](const std::string& department) {
    return s.ok({"--as", "fiona", "case", "open", "--contact", anna, "--title", "Leak", "--department", department});
  };

  // Without queue owners the manager and every member hear of a new case.
  open_in("water");
  CHECK(told.users() == V{"olivia", "pedro", "raquel"});

  // A new department naming a queue owner: its manager and the owner, not the other members.
  CHECK(s.ok({"department", "add", "parks", "--name", "Parks", "--manager", "olivia", "--queue-owner", "raquel"}) ==
        "parks");
  CHECK(s.read("departments/parks.yaml") ==
        "id: parks\n"
        "name: Parks\n"
        "manager: olivia\n"
        "queue_owners:\n"
        "  - raquel\n"
        "history:\n"
        "  - at: 2026-11-23T09:00:00Z\n"
        "    by: olivia\n"
        "    event: created\n");
  s.ok({"user", "add", "paul", "--name", "Paul Park", "--department", "parks"});
  open_in("parks");
  CHECK(told.users() == V{"olivia", "raquel"});

  // Editing water's queue owners narrows it too.
  Result r = s.run({"department", "edit", "water", "--queue-owner", "pedro"});
  CHECK(r.status == 0);
  CHECK(r.err == "water: changed queue_owners\n");
  std::string id = open_in("water");
  CHECK(told.users() == V{"olivia", "pedro"});
  CHECK(parse(s.ok({"department", "show", "water", "--format", "json"}))["queue_owners"][0].as<std::string>() ==
        "pedro");

  // Forwarding into the queue tells the same audience (and the old handler).
  s.ok({"--as", "frank", "case", "forward", id, "--to", "fiona"});
  told.take();
  s.ok({"--as", "frank", "case", "forward", id, "--to", "water"});
  CHECK(told.users() == V{"fiona", "olivia", "pedro"});

  s.ok({"department", "edit", "water", "--queue-owner", "pedro", "--queue-owner", "raquel"});
  open_in("water");
  CHECK(told.users() == V{"olivia", "pedro", "raquel"});
  s.ok({"department", "edit", "water", "--unset", "queue_owners"});
  CHECK_FALSE(parse(s.read("departments/water.yaml"))["queue_owners"]);
  s.ok({"department", "edit", "parks", "--queue-owner", "paul"});
  open_in("parks");
  CHECK(told.users() == V{"olivia", "paul"});

  // Queue owners must be users.
  s.fails(4, {"department", "edit", "water", "--queue-owner", "nobody"});
  s.fails(4, {"department", "add", "roads", "--name", "Roads", "--queue-owner", "nobody"});
}

TEST_CASE("an empty inbox prints nothing and exits 0") {
  Sandbox s;
  s.init_city();
  Result r = s.run({"inbox"});
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err.empty());
  CHECK(s.run({"inbox", "--all"}).out.empty());
  CHECK(s.ok({"inbox", "--format", "json"}) == "[]");
  CHECK(s.run({"inbox", "--format", "csv"}).out == "id,at,user,event,about,by,message,read\r\n");
  auto before = s.snapshot();
  r = s.run({"inbox", "read", "--all"});
  CHECK(r.status == 0);
  CHECK(r.err == "Marked 0 notifications read\n");
  CHECK(s.snapshot() == before);
}
