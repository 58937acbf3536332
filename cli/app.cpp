#include "app.hpp"

#include "commands.hpp"
#include "complete.hpp"
#include "error.hpp"
#include "suggest.hpp"

#include <iostream>

namespace crm::cli {
namespace {

// For an unknown word on the command line, the closest subcommand name at
// the level where it appeared.
std::string suggest_subcommand(const CLI::App& app, int argc, char** argv) {
  const CLI::App* level = &app;
  for (int i = 1; i < argc; ++i) {
    std::string word = argv[i];
    if (word.empty() || word[0] == '-') {
      continue;
    }
    std::vector<std::string> names;
    const CLI::App* next = nullptr;
    for (const CLI::App* sub : level->get_subcommands([](const CLI::App*) { return true; })) {
      names.push_back(sub->get_name());
      if (sub->get_name() == word || sub->check_name(word)) {
        next = sub;
      }
    }
    if (next) {
      level = next;
      continue;
    }
    if (std::string hint = did_you_mean(word, names); !hint.empty()) {
      return hint;
    }
  }
  return "";
}

void add_global_options(CLI::App& app, GlobalOptions& o) {
  app.add_option("-C,--dir", o.dir, "Use the CRM in DIR (default: $CRM_DIR, else the nearest crm.yaml above)")
      ->type_name("DIR");
  app.add_option("--as", o.as, "Act as USER (default: $CRM_USER, else the user with your git email)")
      ->type_name("USER");
  app.add_option("--now", o.now, "Pretend the time is TIME (default: $CRM_NOW, else the clock)")->type_name("TIME");
  app.add_option("--format", o.format, "Output format")
      ->check(CLI::IsMember({"table", "json", "yaml", "csv", "tsv", "html"}));
  app.add_option("--color", o.color, "Colour tables (auto: only on a terminal without NO_COLOR)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--charts", o.charts, "Bars and sparklines in tables (auto: only on a terminal)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_flag("-q,--quiet", o.quiet, "Print only data (IDs, listings), no messages");
  app.add_flag("--no-commit", o.no_commit, "Do not commit to git even when crm.yaml sets git.autocommit");
}

}  // namespace

int run(int argc, char** argv) {
  Session session;
  CLI::App app{"crm: a command-line CRM over a git-friendly folder of YAML records", "crm"};
  app.fallthrough();
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("crm ") + CRM_VERSION);
  app.footer("Exit status: 0 ok, 1 a check found problems, 2 usage error, 3 bad record or config,\n"
             "4 not found or ambiguous, 5 system error (I/O, lock timeout). See crm(1).");
  add_global_options(app, session.options);
  session.app = &app;

  setup_init(app, session);
  setup_contact(app, session);
  setup_call(app, session);
  setup_influencer(app, session);
  setup_user(app, session);
  setup_department(app, session);
  setup_case(app, session);
  setup_feedback(app, session);
  setup_inbox(app, session);
  setup_mission(app, session);
  setup_deal(app, session);
  setup_recognition(app, session);
  setup_reward(app, session);
  setup_escalate(app, session);
  setup_report(app, session);
  setup_export(app, session);
  setup_import(app, session);
  setup_check(app, session);
  setup_edit(app, session);
  setup_log(app, session);
  setup_history(app, session);
  setup_git(app, session);
  setup_sync(app, session);
  setup_cache(app, session);
  setup_help(app, session);

  if (argc > 1 && argv[1] == k_complete_command) {  // hidden: for the shell completion scripts
    return complete(app, std::vector<std::string>(argv + 2, argv + argc), std::cout);
  }
  try {
    app.parse(argc, argv);
    return session.exit_status;
  } catch (const CLI::Success& e) {  // --help, --version
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "crm: error: " << e.what() << suggest_subcommand(app, argc, argv) << "\n"
              << "Run 'crm --help' (or 'crm COMMAND --help') for usage.\n";
    return k_exit_usage;
  } catch (const Error& e) {
    std::cerr << "crm: error: " << e.what() << '\n';
    return e.status();
  } catch (const std::exception& e) {
    std::cerr << "crm: error: " << e.what() << '\n';
    return k_exit_system;
  }
}

}  // namespace crm::cli
