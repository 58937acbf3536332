// Routing and service levels of feedback: the applies_to, sources, topics and
// sentiments criteria of routing rules, and the kind and sentiment layers of
// the sla policy.
#include "config.hpp"
#include "config_error.hpp"
#include "error.hpp"
#include "feedback.hpp"
#include "routing.hpp"
#include "sla.hpp"
#include "yaml_io.hpp"

#include <doctest/doctest.h>

using namespace crm;

namespace {

using Words = std::vector<std::string>;

// A feedback subject: anonymous unless `contact_kind` is given.
RoutingSubject feedback(const std::string& source, const std::string& sentiment, Words topics,
                        const std::string& text = "", const std::string& contact_kind = "") {
  RoutingSubject s;
  s.record = "feedback";
  s.contact_kind = contact_kind;
  s.title = text;
  s.source = source;
  s.sentiment = sentiment;
  s.topics = std::move(topics);
  return s;
}

RoutingSubject a_case(const std::string& title, const std::string& contact_kind = "citizen", Words tags = {}) {
  RoutingSubject s;
  s.contact_kind = contact_kind;
  s.tags = std::move(tags);
  s.title = title;
  return s;
}

// "department (reason)", or "" when nothing routes the subject.
std::string routed(const Routing& routing, const RoutingSubject& subject) {
  auto choice = route(routing, subject);
  return choice ? choice->department + " (" + choice->reason + ")" : "";
}

std::string text_of(const std::optional<Duration>& d) { return d ? format_duration(*d) : "(unset)"; }

// "calendar ack/update/resolve warn" of a layered target.
std::string summary(const SlaTargets& t) {
  return (t.calendar.empty() ? "(none)" : t.calendar) + " " + text_of(t.acknowledge) + "/" + text_of(t.update) +
         "/" + text_of(t.resolve) + " " + (t.warn_percent ? std::to_string(*t.warn_percent) + "%" : "-");
}

}  // namespace

TEST_CASE("parse_routing reads applies_to, sources, topics and sentiments") {
  Config c = load_config(
      "routing:\n"                                 // 1
      "  default: support\n"                       // 2
      "  rules:\n"                                 // 3
      "    - department: product\n"                // 4
      "      applies_to: [feedback]\n"             // 5
      "      sources: [blog, social]\n"            // 6
      "      sentiments: [negative]\n"             // 7
      "    - department: sales\n"                  // 8
      "      applies_to: case\n"                   // 9
      "      topics: widget\n"                     // 10
      "    - department: web\n"                    // 11
      "      topics: [site, checkout]\n"           // 12
      "      sentiments: [neutral, positive]\n"    // 13
      "      applies_to: [case, feedback]\n"       // 14
      "      sources: [web-stats, survey]\n",      // 15
      "crm.yaml");
  const Routing& r = c.routing;
  REQUIRE(r.rules.size() == 3);
  CHECK(r.default_department == "support");

  CHECK(r.rules[0].department == "product");
  CHECK(r.rules[0].line == 4);
  CHECK(r.rules[0].applies_to == Words{"feedback"});
  CHECK(r.rules[0].sources == Words{"blog", "social"});
  CHECK(r.rules[0].sentiments == Words{"negative"});
  CHECK(r.rules[0].topics.empty());
  CHECK(r.rules[0].words.empty());

  // A single value is a list of one.
  CHECK(r.rules[1].line == 8);
  CHECK(r.rules[1].applies_to == Words{"case"});
  CHECK(r.rules[1].topics == Words{"widget"});
  CHECK(r.rules[1].sources.empty());
  CHECK(r.rules[1].sentiments.empty());

  CHECK(r.rules[2].line == 11);
  CHECK(r.rules[2].topics == Words{"site", "checkout"});
  CHECK(r.rules[2].sentiments == Words{"neutral", "positive"});
  CHECK(r.rules[2].applies_to == Words{"case", "feedback"});
  CHECK(r.rules[2].sources == Words{"web-stats", "survey"});

  // None of the new keys is unknown to `crm check`.
  CHECK(config_problems(c, "crm.yaml").empty());
}

TEST_CASE("parse_routing accepts a rule with only one of the feedback criteria") {
  for (const char* criterion : {"applies_to: feedback", "sources: [sales]", "topics: [pricing]",
                                "sentiments: positive"}) {
    CAPTURE(criterion);
    Routing r =
        load_config(std::string("routing:\n  rules:\n    - department: x\n      ") + criterion + "\n", "crm.yaml")
            .routing;
    REQUIRE(r.rules.size() == 1);
    CHECK(r.rules[0].line == 3);
  }
}

TEST_CASE("parse_routing rejects unknown applies_to, sources and sentiments with the line") {
  CHECK(config_error("routing:\n"
                     "  rules:\n"
                     "    - department: product\n"
                     "      sources: [blog, twitter]\n") ==
        "crm.yaml:4: sources: 'twitter' is not one of blog, social, web-stats, sales, support, survey, other");
  CHECK(config_error("timezone: UTC\n"
                     "routing:\n"
                     "  rules:\n"
                     "    - department: product\n"
                     "      words: [widget]\n"
                     "      sentiments: [negativ]\n") ==
        "crm.yaml:6: sentiments: 'negativ' is not one of negative, neutral, positive (did you mean 'negative'?)");
  CHECK(config_error("routing:\n"
                     "  rules:\n"
                     "    - department: product\n"
                     "      words: [widget]\n"
                     "    - department: sales\n"
                     "      applies_to: [cases]\n") ==
        "crm.yaml:6: applies_to: 'cases' is not one of case, feedback (did you mean 'case'?)");
  // The second rule's problem is reported, not the first's line.
  CHECK(config_error("routing:\n"
                     "  rules:\n"
                     "    - department: product\n"
                     "      sources: blog\n"
                     "    - department: web\n"
                     "      sources: web_stats\n") ==
        "crm.yaml:6: sources: 'web_stats' is not one of blog, social, web-stats, sales, support, survey, other "
        "(did you mean 'web-stats'?)");
  // Values are case-sensitive, like every other fixed choice.
  CHECK(config_error("routing:\n  rules:\n    - department: p\n      sentiments: Negative\n") ==
        "crm.yaml:4: sentiments: 'Negative' is not one of negative, neutral, positive (did you mean 'negative'?)");
  // Shapes: empty lists and nested values are refused like the other criteria.
  CHECK(config_error("routing:\n  rules:\n    - department: p\n      topics: []\n") ==
        "crm.yaml:4: 'topics' must not be empty");
  CHECK(config_error("routing:\n  rules:\n    - department: p\n      sources: []\n") ==
        "crm.yaml:4: 'sources' must not be empty");
  CHECK(config_error("routing:\n  rules:\n    - department: p\n      applies_to: {feedback: 1}\n") ==
        "crm.yaml:4: 'applies_to' must be a list, e.g. [a, b]");
}

TEST_CASE("config_problems flags misspelt feedback criteria") {
  Config c;
  c.raw = parse_yaml(
      "routing:\n"                    // 1
      "  rules:\n"                    // 2
      "    - department: product\n"   // 3
      "      source: [blog]\n"        // 4
      "      sentiment: negative\n"   // 5
      "      applies-to: feedback\n", // 6
      "crm.yaml");
  std::vector<std::string> got;
  for (const auto& p : config_problems(c, "crm.yaml")) {
    got.push_back(p.text());
  }
  CHECK(got == std::vector<std::string>{
                   "crm.yaml:4: unknown key 'routing.rules: source' (did you mean 'sources'?)",
                   "crm.yaml:5: unknown key 'routing.rules: sentiment' (did you mean 'sentiments'?)",
                   "crm.yaml:6: unknown key 'routing.rules: applies-to' (did you mean 'applies_to'?)"});
}

TEST_CASE("route matches feedback by source, topic, sentiment and words") {
  Routing r = load_config(
                  "routing:\n"                              // 1
                  "  rules:\n"                              // 2
                  "    - department: product\n"             // 3
                  "      applies_to: [feedback]\n"
                  "      sources: [blog, social]\n"
                  "      sentiments: [negative]\n"
                  "    - department: sales\n"               // 7
                  "      topics: [pricing, discount]\n"
                  "    - department: web\n"                 // 9
                  "      sources: [web-stats]\n"
                  "    - department: quality\n"             // 11
                  "      words: [broken, crack*]\n",
                  "crm.yaml")
                  .routing;
  const std::string product = "product (routing rule 1 (crm.yaml line 3))";
  const std::string sales = "sales (routing rule 2 (crm.yaml line 7))";
  const std::string web = "web (routing rule 3 (crm.yaml line 9))";
  const std::string quality = "quality (routing rule 4 (crm.yaml line 11))";

  SUBCASE("every criterion must match, any value of one does") {
    CHECK(routed(r, feedback("blog", "negative", {})) == product);
    CHECK(routed(r, feedback("social", "negative", {"widget"})) == product);
    CHECK(routed(r, feedback("blog", "neutral", {})).empty());
    CHECK(routed(r, feedback("blog", "positive", {})).empty());
    CHECK(routed(r, feedback("survey", "negative", {})).empty());
    CHECK(routed(r, feedback("web-stats", "negative", {})) == web);
  }
  SUBCASE("any of the feedback's topics may match one of the rule's") {
    CHECK(routed(r, feedback("sales", "neutral", {"pricing"})) == sales);
    CHECK(routed(r, feedback("support", "positive", {"widget", "discount"})) == sales);
    CHECK(routed(r, feedback("sales", "neutral", {"discounts"})).empty());  // whole topics, like tags
    CHECK(routed(r, feedback("sales", "neutral", {})).empty());
    // Topic names are not words of the text.
    CHECK(routed(r, feedback("sales", "neutral", {}, "Their pricing undercuts ours")).empty());
  }
  SUBCASE("the first matching rule wins") {
    // Negative blog feedback about pricing: both rule 1 and rule 2 match.
    CHECK(routed(r, feedback("blog", "negative", {"pricing"})) == product);
    CHECK(routed(r, feedback("blog", "neutral", {"pricing"})) == sales);
  }
  SUBCASE("words are found anywhere in the text, not only the first line") {
    CHECK(routed(r, feedback("other", "neutral", {}, "Bought one last week\nThe lid was BROKEN")) == quality);
    CHECK(routed(r, feedback("other", "neutral", {}, "Cracked screen")) == quality);
    CHECK(routed(r, feedback("other", "neutral", {}, "Unbroken streak of good service")).empty());
  }
  SUBCASE("feedback criteria never match a case") {
    // A case has no source, topics or sentiment: rules 1 to 3 cannot take it.
    CHECK(routed(r, a_case("Negative blog about pricing")).empty());
    CHECK(routed(r, a_case("pricing", "citizen", {"pricing"})).empty());  // a tag is not a topic
    CHECK(routed(r, a_case("web-stats blog")).empty());  // title words are no source
    // Rule 4 has only words, so it routes cases as well.
    CHECK(routed(r, a_case("Cracked pipe")) == quality);
  }
}

TEST_CASE("route keeps case-only and feedback-only rules apart") {
  Routing r = load_config(
                  "routing:\n"                    // 1
                  "  default: front\n"            // 2
                  "  rules:\n"                    // 3
                  "    - department: water\n"     // 4
                  "      applies_to: case\n"
                  "      words: [leak]\n"
                  "    - department: product\n"   // 7
                  "      applies_to: [feedback]\n"
                  "      words: [leak]\n"
                  "    - department: press\n"     // 10
                  "      applies_to: [feedback]\n"
                  "      contact_kinds: [influencer]\n",
                  "crm.yaml")
                  .routing;
  CHECK(routed(r, a_case("Leak on Elm Street")) == "water (routing rule 1 (crm.yaml line 4))");
  CHECK(routed(r, feedback("other", "neutral", {}, "Leak on Elm Street")) ==
        "product (routing rule 2 (crm.yaml line 7))");
  // applies_to alone would take every feedback; with a contact kind only an influencer's.
  CHECK(routed(r, feedback("blog", "neutral", {}, "Nice", "influencer")) == "press (routing rule 3 (crm.yaml line 10))");
  CHECK(routed(r, feedback("blog", "neutral", {}, "Nice")) == "front (routing default)");
  CHECK(routed(r, a_case("Nice", "influencer")) == "front (routing default)");
  CHECK(routed(r, a_case("Noise")) == "front (routing default)");

  // Without a default, what no rule takes is not routed at all.
  r.default_department.clear();
  CHECK_FALSE(route(r, feedback("survey", "positive", {"widget"}, "Love it")).has_value());
  CHECK_FALSE(route(r, a_case("Noise")).has_value());
}

TEST_CASE("SlaPolicy::targets_for layers default, kind, department, priority, then sentiment") {
  Config c = load_config(
      "calendars:\n"
      "  office:\n"
      "    timezone: UTC\n"
      "    hours:\n"
      "      mon-fri: \"09:00-17:00\"\n"
      "sla:\n"
      "  default: {calendar: office, acknowledge: 4h, update: 2d, resolve: 5d, warn_at: 80%}\n"
      "  kind:\n"
      "    feedback: {acknowledge: 2h, resolve: 3d}\n"
      "    case: {update: 1d}\n"
      "  department:\n"
      "    product: {acknowledge: 1h, warn_at: 60%}\n"
      "    water: {resolve: 4d}\n"
      "  priority:\n"
      "    urgent: {calendar: 24x7, acknowledge: 30m, resolve: 8h}\n"
      "  sentiment:\n"
      "    negative: {acknowledge: 15m, warn_at: 50%}\n"
      "    positive: {resolve: 1w}\n",
      "crm.yaml");
  const SlaPolicy& p = c.sla;
  REQUIRE(p.by_kind.size() == 2);
  REQUIRE(p.by_sentiment.size() == 2);

  // Cases: default, their kind (update 1d), department, priority.
  CHECK(summary(p.targets_for("normal", "front")) == "office 4h/1d/5d 80%");
  CHECK(summary(p.targets_for("normal", "water")) == "office 4h/1d/4d 80%");
  CHECK(summary(p.targets_for("normal", "product", "case")) == "office 1h/1d/5d 60%");
  CHECK(summary(p.targets_for("urgent", "water", "case")) == "24x7 30m/1d/8h 80%");

  // Feedback: its kind's targets, not the case kind's.
  CHECK(summary(p.targets_for("", "front", "feedback", "neutral")) == "office 2h/2d/3d 80%");
  // The department beats the kind ...
  CHECK(summary(p.targets_for("", "product", "feedback", "neutral")) == "office 1h/2d/3d 60%");
  CHECK(summary(p.targets_for("", "water", "feedback", "neutral")) == "office 2h/2d/4d 80%");
  // ... and the sentiment beats the department.
  CHECK(summary(p.targets_for("", "product", "feedback", "negative")) == "office 15m/2d/3d 50%");
  CHECK(summary(p.targets_for("", "front", "feedback", "negative")) == "office 15m/2d/3d 50%");
  CHECK(summary(p.targets_for("", "water", "feedback", "positive")) == "office 2h/2d/1w 80%");
  // The sentiment comes after the priority too (were there a priority).
  CHECK(summary(p.targets_for("urgent", "product", "feedback", "negative")) == "24x7 15m/2d/8h 50%");
  CHECK(summary(p.targets_for("urgent", "product", "feedback", "neutral")) == "24x7 30m/2d/8h 60%");
  // A case is never hurried by a sentiment it does not have; a kind without a layer gets the defaults.
  CHECK(summary(p.targets_for("normal", "front", "case", "")) == "office 4h/1d/5d 80%");
  CHECK(summary(p.targets_for("normal", "front", "mission", "")) == "office 4h/2d/5d 80%");
}

TEST_CASE("SlaPolicy::targets_for without a default: only the layers set give targets") {
  Config c = load_config(
      "sla:\n"
      "  kind:\n"
      "    feedback: {acknowledge: 2h, resolve: 3d}\n"
      "  sentiment:\n"
      "    negative: {acknowledge: 30m}\n",
      "crm.yaml");
  CHECK(summary(c.sla.targets_for("normal", "water", "case", "")) == "(none) (unset)/(unset)/(unset) -");
  CHECK(summary(c.sla.targets_for("", "product", "feedback", "neutral")) == "(none) 2h/(unset)/3d -");
  CHECK(summary(c.sla.targets_for("", "product", "feedback", "negative")) == "(none) 30m/(unset)/3d -");
  CHECK(summary(c.sla.targets_for("", "product", "feedback", "positive")) == "(none) 2h/(unset)/3d -");
}

TEST_CASE("parse_sla rejects unknown kinds and sentiments with the line") {
  CHECK(config_error("sla:\n"
                     "  kind:\n"
                     "    feedback: {acknowledge: 2h}\n"
                     "    feedbak: {acknowledge: 1h}\n") ==
        "crm.yaml:4: sla.kind: 'feedbak' is not a kind with service levels (case, feedback) "
        "(did you mean 'feedback'?)");
  CHECK(config_error("sla:\n  kind:\n    contact: {acknowledge: 1h}\n") ==
        "crm.yaml:3: sla.kind: 'contact' is not a kind with service levels (case, feedback)");
  CHECK(config_error("sla:\n  sentiment:\n    angry: {acknowledge: 1h}\n") ==
        "crm.yaml:3: sla.sentiment: 'angry' is not a sentiment (negative, neutral, positive)");
  CHECK(config_error("sla:\n  sentiment:\n    negativ: {acknowledge: 1h}\n") ==
        "crm.yaml:3: sla.sentiment: 'negativ' is not a sentiment (negative, neutral, positive) "
        "(did you mean 'negative'?)");
  CHECK(config_error("sla:\n  sentiment:\n    negative: {acknowledge: soon}\n") ==
        "crm.yaml:3: sla.sentiment.negative.acknowledge: 'soon' is not a duration like 4h, 2d, 30m or 1w");
  CHECK(config_error("sla:\n  kind:\n    feedback: {calendar: office}\n") ==
        "crm.yaml:3: sla.kind.feedback.calendar: no calendar 'office' in 'calendars'");
}

TEST_CASE("a feedback title is the text's first non-blank line, trimmed and shortened") {
  CHECK(title_from_text("Checkout crashes\nthree times") == "Checkout crashes");
  CHECK(title_from_text("\n   \n  Second line here  \nthird") == "Second line here");
  CHECK(title_from_text("   ").empty());
  // 12 characters cut to 10: nine kept, then the ellipsis.
  CHECK(title_from_text("abcdefghijkl", 10) == "abcdefghi…");
  // Characters, not bytes: "é" is one.
  CHECK(title_from_text("ééééé", 4) == "ééé…");
}
