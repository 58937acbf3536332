// crm mission create|accept|release|complete|approve|reject|cancel|comment|show|list
#include "missions.hpp"

#include "commands.hpp"
#include "error.hpp"
#include "options.hpp"
#include "records_view.hpp"

#include <memory>

namespace crm::cli {
namespace {

const std::vector<std::string> k_list_fields = {"id",   "title", "reward",  "creator", "audience",
                                                "due",  "parent", "taker", "status",  "created", "updated"};
const std::vector<Column> k_list_columns = {{"id", "ID"},         {"status", "STATUS"},   {"due", "DUE", true},
                                            {"creator", "CREATOR"}, {"taker", "TAKER"},   {"reward", "REWARD"},
                                            {"title", "TITLE"}};

void report(Session& session, const MissionChange& change) {
  session.message(change.record.id + ": " + change.event + "; now " + change.record.get("status") +
                  (change.notified.empty() ? "" : "; notified " + joined(change.notified)));
}

void setup_create(CLI::App* parent, Session& session) {
  struct Options {
    MissionInput in;
    std::string due;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = parent->add_subcommand("create", "Post a mission for a reward and print its ID");
  cmd->add_option("--title", o->in.title, "What to do, in a line")->required();
  cmd->add_option("--reward", o->in.reward, "What the taker gets (free text)")->required();
  auto* description =
      cmd->add_option("--description", o->in.description, "Details ('-' or left out: read stdin if piped)");
  add_repeated(cmd, "--audience", o->in.audience,
               "everyone (default), department:D, or a user (repeatable)");
  cmd->add_option("--due", o->due, "When it should be done, e.g. 2026-12-01 or +7d");
  cmd->add_option("--parent", o->in.parent, "The mission this one helps with (a sub-mission)");
  cmd->callback([&session, o, description] {
    MissionInput in = o->in;
    in.description = text_or_stdin(description, in.description);
    if (!o->due.empty()) {
      in.due = user_time(session, o->due);
    }
    Context ctx = session.context();
    Transaction tx(ctx.store);
    MissionChange created = create_mission(ctx, tx, in);
    session.commit(tx);
    report(session, created);
    session.out() << created.record.id << '\n';
  });
}

// The actions that take a mission ID and maybe a text.
void setup_actions(CLI::App* parent, Session& session) {
  static const TextAction specs[] = {
      {"release", "Give a mission you took back (it becomes available)", "--note", "Why", false},
      {"complete", "Say a mission you took is done (the creator approves it)", "--note", "What you did", false},
      {"approve", "Accept a completed mission you created", "--note", "Thanks, for the record", false},
      {"reject", "Send a completed mission back to its taker", "--reason", "What is missing", true},
      {"cancel", "Withdraw a mission you created that is not completed", "--reason", "Why", false},
  };
  using Action = MissionChange (*)(const Context&, Transaction&, const std::string&, const std::string&);
  static const Action actions[] = {release_mission, complete_mission, approve_mission, reject_mission,
                                   cancel_mission};
  for (std::size_t i = 0; i < std::size(specs); ++i) {
    add_text_action(parent, session, specs[i], "Mission ID or unambiguous prefix", actions[i], report);
  }
  struct Options {
    std::string id, text;
  };

  auto accept = std::make_shared<Options>();
  auto* cmd = parent->add_subcommand("accept", "Take on a mission open to you");
  cmd->add_option("id", accept->id, "Mission ID or unambiguous prefix")->required();
  cmd->callback([&session, accept] {
    Context ctx = session.context();
    Transaction tx(ctx.store);
    MissionChange change = accept_mission(ctx, tx, accept->id);
    session.commit(tx);
    report(session, change);
  });

  auto comment = std::make_shared<Options>();
  cmd = parent->add_subcommand("comment", "Comment on a mission (tells its creator and taker)");
  cmd->add_option("id", comment->id, "Mission ID or unambiguous prefix")->required();
  auto* text = cmd->add_option("text", comment->text, "The comment ('-' or left out: read stdin if piped)");
  cmd->callback([&session, comment, text] {
    std::string body = text_or_stdin(text, comment->text);
    Context ctx = session.context();
    Transaction tx(ctx.store);
    MissionChange change = comment_mission(ctx, tx, comment->id, body);
    session.commit(tx);
    report(session, change);
  });
}

void setup_list(CLI::App* parent, Session& session) {
  struct Options {
    bool available = false, mine = false, created = false, all = false;
    std::vector<std::string> statuses;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = parent->add_subcommand("list", "Missions you could accept (or --mine, --created, --all)");
  cmd->alias("ls");
  auto* available = cmd->add_flag("--available", o->available, "Missions you could accept now (the default)");
  auto* mine = cmd->add_flag("--mine", o->mine, "Missions you took");
  auto* created = cmd->add_flag("--created", o->created, "Missions you created");
  auto* all = cmd->add_flag("--all", o->all, "Every mission");
  available->excludes(mine)->excludes(created)->excludes(all);
  mine->excludes(created)->excludes(all);
  created->excludes(all);
  add_repeated(cmd, "--status", o->statuses, "available, taken, completed, approved or cancelled (repeatable)")
      ->check(CLI::IsMember({"available", "taken", "completed", "approved", "cancelled"}));
  cmd->callback([&session, o] {
    MissionFilter filter;
    filter.statuses = o->statuses;
    filter.scope = o->mine      ? MissionFilter::Scope::Mine
                   : o->created ? MissionFilter::Scope::Created
                   : o->all     ? MissionFilter::Scope::All
                                : MissionFilter::Scope::Acceptable;
    if (filter.scope != MissionFilter::Scope::All) {
      filter.user = session.context().actor;
    }
    print_rows(session, rows_of(list_missions(session.store(), filter), k_list_fields), k_list_fields,
               k_list_columns);
  });
}

// Sub-missions, depth first, indented under their parent.
void add_tree(const Store& store, const std::string& id, int depth, Section& section, Value& listed) {
  for (const auto& sub : sub_missions(store, id)) {
    Value row = Value::map();
    row.set("id", std::string(static_cast<std::size_t>(depth) * 2, ' ') + sub.id);
    for (const char* key : {"status", "taker", "reward", "title"}) {
      const Value* v = sub.data.find(key);
      row.set(key, v ? *v : Value());  // null, as in `mission list`, when unset
    }
    section.rows.push_back(row);
    Value item = row;
    item.set("id", sub.id);
    item.set("parent", id);
    listed.push_back(item);
    add_tree(store, sub.id, depth + 1, section, listed);
  }
}

void setup_show(CLI::App* parent, Session& session) {
  auto id = std::make_shared<std::string>();
  auto* cmd = parent->add_subcommand("show", "Show a mission, its sub-missions, comments and history");
  cmd->add_option("id", *id, "Mission ID or unambiguous prefix")->required();
  cmd->callback([&session, id] {
    const Store& store = session.store();
    Record m = store.find(mission_kind(), *id);
    Section tree{"Sub-missions",
                 {},
                 {{"id", "ID"}, {"status", "STATUS"}, {"taker", "TAKER"}, {"reward", "REWARD"}, {"title", "TITLE"}}};
    Value subs = Value::list();
    add_tree(store, m.id, 0, tree, subs);
    Section comments{"Comments", {}, {{"at", "WHEN", true}, {"by", "BY"}, {"note", "COMMENT"}}};
    Value comment_list = Value::list();
    for (const auto& e : m.history().items()) {
      if (e.get("event") == "commented") {
        Value row = Value::map();
        for (const char* key : {"at", "by", "note"}) {
          row.set(key, e.get(key));
        }
        comments.rows.push_back(row);
        comment_list.push_back(row);
      }
    }
    Value object = Value::map();
    Value details = details_of(m);  // named: the loop must not outlive a temporary
    for (const auto& [key, v] : details.fields()) {
      if (key == "history") {
        object.set("sub_missions", subs);
        object.set("comments", comment_list);
      }
      object.set(key, v);
    }
    print_details(session, object, {tree, comments, history_section(m)}, {"due", "created", "updated"});
  });
}

}  // namespace

void setup_mission(CLI::App& app, Session& session) {
  auto* cmd = app.add_subcommand("mission", "Missions: co-workers challenge each other for a reward");
  cmd->require_subcommand(1);
  setup_create(cmd, session);
  setup_actions(cmd, session);
  setup_list(cmd, session);
  setup_show(cmd, session);
}

}  // namespace crm::cli
