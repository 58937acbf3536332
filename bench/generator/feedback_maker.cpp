#include "feedback_maker.hpp"

#include "check.hpp"
#include "clock.hpp"
#include "routing.hpp"
#include "schema.hpp"
#include "texts.hpp"
#include "timeline.hpp"
#include "work_item.hpp"

namespace bench {

void make_feedback(World& world, RecordWriter& out, Random& random, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) {
    FeedbackText text = feedback_text(random);
    const ContactInfo* contact = random.chance(0.4) ? &random.pick(world.contacts) : nullptr;
    crm::RoutingSubject subject;
    subject.contact_kind = contact ? contact->kind : "";
    subject.tags = contact ? contact->tags : std::vector<std::string>{};
    subject.title = text.title + "\n" + text.text;
    subject.record = "feedback";
    subject.source = text.source;
    subject.topics = text.topics;
    subject.sentiment = text.sentiment;
    auto routed = crm::route(world.config->routing, subject);
    std::string by = random.pick(world.users);

    bool open = random.chance(0.05);
    crm::Timestamp opened = open ? after(world.now, -random.between(5, 60) * k_minute)
                                 : opening_time(random, world, Fate::Closed);
    Timeline t(world, out, random, opened, story_limit(world, open ? Fate::OnTime : Fate::Closed));
    t.open(by, "", false);
    t.route(by, routed->department, "", routed->reason);
    if (!open) {
      play(t, random, Fate::Closed);
    }
    crm::Value f = crm::Value::map();
    f.set("id", out.new_id(crm::feedback_kind()));
    f.set("title", text.title);
    f.set("text", text.text);
    f.set("source", text.source);
    f.set("sentiment", text.sentiment);
    f.set("topics", crm::make_string_list(text.topics));
    if (contact) {
      f.set(contact->kind == "influencer" ? "influencer" : "contact", contact->id);
    }
    f.set("history", t.history());
    crm::refresh_cached_fields(crm::feedback_kind(), f);
    out.write(crm::feedback_kind(), f);
  }
}

}  // namespace bench
