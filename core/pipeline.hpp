#pragma once

#include "store.hpp"

#include <string>
#include <vector>

namespace crm {

// Deals of one currency in one stage; amounts in cents.
struct StageLine {
  std::string currency;
  std::string stage;
  bool closing = false;  // won or lost
  long long count = 0;
  long long value = 0;
  long long weighted = 0;  // Σ value × probability / 100 (open stages only)
};

// One currency's totals: open deals (the pipeline proper), won and lost.
struct PipelineTotals {
  std::string currency;
  long long open_count = 0, open_value = 0, weighted = 0;
  long long won_count = 0, won_value = 0, lost_count = 0, lost_value = 0;
};

struct Pipeline {
  // Per currency (alphabetical), every configured stage in order, then any
  // stage a deal holds that crm.yaml no longer lists.
  std::vector<StageLine> stages;
  std::vector<PipelineTotals> totals;  // one per currency, same order
};

// The deals of `owner` ("" for everyone) by currency and stage. Amounts are
// never added across currencies.
Pipeline pipeline_of(const Store& store, const std::string& owner);

}  // namespace crm
