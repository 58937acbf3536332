#pragma once

#include "problem.hpp"
#include "store.hpp"

#include <vector>

namespace crm {

struct CheckReport {
  std::vector<Problem> problems;
  std::size_t records = 0;  // record files examined
};

// Validates the configuration and every record: parse errors, field types
// and enum values, IDs that disagree with file names or sit in the wrong
// folder, duplicate IDs, and references to records that do not exist.
CheckReport check_crm(const Store& store);

}  // namespace crm
