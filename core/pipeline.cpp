#include "pipeline.hpp"

#include "deals.hpp"
#include "money.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>

namespace crm {

Pipeline pipeline_of(const Store& store, const std::string& owner) {
  DealFilter filter;
  filter.owner = owner;
  std::vector<std::string> stages = store.config().deals.stages;
  std::map<std::string, std::map<std::string, StageLine>> lines;  // currency -> stage -> line
  for (const auto& d : list_deals(store, filter)) {
    const std::string& stage = d.get("stage");
    if (std::find(stages.begin(), stages.end(), stage) == stages.end()) {
      stages.push_back(stage);
    }
    StageLine& line = lines[d.get("currency")][stage];
    long long cents = deal_cents(d);
    ++line.count;
    line.value += cents;
    if (!DealPolicy::closing(stage)) {
      long long p = std::strtoll(d.get("probability").c_str(), nullptr, 10);
      line.weighted += percent_of(cents, p);
    }
  }
  Pipeline out;
  for (auto& [currency, by_stage] : lines) {
    PipelineTotals t{currency};
    for (const auto& stage : stages) {
      StageLine line = by_stage[stage];
      line.currency = currency;
      line.stage = stage;
      line.closing = DealPolicy::closing(stage);
      long long& count = stage == "won" ? t.won_count : stage == "lost" ? t.lost_count : t.open_count;
      long long& value = stage == "won" ? t.won_value : stage == "lost" ? t.lost_value : t.open_value;
      count += line.count;
      value += line.value;
      t.weighted += line.weighted;
      out.stages.push_back(line);
    }
    out.totals.push_back(t);
  }
  return out;
}

}  // namespace crm
