// crm help [COMMAND [SUBCOMMAND]]: the command's man page, else its usage
#include "commands.hpp"
#include "error.hpp"
#include "process.hpp"
#include "suggest.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>

namespace crm::cli {
namespace {

namespace fs = std::filesystem;

// Commands documented on a page not named crm-COMMAND.
const std::map<std::string, std::string> k_shared_pages = {
    {"log-call", "crm-call"},       {"points", "crm-recognition"}, {"badges", "crm-recognition"},
    {"level", "crm-recognition"},   {"coins", "crm-recognition"},  {"import", "crm-export"},
    {"activity", "crm-log"},        {"merge-file", "crm-git"},
    {"sync", "crm-git"},
};

// The man page (section 1) documenting the top-level command `name`; "crm" for none.
std::string page_of(const std::string& name) {
  if (name.empty()) {
    return "crm";
  }
  auto it = k_shared_pages.find(name);
  return it == k_shared_pages.end() ? "crm-" + name : it->second;
}

// Topics that are no command: `crm help files` (or config, crm.yaml) is
// about the files, crm-files(5).
bool is_files_topic(const std::string& word) {
  return word == "files" || word == "config" || word == "crm.yaml";
}

// The page's file: installed under this build's prefix, else in the source
// tree (for a binary run from its build folder); empty when neither exists.
fs::path page_file(const std::string& page, const std::string& section = "1") {
  for (fs::path file : {fs::path(CRM_MANDIR) / ("man" + section) / (page + "." + section),
                        fs::path(CRM_SOURCE_MANDIR) / (page + "." + section)}) {
    std::error_code ec;
    if (fs::is_regular_file(file, ec)) {
      return file;
    }
  }
  return {};
}

// Runs man on the page with the terminal attached; true when man showed it.
bool show_page(const std::string& page, const std::string& section = "1") {
  fs::path file = page_file(page, section);
  std::vector<std::string> argv = file.empty() ? std::vector<std::string>{"man", section, page}
                                               : std::vector<std::string>{"man", "-l", file.string()};
  return run_attached(argv) == 0;  // -1: no man program
}

// A pager only helps a person at a terminal; CRM_NO_MAN asks for plain usage.
bool wants_man() {
  const char* no_man = std::getenv("CRM_NO_MAN");
  return isatty(STDOUT_FILENO) && !(no_man && *no_man);
}

// The subcommand of `parent` called `word` (its name or an alias).
const CLI::App* subcommand_named(const CLI::App& parent, const std::string& word, const std::string& path) {
  std::vector<std::string> names;
  for (const CLI::App* sub : parent.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->check_name(word)) {
      return sub;
    }
    names.push_back(sub->get_name());
  }
  throw usage_error("unknown command '" + path + "'" + did_you_mean(word, names));
}

}  // namespace

void setup_help(CLI::App& app, Session& session) {
  struct Options {
    std::vector<std::string> words;
    bool where = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("help", "Show a command's manual page (its usage when not on a terminal)");
  cmd->add_option("command", o->words,
                  "A command and maybe its subcommand, e.g. case open (default: crm itself); "
                  "'files' for crm-files(5)");
  cmd->add_flag("-w,--where", o->where, "Print the page's file (or name, when no file is found) instead");
  cmd->footer("Set CRM_NO_MAN=1 to print the usage even on a terminal.");
  cmd->callback([&app, &session, o] {
    if (o->words.size() == 1 && is_files_topic(o->words[0])) {
      fs::path file = page_file("crm-files", "5");
      std::string where = file.empty() ? "crm-files(5)" : file.string();
      if (o->where) {
        session.out() << where << '\n';
      } else if (!wants_man() || !show_page("crm-files", "5")) {
        session.out() << "The record files and crm.yaml are described in crm-files(5): "
                      << (file.empty() ? "man 5 crm-files" : "man -l " + file.string()) << '\n';
      }
      return;
    }
    const CLI::App* command = &app;
    std::string usage_name = app.get_name();
    std::string path, top;
    for (const auto& word : o->words) {
      path += (path.empty() ? "" : " ") + word;
      command = subcommand_named(*command, word, path);
      usage_name += " " + command->get_name();
      top = top.empty() ? command->get_name() : top;
    }
    std::string page = page_of(top);
    if (o->where) {
      fs::path file = page_file(page);
      session.out() << (file.empty() ? page : file.string()) << '\n';
      return;
    }
    if (wants_man() && show_page(page)) {
      return;
    }
    // The same text as `crm COMMAND --help`.
    session.out() << command->get_formatter()->make_help(command, usage_name, CLI::AppFormatMode::Normal);
  });
}

}  // namespace crm::cli
