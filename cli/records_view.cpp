#include "records_view.hpp"

#include "activity.hpp"
#include "contacts.hpp"
#include "export.hpp"

#include <map>

namespace crm::cli {
namespace {

Value with_derived(const Record& record) {
  // Whole-number fields are numbers in JSON, not the text they were read as.
  Value data = record.kind ? typed_record(*record.kind, record.data) : record.data;
  const Value& history = record.history();
  if (!history.items().empty()) {
    // Times are machine-shaped: plain in YAML output, like stored ones.
    Value created(history.items().front().get("at"));
    Value updated(history.items().back().get("at"));
    created.set_plain(true);
    updated.set_plain(true);
    data.set("created", created);
    data.set("updated", updated);
  }
  return data;
}

}  // namespace

Value details_of(const Record& record) {
  // created/updated go before history so tables read naturally.
  Value full = with_derived(record);
  Value out = Value::map();
  for (const auto& [key, v] : full.fields()) {
    if (key != "history") {
      out.set(key, v);
    }
  }
  if (const Value* h = record.data.find("history")) {
    out.set("history", *h);
  }
  return out;
}

std::vector<Value> rows_of(const std::vector<Record>& records, const std::vector<std::string>& fields) {
  std::vector<Value> rows;
  rows.reserve(records.size());
  for (const auto& r : records) {
    rows.push_back(project(with_derived(r), fields));
  }
  return rows;
}

void add_contact_names(const Store& store, std::vector<Value>& rows) {
  std::map<std::string, std::string> names;
  for (auto& row : rows) {
    const std::string& contact = row.get("contact");
    auto it = names.find(contact);
    if (it == names.end()) {
      std::string name;
      if (store.exists(contact_kind(), contact)) {
        name = store.load(contact_kind(), contact).get("name");
      }
      it = names.emplace(contact, name).first;
    }
    row.set("contact_name", it->second);
  }
}

Section history_section(const Record& record) {
  Section s{"History", {}, {{"at", "WHEN", true}, {"event", "EVENT"}, {"by", "BY"}, {"detail", "DETAIL"}}};
  for (const auto& entry : record.history().items()) {
    Value row = Value::map();
    row.set("at", entry.get("at"));
    row.set("event", entry.get("event"));
    row.set("by", entry.get("by"));
    row.set("detail", entry_detail(entry));
    s.rows.push_back(row);
  }
  return s;
}

void report_edit(Session& session, const std::string& id, const std::vector<std::string>& changed) {
  if (changed.empty()) {
    session.message(id + ": nothing changed");
    return;
  }
  session.message(id + ": changed " + joined(changed));
}

void print_contact(Session& session, const Record& contact) {
  const Store& store = session.store();
  Value object = details_of(contact);
  Section timeline{"Timeline (newest first)",
                   {},
                   {{"at", "WHEN", true}, {"kind", "WHAT"}, {"id", "ID"}, {"by", "BY"}, {"summary", "SUMMARY"}}};
  Value items = Value::list();
  for (const auto& item : contact_timeline(store, contact.id)) {
    Value row = Value::map();
    row.set("at", format_utc(item.at));
    row.set("kind", item.kind);
    row.set("id", item.id);
    row.set("by", item.by);
    row.set("summary", item.summary);
    timeline.rows.push_back(row);
    items.push_back(row);
  }
  object.set("timeline", items);
  print_details(session, object, {timeline, history_section(contact)}, {"created", "updated"});
}

}  // namespace crm::cli
