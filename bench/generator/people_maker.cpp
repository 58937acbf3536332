#include "people_maker.hpp"

#include "clock.hpp"
#include "schema.hpp"
#include "texts.hpp"

#include <set>

namespace bench {
namespace {

struct DepartmentPlan {
  const char* id;
  const char* name;
  const char* domain;  // e-mail domain of its staff
  const char* boss;    // whose department's manager manages this one's ("" at the top)
  double weight;       // share of the staff
};

const DepartmentPlan k_departments[] = {
    {"executive", "Nordwind Services - Executive", "nordwind-services.example", "", 0.5},
    {"customer-support", "Nordwind Services - Customer Support", "nordwind-services.example", "executive", 4},
    {"field-service", "Nordwind Services - Field Service", "nordwind-services.example", "executive", 3},
    {"marketing", "Nordwind Services - Marketing", "nordwind-services.example", "executive", 0.5},
    {"mayor-office", "City of Riverton - Office of the Mayor", "riverton.example", "", 0.5},
    {"water", "City of Riverton - Water", "riverton.example", "mayor-office", 4},
    {"public-works", "City of Riverton - Public Works", "riverton.example", "mayor-office", 2},
    {"digital", "City of Riverton - Digital Services", "riverton.example", "mayor-office", 1},
};

std::string unique_slug(std::set<std::string>& taken, const std::string& base) {
  std::string slug = base;
  for (int n = 2; !taken.insert(slug).second; ++n) {
    slug = base + "-" + std::to_string(n);
  }
  return slug;
}

}  // namespace

void make_people(World& world, RecordWriter& out, Random& random, std::size_t count) {
  std::vector<double> weights;
  for (const auto& plan : k_departments) {
    world.departments.push_back({plan.id, plan.name, "", {}});
    weights.push_back(plan.weight);
  }
  std::set<std::string> taken;
  std::vector<crm::Value> users;
  for (std::size_t i = 0; i < count; ++i) {
    // The first eight users are the departments' managers.
    std::size_t d = i < world.departments.size() ? i : random.weighted(weights);
    const DepartmentPlan& plan = k_departments[d];
    Person p = person_name(random);
    std::string id = unique_slug(taken, slug_of(p.first + " " + p.last));
    Department& department = world.departments[d];
    bool manager = department.manager.empty();
    crm::Value u = crm::Value::map();
    u.set("id", id);
    u.set("name", p.first + " " + p.last);
    u.set("email", id + "@" + plan.domain);
    u.set("department", department.id);
    u.set("role", manager ? (std::string(plan.id) == "mayor-office" ? "director" : "manager")
                          : random.pick(std::vector<std::string>{"agent", "agent", "agent", "specialist", "technician"}));
    if (!manager) {
      u.set("manager", department.manager);
    } else if (*plan.boss) {
      u.set("manager", world.department(plan.boss).manager);
    }
    if (random.chance(0.05)) {
      u.set("leaderboard", "hidden");
    }
    crm::Value history = crm::Value::list();
    // The first user set the CRM up; everyone else was added by them.
    history.push_back(history_entry(after(world.start, 60 * static_cast<long long>(i)),
                                    world.users.empty() ? "" : world.users.front(), "created"));
    u.set("history", history);
    if (manager) {
      department.manager = id;
    }
    department.staff.push_back(id);
    world.department_of_user[id] = d;
    world.users.push_back(id);
    users.push_back(std::move(u));
  }
  for (const auto& u : users) {
    out.write(crm::user_kind(), u);
  }
  for (const auto& department : world.departments) {
    crm::Value d = crm::Value::map();
    d.set("id", department.id);
    d.set("name", department.name);
    d.set("manager", department.manager);
    crm::Value history = crm::Value::list();
    history.push_back(history_entry(world.start, "", "created"));
    d.set("history", history);
    out.write(crm::department_kind(), d);
  }
}

}  // namespace bench
