// The merge driver (`crm merge-driver`, git's %O %A %B): three record texts
// split at lines "%%" (base, ours, theirs); the first byte picks the kind.
// Only crm::Error may escape (a side that is not a record); a merge that
// reports no conflict must give a file that parses and re-merges to itself.

#include "error.hpp"
#include "fuzz_input.hpp"
#include "record_merge.hpp"
#include "schema.hpp"
#include "yaml_io.hpp"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  const auto& kinds = crm::all_kinds();
  const crm::KindSpec& kind = *kinds[data[0] % kinds.size()];
  auto parts = fuzz_parts(fuzz_text(data + 1, size - 1), "%%");
  parts.resize(3);
  crm::RecordMerge merged;
  try {
    merged = crm::merge_record(kind, parts[0], parts[1], parts[2]);
  } catch (const crm::Error&) {
    return 0;
  }
  if (!merged.conflicts.empty()) {
    if (!crm::find_conflict_marker(merged.text)) {
      std::fprintf(stderr, "a conflicting merge left no marker:\n%s", merged.text.c_str());
      std::abort();
    }
    return 0;
  }
  try {
    (void)crm::parse_yaml(merged.text, "merged.yaml");
  } catch (const crm::Error& e) {
    std::fprintf(stderr, "a clean merge does not parse (%s):\n%s", e.what(), merged.text.c_str());
    std::abort();
  }
  crm::RecordMerge again = crm::merge_record(kind, merged.text, merged.text, merged.text);
  if (!again.conflicts.empty() || again.text != merged.text) {
    std::fprintf(stderr, "a clean merge is not stable:\n--- first\n%s--- again\n%s", merged.text.c_str(),
                 again.text.c_str());
    std::abort();
  }
  return 0;
}
