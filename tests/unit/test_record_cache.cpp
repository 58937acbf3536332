#include "record_cache.hpp"
#include "temp_crm.hpp"
#include "value_codec.hpp"
#include "yaml_io.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <thread>

using namespace crm;

namespace {

const char* const k_case = R"(id: C-AAAAAAAAAAAA
title: "Leak: 12"
status: new
priority: normal
contact: P-AAAAAAAAAAAA
department: water
opened: 2026-11-23T09:00:00Z
tags: [pipes, urgent]
history:
  - at: 2026-11-23T09:00:00Z
    by: olivia
    event: opened
)";

std::string case_text(const std::string& id, const std::string& title) {
  std::string text = k_case;
  text.replace(text.find("C-AAAAAAAAAAAA"), 14, id);
  text.replace(text.find("\"Leak: 12\""), 10, title);
  return text;
}

// Same tree, same source lines, same plain flags.
void check_same(const Value& a, const Value& b) {
  REQUIRE(a.type() == b.type());
  CHECK(a.text() == b.text());
  CHECK(a.line() == b.line());
  CHECK(a.plain() == b.plain());
  REQUIRE(a.items().size() == b.items().size());
  for (std::size_t i = 0; i < a.items().size(); ++i) {
    check_same(a.items()[i], b.items()[i]);
  }
  REQUIRE(a.fields().size() == b.fields().size());
  for (std::size_t i = 0; i < a.fields().size(); ++i) {
    CHECK(a.fields()[i].first == b.fields()[i].first);
    check_same(a.fields()[i].second, b.fields()[i].second);
  }
}

// Files written just now share the kernel's clock tick with the next scan; a
// moment later the cache may trust them.
void settle() { std::this_thread::sleep_for(std::chrono::milliseconds(20)); }

std::vector<std::string> titles(const std::vector<Record>& records) {
  std::vector<std::string> out;
  for (const auto& r : records) {
    out.push_back(r.id + " " + r.get("title"));
  }
  return out;
}

const CacheKindStatus& case_status(const std::vector<CacheKindStatus>& all) {
  for (const auto& s : all) {
    if (s.kind == &case_kind()) {
      return s;
    }
  }
  FAIL("no case kind");
  return all.front();
}

}  // namespace

TEST_CASE("encode_value and decode_value keep the whole tree, its lines and plain flags") {
  Value parsed = parse_yaml(k_case, "C.yaml");
  std::string bytes;
  encode_value(parsed, bytes);
  std::size_t pos = 0;
  auto decoded = decode_value(bytes, pos);
  REQUIRE(decoded);
  CHECK(pos == bytes.size());
  CHECK(*decoded == parsed);
  check_same(*decoded, parsed);
  CHECK(decoded->find("history")->items()[0].find("by")->line() == 11);

  SUBCASE("damaged bytes are refused, never misread") {
    for (std::size_t cut = 0; cut < bytes.size(); cut += 7) {
      std::size_t p = 0;
      CHECK_FALSE(decode_value(std::string_view(bytes).substr(0, cut), p));
    }
    std::string bad = bytes;
    bad[0] = 9;  // no such type
    std::size_t p = 0;
    CHECK_FALSE(decode_value(bad, p));
  }
}

TEST_CASE("checksum64 tells apart texts that differ in one bit") {
  std::string text(1000, 'a');
  auto sum = checksum64(text);
  for (std::size_t i = 0; i < text.size(); i += 97) {
    std::string other = text;
    other[i] ^= 1;
    CHECK(checksum64(other) != sum);
  }
  CHECK(checksum64(text.substr(0, 999)) != sum);
}

TEST_CASE("load_all_cached gives what load_all gives, and notices every change") {
  test::TempCrm crm;
  crm.write("cases/C-AAAAAAAAAAAA.yaml", case_text("C-AAAAAAAAAAAA", "One"));
  crm.write("cases/C-BBBBBBBBBBBB.yaml", case_text("C-BBBBBBBBBBBB", "Two"));
  settle();
  Store& store = crm.store();
  store.set_cache_enabled(false);
  auto plain = store.load_all(case_kind());
  auto first = load_all_cached(store, case_kind());
  CHECK(titles(first) == titles(plain));
  auto status = case_status(cache_status(store));
  CHECK(status.usable);
  CHECK(status.cached == 2);
  CHECK(status.fresh == 2);
  auto second = load_all_cached(store, case_kind());
  REQUIRE(second.size() == plain.size());
  for (std::size_t i = 0; i < plain.size(); ++i) {
    CHECK(second[i].path == plain[i].path);
    CHECK(second[i].stored_events == plain[i].stored_events);
    check_same(second[i].data, plain[i].data);
  }

  SUBCASE("a file edited in place with its size and mtime kept") {
    fs::path path = crm.path() / "cases/C-AAAAAAAAAAAA.yaml";
    auto mtime = fs::last_write_time(path);
    std::ofstream(path, std::ios::binary | std::ios::trunc) << case_text("C-AAAAAAAAAAAA", "Uno");
    fs::last_write_time(path, mtime);
    CHECK(titles(load_all_cached(store, case_kind())) ==
          std::vector<std::string>{"C-AAAAAAAAAAAA Uno", "C-BBBBBBBBBBBB Two"});
  }
  SUBCASE("a deleted file and a new one") {
    fs::remove(crm.path() / "cases/C-AAAAAAAAAAAA.yaml");
    crm.write("cases/C-CCCCCCCCCCCC.yaml", case_text("C-CCCCCCCCCCCC", "Three"));
    CHECK(titles(load_all_cached(store, case_kind())) ==
          std::vector<std::string>{"C-BBBBBBBBBBBB Two", "C-CCCCCCCCCCCC Three"});
    settle();
    load_all_cached(store, case_kind());
    CHECK(case_status(cache_status(store)).cached == 2);
  }
  SUBCASE("a malformed file is the same error as without the cache") {
    crm.write("cases/C-BBBBBBBBBBBB.yaml", "id: C-BBBBBBBBBBBB\ntitle: [unclosed\n");
    std::string plain_error, cached_error;
    try {
      store.load_all(case_kind());
    } catch (const std::exception& e) {
      plain_error = e.what();
    }
    try {
      load_all_cached(store, case_kind());
    } catch (const std::exception& e) {
      cached_error = e.what();
    }
    CHECK(!plain_error.empty());
    CHECK(cached_error == plain_error);
  }
  SUBCASE("a damaged record inside an intact cache is read from its file, and the cache mended") {
    fs::path file = cache_dir(store) / "cases.bin";
    std::string bytes = read_file(file);
    auto at = bytes.rfind("One");  // the records come after the index, which holds the summaries
    REQUIRE(at != std::string::npos);
    bytes[at + 2] = 'f';
    write_file_atomic(file, bytes);
    CHECK(titles(load_all_cached(store, case_kind())) == titles(plain));
    CHECK(read_file(file).rfind("Onf") == std::string::npos);
    CHECK(titles(load_all_cached(store, case_kind())) == titles(plain));
  }
  SUBCASE("another crm.yaml makes the cache unusable until rebuilt") {
    crm.write("crm.yaml", "timezone: Europe/Oslo\n");
    CHECK_FALSE(case_status(cache_status(store)).usable);
    CHECK(titles(load_all_cached(store, case_kind())) == titles(plain));
    CHECK(case_status(cache_status(store)).usable);
  }
}

TEST_CASE("load_all_cached reads a file changed right after the cache was written") {
  test::TempCrm crm;
  crm.write("cases/C-AAAAAAAAAAAA.yaml", case_text("C-AAAAAAAAAAAA", "One"));
  crm.write("cases/C-BBBBBBBBBBBB.yaml", case_text("C-BBBBBBBBBBBB", "Two"));
  settle();
  load_all_cached(crm.store(), case_kind());
  crm.write("cases/C-BBBBBBBBBBBB.yaml", case_text("C-BBBBBBBBBBBB", "Too"));
  // Right after the write, maybe in the same clock tick: too fresh to be trusted next time.
  CHECK(titles(load_all_cached(crm.store(), case_kind())) ==
        std::vector<std::string>{"C-AAAAAAAAAAAA One", "C-BBBBBBBBBBBB Too"});
  crm.write("cases/C-BBBBBBBBBBBB.yaml", case_text("C-BBBBBBBBBBBB", "Tre"));
  CHECK(titles(load_all_cached(crm.store(), case_kind())) ==
        std::vector<std::string>{"C-AAAAAAAAAAAA One", "C-BBBBBBBBBBBB Tre"});
}

TEST_CASE("load_where keeps the records whose summary passes, with the cache or without") {
  test::TempCrm crm;
  crm.write("cases/C-AAAAAAAAAAAA.yaml", case_text("C-AAAAAAAAAAAA", "One"));
  std::string closed = case_text("C-BBBBBBBBBBBB", "Two");
  closed.replace(closed.find("status: new"), 11, "status: closed");
  closed += "  - at: 2026-11-23T10:00:00Z\n    by: olivia\n    event: closed\n";
  crm.write("cases/C-BBBBBBBBBBBB.yaml", closed);
  settle();
  Store& store = crm.store();
  std::vector<std::string> summaries;
  auto open = [&summaries](const Value& summary) {
    summaries.push_back(summary.get("id") + " " + summary.get("title") + " @closed=" + summary.get("@closed"));
    return summary.get("@closed").empty();
  };
  store.set_cache_enabled(false);
  CHECK(titles(store.load_where(case_kind(), open)) == std::vector<std::string>{"C-AAAAAAAAAAAA One"});
  CHECK(summaries == std::vector<std::string>{"C-AAAAAAAAAAAA One @closed=",
                                              "C-BBBBBBBBBBBB Two @closed=2026-11-23T10:00:00Z"});
  store.set_cache_enabled(true);
  for (int run = 0; run < 2; ++run) {  // building the cache, then from it
    summaries.clear();
    CHECK(titles(store.load_where(case_kind(), open)) == std::vector<std::string>{"C-AAAAAAAAAAAA One"});
    CHECK(summaries.size() == 2);
  }
  CHECK(titles(store.load_all(case_kind())) ==
        std::vector<std::string>{"C-AAAAAAAAAAAA One", "C-BBBBBBBBBBBB Two"});
}

TEST_CASE("path_less orders plain strings as std::filesystem::path does") {
  // '-' and '.' sort before '/' as characters but after it as separators.
  std::vector<std::string> paths = {"calls/a/b.yaml", "calls/a-x/b.yaml", "calls/a.yaml", "calls/a/b",
                                    "calls/ab.yaml",  "calls/a",          "calls/A.yaml", "calls/a/b/c",
                                    "calls/a0/z",     "calls/\xc3\xa9.yaml", "calls/z",   "calls/a/b-c"};
  for (const auto& a : paths) {
    for (const auto& b : paths) {
      CAPTURE(a);
      CAPTURE(b);
      CHECK(crm::path_less(a, b) == (fs::path(a) < fs::path(b)));
    }
  }
}
