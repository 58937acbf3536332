// crm contact add|list|show|edit
#include "contacts.hpp"

#include "commands.hpp"
#include "edit.hpp"
#include "error.hpp"
#include "options.hpp"
#include "records_view.hpp"

#include <memory>

namespace crm::cli {
namespace {

const std::vector<std::string> k_list_fields = {"id",   "name", "kind", "org",     "emails",
                                                "phones", "tags", "note", "created", "updated"};
const std::vector<Column> k_list_columns = {{"id", "ID"},         {"name", "NAME"},   {"kind", "KIND"},
                                            {"org", "ORG"},       {"emails", "EMAIL"}, {"phones", "PHONE"},
                                            {"tags", "TAGS"}};

void setup_add(CLI::App* parent, Session& session) {
  auto in = std::make_shared<ContactInput>();
  auto* cmd = parent->add_subcommand("add", "Add a contact and print its new ID");
  cmd->add_option("--name", in->name, "Full name (or organisation name)")->required();
  cmd->add_option("--kind", in->kind, "customer, citizen, partner, supplier, agent, influencer... (see crm.yaml)");
  cmd->add_option("--org", in->org, "Organisation");
  add_repeated(cmd, "--email", in->emails, "Email address (repeatable)");
  add_repeated(cmd, "--phone", in->phones, "Phone number (repeatable)");
  add_repeated(cmd, "--tag", in->tags, "Tag (repeatable)");
  cmd->add_option("--note", in->note, "Free-text note");
  cmd->callback([&session, in] {
    Context ctx = session.context();
    Transaction tx(ctx.store);
    std::string id = add_contact(ctx, tx, *in);
    session.commit(tx);
    session.out() << id << '\n';
  });
}

void setup_list(CLI::App* parent, Session& session) {
  auto filter = std::make_shared<ContactFilter>();
  auto* cmd = parent->add_subcommand("list", "List contacts, sorted by name");
  cmd->alias("ls");
  cmd->add_option("--kind", filter->kind, "Only contacts of this kind");
  cmd->add_option("--tag", filter->tag, "Only contacts with this tag");
  cmd->add_option("--search", filter->search, "Only contacts whose name, org, email, phone, tags or note contain TEXT");
  cmd->callback([&session, filter] {
    print_rows(session, rows_of(list_contacts(session.store(), *filter), k_list_fields), k_list_fields,
               k_list_columns);
  });
}

void setup_show(CLI::App* parent, Session& session) {
  auto id = std::make_shared<std::string>();
  auto* cmd = parent->add_subcommand("show", "Show a contact with everything linked to it, newest first");
  cmd->add_option("id", *id, "Contact ID or unambiguous prefix")->required();
  cmd->callback([&session, id] {
    print_contact(session, find_contact(session.store(), *id));
  });
}

void setup_edit(CLI::App* parent, Session& session) {
  struct Options {
    std::string id, name, kind, org, note, screen_name, platform, reach, description;
    std::vector<std::string> emails, add_emails, remove_emails, phones, add_phones, remove_phones, tags, add_tags,
        remove_tags, urls, add_urls, remove_urls, unset;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = parent->add_subcommand("edit", "Change a contact's fields (lists: --tag replaces, --add-tag/--remove-tag adjust)");
  cmd->add_option("id", o->id, "Contact ID or unambiguous prefix")->required();
  auto* name = cmd->add_option("--name", o->name, "New name");
  auto* kind = cmd->add_option("--kind", o->kind, "New kind");
  auto* org = cmd->add_option("--org", o->org, "New organisation");
  auto* note = cmd->add_option("--note", o->note, "New note");
  auto* emails = add_repeated(cmd, "--email", o->emails, "Replace all emails (repeatable)");
  add_repeated(cmd, "--add-email", o->add_emails, "Add an email");
  add_repeated(cmd, "--remove-email", o->remove_emails, "Remove an email");
  auto* phones = add_repeated(cmd, "--phone", o->phones, "Replace all phones (repeatable)");
  add_repeated(cmd, "--add-phone", o->add_phones, "Add a phone");
  add_repeated(cmd, "--remove-phone", o->remove_phones, "Remove a phone");
  auto* tags = add_repeated(cmd, "--tag", o->tags, "Replace all tags (repeatable)");
  add_repeated(cmd, "--add-tag", o->add_tags, "Add a tag");
  add_repeated(cmd, "--remove-tag", o->remove_tags, "Remove a tag");
  // An influencer's public identity.
  auto* screen_name = cmd->add_option("--screen-name", o->screen_name, "New screen name");
  auto* platform = cmd->add_option("--platform", o->platform, "New platform");
  auto* reach = cmd->add_option("--reach", o->reach, "New reach (followers, readers)");
  auto* description = cmd->add_option("--description", o->description, "New description");
  auto* urls = add_repeated(cmd, "--url", o->urls, "Replace all URLs (repeatable)");
  add_repeated(cmd, "--add-url", o->add_urls, "Add a URL");
  add_repeated(cmd, "--remove-url", o->remove_urls, "Remove a URL");
  add_repeated(cmd, "--unset", o->unset, "Remove a field (org, note, emails...)");
  cmd->callback([&session, o, name, kind, org, note, emails, phones, tags, screen_name, platform, reach, description,
                 urls] {
    using Op = FieldChange::Op;
    std::vector<FieldChange> changes;
    auto set = [&](const CLI::Option* opt, const std::string& field, const std::string& value) {
      if (given(opt)) {
        changes.push_back({field, Op::Set, {value}});
      }
    };
    set(name, "name", o->name);
    set(kind, "kind", o->kind);
    set(org, "org", o->org);
    set(note, "note", o->note);
    set(screen_name, "screen_name", o->screen_name);
    set(platform, "platform", o->platform);
    set(reach, "reach", o->reach);
    set(description, "description", o->description);
    auto list = [&](const CLI::Option* opt, const std::string& field, const std::vector<std::string>& replace,
                    const std::vector<std::string>& add, const std::vector<std::string>& remove) {
      if (given(opt)) {
        changes.push_back({field, Op::Set, replace});
      }
      if (!add.empty()) {
        changes.push_back({field, Op::Add, add});
      }
      if (!remove.empty()) {
        changes.push_back({field, Op::Remove, remove});
      }
    };
    list(emails, "emails", o->emails, o->add_emails, o->remove_emails);
    list(phones, "phones", o->phones, o->add_phones, o->remove_phones);
    list(tags, "tags", o->tags, o->add_tags, o->remove_tags);
    list(urls, "urls", o->urls, o->add_urls, o->remove_urls);
    for (const auto& field : o->unset) {
      changes.push_back({field, Op::Unset, {}});
    }
    if (changes.empty()) {
      throw usage_error("nothing to change: give at least one of --name, --kind, --org, --email, --tag, --unset...");
    }
    Context ctx = session.context();
    Transaction tx(ctx.store);
    Record contact = find_contact(ctx.store, o->id);
    std::string id = contact.id;
    auto changed = edit_record(ctx, tx, std::move(contact), changes);
    if (const Record* edited = tx.staged(contact_kind(), id)) {
      require_valid_influencer(ctx.store, *edited);
    }
    session.commit(tx);
    report_edit(session, id, changed);
  });
}

}  // namespace

void setup_contact(CLI::App& app, Session& session) {
  auto* cmd = app.add_subcommand("contact", "Customers, citizens, partners and other people or organisations");
  cmd->require_subcommand(1);
  setup_add(cmd, session);
  setup_list(cmd, session);
  setup_show(cmd, session);
  setup_edit(cmd, session);
}

}  // namespace crm::cli
