#include "records_view.hpp"

#include "activity.hpp"
#include "contact_view.hpp"
#include "contacts.hpp"
#include "money.hpp"
#include "workflow.hpp"
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

namespace {

// Adds `section` to `sections` (tables) only when it has rows, and its rows
// to `object` under `key` always, except in tables, whose key column would
// widen for a list they never print.
void add_part(Session& session, Value& object, std::vector<Section>& sections, const std::string& key,
              Section section, const Value& listed) {
  if (session.format() != Format::Table) {
    object.set(key, listed);
  }
  if (!section.rows.empty()) {
    sections.push_back(std::move(section));
  }
}

Value as_list(const std::vector<Value>& rows) {
  Value out = Value::list();
  for (const auto& r : rows) {
    out.push_back(r);
  }
  return out;
}

}  // namespace

void print_contact(Session& session, const Record& contact) {
  const Store& store = session.store();
  ContactView view = contact_view(store, contact.id, session.now());
  Value object = details_of(contact);
  std::vector<Section> sections;

  Section timeline{"Timeline (newest first)",
                   {},
                   {{"at", "WHEN", true}, {"kind", "WHAT"}, {"id", "ID"}, {"by", "BY"}, {"summary", "SUMMARY"}}};
  for (const auto& item : view.timeline) {
    Value row = Value::map();
    row.set("at", format_utc(item.at));
    row.set("kind", item.kind);
    row.set("id", item.id);
    row.set("by", item.by);
    row.set("summary", item.summary);
    timeline.rows.push_back(row);
  }
  object.set("timeline", as_list(timeline.rows));
  sections.push_back(timeline);

  Section lifetime{"Lifetime value (won deals)", {}, {{"currency", "CUR"}, {"deals", "DEALS"}, {"value", "VALUE"}}};
  for (const auto& v : view.lifetime_value) {
    Value row = Value::map();
    row.set("currency", v.currency);
    row.set("deals", Value::number(v.deals));
    row.set("value", Value::number_text(format_money(v.cents)));
    lifetime.rows.push_back(row);
  }
  add_part(session, object, sections, "lifetime_value", lifetime, as_list(lifetime.rows));

  const std::vector<std::string> work_fields = {"id", "status", "priority", "department", "handler", "opened", "title"};
  const std::vector<Column> work_columns = {{"id", "ID"},           {"status", "STATUS"},  {"department", "DEPARTMENT"},
                                            {"handler", "HANDLER"}, {"opened", "OPENED", true}, {"title", "TITLE"}};
  Section cases{"Cases", rows_of(view.cases, work_fields), work_columns};
  add_part(session, object, sections, "cases", cases, as_list(cases.rows));
  Section feedback{"Feedback", rows_of(view.feedback, work_fields), work_columns};
  add_part(session, object, sections, "feedback", feedback, as_list(feedback.rows));

  const std::vector<std::string> deal_fields = {"id", "stage", "status", "value", "currency", "owner", "title"};
  Section deals{"Deals (newest first)",
                rows_of(view.deals, deal_fields),
                {{"id", "ID"}, {"stage", "STAGE"}, {"value", "VALUE"}, {"currency", "CUR"}, {"owner", "OWNER"},
                 {"title", "TITLE"}}};
  add_part(session, object, sections, "deals", deals, as_list(deals.rows));

  Section timers{"Open service levels (soonest due first)",
                 {},
                 {{"id", "ID"}, {"target", "TARGET"}, {"state", "STATE"}, {"due", "DUE"}, {"left_or_late", "LEFT/LATE"},
                  {"title", "TITLE"}}};
  Value timer_list = Value::list();
  for (const auto& t : view.timers) {
    TimerRows rows = timer_rows(t.timer, store.config());
    for (Value* row : {&rows.shown, &rows.full}) {
      Value out = Value::map();
      out.set("id", t.item.id);
      out.set("kind", t.item.kind->name);
      out.set("title", t.item.get("title"));
      for (const auto& [key, v] : row->fields()) {
        out.set(key, v);
      }
      *row = out;
    }
    timers.rows.push_back(rows.shown);
    timer_list.push_back(rows.full);
  }
  add_part(session, object, sections, "open_timers", timers, timer_list);

  const std::vector<std::string> mission_fields = {"id", "status", "taker", "reward", "title"};
  Section missions{"Missions mentioning this contact",
                   rows_of(view.missions, mission_fields),
                   {{"id", "ID"}, {"status", "STATUS"}, {"taker", "TAKER"}, {"reward", "REWARD"}, {"title", "TITLE"}}};
  add_part(session, object, sections, "missions", missions, as_list(missions.rows));

  sections.push_back(history_section(contact));
  print_details(session, object, sections, {"created", "updated"});
}

}  // namespace crm::cli
