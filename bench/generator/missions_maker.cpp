#include "missions_maker.hpp"

#include "clock.hpp"
#include "missions.hpp"
#include "schema.hpp"
#include "texts.hpp"

namespace bench {

void make_missions(World& world, RecordWriter& out, Random& random, std::size_t count) {
  crm::Timestamp limit = after(world.now, -k_hour);
  for (std::size_t i = 0; i < count; ++i) {
    const Department& department = random.pick(world.departments);
    MissionText text = mission_text(random);
    std::string creator = department.manager;
    bool everyone = random.chance(0.2);
    crm::Timestamp at = working_moment(random, after(world.now, -300 * k_day), after(world.now, -k_day));
    crm::Value m = crm::Value::map();
    m.set("id", out.new_id(crm::mission_kind()));
    m.set("title", text.title);
    m.set("description", text.description);
    m.set("reward", text.reward);
    m.set("creator", creator);
    m.set("audience", crm::make_string_list({everyone ? "everyone" : "department:" + department.id}));
    m.set("due", crm::format_utc(after(at, random.between(3, 21) * k_day)));
    crm::Value history = crm::Value::list();
    history.push_back(history_entry(at, creator, "created"));
    // Each step happens some hours to days after the last, unless that is
    // still in the future.
    auto step = [&](long long lo, long long hi) {
      crm::Timestamp next = after(at, random.between(lo, hi));
      if (next > limit) {
        return false;
      }
      at = next;
      return true;
    };
    const auto& pool = everyone ? world.users : department.staff;
    std::string taker = random.pick(pool);
    if (random.chance(0.05) && step(k_hour, 3 * k_day)) {
      crm::Value e = history_entry(at, creator, "cancelled");
      e.set("reason", "No longer needed.");
      history.push_back(e);
    } else if (random.chance(0.85) && step(k_hour, 3 * k_day)) {
      crm::Value accepted = history_entry(at, taker, "accepted");
      accepted.set("taker", taker);
      history.push_back(accepted);
      if (random.chance(0.3) && step(k_hour, k_day)) {
        crm::Value comment = history_entry(at, random.pick(world.users), "commented");
        comment.set("note", "Happy to help with this.");
        history.push_back(comment);
      }
      if (random.chance(0.7) && step(k_day, 7 * k_day)) {
        history.push_back(history_entry(at, taker, "completed"));
        if (random.chance(0.15) && step(k_hour, 2 * k_day)) {
          crm::Value rejected = history_entry(at, creator, "rejected");
          rejected.set("reason", "Almost: a few are still missing.");
          history.push_back(rejected);
          if (step(k_hour, 2 * k_day)) {
            history.push_back(history_entry(at, taker, "completed"));
          }
        }
        if (history.items().back().get("event") == "completed" && random.chance(0.85) && step(k_hour, 2 * k_day)) {
          history.push_back(history_entry(at, creator, "approved"));
        }
      }
    }
    m.set("history", history);
    crm::refresh_mission_state(m);
    out.write(crm::mission_kind(), m);
  }
}

}  // namespace bench
