#include "charts.hpp"

#include <algorithm>
#include <cmath>

namespace crm::cli {
namespace {

// Partial blocks by eighths: index 1 is one eighth wide.
const char* const k_eighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"};
const char* const k_levels[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};

}  // namespace

std::string text_bar(double value, double most, std::size_t width) {
  if (!(value > 0) || !(most > 0)) {
    return "";
  }
  auto eighths = static_cast<std::size_t>(std::lround(std::min(value / most, 1.0) * static_cast<double>(width) * 8));
  eighths = std::max<std::size_t>(eighths, 1);  // anything above zero shows
  std::string out;
  for (std::size_t i = 0; i < eighths / 8; ++i) {
    out += k_eighths[8];
  }
  return out + k_eighths[eighths % 8];
}

std::string text_sparkline(const std::vector<double>& values) {
  if (values.empty()) {
    return "";
  }
  double low = std::min(0.0, *std::min_element(values.begin(), values.end()));  // counts start at 0
  double high = *std::max_element(values.begin(), values.end());
  std::string out;
  for (double v : values) {
    std::size_t level = 3;
    if (high > low) {
      level = static_cast<std::size_t>(std::lround((v - low) / (high - low) * 7));
    }
    out += k_levels[std::min<std::size_t>(level, 7)];
  }
  return out;
}

}  // namespace crm::cli
