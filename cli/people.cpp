// crm user add|list|show|edit, crm department add|list|show|edit
#include "people.hpp"

#include "commands.hpp"
#include "edit.hpp"
#include "error.hpp"
#include "options.hpp"
#include "records_view.hpp"

#include <algorithm>
#include <memory>

namespace crm::cli {
namespace {

struct Family {
  const KindSpec& kind;
  std::vector<std::string> fields;
  std::vector<Column> columns;
};

const Family& users() {
  static const Family f{user_kind(),
                        {"id", "name", "email", "department", "role", "manager", "created"},
                        {{"id", "ID"}, {"name", "NAME"}, {"email", "EMAIL"}, {"department", "DEPARTMENT"},
                         {"role", "ROLE"}, {"manager", "MANAGER"}}};
  return f;
}

const Family& departments() {
  static const Family f{department_kind(),
                        {"id", "name", "manager", "queue_owners", "members", "created"},
                        {{"id", "ID"}, {"name", "NAME"}, {"manager", "MANAGER"}, {"members", "MEMBERS"}}};
  return f;
}

// IDs of the `users` whose department is `department`.
std::vector<std::string> members_of(const std::vector<Record>& users, const std::string& department) {
  std::vector<std::string> out;
  for (const auto& u : users) {
    if (u.get("department") == department) {
      out.push_back(u.id);
    }
  }
  return out;
}

void add_list(CLI::App* parent, Session& session, const Family& family) {
  auto* cmd = parent->add_subcommand("list", "List " + family.kind.folder);
  cmd->alias("ls");
  cmd->callback([&session, &family] {
    const Store& store = session.store();
    auto rows = rows_of(store.load_all(family.kind), family.fields);
    if (&family.kind == &department_kind()) {
      auto all_users = store.load_all(user_kind());  // read once, not once per department
      for (auto& row : rows) {
        row.set("members", make_string_list(members_of(all_users, row.get("id"))));
      }
    }
    print_rows(session, rows, family.fields, family.columns);
  });
}

void add_show(CLI::App* parent, Session& session, const Family& family) {
  auto id = std::make_shared<std::string>();
  auto* cmd = parent->add_subcommand("show", "Show a " + family.kind.name);
  cmd->add_option("id", *id, family.kind.name + " ID")->required();
  cmd->callback([&session, &family, id] {
    const Store& store = session.store();
    Record record = store.find(family.kind, *id);
    Value object = details_of(record);
    if (&family.kind == &department_kind()) {
      object.set("members", make_string_list(members_of(store.load_all(user_kind()), record.id)));
    }
    print_details(session, object, {history_section(record)}, {"created", "updated"});
  });
}

// `crm user edit` / `crm department edit`: --FIELD VALUE for each single-valued field, plus --unset.
void add_edit(CLI::App* parent, Session& session, const Family& family) {
  struct Options {
    std::string id;
    std::map<std::string, std::string> values;
    std::map<std::string, std::vector<std::string>> lists;
    std::vector<std::string> unset;
    bool hide = false, show = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = parent->add_subcommand("edit", "Change a " + family.kind.name + "'s fields");
  cmd->alias("set");
  cmd->add_option("id", o->id, family.kind.name + " ID")->required();
  auto options = std::make_shared<std::vector<std::pair<std::string, CLI::Option*>>>();
  auto list_options = std::make_shared<std::vector<std::pair<std::string, CLI::Option*>>>();
  for (const auto& spec : family.kind.fields) {
    if (spec.type == FieldType::RefList) {
      // queue_owners -> --queue-owner, repeated: the new list.
      std::string flag = spec.name.substr(0, spec.name.size() - 1);
      std::replace(flag.begin(), flag.end(), '_', '-');
      list_options->emplace_back(
          spec.name, add_repeated(cmd, "--" + flag, o->lists[spec.name], "Replace " + spec.name + " (repeatable)"));
    } else if (spec.name != "id" && spec.type != FieldType::History) {
      options->emplace_back(spec.name, cmd->add_option("--" + spec.name, o->values[spec.name], "New " + spec.name));
    }
  }
  add_repeated(cmd, "--unset", o->unset, "Remove a field");
  if (family.kind.field("leaderboard")) {
    auto* hide = cmd->add_flag("--hide-from-leaderboard", o->hide, "Opt out of `crm report leaderboard`");
    cmd->add_flag("--show-on-leaderboard", o->show, "Opt back in")->excludes(hide);
  }
  cmd->callback([&session, &family, o, options, list_options] {
    std::vector<FieldChange> changes;
    for (const auto& [field, opt] : *options) {
      if (given(opt)) {
        const std::string& value = o->values[field];
        if (field == "department" || field == "manager") {
          require_exists(session.store(), field == "manager" ? user_kind() : department_kind(), value);
        }
        changes.push_back({field, FieldChange::Op::Set, {value}});
      }
    }
    for (const auto& [field, opt] : *list_options) {
      if (given(opt)) {
        const FieldSpec* spec = family.kind.field(field);
        for (const auto& value : o->lists[field]) {
          require_exists(session.store(), *kind_named(spec->ref), value);
        }
        changes.push_back({field, FieldChange::Op::Set, o->lists[field]});
      }
    }
    for (const auto& field : o->unset) {
      changes.push_back({field, FieldChange::Op::Unset, {}});
    }
    if (o->hide || o->show) {
      changes.push_back({"leaderboard", FieldChange::Op::Set, {o->hide ? "hidden" : "shown"}});
    }
    if (changes.empty()) {
      throw usage_error("nothing to change: give at least one --FIELD VALUE or --unset FIELD");
    }
    Context ctx = session.context(true);
    Transaction tx(ctx.store);
    Record record = ctx.store.find(family.kind, o->id);
    std::string id = record.id;
    // Opting out of the leaderboard is the user's own choice (or their
    // manager's), however it is asked for: the flags, --leaderboard or --unset.
    if (std::any_of(changes.begin(), changes.end(), [](const FieldChange& c) { return c.field == "leaderboard"; })) {
      require_may_set_leaderboard(ctx, id);
    }
    auto changed = edit_record(ctx, tx, std::move(record), changes);
    session.commit(tx);
    report_edit(session, id, changed);
  });
}

}  // namespace

void setup_user(CLI::App& app, Session& session) {
  auto* cmd = app.add_subcommand("user", "The people who use this CRM");
  cmd->require_subcommand(1);
  auto in = std::make_shared<UserInput>();
  auto* add = cmd->add_subcommand("add", "Add a user (the first user needs no --as)");
  add->add_option("id", in->id, "Short lowercase ID, e.g. olivia")->required();
  add->add_option("--name", in->name, "Full name")->required();
  add->add_option("--email", in->email, "Email (matched against git config user.email)");
  add->add_option("--department", in->department, "Department ID");
  add->add_option("--role", in->role, "Role, e.g. agent, manager, director");
  add->add_option("--manager", in->manager, "The user's manager (a user ID)");
  add->callback([&session, in] {
    Context ctx = session.context(true);
    Transaction tx(ctx.store);
    add_user(ctx, tx, *in);
    session.commit(tx);
    session.out() << in->id << '\n';
  });
  add_list(cmd, session, users());
  add_show(cmd, session, users());
  add_edit(cmd, session, users());
}

void setup_department(CLI::App& app, Session& session) {
  auto* cmd = app.add_subcommand("department", "Departments: the queues cases are routed to");
  cmd->alias("dept");
  cmd->require_subcommand(1);
  auto in = std::make_shared<DepartmentInput>();
  auto* add = cmd->add_subcommand("add", "Add a department (needs no --as while there are no users)");
  add->add_option("id", in->id, "Short lowercase ID, e.g. water")->required();
  add->add_option("--name", in->name, "Full name")->required();
  add->add_option("--manager", in->manager, "The department's manager (a user ID)");
  add_repeated(add, "--queue-owner", in->queue_owners,
               "A user who watches the queue (repeatable; then only they and the manager hear of new cases)");
  add->callback([&session, in] {
    Context ctx = session.context(true);
    Transaction tx(ctx.store);
    add_department(ctx, tx, *in);
    session.commit(tx);
    session.out() << in->id << '\n';
  });
  add_list(cmd, session, departments());
  add_show(cmd, session, departments());
  add_edit(cmd, session, departments());
}

}  // namespace crm::cli
