#include "feedback.hpp"

#include "contacts.hpp"
#include "error.hpp"
#include "ids.hpp"

#include <algorithm>

namespace crm {
namespace {

// A contact staged earlier in `tx` (a new influencer) or on disk.
Record contact_named(const Transaction& tx, const Store& store, const std::string& id) {
  const Record* staged = tx.staged(contact_kind(), id);
  return staged ? *staged : store.load(contact_kind(), id);
}

}  // namespace

std::string title_from_text(const std::string& text, std::size_t max_chars) {
  // The first line that says something, without its surrounding blanks.
  std::string line;
  std::size_t start = 0;
  while (start <= text.size() && line.empty()) {
    std::size_t end = std::min(text.find('\n', start), text.size());
    line = text.substr(start, end - start);
    auto first = line.find_first_not_of(" \t\r");
    line = first == std::string::npos ? "" : line.substr(first, line.find_last_not_of(" \t\r") - first + 1);
    start = end + 1;
  }
  auto is_lead = [](char c) { return (static_cast<unsigned char>(c) & 0xc0) != 0x80; };
  std::size_t chars = static_cast<std::size_t>(std::count_if(line.begin(), line.end(), is_lead));
  if (chars <= max_chars || max_chars == 0) {
    return line;
  }
  // Keep max_chars - 1 characters, then the ellipsis.
  std::size_t kept = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (is_lead(line[i]) && kept++ == max_chars - 1) {
      return line.substr(0, i) + "…";
    }
  }
  return line;
}

AddedFeedback add_feedback(const Context& ctx, Transaction& tx, const FeedbackInput& in) {
  const Store& store = ctx.store;
  if (in.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw usage_error("feedback needs its text (--text TEXT, or on stdin)");
  }
  if (!in.influencer.empty() && !in.new_influencer.empty()) {
    throw usage_error("give --influencer or --new-influencer, not both");
  }
  if (!in.new_influencer_urls.empty() && in.new_influencer.empty()) {
    throw usage_error("--url belongs to --new-influencer");
  }
  AddedFeedback added;
  std::string influencer;
  if (!in.new_influencer.empty()) {
    ContactInput person;
    person.screen_name = in.new_influencer;
    person.urls = in.new_influencer_urls;
    influencer = added.new_influencer = add_influencer(ctx, tx, person);
  } else if (!in.influencer.empty()) {
    influencer = find_influencer(store, in.influencer).id;
  }
  std::string contact = in.contact.empty() ? "" : find_contact(store, in.contact).id;

  Value fields = Value::map();
  std::string title = in.title.empty() ? title_from_text(in.text) : in.title;
  fields.set("title", title);
  fields.set("text", in.text);
  fields.set("source", in.source.empty() ? "other" : in.source);
  fields.set("sentiment", in.sentiment.empty() ? "neutral" : in.sentiment);
  fields.set("topics", make_string_list(in.topics));
  fields.set("influencer", influencer);
  fields.set("contact", contact);

  RoutingSubject subject;
  subject.record = "feedback";
  std::string who = !contact.empty() ? contact : influencer;
  if (!who.empty()) {
    Record person = contact_named(tx, store, who);
    subject.contact_kind = person.get("kind");
    subject.tags = string_list(person.data.find("tags"));
  }
  subject.title = title + "\n" + in.text;
  subject.source = fields.get("source");
  subject.topics = in.topics;
  subject.sentiment = fields.get("sentiment");
  OpenedCase routed = route_new(store, in.department, in.handler, subject);
  added.opened = open_routed(ctx, tx, feedback_kind(), fields, history_event(ctx, "opened", in.note), routed);
  return added;
}

std::vector<Record> list_feedback(const Store& store, const FeedbackFilter& f) {
  std::vector<Record> out;
  auto scalars_match = [&f](const Value& r) {
    return f.matches(r) && (f.source.empty() || r.get("source") == f.source) &&
           (f.sentiment.empty() || r.get("sentiment") == f.sentiment) &&
           (f.influencer.empty() || r.get("influencer") == f.influencer);
  };
  // Topics are a list, which summaries leave out: checked on the records kept.
  for (auto& r : store.load_where(feedback_kind(), scalars_match)) {
    auto topics = string_list(r.data.find("topics"));
    if (f.topic.empty() || std::find(topics.begin(), topics.end(), f.topic) != topics.end()) {
      out.push_back(std::move(r));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Record& a, const Record& b) {
    return a.get("opened") != b.get("opened") ? a.get("opened") > b.get("opened") : a.id < b.id;
  });
  return out;
}

}  // namespace crm
