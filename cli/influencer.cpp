// crm influencer add|list|show: people known by a screen name (a blogger, "Rant112")
#include "contacts.hpp"

#include "commands.hpp"
#include "error.hpp"
#include "options.hpp"
#include "records_view.hpp"

#include <memory>

namespace crm::cli {
namespace {

const std::vector<std::string> k_fields = {"id",    "screen_name", "name", "platform", "reach",
                                           "urls",  "description", "tags", "created",  "updated"};
const std::vector<Column> k_columns = {{"id", "ID"},       {"screen_name", "SCREEN NAME"}, {"platform", "PLATFORM"},
                                       {"reach", "REACH"}, {"urls", "URL"},                {"description", "DESCRIPTION"}};

void setup_add(CLI::App* parent, Session& session) {
  struct Options {
    ContactInput in;
    long long reach = 0;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = parent->add_subcommand("add", "Record an influencer by screen name and print its contact ID");
  cmd->add_option("screen_name", o->in.screen_name, "The name they go by, e.g. Rant112")->required();
  add_repeated(cmd, "--url", o->in.urls, "Where they publish (repeatable)");
  cmd->add_option("--platform", o->in.platform, "blog, x, youtube, forum...");
  // Not CLI::NonNegativeNumber: its message spells out the largest double.
  auto* reach = cmd->add_option("--reach", o->reach, "Followers or readers")
                    ->check(CLI::Validator(
                        [](std::string& text) {
                          return text.rfind('-', 0) == 0 ? "'" + text + "' is below 0" : std::string();
                        },
                        "N>=0"));
  cmd->add_option("--description", o->in.description, "Who they seem to be, what they write about");
  cmd->add_option("--name", o->in.name, "A real name, when known (default: the screen name)");
  add_repeated(cmd, "--email", o->in.emails, "Email address (repeatable)");
  add_repeated(cmd, "--tag", o->in.tags, "Tag (repeatable)");
  cmd->callback([&session, o, reach] {
    ContactInput in = o->in;
    if (given(reach)) {
      in.reach = o->reach;
    }
    Context ctx = session.context();
    Transaction tx(ctx.store);
    std::string id = add_influencer(ctx, tx, in);
    session.commit(tx);
    session.out() << id << '\n';
  });
}

void setup_list(CLI::App* parent, Session& session) {
  struct Options {
    std::string platform, search;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = parent->add_subcommand("list", "Influencers, widest reach first");
  cmd->alias("ls");
  cmd->add_option("--platform", o->platform, "Only influencers on this platform");
  cmd->add_option("--search", o->search, "Only those whose screen name, name, URL, description or tags contain TEXT");
  cmd->callback([&session, o] {
    print_rows(session, rows_of(list_influencers(session.store(), o->platform, o->search), k_fields), k_fields,
               k_columns);
  });
}

void setup_show(CLI::App* parent, Session& session) {
  auto id = std::make_shared<std::string>();
  auto* cmd = parent->add_subcommand("show", "An influencer with every interaction, newest first");
  cmd->add_option("influencer", *id, "Screen name, or contact ID or prefix")->required();
  cmd->callback([&session, id] { print_contact(session, find_influencer(session.store(), *id)); });
}

}  // namespace

void setup_influencer(CLI::App& app, Session& session) {
  auto* cmd = app.add_subcommand(
      "influencer", "People known only by a screen name (contacts of kind influencer); change them with contact edit");
  cmd->require_subcommand(1);
  setup_add(cmd, session);
  setup_list(cmd, session);
  setup_show(cmd, session);
}

}  // namespace crm::cli
