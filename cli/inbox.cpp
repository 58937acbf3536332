// crm inbox [read]
#include "notifications.hpp"

#include "commands.hpp"
#include "error.hpp"
#include "options.hpp"
#include "records_view.hpp"

#include <memory>

namespace crm::cli {
namespace {

const std::vector<std::string> k_fields = {"id", "at", "user", "event", "about", "by", "message", "read"};
const std::vector<Column> k_columns = {{"id", "ID"},       {"at", "WHEN", true}, {"event", "EVENT"},
                                       {"about", "ABOUT"}, {"by", "BY"},         {"message", "MESSAGE"}};

}  // namespace

void setup_inbox(CLI::App& app, Session& session) {
  struct Options {
    std::string user, read_user;
    bool all = false, read_all = false;
    std::vector<std::string> ids;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("inbox", "Your unread notifications, newest first");
  cmd->require_subcommand(0, 1);
  cmd->add_option("--user", o->user, "Whose inbox (default: the acting user)");
  cmd->add_flag("--all", o->all, "Include notifications already read");

  auto* read = cmd->add_subcommand("read", "Mark notifications read");
  read->add_option("ids", o->ids, "Notification IDs or unambiguous prefixes");
  read->add_option("--user", o->read_user, "Whose inbox (default: the acting user)");
  read->add_flag("--all", o->read_all, "Mark every unread notification read");
  read->callback([&session, o] {
    if (o->ids.empty() != o->read_all) {
      throw usage_error("name the notifications to mark read, or give --all");
    }
    Context ctx = session.context();
    std::string user = session.user_or_actor(o->read_user.empty() ? o->user : o->read_user);
    Transaction tx(ctx.store);
    auto changed = mark_read(ctx, tx, user, o->ids);
    session.commit(tx);
    session.message("Marked " + std::to_string(changed.size()) + " notification" + (changed.size() == 1 ? "" : "s") +
                    " read");
  });

  cmd->callback([&session, o, read] {
    if (read->parsed()) {
      return;
    }
    std::string user = session.user_or_actor(o->user);
    auto columns = k_columns;
    if (o->all) {
      columns.push_back({"read", "READ", true});
    }
    print_rows(session, rows_of(inbox(session.store(), user, o->all), k_fields), k_fields, columns);
  });
}

}  // namespace crm::cli
