#include "deal_config.hpp"

#include "ids.hpp"
#include "money.hpp"
#include "suggest.hpp"

#include <algorithm>

namespace crm {
namespace {

const std::vector<std::string> k_keys = {"currency", "stages", "probability"};

}  // namespace

long long DealPolicy::probability_of(const std::string& stage) const {
  auto it = probability.find(stage);
  return it == probability.end() ? 0 : it->second;
}

DealPolicy parse_deals(const Value& section, const ConfigReader& reader) {
  DealPolicy p;
  reader.map(section, "deals");
  if (const Value* c = setting(section, "currency")) {
    p.currency = reader.scalar(*c, "deals.currency");
    if (!is_currency_code(p.currency)) {
      reader.fail(*c, "deals.currency: '" + p.currency + "' is not a currency code like EUR or USD");
    }
  }
  if (const Value* s = setting(section, "stages")) {
    p.stages = reader.list(*s, "deals.stages");
    for (std::size_t i = 0; i < p.stages.size(); ++i) {
      const std::string& stage = p.stages[i];
      const Value& at = s->items()[i];
      if (!is_slug(stage)) {
        reader.fail(at, "deals.stages: '" + stage + "' is not a stage name (lower-case letters, digits and '-')");
      }
      if (std::find(p.stages.begin(), p.stages.begin() + static_cast<long>(i), stage) != p.stages.begin() + static_cast<long>(i)) {
        reader.fail(at, "deals.stages: '" + stage + "' is listed twice");
      }
    }
    for (const char* closing : {"won", "lost"}) {
      if (std::find(p.stages.begin(), p.stages.end(), closing) == p.stages.end()) {
        reader.fail(*s, std::string("deals.stages must list the closing stage '") + closing + "'");
      }
    }
  }
  if (const Value* prob = setting(section, "probability")) {
    reader.map(*prob, "deals.probability");
    for (const auto& [stage, v] : prob->fields()) {
      std::string where = "deals.probability." + stage;
      if (std::find(p.stages.begin(), p.stages.end(), stage) == p.stages.end()) {
        reader.fail(v, where + ": '" + stage + "' is not a stage" + did_you_mean(stage, p.stages));
      }
      std::string text = reader.scalar(v, where);
      bool digits = !text.empty() && text.size() <= 3 && text.find_first_not_of("0123456789") == std::string::npos;
      long long n = digits ? std::stoll(text) : -1;
      if (n < 0 || n > 100) {
        reader.fail(v, where + ": '" + text + "' is not a whole number from 0 to 100");
      }
      if (DealPolicy::closing(stage) && n != (stage == "won" ? 100 : 0)) {
        reader.fail(v, where + ": a " + stage + " deal's probability is always " + (stage == "won" ? "100" : "0"));
      }
      p.probability[stage] = n;
    }
  }
  return p;
}

void deal_config_problems(const Value& section, const ConfigReader& reader, std::vector<Problem>& out) {
  if (section.is_map()) {
    reader.unknown_keys(section, k_keys, "deals.", out);
  }
}

}  // namespace crm
