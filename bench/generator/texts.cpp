#include "texts.hpp"

#include <cctype>
#include <vector>

namespace bench {
namespace {

using Words = std::vector<std::string>;

const Words k_first = {"Aisha",  "Carlos", "Margaret", "Ruth",   "George", "Frank",  "Harold", "Wendell", "Mei",
                       "Jonas",  "Priya",  "Hannah",   "Devin",  "Olivia", "Raquel", "Kim",    "Spencer", "Nate",
                       "Lena",   "Marcus", "Diane",    "Vera",   "Bashir", "Megan",  "Rita",   "Tomas",   "Ingrid",
                       "Kwame",  "Sofia",  "Yusuf",    "Elena",  "Pavel",  "Grace",  "Omar",   "Lucia",   "Henrik",
                       "Amara",  "Felix",  "Noor",     "Dmitri", "Julia",  "Samuel", "Keiko",  "Arjun",   "Beatriz"};
const Words k_last = {"Chen",    "Ellison",  "Whitfield", "Novak",  "Jenkins", "Ortiz",   "Rahimi",  "Lindqvist",
                      "Nair",    "Delgado",  "O'Rourke",  "Larsen", "Okafor",  "Brennan", "Kowalski", "Haddad",
                      "Moreau",  "Tanaka",   "Svensson",  "Mensah", "Ferreira", "Novotny", "Iyer",     "Walsh",
                      "Bergström", "Adeyemi", "Russo",    "Petrov", "Nakamura", "Gallagher", "Quist",   "Abara"};
const Words k_streets = {"Elm Street", "Maple Avenue", "Birch Lane",  "Oak Street",     "River Road",
                         "Mill Road",  "Cedar Court",  "4th Street",  "Main Street",    "Prairie Drive",
                         "Willow Way", "Church Street", "Lake Shore Drive", "Hillcrest Road", "Station Road"};
const Words k_operators = {"Prairie Gale Energy", "Coastal Breeze Power", "Red Mesa Wind", "High Plains Renewables",
                           "Blue Ridge Windpower", "Cottonwood Energy",  "Sandhill Wind Farms", "North Fork Power"};
const Words k_suppliers = {"SkyLift Cranes", "Baltic Bearings", "Gearworks Ltd", "BladeCare Services",
                           "Pitchline Controls"};
const Words k_outlets = {"Riverton Courier", "KRVT Radio", "Riverton Neighbours", "Plains Energy Weekly"};
const Words k_turbines = {"PG-12", "PG-37", "RM-22", "RM-08", "CB-41", "HP-03", "BR-17", "SH-29"};

const Words k_city_titles = {
    "Low water pressure at {addr}",
    "Water leak in the street outside {addr}",
    "Brown tap water at {addr}",
    "Water bill twice as high as usual",
    "Autopay charged the water bill twice",
    "Hydrant leaking on {street}",
    "Water meter reading looks wrong",
    "Pothole on {street} near {addr}",
    "Broken sidewalk at {addr}",
    "Curb damaged by the snowplough at {addr}",
    "Flooded basement after the storm",
    "Question about the bulk waste pick-up",
    "Noise from the night works on {street}",
    "Request for a copy of a permit",
};
const Words k_customer_titles = {
    "Turbine {turbine} tripped on a pitch alarm",
    "Gearbox temperature alarm on {turbine}",
    "SCADA offline at the {operator} site",
    "Main-bearing noise on {turbine}",
    "Blade inspection report for {turbine}",
    "Complaint about a late technician visit",
    "Complaint: invoice does not match the contract",
    "Question about the service report for {turbine}",
    "Request for a quote for the 2027 maintenance",
    "Spare parts order for the {operator} site",
    "Access to the customer portal",
};
const Words k_other_titles = {
    "Request for an interview about the wind farms",
    "Delivery date for the crane booking",
    "Invoice query",
    "Meeting request",
    "Question about the tender documents",
};
const Words k_summaries = {
    "Asked for an update on the open work order.",
    "Confirmed the appointment for next week.",
    "Left a voicemail; will call back.",
    "Sent the requested documents by email.",
    "Called about the invoice; explained the line items.",
    "Asked for the name of their account manager.",
    "Reported that everything works again.",
    "Followed up on last week's visit.",
    "Booked a site visit.",
    "Gave the reference number of the earlier request.",
};
const Words k_updates = {
    "Crew booked for tomorrow morning.",
    "Parts ordered; delivery expected within the week.",
    "Checked on site; needs a second visit.",
    "Spoke to the customer; they will send photos.",
    "Waiting for the contractor's quote.",
    "Inspection done, report being written.",
    "Escalated internally to the specialist team.",
};
const Words k_waiting = {
    "Waiting for the customer to send the meter photo.",
    "Customer is away until next week.",
    "Asked for the serial number; waiting for the reply.",
    "Waiting for the signed form.",
};
const Words k_resolutions = {
    "Repaired and tested; the customer confirmed.",
    "Refund issued.",
    "Explained the bill; no error found.",
    "Replaced the faulty part.",
    "Crew fixed it on site.",
    "Duplicate of an earlier request.",
    "Information sent; nothing more to do.",
};
const Words k_forward_notes = {
    "Can you take this one? It is your area.",
    "Needs someone who knows the site.",
    "Handing over while I am on leave.",
};

std::string fill(std::string text, Random& random) {
  auto replace = [&](const std::string& key, const std::string& value) {
    auto at = text.find(key);
    if (at != std::string::npos) {
      text.replace(at, key.size(), value);
    }
  };
  replace("{addr}", street_address(random));
  replace("{street}", street(random));
  replace("{turbine}", random.pick(k_turbines));
  replace("{operator}", operator_name(random));
  return text;
}

}  // namespace

Person person_name(Random& random) { return {random.pick(k_first), random.pick(k_last)}; }
std::string street(Random& random) { return random.pick(k_streets); }
std::string street_address(Random& random) { return std::to_string(random.between(1, 999)) + " " + street(random); }
std::string operator_name(Random& random) { return random.pick(k_operators); }
std::string supplier_name(Random& random) { return random.pick(k_suppliers); }
std::string outlet_name(Random& random) { return random.pick(k_outlets); }
std::string phone_number(Random& random) { return "+1 555-0" + std::to_string(random.between(100, 199)); }

std::string case_title(Random& random, const std::string& contact_kind) {
  if (contact_kind == "citizen") {
    return fill(random.pick(k_city_titles), random);
  }
  if (contact_kind == "customer") {
    return fill(random.pick(k_customer_titles), random);
  }
  return fill(random.pick(k_other_titles), random);
}

std::string call_summary(Random& random, const std::string&) { return random.pick(k_summaries); }
std::string update_note(Random& random) { return random.pick(k_updates); }
std::string waiting_note(Random& random) { return random.pick(k_waiting); }
std::string resolution(Random& random) { return random.pick(k_resolutions); }
std::string forward_note(Random& random) { return random.pick(k_forward_notes); }

FeedbackText feedback_text(Random& random) {
  static const std::vector<FeedbackText> k_items = {
      {"Praise for the MyRiverton app", "Post: 'Paid my water bill in 20 seconds with the MyRiverton app.'", "social",
       "positive", {"myriverton-app"}},
      {"MyRiverton app crashes on login", "App store review: crashes every time I log in.", "web-stats", "negative",
       {"myriverton-app"}},
      {"Competitor quotes below our rate card", "Heard on a sales call: a competitor quoted 10% below us.", "sales",
       "negative", {"pricing", "tender-2027"}},
      {"Survey: technicians were friendly", "Quarterly survey comment: the technicians were friendly and on time.",
       "survey", "positive", {"field-service"}},
      {"Blog post about the water outage", "A local blog post complains that the outage map was wrong.", "blog",
       "negative", {"outage-map"}},
      {"Support chat: portal is slow", "Several customers said the customer portal is slow in the mornings.",
       "support", "neutral", {"portal"}},
  };
  return random.pick(k_items);
}

MissionText mission_text(Random& random) {
  static const std::vector<MissionText> k_items = {
      {"Collect the fan-motor serial numbers from every operator", "We want to know which turbines share a batch.",
       "Coffee and cake from the bakery"},
      {"A 24/7 control-room number for every operator", "Every operator's contact needs its control room's number.",
       "Two cinema tickets"},
      {"Clean up duplicate contacts on Elm Street", "Merge the duplicates from the flood calls.", "Lunch with the manager"},
      {"Write a winter call-out guide", "Two pages: who to call at any hour and what we need.", "A day off"},
      {"Photograph every hydrant on the east side", "For the new asset register.", "Reserved parking for a week"},
  };
  return random.pick(k_items);
}

std::string slug_of(const std::string& text) {
  std::string out;
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) && c < 128) {
      out += static_cast<char>(std::tolower(c));
    } else if (ch == ' ' && !out.empty() && out.back() != '.') {
      out += '.';
    }
  }
  return out;
}

}  // namespace bench
