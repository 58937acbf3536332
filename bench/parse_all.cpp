// crm-bench-parse-all DIR: parses every record file under DIR with yaml-cpp,
// one after the other on one core, and prints the files, bytes and seconds.
// It is the yardstick for a cold `crm report overdue`: crm cannot read the
// records faster than yaml-cpp parses them, shared out over the cores.
#include <yaml-cpp/yaml.h>

#include <chrono>
#include <filesystem>
#include <iostream>

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: crm-bench-parse-all DIR\n";
    return 2;
  }
  auto start = std::chrono::steady_clock::now();
  std::size_t files = 0;
  std::uintmax_t bytes = 0;
  std::size_t nodes = 0;
  for (const auto& entry : fs::recursive_directory_iterator(argv[1])) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") {
      YAML::Node doc = YAML::LoadFile(entry.path().string());
      nodes += doc.size();  // use the result so nothing is optimised away
      bytes += entry.file_size();
      ++files;
    }
  }
  std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  std::cout << files << " files, " << bytes << " bytes, " << nodes << " top-level keys, " << took.count() << " s\n";
  return 0;
}
