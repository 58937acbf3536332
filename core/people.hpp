#pragma once

#include "store.hpp"

#include <string>
#include <vector>

namespace crm {

struct UserInput {
  std::string id;  // a slug such as "olivia"
  std::string name;
  std::string email;
  std::string department;
  std::string role;
  std::string manager;
};

struct DepartmentInput {
  std::string id;  // a slug such as "water"
  std::string name;
  std::string manager;
  std::vector<std::string> queue_owners;  // users who watch the queue
};

// Creates users/<id>.yaml; the department and manager must exist.
void add_user(const Context& ctx, Transaction& tx, const UserInput& input);
// Creates departments/<id>.yaml; the manager must exist.
void add_department(const Context& ctx, Transaction& tx, const DepartmentInput& input);

// True once the CRM has at least one user.
bool has_users(const Store& store);

// Where the acting user comes from, most explicit first.
struct ActorSources {
  std::string as_option;  // --as
  std::string env_user;   // $CRM_USER
  bool use_git = true;    // match `git config user.email` against users' emails
};

// The acting user's ID; throws not-found for an unknown user and a usage
// error when no source names one. While the CRM has no users, returns ""
// if `bootstrap` allows acting anonymously.
std::string resolve_actor(const Store& store, const ActorSources& sources, bool bootstrap);

// Throws not-found unless a record `id` of `kind` exists (with a suggestion),
// and a data error if that record is malformed.
void require_exists(const Store& store, const KindSpec& kind, const std::string& id);

// True when `user` manages a department or another user, or has the role
// "manager", "director" or "admin".
bool is_manager(const Store& store, const std::string& user);

// Throws a usage error unless the acting user is `user` or a manager: opting
// out of the leaderboard is the user's own choice (or their manager's).
void require_may_set_leaderboard(const Context& ctx, const std::string& user);

}  // namespace crm
