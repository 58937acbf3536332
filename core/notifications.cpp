#include "notifications.hpp"

#include "edit.hpp"
#include "error.hpp"

#include <algorithm>

namespace crm {
namespace {

void add_unique(std::vector<std::string>& to, const std::string& user) {
  if (!user.empty() && std::find(to.begin(), to.end(), user) == to.end()) {
    to.push_back(user);
  }
}

}  // namespace

std::vector<std::string> notify(const Context& ctx, Transaction& tx, const std::vector<std::string>& users,
                                const std::string& event, const std::string& about, const std::string& message) {
  std::vector<std::string> told;
  for (const auto& user : users) {
    if (user.empty() || user == ctx.actor || std::find(told.begin(), told.end(), user) != told.end()) {
      continue;
    }
    Value fields = Value::map();
    fields.set("user", user);
    fields.set("at", format_utc(ctx.now));
    fields.set("event", event);
    fields.set("about", about);
    fields.set("by", ctx.actor);
    fields.set("message", message);
    tx.put(create_record(ctx, notification_kind(), fields, ""));
    told.push_back(user);
  }
  return told;
}

std::vector<std::string> department_audience(const Store& store, const std::string& department) {
  std::vector<std::string> out;
  if (department.empty() || !store.exists(department_kind(), department)) {
    return out;
  }
  Record dept = store.load(department_kind(), department);
  add_unique(out, dept.get("manager"));
  auto owners = string_list(dept.data.find("queue_owners"));
  if (!owners.empty()) {
    for (const auto& u : owners) {
      add_unique(out, u);
    }
    return out;
  }
  for (const auto& user : store.load_all(user_kind())) {
    if (user.get("department") == department) {
      add_unique(out, user.id);
    }
  }
  return out;
}

std::vector<std::string> office_audience(const Store& store, const std::string& user_or_department) {
  if (user_or_department.empty()) {
    return {};
  }
  if (store.exists(user_kind(), user_or_department)) {
    return {user_or_department};
  }
  return department_audience(store, user_or_department);
}

std::string manager_of(const Store& store, const std::string& user) {
  if (user.empty() || !store.exists(user_kind(), user)) {
    return "";
  }
  Record u = store.load(user_kind(), user);
  std::string manager = u.get("manager");
  if (manager.empty() && !u.get("department").empty() && store.exists(department_kind(), u.get("department"))) {
    manager = store.load(department_kind(), u.get("department")).get("manager");
  }
  return manager == user ? "" : manager;
}

std::vector<Record> inbox(const Store& store, const std::string& user, bool include_read) {
  std::vector<Record> out;
  for (auto& n : store.load_all(notification_kind())) {
    if (n.get("user") == user && (include_read || n.get("read").empty())) {
      out.push_back(std::move(n));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Record& a, const Record& b) {
    return a.get("at") != b.get("at") ? a.get("at") > b.get("at") : a.id > b.id;
  });
  return out;
}

std::vector<std::string> mark_read(const Context& ctx, Transaction& tx, const std::string& user,
                                   const std::vector<std::string>& ids) {
  std::vector<Record> chosen;
  if (ids.empty()) {
    chosen = inbox(ctx.store, user, false);
  } else {
    for (const auto& input : ids) {
      Record n = ctx.store.find(notification_kind(), input);
      if (n.get("user") != user) {
        throw usage_error(n.id + " is addressed to " + n.get("user") + ", not " + user +
                          " (use --user " + n.get("user") + " to act on their inbox)");
      }
      chosen.push_back(std::move(n));
    }
  }
  std::vector<std::string> changed;
  for (auto& n : chosen) {
    if (!n.get("read").empty() || std::find(changed.begin(), changed.end(), n.id) != changed.end()) {
      continue;
    }
    n.data.set("read", format_utc(ctx.now));
    changed.push_back(n.id);
    tx.put(std::move(n));
  }
  return changed;
}

}  // namespace crm
