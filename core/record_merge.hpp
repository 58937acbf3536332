#pragma once

#include "schema.hpp"

#include <optional>
#include <string>
#include <vector>

namespace crm {

// The outcome of merging one record file three ways.
struct RecordMerge {
  std::string text;                    // canonical file, with markers around conflicting fields
  std::vector<std::string> conflicts;  // fields changed differently on both sides
};

// Field-level three-way merge of a record of `kind` (git's %O %A %B):
// a field changed on one side takes that side; lists of values merge as
// sets (added on either side kept, removed on either side gone); history
// entries of both sides are united, de-duplicated and ordered by time, and
// the fields cached from history are replayed from the result; a field
// changed differently on both sides is written between git-style markers.
// An empty `base` is a record both sides added. Throws a data error when
// a side is not a YAML map (the caller then merges the files line by line).
RecordMerge merge_record(const KindSpec& kind, const std::string& base, const std::string& ours,
                         const std::string& theirs);

// The record kind whose folder holds `path` (e.g. "crm/cases/C-1.yaml" is a
// case), or nullptr when the path is no record file.
const KindSpec* record_kind_of_path(const std::string& path);

// The first conflict marker a merge left in a file: its line and the field
// it encloses ("" when the lines between the markers name no field).
struct ConflictMarker {
  int line = 0;
  std::string field;
};
std::optional<ConflictMarker> find_conflict_marker(const std::string& text);

}  // namespace crm
