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

// Rewrites the fields `kind` caches from history (a case's status, a
// mission's taker...) to what `data`'s history says: the rules
// consistency_problems checks.
void refresh_cached_fields(const KindSpec& kind, Value& data);
// The names of the fields refresh_cached_fields owns for `kind` (none for most kinds).
std::vector<std::string> cached_field_names(const KindSpec& kind);

// Every way the record `data` of `kind` disagrees with its own history (the
// fields a case, feedback or mission caches from it).
std::vector<Problem> consistency_problems(const KindSpec& kind, const Value& data, const std::string& shown_path);

}  // namespace crm
