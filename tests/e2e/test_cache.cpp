// The record cache (.crm/cache): whatever state it is in, every command
// prints exactly what it prints without one (CRM_NO_CACHE=1).
#include "files.hpp"
#include "harness.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <thread>

using namespace e2e;
using V = std::vector<std::string>;

namespace {

const char* const k_now = "2026-11-23T10:00:00Z";

// The example CRM copied into the sandbox, its files a moment old so that
// the cache may trust their stamps.
void copy_examples(Sandbox& s) {
  fs::copy(CRM_EXAMPLES_DIR, s.crm_dir(), fs::copy_options::recursive);
  fs::remove_all(s.crm_dir() / ".crm");
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

// Commands that read many records, each compared with and without the cache.
const std::vector<V> k_readers = {
    {"report", "overdue"},
    {"report", "due-soon"},
    {"case", "list", "--status", "all", "--format", "json"},
    {"contact", "list", "--format", "csv"},
    {"call", "list"},
    {"call", "list", "--by", "raquel", "--since", "2026-11-20"},
    {"feedback", "list", "--status", "all"},
    {"mission", "list", "--status", "all"},
    {"report", "leaderboard"},
    {"report", "kpi"},
    {"report", "feedback"},
    {"log", "-n", "40"},
    {"--as", "vera", "inbox", "--all"},
    {"export", "--format", "json"},
};

void same_with_and_without_cache(Sandbox& s) {
  for (auto args : k_readers) {
    args.insert(args.begin(), {"--now", k_now});
    std::string command;
    for (const auto& a : args) {
      command += " " + a;
    }
    CAPTURE(command);
    Result plain = s.run_env({"CRM_NO_CACHE=1"}, args);
    Result first = s.run(args);   // builds or refreshes the cache
    Result second = s.run(args);  // served from it
    CHECK(first.status == plain.status);
    CHECK(first.out == plain.out);
    CHECK(first.err == plain.err);
    CHECK(second.status == plain.status);
    CHECK(second.out == plain.out);
    CHECK(second.err == plain.err);
  }
}

YAML::Node status_rows(Sandbox& s) { return parse(s.ok({"--format", "json", "cache", "status"})); }

}  // namespace

TEST_CASE("cache: every report is the same with the cache, without it, and after edits behind its back") {
  Sandbox s;
  copy_examples(s);
  same_with_and_without_cache(s);
  for (const auto& row : status_rows(s)) {
    CAPTURE(row["kind"].as<std::string>());
    CHECK(row["fresh"].as<int>() == row["files"].as<int>());
  }

  // crm's own writes, a deletion, and a hand edit that keeps the size and the mtime.
  s.ok({"--now", k_now, "--as", "vera", "log-call", "--contact", s.files_in("contacts").front().substr(9, 14),
        "--summary", "Asked about the bill"});
  auto cases = s.files_in("cases");
  fs::remove(s.crm_dir() / s.files_in("notifications").back());
  std::string path = cases.front();
  std::string text = s.read(path);
  auto title = text.find("\ntitle: ") + 8;
  text[title] = text[title] == 'X' ? 'Y' : 'X';
  auto mtime = fs::last_write_time(s.crm_dir() / path);
  std::ofstream(s.crm_dir() / path, std::ios::binary | std::ios::trunc) << text;  // in place, as editors may
  fs::last_write_time(s.crm_dir() / path, mtime);
  same_with_and_without_cache(s);
  CHECK(s.ok({"--format", "json", "case", "show", fs::path(path).stem().string()}).find(text.substr(title, 20)) !=
        std::string::npos);

  SUBCASE("a record renamed to another ID is the same error either way") {
    std::string contact = s.files_in("contacts").back();
    fs::rename(s.crm_dir() / contact, s.crm_dir() / "contacts" / "P-0000000000ZZ.yaml");
    Result plain = s.run_env({"CRM_NO_CACHE=1"}, {"contact", "list"});
    Result cached = s.run({"contact", "list"});
    CHECK(plain.status == 3);
    CHECK(cached.status == 3);
    CHECK(cached.err == plain.err);
    CHECK(plain.err.find("contacts/P-0000000000ZZ.yaml:") != std::string::npos);
  }
}

TEST_CASE("cache: a damaged cache is rebuilt without a word") {
  Sandbox s;
  copy_examples(s);
  same_with_and_without_cache(s);
  auto cache = s.crm_dir() / ".crm" / "cache";
  REQUIRE(fs::exists(cache / "cases.bin"));
  std::string bytes = crm::read_file(cache / "cases.bin");
  SUBCASE("a flipped byte") { bytes[bytes.size() / 2] ^= 0x20; }
  SUBCASE("cut short") { bytes.resize(bytes.size() / 3); }
  SUBCASE("garbage") { bytes = "not a cache at all"; }
  SUBCASE("empty") { bytes.clear(); }
  crm::write_file_atomic(cache / "cases.bin", bytes);
  crm::write_file_atomic(cache / "contacts.bin", bytes);
  same_with_and_without_cache(s);
  for (const auto& row : status_rows(s)) {
    CHECK(row["state"].as<std::string>() == "fresh");
  }
}

TEST_CASE("cache: a cache that cannot be written is no error") {
  Sandbox s;
  copy_examples(s);
  s.write(".crm/cache", "a file where the cache folder would go\n");
  same_with_and_without_cache(s);
  CHECK(s.read(".crm/cache") == "a file where the cache folder would go\n");
}

TEST_CASE("cache: status, rebuild and clear") {
  Sandbox s;
  copy_examples(s);
  for (const auto& row : status_rows(s)) {
    CHECK(row["state"].as<std::string>() == "none");
    CHECK(row["cached"].as<int>() == 0);
  }
  Result rebuild = s.run({"cache", "rebuild"});
  CHECK(rebuild.status == 0);
  CHECK(rebuild.out.empty());
  int files = 0;
  for (const auto& row : status_rows(s)) {
    CHECK(row["state"].as<std::string>() == "fresh");
    CHECK(row["cached"].as<int>() == row["files"].as<int>());
    files += row["files"].as<int>();
  }
  CHECK(files > 250);
  CHECK(rebuild.err.rfind("Cached " + std::to_string(files) + " records in .crm/cache (", 0) == 0);
  std::string table = s.ok({"cache", "status"});
  CHECK(lines(table).front().rfind("KIND", 0) == 0);
  CHECK(table.find("\ncase ") != std::string::npos);

  Result clear = s.run({"cache", "clear"});
  CHECK(clear.status == 0);
  CHECK(clear.err == "Removed .crm/cache\n");
  CHECK(!fs::exists(s.crm_dir() / ".crm" / "cache"));
}

TEST_CASE("cache: readers and writers at the same time never leave a torn cache") {
  Sandbox s;
  copy_examples(s);
  std::string id = fs::path(s.files_in("cases").front()).stem().string();
  std::vector<std::thread> crowd;
  std::vector<Result> results(8);
  for (int p = 0; p < 8; ++p) {
    crowd.emplace_back([&, p] {
      for (int i = 0; i < 5; ++i) {
        results[p] = p < 2 ? s.run({"--as", "vera", "case", "note", id, "--note", "note " + std::to_string(i)})
                           : s.run({"case", "list", "--status", "all"});
        if (results[p].status != 0) {
          return;
        }
      }
    });
  }
  for (auto& t : crowd) {
    t.join();
  }
  for (const auto& r : results) {
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    CHECK(r.status == 0);
  }
  for (const auto& row : status_rows(s)) {
    CHECK(row["state"].as<std::string>() != "unusable");
  }
  same_with_and_without_cache(s);
  CHECK(parse(s.ok({"--format", "json", "case", "show", id}))["history"].size() >= 10);
}
