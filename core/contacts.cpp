#include "contacts.hpp"

#include "calls.hpp"
#include "cases.hpp"
#include "deals.hpp"
#include "edit.hpp"
#include "feedback.hpp"
#include "suggest.hpp"
#include "error.hpp"

#include <algorithm>
#include <cctype>

namespace crm {
namespace {

std::string folded(const std::string& s) {
  std::string out = s;
  for (auto& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool matches(const Record& r, const ContactFilter& f) {
  if (!f.kind.empty() && r.get("kind") != f.kind) {
    return false;
  }
  auto tags = string_list(r.data.find("tags"));
  if (!f.tag.empty() && std::find(tags.begin(), tags.end(), f.tag) == tags.end()) {
    return false;
  }
  if (f.search.empty()) {
    return true;
  }
  std::vector<std::string> haystack = {r.get("name"),        r.get("org"),         r.get("note"), r.id,
                                       r.get("screen_name"), r.get("description")};
  for (const char* list : {"emails", "phones", "tags", "urls"}) {
    auto items = string_list(r.data.find(list));
    haystack.insert(haystack.end(), items.begin(), items.end());
  }
  return std::any_of(haystack.begin(), haystack.end(),
                     [&](const std::string& s) { return contains_folded(s, f.search); });
}

}  // namespace

bool contains_folded(const std::string& text, const std::string& needle) {
  return folded(text).find(folded(needle)) != std::string::npos;
}

std::string add_contact(const Context& ctx, Transaction& tx, const ContactInput& in) {
  Record r = new_contact(ctx, in);
  std::string id = r.id;
  tx.put(std::move(r));
  return id;
}

Record new_contact(const Context& ctx, const ContactInput& in, const std::string& note) {
  if (in.name.empty()) {
    throw usage_error("a contact needs a name (--name)");
  }
  Value fields = Value::map();
  fields.set("name", in.name);
  fields.set("kind", in.kind.empty() ? ctx.store.config().default_contact_kind : in.kind);
  fields.set("org", in.org);
  fields.set("screen_name", in.screen_name);
  fields.set("platform", in.platform);
  fields.set("urls", make_string_list(in.urls));
  if (in.reach) {
    fields.set("reach", Value::number(*in.reach));
  }
  fields.set("description", in.description);
  fields.set("emails", make_string_list(in.emails));
  fields.set("phones", make_string_list(in.phones));
  fields.set("tags", make_string_list(in.tags));
  fields.set("note", in.note);
  return create_record_with_entry(ctx, contact_kind(), fields, history_event(ctx, "created", note));
}

namespace {

const char* const k_influencer = "influencer";

std::string handle_key(const std::string& handle) {
  return folded(!handle.empty() && handle[0] == '@' ? handle.substr(1) : handle);
}

// A title in quotes that it does not itself contain, so 'a 'quoted' word'
// never happens.
std::string quoted_title(const std::string& title) {
  const char quote = title.find('\'') == std::string::npos ? '\'' : '"';
  return quote + title + quote;
}

}  // namespace

std::string screen_name_key(const std::string& screen_name) { return handle_key(screen_name); }

std::string add_influencer(const Context& ctx, Transaction& tx, ContactInput in) {
  if (in.screen_name.empty() || handle_key(in.screen_name).empty()) {
    throw usage_error("an influencer needs a screen name");
  }
  if (auto existing = influencer_by_handle(ctx.store, in.screen_name)) {
    throw usage_error("influencer '" + existing->get("screen_name") + "' already exists: " + existing->id);
  }
  const auto& kinds = ctx.store.config().list("contact_kinds");
  if (std::find(kinds.begin(), kinds.end(), k_influencer) == kinds.end()) {
    throw usage_error("crm.yaml's contact_kinds lacks 'influencer'; add it to record influencers");
  }
  in.kind = k_influencer;
  if (in.name.empty()) {
    in.name = in.screen_name;
  }
  return add_contact(ctx, tx, in);
}

void require_valid_influencer(const Store& store, const Record& contact) {
  if (!contact.get("reach").empty() && contact.get("reach")[0] == '-') {
    throw usage_error("reach cannot be negative");
  }
  if (contact.get("kind") != k_influencer) {
    return;
  }
  if (handle_key(contact.get("screen_name")).empty()) {
    throw usage_error("an influencer needs a screen name");
  }
  if (auto other = influencer_by_handle(store, contact.get("screen_name")); other && other->id != contact.id) {
    throw usage_error("influencer '" + other->get("screen_name") + "' already exists: " + other->id);
  }
}

std::optional<Record> influencer_by_handle(const Store& store, const std::string& handle) {
  std::string key = handle_key(handle);
  for (auto& r : store.load_all(contact_kind())) {
    if (r.get("kind") == k_influencer && !r.get("screen_name").empty() && handle_key(r.get("screen_name")) == key) {
      return std::move(r);
    }
  }
  return std::nullopt;
}

Record find_contact(const Store& store, const std::string& input) {
  try {
    return store.find(contact_kind(), input);
  } catch (const Error& e) {
    if (e.status() != k_exit_not_found) {
      throw;
    }
    if (auto r = influencer_by_handle(store, input)) {
      return *r;
    }
    throw;
  }
}

Record find_influencer(const Store& store, const std::string& input) {
  if (auto r = influencer_by_handle(store, input)) {
    return *r;
  }
  Record r = [&] {
    try {
      return store.find(contact_kind(), input);
    } catch (const Error& e) {
      if (e.status() != k_exit_not_found) {
        throw;
      }
      std::vector<std::string> handles;
      for (const auto& i : list_influencers(store, "", "")) {
        handles.push_back(i.get("screen_name"));
      }
      throw not_found_error("no influencer '" + input + "' (by screen name or contact ID)" +
                            did_you_mean(input, handles));
    }
  }();
  if (r.get("kind") != k_influencer) {
    throw usage_error(r.id + " (" + r.get("name") + ") is a " + r.get("kind") + ", not an influencer");
  }
  return r;
}

std::vector<Record> list_influencers(const Store& store, const std::string& platform, const std::string& search) {
  ContactFilter filter;
  filter.kind = k_influencer;
  filter.search = search;
  std::vector<Record> out;
  for (auto& r : list_contacts(store, filter)) {
    if (platform.empty() || folded(r.get("platform")) == folded(platform)) {
      out.push_back(std::move(r));
    }
  }
  auto reach = [](const Record& r) {
    try {
      return r.get("reach").empty() ? -1LL : std::stoll(r.get("reach"));
    } catch (const std::exception&) {
      return -1LL;  // too large to rank; validation keeps it a number
    }
  };
  std::stable_sort(out.begin(), out.end(), [&](const Record& a, const Record& b) {
    if (reach(a) != reach(b)) {
      return reach(a) > reach(b);
    }
    return handle_key(a.get("screen_name")) < handle_key(b.get("screen_name"));
  });
  return out;
}

std::vector<Record> list_contacts(const Store& store, const ContactFilter& filter) {
  std::vector<Record> out;
  for (auto& r : store.load_all(contact_kind())) {
    if (matches(r, filter)) {
      out.push_back(std::move(r));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Record& a, const Record& b) {
    auto ka = folded(a.get("name"));
    auto kb = folded(b.get("name"));
    return ka != kb ? ka < kb : a.id < b.id;
  });
  return out;
}

std::vector<TimelineItem> contact_timeline(const Store& store, const std::string& contact_id) {
  std::vector<TimelineItem> out;
  CallFilter calls;
  calls.contact = contact_id;
  for (const auto& call : list_calls(store, calls)) {
    TimelineItem item;
    item.at = *parse_stored_time(call.get("at"));
    item.kind = "call";
    item.id = call.id;
    item.by = call.get("by");
    item.summary = call.get("direction") + " " + call.get("channel") +
                   (call.get("summary").empty() ? "" : ": " + call.get("summary"));
    out.push_back(item);
  }
  CaseFilter cases;
  cases.statuses = {"all"};
  cases.contact = contact_id;
  std::vector<Record> items = list_cases(store, cases);
  FeedbackFilter feedback;
  feedback.statuses = {"all"};
  feedback.contact = contact_id;  // as its contact or its influencer
  for (auto& f : list_feedback(store, feedback)) {
    items.push_back(std::move(f));
  }
  for (auto& d : contact_deals(store, contact_id)) {
    items.push_back(std::move(d));
  }
  for (const auto& c : items) {
    for (const auto& entry : c.history().items()) {
      const std::string& event = entry.get("event");
      if (event == "routed" || event == "call-added" || event == "edited") {
        continue;  // the call itself is on the timeline; routing is bookkeeping
      }
      TimelineItem item;
      item.at = *parse_stored_time(entry.get("at"));
      item.kind = c.kind->name;
      item.id = c.id;
      item.by = entry.get("by");
      std::string detail = entry.get("resolution") + entry.get("reason") + entry.get("note");
      // A case forwarded, a deal staged or reopened: where it went.
      if (event == "forwarded" || (c.kind == &deal_kind() && !entry.get("to").empty())) {
        detail = "to " + entry.get("to") + (detail.empty() ? "" : ": " + detail);
      }
      item.summary = event + " " + quoted_title(c.get("title")) + (detail.empty() ? "" : ": " + detail);
      out.push_back(item);
    }
  }
  // Newest first; a record's events at the same second keep their reverse history order.
  std::vector<std::size_t> order(out.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    order[i] = i;
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (out[a].at != out[b].at) {
      return out[a].at > out[b].at;
    }
    return out[a].id != out[b].id ? out[a].id > out[b].id : a > b;
  });
  std::vector<TimelineItem> sorted;
  sorted.reserve(out.size());
  for (std::size_t i : order) {
    sorted.push_back(std::move(out[i]));
  }
  out = std::move(sorted);
  return out;
}

}  // namespace crm
