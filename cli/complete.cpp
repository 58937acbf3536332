#include "complete.hpp"

#include "completion.hpp"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <optional>
#include <ostream>
#include <set>

namespace crm::cli {
namespace {

// What the words before the one to complete say.
struct Line {
  CLI::App* app = nullptr;                  // the innermost command named
  std::size_t arguments = 0;                // positional arguments given to it so far
  CLI::Option* awaiting = nullptr;          // the option whose value the next word is
  std::set<const CLI::Option*> given;       // options on the line
  const CLI::Option* dir_option = nullptr;  // the global -C/--dir
  std::string dir;                          // its value, to find the CRM as crm would
  bool only_arguments = false;              // after "--"
};

bool takes_value(const CLI::Option* option) { return option->get_items_expected_max() > 0; }

bool repeatable(const CLI::Option* option) {
  return option->get_multi_option_policy() == CLI::MultiOptionPolicy::TakeAll || option->get_items_expected_max() > 1;
}

// The answer asking the shell to complete a path itself.
bool is_path_request(const Candidate& c) { return c.word == ":files" || c.word == ":dirs"; }

// The option `name` ("--to", "-C") names at `app` or a command above it:
// crm's commands fall through to their parents' options (the global ones).
CLI::Option* find_option(CLI::App* app, const std::string& name) {
  for (CLI::App* a = app; a; a = a->get_parent()) {
    if (CLI::Option* o = a->get_option_no_throw(name); o && o->nonpositional()) {
      return o;
    }
  }
  return nullptr;
}

std::vector<CLI::App*> subcommands(CLI::App* app) {
  std::vector<CLI::App*> out;
  for (CLI::App* sub : app->get_subcommands([](CLI::App*) { return true; })) {
    if (!sub->get_name().empty()) {  // unnamed ones are option groups
      out.push_back(sub);
    }
  }
  return out;
}

CLI::App* find_subcommand(CLI::App* app, const std::string& word) {
  for (CLI::App* sub : subcommands(app)) {
    if (sub->check_name(word)) {
      return sub;
    }
  }
  return nullptr;
}

void take_value(Line& line, const CLI::Option* option, const std::string& value) {
  if (option == line.dir_option) {
    line.dir = value;
  }
}

void read_option(Line& line, const std::string& word) {
  std::string name = word;
  std::optional<std::string> value;  // given in the same word: --to=olivia, -Cdir
  if (word.rfind("--", 0) == 0) {
    if (auto eq = word.find('='); eq != std::string::npos) {
      name = word.substr(0, eq);
      value = word.substr(eq + 1);
    }
  } else if (word.size() > 2) {
    name = word.substr(0, 2);
    value = word.substr(2);
  }
  CLI::Option* option = find_option(line.app, name);
  if (!option) {
    return;
  }
  line.given.insert(option);
  if (takes_value(option)) {
    if (value) {
      take_value(line, option, *value);
    } else {
      line.awaiting = option;
    }
  }
}

Line read_line(CLI::App& app, const std::vector<std::string>& words) {
  Line line;
  line.app = &app;
  line.dir_option = app.get_option_no_throw("--dir");
  for (const std::string& word : words) {
    if (line.awaiting) {
      take_value(line, line.awaiting, word);
      line.awaiting = nullptr;
    } else if (line.only_arguments) {
      ++line.arguments;
    } else if (word == "--") {
      line.only_arguments = true;
    } else if (word.size() > 1 && word[0] == '-') {
      read_option(line, word);
    } else if (CLI::App* sub = find_subcommand(line.app, word)) {
      line.app = sub;
      line.arguments = 0;
    } else {
      ++line.arguments;
    }
  }
  return line;
}

// The positional argument the next word of `app` goes to, if any.
CLI::Option* argument_at(CLI::App* app, std::size_t index) {
  std::size_t seen = 0;
  for (CLI::Option* o : app->get_options([](CLI::Option* o) { return o->get_positional(); })) {
    auto takes = static_cast<std::size_t>(std::max(o->get_items_expected_max(), 1));
    if (takes > 1 || index < seen + takes) {  // a list takes all the rest
      return o;
    }
    seen += takes;
  }
  return nullptr;
}

// The record kind the command is about: the innermost command named after one.
const KindSpec* family_of(const CLI::App* app) {
  for (; app; app = app->get_parent()) {
    if (const KindSpec* kind = kind_named(app->get_name())) {
      return kind;
    }
  }
  return nullptr;
}

std::unique_ptr<Store> open_store(const std::string& dir) {
  try {
    const char* env_dir = std::getenv("CRM_DIR");
    return std::make_unique<Store>(Store::locate(dir, env_dir ? env_dir : ""), true);
  } catch (...) {  // no CRM (or an unreadable one): only fixed values
    return nullptr;
  }
}

// The words of a CLI11 IsMember check, which describes itself as "{a,b,c}".
std::optional<std::vector<std::string>> member_set(const CLI::Option* option) {
  std::string type = option->get_type_name();
  auto open = type.find(":{");
  auto close = type.find('}', open);
  if (open == std::string::npos || close == std::string::npos) {
    return std::nullopt;
  }
  std::vector<std::string> words;
  std::string set = type.substr(open + 2, close - open - 2);
  for (std::size_t start = 0, comma = 0; comma != std::string::npos; start = comma + 1) {
    comma = set.find(',', start);
    words.push_back(set.substr(start, comma - start));
  }
  return words;
}

std::vector<Candidate> values(const Line& line, const CLI::Option* option, const std::string& typed) {
  if (auto members = member_set(option)) {
    std::vector<Candidate> out;
    for (const auto& m : *members) {
      out.push_back({m, ""});
    }
    return out;
  }
  std::string name = option->get_single_name();
  std::string type = option->get_type_name();
  type = type.substr(0, type.find(':'));
  if (type == "DIR" || name == "dir") {
    return {{":dirs", ""}};
  }
  if (type == "FILE" || name == "file") {
    return {{":files", ""}};
  }
  // Arguments of commands that create a record name the new one.
  const std::string& command = line.app->get_name();
  if (option->get_positional() && name == "id" && (command == "add" || command == "create")) {
    return {};
  }
  std::unique_ptr<Store> store = open_store(line.dir);
  return value_candidates(store.get(), family_of(line.app), name, typed);
}

std::vector<Candidate> options(const Line& line) {
  std::vector<Candidate> out;
  for (CLI::App* a = line.app; a; a = a->get_parent()) {
    for (CLI::Option* o : a->get_options([](CLI::Option* o) { return o->nonpositional(); })) {
      if (line.given.count(o) && !repeatable(o)) {
        continue;
      }
      for (const auto& name : o->get_lnames()) {
        out.push_back({"--" + name, o->get_description()});
      }
      for (const auto& name : o->get_snames()) {
        out.push_back({"-" + name, o->get_description()});
      }
    }
  }
  return out;
}

// Subcommands (their aliases too once a letter is typed), then the values of
// the next positional argument.
std::vector<Candidate> commands_and_arguments(const Line& line, const std::string& typed) {
  std::vector<Candidate> out;
  if (!line.only_arguments) {
    for (CLI::App* sub : subcommands(line.app)) {
      out.push_back({sub->get_name(), sub->get_description()});
      for (const auto& alias : typed.empty() ? std::vector<std::string>{} : sub->get_aliases()) {
        out.push_back({alias, sub->get_description()});
      }
    }
  }
  if (const CLI::Option* argument = argument_at(line.app, line.arguments)) {
    auto more = values(line, argument, typed);
    out.insert(out.end(), more.begin(), more.end());
  }
  return out;
}

std::vector<Candidate> candidates(CLI::App& app, const std::vector<std::string>& words) {
  const std::string& typed = words.back();
  Line line = read_line(app, std::vector<std::string>(words.begin(), words.end() - 1));
  if (line.awaiting) {
    return values(line, line.awaiting, typed);
  }
  if (!line.only_arguments && typed.rfind("--", 0) == 0 && typed.find('=') != std::string::npos) {
    std::string name = typed.substr(0, typed.find('='));
    const CLI::Option* option = find_option(line.app, name);
    if (!option || !takes_value(option)) {
      return {};
    }
    auto out = values(line, option, typed.substr(name.size() + 1));
    for (auto& c : out) {
      if (!is_path_request(c)) {
        c.word = name + "=" + c.word;
      }
    }
    return out;
  }
  if (!line.only_arguments && typed.rfind("-", 0) == 0) {
    return options(line);
  }
  return commands_and_arguments(line, typed);
}

// The first line of `text`, tabs made spaces, so that it stays one field of one line.
std::string one_line(const std::string& text) {
  std::string out = text.substr(0, text.find_first_of("\r\n"));
  for (char& c : out) {
    if (c == '\t') {
      c = ' ';
    }
  }
  return out;
}

}  // namespace

int complete(CLI::App& app, const std::vector<std::string>& words, std::ostream& out) {
  std::vector<std::string> line = words.empty() ? std::vector<std::string>{""} : words;
  const std::string& typed = line.back();
  std::set<std::string> printed;
  try {
    for (const Candidate& c : candidates(app, line)) {
      if ((is_path_request(c) || completes(c.word, typed)) && printed.insert(c.word).second) {
        out << c.word << (c.description.empty() ? "" : "\t" + one_line(c.description)) << '\n';
      }
    }
  } catch (...) {  // a shell completing must never see an error
  }
  return 0;
}

}  // namespace crm::cli
