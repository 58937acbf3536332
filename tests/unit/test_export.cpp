#include "export.hpp"

#include "json.hpp"
#include "temp_crm.hpp"

#include <doctest/doctest.h>

#include <sstream>

using namespace crm;

namespace {

void check_streamed_equals_whole(const Store& store, const std::vector<std::string>& names) {
  auto kinds = export_kinds(names);
  std::ostringstream streamed;
  write_export_json(streamed, store, kinds);
  CHECK(streamed.str() == to_json(export_records(store, kinds)));
}

}  // namespace

TEST_CASE("streamed JSON export is byte for byte the whole-tree JSON") {
  Store examples(CRM_EXAMPLES_DIR);
  examples.set_cache_enabled(false);  // never write into the source tree
  for (const auto& names : std::vector<std::vector<std::string>>{{}, {"user"}, {"cases"}, {"contact", "call"}}) {
    CAPTURE(names.size());
    check_streamed_equals_whole(examples, names);
  }
  test::TempCrm empty;
  check_streamed_equals_whole(empty.store(), {});
  check_streamed_equals_whole(empty.store(), {"mission"});
}
