#include "cases_maker.hpp"

#include "check.hpp"
#include "clock.hpp"
#include "routing.hpp"
#include "schema.hpp"
#include "texts.hpp"
#include "work_item.hpp"

namespace bench {
namespace {

const std::vector<std::string> k_priorities = {"low", "normal", "high", "urgent"};
const std::vector<double> k_priority_weights = {15, 65, 15, 5};

// A case as crm would have stored it after the steps in `t`.
crm::Value case_record(const std::string& id, const std::string& title, const std::string& priority,
                       const ContactInfo& contact, const std::string& requester, const Timeline& t) {
  crm::Value c = crm::Value::map();
  c.set("id", id);
  c.set("title", title);
  c.set("priority", priority);
  c.set("contact", contact.id);
  c.set("requester", requester);
  c.set("calls", t.call_ids());
  c.set("history", t.history());
  crm::refresh_cached_fields(crm::case_kind(), c);
  return c;
}

}  // namespace

CaseTally make_cases(World& world, RecordWriter& out, Random& random, std::size_t count) {
  CaseTally tally;
  for (std::size_t i = 0; i < count; ++i) {
    Fate fate = !random.chance(0.12) ? Fate::Closed : random.chance(1.0 / 3) ? Fate::Overdue : Fate::OnTime;
    const ContactInfo& contact = random.pick(world.contacts);
    std::string title = case_title(random, contact.kind);
    std::string priority = k_priorities[random.weighted(k_priority_weights)];
    auto routed = crm::route(world.config->routing, {contact.kind, contact.tags, title});
    const Department& department = world.department(routed->department);
    // Most calls are taken by the department's own people, some of whom
    // keep the case themselves.
    std::string requester = random.chance(0.6) ? random.pick(department.staff) : random.pick(world.users);
    bool keeps = world.departments[world.department_of_user.at(requester)].id == department.id && random.chance(0.3);

    // Try stories until one ends where the fate says (open ones are checked
    // against crm's own service-level clocks).
    std::string id = out.new_id(crm::case_kind());
    crm::Value record;
    std::vector<crm::Value> calls;
    for (int attempt = 0;; ++attempt) {
      crm::Timestamp opened = attempt < 40 || fate == Fate::Overdue ? opening_time(random, world, fate)
                                                                     : after(world.now, -10 * k_minute);
      Timeline t(world, out, random, opened, story_limit(world, fate));
      t.open(requester, contact.id, true);
      t.route(requester, department.id, keeps ? requester : "", keeps ? "the handler's department" : routed->reason);
      if (attempt < 40) {
        play(t, random, fate);
      }
      record = case_record(id, title, priority, contact, requester, t);
      calls = t.calls();
      if (fate == Fate::Closed || (fate == Fate::Overdue) == is_overdue(record, world, "case") || attempt >= 80) {
        break;
      }
    }
    for (const auto& call : calls) {
      out.write(crm::call_kind(), call);
    }
    out.write(crm::case_kind(), record);
    tally.calls += calls.size();
    if (fate != Fate::Closed) {
      ++tally.open;
      tally.overdue += is_overdue(record, world, "case") ? 1 : 0;
    }
  }
  return tally;
}

}  // namespace bench
