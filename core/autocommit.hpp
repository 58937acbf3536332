#pragma once

#include "store.hpp"

#include <string>
#include <vector>

namespace crm {

// Committing what one crm command saved to git (`git: {autocommit: true}`
// in crm.yaml): one commit per command holding exactly the files it wrote.

// A git identity: "Name <email>".
struct GitIdentity {
  std::string name;
  std::string email;
};

// The commit message for `records` saved with `events` (a transaction's
// records() and events()). One line per record, "case C-...: forwarded to
// raquel"; a record's events are joined with ", ". The subject is the line
// of the one record with history (notifications and other records without
// history ride along), "N cases escalated" when several records of one kind
// had the same events, else the first line and how many more; when there is
// more than one line, the body lists them all.
std::string autocommit_message(const std::vector<Record>& records, const std::vector<Event>& events);

// Who acted in `events`: the `by` of the first entry that has one, "" when
// the system acted (cron) or the CRM had no users yet.
std::string events_actor(const std::vector<Event>& events);

// The author for `actor`: the user's name and email from users/<actor>.yaml,
// "<actor>@crm" without an email, and "crm <crm@localhost>" for no actor.
GitIdentity author_identity(const Store& store, const std::string& actor);

// Environment settings ("NAME=value", for run_process) that make `who`
// git's author and committer for whatever part of git's own identity
// (user.name and user.email in its config, or the GIT_AUTHOR_* and
// GIT_COMMITTER_* variables) is missing, so that a commit in the work tree
// at `root` cannot fail for want of one.
std::vector<std::string> identity_fallback(const fs::path& root, const GitIdentity& who);

// Stages and commits exactly the files of `records` in the git work tree
// holding the CRM, as `author`, leaving every other staged or modified file
// as it was. When git has no identity the committer is `author` too.
// Does nothing when the files are unchanged. Never throws because of git:
// returns why it could not commit, "" on success.
std::string autocommit(const Store& store, const std::vector<Record>& records, const std::string& message,
                       const GitIdentity& author);

}  // namespace crm
