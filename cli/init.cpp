// crm init: create a CRM.
#include "commands.hpp"
#include "init.hpp"

#include <memory>

namespace crm::cli {

void setup_init(CLI::App& app, Session& session) {
  auto dir = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("init", "Create a CRM: crm.yaml, record folders, .gitignore, git repository");
  cmd->add_option("dir", *dir, "Folder for the CRM (default: -C DIR, else the current folder)");
  cmd->callback([&session, dir] {
    fs::path target = !dir->empty() ? fs::path(*dir) : !session.options.dir.empty() ? fs::path(session.options.dir) : ".";
    InitResult result = init_crm(target);
    std::error_code ec;
    fs::path shown = fs::absolute(target, ec).lexically_normal();
    session.message("Initialized empty CRM in " + shown.string() +
                    (result.git_initialized ? " (and a new git repository)" : ""));
    if (result.git_missing) {
      session.warning("git is not installed; the CRM works, but nothing is versioned");
    }
    session.message("Next: crm -C " + target.string() + " user add ID --name NAME --email EMAIL");
  });
}

}  // namespace crm::cli
