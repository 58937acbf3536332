#include "timestamp.hpp"

#include "error.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <cctype>
#include <cstdlib>
#include <sstream>

namespace crm {
namespace {

using namespace std::chrono;

bool all_digits(const std::string& s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) {
    return false;
  }
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) {
      return false;
    }
  }
  return true;
}

int number_at(const std::string& s, std::size_t pos, std::size_t n) {
  return std::stoi(s.substr(pos, n));
}

struct LocalParts {
  date::year_month_day day;
  seconds time_of_day{0};
  std::optional<seconds> offset;  // present when the text named UTC or an offset
};

// Parses YYYY-MM-DD[( |T)HH:MM[:SS]][Z|(+|-)HH[:]MM].
std::optional<LocalParts> parse_calendar_text(const std::string& s) {
  if (!all_digits(s, 0, 4) || s.size() < 10 || s[4] != '-' || !all_digits(s, 5, 2) || s[7] != '-' ||
      !all_digits(s, 8, 2)) {
    return std::nullopt;
  }
  LocalParts parts;
  parts.day = date::year{number_at(s, 0, 4)} / number_at(s, 5, 2) / number_at(s, 8, 2);
  if (!parts.day.ok()) {
    return std::nullopt;
  }
  std::size_t pos = 10;
  if (pos == s.size()) {
    return parts;
  }
  if ((s[pos] != 'T' && s[pos] != ' ') || !all_digits(s, pos + 1, 2) || pos + 3 >= s.size() ||
      s[pos + 3] != ':' || !all_digits(s, pos + 4, 2)) {
    return std::nullopt;
  }
  int h = number_at(s, pos + 1, 2);
  int m = number_at(s, pos + 4, 2);
  int sec = 0;
  pos += 6;
  if (pos < s.size() && s[pos] == ':') {
    if (!all_digits(s, pos + 1, 2)) {
      return std::nullopt;
    }
    sec = number_at(s, pos + 1, 2);
    pos += 3;
  }
  if (h > 23 || m > 59 || sec > 59) {
    return std::nullopt;
  }
  parts.time_of_day = hours{h} + minutes{m} + seconds{sec};
  if (pos == s.size()) {
    return parts;
  }
  if (s[pos] == 'Z' && pos + 1 == s.size()) {
    parts.offset = seconds{0};
    return parts;
  }
  if ((s[pos] == '+' || s[pos] == '-') && all_digits(s, pos + 1, 2)) {
    int sign = s[pos] == '-' ? -1 : 1;
    int oh = number_at(s, pos + 1, 2);
    std::size_t mpos = pos + 3;
    if (mpos < s.size() && s[mpos] == ':') {
      ++mpos;
    }
    int om = 0;
    if (mpos < s.size()) {
      if (!all_digits(s, mpos, 2) || mpos + 2 != s.size()) {
        return std::nullopt;
      }
      om = number_at(s, mpos, 2);
    }
    if (oh > 23 || om > 59) {
      return std::nullopt;
    }
    parts.offset = sign * (hours{oh} + minutes{om});
    return parts;
  }
  return std::nullopt;
}

// Local midnight plus `tod` on `day` in `zone`; a time skipped by a DST
// change moves forward, an ambiguous one takes the earlier instant.
Timestamp from_local(date::year_month_day day, seconds tod, TimeZone zone) {
  auto local = date::local_days{day} + tod;
  // For a skipped time, `first` is the offset before the gap, which moves the
  // moment forward; for an ambiguous one it is the earlier of the two.
  auto info = zone->get_info(local);
  return Timestamp{local.time_since_epoch() - info.first.offset};
}

date::year_month_day local_day(Timestamp t, TimeZone zone) {
  auto local = date::make_zoned(zone, t).get_local_time();
  return date::year_month_day{date::floor<date::days>(local)};
}

std::string lower(std::string s) {
  for (auto& c : s) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return s;
}

}  // namespace

Timestamp system_now() {
  return date::floor<seconds>(system_clock::now());
}

std::string format_utc(Timestamp t) {
  return date::format("%Y-%m-%dT%H:%M:%SZ", t);
}

std::optional<Timestamp> parse_stored_time(const std::string& text) {
  auto parts = parse_calendar_text(text);
  if (!parts || !parts->offset) {
    return std::nullopt;
  }
  return Timestamp{date::sys_days{parts->day}.time_since_epoch() + parts->time_of_day - *parts->offset};
}

TimeZone find_zone(const std::string& name) {
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    throw usage_error("unknown time zone '" + name + "' (expected an IANA name such as Europe/Berlin)");
  }
}

TimeZone default_zone() {
  if (const char* tz = std::getenv("TZ"); tz && *tz) {
    std::string name = tz[0] == ':' ? tz + 1 : tz;
    try {
      return date::locate_zone(name);
    } catch (const std::exception&) {
      // fall through to the system zone
    }
  }
  try {
    return date::current_zone();
  } catch (const std::exception&) {
    return date::locate_zone("UTC");
  }
}

std::string format_local(Timestamp t, TimeZone zone) {
  return date::format("%Y-%m-%d %H:%M", date::make_zoned(zone, t));
}

std::string format_local_date(Timestamp t, TimeZone zone) {
  return date::format("%Y-%m-%d", date::make_zoned(zone, t));
}

Timestamp parse_user_time(const std::string& input, Timestamp now, TimeZone zone) {
  std::string text = lower(input);
  while (!text.empty() && text.back() == ' ') {
    text.pop_back();
  }
  auto bad = [&] {
    return usage_error("cannot read time '" + input +
                       "' (try 2026-11-23T09:30:00Z, '2026-11-23 09:30', 2026-11-23, today, -2h or '3d ago')");
  };
  if (text == "now") {
    return now;
  }
  if (text == "today" || text == "yesterday" || text == "tomorrow") {
    auto day = date::sys_days{local_day(now, zone)};
    day += date::days{text == "yesterday" ? -1 : text == "tomorrow" ? 1 : 0};
    return from_local(date::year_month_day{day}, seconds{0}, zone);
  }
  if (auto parts = parse_calendar_text(input)) {
    if (parts->offset) {
      return Timestamp{date::sys_days{parts->day}.time_since_epoch() + parts->time_of_day - *parts->offset};
    }
    return from_local(parts->day, parts->time_of_day, zone);
  }
  // Relative: [+-]DURATION or DURATION ago.
  int sign = 1;
  std::string span = text;
  const std::string ago = " ago";
  if (span.size() > ago.size() && span.compare(span.size() - ago.size(), ago.size(), ago) == 0) {
    span.erase(span.size() - ago.size());
    sign = -1;
  } else if (!span.empty() && (span[0] == '-' || span[0] == '+')) {
    sign = span[0] == '-' ? -1 : 1;
    span.erase(0, 1);
  } else {
    throw bad();
  }
  auto d = parse_duration(span);
  if (!d) {
    throw bad();
  }
  return now + seconds{sign * d->wall_seconds()};
}

long long Duration::wall_seconds() const {
  return seconds + 60 * (minutes + 60 * (hours + 24 * (days + 7 * weeks)));
}

bool Duration::operator==(const Duration& o) const {
  return weeks == o.weeks && days == o.days && hours == o.hours && minutes == o.minutes && seconds == o.seconds;
}

std::optional<Duration> parse_duration(const std::string& text) {
  Duration d;
  std::size_t i = 0;
  bool any = false;
  constexpr long long k_limit = 1'000'000'000;
  while (i < text.size()) {
    if (text[i] == ' ') {
      ++i;
      continue;
    }
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
      return std::nullopt;
    }
    long long n = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      n = n * 10 + (text[i] - '0');
      if (n > k_limit) {
        return std::nullopt;
      }
      ++i;
    }
    if (i == text.size()) {
      return std::nullopt;
    }
    long long* unit = nullptr;
    switch (text[i]) {
      case 'w': unit = &d.weeks; break;
      case 'd': unit = &d.days; break;
      case 'h': unit = &d.hours; break;
      case 'm': unit = &d.minutes; break;
      case 's': unit = &d.seconds; break;
      default: return std::nullopt;
    }
    // The limit holds for a unit's total too ("9h 9h" is 18h), so that the
    // canonical form reads back and wall_seconds() cannot overflow.
    *unit += n;
    if (*unit > k_limit) {
      return std::nullopt;
    }
    ++i;
    any = true;
  }
  if (!any) {
    return std::nullopt;
  }
  return d;
}

std::string format_duration(const Duration& d) {
  std::string out;
  auto part = [&](long long n, char unit) {
    if (n) {
      out += std::to_string(n) + unit;
    }
  };
  part(d.weeks, 'w');
  part(d.days, 'd');
  part(d.hours, 'h');
  part(d.minutes, 'm');
  part(d.seconds, 's');
  return out.empty() ? "0m" : out;
}

namespace {

// "1d2h" (days as the largest unit) or "26h" (hours as the largest unit).
std::string format_span(long long total, bool with_days) {
  std::string sign = total < 0 ? "-" : "";
  total = total < 0 ? -total : total;
  Duration d;
  d.days = with_days ? total / 86400 : 0;
  d.hours = with_days ? total / 3600 % 24 : total / 3600;
  d.minutes = total / 60 % 60;
  d.seconds = total % 60;
  return sign + format_duration(d);
}

}  // namespace

std::string format_seconds(long long total) { return format_span(total, true); }

std::string format_business_seconds(long long total) { return format_span(total, false); }

}  // namespace crm
