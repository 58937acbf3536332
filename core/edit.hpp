#pragma once

#include "store.hpp"

#include <string>
#include <vector>

namespace crm {

// One change to a record's field, as asked for on the command line.
struct FieldChange {
  enum class Op { Set, Unset, Add, Remove };
  std::string field;
  Op op = Op::Set;
  std::vector<std::string> values;  // one for Set on a single-valued field
};

// Throws a usage error naming the field when `data` breaks `kind`'s rules
// (bad enum value, malformed time, missing required field...).
void require_valid(const KindSpec& kind, const Value& data, const Config& config);

// A new record of `kind` holding `fields` (empty values are dropped), with a
// history that starts with `event`. Generated-ID kinds get a fresh ID;
// slug kinds use fields.get("id"). Validated; throws a usage error if not.
Record create_record(const Context& ctx, const KindSpec& kind, Value fields, const std::string& event);
// The same with a first history entry carrying more than {at, by, event}.
Record create_record_with_entry(const Context& ctx, const KindSpec& kind, Value fields, Value first_entry);

// Applies `changes` to `record`, validates the result, appends an `edited`
// event listing the changed fields and stages the record in `tx`.
// Returns the changed field names; when nothing changed, nothing is staged.
std::vector<std::string> edit_record(const Context& ctx, Transaction& tx, Record record,
                                     const std::vector<FieldChange>& changes);

// The top-level fields whose values differ between `before` and `after`
// (canonical maps of `kind`): known fields in the kind's order, then unknown ones.
std::vector<std::string> changed_fields(const KindSpec& kind, const Value& before, const Value& after);

// Appends an `edited` event listing `changed` (non-empty) to `record`, whose
// data is already changed and valid, and stages it in `tx`.
void stage_edit(const Context& ctx, Transaction& tx, Record record, const std::vector<std::string>& changed);

}  // namespace crm
