// crm feedback add|list|show|set and its case workflow: the Rant112 story from
// the blog post to the escalation and the reopening, routing of feedback,
// feedback kept apart from cases, listing and the sla sentiment layer.
#include "harness.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace e2e;
using V = std::vector<std::string>;

namespace {

std::string feedback_path(const std::string& id) { return "feedback/" + id + ".yaml"; }
std::string contact_path(const std::string& id) { return "contacts/" + id + ".yaml"; }
std::string call_path(const std::string& id) { return "calls/" + id.substr(2, 2) + "/" + id + ".yaml"; }

std::string str(const YAML::Node& n) { return n ? n.as<std::string>() : ""; }

// A field of the stored feedback.
std::string field(Sandbox& s, const std::string& id, const std::string& key) {
  return str(parse(s.read(feedback_path(id)))[key]);
}

V ids_in(const std::string& json) {
  V out;
  for (const auto& row : parse(json)) {
    out.push_back(row["id"].as<std::string>());
  }
  return out;
}

V events_of(const YAML::Node& history) {
  V out;
  for (const auto& e : history) {
    out.push_back(str(e["event"]));
  }
  return out;
}

// "USER EVENT" for each new notification, ordered by user, then event.
V told(NotificationWatch& watch) {
  V out;
  for (const auto& n : watch.take()) {
    out.push_back(str(n["user"]) + " " + str(n["event"]));
  }
  return out;
}

// The only ID `crm feedback add ...` printed; fails unless it exits 0 with an F- ID.
std::string add(Sandbox& s, const V& args, const std::string& input = "") {
  V full = {"feedback", "add"};
  full.insert(full.end(), args.begin(), args.end());
  std::string id = s.ok(full, input);
  REQUIRE(is_generated_id(id, "F"));
  return id;
}

// The company of the Rant112 story, on top of the city's people (see
// Sandbox::init_city): senior management, managed by sam, and product
// management, whose queue is pia and pablo. Sam manages product management
// too, so the chain's "manager" step for its queue is senior management's
// manager.
void init_company(Sandbox& s) {
  s.init_city();
  s.ok({"department", "add", "senior", "--name", "Senior Management"});
  s.ok({"user", "add", "sam", "--name", "Sam Stone", "--department", "senior", "--role", "manager"});
  s.ok({"department", "edit", "senior", "--manager", "sam"});
  s.ok({"department", "add", "product", "--name", "Product Management"});
  s.ok({"department", "edit", "product", "--manager", "sam"});
  s.ok({"user", "add", "pia", "--name", "Pia Park", "--department", "product"});
  s.ok({"user", "add", "pablo", "--name", "Pablo Paz", "--department", "product"});
}

const char* const k_story_policy =
    "routing:\n"
    "  rules:\n"
    "    - department: product\n"  // line 3
    "      applies_to: [feedback]\n"
    "      sources: [blog, social]\n"
    "      sentiments: [negative]\n"
    "sla:\n"
    "  kind:\n"
    "    feedback: {acknowledge: 2h, resolve: 3d}\n"
    "escalation:\n"
    "  department:\n"
    "    product: {chain: [handler, manager], every: 2h}\n";

// `crm escalate` as cron runs it: no acting user.
Result escalate(Sandbox& s, const std::string& at) {
  Result r = s.run_env({"CRM_USER"}, {"--now", at, "escalate"});
  INFO("crm --now " << at << " escalate\nstdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  return r;
}

// The feedback's history entries of `event`.
std::vector<YAML::Node> entries(Sandbox& s, const std::string& id, const std::string& event) {
  std::vector<YAML::Node> out;
  for (const auto& e : parse(s.read(feedback_path(id)))["history"]) {
    if (str(e["event"]) == event) {
      out.push_back(e);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("the Rant112 story: blog post, new influencer, product queue, reply, stall, escalation, close, reopen") {
  Sandbox s;
  init_company(s);
  s.write("crm.yaml", k_story_policy);
  NotificationWatch watch(s);
  const std::string text = "Widget 3 is a disaster. Mine broke within a week and support never answered.";

  // Monday 09:00: Fiona at the front desk finds the post and records it.
  Result r = s.run({"--as", "fiona", "feedback", "add", "--text", text, "--source", "blog", "--sentiment", "negative",
                    "--topic", "widget", "--new-influencer", "Rant112", "--url", "https://rant112.blog"});
  REQUIRE(r.status == 0);
  REQUIRE(r.out.size() == 15);
  const std::string id = r.out.substr(0, 14);
  CHECK(r.out == id + "\n");
  CHECK(is_generated_id(id, "F"));
  auto contacts = s.files_in("contacts");
  REQUIRE(contacts.size() == 1);
  const std::string rant = fs::path(contacts[0]).stem().string();
  CHECK(is_generated_id(rant, "P"));
  CHECK(r.err == "New influencer " + rant + "; Recorded " + id +
                     " in product (routing rule 1 (crm.yaml line 3)), in the queue; notified sam, pablo, pia\n");

  // The influencer: a contact of kind influencer known by its screen name.
  CHECK(s.read(contact_path(rant)) == "id: " + rant +
                                          "\n"
                                          "name: Rant112\n"
                                          "kind: influencer\n"
                                          "screen_name: Rant112\n"
                                          "urls:\n"
                                          "  - https://rant112.blog\n"
                                          "history:\n"
                                          "  - at: 2026-11-23T09:00:00Z\n"
                                          "    by: fiona\n"
                                          "    event: created\n");
  // The feedback: in feedback/, never in cases/.
  CHECK(s.files_in("feedback") == V{feedback_path(id)});
  CHECK(s.files_in("cases").empty());
  CHECK(s.read(feedback_path(id)) == "id: " + id + "\n" +
                                         "title: " + text + "\n" +
                                         "text: " + text + "\n" +
                                         "source: blog\n"
                                         "sentiment: negative\n"
                                         "topics:\n"
                                         "  - widget\n"
                                         "influencer: " + rant + "\n" +
                                         "status: new\n"
                                         "department: product\n"
                                         "opened: 2026-11-23T09:00:00Z\n"
                                         "history:\n"
                                         "  - at: 2026-11-23T09:00:00Z\n"
                                         "    by: fiona\n"
                                         "    event: opened\n"
                                         "  - at: 2026-11-23T09:00:00Z\n"
                                         "    by: fiona\n"
                                         "    event: routed\n"
                                         "    department: product\n"
                                         "    reason: routing rule 1 (crm.yaml line 3)\n");
  // The product queue hears of it: its manager and both members, not Fiona.
  auto notes = watch.take();
  REQUIRE(notes.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CAPTURE(i);
    CHECK(str(notes[i]["user"]) == V{"pablo", "pia", "sam"}[i]);
    CHECK(str(notes[i]["event"]) == "feedback-routed");
    CHECK(str(notes[i]["about"]) == id);
    CHECK(str(notes[i]["by"]) == "fiona");
    CHECK(str(notes[i]["at"]) == "2026-11-23T09:00:00Z");
    CHECK(str(notes[i]["message"]) == "new feedback " + id + " in the product queue: " + text);
  }
  for (const std::string user : {"pia", "pablo", "sam"}) {
    CAPTURE(user);
    YAML::Node inbox = parse(s.ok({"inbox", "--user", user, "--format", "json"}));
    REQUIRE(inbox.size() == 1);
    CHECK(str(inbox[0]["about"]) == id);
    CHECK(str(inbox[0]["event"]) == "feedback-routed");
  }
  CHECK(parse(s.ok({"inbox", "--user", "fiona", "--format", "json"})).size() == 0);

  // 10:00 Fiona replies on the blog: a call on the blog channel, linked to the feedback.
  r = s.run({"--as", "fiona", "--now", "2026-11-23T10:00:00Z", "log-call", "--contact", rant, "--channel", "blog",
             "--direction", "out", "--feedback", id.substr(2, 6), "--summary",
             "Replied on the blog: sorry, product management is looking into it"});
  REQUIRE(r.status == 0);
  REQUIRE(lines(r.out).size() == 1);
  const std::string reply = lines(r.out)[0];
  CHECK(is_generated_id(reply, "K"));
  CHECK(r.err == "Linked to " + id + " (now new)\n");
  YAML::Node call = parse(s.read(call_path(reply)));
  CHECK(str(call["contact"]) == rant);
  CHECK(str(call["channel"]) == "blog");
  CHECK(str(call["direction"]) == "out");
  CHECK(str(call["by"]) == "fiona");
  CHECK(told(watch) == V{"pablo feedback-call-added", "pia feedback-call-added", "sam feedback-call-added"});
  YAML::Node shown = parse(s.ok({"feedback", "show", id, "--format", "json"}));
  CHECK(str(shown["status"]) == "new");  // a reply is no acknowledgement
  CHECK(str(shown["influencer"]) == rant);
  CHECK(str(shown["influencer_name"]) == "Rant112");
  REQUIRE(shown["calls"].size() == 1);
  CHECK(str(shown["calls"][0]) == reply);
  REQUIRE(shown["call_details"].size() == 1);
  CHECK(str(shown["call_details"][0]["id"]) == reply);
  CHECK(str(shown["call_details"][0]["channel"]) == "blog");
  CHECK(str(shown["call_details"][0]["at"]) == "2026-11-23T10:00:00Z");
  CHECK(str(shown["call_details"][0]["summary"]) ==
        "Replied on the blog: sorry, product management is looking into it");
  auto table = lines(s.ok({"feedback", "show", id}));
  CHECK(std::find(table.begin(), table.end(),
                  reply + "  2026-11-23 10:00  blog     fiona  Replied on the blog: sorry, product management is "
                          "looking into it") != table.end());
  // Rant112's timeline has the reply and the feedback, newest first.
  YAML::Node timeline = parse(s.ok({"influencer", "show", "Rant112", "--format", "json"}))["timeline"];
  REQUIRE(timeline.size() == 2);
  CHECK(str(timeline[0]["kind"]) == "call");
  CHECK(str(timeline[0]["id"]) == reply);
  CHECK(str(timeline[0]["summary"]) == "out blog: Replied on the blog: sorry, product management is looking into it");
  CHECK(str(timeline[1]["kind"]) == "feedback");
  CHECK(str(timeline[1]["id"]) == id);
  CHECK(str(timeline[1]["at"]) == "2026-11-23T09:00:00Z");
  CHECK(str(timeline[1]["summary"]) == "opened '" + text + "'");
  std::string influencer_table = s.ok({"influencer", "show", "@rant112"});
  CHECK(influencer_table.find("\n2026-11-23 10:00  call      " + reply + "  fiona  out blog: Replied on the blog") !=
        std::string::npos);

  // Nobody acknowledges: due at 11:00 (2h, round the clock). 11:00 itself is not late yet.
  CHECK(s.ok({"--now", "2026-11-23T11:00:00Z", "report", "overdue"}).empty());
  CHECK(escalate(s, "2026-11-23T11:00:00Z").out.empty());
  YAML::Node overdue = parse(s.ok({"--now", "2026-11-23T11:30:00Z", "report", "overdue", "--format", "json"}));
  REQUIRE(overdue.size() == 1);
  CHECK(str(overdue[0]["id"]) == id);
  CHECK(str(overdue[0]["department"]) == "product");
  CHECK(overdue[0]["handler"].IsNull());
  CHECK(overdue[0]["priority"].IsNull());  // feedback has none
  CHECK(str(overdue[0]["target"]) == "acknowledge");
  CHECK(str(overdue[0]["due"]) == "2026-11-23T11:00:00Z");
  CHECK(overdue[0]["late_wall_seconds"].as<long long>() == 30 * 60);
  CHECK(overdue[0]["level"].as<int>() == 0);
  CHECK(s.run({"--now", "2026-11-23T11:30:00Z", "report", "overdue", "--exit-code"}).status == 1);

  // 11:30 cron: level 1 of product's chain, the queue (nobody handles it).
  watch.take();
  r = escalate(s, "2026-11-23T11:30:00Z");
  CHECK(r.out == id + " escalated acknowledge level 1 -> sam, pablo, pia, fiona: dropped ball: feedback " + id +
                     " was due to be acknowledged 30m ago (30m of business time); escalated to level 1 (handler): " +
                     text + "\n");
  CHECK(told(watch) == V{"fiona feedback-escalated", "pablo feedback-escalated", "pia feedback-escalated",
                         "sam feedback-escalated"});
  // Every 2h after the due time the next level: 13:00 is senior management's manager.
  CHECK(escalate(s, "2026-11-23T12:59:00Z").out.empty());
  CHECK(watch.take().empty());
  r = escalate(s, "2026-11-23T13:30:00Z");
  CHECK(r.out == id + " escalated acknowledge level 2 -> sam, fiona: dropped ball: feedback " + id +
                     " was due to be acknowledged 2h30m ago (2h30m of business time); escalated to level 2 "
                     "(manager): " + text + "\n");
  notes = watch.take();
  REQUIRE(notes.size() == 2);
  CHECK(str(notes[0]["user"]) == "fiona");  // who recorded it
  CHECK(str(notes[1]["user"]) == "sam");    // senior management
  for (const auto& n : notes) {
    CHECK(str(n["event"]) == "feedback-escalated");
    CHECK(str(n["about"]) == id);
    CHECK(str(n["at"]) == "2026-11-23T13:30:00Z");
    CHECK_FALSE(n["by"]);
    CHECK(str(n["message"]) == "dropped ball: feedback " + id +
                                   " was due to be acknowledged 2h30m ago (2h30m of business time); escalated to "
                                   "level 2 (manager): " + text);
  }
  auto escalated = entries(s, id, "escalated");
  REQUIRE(escalated.size() == 2);
  CHECK(str(escalated[0]["at"]) == "2026-11-23T11:30:00Z");
  CHECK(str(escalated[0]["level"]) == "1");
  CHECK(str(escalated[0]["to"]) == "sam, pablo, pia");
  CHECK(str(escalated[1]["at"]) == "2026-11-23T13:30:00Z");
  CHECK(str(escalated[1]["target"]) == "acknowledge");
  CHECK(str(escalated[1]["level"]) == "2");
  CHECK(str(escalated[1]["to"]) == "sam");
  CHECK_FALSE(escalated[1]["by"]);
  // The chain ends there; the report shows the level reached.
  CHECK(escalate(s, "2026-11-23T13:50:00Z").out.empty());
  overdue = parse(s.ok({"--now", "2026-11-23T13:50:00Z", "report", "overdue", "--format", "json"}));
  REQUIRE(overdue.size() == 1);
  CHECK(overdue[0]["level"].as<int>() == 2);
  CHECK(str(parse(s.ok({"inbox", "--user", "sam", "--format", "json"}))[0]["event"]) == "feedback-escalated");

  // 14:00 Pia takes it; Fiona, who recorded it, hears.
  watch.take();
  r = s.run({"--as", "pia", "--now", "2026-11-23T14:00:00Z", "feedback", "ack", id});
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err == id + ": acknowledged; now acknowledged, handler pia; notified fiona\n");
  CHECK(told(watch) == V{"fiona feedback-acknowledged"});
  CHECK(s.ok({"--now", "2026-11-23T14:00:00Z", "report", "overdue"}).empty());
  CHECK(escalate(s, "2026-11-24T08:00:00Z").out.empty());

  // 15:00 progress; 16:00 closed with a resolution.
  r = s.run({"--as", "pia", "--now", "2026-11-23T15:00:00Z", "feedback", "update", id, "--note",
             "Replacement widget shipped to Rant112"});
  CHECK(r.status == 0);
  CHECK(r.err == id + ": updated; now acknowledged, handler pia; notified fiona, sam\n");
  CHECK(told(watch) == V{"fiona feedback-updated", "sam feedback-updated"});
  r = s.run({"--as", "pia", "--now", "2026-11-23T16:00:00Z", "feedback", "close", id, "--resolution",
             "Rant112 updated the post: replacement works"});
  CHECK(r.status == 0);
  CHECK(r.err == id + ": closed; now closed, handler pia; notified fiona, sam\n");
  CHECK(told(watch) == V{"fiona feedback-closed", "sam feedback-closed"});
  CHECK(field(s, id, "status") == "closed");
  CHECK(field(s, id, "closed") == "2026-11-23T16:00:00Z");
  CHECK(ids_in(s.ok({"feedback", "list", "--format", "json"})).empty());
  CHECK(ids_in(s.ok({"feedback", "list", "--status", "closed", "--format", "json"})) == V{id});

  // Tuesday: Rant112 posts again. Reopened, back to Pia, with the whole history.
  r = s.run({"--as", "fiona", "--now", "2026-11-24T09:00:00Z", "feedback", "reopen", id, "--reason",
             "Rant112 posted a follow-up: the replacement broke too"});
  CHECK(r.status == 0);
  CHECK(r.err == id + ": reopened; now acknowledged, handler pia; notified pia\n");
  CHECK(told(watch) == V{"pia feedback-reopened"});
  YAML::Node stored = parse(s.read(feedback_path(id)));
  CHECK(str(stored["status"]) == "acknowledged");
  CHECK(str(stored["handler"]) == "pia");
  CHECK(str(stored["acknowledged"]) == "2026-11-23T14:00:00Z");
  CHECK_FALSE(stored["closed"]);
  CHECK(str(stored["calls"][0]) == reply);
  CHECK(events_of(stored["history"]) == V{"opened", "routed", "call-added", "escalated", "escalated", "acknowledged",
                                          "updated", "closed", "reopened"});
  CHECK(str(stored["history"][2]["call"]) == reply);
  CHECK(str(stored["history"][5]["handler"]) == "pia");
  CHECK(str(stored["history"][7]["resolution"]) == "Rant112 updated the post: replacement works");
  CHECK(str(stored["history"][8]["to"]) == "acknowledged");
  CHECK(str(stored["history"][8]["reason"]) == "Rant112 posted a follow-up: the replacement broke too");
  shown = parse(s.ok({"feedback", "show", id, "--format", "json"}));
  CHECK(shown["reopenings"].as<int>() == 1);
  CHECK(events_of(shown["history"]) == events_of(stored["history"]));

  // The influencer's timeline tells the whole story, newest first.
  timeline = parse(s.ok({"influencer", "show", rant, "--format", "json"}))["timeline"];
  V items;
  for (const auto& t : timeline) {
    items.push_back(str(t["at"]) + " " + str(t["kind"]) + " " + str(t["by"]) + " " +
                    str(t["summary"]).substr(0, str(t["summary"]).find(' ')));
  }
  CHECK(items == V{"2026-11-24T09:00:00Z feedback fiona reopened", "2026-11-23T16:00:00Z feedback pia closed",
                   "2026-11-23T15:00:00Z feedback pia updated", "2026-11-23T14:00:00Z feedback pia acknowledged",
                   "2026-11-23T13:30:00Z feedback  escalated", "2026-11-23T11:30:00Z feedback  escalated",
                   "2026-11-23T10:00:00Z call fiona out", "2026-11-23T09:00:00Z feedback fiona opened"});

  // Still no case anywhere, and everything written is valid.
  CHECK(s.files_in("cases").empty());
  CHECK(ids_in(s.ok({"case", "list", "--status", "all", "--format", "json"})).empty());
  Result check = s.run({"check"});
  CHECK(check.status == 0);
  CHECK(check.out.empty());
}

TEST_CASE("feedback routing: sources, topics, sentiments and words, apart from the case rules") {
  Sandbox s;
  init_company(s);
  s.ok({"department", "add", "web", "--name", "Web Team"});
  s.ok({"department", "add", "sales", "--name", "Sales"});
  s.write("crm.yaml",
          "routing:\n"
          "  default: front\n"                   // line 2
          "  rules:\n"
          "    - department: product\n"          // line 4
          "      applies_to: [feedback]\n"
          "      sources: [blog, social]\n"
          "      sentiments: [negative]\n"
          "    - department: sales\n"            // line 8
          "      topics: [pricing, competitor]\n"
          "    - department: web\n"              // line 10
          "      sources: [web-stats]\n"
          "    - department: water\n"            // line 12
          "      applies_to: [case]\n"
          "      words: [leak, pipe*]\n"
          "    - department: product\n"          // line 15
          "      applies_to: [feedback]\n"
          "      words: [broken, crack*]\n");
  std::string anna = s.ok({"contact", "add", "--name", "Anna Berg", "--kind", "citizen"});

  // Records feedback and returns "department (reason)" from its routed event.
  auto routed = [&](V args) {
    V full = {"feedback", "add"};
    full.insert(full.end(), args.begin(), args.end());
    Result r = s.run(full);
    INFO("stderr: " << r.err);
    REQUIRE(r.status == 0);
    std::string id = r.out.substr(0, 14);
    REQUIRE(is_generated_id(id, "F"));
    YAML::Node f = parse(s.read(feedback_path(id)));
    CHECK(str(f["history"][1]["event"]) == "routed");
    CHECK(str(f["history"][1]["department"]) == str(f["department"]));
    CHECK(r.err.find("Recorded " + id + " in " + str(f["department"]) + " (" + str(f["history"][1]["reason"]) +
                     ")") == 0);
    return str(f["department"]) + " (" + str(f["history"][1]["reason"]) + ")";
  };
  const std::string rule1 = "product (routing rule 1 (crm.yaml line 4))";
  const std::string rule2 = "sales (routing rule 2 (crm.yaml line 8))";
  const std::string rule3 = "web (routing rule 3 (crm.yaml line 10))";
  const std::string rule5 = "product (routing rule 5 (crm.yaml line 15))";
  const std::string fallback = "front (routing default)";

  // Source and sentiment must both match.
  CHECK(routed({"--text", "Awful", "--source", "blog", "--sentiment", "negative"}) == rule1);
  CHECK(routed({"--text", "Awful", "--source", "social", "--sentiment", "negative"}) == rule1);
  CHECK(routed({"--text", "Lovely", "--source", "blog", "--sentiment", "positive"}) == fallback);
  CHECK(routed({"--text", "Awful", "--source", "survey", "--sentiment", "negative"}) == fallback);
  CHECK(routed({"--text", "Awful", "--sentiment", "negative"}) == fallback);  // the source defaults to other
  // Any of the topics; the first matching rule wins.
  CHECK(routed({"--text", "They cut prices", "--source", "sales", "--topic", "widget", "--topic", "competitor"}) ==
        rule2);
  CHECK(routed({"--text", "Too dear", "--source", "blog", "--sentiment", "negative", "--topic", "pricing"}) == rule1);
  CHECK(routed({"--text", "Too dear", "--source", "blog", "--topic", "pricing"}) == rule2);
  CHECK(routed({"--text", "Prices", "--topic", "prices"}) == fallback);  // whole topics only
  CHECK(routed({"--text", "Spike from Singapore", "--source", "web-stats"}) == rule3);
  // Words: in the text, even past a --title; and never the case-only rule.
  CHECK(routed({"--text", "Arrived with a cracked lid", "--source", "support"}) == rule5);
  CHECK(routed({"--title", "Delivery", "--text", "Fine box\nbut the widget inside was BROKEN"}) == rule5);
  CHECK(routed({"--text", "A leak in the pipes"}) == fallback);
  // The same words in a case go to the case rule, and a feedback-only rule never takes a case.
  auto case_department = [&](const std::string& title) {
    std::string id = s.ok({"case", "open", "--contact", anna, "--title", title});
    return str(parse(s.read(case_path(id)))["department"]) + " (" +
           str(parse(s.read(case_path(id)))["history"][1]["reason"]) + ")";
  };
  CHECK(case_department("A leak in the pipes") == "water (routing rule 4 (crm.yaml line 12))");
  CHECK(case_department("Broken bench") == fallback);
  // A source rule never takes a case whatever its title says.
  CHECK(case_department("web-stats blog social negative") == fallback);

  // --department wins over every rule; --handler brings the handler's department.
  CHECK(routed({"--text", "Awful", "--source", "blog", "--sentiment", "negative", "--department", "web"}) ==
        "web (--department)");
  CHECK(routed({"--text", "Awful", "--source", "blog", "--sentiment", "negative", "--handler", "raquel"}) ==
        "water (the handler's department)");

  // No default and no matching rule: exit 2 naming --department, nothing written.
  s.write("crm.yaml",
          "routing:\n  rules:\n    - department: product\n      applies_to: [feedback]\n      sources: [blog]\n");
  auto before = s.files_in("feedback");
  Result r = s.fails(2, {"feedback", "add", "--text", "Spike", "--source", "web-stats"});
  CHECK(r.err == "crm: error: no department for this feedback: give --department D, or add routing rules or "
                 "routing.default to crm.yaml\n");
  s.fails(2, {"feedback", "add", "--text", "Hi", "--new-influencer", "Newbie"});  // not even the influencer
  CHECK(s.files_in("feedback") == before);
  CHECK(s.files_in("contacts") == V{contact_path(anna)});
  CHECK(routed({"--text", "Post", "--source", "blog"}) == "product (routing rule 1 (crm.yaml line 3))");
  // A case-only crm.yaml leaves feedback unrouted.
  s.write("crm.yaml", "routing:\n  rules:\n    - department: water\n      applies_to: case\n      words: [leak]\n");
  s.fails(2, {"feedback", "add", "--text", "Leak"});
  // A rule naming an unknown department is a data error.
  s.write("crm.yaml", "routing:\n  rules:\n    - department: marketing\n      sources: [blog]\n");
  r = s.fails(3, {"feedback", "add", "--text", "Post", "--source", "blog"});
  CHECK(r.err.find("'marketing'") != std::string::npos);
  // A bad value in a rule is refused with its line.
  s.write("crm.yaml", "routing:\n  rules:\n    - department: product\n      sources: [tv]\n");
  r = s.fails(3, {"feedback", "add", "--text", "Ad", "--department", "product"});
  CHECK(r.err.find("crm.yaml:4: sources: 'tv' is not one of ") != std::string::npos);
}

TEST_CASE("feedback and cases stay apart: listings, show and the workflow verbs") {
  Sandbox s;
  s.init_city();
  std::string anna = s.ok({"contact", "add", "--name", "Anna Berg"});
  std::string c = s.ok({"case", "open", "--contact", anna, "--title", "Leak", "--department", "water"});
  std::string f = add(s, {"--text", "Nice new website", "--contact", anna, "--department", "water"});
  s.ok({"case", "close", c, "--resolution", "Fixed"});

  CHECK(ids_in(s.ok({"case", "list", "--status", "all", "--format", "json"})) == V{c});
  CHECK(ids_in(s.ok({"case", "list", "--format", "json"})).empty());
  CHECK(ids_in(s.ok({"feedback", "list", "--status", "all", "--format", "json"})) == V{f});
  CHECK(ids_in(s.ok({"case", "list", "--contact", anna, "--status", "all", "--format", "json"})) == V{c});
  CHECK(s.ok({"case", "list"}).empty());
  CHECK(s.ok({"feedback", "list"}).find(c) == std::string::npos);
  CHECK(s.ok({"case", "list", "--status", "all"}).find(f) == std::string::npos);

  Result r = s.fails(4, {"case", "show", f});
  CHECK(r.err.find("'" + f + "' is not a case ID (it names a feedback)") != std::string::npos);
  r = s.fails(4, {"feedback", "show", c});
  CHECK(r.err.find("'" + c + "' is not a feedback ID (it names a case)") != std::string::npos);
  // A prefix only looks among its own kind.
  s.fails(4, {"feedback", "show", c.substr(2, 6)});
  s.fails(4, {"case", "show", f.substr(2, 6)});
  // Nor does any workflow verb cross over.
  s.fails(4, {"case", "ack", f});
  s.fails(4, {"case", "close", f, "--resolution", "x"});
  s.fails(4, {"feedback", "reopen", c, "--reason", "x"});
  s.fails(4, {"feedback", "update", c, "--note", "x"});
  s.fails(4, {"log-call", "--contact", anna, "--summary", "x", "--feedback", c});
  s.fails(4, {"log-call", "--contact", anna, "--summary", "x", "--case", f});
  s.fails(2, {"log-call", "--contact", anna, "--summary", "x", "--case", c, "--feedback", f});
  // The right verbs work.
  CHECK(s.ok({"feedback", "show", f.substr(2, 5), "--format", "json"}).find("\"id\": \"" + f + "\"") !=
        std::string::npos);
  s.ok({"feedback", "ack", f});
  CHECK(field(s, f, "status") == "acknowledged");
}

TEST_CASE("feedback add: anonymous, influencers by screen name and ID, text from stdin, bad input") {
  Sandbox s;
  init_company(s);
  std::string anna = s.ok({"contact", "add", "--name", "Anna Berg", "--kind", "citizen"});
  std::string rant = s.ok({"influencer", "add", "Rant112", "--platform", "blog"});

  // Anonymous: no contact, no influencer; source and sentiment default.
  Result r = s.run({"--as", "pablo", "feedback", "add", "--text", "Traffic spike from Singapore", "--department",
                    "product"});
  REQUIRE(r.status == 0);
  std::string anon = r.out.substr(0, 14);
  CHECK(r.err == "Recorded " + anon + " in product (--department), in the queue; notified sam, pia\n");
  CHECK(s.read(feedback_path(anon)) == "id: " + anon +
                                           "\n"
                                           "title: Traffic spike from Singapore\n"
                                           "text: Traffic spike from Singapore\n"
                                           "source: other\n"
                                           "sentiment: neutral\n"
                                           "status: new\n"
                                           "department: product\n"
                                           "opened: 2026-11-23T09:00:00Z\n"
                                           "history:\n"
                                           "  - at: 2026-11-23T09:00:00Z\n"
                                           "    by: pablo\n"
                                           "    event: opened\n"
                                           "  - at: 2026-11-23T09:00:00Z\n"
                                           "    by: pablo\n"
                                           "    event: routed\n"
                                           "    department: product\n"
                                           "    reason: --department\n");
  // It works through the whole workflow.
  s.ok({"--as", "pia", "feedback", "ack", anon});
  s.ok({"--as", "pia", "feedback", "close", anon, "--resolution", "A newsletter went out in Asia"});
  CHECK(field(s, anon, "status") == "closed");

  // --influencer by screen name (any case, with or without @), by ID and by ID prefix.
  for (const std::string& who : V{"Rant112", "@RANT112", rant, rant.substr(2, 6)}) {
    CAPTURE(who);
    std::string id = add(s, {"--text", "Another rant", "--influencer", who, "--department", "product"});
    CHECK(field(s, id, "influencer") == rant);
    CHECK(field(s, id, "contact") == "");
  }
  // Influencer and contact together; a handler makes it assigned.
  r = s.run({"feedback", "add", "--text", "Anna forwarded Rant112's post", "--influencer", "Rant112", "--contact",
             anna, "--department", "product", "--handler", "pia", "--note", "Anna is worried"});
  REQUIRE(r.status == 0);
  std::string both = r.out.substr(0, 14);
  CHECK(r.err == "Recorded " + both + " in product (--department), handler pia; notified pia\n");
  YAML::Node stored = parse(s.read(feedback_path(both)));
  CHECK(str(stored["influencer"]) == rant);
  CHECK(str(stored["contact"]) == anna);
  CHECK(str(stored["handler"]) == "pia");
  CHECK(str(stored["history"][0]["note"]) == "Anna is worried");
  YAML::Node shown = parse(s.ok({"feedback", "show", both, "--format", "json"}));
  CHECK(str(shown["contact_name"]) == "Anna Berg");
  // Anna's timeline has it too.
  YAML::Node timeline = parse(s.ok({"contact", "show", anna, "--format", "json"}))["timeline"];
  REQUIRE(timeline.size() == 1);
  CHECK(str(timeline[0]["id"]) == both);
  CHECK(str(timeline[0]["kind"]) == "feedback");

  // The text from stdin: its first line is the title.
  std::string piped = add(s, {"--source", "sales", "--department", "product"},
                          "Competitor X discounts widgets by 30%\nSeen at three customers this week\n");
  CHECK(field(s, piped, "title") == "Competitor X discounts widgets by 30%");
  CHECK(field(s, piped, "text") == "Competitor X discounts widgets by 30%\nSeen at three customers this week");
  CHECK(field(s, piped, "source") == "sales");
  std::string dash = add(s, {"--text", "-", "--department", "product"}, "From a dash\n");
  CHECK(field(s, dash, "text") == "From a dash");
  // A long first line makes a shortened title; the text stays whole.
  std::string long_text(100, 'w');
  std::string longer = add(s, {"--text", long_text, "--department", "product"});
  // 80 characters in all: 79 of the text, then the ellipsis.
  CHECK(field(s, longer, "title") == std::string(79, 'w') + "…");
  CHECK(field(s, longer, "text") == long_text);

  auto feedback_before = s.files_in("feedback");
  auto contacts_before = s.files_in("contacts");
  // --influencer and --new-influencer exclude each other.
  s.fails(2, {"feedback", "add", "--text", "x", "--influencer", "Rant112", "--new-influencer", "Other", "--department",
              "product"});
  // A new influencer whose screen name is taken.
  s.fails(2, {"feedback", "add", "--text", "x", "--new-influencer", "rant112", "--department", "product"});
  // --url belongs to --new-influencer: alone or with --influencer it is refused, not dropped.
  r = s.fails(2, {"feedback", "add", "--text", "x", "--url", "https://a.example", "--department", "product"});
  CHECK(r.err == "crm: error: --url belongs to --new-influencer\n");
  r = s.fails(2, {"feedback", "add", "--text", "x", "--influencer", "Rant112", "--url", "https://a.example",
                  "--department", "product"});
  CHECK(r.err == "crm: error: --url belongs to --new-influencer\n");
  // Unknown influencer, contact, department, handler: exit 4.
  s.fails(4, {"feedback", "add", "--text", "x", "--influencer", "Nobody", "--department", "product"});
  s.fails(4, {"feedback", "add", "--text", "x", "--influencer", "P-000000000000", "--department", "product"});
  s.fails(4, {"feedback", "add", "--text", "x", "--contact", "P-000000000000", "--department", "product"});
  s.fails(4, {"feedback", "add", "--text", "x", "--department", "marketing"});
  s.fails(4, {"feedback", "add", "--text", "x", "--department", "product", "--handler", "nobody"});
  // A citizen is not an influencer.
  r = s.fails(2, {"feedback", "add", "--text", "x", "--influencer", anna, "--department", "product"});
  CHECK(r.err.find("not an influencer") != std::string::npos);
  // Bad source or sentiment, no text.
  r = s.fails(2, {"feedback", "add", "--text", "x", "--source", "tv", "--department", "product"});
  CHECK(r.err.find("--source") != std::string::npos);
  s.fails(2, {"feedback", "add", "--text", "x", "--source", "Blog", "--department", "product"});
  s.fails(2, {"feedback", "add", "--text", "x", "--sentiment", "angry", "--department", "product"});
  r = s.fails(2, {"feedback", "add", "--text", "", "--department", "product"});
  CHECK(r.err.find("feedback needs its text") != std::string::npos);
  s.fails(2, {"feedback", "add", "--department", "product"});
  s.fails(4, {"--as", "nobody", "feedback", "add", "--text", "x", "--department", "product"});
  CHECK(s.files_in("feedback") == feedback_before);
  CHECK(s.files_in("contacts") == contacts_before);
  CHECK(s.run({"check"}).status == 0);
}

TEST_CASE("feedback add --new-influencer creates the influencer with its URLs, once") {
  Sandbox s;
  init_company(s);
  Result r = s.run({"feedback", "add", "--text", "Love the app", "--source", "social", "--sentiment", "positive",
                    "--new-influencer", "@appfan", "--url", "https://x.example/appfan", "--url",
                    "https://appfan.example", "--department", "product"});
  REQUIRE(r.status == 0);
  std::string id = r.out.substr(0, 14);
  auto contacts = s.files_in("contacts");
  REQUIRE(contacts.size() == 1);
  std::string fan = fs::path(contacts[0]).stem().string();
  CHECK(r.err.rfind("New influencer " + fan + "; Recorded " + id + " in product (--department)", 0) == 0);
  YAML::Node person = parse(s.read(contacts[0]));
  CHECK(str(person["kind"]) == "influencer");
  CHECK(str(person["screen_name"]) == "@appfan");
  REQUIRE(person["urls"].size() == 2);
  CHECK(str(person["urls"][0]) == "https://x.example/appfan");
  CHECK(str(person["urls"][1]) == "https://appfan.example");
  CHECK(field(s, id, "influencer") == fan);
  // The next feedback names the influencer by screen name.
  std::string next = add(s, {"--text", "Still love it", "--influencer", "appfan", "--department", "product"});
  CHECK(field(s, next, "influencer") == fan);
  CHECK(s.files_in("contacts").size() == 1);
  YAML::Node listed = parse(s.ok({"influencer", "list", "--format", "json"}));
  REQUIRE(listed.size() == 1);
  CHECK(str(listed[0]["id"]) == fan);
}

TEST_CASE("workflow errors name the feedback and change nothing") {
  Sandbox s;
  init_company(s);
  std::string f = add(s, {"--text", "Spike", "--source", "web-stats", "--department", "product"});

  Result r = s.fails(2, {"feedback", "reopen", f, "--reason", "x"});
  CHECK(r.err == "crm: error: cannot record 'reopened' for feedback " + f + ": it is not closed\n");
  r = s.fails(2, {"feedback", "resume", f});
  CHECK(r.err.find("cannot record 'resumed' for feedback " + f + ": ") != std::string::npos);
  r = s.fails(2, {"feedback", "close", f});  // --resolution is required
  r = s.fails(2, {"feedback", "update", f, "--note", ""});
  CHECK(r.err.find("an update needs a note") != std::string::npos);
  r = s.fails(2, {"feedback", "forward", f, "--to", "product"});
  CHECK(r.err.find(f + " is already in the product queue") != std::string::npos);
  r = s.fails(4, {"feedback", "forward", f, "--to", "nobody"});

  s.ok({"--as", "pia", "feedback", "ack", f});
  r = s.fails(2, {"--as", "pia", "feedback", "ack", f});
  CHECK(r.err.find("cannot record 'acknowledged' for feedback " + f + ": ") != std::string::npos);
  r = s.fails(2, {"feedback", "forward", f, "--to", "pia"});
  CHECK(r.err.find(f + " is already handled by pia") != std::string::npos);
  s.ok({"--as", "pia", "feedback", "close", f, "--resolution", "Bots"});

  r = s.fails(2, {"feedback", "close", f, "--resolution", "again"});
  CHECK(r.err == "crm: error: cannot record 'closed' for feedback " + f + ": it is already closed\n");
  r = s.fails(2, {"feedback", "ack", f});
  CHECK(r.err == "crm: error: cannot record 'acknowledged' for feedback " + f +
                     ": it is closed (reopen it first with 'crm feedback reopen')\n");
  r = s.fails(2, {"feedback", "update", f, "--note", "more"});
  CHECK(r.err.find("cannot record 'updated' for feedback " + f + ": it is closed") != std::string::npos);
  r = s.fails(2, {"feedback", "wait", f});
  CHECK(r.err.find("cannot record 'waiting' for feedback " + f + ": it is closed") != std::string::npos);
  r = s.fails(2, {"feedback", "forward", f, "--to", "pablo"});
  CHECK(r.err.find("cannot record 'forwarded' for feedback " + f + ": it is closed") != std::string::npos);
  // Feedback has no priority to set; set needs something to change.
  s.fails(2, {"feedback", "set", f, "--priority", "high"});
  s.fails(2, {"feedback", "set", f});
  s.fails(4, {"feedback", "ack", "F-000000000000"});
  s.fails(2, {"feedback", "ack"});

  // wait, resume, forward and set on open feedback.
  std::string g = add(s, {"--text", "Pricing question", "--source", "sales", "--department", "product"});
  s.ok({"--as", "pia", "feedback", "ack", g});
  s.ok({"--as", "pia", "feedback", "wait", g, "--note", "Asked sales for the customer's name"});
  CHECK(field(s, g, "status") == "waiting");
  s.ok({"--as", "pia", "feedback", "resume", g});
  CHECK(field(s, g, "status") == "acknowledged");
  s.ok({"--as", "pia", "feedback", "forward", g, "--to", "pablo"});
  CHECK(field(s, g, "handler") == "pablo");
  r = s.run({"feedback", "set", g, "--title", "Competitor pricing", "--add-topic", "pricing", "--department",
             "senior"});
  CHECK(r.status == 0);
  CHECK(r.err.rfind(g + ": routed, edited", 0) == 0);
  YAML::Node stored = parse(s.read(feedback_path(g)));
  CHECK(str(stored["title"]) == "Competitor pricing");
  CHECK(str(stored["department"]) == "senior");
  REQUIRE(stored["topics"].size() == 1);
  CHECK(str(stored["topics"][0]) == "pricing");
  CHECK_FALSE(stored["priority"]);
  s.ok({"feedback", "set", g, "--remove-topic", "pricing"});
  CHECK_FALSE(parse(s.read(feedback_path(g)))["topics"]);
  CHECK(s.run({"check"}).status == 0);
}

TEST_CASE("log-call --feedback links a call, and --reopen brings closed feedback back") {
  Sandbox s;
  init_company(s);
  std::string rant = s.ok({"influencer", "add", "Rant112"});
  std::string f = add(s, {"--text", "Rant", "--influencer", "Rant112", "--department", "product"});
  s.ok({"--as", "pia", "feedback", "ack", f});
  s.ok({"--as", "pia", "feedback", "close", f, "--resolution", "Answered"});

  // Without --reopen the call is linked but the feedback stays closed, with a warning.
  Result r = s.run({"--as", "pia", "log-call", "--contact", rant, "--channel", "social", "--feedback", f,
                    "--summary", "Thanked them on social"});
  REQUIRE(r.status == 0);
  std::string first = r.out.substr(0, 14);
  CHECK(r.err.find("Linked to " + f + " (now closed)\n") == 0);
  CHECK(r.err.find("add --reopen") != std::string::npos);
  CHECK(field(s, f, "status") == "closed");
  // With --reopen it is open again and the call is in its history.
  r = s.run({"--as", "fiona", "--now", "2026-11-24T09:00:00Z", "log-call", "--contact", rant, "--channel", "blog",
             "--feedback", f, "--reopen", "--summary", "New post"});
  REQUIRE(r.status == 0);
  std::string second = r.out.substr(0, 14);
  CHECK(r.err == "Linked to " + f + " (now acknowledged)\n");
  YAML::Node stored = parse(s.read(feedback_path(f)));
  CHECK(str(stored["status"]) == "acknowledged");
  REQUIRE(stored["calls"].size() == 2);
  CHECK(str(stored["calls"][0]) == first);
  CHECK(str(stored["calls"][1]) == second);
  YAML::Node last = stored["history"][stored["history"].size() - 1];
  CHECK(str(last["event"]) == "reopened");
  CHECK(str(last["call"]) == second);
  CHECK(str(last["reason"]) == "new call " + second + ": New post");
  // feedback add-call links an existing call; twice is refused.
  std::string third = s.ok({"log-call", "--contact", rant, "--summary", "DM"});
  s.ok({"feedback", "add-call", f, "--call", third});
  CHECK(parse(s.read(feedback_path(f)))["calls"].size() == 3);
  r = s.fails(2, {"feedback", "add-call", f, "--call", third});
  CHECK(r.err.find("already linked to " + f) != std::string::npos);
}

TEST_CASE("feedback list filters by status, source, sentiment, topic, influencer, contact, handler and time") {
  Sandbox s;
  init_company(s);
  std::string anna = s.ok({"contact", "add", "--name", "Anna Berg", "--kind", "citizen"});
  std::string rant = s.ok({"influencer", "add", "Rant112"});
  std::string carl = s.ok({"influencer", "add", "@carl"});
  auto at = [&](const std::string& when, V args) {
    V full = {"--now", when, "feedback", "add"};
    full.insert(full.end(), args.begin(), args.end());
    std::string id = s.ok(full);
    REQUIRE(is_generated_id(id, "F"));
    return id;
  };
  // f1: Rant112's negative blog post; f2: carl's positive social post;
  // f3: Anna's survey answer, in water; f4: Rant112 again, closed; f5: anonymous sales news, fiona's.
  std::string f1 = at("2026-11-20T10:00:00Z", {"--text", "Widget broke", "--source", "blog", "--sentiment",
                                               "negative", "--topic", "widget", "--influencer", "Rant112",
                                               "--department", "product"});
  std::string f2 = at("2026-11-21T10:00:00Z", {"--text", "Love the app", "--source", "social", "--sentiment",
                                               "positive", "--topic", "widget", "--topic", "app", "--influencer",
                                               carl, "--department", "product"});
  std::string f3 = at("2026-11-22T08:00:00Z", {"--text", "App is slow", "--source", "survey", "--topic", "app",
                                               "--contact", anna, "--department", "water"});
  std::string f4 = at("2026-11-22T10:00:00Z", {"--text", "Meh", "--source", "blog", "--influencer", rant,
                                               "--department", "product", "--handler", "pia"});
  std::string f5 = at("2026-11-23T08:00:00Z", {"--text", "Competitor discounts", "--source", "sales", "--sentiment",
                                               "negative", "--department", "front", "--handler", "fiona"});
  s.ok({"--as", "pia", "feedback", "close", f4, "--resolution", "Nothing to do"});
  s.ok({"--as", "fiona", "feedback", "ack", f5});

  auto list = [&](V args) {
    V full = {"feedback", "list", "--format", "json"};
    full.insert(full.end(), args.begin(), args.end());
    return ids_in(s.ok(full));
  };
  // Open feedback by default, newest first.
  CHECK(list({}) == V{f5, f3, f2, f1});
  CHECK(list({"--status", "open"}) == V{f5, f3, f2, f1});
  CHECK(list({"--status", "all"}) == V{f5, f4, f3, f2, f1});
  CHECK(list({"--status", "closed"}) == V{f4});
  CHECK(list({"--status", "new"}) == V{f3, f2, f1});
  CHECK(list({"--status", "acknowledged", "--status", "closed"}) == V{f5, f4});
  CHECK(list({"--source", "blog"}) == V{f1});
  CHECK(list({"--source", "blog", "--status", "all"}) == V{f4, f1});
  CHECK(list({"--source", "web-stats"}).empty());
  CHECK(list({"--sentiment", "negative"}) == V{f5, f1});
  CHECK(list({"--sentiment", "neutral", "--status", "all"}) == V{f4, f3});
  CHECK(list({"--sentiment", "positive"}) == V{f2});
  CHECK(list({"--topic", "widget"}) == V{f2, f1});
  CHECK(list({"--topic", "app"}) == V{f3, f2});
  CHECK(list({"--topic", "apps"}).empty());
  CHECK(list({"--influencer", "Rant112"}) == V{f1});
  CHECK(list({"--influencer", "@rant112", "--status", "all"}) == V{f4, f1});
  CHECK(list({"--influencer", carl.substr(2, 6)}) == V{f2});
  CHECK(list({"--influencer", "carl", "--sentiment", "negative"}).empty());
  CHECK(list({"--contact", anna}) == V{f3});
  CHECK(list({"--contact", rant, "--status", "all"}) == V{f4, f1});  // as the influencer
  CHECK(list({"--department", "product"}) == V{f2, f1});
  CHECK(list({"--department", "product", "--status", "all"}) == V{f4, f2, f1});
  CHECK(list({"--handler", "fiona"}) == V{f5});
  CHECK(list({"--handler", "none"}) == V{f3, f2, f1});
  CHECK(list({"--as", "fiona", "--mine"}) == V{f5});
  CHECK(list({"--as", "pia", "--mine", "--status", "all"}) == V{f4});
  CHECK(list({"--opened-since", "2026-11-22"}) == V{f5, f3});
  CHECK(list({"--opened-since", "-1d", "--status", "all"}) == V{f5, f4});  // since 2026-11-22 09:00
  CHECK(list({"--opened-since", "-1d"}) == V{f5});
  CHECK(list({"--source", "blog", "--sentiment", "negative", "--topic", "widget", "--influencer", "Rant112"}) ==
        V{f1});

  s.fails(2, {"feedback", "list", "--source", "tv"});
  s.fails(2, {"feedback", "list", "--sentiment", "angry"});
  s.fails(2, {"feedback", "list", "--status", "pending"});
  s.fails(2, {"feedback", "list", "--mine", "--handler", "pia"});
  s.fails(2, {"feedback", "list", "--opened-since", "whenever"});
  s.fails(2, {"feedback", "list", "--influencer", anna});  // a citizen
  s.fails(4, {"feedback", "list", "--influencer", "Nobody"});
  s.fails(4, {"feedback", "list", "--department", "marketing"});
  s.fails(4, {"feedback", "list", "--handler", "nobody"});
  s.fails(4, {"feedback", "list", "--contact", "P-000000000000"});
}

TEST_CASE("feedback list speaks json, yaml, csv, tsv and an aligned table") {
  Sandbox s;
  init_company(s);
  std::string anna = s.ok({"contact", "add", "--name", "Anna Berg"});
  std::string rant = s.ok({"influencer", "add", "Rant112"});
  std::string id = add(s, {"--text", "Widget \"3\", again\nsecond line", "--source", "blog", "--sentiment",
                           "negative", "--topic", "widget", "--topic", "pricing", "--influencer", "Rant112",
                           "--contact", anna, "--handler", "pia"});
  std::string call = s.ok({"--now", "2026-11-23T09:30:00Z", "log-call", "--contact", rant, "--summary", "Reply",
                           "--feedback", id});

  const V keys = {"id",      "title",   "status",     "source",  "sentiment", "topics", "influencer",
                  "contact", "department", "handler", "opened",  "closed",    "calls",  "updated"};
  for (const std::string format : {"json", "yaml"}) {
    CAPTURE(format);
    YAML::Node rows = parse(s.ok({"feedback", "list", "--format", format}));
    REQUIRE(rows.size() == 1);
    V got;
    for (const auto& kv : rows[0]) {
      got.push_back(kv.first.as<std::string>());
    }
    CHECK(got == keys);
    const YAML::Node& row = rows[0];
    CHECK(str(row["id"]) == id);
    CHECK(str(row["title"]) == "Widget \"3\", again");
    CHECK(str(row["status"]) == "new");
    CHECK(str(row["source"]) == "blog");
    CHECK(str(row["sentiment"]) == "negative");
    REQUIRE(row["topics"].size() == 2);
    CHECK(str(row["topics"][0]) == "widget");
    CHECK(str(row["topics"][1]) == "pricing");
    CHECK(str(row["influencer"]) == rant);
    CHECK(str(row["contact"]) == anna);
    CHECK(str(row["department"]) == "product");
    CHECK(str(row["handler"]) == "pia");
    CHECK(str(row["opened"]) == "2026-11-23T09:00:00Z");
    CHECK(row["closed"].IsNull());
    REQUIRE(row["calls"].size() == 1);
    CHECK(str(row["calls"][0]) == call);
    CHECK(str(row["updated"]) == "2026-11-23T09:30:00Z");
  }
  CHECK(s.run({"feedback", "list", "--format", "csv"}).out ==
        "id,title,status,source,sentiment,topics,influencer,contact,department,handler,opened,closed,calls,updated\r\n" +
            id + ",\"Widget \"\"3\"\", again\",new,blog,negative,widget;pricing," + rant + "," + anna +
            ",product,pia,2026-11-23T09:00:00Z,," + call + ",2026-11-23T09:30:00Z\r\n");
  CHECK(s.ok({"feedback", "list", "--format", "tsv"}) ==
        "id\ttitle\tstatus\tsource\tsentiment\ttopics\tinfluencer\tcontact\tdepartment\thandler\topened\tclosed\t"
        "calls\tupdated\n" +
            id + "\tWidget \"3\", again\tnew\tblog\tnegative\twidget;pricing\t" + rant + "\t" + anna +
            "\tproduct\tpia\t2026-11-23T09:00:00Z\t\t" + call + "\t2026-11-23T09:30:00Z");
  CHECK(s.ok({"feedback", "list"}) ==
        "ID              STATUS  SOURCE  SENTIMENT  DEPARTMENT  HANDLER  OPENED            TITLE\n" + id +
            "  new     blog    negative   product     pia      2026-11-23 09:00  Widget \"3\", again");

  // Nothing to list: an empty table prints nothing, JSON an empty array, CSV its header.
  CHECK(s.ok({"feedback", "list", "--status", "closed"}).empty());
  CHECK(parse(s.ok({"feedback", "list", "--status", "closed", "--format", "json"})).size() == 0);
  CHECK(s.ok({"feedback", "list", "--status", "closed", "--format", "csv"}) ==
        "id,title,status,source,sentiment,topics,influencer,contact,department,handler,opened,closed,calls,updated\r");
  s.fails(2, {"feedback", "list", "--format", "xml"});
}

TEST_CASE("the sla sentiment layer gives negative feedback a shorter clock") {
  Sandbox s;
  init_company(s);
  s.write("crm.yaml",
          "sla:\n"
          "  kind:\n"
          "    feedback: {acknowledge: 2h, resolve: 3d}\n"
          "  sentiment:\n"
          "    negative: {acknowledge: 30m}\n");
  std::string angry = add(s, {"--text", "Awful", "--sentiment", "negative", "--department", "product"});
  std::string calm = add(s, {"--text", "Fine", "--sentiment", "neutral", "--department", "product"});
  std::string happy = add(s, {"--text", "Great", "--sentiment", "positive", "--department", "product"});

  // "target due allowed_seconds" of each timer.
  auto timers = [&](const std::string& id, const std::string& at) {
    V out;
    for (const auto& t : parse(s.ok({"--now", at, "feedback", "show", id, "--format", "json"}))["timers"]) {
      out.push_back(str(t["target"]) + " " + str(t["state"]) + " " + str(t["due"]) + " " +
                    str(t["allowed_seconds"]));
    }
    return out;
  };
  CHECK(timers(angry, "2026-11-23T09:00:00Z") ==
        V{"acknowledge running 2026-11-23T09:30:00Z 1800", "resolve running 2026-11-26T09:00:00Z 259200"});
  CHECK(timers(calm, "2026-11-23T09:00:00Z") ==
        V{"acknowledge running 2026-11-23T11:00:00Z 7200", "resolve running 2026-11-26T09:00:00Z 259200"});
  CHECK(timers(happy, "2026-11-23T09:00:00Z") == timers(calm, "2026-11-23T09:00:00Z"));
  // At 10:00 only the negative one is late.
  CHECK(timers(angry, "2026-11-23T10:00:00Z")[0] == "acknowledge late 2026-11-23T09:30:00Z 1800");
  YAML::Node overdue = parse(s.ok({"--now", "2026-11-23T10:00:00Z", "report", "overdue", "--format", "json"}));
  REQUIRE(overdue.size() == 1);
  CHECK(str(overdue[0]["id"]) == angry);
  CHECK(str(overdue[0]["late"]) == "30m");
  // Cases have no sentiment: the feedback layers leave them without clocks.
  std::string anna = s.ok({"contact", "add", "--name", "Anna Berg"});
  std::string c = s.ok({"case", "open", "--contact", anna, "--title", "Leak", "--department", "water"});
  CHECK(parse(s.ok({"case", "show", c, "--format", "json"}))["timers"].size() == 0);

  // The sentiment layer alone times only feedback of that sentiment.
  s.write("crm.yaml", "sla:\n  sentiment:\n    negative: {acknowledge: 30m}\n");
  CHECK(timers(angry, "2026-11-23T09:00:00Z") == V{"acknowledge running 2026-11-23T09:30:00Z 1800"});
  CHECK(timers(calm, "2026-11-23T09:00:00Z").empty());
  // A department layer between them: the sentiment still wins for acknowledge.
  s.write("crm.yaml",
          "sla:\n"
          "  kind:\n"
          "    feedback: {acknowledge: 2h}\n"
          "  department:\n"
          "    product: {acknowledge: 1h, resolve: 1d}\n"
          "  sentiment:\n"
          "    negative: {acknowledge: 30m}\n");
  CHECK(timers(angry, "2026-11-23T09:00:00Z") ==
        V{"acknowledge running 2026-11-23T09:30:00Z 1800", "resolve running 2026-11-24T09:00:00Z 86400"});
  CHECK(timers(calm, "2026-11-23T09:00:00Z") ==
        V{"acknowledge running 2026-11-23T10:00:00Z 3600", "resolve running 2026-11-24T09:00:00Z 86400"});
  // An unknown sentiment in the layer is refused with its line.
  s.write("crm.yaml", "sla:\n  sentiment:\n    furious: {acknowledge: 5m}\n");
  Result r = s.fails(3, {"feedback", "show", angry});
  CHECK(r.err.find("crm.yaml:3: sla.sentiment: 'furious' is not a sentiment") != std::string::npos);
}
