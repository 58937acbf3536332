#pragma once

#include "schema.hpp"
#include "value.hpp"

#include <string>
#include <vector>

namespace crm {

// One top-level field a version of a record changed.
struct FieldDiff {
  std::string field;
  Value before;  // null when it was not set
  Value after;   // null when it was removed
};

// What one version of a record file changed against the version before it.
struct RecordChange {
  std::vector<Value> added;         // history entries new in this version, canonical, in history order
  std::vector<Value> removed;       // entries it dropped: only a hand edit drops any (history is append-only)
  std::vector<FieldDiff> fields;  // the other fields, new ones in the kind's order, then removed ones

  bool empty() const { return added.empty() && removed.empty() && fields.empty(); }
};

// What `after` changed against `before` (records as parsed; an empty map or
// null for no file). Absent, null, "" and [] are all "not set"; the ID a
// new record is given is no change (only a hand edit of it is). A field
// cached from the history (a case's status, handler...) is left out when it
// holds what `after`'s own history says, since the added entries already
// tell that change; it is reported when it disagrees (a hand edit).
RecordChange record_change(const KindSpec& kind, const Value& before, const Value& after);

// What a merge result `after` holds that none of its `parents` did, as git's
// combined diff shows a merge: entries and field values neither side had
// (a conflict resolved by hand), and entries every side had but the merge
// dropped. Empty for a clean merge: each side's changes belong to the
// commits that made them.
RecordChange merge_change(const KindSpec& kind, const std::vector<Value>& parents, const Value& after);

}  // namespace crm
