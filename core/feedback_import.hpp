#pragma once

#include "feedback.hpp"
#include "table_import.hpp"

#include <string>
#include <vector>

namespace crm {

// The columns an import may have: text (required), title, source,
// sentiment, topics (CSV: separated by ';'; JSON: a list), influencer,
// contact, department, handler.
const std::vector<std::string>& feedback_import_columns();

// Bulk `crm feedback add`, all or nothing. Reads every item of `text` (a
// CSV file with a header line, or a JSON list of objects; `origin` names it
// in messages), checks every item (columns, text, source, sentiment, the
// influencer, contact, department and handler it names, and that it can be
// routed), and stages them all in `tx` with add_feedback. When anything is
// wrong it throws one data error listing every problem as "ORIGIN:LINE:
// message"; `tx` must then not be committed. Returns the new IDs in order.
std::vector<std::string> import_feedback(const Context& ctx, Transaction& tx, const std::string& text,
                                         ImportFormat format, const std::string& origin);

}  // namespace crm
