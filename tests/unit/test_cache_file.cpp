#include "cache_file.hpp"
#include "files.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace crm;

namespace {

FileStat stat_of(std::uint64_t n) { return {n, static_cast<std::int64_t>(n) * 10, static_cast<std::int64_t>(n) * 20, n + 7}; }

// Writes entries with the given keys, record i being "record-<key>".
void write_keys(const fs::path& path, const std::vector<std::string>& keys, std::uint64_t fingerprint = 42) {
  CacheFileWriter writer(path, fingerprint);
  std::uint64_t n = 1;
  for (const auto& key : keys) {
    writer.add(key, stat_of(n), "summary-" + key, "record-" + key, n);
    ++n;
  }
  writer.commit();
}

std::vector<std::string> keys_in(const CacheFileView& view) {
  std::vector<std::string> out;
  CacheIndexCursor cursor(view);
  while (const CacheEntry* e = cursor.next()) {
    out.emplace_back(e->key);
    CHECK(e->blob == "record-" + out.back());
    CHECK(e->summary == "summary-" + out.back());
  }
  return out;
}

std::size_t files_in(const fs::path& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) {
    ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("a cache file written in key order reads back entry by entry") {
  test::TempDir dir;
  fs::path file = dir.path() / "cache" / "cases.bin";
  std::vector<std::string> keys = {"cases/C-A.yaml", "cases/C-B.yaml", "cases/C-C.yaml"};
  write_keys(file, keys);
  CacheFileView view = read_cache_file(file, 42);
  REQUIRE(view.usable);
  CHECK(view.count == 3);
  CHECK(keys_in(view) == keys);
  CHECK(files_in(file.parent_path()) == 1);  // no side files left behind

  CacheIndexCursor cursor(view);
  CHECK(cursor.find("cases/C-0.yaml") == nullptr);
  const CacheEntry* b = cursor.find("cases/C-B.yaml");
  REQUIRE(b);
  CHECK(b->stat == stat_of(2));
  CHECK(cursor.find("cases/C-BB.yaml") == nullptr);
  CHECK(cursor.find("cases/C-C.yaml") != nullptr);
  CHECK(cursor.find("cases/C-D.yaml") == nullptr);
}

TEST_CASE("a cache file is refused when damaged unsorted or for another fingerprint") {
  test::TempDir dir;
  fs::path file = dir.path() / "cases.bin";
  SUBCASE("another fingerprint") {
    write_keys(file, {"cases/C-A.yaml"});
    CHECK_FALSE(read_cache_file(file, 43).usable);
  }
  SUBCASE("keys out of order") {
    write_keys(file, {"cases/C-B.yaml", "cases/C-A.yaml"});
    CHECK_FALSE(read_cache_file(file, 42).usable);
  }
  SUBCASE("a flipped byte in the index") {
    write_keys(file, {"cases/C-A.yaml", "cases/C-B.yaml"});
    std::string bytes = read_file(file);
    bytes[bytes.rfind("C-B")] ^= 0x01;
    write_file_atomic(file, bytes);
    CHECK_FALSE(read_cache_file(file, 42).usable);
  }
  SUBCASE("cut short") {
    write_keys(file, {"cases/C-A.yaml", "cases/C-B.yaml"});
    std::string bytes = read_file(file);
    write_file_atomic(file, bytes.substr(0, bytes.size() - 1));
    CHECK_FALSE(read_cache_file(file, 42).usable);
  }
  SUBCASE("missing") { CHECK_FALSE(read_cache_file(file, 42).usable); }
}

TEST_CASE("an abandoned cache writer leaves nothing behind and the old file intact") {
  test::TempDir dir;
  fs::path file = dir.path() / "cases.bin";
  write_keys(file, {"cases/C-A.yaml"});
  {
    CacheFileWriter writer(file, 42);
    writer.add("cases/C-Z.yaml", stat_of(1), "s", "r", 1);
  }
  CHECK(files_in(dir.path()) == 1);
  CHECK(keys_in(read_cache_file(file, 42)) == std::vector<std::string>{"cases/C-A.yaml"});
}
