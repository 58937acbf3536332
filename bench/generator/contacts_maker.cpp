#include "contacts_maker.hpp"

#include "clock.hpp"
#include "schema.hpp"
#include "texts.hpp"

namespace bench {
namespace {

const std::vector<std::string> k_kinds = {"citizen", "customer", "partner", "supplier", "prospect", "press", "influencer"};
const std::vector<double> k_kind_weights = {50, 38, 3, 3, 2, 2, 2};

// Tags that routing rules (and people) look at.
std::vector<std::string> tags_for(Random& random, const std::string& kind) {
  if (kind == "citizen") {
    if (random.chance(0.03)) {
      return {"schools"};
    }
    return random.chance(0.4) ? std::vector<std::string>{slug_of(street(random))} : std::vector<std::string>{};
  }
  if (kind == "customer") {
    return random.chance(0.3) ? std::vector<std::string>{"site-contact"} : std::vector<std::string>{};
  }
  if (kind == "prospect") {
    return {random.pick(std::vector<std::string>{"website-lead", "tender-2027", "renewal-2027"})};
  }
  if (kind == "press") {
    return {"local-press"};
  }
  if (kind == "influencer") {
    return {"local-media"};
  }
  return {};
}

std::string org_for(Random& random, const std::string& kind) {
  if (kind == "customer" || kind == "prospect") {
    return operator_name(random);
  }
  if (kind == "supplier" || kind == "partner") {
    return supplier_name(random);
  }
  if (kind == "press") {
    return outlet_name(random);
  }
  return "";
}

}  // namespace

void make_contacts(World& world, RecordWriter& out, Random& random, std::size_t count) {
  crm::Timestamp first = after(world.start, k_day);
  crm::Timestamp last = after(world.start, 50 * k_day);
  for (std::size_t i = 0; i < count; ++i) {
    std::string kind = k_kinds[random.weighted(k_kind_weights)];
    Person p = person_name(random);
    std::string name = p.first + " " + p.last;
    crm::Value c = crm::Value::map();
    std::string id = out.new_id(crm::contact_kind());
    c.set("id", id);
    if (kind == "influencer") {
      std::string handle = p.first + std::to_string(random.between(10, 999));
      c.set("name", handle);
      c.set("screen_name", handle);
      c.set("platform", random.pick(std::vector<std::string>{"blog", "youtube", "instagram", "x"}));
      c.set("urls", crm::make_string_list({"https://" + slug_of(handle) + ".example"}));
      c.set("reach", crm::Value::number(random.between(200, 50000)));
      c.set("description", "Writes about life in Riverton.");
    } else {
      c.set("name", name);
    }
    c.set("kind", kind);
    c.set("org", org_for(random, kind));
    if (kind != "influencer" && random.chance(0.6)) {
      c.set("emails", crm::make_string_list({slug_of(name) + "@mail.example"}));
    }
    if (kind != "influencer") {
      c.set("phones", crm::make_string_list({phone_number(random)}));
    }
    std::vector<std::string> tags = tags_for(random, kind);
    c.set("tags", crm::make_string_list(tags));
    if (kind == "citizen" && random.chance(0.5)) {
      c.set("note", street_address(random) + ".");
    }
    crm::Timestamp created = working_moment(random, first, last);
    crm::Value history = crm::Value::list();
    history.push_back(history_entry(created, random.pick(world.users), "created"));
    if (random.chance(0.15)) {
      crm::Value edited = history_entry(working_moment(random, after(created, k_day), after(created, 200 * k_day)),
                                        random.pick(world.users), "edited");
      edited.set("fields", crm::make_string_list({"phones"}));
      history.push_back(edited);
    }
    c.set("history", history);
    out.write(crm::contact_kind(), c);
    world.contacts.push_back({id, kind, tags});
  }
}

}  // namespace bench
