#include "contact_view.hpp"

#include "cases.hpp"
#include "deals.hpp"
#include "feedback.hpp"

#include <algorithm>
#include <map>

namespace crm {
namespace {

// The running clocks of the open ones among `items` (cases and feedback).
std::vector<OpenTimer> open_timers(const Store& store, const std::vector<const std::vector<Record>*>& items,
                                   Timestamp now) {
  std::vector<OpenTimer> out;
  for (const auto* list : items) {
    for (const auto& item : *list) {
      if (item.get("status") == "closed") {
        continue;
      }
      for (auto& timer : case_timers(item.data, store.config(), now, item.kind->name)) {
        if (!timer.stopped) {
          out.push_back({item, std::move(timer)});
        }
      }
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const OpenTimer& a, const OpenTimer& b) {
    // Paused clocks (no due time) last.
    if (a.timer.due.has_value() != b.timer.due.has_value()) {
      return a.timer.due.has_value();
    }
    return a.timer.due && *a.timer.due < *b.timer.due;
  });
  return out;
}

}  // namespace

std::vector<LifetimeValue> lifetime_values(const std::vector<Record>& deals) {
  std::map<std::string, LifetimeValue> by_currency;
  for (const auto& d : deals) {
    if (d.get("status") == "won") {
      LifetimeValue& v = by_currency[d.get("currency")];
      v.currency = d.get("currency");
      ++v.deals;
      v.cents += deal_cents(d);
    }
  }
  std::vector<LifetimeValue> out;
  for (auto& [currency, v] : by_currency) {
    out.push_back(v);
  }
  return out;
}

ContactView contact_view(const Store& store, const std::string& contact_id, Timestamp now) {
  ContactView view;
  view.timeline = contact_timeline(store, contact_id);
  view.deals = contact_deals(store, contact_id);
  view.lifetime_value = lifetime_values(view.deals);
  for (auto& m : store.load_all(mission_kind())) {
    if (contains_folded(m.get("title"), contact_id) || contains_folded(m.get("description"), contact_id)) {
      view.missions.push_back(std::move(m));
    }
  }
  std::stable_sort(view.missions.begin(), view.missions.end(),
                   [](const Record& a, const Record& b) { return a.created_at() > b.created_at(); });
  CaseFilter cases;
  cases.statuses = {"all"};
  cases.contact = contact_id;
  view.cases = list_cases(store, cases);
  FeedbackFilter feedback;
  feedback.statuses = {"all"};
  feedback.contact = contact_id;
  view.feedback = list_feedback(store, feedback);
  view.timers = open_timers(store, {&view.cases, &view.feedback}, now);
  return view;
}

}  // namespace crm
