#include "case_timers.hpp"

namespace crm {
namespace {

// The running periods of one clock, replayed from a case's history.
struct Clock {
  std::vector<std::pair<Timestamp, Timestamp>> done;  // closed running periods
  std::optional<Timestamp> running_since;
  std::optional<Timestamp> started;  // start of the current round
  std::optional<Timestamp> stopped;
  std::optional<Timestamp> paused_since;
  long long paused_seconds = 0;

  void restart(Timestamp t) {
    done.clear();
    started = t;
    running_since = t;
    stopped.reset();
    paused_since.reset();
    paused_seconds = 0;
  }
  void pause(Timestamp t) {
    if (running_since) {
      done.emplace_back(*running_since, t);
      running_since.reset();
      paused_since = t;
    }
  }
  void resume(Timestamp t) {
    if (paused_since && !stopped) {
      paused_seconds += (t - *paused_since).count();
      paused_since.reset();
      running_since = t;
    }
  }
  void stop(Timestamp t) {
    if (!started || stopped) {
      return;
    }
    if (running_since) {
      done.emplace_back(*running_since, t);
      running_since.reset();
    }
    if (paused_since) {
      paused_seconds += (t - *paused_since).count();
      paused_since.reset();
    }
    stopped = t;
  }
};

// Events that show someone is working on the case (for the update clock).
bool is_activity(const std::string& event) {
  return event == "opened" || event == "acknowledged" || event == "forwarded" || event == "updated" ||
         event == "waiting" || event == "resumed" || event == "reopened" || event == "call-added" ||
         event == "routed";
}

CaseTimer evaluate(const std::string& target, const Clock& clock, const Duration& span, const BusinessCalendar& cal,
                   std::optional<int> warn, Timestamp now) {
  CaseTimer t;
  t.target = target;
  t.calendar = cal.name;
  t.started = *clock.started;
  t.stopped = clock.stopped;
  t.paused = !clock.stopped && clock.paused_since.has_value();
  t.warn_percent = warn;
  t.paused_seconds = clock.paused_seconds + (t.paused ? (now - *clock.paused_since).count() : 0);
  t.allowed_seconds = cal.business_seconds(t.started, cal.add(t.started, span));
  long long used = 0;
  for (const auto& [a, b] : clock.done) {
    used += cal.business_seconds(a, b);
  }
  Timestamp end = clock.stopped ? *clock.stopped : now;
  if (clock.running_since) {
    used += cal.business_seconds(*clock.running_since, end);
  }
  t.used_seconds = used;
  if (t.paused) {
    t.late_seconds = std::max(0LL, used - t.allowed_seconds);
    return t;
  }
  // The due time is where the allowance runs out, counting from the last
  // period the clock ran in (earlier periods used their share).
  long long before_last = 0;
  Timestamp last_start = t.started;
  if (clock.running_since) {
    last_start = *clock.running_since;
    before_last = used - cal.business_seconds(last_start, end);
  } else if (!clock.done.empty()) {
    last_start = clock.done.back().first;
    before_last = used - cal.business_seconds(clock.done.back().first, clock.done.back().second);
  }
  long long left = t.allowed_seconds - before_last;
  t.due = left >= 0 ? cal.add_seconds(last_start, left) : last_start;
  if (end > *t.due) {
    t.late_seconds = cal.business_seconds(*t.due, end);
    t.late_wall_seconds = (end - *t.due).count();
  }
  return t;
}

}  // namespace

std::vector<CaseTimer> case_timers(const Value& data, const Config& config, Timestamp now, const std::string& kind) {
  SlaTargets targets =
      config.sla.targets_for(data.get("priority"), data.get("department"), kind, data.get("sentiment"));
  BusinessCalendar cal = config.calendar(targets.calendar);
  Clock ack, update, resolve;
  bool closed = false;
  const Value* history = data.find("history");
  if (history && history->is_list()) {
    for (const auto& entry : history->items()) {
      auto at = parse_stored_time(entry.get("at"));
      if (!at) {
        continue;
      }
      if (*at > now) {
        break;  // a report as of an earlier time sees the case as it was then
      }
      const std::string& event = entry.get("event");
      if (event == "opened") {
        ack.restart(*at);
        resolve.restart(*at);
      } else if (event == "acknowledged") {
        ack.stop(*at);
      } else if (event == "forwarded" && entry.get("handler").empty()) {
        ack.restart(*at);  // back in a queue: someone must pick it up again
      } else if (event == "waiting") {
        resolve.pause(*at);
      } else if (event == "resumed") {
        resolve.resume(*at);
      } else if (event == "closed") {
        closed = true;
        ack.stop(*at);
        resolve.stop(*at);
        update.stop(*at);
      } else if (event == "reopened") {
        closed = false;
        resolve.restart(*at);
        if (entry.get("to") == "new") {
          ack.restart(*at);
        }
      }
      if (is_activity(event) && !closed) {
        update.restart(*at);
        if (event == "waiting") {
          update.pause(*at);
        }
      }
    }
  }
  std::vector<CaseTimer> out;
  auto add = [&](const char* name, const Clock& clock, const std::optional<Duration>& span) {
    if (span && clock.started) {
      out.push_back(evaluate(name, clock, *span, cal, targets.warn_percent, now));
    }
  };
  add("acknowledge", ack, targets.acknowledge);
  if (!closed) {
    add("update", update, targets.update);
  }
  add("resolve", resolve, targets.resolve);
  return out;
}

std::string final_close_time(const Value& data) {
  std::string at;
  std::optional<Timestamp> previous;
  const Value* history = data.find("history");
  if (history && history->is_list()) {
    for (const auto& entry : history->items()) {
      // case_timers stops at the first entry after `now`: out of order, it may never see the close.
      auto when = parse_stored_time(entry.get("at"));
      if (!when || (previous && *when < *previous)) {
        return "";
      }
      previous = when;
      const std::string& event = entry.get("event");
      if (event == "closed") {
        at = entry.get("at");
      } else if (event == "reopened") {
        at.clear();
      }
    }
  }
  return at;
}

}  // namespace crm
