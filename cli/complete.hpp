#pragma once

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace crm::cli {

// The hidden command the shell completion scripts call.
inline const std::string k_complete_command = "__complete";

// `crm __complete WORD...`: `words` are the command line after `crm`, the
// last one being the (possibly empty) word to complete. Prints each word that
// may replace it on a line of `out`, as "word" or "word<TAB>description", by
// walking `app`'s commands and options; live values (IDs, users,
// departments...) come from the CRM the line names. A line ":files" or
// ":dirs" alone asks the shell to complete a path instead. Never writes, never
// locks, prints nothing on stderr; returns 0.
int complete(CLI::App& app, const std::vector<std::string>& words, std::ostream& out);

}  // namespace crm::cli
