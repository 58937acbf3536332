// crm deal add|show|list|stage|won|lost|set
#include "deals.hpp"

#include "commands.hpp"
#include "error.hpp"
#include "options.hpp"
#include "records_view.hpp"

#include <memory>

namespace crm::cli {
namespace {

const std::vector<std::string> k_list_fields = {"id",    "title",       "contact", "contact_name", "org",
                                                "value", "currency",    "stage",   "status",       "probability",
                                                "kind",  "owner", "expected_close", "created", "updated"};
const std::vector<Column> k_list_columns = {
    {"id", "ID"},         {"stage", "STAGE"},         {"value", "VALUE"},       {"currency", "CUR"},
    {"probability", "%"}, {"owner", "OWNER"},         {"expected_close", "CLOSE", true},
    {"contact_name", "CONTACT"}, {"title", "TITLE"}};

void report(Session& session, const DealChange& change) {
  session.message(change.record.id + ": " + change.event + "; now " + change.record.get("stage") + " (" +
                  change.record.get("status") + ")");
}

void setup_add(CLI::App* parent, Session& session) {
  struct Options {
    DealInput in;
    std::string close;
    long long probability = 0;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = parent->add_subcommand("add", "Add a deal (an opportunity) and print its ID");
  cmd->add_option("--contact", o->in.contact, "The customer: contact ID, prefix or screen name")->required();
  cmd->add_option("--title", o->in.title, "What is being sold, in a line")->required();
  cmd->add_option("--value", o->in.value, "Amount, e.g. 1200.50")->required();
  cmd->add_option("--currency", o->in.currency, "Currency code (default: crm.yaml deals.currency, else EUR)");
  cmd->add_option("--stage", o->in.stage, "Stage (default: the first configured stage)");
  cmd->add_option("--owner", o->in.owner, "Salesperson (default: you)");
  cmd->add_option("--org", o->in.org, "Organisation (default: the contact's)");
  cmd->add_option("--close", o->close, "Expected close date, e.g. 2026-12-15");
  auto* probability = cmd->add_option("--probability", o->probability, "Chance of winning, 0-100 (default: the stage's)");
  cmd->add_option("--kind", o->in.kind, "new (default), upsell, cross-sell or renewal");
  cmd->add_option("--note", o->in.note, "A note on the created event");
  cmd->callback([&session, o, probability] {
    DealInput in = o->in;
    if (!o->close.empty()) {
      in.expected_close = user_time(session, o->close);
    }
    if (given(probability)) {
      in.probability = o->probability;
    }
    Context ctx = session.context();
    Transaction tx(ctx.store);
    DealChange created = create_deal(ctx, tx, in);
    session.commit(tx);
    report(session, created);
    session.out() << created.record.id << '\n';
  });
}

void setup_moves(CLI::App* parent, Session& session) {
  struct Options {
    std::string id, stage, text;
  };
  auto stage = std::make_shared<Options>();
  auto* cmd = parent->add_subcommand("stage", "Move a deal to another stage (a closed one reopens)");
  cmd->add_option("id", stage->id, "Deal ID or unambiguous prefix")->required();
  cmd->add_option("stage", stage->stage, "The new stage")->required();
  cmd->add_option("--note", stage->text, "Why, for the record");
  cmd->callback([&session, stage] {
    Context ctx = session.context();
    Transaction tx(ctx.store);
    DealChange change = stage_deal(ctx, tx, stage->id, stage->stage, stage->text);
    session.commit(tx);
    report(session, change);
  });

  static const TextAction won{"won", "Close a deal as won (its owner earns points)", "--note", "A note, for the record",
                              false};
  static const TextAction lost{"lost", "Close a deal as lost, with the reason", "--reason", "Why it was lost", true};
  add_text_action(parent, session, won, "Deal ID or unambiguous prefix", win_deal, report);
  add_text_action(parent, session, lost, "Deal ID or unambiguous prefix", lose_deal, report);
}

void setup_set(CLI::App* parent, Session& session) {
  struct Options {
    std::string id, title, value, currency, owner, org, kind, note, close;
    long long probability = 0;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = parent->add_subcommand("set", "Change a deal's value, close date, probability and other fields");
  cmd->add_option("id", o->id, "Deal ID or unambiguous prefix")->required();
  auto* title = cmd->add_option("--title", o->title, "New title");
  auto* value = cmd->add_option("--value", o->value, "New amount, e.g. 1200.50");
  auto* currency = cmd->add_option("--currency", o->currency, "New currency code");
  auto* owner = cmd->add_option("--owner", o->owner, "New owner ('' to clear)");
  auto* org = cmd->add_option("--org", o->org, "New organisation");
  auto* kind = cmd->add_option("--kind", o->kind, "new, upsell, cross-sell or renewal");
  auto* note = cmd->add_option("--note", o->note, "New note ('' to clear)");
  auto* close = cmd->add_option("--close", o->close, "New expected close date");
  auto* probability = cmd->add_option("--probability", o->probability, "New chance of winning, 0-100");
  cmd->callback([&session, o, title, value, currency, owner, org, kind, note, close, probability] {
    DealEdit edit;
    auto take = [](const CLI::Option* opt, const std::string& v, std::optional<std::string>& into) {
      if (given(opt)) {
        into = v;
      }
    };
    take(title, o->title, edit.title);
    take(value, o->value, edit.value);
    take(currency, o->currency, edit.currency);
    take(owner, o->owner, edit.owner);
    take(org, o->org, edit.org);
    take(kind, o->kind, edit.kind);
    take(note, o->note, edit.note);
    if (given(close)) {
      edit.expected_close = user_time(session, o->close);
    }
    if (given(probability)) {
      edit.probability = o->probability;
    }
    Context ctx = session.context();
    Transaction tx(ctx.store);
    Record deal = ctx.store.find(deal_kind(), o->id);
    auto changed = edit_deal(ctx, tx, deal.id, edit);
    session.commit(tx);
    report_edit(session, deal.id, changed);
  });
}

void setup_list(CLI::App* parent, Session& session) {
  struct Options {
    DealFilter filter;
    bool open = false, won = false, lost = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = parent->add_subcommand("list", "List deals, soonest expected close first");
  cmd->alias("ls");
  cmd->add_option("--stage", o->filter.stage, "Only deals in this stage");
  cmd->add_option("--owner", o->filter.owner, "Only deals of this salesperson");
  cmd->add_option("--contact", o->filter.contact, "Only deals with this contact");
  cmd->add_option("--kind", o->filter.kind, "Only new, upsell, cross-sell or renewal deals")
      ->check(CLI::IsMember(deal_kinds()));
  auto* status = cmd->add_option("--status", o->filter.status, "open, won or lost")
                     ->check(CLI::IsMember({"open", "won", "lost"}));
  auto* open = cmd->add_flag("--open", o->open, "Only open deals (--status open)");
  auto* won = cmd->add_flag("--won", o->won, "Only won deals");
  auto* lost = cmd->add_flag("--lost", o->lost, "Only lost deals");
  status->excludes(open)->excludes(won)->excludes(lost);
  open->excludes(won)->excludes(lost);
  won->excludes(lost);
  cmd->callback([&session, o] {
    const Store& store = session.store();
    DealFilter filter = o->filter;
    filter.status = o->open ? "open" : o->won ? "won" : o->lost ? "lost" : filter.status;
    if (!filter.stage.empty()) {
      const auto& stages = store.config().deals.stages;
      if (std::find(stages.begin(), stages.end(), filter.stage) == stages.end()) {
        throw usage_error("'" + filter.stage + "' is not a deal stage; the stages are " + joined(stages));
      }
    }
    if (!filter.owner.empty()) {
      filter.owner = store.find(user_kind(), filter.owner).id;
    }
    if (!filter.contact.empty()) {
      filter.contact = store.find(contact_kind(), filter.contact).id;
    }
    auto rows = rows_of(list_deals(store, filter), k_list_fields);
    add_contact_names(store, rows);
    print_rows(session, rows, k_list_fields, k_list_columns);
  });
}

void setup_show(CLI::App* parent, Session& session) {
  auto id = std::make_shared<std::string>();
  auto* cmd = parent->add_subcommand("show", "Show a deal and its history");
  cmd->add_option("id", *id, "Deal ID or unambiguous prefix")->required();
  cmd->callback([&session, id] {
    Record d = session.store().find(deal_kind(), *id);
    print_details(session, details_of(d), {history_section(d)},
                  {"expected_close", "won", "lost", "created", "updated"});
  });
}

}  // namespace

void setup_deal(CLI::App& app, Session& session) {
  auto* cmd = app.add_subcommand("deal", "Deals: opportunities moving through the sales stages");
  cmd->require_subcommand(1);
  setup_add(cmd, session);
  setup_moves(cmd, session);
  setup_set(cmd, session);
  setup_list(cmd, session);
  setup_show(cmd, session);
}

}  // namespace crm::cli
