#pragma once

// Helpers shared by the hostile-input tests (test_hostile_*.cpp).

#include "harness.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace e2e::hostile {

// How often `needle` occurs in `text`.
inline std::size_t occurrences(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

// Runs crm expecting it to fail with `status` and exactly one "crm: error:"
// line (containing `says`), nothing on stdout and no file changed.
inline Result refused(Sandbox& s, int status, const std::vector<std::string>& args, const std::string& says = "",
                      const std::string& input = "", const std::vector<std::string>& env = {}) {
  Result r = s.fails(status, args, env, input);
  INFO("stderr: " << r.err);
  CHECK(occurrences(r.err, "crm: error: ") == 1);
  CHECK(r.err.find(says) != std::string::npos);
  return r;
}

// A CRM with people (see Sandbox::init_with_people), the contact Anna and a
// case for her; returns {contact ID, case ID}.
inline std::pair<std::string, std::string> small_crm(Sandbox& s) {
  s.init_with_people();
  std::string contact = s.ok({"contact", "add", "--name", "Anna Berg"});
  std::string kase = s.ok({"case", "open", "--contact", contact, "--title", "Leak", "--department", "water"});
  return {contact, kase};
}

inline std::string contact_path(const std::string& id) { return "contacts/" + id + ".yaml"; }

// `crm check` exits 1 and names `file` among its problems.
inline void check_names(Sandbox& s, const std::string& file) {
  Result r = s.run({"check"});
  INFO("check: " << r.out << r.err);
  CHECK(r.status == 1);
  CHECK((r.out + r.err).find(file) != std::string::npos);
}

}  // namespace e2e::hostile
