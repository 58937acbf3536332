#include "error.hpp"
#include "journal.hpp"
#include "store.hpp"
#include "temp_crm.hpp"
#include "temp_dir.hpp"

#include <doctest/doctest.h>

using namespace crm;

namespace {

int count_entries(const fs::path& folder) {
  int n = 0;
  for (const auto& e : fs::directory_iterator(folder)) {
    (void)e;
    ++n;
  }
  return n;
}

// Fails the second temporary-file write with ENOSPC, as a full disk would.
int g_writes = 0;
int fail_second_write(WriteStep step, const fs::path&) {
  return step == WriteStep::WriteTemp && ++g_writes == 2 ? ENOSPC : 0;
}

}  // namespace

TEST_CASE("a journal decodes to the renames it encodes") {
  std::vector<Rename> renames = {{"cases/.C-1.yaml.tmp.12.34", "cases/C-1.yaml"},
                                 {"calls/ab/.K-AB1.yaml.tmp.12.35", "calls/ab/K-AB1.yaml"}};
  std::string text = encode_journal(renames);
  REQUIRE(decode_journal(text));
  CHECK(*decode_journal(text) == renames);
  CHECK(decode_journal(encode_journal({}))->empty());
}

TEST_CASE("a torn or hostile journal decodes to nothing") {
  std::string text = encode_journal({{"cases/.C-1.yaml.tmp.1.2", "cases/C-1.yaml"}});
  for (std::size_t cut = 0; cut < text.size(); ++cut) {
    CHECK_FALSE(decode_journal(text.substr(0, cut)));
  }
  CHECK_FALSE(decode_journal(text + "x"));
  CHECK_FALSE(decode_journal("crm-journal 1\ncases/.C-1.yaml.tmp.1.2\tcases/C-1.yaml\nend 2\n"));
  CHECK_FALSE(decode_journal(encode_journal({{"../.x.tmp.1", "../x"}})));
  CHECK_FALSE(decode_journal(encode_journal({{"/tmp/.x.tmp.1", "/tmp/x"}})));
  CHECK_FALSE(decode_journal(encode_journal({{"cases/.C-1.yaml.tmp.1", "contacts/C-1.yaml"}})));
  CHECK_FALSE(decode_journal(encode_journal({{"cases/C-2.yaml", "cases/C-1.yaml"}})));
}

TEST_CASE("write_files_together writes every file and leaves no journal") {
  test::TempDir dir;
  write_file_atomic(dir.path() / "a" / "one.yaml", "old\n");
  write_files_together(dir.path(), {{dir.path() / "a" / "one.yaml", "new 1\n"}, {dir.path() / "b" / "two.yaml", "new 2\n"}});
  CHECK(read_file(dir.path() / "a" / "one.yaml") == "new 1\n");
  CHECK(read_file(dir.path() / "b" / "two.yaml") == "new 2\n");
  CHECK_FALSE(fs::exists(journal_path(dir.path())));
  CHECK(count_entries(dir.path() / "a") == 1);
  CHECK(replay_journal(dir.path(), dir.path() / ".crm" / "lock") == 0);
}

TEST_CASE("a full disk during write_files_together changes nothing and leaves no temporary file") {
  test::TempDir dir;
  write_file_atomic(dir.path() / "a" / "one.yaml", "old\n");
  g_writes = 0;
  g_write_fault_hook = fail_second_write;
  CHECK_THROWS_AS(write_files_together(dir.path(), {{dir.path() / "a" / "one.yaml", "new 1\n"},
                                                    {dir.path() / "a" / "two.yaml", "new 2\n"}}),
                  Error);
  g_write_fault_hook = nullptr;
  CHECK(read_file(dir.path() / "a" / "one.yaml") == "old\n");
  CHECK(count_entries(dir.path() / "a") == 1);
  CHECK_FALSE(fs::exists(journal_path(dir.path())));
}

TEST_CASE("replay_journal finishes the renames a crash left and is idempotent") {
  test::TempDir dir;
  fs::path root = dir.path();
  write_file_atomic(root / "a" / "one.yaml", "old 1\n");
  write_file_atomic(root / "a" / "two.yaml", "old 2\n");
  // A crash after the first rename: one temporary file is in place, one is not.
  write_file_atomic(root / "a" / ".two.yaml.tmp.9.9", "new 2\n");
  write_file_atomic(root / "a" / "one.yaml", "new 1\n");
  write_file_atomic(journal_path(root), encode_journal({{"a/.one.yaml.tmp.9.8", "a/one.yaml"},
                                                        {"a/.two.yaml.tmp.9.9", "a/two.yaml"}}));
  CHECK(replay_journal(root, root / ".crm" / "lock") == 2);
  CHECK(read_file(root / "a" / "one.yaml") == "new 1\n");
  CHECK(read_file(root / "a" / "two.yaml") == "new 2\n");
  CHECK(count_entries(root / "a") == 2);
  CHECK_FALSE(fs::exists(journal_path(root)));
  CHECK(replay_journal(root, root / ".crm" / "lock") == 0);
}

TEST_CASE("replay_journal discards a damaged journal without touching a file") {
  test::TempDir dir;
  fs::path root = dir.path();
  write_file_atomic(root / "a" / "one.yaml", "old 1\n");
  write_file_atomic(root / "a" / ".one.yaml.tmp.9.8", "new 1\n");
  std::string text = encode_journal({{"a/.one.yaml.tmp.9.8", "a/one.yaml"}});
  write_file_atomic(journal_path(root), text.substr(0, text.size() - 3));
  CHECK(replay_journal(root, root / ".crm" / "lock") == 0);
  CHECK(read_file(root / "a" / "one.yaml") == "old 1\n");
  CHECK_FALSE(fs::exists(journal_path(root)));
}

TEST_CASE("opening a store leaves a busy writer's journal alone and the next transaction completes it") {
  test::TempCrm crm;
  fs::path root = crm.path();
  crm.write("contacts/.P-1.yaml.tmp.9.8", "new\n");
  crm.write(".crm/journal", encode_journal({{"contacts/.P-1.yaml.tmp.9.8", "contacts/P-1.yaml"}}));
  {
    // The writer is alive: opening a store does not wait for it nor touch its write.
    FileLock writer(root / ".crm" / "lock", 0);
    Store opened(root);
    CHECK(opened.recovered_files() == 0);
    CHECK(fs::exists(journal_path(root)));
  }
  // It died without finishing: the next writer completes its write first.
  Store opened(root);
  CHECK(opened.recovered_files() == 1);
  CHECK(read_file(root / "contacts" / "P-1.yaml") == "new\n");

  crm.write("contacts/.P-2.yaml.tmp.9.9", "new 2\n");
  std::optional<FileLock> writer;
  writer.emplace(root / ".crm" / "lock", 0);
  crm.write(".crm/journal", encode_journal({{"contacts/.P-2.yaml.tmp.9.9", "contacts/P-2.yaml"}}));
  Store busy(root);
  writer.reset();
  Transaction tx(busy);
  CHECK(read_file(root / "contacts" / "P-2.yaml") == "new 2\n");
  CHECK_FALSE(fs::exists(journal_path(root)));
}
