#pragma once

#include "store.hpp"

#include <string>
#include <vector>

namespace crm {

// Stages one notification per user in `users` about `event` (e.g.
// "case-forwarded") of record `about`. The acting user is left out (nobody
// needs telling what they just did) and so are repeats. Returns the users told.
std::vector<std::string> notify(const Context& ctx, Transaction& tx, const std::vector<std::string>& users,
                                const std::string& event, const std::string& about, const std::string& message);

// Who hears about work sent to a department: its manager and queue owners
// when it names queue owners, else its manager and every member.
std::vector<std::string> department_audience(const Store& store, const std::string& department);
// A user, or the audience of a department.
std::vector<std::string> office_audience(const Store& store, const std::string& user_or_department);
// The user's manager: their own `manager`, else their department's manager
// (never the user themself); "" when there is none.
std::string manager_of(const Store& store, const std::string& user);

// A user's notifications, newest first; only unread ones unless `include_read`.
std::vector<Record> inbox(const Store& store, const std::string& user, bool include_read);

// Marks `ids` (IDs or prefixes; all unread ones when empty) of `user`'s
// notifications read. Throws a usage error for a notification addressed to
// someone else. Returns the IDs that changed (already-read ones are skipped).
std::vector<std::string> mark_read(const Context& ctx, Transaction& tx, const std::string& user,
                                   const std::vector<std::string>& ids);

}  // namespace crm
