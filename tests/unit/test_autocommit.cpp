#include "autocommit.hpp"
#include "schema.hpp"
#include "temp_crm.hpp"

#include <doctest/doctest.h>

using namespace crm;

namespace {

Record record(const KindSpec& kind, const std::string& id, bool is_new = false) {
  Record r;
  r.kind = &kind;
  r.id = id;
  r.path = fs::path(kind.folder) / (id + ".yaml");
  r.is_new = is_new;
  return r;
}

// An event as Transaction::commit reports it; `to` is left out when empty.
Event event(const KindSpec& kind, const std::string& id, const std::string& name, const std::string& to = "",
            const std::string& by = "raquel") {
  Value entry = Value::map();
  entry.set("at", "2026-11-23T09:00:00Z");
  if (!by.empty()) {
    entry.set("by", by);
  }
  entry.set("event", name);
  if (!to.empty()) {
    entry.set("to", to);
  }
  return {kind.name + "-" + name, &kind, id, entry, Value::map()};
}

Event routed(const KindSpec& kind, const std::string& id, const std::string& department) {
  Event e = event(kind, id, "routed");
  e.entry.set("department", department);
  return e;
}

Event created(const KindSpec& kind, const std::string& id) {
  return {kind.name + "-created", &kind, id, Value(), Value::map()};
}

}  // namespace

TEST_CASE("autocommit_message") {
  const KindSpec& cases = case_kind();
  const KindSpec& notes = notification_kind();
  SUBCASE("one record: its line is the whole message") {
    CHECK(autocommit_message({record(cases, "C-7K3M")}, {event(cases, "C-7K3M", "forwarded", "raquel")}) ==
          "case C-7K3M: forwarded to raquel\n");
  }
  SUBCASE("a record's events are joined and its notifications listed in the body") {
    auto message = autocommit_message(
        {record(cases, "C-7K3M", true), record(notes, "N-1", true)},
        {event(cases, "C-7K3M", "opened"), routed(cases, "C-7K3M", "water"), created(notes, "N-1")});
    CHECK(message ==
          "case C-7K3M: opened, routed to water\n\ncase C-7K3M: opened, routed to water\nnotification N-1: created\n");
  }
  SUBCASE("several records of one kind with the same events are counted") {
    std::vector<Record> records;
    std::vector<Event> events;
    for (const std::string id : {"C-1", "C-2", "C-3"}) {
      records.push_back(record(cases, id));
      events.push_back(event(cases, id, "escalated", "", ""));
    }
    auto message = autocommit_message(records, events);
    CHECK(message == "3 cases escalated\n\ncase C-1: escalated\ncase C-2: escalated\ncase C-3: escalated\n");
  }
  SUBCASE("different records: the first line and how many more") {
    const KindSpec& calls = call_kind();
    auto message = autocommit_message({record(calls, "K-1", true), record(cases, "C-1", true)},
                                      {event(calls, "K-1", "logged"), event(cases, "C-1", "opened")});
    CHECK(message == "call K-1: logged (and 1 more record)\n\ncall K-1: logged\ncase C-1: opened\n");
  }
  SUBCASE("a record without events was created or changed") {
    CHECK(autocommit_message({record(notes, "N-1", true)}, {}) == "notification N-1: created\n");
    CHECK(autocommit_message({record(department_kind(), "water")}, {}) == "department water: changed\n");
  }
  SUBCASE("nothing saved, no message") { CHECK(autocommit_message({}, {}).empty()); }
}

TEST_CASE("events_actor") {
  const KindSpec& cases = case_kind();
  CHECK(events_actor({created(notification_kind(), "N-1"), event(cases, "C-1", "opened", "", "olivia")}) == "olivia");
  CHECK(events_actor({event(cases, "C-1", "escalated", "", "")}).empty());
}

TEST_CASE("author_identity") {
  test::TempCrm crm;
  crm.write("users/olivia.yaml", "id: olivia\nname: Olivia Ortiz\nemail: olivia@city.example\n");
  crm.write("users/raquel.yaml", "id: raquel\nname: Raquel Reyes\n");
  auto olivia = author_identity(crm.store(), "olivia");
  CHECK(olivia.name == "Olivia Ortiz");
  CHECK(olivia.email == "olivia@city.example");
  auto raquel = author_identity(crm.store(), "raquel");
  CHECK(raquel.name == "Raquel Reyes");
  CHECK(raquel.email == "raquel@crm");
  auto system = author_identity(crm.store(), "");
  CHECK(system.name == "crm");
  CHECK(system.email == "crm@localhost");
}
