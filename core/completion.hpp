#pragma once

#include "schema.hpp"
#include "store.hpp"

#include <string>
#include <vector>

namespace crm {

// A word a shell may offer on the command line, with what it stands for
// ("" for nothing to say).
struct Candidate {
  std::string word;
  std::string description;
};

// True when `word` may replace the `typed` word being completed: it begins
// with it, ignoring case (IDs are case-insensitive: "c-kd" completes C-KD64...).
bool completes(const std::string& word, const std::string& typed);

// The values starting with `prefix` that an option or argument called
// `name` takes ("department", "from-call", "id"...) in a command about
// records of `family` (nullptr: about none). "id" and "ids" name records of
// `family`; a few names no field describes (as, to, influencer...) are known
// here; any other name means what the schema says of it: a field of
// `family`, else a record kind, else a field of any kind.
// Live values (IDs, users, departments, configured lists) come from `store`;
// without one (nullptr: no readable CRM) only fixed values are offered.
// Only reads: never writes, never locks, never throws.
std::vector<Candidate> value_candidates(const Store* store, const KindSpec* family, const std::string& name,
                                        const std::string& prefix);

}  // namespace crm
