#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace crm::cli {

// Terminal charts for tables (only when Session::charts() says so).

// A bar of `value` against `most` filling up to `width` columns, drawn in
// eighths of a column; "" for nothing to draw.
std::string text_bar(double value, double most, std::size_t width = 20);

// One block character per value, scaled from 0 (or the lowest, when
// negative) to the highest (▁ to █); all equal values draw a flat line of ▄.
std::string text_sparkline(const std::vector<double>& values);

}  // namespace crm::cli
