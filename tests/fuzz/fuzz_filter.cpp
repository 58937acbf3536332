// The listing filters users type: --period names, --status values, the
// import's --map FIELD=COLUMN, and WorkFilter's matching over a record's
// summary. The input is lines split at "%%": period name, statuses (one per
// line), a column mapping, then a YAML record the filter is matched against.

#include "case_state.hpp"
#include "cases.hpp"
#include "error.hpp"
#include "fuzz_input.hpp"
#include "record_cache.hpp"
#include "scoring.hpp"
#include "table_import.hpp"
#include "yaml_io.hpp"

#include <chrono>
#include <sstream>

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const crm::Timestamp now{std::chrono::seconds(1795426200)};  // Mon 2026-11-23 09:30 UTC
  auto parts = fuzz_parts(fuzz_text(data, size), "%%");
  parts.resize(4);
  for (const auto& name : lines_of(parts[0])) {
    try {
      (void)crm::named_period(name, now);
    } catch (const crm::Error&) {
    }
  }
  crm::CaseFilter filter;
  filter.statuses = lines_of(parts[1]);
  for (const auto& status : filter.statuses) {
    (void)crm::parse_status(status);
  }
  for (const auto& mapping : lines_of(parts[2])) {
    try {
      (void)crm::parse_column_mapping(mapping);
    } catch (const crm::Error&) {
    }
  }
  crm::Value record;
  try {
    record = crm::parse_yaml(parts[3], "fuzz.yaml");
  } catch (const crm::Error&) {
    return 0;
  }
  (void)crm::status_wanted(filter.statuses, record.get("status"));
  filter.department = record.get("department");
  filter.handler = "none";
  filter.opened_since = now - std::chrono::hours(24 * 30);
  (void)filter.matches(record);
  if (record.is_map()) {
    (void)filter.matches(crm::record_summary(record));
  }
  return 0;
}
