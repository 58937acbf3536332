#pragma once

#include "problem.hpp"
#include "store.hpp"

#include <string>
#include <vector>

namespace crm {

// `crm edit` shows a record's file in an editor. When the text saved is not
// a valid record, it is shown again under "# crm:" comment lines naming the
// problems; those lines are dropped again before the text is read.

// Throws a usage error when the acting user may not edit `record` by hand:
// notifications (no history to record the edit in) and, unless a manager, rewards.
void require_editable(const Context& ctx, const Record& record);

// `text` without the "# crm:" lines at its top.
std::string strip_edit_comments(const std::string& text);

// What one saved text amounts to.
struct EditReview {
  enum class Outcome { Empty, Unchanged, Invalid, Valid };
  Outcome outcome = Outcome::Empty;
  Value data;                        // Valid: the new record, canonical
  std::vector<std::string> changed;  // Valid: the top-level fields that differ
  std::vector<Problem> problems;     // Invalid: what is wrong, lines counted in `annotated`
  std::string annotated;             // Invalid: the text under "# crm: error:" lines, to edit again
};

// Reads `text`, as saved in the editor, as the new contents of `original`:
// parses it and checks field types and values, the fields a record caches
// from its history, references to other records and the kind's own rules.
// Its `id` and `history` may not change, nor may fields unknown to the kind
// be added. `origin` names the edited file in problems.
EditReview review_edit(const Context& ctx, const Record& original, const std::string& text, const std::string& origin);

}  // namespace crm
