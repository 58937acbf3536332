// crm feedback add|list|show|set and the case workflow (ack, forward, update, close, reopen...)
#include "contacts.hpp"
#include "feedback.hpp"

#include "commands.hpp"
#include "error.hpp"
#include "options.hpp"
#include "records_view.hpp"
#include "workflow.hpp"

#include <memory>

namespace crm::cli {
namespace {

const std::vector<std::string> k_list_fields = {"id",         "title",   "status",     "source",  "sentiment",
                                                "topics",     "influencer", "contact", "department", "handler",
                                                "opened",     "closed",  "calls",      "updated"};
const std::vector<Column> k_list_columns = {{"id", "ID"},
                                            {"status", "STATUS"},
                                            {"source", "SOURCE"},
                                            {"sentiment", "SENTIMENT"},
                                            {"department", "DEPARTMENT"},
                                            {"handler", "HANDLER"},
                                            {"opened", "OPENED", true},
                                            {"title", "TITLE"}};

void setup_add(CLI::App* parent, Session& session) {
  auto in = std::make_shared<FeedbackInput>();
  auto* cmd = parent->add_subcommand("add", "Record feedback, route it to a department and print its ID");
  auto* text = cmd->add_option("--text", in->text, "What was said or seen ('-' or left out: read stdin if piped)");
  cmd->add_option("--title", in->title, "A one-line summary (default: the text's first line)");
  cmd->add_option("--source", in->source, "blog, social, web-stats, sales, support, survey or other (default)")
      ->check(CLI::IsMember(feedback_sources()));
  cmd->add_option("--sentiment", in->sentiment, "negative, neutral (default) or positive")
      ->check(CLI::IsMember(feedback_sentiments()));
  add_repeated(cmd, "--topic", in->topics, "Topic or product (repeatable; routing rules can match topics)");
  auto* influencer = cmd->add_option("--influencer", in->influencer, "Who posted it: screen name or contact ID");
  cmd->add_option("--new-influencer", in->new_influencer, "Record a new influencer by screen name with it")
      ->excludes(influencer);
  add_repeated(cmd, "--url", in->new_influencer_urls, "The new influencer's URL (repeatable)");
  cmd->add_option("--contact", in->contact, "A known contact it came from (leave out: anonymous)");
  cmd->add_option("--department", in->department, "Department to route to (default: crm.yaml routing)");
  cmd->add_option("--handler", in->handler, "User to handle it (default: the department's queue)");
  cmd->add_option("--note", in->note, "Note for the history");
  cmd->callback([&session, in, text] {
    FeedbackInput input = *in;
    input.text = text_or_stdin(text, in->text);
    Context ctx = session.context();
    Transaction tx(ctx.store);
    AddedFeedback added = add_feedback(ctx, tx, input);
    session.commit(tx);
    const OpenedCase& opened = added.opened;
    session.message((added.new_influencer.empty() ? "" : "New influencer " + added.new_influencer + "; ") +
                    "Recorded " + opened.id + " in " + opened.department + " (" + opened.route_reason + ")" +
                    (opened.handler.empty() ? ", in the queue" : ", handler " + opened.handler) +
                    told(opened.notified));
    session.out() << opened.id << '\n';
  });
}

void setup_list(CLI::App* parent, Session& session) {
  struct Options {
    WorkFilterOptions common;
    FeedbackFilter filter;
    std::string influencer;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = parent->add_subcommand("list", "List feedback, newest first (never cases)");
  cmd->alias("ls");
  add_work_filter_options(cmd, o->common, "feedback");
  cmd->add_option("--source", o->filter.source, "Only from this source")->check(CLI::IsMember(feedback_sources()));
  cmd->add_option("--sentiment", o->filter.sentiment, "Only of this sentiment")
      ->check(CLI::IsMember(feedback_sentiments()));
  cmd->add_option("--topic", o->filter.topic, "Only about this topic");
  cmd->add_option("--influencer", o->influencer, "Only from this influencer (screen name or ID)");
  cmd->callback([&session, o] {
    const Store& store = session.store();
    FeedbackFilter filter = o->filter;
    static_cast<WorkFilter&>(filter) = work_filter(session, o->common);
    if (!o->influencer.empty()) {
      filter.influencer = find_influencer(store, o->influencer).id;
    }
    print_rows(session, rows_of(list_feedback(store, filter), k_list_fields), k_list_fields, k_list_columns);
  });
}

void setup_show(CLI::App* parent, Session& session) {
  auto id = std::make_shared<std::string>();
  auto* cmd = parent->add_subcommand("show", "Show feedback: its fields, calls, service levels and full history");
  cmd->add_option("id", *id, "Feedback ID or unambiguous prefix")->required();
  cmd->callback([&session, id] { print_work_item(session, session.store().find(feedback_kind(), *id)); });
}

void setup_set(CLI::App* parent, Session& session) {
  struct Options {
    std::string id;
    CaseSettings settings;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = parent->add_subcommand("set", "Change feedback's title, department or topics");
  cmd->add_option("id", o->id, "Feedback ID or unambiguous prefix")->required();
  cmd->add_option("--title", o->settings.title, "New title");
  cmd->add_option("--department", o->settings.department, "Move it to this department (the handler stays)");
  add_repeated(cmd, "--add-topic", o->settings.add_tags, "Add a topic");
  add_repeated(cmd, "--remove-topic", o->settings.remove_tags, "Remove a topic");
  cmd->callback([&session, o] {
    const CaseSettings& in = o->settings;
    if (in.title.empty() && in.department.empty() && in.add_tags.empty() && in.remove_tags.empty()) {
      throw usage_error("nothing to change: give --title, --department, --add-topic or --remove-topic");
    }
    Context ctx = session.context();
    Transaction tx(ctx.store);
    CaseChange change = set_case(ctx, tx, o->id, in, feedback_kind());
    session.commit(tx);
    session.message(change.events.empty() ? change.record.id + ": nothing changed"
                                          : change.record.id + ": " + joined(change.events) + told(change.notified));
  });
}

}  // namespace

void setup_feedback(CLI::App& app, Session& session) {
  auto* cmd = app.add_subcommand("feedback", "Feedback: anonymous or implicit information, routed and tracked like cases");
  cmd->require_subcommand(1);
  setup_add(cmd, session);
  add_workflow_actions(cmd, session, feedback_kind());
  setup_set(cmd, session);
  setup_list(cmd, session);
  setup_show(cmd, session);
  add_feedback_import(cmd, session);
}

}  // namespace crm::cli
