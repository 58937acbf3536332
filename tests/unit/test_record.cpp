#include "config.hpp"
#include "record.hpp"
#include "yaml_io.hpp"

#include <doctest/doctest.h>

using namespace crm;

namespace {

const Config& config() {
  static Config c = load_config("", "crm.yaml");
  return c;
}

std::vector<std::string> messages(const std::string& yaml, const KindSpec& kind, const std::string& id) {
  std::vector<std::string> out;
  for (const auto& p : record_problems(kind, parse_yaml(yaml, "f"), config(), "f.yaml", id)) {
    out.push_back(p.text());
  }
  return out;
}

}  // namespace

TEST_CASE("serialize") {
  SUBCASE("known fields in schema order, unknown keys after in their own order") {
    Value v = parse_yaml(
        "zeta: 1\nname: Anna\nhistory:\n- event: created\n  by: olivia\n  at: 2026-11-23T09:00:00Z\n  extra: x\n"
        "id: P-0000000000AA\nalpha: 2\nkind: citizen\n",
        "f");
    CHECK(serialize(contact_kind(), v) ==
          "id: P-0000000000AA\nname: Anna\nkind: citizen\nhistory:\n  - at: 2026-11-23T09:00:00Z\n    by: olivia\n"
          "    event: created\n    extra: x\nzeta: 1\nalpha: 2\n");
  }
  SUBCASE("misreadable text is quoted, machine fields are not") {
    Value v = Value::map();
    v.set("id", "P-0000000000AA");
    v.set("name", "012");
    v.set("phones", make_string_list({"+31 20 555 0101"}));
    v.set("note", "no");
    CHECK(serialize(contact_kind(), v) ==
          "id: P-0000000000AA\nname: \"012\"\nphones:\n  - \"+31 20 555 0101\"\nnote: \"no\"\n");
  }
  SUBCASE("empty known fields are dropped") {
    Value v = Value::map();
    v.set("id", "P-0000000000AA");
    v.set("name", "A");
    v.set("org", "");
    v.set("tags", Value::list());
    CHECK(serialize(contact_kind(), v) == "id: P-0000000000AA\nname: A\n");
  }
  SUBCASE("loading then saving a canonical record gives identical bytes") {
    std::string text =
        "id: K-0000000000AA\ncontact: P-0000000000AA\nat: 2026-11-23T09:00:00Z\ndirection: in\nchannel: phone\n"
        "duration: 15m\nby: olivia\nsummary: |-\n  Two lines\n  of summary\nhistory:\n  - at: 2026-11-23T09:00:00Z\n"
        "    by: olivia\n    event: logged\n";
    CHECK(serialize(call_kind(), parse_yaml(text, "f")) == text);
  }
}

TEST_CASE("record_problems") {
  const std::string good = "id: P-0000000000AA\nname: Anna\nkind: citizen\n";
  SUBCASE("a valid record has none") { CHECK(messages(good, contact_kind(), "P-0000000000AA").empty()); }
  SUBCASE("unknown enum value, with a suggestion") {
    CHECK(messages("id: P-0000000000AA\nname: A\nkind: citizn\n", contact_kind(), "P-0000000000AA") ==
          std::vector<std::string>{"f.yaml:3: 'kind': 'citizn' is not one of customer, citizen, partner, supplier, "
                                   "agent, influencer, prospect, press, other (did you mean 'citizen'?)"});
  }
  SUBCASE("missing required field") {
    CHECK(messages("id: P-0000000000AA\nkind: citizen\n", contact_kind(), "P-0000000000AA") ==
          std::vector<std::string>{"f.yaml:1: missing required field 'name'"});
  }
  SUBCASE("id disagreeing with the file name") {
    CHECK(messages(good, contact_kind(), "P-0000000000BB") ==
          std::vector<std::string>{"f.yaml:1: id 'P-0000000000AA' does not match the file name (expected "
                                   "'P-0000000000BB')"});
  }
  SUBCASE("malformed time, duration and reference") {
    auto m = messages(
        "id: K-0000000000AA\ncontact: someone\nat: yesterday\nduration: long\nhistory:\n  - at: 2026-11-23T09:00:00Z\n"
        "    event: exploded\n",
        call_kind(), "K-0000000000AA");
    REQUIRE(m.size() == 4);
    CHECK(m[0] == "f.yaml:2: 'contact': 'someone' is not a valid contact ID");
    CHECK(m[1] == "f.yaml:3: 'at': 'yesterday' is not a UTC time like 2026-11-23T09:30:00Z");
    CHECK(m[2] == "f.yaml:4: 'duration': 'long' is not a duration like 15m or 1h30m");
    CHECK(m[3].rfind("f.yaml:6: history: unknown event 'exploded'", 0) == 0);
  }
  SUBCASE("wrong shapes") {
    CHECK(messages("- a\n", contact_kind(), "P-0000000000AA") ==
          std::vector<std::string>{"f.yaml:1: a contact record must be a mapping of fields"});
    CHECK(messages("id: P-0000000000AA\nname: [a]\ntags: x\n", contact_kind(), "P-0000000000AA") ==
          std::vector<std::string>{"f.yaml:2: 'name' must be a single value", "f.yaml:3: 'tags' must be a list"});
  }
}
