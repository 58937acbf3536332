#include "html.hpp"

#include "output.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace crm::cli {
namespace {

// Print-friendly: black on white, one accent colour, tables that fit A4.
constexpr const char* k_style = R"(
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #fff;
       margin: 2rem auto; max-width: 80rem; padding: 0 1rem; line-height: 1.4; }
h1 { font-size: 1.8rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.35rem; border-bottom: 2px solid #2a6f97; padding-bottom: 0.2rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin-top: 1.4rem; }
p.subtitle { color: #555; margin-top: 0; }
p.empty { color: #777; font-style: italic; }
dl.facts { display: grid; grid-template-columns: max-content auto; gap: 0.15rem 1rem; }
dl.facts dt { color: #555; }
dl.facts dd { margin: 0; font-weight: 600; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.85rem; }
th, td { padding: 0.25rem 0.45rem; border-bottom: 1px solid #ddd; text-align: left; vertical-align: middle; }
th { background: #eef4f8; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td svg { vertical-align: middle; margin-left: 0.4rem; }
figure { margin: 0.5rem 0; }
svg text { font-family: inherit; font-size: 12px; fill: #1a1a1a; }
svg rect.bar { fill: #2a6f97; }
svg polyline { fill: none; stroke: #2a6f97; stroke-width: 1.5; }
)";

std::string number_text(double d) { return fmt::format("{:.1f}", d); }

}  // namespace

std::string html_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

HtmlPage::HtmlPage(const std::string& title, const std::string& subtitle) : m_title(title), m_subtitle(subtitle) {}

void HtmlPage::heading(int level, const std::string& text, const std::string& id) {
  level = std::clamp(level, 1, 6);
  m_body += fmt::format("<h{}{}>{}</h{}>\n", level, id.empty() ? "" : " id=\"" + html_escape(id) + "\"",
                        html_escape(text), level);
}

void HtmlPage::open_section(const std::string& id) {
  m_body += "<section" + (id.empty() ? std::string() : " id=\"" + html_escape(id) + "\"") + ">\n";
  ++m_open_sections;
}

void HtmlPage::close_section() {
  if (m_open_sections > 0) {
    m_body += "</section>\n";
    --m_open_sections;
  }
}

void HtmlPage::facts(const std::vector<std::pair<std::string, std::string>>& items) {
  if (items.empty()) {
    return;
  }
  m_body += "<dl class=\"facts\">\n";
  for (const auto& [key, value] : items) {
    m_body += "<dt>" + html_escape(key) + "</dt><dd>" + html_escape(value) + "</dd>\n";
  }
  m_body += "</dl>\n";
}

void HtmlPage::paragraph(const std::string& text, const std::string& css_class) {
  m_body += (css_class.empty() ? "<p>" : "<p class=\"" + html_escape(css_class) + "\">") + html_escape(text) + "</p>\n";
}

void HtmlPage::table(const std::vector<std::string>& headers, const std::vector<std::vector<Cell>>& rows) {
  m_body += "<table>\n<thead><tr>";
  for (const auto& h : headers) {
    m_body += "<th scope=\"col\">" + html_escape(h) + "</th>";
  }
  m_body += "</tr></thead>\n<tbody>\n";
  for (const auto& row : rows) {
    m_body += "<tr>";
    for (const auto& cell : row) {
      m_body += (cell.number ? "<td class=\"num\">" : "<td>") + html_escape(cell.text) + cell.svg + "</td>";
    }
    m_body += "</tr>\n";
  }
  m_body += "</tbody>\n</table>\n";
}

void HtmlPage::bar_chart(const std::string& caption, const std::vector<std::string>& labels,
                         const std::vector<double>& values, const std::vector<std::string>& value_texts) {
  constexpr int label_width = 180, bar_width = 320, value_width = 90, row_height = 22;
  double most = 0;
  for (double v : values) {
    most = std::max(most, v);
  }
  int height = static_cast<int>(labels.size()) * row_height + 4;
  int width = label_width + bar_width + value_width;
  m_body += "<figure>\n";
  m_body += fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" role=\"img\" "
      "aria-label=\"{}\">\n",
      width, height, width, height, html_escape(caption));
  for (std::size_t i = 0; i < labels.size(); ++i) {
    int y = static_cast<int>(i) * row_height + 2;
    double v = i < values.size() ? std::max(0.0, values[i]) : 0;
    double length = most > 0 ? v / most * bar_width : 0;
    std::string label = truncate_to(labels[i], 28);
    m_body += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", label_width - 6, y + 15,
                          html_escape(label));
    m_body += fmt::format("<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>", label_width, y + 3,
                          number_text(length), row_height - 6);
    m_body += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", number_text(label_width + length + 6), y + 15,
                          html_escape(i < value_texts.size() ? value_texts[i] : ""));
  }
  m_body += "</svg>\n</figure>\n";
}

std::string HtmlPage::finish() {
  while (m_open_sections > 0) {
    close_section();
  }
  std::string page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  page += "<title>" + html_escape(m_title) + "</title>\n<style>" + k_style + "</style>\n</head>\n<body>\n";
  page += "<header>\n<h1>" + html_escape(m_title) + "</h1>\n";
  if (!m_subtitle.empty()) {
    page += "<p class=\"subtitle\">" + html_escape(m_subtitle) + "</p>\n";
  }
  page += "</header>\n<main>\n" + m_body + "</main>\n</body>\n</html>\n";
  return page;
}

std::string svg_sparkline(const std::vector<double>& values, const std::string& label) {
  constexpr int width = 64, height = 18;
  if (values.empty()) {
    return "";
  }
  double low = std::min(0.0, *std::min_element(values.begin(), values.end()));  // counts start at 0
  double high = *std::max_element(values.begin(), values.end());
  std::string points;
  for (std::size_t i = 0; i < values.size(); ++i) {
    double x = values.size() == 1 ? width / 2.0 : static_cast<double>(i) * width / static_cast<double>(values.size() - 1);
    double y = high > low ? height - 2 - (values[i] - low) / (high - low) * (height - 4) : height / 2.0;
    points += (points.empty() ? "" : " ") + number_text(x) + "," + number_text(y);
  }
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" role=\"img\" "
      "aria-label=\"{}\"><polyline points=\"{}\"/></svg>",
      width, height, width, height, html_escape(label), points);
}

}  // namespace crm::cli
