#pragma once

#include "random.hpp"

#include <string>

namespace bench {

// Plausible words for generated records: names, places and the sentences
// people type into a CRM, in the two worlds of examples/ (the City of
// Riverton and Nordwind Services, which maintains wind farms).
struct Person {
  std::string first;
  std::string last;
};

Person person_name(Random& random);
std::string street_address(Random& random);
std::string street(Random& random);
std::string operator_name(Random& random);   // a wind-farm operator (Nordwind's customer)
std::string supplier_name(Random& random);
std::string outlet_name(Random& random);     // a newspaper or radio station
std::string phone_number(Random& random);

// A case title a caller of this contact kind would give (routing reads its words).
std::string case_title(Random& random, const std::string& contact_kind);
// A call's summary with no case behind it.
std::string call_summary(Random& random, const std::string& contact_kind);
std::string update_note(Random& random);
std::string waiting_note(Random& random);
std::string resolution(Random& random);
std::string forward_note(Random& random);

struct FeedbackText {
  std::string title;
  std::string text;
  std::string source;
  std::string sentiment;
  std::vector<std::string> topics;
};
FeedbackText feedback_text(Random& random);

struct MissionText {
  std::string title;
  std::string description;
  std::string reward;
};
MissionText mission_text(Random& random);

// "Ann Lee" -> "ann.lee": lower case, letters kept, spaces to dots.
std::string slug_of(const std::string& text);

}  // namespace bench
