#pragma once

#include "store.hpp"

#include <string>

namespace crm {

// The record `input` names, of the kind named `kind` ("contact" or
// "contacts"; "" for any kind): a whole ID or an unambiguous prefix (with or
// without the kind prefix), a user or department ID, or an influencer's
// screen name; "KIND:ID" names the kind inside `input` ("user:olivia"). Throws a usage error for an unknown kind, and
// not-found when nothing matches or several records do (naming them).
Record find_any_record(const Store& store, const std::string& kind, const std::string& input);

}  // namespace crm
