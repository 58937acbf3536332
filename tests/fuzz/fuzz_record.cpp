// The record loader: any file text -> what `crm` does on reading a record
// (conflict-marker check, YAML parse, validation for every kind, the cache's
// summary, canonical form). Only crm::Error may escape the parse; a valid
// record must survive save -> load -> save byte for byte.

#include "case_state.hpp"
#include "case_timers.hpp"
#include "config.hpp"
#include "error.hpp"
#include "fuzz_input.hpp"
#include "record.hpp"
#include "record_cache.hpp"
#include "record_merge.hpp"
#include "schema.hpp"
#include "yaml_io.hpp"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const crm::Config config = crm::load_config("timezone: UTC\n", "crm.yaml");
  std::string text = fuzz_text(data, size);
  if (crm::find_conflict_marker(text)) {
    return 0;  // Store::read stops here with a clear error
  }
  crm::Value record;
  try {
    record = crm::parse_yaml(text, "fuzz.yaml");
  } catch (const crm::Error&) {
    return 0;
  }
  const std::string id = record.get("id");
  for (const crm::KindSpec* kind : crm::all_kinds()) {
    auto problems = crm::record_problems(*kind, record, config, "fuzz.yaml", id);
    for (const auto& p : problems) {
      (void)p.text();
    }
    if (!problems.empty() || !record.is_map()) {
      continue;
    }
    (void)crm::record_summary(record);
    if (kind == &crm::case_kind() || kind == &crm::feedback_kind()) {
      (void)crm::case_consistency_problems(record, "fuzz.yaml");
      (void)crm::final_close_time(record);
    }
    std::string saved = crm::serialize(*kind, record);
    std::string resaved = crm::serialize(*kind, crm::parse_yaml(saved, "saved.yaml"));
    if (resaved != saved) {
      std::fprintf(stderr, "a valid %s changes when saved twice:\n--- first\n%s--- second\n%s",
                   kind->name.c_str(), saved.c_str(), resaved.c_str());
      std::abort();
    }
  }
  return 0;
}
