#include "calendar.hpp"

#include "error.hpp"
#include "suggest.hpp"

#include <date/tz.h>

#include <algorithm>
#include <cctype>

namespace crm {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;
using LocalDay = date::local_days;

const std::vector<std::string> k_day_names = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
const std::vector<std::string> k_calendar_keys = {"timezone", "hours", "holidays"};

// Opening periods never run for longer than this many days without a break
// in a calendar that has any hours; searches give up after it.
constexpr long long k_search_days = 3700;

LocalDay local_day(const BusinessCalendar& c, Timestamp t) {
  return date::floor<date::days>(c.zone->to_local(t));
}

Timestamp at(const BusinessCalendar& c, LocalDay day, int minute) {
  auto local = date::local_seconds(day) + minutes(minute);
  return std::chrono::time_point_cast<seconds>(c.zone->to_sys(local, date::choose::earliest));
}

// The opening periods of `day` as moments, in order.
std::vector<std::pair<Timestamp, Timestamp>> periods(const BusinessCalendar& c, LocalDay day) {
  std::vector<std::pair<Timestamp, Timestamp>> out;
  if (c.holidays.count(day.time_since_epoch().count())) {
    return out;
  }
  unsigned weekday = date::weekday(day).c_encoding();
  for (const auto& [start, end] : c.week[weekday]) {
    out.emplace_back(at(c, day, start), at(c, day, end));
  }
  return out;
}

long long day_total(const std::vector<std::pair<Timestamp, Timestamp>>& ps) {
  long long total = 0;
  for (const auto& [a, b] : ps) {
    total += (b - a).count();
  }
  return total;
}

bool has_hours(const BusinessCalendar& c) {
  return std::any_of(c.week.begin(), c.week.end(), [](const BusinessCalendar::Hours& h) { return !h.empty(); });
}

[[noreturn]] void no_hours(const BusinessCalendar& c) {
  throw data_error("calendar '" + c.name + "' has no opening hours in " + std::to_string(k_search_days) + " days");
}

int parse_clock(const std::string& s) {
  // "8:00", "08:00", "24:00"; -1 when malformed.
  auto colon = s.find(':');
  if (colon == std::string::npos || colon == 0 || colon > 2 || s.size() != colon + 3) {
    return -1;
  }
  // Digits around the one colon: "12::6" must not reach stoi.
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i != colon && !std::isdigit(static_cast<unsigned char>(s[i]))) {
      return -1;
    }
  }
  int h = std::stoi(s.substr(0, colon));
  int m = std::stoi(s.substr(colon + 1));
  if (m > 59 || h > 24 || (h == 24 && m != 0)) {
    return -1;
  }
  return h * 60 + m;
}

std::string trimmed(const std::string& s) {
  auto b = s.find_first_not_of(" \t");
  auto e = s.find_last_not_of(" \t");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// "mon", "mon-fri", "sat-sun" -> weekday indexes; empty when malformed.
std::vector<int> day_set(const std::string& key) {
  auto index = [](const std::string& name) {
    auto it = std::find(k_day_names.begin(), k_day_names.end(), name);
    return it == k_day_names.end() ? -1 : static_cast<int>(it - k_day_names.begin());
  };
  auto dash = key.find('-');
  if (dash == std::string::npos) {
    int i = index(key);
    return i < 0 ? std::vector<int>{} : std::vector<int>{i};
  }
  int from = index(key.substr(0, dash));
  int to = index(key.substr(dash + 1));
  if (from < 0 || to < 0) {
    return {};
  }
  std::vector<int> out;
  for (int d = from;; d = (d + 1) % 7) {
    out.push_back(d);
    if (d == to) {
      break;
    }
  }
  return out;
}

}  // namespace

BusinessCalendar::Hours parse_hours(const std::string& text, std::string& error) {
  BusinessCalendar::Hours out;
  std::string rest = text;
  while (!rest.empty()) {
    auto comma = rest.find(',');
    std::string part = trimmed(rest.substr(0, comma));
    rest = comma == std::string::npos ? "" : rest.substr(comma + 1);
    auto dash = part.find('-');
    int start = dash == std::string::npos ? -1 : parse_clock(trimmed(part.substr(0, dash)));
    int end = dash == std::string::npos ? -1 : parse_clock(trimmed(part.substr(dash + 1)));
    if (start < 0 || end < 0) {
      error = "'" + part + "' is not a time range like 08:00-12:00";
      return {};
    }
    if (end <= start) {
      error = "'" + part + "' ends before it starts";
      return {};
    }
    out.emplace_back(start, end);
  }
  std::sort(out.begin(), out.end());
  for (std::size_t i = 1; i < out.size(); ++i) {
    if (out[i].first < out[i - 1].second) {
      error = "the ranges in '" + text + "' overlap";
      return {};
    }
  }
  return out;
}

long long BusinessCalendar::business_seconds(Timestamp from, Timestamp to) const {
  if (to <= from) {
    return 0;
  }
  if (always) {
    return (to - from).count();
  }
  long long total = 0;
  for (LocalDay day = local_day(*this, from), last = local_day(*this, to); day <= last; day += date::days(1)) {
    for (const auto& [a, b] : periods(*this, day)) {
      Timestamp s = std::max(a, from);
      Timestamp e = std::min(b, to);
      if (e > s) {
        total += (e - s).count();
      }
    }
  }
  return total;
}

Timestamp BusinessCalendar::add_seconds(Timestamp from, long long secs) const {
  if (always) {
    return from + seconds(secs);
  }
  if (!has_hours(*this)) {
    no_hours(*this);
  }
  LocalDay day = local_day(*this, from);
  for (long long i = 0; i < k_search_days * 50; ++i, day += date::days(1)) {
    for (const auto& [a, b] : periods(*this, day)) {
      if (b <= from) {
        continue;
      }
      Timestamp start = std::max(a, from);
      long long available = (b - start).count();
      if (secs <= available) {
        return start + seconds(secs);
      }
      secs -= available;
    }
  }
  no_hours(*this);
}

Timestamp BusinessCalendar::add_days(Timestamp from, long long days) const {
  if (always) {
    return from + date::days(days);
  }
  if (!has_hours(*this)) {
    no_hours(*this);
  }
  // Where `from` sits in its business day (the end of a period counts as in it).
  LocalDay day = local_day(*this, from);
  long long offset = -1;
  for (long long i = 0; offset < 0; ++i, day += date::days(1)) {
    if (i > k_search_days) {
      no_hours(*this);
    }
    long long before = 0;
    for (const auto& [a, b] : periods(*this, day)) {
      if (from <= b) {
        offset = before + (from > a ? (from - a).count() : 0);
        break;
      }
      before += (b - a).count();
    }
  }
  day -= date::days(1);  // the loop stepped past the day it found
  for (long long moved = 0, i = 0; moved < days; ++i) {
    if (i > k_search_days * 50) {
      no_hours(*this);
    }
    day += date::days(1);
    if (!periods(*this, day).empty()) {
      ++moved;
    }
  }
  auto ps = periods(*this, day);
  offset = std::min(offset, day_total(ps));
  for (const auto& [a, b] : ps) {
    if (offset <= (b - a).count()) {
      return a + seconds(offset);
    }
    offset -= (b - a).count();
  }
  return ps.back().second;
}

Timestamp BusinessCalendar::add(Timestamp from, const Duration& span) const {
  if (always) {
    return from + seconds(span.wall_seconds());
  }
  Timestamp t = from;
  if (long long days = span.weeks * 5 + span.days; days > 0) {
    t = add_days(t, days);
  }
  long long secs = span.hours * 3600 + span.minutes * 60 + span.seconds;
  return secs > 0 ? add_seconds(t, secs) : t;
}

std::vector<std::pair<Timestamp, Timestamp>> BusinessCalendar::working_days(Timestamp from, Timestamp to) const {
  std::vector<std::pair<Timestamp, Timestamp>> out;
  if (to <= from) {
    return out;
  }
  for (LocalDay day = local_day(*this, from); ; day += date::days(1)) {
    Timestamp start = at(*this, day, 0);
    Timestamp end = at(*this, day + date::days(1), 0);
    if (end > to) {
      break;
    }
    if (start >= from && (always || !periods(*this, day).empty())) {
      out.emplace_back(start, end);
    }
  }
  return out;
}

BusinessCalendar weekdays_calendar(TimeZone zone) {
  BusinessCalendar c;
  c.name = "mon-fri";
  c.zone = zone;
  for (int weekday = 1; weekday <= 5; ++weekday) {
    c.week[static_cast<std::size_t>(weekday)] = {{0, 24 * 60}};
  }
  return c;
}

BusinessCalendar always_calendar(TimeZone zone) {
  BusinessCalendar c;
  c.name = "24x7";
  c.always = true;
  c.zone = zone;
  return c;
}

std::map<std::string, BusinessCalendar> parse_calendars(const Value& section, const ConfigReader& reader,
                                                        TimeZone default_zone) {
  std::map<std::string, BusinessCalendar> out;
  reader.map(section, "calendars");
  for (const auto& [name, v] : section.fields()) {
    std::string where = "calendars." + name;
    if (v.is_scalar()) {
      if (v.text() != "24x7") {
        reader.fail(v, where + ": '" + v.text() + "' is not a calendar (write 24x7, or timezone/hours/holidays)");
      }
      BusinessCalendar c = always_calendar(default_zone);
      c.name = name;
      out[name] = c;
      continue;
    }
    reader.map(v, where);
    BusinessCalendar c;
    c.name = name;
    c.zone = default_zone;
    if (const Value* tz = setting(v, "timezone")) {
      try {
        c.zone = find_zone(reader.scalar(*tz, where + ".timezone"));
      } catch (const Error& e) {
        reader.fail(*tz, e.what());
      }
    }
    const Value* hours = setting(v, "hours");
    if (!hours) {
      reader.fail(v, where + " needs 'hours' (e.g. mon-fri: \"08:00-12:00, 13:00-17:00\") or to be 24x7");
    }
    reader.map(*hours, where + ".hours");
    for (const auto& [days, range] : hours->fields()) {
      auto indexes = day_set(days);
      if (indexes.empty()) {
        reader.fail(range, where + ".hours: '" + days + "' is not a day (mon, tue, ... or a range such as mon-fri)" +
                               did_you_mean(days, k_day_names));
      }
      std::string error;
      auto parsed = range.is_null() ? BusinessCalendar::Hours{} : parse_hours(reader.scalar(range, days), error);
      if (!error.empty()) {
        reader.fail(range, where + ".hours." + days + ": " + error);
      }
      for (int d : indexes) {
        c.week[d] = parsed;
      }
    }
    if (!has_hours(c)) {
      reader.fail(*hours, where + " has no opening hours on any day");
    }
    if (const Value* holidays = setting(v, "holidays")) {
      for (const auto& text : reader.list(*holidays, where + ".holidays")) {
        // By hand: date::parse trips -Wmaybe-uninitialized inside date.h at -O2.
        // Digits everywhere but the two dashes: "----------" must not reach stoi.
        bool shaped = text.size() == 10;
        for (std::size_t i = 0; shaped && i < text.size(); ++i) {
          shaped = i == 4 || i == 7 ? text[i] == '-' : std::isdigit(static_cast<unsigned char>(text[i])) != 0;
        }
        date::year_month_day ymd = shaped ? date::year{std::stoi(text.substr(0, 4))} /
                                                date::month{static_cast<unsigned>(std::stoi(text.substr(5, 2)))} /
                                                date::day{static_cast<unsigned>(std::stoi(text.substr(8, 2)))}
                                          : date::year_month_day{};
        if (!shaped || !ymd.ok()) {
          reader.fail(*holidays, where + ".holidays: '" + text + "' is not a date like 2026-12-25");
        }
        c.holidays.insert(date::local_days(ymd).time_since_epoch().count());
      }
    }
    out[name] = c;
  }
  return out;
}

void calendar_problems(const Value& section, const ConfigReader& reader, std::vector<Problem>& out) {
  if (!section.is_map()) {
    return;
  }
  for (const auto& [name, v] : section.fields()) {
    reader.unknown_keys(v, k_calendar_keys, "calendars." + name + ".", out);
  }
}

}  // namespace crm
