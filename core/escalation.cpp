#include "escalation.hpp"

#include "case_state.hpp"
#include "cases.hpp"
#include "edit.hpp"
#include "notifications.hpp"
#include "record_cache.hpp"

#include <algorithm>
#include <functional>

namespace crm {
namespace {

// The highest escalation level recorded for `target` since `since` (and,
// for a report as of an earlier time, until `until`).
int recorded_level(const Record& c, const std::string& target, Timestamp since,
                   std::optional<Timestamp> until = std::nullopt) {
  int level = 0;
  for (const auto& e : c.history().items()) {
    auto at = parse_stored_time(e.get("at"));
    if (e.get("event") == "escalated" && e.get("target") == target && at && *at >= since && (!until || *at <= *until)) {
      level = std::max(level, std::atoi(e.get("level").c_str()));
    }
  }
  return level;
}

bool warned(const Record& c, const std::string& target, Timestamp since) {
  for (const auto& e : c.history().items()) {
    auto at = parse_stored_time(e.get("at"));
    if (e.get("event") == "due-soon" && e.get("target") == target && at && *at >= since) {
      return true;
    }
  }
  return false;
}

// The level a breached clock has reached: 1 at the due time, one more for
// each further `every` of business time, up to the chain's length.
int level_reached(const CaseTimer& t, const EscalationRule& rule, const BusinessCalendar& cal, Timestamp now) {
  int level = 0;
  Timestamp threshold = *t.due;
  while (level < static_cast<int>(rule.chain.size()) && now > threshold) {
    ++level;
    threshold = cal.add(threshold, rule.every);
  }
  return level;
}

// The users a chain step names for case `c`.
std::vector<std::string> step_users(const Store& store, const Record& c, const std::string& step) {
  const std::string& handler = c.get("handler");
  const std::string& department = c.get("department");
  if (step == "handler") {
    return handler.empty() ? department_audience(store, department) : std::vector<std::string>{handler};
  }
  if (step == "manager") {
    std::string m = handler.empty() ? "" : manager_of(store, handler);
    if (m.empty() && store.exists(department_kind(), department)) {
      m = store.load(department_kind(), department).get("manager");
    }
    return m.empty() ? std::vector<std::string>{} : std::vector<std::string>{m};
  }
  if (step.compare(0, 5, "user:") == 0) {
    std::string u = step.substr(5);
    return store.exists(user_kind(), u) ? std::vector<std::string>{u} : std::vector<std::string>{};
  }
  std::string role = step.compare(0, 5, "role:") == 0 ? step.substr(5) : step;
  std::vector<std::string> in_department, anywhere;
  for (const auto& u : store.load_all(user_kind())) {
    if (u.get("role") == role) {
      anywhere.push_back(u.id);
      if (u.get("department") == department) {
        in_department.push_back(u.id);
      }
    }
  }
  return in_department.empty() ? anywhere : in_department;
}

std::string verb_for(const std::string& target) {
  return target == "acknowledge" ? "acknowledged" : target == "resolve" ? "resolved" : "updated";
}

// The running clocks `wanted` picks, with their cases reduced to the scalar
// fields reports show: a report over a big CRM holds only what it prints.
std::vector<OverdueItem> open_case_clocks(const Store& store, Timestamp now,
                                          const std::function<bool(const CaseTimer&)>& wanted) {
  std::vector<OverdueItem> out;
  for_each_work_item(store, now, [&](Record&& c) {
    // Cases closed later count too: as of an earlier time they were still open.
    std::size_t first = out.size();
    for (auto& t : case_timers(c.data, store.config(), now, c.kind->name)) {
      if (t.running() && wanted(t)) {
        out.push_back({Record(), t, recorded_level(c, t.target, t.started, now)});
      }
    }
    if (out.size() > first) {
      Record slim;
      slim.kind = c.kind;
      slim.id = c.id;
      slim.path = c.path;
      slim.data = record_summary(c.data);
      for (std::size_t i = first; i < out.size(); ++i) {
        out[i].record = slim;
      }
    }
  });
  return out;
}

}  // namespace

std::vector<OverdueItem> overdue_cases(const Store& store, Timestamp now) {
  auto out = open_case_clocks(store, now, [](const CaseTimer& t) { return t.breached(); });
  std::stable_sort(out.begin(), out.end(), [](const OverdueItem& a, const OverdueItem& b) {
    if (a.timer.late_wall_seconds != b.timer.late_wall_seconds) {
      return a.timer.late_wall_seconds > b.timer.late_wall_seconds;
    }
    return a.record.id != b.record.id ? a.record.id < b.record.id : a.timer.target < b.timer.target;
  });
  return out;
}

std::vector<OverdueItem> cases_due_soon(const Store& store, Timestamp now, const Duration& within) {
  auto out = open_case_clocks(store, now, [&](const CaseTimer& t) {
    BusinessCalendar cal = store.config().calendar(t.calendar == "24x7" ? "" : t.calendar);
    return t.due && *t.due >= now && *t.due <= cal.add(now, within);
  });
  std::stable_sort(out.begin(), out.end(), [](const OverdueItem& a, const OverdueItem& b) {
    return *a.timer.due != *b.timer.due ? *a.timer.due < *b.timer.due : a.record.id < b.record.id;
  });
  return out;
}

std::vector<EscalationAction> escalate(const Context& ctx, Transaction& tx) {
  const Store& store = ctx.store;
  std::vector<EscalationAction> actions;
  for (auto& c : load_work_items(store, ctx.now)) {
    if (c.get("status") == "closed") {
      continue;
    }
    bool changed = false;
    const EscalationRule& rule = store.config().escalation.rule_for(c.get("department"));
    for (const auto& t : case_timers(c.data, store.config(), ctx.now, c.kind->name)) {
      if (!t.running()) {
        continue;
      }
      BusinessCalendar cal = store.config().calendar(t.calendar == "24x7" ? "" : t.calendar);
      EscalationAction action;
      action.case_id = c.id;
      action.target = t.target;
      std::vector<std::string> users;
      Value entry = history_event(ctx, "");
      entry.set("target", t.target);
      if (t.breached()) {
        int level = level_reached(t, rule, cal, ctx.now);
        int recorded = recorded_level(c, t.target, t.started);
        if (level <= recorded) {
          continue;
        }
        action.event = "escalated";
        action.level = level;
        // When cron missed a level (it was not running), everyone up to the
        // level reached is told: nobody in the chain is skipped.
        std::vector<std::string> at_level;
        std::string steps;
        for (int l = recorded + 1; l <= level; ++l) {
          const std::string& step = rule.chain[static_cast<std::size_t>(l - 1)];
          steps += (steps.empty() ? "" : ", ") + step;
          for (const auto& u : step_users(store, c, step)) {
            if (std::find(at_level.begin(), at_level.end(), u) == at_level.end()) {
              at_level.push_back(u);
            }
          }
        }
        users = at_level;
        users.push_back(c.get("handler"));
        auto office = office_audience(store, requester_of(c));
        users.insert(users.end(), office.begin(), office.end());
        std::string levels = level == recorded + 1
                                 ? "level " + std::to_string(level)
                                 : "levels " + std::to_string(recorded + 1) + "-" + std::to_string(level);
        action.message = "dropped ball: " + c.kind->name + " " + c.id + " was due to be " + verb_for(t.target) + " " +
                         format_seconds(t.late_wall_seconds) + " ago (" + format_business_seconds(t.late_seconds) +
                         " of business time); escalated to " + levels + " (" + steps + "): " + c.get("title");
        entry.set("level", std::to_string(level));
        std::string to;
        for (const auto& u : at_level) {
          to += (to.empty() ? "" : ", ") + u;
        }
        entry.set("to", to);
      } else if (t.warn_percent && t.allowed_seconds > 0 &&
                 t.used_seconds * 100 >= static_cast<long long>(*t.warn_percent) * t.allowed_seconds &&
                 !warned(c, t.target, t.started)) {
        action.event = "due-soon";
        users = c.get("handler").empty() ? department_audience(store, c.get("department"))
                                         : std::vector<std::string>{c.get("handler")};
        action.message = "due soon: " + c.kind->name + " " + c.id + " is due to be " + verb_for(t.target) + " by " +
                         format_local(*t.due, cal.zone) + ": " + c.get("title");
      } else {
        continue;
      }
      entry.set("event", action.event);
      entry.set("note", action.message);
      c.data.find("history")->push_back(entry);
      // The escalation is the system's, not the actor's: everyone concerned is told.
      Context system{ctx.store, "", ctx.now};
      action.notified = notify(system, tx, users, c.kind->name + "-" + action.event, c.id, action.message);
      actions.push_back(action);
      changed = true;
    }
    if (changed) {
      c.data = canonical(*c.kind, c.data);
      tx.put(std::move(c));
    }
  }
  return actions;
}

}  // namespace crm
