#pragma once

#include "session.hpp"

#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <vector>

namespace crm::cli {

// A repeatable option taking one value per use (--tag a --tag b), so that it
// never swallows the positional arguments that follow it.
inline CLI::Option* add_repeated(CLI::App* cmd, const std::string& name, std::vector<std::string>& into,
                                 const std::string& description) {
  return cmd->add_option(name, into, description)->expected(1)->allow_extra_args(false)->multi_option_policy(
      CLI::MultiOptionPolicy::TakeAll);
}

// Accepts a whole number of at least 1 (for --limit N).
inline CLI::Validator at_least_one() {
  return CLI::Validator(
      [](std::string& n) {
        bool whole = !n.empty() && n.find_first_not_of("0123456789") == std::string::npos;
        return whole && n.find_first_not_of('0') != std::string::npos ? "" : "give a whole number, at least 1";
      },
      "N");
}

// True when the user gave `option` on the command line.
inline bool given(const CLI::Option* option) { return option->count() > 0; }

// The option's text, or standard input when it is left out or "-" (and piped).
inline std::string text_or_stdin(const CLI::Option* option, const std::string& value) {
  if (given(option) && value != "-") {
    return value;
  }
  return read_stdin_text().value_or("");
}

// A subcommand `NAME ID [TEXT_OPTION TEXT]` that runs `action` on the record
// in one transaction, commits it and hands the change to `done`.
struct TextAction {
  const char* name;
  const char* help;
  const char* text_option;
  const char* text_help;
  bool text_required;
};
template <typename Change>
void add_text_action(CLI::App* parent, Session& session, const TextAction& spec, const std::string& id_help,
                     Change (*action)(const Context&, Transaction&, const std::string&, const std::string&),
                     void (*done)(Session&, const Change&)) {
  struct Options {
    std::string id, text;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = parent->add_subcommand(spec.name, spec.help);
  cmd->add_option("id", o->id, id_help)->required();
  auto* text = cmd->add_option(spec.text_option, o->text, spec.text_help);
  if (spec.text_required) {
    text->required();
  }
  cmd->callback([&session, o, action, done] {
    Context ctx = session.context();
    Transaction tx(ctx.store);
    Change change = action(ctx, tx, o->id, o->text);
    session.commit(tx);
    done(session, change);
  });
}

}  // namespace crm::cli
