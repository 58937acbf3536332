#include "calls.hpp"

#include "contacts.hpp"
#include "edit.hpp"
#include "error.hpp"
#include "people.hpp"

#include <algorithm>

namespace crm {

LoggedCall log_call(const Context& ctx, Transaction& tx, const CallInput& in) {
  if (in.contact.empty() == in.new_contact.empty()) {
    throw usage_error("name the caller with either --contact ID or --new-contact NAME");
  }
  if (in.new_contact.empty() && (!in.new_contact_kind.empty() || !in.new_contact_phone.empty())) {
    throw usage_error("--new-contact-kind and --new-contact-phone describe a contact made with --new-contact NAME");
  }
  LoggedCall result;
  if (!in.new_contact.empty()) {
    ContactInput contact;
    contact.name = in.new_contact;
    contact.kind = in.new_contact_kind;
    if (!in.new_contact_phone.empty()) {
      contact.phones.push_back(in.new_contact_phone);
    }
    result.contact_id = add_contact(ctx, tx, contact);
    result.contact_created = true;
  } else {
    // Loading (not just resolving) refuses to link a call to a malformed record.
    result.contact_id = find_contact(ctx.store, in.contact).id;
  }
  std::string by = in.by.empty() ? ctx.actor : ctx.store.find(user_kind(), in.by).id;
  std::string duration;
  if (!in.duration.empty()) {
    auto d = parse_duration(in.duration);
    if (!d) {
      throw usage_error("cannot read duration '" + in.duration + "' (try 15m, 1h30m or 90s)");
    }
    duration = format_duration(*d);
  }
  const Config& config = ctx.store.config();
  Value fields = Value::map();
  fields.set("contact", result.contact_id);
  fields.set("at", format_utc(in.at.value_or(ctx.now)));
  fields.set("direction", in.direction.empty() ? config.default_call_direction : in.direction);
  fields.set("channel", in.channel.empty() ? config.default_call_channel : in.channel);
  fields.set("duration", duration);
  fields.set("by", by);
  fields.set("summary", in.summary);
  Record call = create_record(ctx, call_kind(), fields, "logged");
  result.call_id = call.id;
  tx.put(std::move(call));
  return result;
}

std::vector<Record> list_calls(const Store& store, const CallFilter& f) {
  // Chosen on their summaries: with the cache, a million calls are never all decoded.
  std::vector<Record> out = store.load_where(call_kind(), [&f](const Value& call) {
    if ((!f.by.empty() && call.get("by") != f.by) || (!f.contact.empty() && call.get("contact") != f.contact)) {
      return false;
    }
    auto at = parse_stored_time(call.get("at"));
    return !((f.since && *at < *f.since) || (f.until && *at >= *f.until));
  });
  std::stable_sort(out.begin(), out.end(), [](const Record& a, const Record& b) {
    auto ta = parse_stored_time(a.get("at"));
    auto tb = parse_stored_time(b.get("at"));
    return ta != tb ? ta > tb : a.id > b.id;
  });
  return out;
}

}  // namespace crm
