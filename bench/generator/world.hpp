#pragma once

#include "config.hpp"
#include "timestamp.hpp"

#include <map>
#include <string>
#include <vector>

namespace bench {

// A department and who works in it (the manager is also in `staff`).
struct Department {
  std::string id;
  std::string name;
  std::string manager;
  std::vector<std::string> staff;
};

// What later records need to know about a contact.
struct ContactInfo {
  std::string id;
  std::string kind;
  std::vector<std::string> tags;
};

// Everything generated so far that later records refer to.
struct World {
  crm::Timestamp now;
  crm::Timestamp start;  // the CRM's first day: departments and users are created then
  const crm::Config* config = nullptr;
  std::vector<Department> departments;
  std::map<std::string, std::size_t> department_of_user;  // user -> index into departments
  std::vector<std::string> users;
  std::vector<ContactInfo> contacts;

  const Department& department(const std::string& id) const;
};

}  // namespace bench
