#include "deals.hpp"

#include "contacts.hpp"
#include "edit.hpp"
#include "error.hpp"
#include "money.hpp"
#include "suggest.hpp"

#include <algorithm>
#include <cctype>

namespace crm {
namespace {

// What a deal's history says about it now.
struct DealState {
  std::string stage;
  std::string status = "open";
  std::string won, lost, lost_reason;
};

// Applies one history entry; returns why it is not a legal step ("" when it is).
std::string apply(DealState& s, const Value& entry, bool first) {
  const std::string& event = entry.get("event");
  const std::string& at = entry.get("at");
  if (first || event == "created") {
    if (!first || event != "created") {
      return "a deal's history starts with 'created', once";
    }
    s.stage = entry.get("to");
    s.status = DealPolicy::closing(s.stage) ? s.stage : "open";
    (s.stage == "won" ? s.won : s.lost) = DealPolicy::closing(s.stage) ? at : "";
    return s.stage.empty() ? "'created' needs the first stage in 'to'" : "";
  }
  bool open = s.status == "open";
  if (event == "staged" || event == "reopened") {
    const std::string& to = entry.get("to");
    if (to.empty() || DealPolicy::closing(to)) {
      return "'" + event + "' needs an open stage in 'to'";
    }
    if (open != (event == "staged")) {
      return "it is " + s.status;
    }
    s = DealState{to, "open", "", "", ""};
  } else if (event == "won" || event == "lost") {
    if (!open) {
      return "it is " + s.status + " already";
    }
    s.stage = s.status = event;
    (event == "won" ? s.won : s.lost) = at;
    s.lost_reason = event == "lost" ? entry.get("reason") : "";
  }
  return "";
}

DealState replay(const Value& history, const std::string& shown_path = "", std::vector<Problem>* problems = nullptr) {
  DealState s;
  bool first = true;
  for (const auto& entry : history.items()) {
    if (!entry.is_map()) {
      continue;
    }
    std::string why = apply(s, entry, first);
    if (!why.empty() && problems) {
      problems->push_back({shown_path, entry.line(), "history: '" + entry.get("event") + "' is not allowed: " + why});
    }
    first = false;
  }
  return s;
}

CachedFields cached(const DealState& s) {
  return {{"stage", s.stage}, {"status", s.status}, {"won", s.won}, {"lost", s.lost}, {"lost_reason", s.lost_reason}};
}

void store_state(Value& data, const DealState& s) {
  for (const auto& [key, value] : cached(s)) {
    if (value.empty()) {
      data.erase(key);
    } else {
      data.set(key, value);
    }
  }
}

void require_stage(const Config& config, const std::string& stage) {
  const auto& stages = config.deals.stages;
  if (std::find(stages.begin(), stages.end(), stage) == stages.end()) {
    throw usage_error("'" + stage + "' is not a deal stage; the stages are " + comma_list(stages) +
                      did_you_mean(stage, stages));
  }
}

std::string money_text(const std::string& value) {
  auto cents = parse_money(value);
  if (!cents) {
    throw usage_error("--value: '" + value + "' is not an amount like 1200.50 (at most two decimals, no sign)");
  }
  return format_money(*cents);
}

std::string currency_code(std::string text) {
  for (auto& c : text) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (!is_currency_code(text)) {
    throw usage_error("--currency: '" + text + "' is not a currency code like EUR or USD");
  }
  return text;
}

std::string probability_text(long long p) {
  if (p < 0 || p > 100) {
    throw usage_error("--probability: " + std::to_string(p) + " is not from 0 to 100");
  }
  return std::to_string(p);
}

std::string deal_kind_text(const std::string& kind) {
  if (std::find(deal_kinds().begin(), deal_kinds().end(), kind) == deal_kinds().end()) {
    throw usage_error("--kind: '" + kind + "' is not one of " + comma_list(deal_kinds()) + did_you_mean(kind, deal_kinds()));
  }
  return kind;
}

// Appends `entry` after checking the deal's status allows it; sets the new stage's probability.
DealChange append(const Context& ctx, Transaction& tx, Record d, Value entry) {
  DealState after = replay(d.history());
  std::string why = apply(after, entry, false);
  if (!why.empty()) {
    throw usage_error("cannot record '" + entry.get("event") + "' for deal " + d.id + ": " + why);
  }
  std::string event = entry.get("event");
  d.data.find("history")->push_back(std::move(entry));
  store_state(d.data, after);
  d.data.set("probability", std::to_string(ctx.store.config().deals.probability_of(after.stage)));
  d.data = canonical(deal_kind(), d.data);
  require_valid(deal_kind(), d.data, ctx.store.config());
  tx.put(d);
  return {d, event};
}

}  // namespace

DealChange create_deal(const Context& ctx, Transaction& tx, const DealInput& in) {
  if (in.title.empty()) {
    throw usage_error("a deal needs a title (--title TEXT)");
  }
  if (in.value.empty()) {
    throw usage_error("a deal needs a value (--value AMOUNT, e.g. 1200.50)");
  }
  const Config& config = ctx.store.config();
  std::string stage = in.stage.empty() ? config.deals.stages.front() : in.stage;
  require_stage(config, stage);
  if (stage == "lost") {
    throw usage_error("a deal cannot start lost; add it, then `crm deal lost ID --reason TEXT`");
  }
  Record contact = find_contact(ctx.store, in.contact);
  Value fields = Value::map();
  fields.set("title", in.title);
  fields.set("contact", contact.id);
  fields.set("org", in.org.empty() ? contact.get("org") : in.org);
  fields.set("value", money_text(in.value));
  fields.set("currency", currency_code(in.currency.empty() ? config.deals.currency : in.currency));
  // A deal added won is certain, whatever --probability says.
  long long stage_default = config.deals.probability_of(stage);
  fields.set("probability", probability_text(stage == "won" ? stage_default : in.probability.value_or(stage_default)));
  fields.set("kind", deal_kind_text(in.kind.empty() ? "new" : in.kind));
  fields.set("owner", in.owner.empty() ? ctx.actor : ctx.store.find(user_kind(), in.owner).id);
  if (in.expected_close) {
    fields.set("expected_close", format_utc(*in.expected_close));
  }
  Value entry = history_event(ctx, "created", in.note);
  entry.set("to", stage);
  DealState s;
  apply(s, entry, true);
  store_state(fields, s);
  Record d = create_record_with_entry(ctx, deal_kind(), fields, entry);
  tx.put(d);
  return {d, "created"};
}

DealChange stage_deal(const Context& ctx, Transaction& tx, const std::string& id, const std::string& stage,
                      const std::string& note) {
  require_stage(ctx.store.config(), stage);
  if (stage == "won") {
    return win_deal(ctx, tx, id, note);
  }
  if (stage == "lost") {
    throw usage_error("losing a deal needs a reason: crm deal lost ID --reason TEXT");
  }
  Record d = ctx.store.find(deal_kind(), id);
  if (d.get("stage") == stage) {
    throw usage_error("deal " + d.id + " is in stage " + stage + " already");
  }
  Value e = history_event(ctx, d.get("status") == "open" ? "staged" : "reopened", note);
  e.set("from", d.get("stage"));
  e.set("to", stage);
  return append(ctx, tx, d, e);
}

DealChange win_deal(const Context& ctx, Transaction& tx, const std::string& id, const std::string& note) {
  Record d = ctx.store.find(deal_kind(), id);
  Value e = history_event(ctx, "won", note);
  e.set("from", d.get("stage"));
  return append(ctx, tx, d, e);
}

DealChange lose_deal(const Context& ctx, Transaction& tx, const std::string& id, const std::string& reason) {
  if (reason.empty()) {
    throw usage_error("losing a deal needs a reason (--reason TEXT)");
  }
  Record d = ctx.store.find(deal_kind(), id);
  Value e = history_event(ctx, "lost", "");
  e.set("from", d.get("stage"));
  e.set("reason", reason);
  return append(ctx, tx, d, e);
}

std::vector<std::string> edit_deal(const Context& ctx, Transaction& tx, const std::string& id, const DealEdit& edit) {
  Record d = ctx.store.find(deal_kind(), id);
  std::vector<FieldChange> changes;
  auto set = [&](const char* field, const std::string& value) {
    changes.push_back({field, value.empty() ? FieldChange::Op::Unset : FieldChange::Op::Set, {value}});
  };
  if (edit.title) {
    if (edit.title->empty()) {
      throw usage_error("a deal needs a title");
    }
    set("title", *edit.title);
  }
  if (edit.value) {
    set("value", money_text(*edit.value));
  }
  if (edit.currency) {
    set("currency", currency_code(*edit.currency));
  }
  if (edit.owner) {
    set("owner", edit.owner->empty() ? "" : ctx.store.find(user_kind(), *edit.owner).id);
  }
  if (edit.org) {
    set("org", *edit.org);
  }
  if (edit.kind) {
    set("kind", deal_kind_text(*edit.kind));
  }
  if (edit.note) {
    set("note", *edit.note);
  }
  if (edit.expected_close) {
    set("expected_close", format_utc(*edit.expected_close));
  }
  if (edit.probability) {
    if (d.get("status") != "open") {
      throw usage_error("deal " + d.id + " is " + d.get("status") + "; its probability is fixed");
    }
    set("probability", probability_text(*edit.probability));
  }
  return edit_record(ctx, tx, d, changes);
}

std::vector<Record> list_deals(const Store& store, const DealFilter& f) {
  std::vector<Record> out;
  for (auto& d : store.load_all(deal_kind())) {
    auto matches = [&](const std::string& wanted, const char* field) { return wanted.empty() || d.get(field) == wanted; };
    if (matches(f.stage, "stage") && matches(f.owner, "owner") && matches(f.contact, "contact") &&
        matches(f.kind, "kind") && matches(f.status, "status")) {
      out.push_back(std::move(d));
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Record& a, const Record& b) { return sooner_then_newer(a, b, "expected_close"); });
  return out;
}

std::vector<Record> contact_deals(const Store& store, const std::string& contact_id) {
  DealFilter f;
  f.contact = contact_id;
  auto out = list_deals(store, f);
  std::stable_sort(out.begin(), out.end(), [](const Record& a, const Record& b) {
    return a.created_at() > b.created_at();
  });
  return out;
}

long long deal_cents(const Record& deal) { return parse_money(deal.get("value")).value_or(0); }

void refresh_deal_state(Value& data) {
  if (const Value* history = data.find("history"); history && history->is_list()) {
    store_state(data, replay(*history));
  }
}

std::vector<std::string> deal_cached_field_names() { return {"stage", "status", "won", "lost", "lost_reason"}; }

std::vector<Problem> deal_consistency_problems(const Value& data, const std::string& shown_path) {
  std::vector<Problem> out;
  if (const Value* p = data.find("probability"); p && p->is_scalar()) {
    const std::string& t = p->text();
    bool digits = !t.empty() && t.size() <= 3 && t.find_first_not_of("0123456789") == std::string::npos;
    if (!digits || std::stoll(t) > 100) {
      out.push_back({shown_path, p->line(), "'probability': '" + t + "' is not a whole number from 0 to 100"});
    }
  }
  if (const Value* c = data.find("currency"); c && c->is_scalar() && !is_currency_code(c->text())) {
    out.push_back({shown_path, c->line(), "'currency': '" + c->text() + "' is not a currency code like EUR"});
  }
  const Value* history = data.find("history");
  if (!history || !history->is_list() || history->items().empty()) {
    out.push_back({shown_path, data.line(), "a deal needs a history that starts with 'created'"});
    return out;
  }
  cached_field_problems(data, cached(replay(*history, shown_path, &out)), shown_path, out);
  return out;
}

}  // namespace crm
