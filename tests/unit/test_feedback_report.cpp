// feedback_report: counts per group, open vs resolved, median time to resolution and the weekly trend.
#include "error.hpp"
#include "feedback_report.hpp"
#include "times.hpp"

#include <doctest/doctest.h>

#include <date/tz.h>

using namespace crm;

namespace {

Value entry(const std::string& at, const std::string& event) {
  Value e = Value::map();
  e.set("at", at);
  e.set("by", "olivia");
  e.set("event", event);
  return e;
}

// Feedback recorded at `opened`, then the `events` ("closed@TIME", "reopened@TIME").
Record feedback(const std::string& id, const std::string& opened, const std::string& source,
                const std::vector<std::string>& topics = {}, const std::vector<std::string>& events = {},
                const std::string& department = "water", const std::string& sentiment = "neutral") {
  Record r;
  r.kind = &feedback_kind();
  r.id = id;
  r.data = Value::map();
  r.data.set("id", id);
  r.data.set("source", source);
  r.data.set("sentiment", sentiment);
  r.data.set("topics", make_string_list(topics));
  r.data.set("department", department);
  r.data.set("opened", opened);
  Value history = Value::list();
  history.push_back(entry(opened, "opened"));
  std::string status = "new";
  for (const auto& e : events) {
    auto at = e.find('@');
    history.push_back(entry(e.substr(at + 1), e.substr(0, at)));
    status = e.substr(0, at) == "closed" ? "closed" : "new";
  }
  r.data.set("status", status);
  r.data.set("history", history);
  return r;
}

Period everything(Timestamp now) {
  return {"all", Timestamp::min(), now, true};
}

FeedbackReportOptions options(FeedbackGrouping by, const std::string& now = "2026-11-23T09:00:00Z") {
  FeedbackReportOptions o;
  o.now = utc(now);
  o.period = everything(o.now);
  o.by = by;
  o.zone = date::locate_zone("UTC");
  return o;
}

std::vector<std::string> groups(const FeedbackReport& r) {
  std::vector<std::string> out;
  for (const auto& row : r.rows) {
    out.push_back(row.group);
  }
  return out;
}

const FeedbackReportRow& row(const FeedbackReport& r, const std::string& group) {
  for (const auto& row : r.rows) {
    if (row.group == group) {
      return row;
    }
  }
  FAIL("no row " << group);
  return r.overall;
}

std::vector<std::string> week_names(const FeedbackReport& r) {
  std::vector<std::string> out;
  for (const auto& w : r.weeks) {
    out.push_back(w.name + " " + w.start);
  }
  return out;
}

using Counts = std::vector<long long>;

}  // namespace

TEST_CASE("median_of") {
  CHECK_FALSE(median_of({}).has_value());
  CHECK(*median_of({7}) == 7);
  SUBCASE("an odd count gives the middle value, whatever the order") {
    CHECK(*median_of({300, 100, 200}) == 200);
    CHECK(*median_of({5, 1, 1000, 2, 3}) == 3);
  }
  SUBCASE("an even count gives the mean of the middle two, rounded down") {
    CHECK(*median_of({100, 300}) == 200);
    CHECK(*median_of({4, 1, 2, 3}) == 2);  // (2 + 3) / 2
    CHECK(*median_of({10, 20, 30, 41}) == 25);
  }
}

TEST_CASE("feedback_grouping") {
  CHECK(feedback_grouping("") == FeedbackGrouping::None);
  CHECK(feedback_grouping("source") == FeedbackGrouping::Source);
  CHECK(feedback_grouping("topic") == FeedbackGrouping::Topic);
  CHECK(feedback_grouping("sentiment") == FeedbackGrouping::Sentiment);
  CHECK(feedback_grouping("department") == FeedbackGrouping::Department);
  CHECK_THROWS_AS(feedback_grouping("priority"), Error);
}

TEST_CASE("feedback_report counts recorded, open and resolved per group") {
  std::vector<Record> all = {
      feedback("F-1", "2026-11-16T10:00:00Z", "blog", {}, {"closed@2026-11-17T10:00:00Z"}),
      feedback("F-2", "2026-11-17T10:00:00Z", "social"),
      feedback("F-3", "2026-11-18T10:00:00Z", "blog"),
      feedback("F-4", "2026-11-19T10:00:00Z", "survey", {}, {"closed@2026-11-19T12:00:00Z"}),
      feedback("F-5", "2026-11-20T10:00:00Z", "blog", {}, {"closed@2026-11-20T11:00:00Z"}),
  };
  FeedbackReport r = feedback_report(all, options(FeedbackGrouping::Source));
  SUBCASE("sources come in the schema's order, only those with feedback") {
    CHECK(groups(r) == std::vector<std::string>{"blog", "social", "survey"});
  }
  SUBCASE("each group and the overall row") {
    const auto& blog = row(r, "blog");
    CHECK(blog.recorded == 3);
    CHECK(blog.open == 1);
    CHECK(blog.resolved == 2);
    CHECK(*blog.median_resolution_seconds == (86400 + 3600) / 2);  // 1d and 1h: even count
    CHECK(row(r, "social").resolved == 0);
    CHECK_FALSE(row(r, "social").median_resolution_seconds.has_value());
    CHECK(r.overall.group == "(all)");
    CHECK(r.overall.recorded == 5);
    CHECK(r.overall.open == 2);
    CHECK(r.overall.resolved == 3);
    CHECK(*r.overall.median_resolution_seconds == 7200);  // 1h, 2h, 1d: odd count
  }
  SUBCASE("without grouping there is only the overall row") {
    FeedbackReport none = feedback_report(all, options(FeedbackGrouping::None));
    CHECK(none.rows.empty());
    CHECK(none.overall.recorded == 5);
  }
}

TEST_CASE("feedback_report by topic counts feedback in each of its topics, none as (none)") {
  std::vector<Record> all = {
      feedback("F-1", "2026-11-16T10:00:00Z", "blog", {"rates", "app"}),
      feedback("F-2", "2026-11-17T10:00:00Z", "blog", {"rates"}),
      feedback("F-3", "2026-11-18T10:00:00Z", "blog"),
  };
  FeedbackReport r = feedback_report(all, options(FeedbackGrouping::Topic));
  CHECK(groups(r) == std::vector<std::string>{"app", "rates", "(none)"});
  CHECK(row(r, "rates").recorded == 2);
  CHECK(row(r, "app").recorded == 1);
  CHECK(row(r, "(none)").recorded == 1);
  CHECK(r.overall.recorded == 3);  // once each, however many topics
}

TEST_CASE("feedback_report by sentiment and by department") {
  std::vector<Record> all = {
      feedback("F-1", "2026-11-16T10:00:00Z", "blog", {}, {}, "water", "positive"),
      feedback("F-2", "2026-11-17T10:00:00Z", "blog", {}, {}, "product", "negative"),
      feedback("F-3", "2026-11-18T10:00:00Z", "blog", {}, {}, "water", "negative"),
  };
  CHECK(groups(feedback_report(all, options(FeedbackGrouping::Sentiment))) ==
        std::vector<std::string>{"negative", "positive"});
  FeedbackReport by_department = feedback_report(all, options(FeedbackGrouping::Department));
  CHECK(groups(by_department) == std::vector<std::string>{"product", "water"});
  CHECK(row(by_department, "water").recorded == 2);
  SUBCASE("one department only") {
    FeedbackReportOptions o = options(FeedbackGrouping::Sentiment);
    o.department = "water";
    FeedbackReport r = feedback_report(all, o);
    CHECK(r.overall.recorded == 2);
    CHECK(row(r, "negative").recorded == 1);
  }
}

TEST_CASE("feedback_report counts only feedback recorded in the period") {
  std::vector<Record> all = {
      feedback("F-1", "2026-11-01T10:00:00Z", "blog"),
      feedback("F-2", "2026-11-16T00:00:00Z", "blog"),
      feedback("F-3", "2026-11-22T23:59:59Z", "blog"),
      feedback("F-4", "2026-11-23T00:00:00Z", "blog"),
  };
  FeedbackReportOptions o = options(FeedbackGrouping::None);
  o.period = {"custom", utc("2026-11-16T00:00:00Z"), utc("2026-11-23T00:00:00Z"), false};
  FeedbackReport r = feedback_report(all, o);
  CHECK(r.overall.recorded == 2);  // the start is in, the end is out
  CHECK(week_names(r) == std::vector<std::string>{"2026-W47 2026-11-16"});
  CHECK(r.overall.weekly == Counts{2});
}

TEST_CASE("feedback_report takes status as of now: later closes, reopens and feedback do not count") {
  std::vector<Record> all = {
      feedback("F-1", "2026-11-16T10:00:00Z", "blog", {}, {"closed@2026-11-17T10:00:00Z"}),
      feedback("F-2", "2026-11-16T10:00:00Z", "blog", {},
               {"closed@2026-11-16T11:00:00Z", "reopened@2026-11-16T12:00:00Z"}),
      feedback("F-3", "2026-11-16T10:00:00Z", "blog", {},
               {"closed@2026-11-16T11:00:00Z", "reopened@2026-11-16T12:00:00Z", "closed@2026-11-16T14:00:00Z"}),
      feedback("F-4", "2026-11-18T10:00:00Z", "blog"),
  };
  FeedbackReport r = feedback_report(all, options(FeedbackGrouping::None, "2026-11-17T09:00:00Z"));
  CHECK(r.overall.recorded == 3);  // F-4 did not exist yet
  CHECK(r.overall.open == 2);      // F-1 closes later; F-2 was reopened
  CHECK(r.overall.resolved == 1);
  CHECK(*r.overall.median_resolution_seconds == 4 * 3600);  // F-3 from opening to its last close
}

TEST_CASE("feedback_report weeks are ISO weeks from Monday in the CRM's zone") {
  std::vector<Record> all = {
      feedback("F-1", "2026-11-02T10:00:00Z", "blog"),   // Monday of W45
      feedback("F-2", "2026-11-08T23:30:00Z", "blog"),   // Sunday night UTC: W45
      feedback("F-3", "2026-11-19T10:00:00Z", "sales"),  // W47
  };
  SUBCASE("from the first feedback to now, empty weeks included") {
    FeedbackReport r = feedback_report(all, options(FeedbackGrouping::Source));
    CHECK(week_names(r) == std::vector<std::string>{"2026-W45 2026-11-02", "2026-W46 2026-11-09", "2026-W47 2026-11-16",
                                                    "2026-W48 2026-11-23"});
    CHECK(r.weeks.front().number == 45);
    CHECK(r.overall.weekly == Counts{2, 0, 1, 0});
    CHECK(row(r, "blog").weekly == Counts{2, 0, 0, 0});
    CHECK(row(r, "sales").weekly == Counts{0, 0, 1, 0});
  }
  SUBCASE("in a zone ahead of UTC, Sunday 23:30 UTC is already Monday") {
    FeedbackReportOptions o = options(FeedbackGrouping::None);
    o.zone = date::locate_zone("Europe/Oslo");
    FeedbackReport r = feedback_report(all, o);
    CHECK(r.overall.weekly == Counts{1, 1, 1, 0});
  }
  SUBCASE("a given start shows its week even when it is empty") {
    FeedbackReportOptions o = options(FeedbackGrouping::None);
    o.period.since = utc("2026-10-28T00:00:00Z");  // a Wednesday of W44
    CHECK(feedback_report(all, o).overall.weekly == Counts{0, 2, 0, 1, 0});
  }
  SUBCASE("early January can be in the week 53 of the year before") {
    std::vector<Record> late = {feedback("F-9", "2027-01-02T10:00:00Z", "blog")};
    FeedbackReport r = feedback_report(late, options(FeedbackGrouping::None, "2027-01-05T00:00:00Z"));
    CHECK(week_names(r) == std::vector<std::string>{"2026-W53 2026-12-28", "2027-W01 2027-01-04"});
  }
  SUBCASE("no feedback and an open start: no weeks") {
    FeedbackReport r = feedback_report({}, options(FeedbackGrouping::Source));
    CHECK(r.weeks.empty());
    CHECK(r.rows.empty());
    CHECK(r.overall.recorded == 0);
    CHECK_FALSE(r.overall.median_resolution_seconds.has_value());
  }
}
