#include "calls_maker.hpp"

#include "clock.hpp"
#include "schema.hpp"
#include "texts.hpp"

namespace bench {

void make_calls(World& world, RecordWriter& out, Random& random, std::size_t count) {
  const std::vector<std::string> channels = {"phone", "phone", "phone", "email", "email", "chat", "visit", "sms"};
  for (std::size_t i = 0; i < count; ++i) {
    const ContactInfo& contact = random.pick(world.contacts);
    std::string by = random.pick(world.users);
    crm::Timestamp at = working_moment(random, after(world.now, -365 * k_day), after(world.now, -k_hour));
    crm::Value call = crm::Value::map();
    call.set("id", out.new_id(crm::call_kind()));
    call.set("contact", contact.id);
    call.set("at", crm::format_utc(at));
    call.set("direction", random.chance(0.7) ? "in" : "out");
    call.set("channel", random.pick(channels));
    call.set("duration", std::to_string(random.between(1, 30)) + "m");
    call.set("by", by);
    call.set("summary", call_summary(random, contact.kind));
    crm::Value history = crm::Value::list();
    history.push_back(history_entry(after(at, random.between(1, 15) * k_minute), by, "logged"));
    call.set("history", history);
    out.write(crm::call_kind(), call);
  }
}

}  // namespace bench
