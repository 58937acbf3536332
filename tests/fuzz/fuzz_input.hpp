#pragma once

// Helpers the fuzz targets share: turning libFuzzer's bytes into the texts
// crm's parsers take. Header-only and file-local, so no name reaches crm's
// namespace.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace {

[[maybe_unused]] std::string fuzz_text(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// Splits `text` at each line that is exactly `separator` (e.g. "%%"), so one
// input can carry several texts and seeds stay readable.
[[maybe_unused]] std::vector<std::string> fuzz_parts(const std::string& text, const std::string& separator) {
  std::vector<std::string> parts(1);
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    std::string line = text.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    if (line == separator) {
      parts.emplace_back();
    } else {
      parts.back() += line;
      if (end != std::string::npos) {
        parts.back() += '\n';
      }
    }
    if (end == std::string::npos) {
      break;
    }
    pos = end + 1;
  }
  return parts;
}

}  // namespace
