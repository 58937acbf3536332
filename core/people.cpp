#include "people.hpp"

#include "edit.hpp"
#include "error.hpp"
#include "ids.hpp"
#include "process.hpp"

#include <cctype>

namespace crm {
namespace {

void require_new_slug(const Store& store, const KindSpec& kind, const std::string& id) {
  if (!is_slug(id)) {
    throw usage_error("'" + id + "' is not a valid " + kind.name +
                      " ID: use lowercase letters, digits, '-', '_' or '.', starting with a letter or digit");
  }
  if (store.exists(kind, id)) {
    throw usage_error(kind.name + " '" + id + "' already exists");
  }
}

std::string lower(std::string s) {
  for (auto& c : s) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return s;
}

std::string trim(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) {
    s.pop_back();
  }
  return s;
}

}  // namespace

void require_exists(const Store& store, const KindSpec& kind, const std::string& id) {
  store.find(kind, id);  // loads it, so a link to a malformed record fails too
}

void add_user(const Context& ctx, Transaction& tx, const UserInput& in) {
  require_new_slug(ctx.store, user_kind(), in.id);
  if (!in.department.empty()) {
    require_exists(ctx.store, department_kind(), in.department);
  }
  if (!in.manager.empty()) {
    require_exists(ctx.store, user_kind(), in.manager);
  }
  Value fields = Value::map();
  fields.set("id", in.id);
  fields.set("name", in.name);
  fields.set("email", in.email);
  fields.set("department", in.department);
  fields.set("role", in.role);
  fields.set("manager", in.manager);
  tx.put(create_record(ctx, user_kind(), fields, "created"));
}

void add_department(const Context& ctx, Transaction& tx, const DepartmentInput& in) {
  require_new_slug(ctx.store, department_kind(), in.id);
  if (!in.manager.empty()) {
    require_exists(ctx.store, user_kind(), in.manager);
  }
  Value fields = Value::map();
  fields.set("id", in.id);
  fields.set("name", in.name);
  fields.set("manager", in.manager);
  for (const auto& owner : in.queue_owners) {
    require_exists(ctx.store, user_kind(), owner);
  }
  fields.set("queue_owners", make_string_list(in.queue_owners));
  tx.put(create_record(ctx, department_kind(), fields, "created"));
}

bool has_users(const Store& store) {
  return !store.files(user_kind()).empty();
}

std::string resolve_actor(const Store& store, const ActorSources& sources, bool bootstrap) {
  auto known = [&](const std::string& id, const std::string& how) {
    try {
      return store.resolve(user_kind(), id);
    } catch (const Error& e) {
      throw Error(e.status(), std::string(e.what()) + " (acting user from " + how + ")");
    }
  };
  if (!sources.as_option.empty()) {
    return known(sources.as_option, "--as");
  }
  if (!sources.env_user.empty()) {
    return known(sources.env_user, "$CRM_USER");
  }
  if (!has_users(store)) {
    if (bootstrap) {
      return "";
    }
    throw usage_error("this CRM has no users yet; add yourself first: crm user add ID --name NAME --email EMAIL");
  }
  std::string email;
  if (sources.use_git) {
    auto git = run_process({"git", "config", "user.email"}, store.root());
    email = lower(trim(git.out));
    if (!email.empty()) {
      for (const auto& user : store.load_all(user_kind())) {
        if (lower(user.get("email")) == email) {
          return user.id;
        }
      }
    }
  }
  throw usage_error("who is acting? pass --as USER or set CRM_USER" +
                    std::string(email.empty() ? "" : " (no user has the git email " + email + ")"));
}

bool is_manager(const Store& store, const std::string& user) {
  if (user.empty()) {
    return false;
  }
  for (const Record& d : store.load_all(department_kind())) {
    if (d.get("manager") == user) {
      return true;
    }
  }
  for (const Record& u : store.load_all(user_kind())) {
    if (u.get("manager") == user) {
      return true;
    }
    if (u.id == user && (u.get("role") == "manager" || u.get("role") == "director" || u.get("role") == "admin")) {
      return true;
    }
  }
  return false;
}

void require_may_set_leaderboard(const Context& ctx, const std::string& user) {
  if (ctx.actor != user && !is_manager(ctx.store, ctx.actor)) {
    throw usage_error("only " + user + " or a manager may change whether " + user + " is on the leaderboard");
  }
}

}  // namespace crm
