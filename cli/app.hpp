#pragma once

namespace crm::cli {

// Parses the command line, runs the command and returns the exit status.
// Every error ends here as one "crm: error: ..." line on stderr.
int run(int argc, char** argv);

}  // namespace crm::cli
