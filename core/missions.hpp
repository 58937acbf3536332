#pragma once

#include "store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace crm {

// available -> taken (accept) -> completed (taker) -> approved (creator);
// completed -> taken again when the creator rejects; taken -> available when
// the taker releases; available or taken -> cancelled (creator).
struct MissionInput {
  std::string title;
  std::string reward;
  std::string description;
  // "everyone" (the default), "department:D", or users ("user:U" or "U").
  std::vector<std::string> audience;
  std::optional<Timestamp> due;
  std::string parent;  // ID or prefix of the mission this one helps with
};

struct MissionChange {
  Record record;
  std::string event;
  std::vector<std::string> notified;
};

// Stages a new mission (the acting user is its creator) and tells its audience.
MissionChange create_mission(const Context& ctx, Transaction& tx, const MissionInput& input);

// Each action checks who may take it (throwing a usage error that names who
// may) and whether the mission's status allows it, appends its event,
// refreshes status and taker, stages the mission and notifies the other party.
MissionChange accept_mission(const Context& ctx, Transaction& tx, const std::string& id);
MissionChange release_mission(const Context& ctx, Transaction& tx, const std::string& id, const std::string& note);
MissionChange complete_mission(const Context& ctx, Transaction& tx, const std::string& id, const std::string& note);
MissionChange approve_mission(const Context& ctx, Transaction& tx, const std::string& id, const std::string& note);
MissionChange reject_mission(const Context& ctx, Transaction& tx, const std::string& id, const std::string& reason);
MissionChange cancel_mission(const Context& ctx, Transaction& tx, const std::string& id, const std::string& reason);
MissionChange comment_mission(const Context& ctx, Transaction& tx, const std::string& id, const std::string& text);

// The users `audience` reaches (creator not excluded).
std::vector<std::string> audience_users(const Store& store, const std::vector<std::string>& audience);
// True when `user` is in the mission's audience.
bool in_audience(const Store& store, const Record& mission, const std::string& user);

struct MissionFilter {
  enum class Scope { Acceptable, Mine, Created, All };
  Scope scope = Scope::Acceptable;  // Acceptable: what `user` could accept now
  std::string user;
  std::vector<std::string> statuses;  // empty: any (within the scope)
};

// Missions matching `filter`, soonest due first, then newest.
std::vector<Record> list_missions(const Store& store, const MissionFilter& filter);

// The direct sub-missions of `id`, oldest first.
std::vector<Record> sub_missions(const Store& store, const std::string& id);

// Sets the mission's cached fields (status and taker) from its history.
void refresh_mission_state(Value& data);
std::vector<std::string> mission_cached_field_names();

// Why a mission's stored status or taker disagrees with its history.
std::vector<Problem> mission_consistency_problems(const Value& data, const std::string& shown_path);

// For `crm escalate`: records an `overdue` event on every mission still
// available or taken after its due time (once) and tells creator and taker.
std::vector<MissionChange> remind_overdue_missions(const Context& ctx, Transaction& tx);

}  // namespace crm
