#pragma once

#include <string>
#include <vector>

namespace crm::cli {

// Builds one self-contained HTML5 page for the notice board: inline CSS and
// SVG, no script, no external resource, so it can be pinned up or mailed.
class HtmlPage {
 public:
  explicit HtmlPage(const std::string& title, const std::string& subtitle = "");

  void heading(int level, const std::string& text, const std::string& id = "");
  // Opens and closes a <section> (nested sections allowed).
  void open_section(const std::string& id);
  void close_section();
  // "key: value" facts as a definition list.
  void facts(const std::vector<std::pair<std::string, std::string>>& items);
  void paragraph(const std::string& text, const std::string& css_class = "");

  struct Cell {
    std::string text;
    bool number = false;   // right-aligned
    std::string svg;       // drawn after the text (a sparkline), already markup
  };
  void table(const std::vector<std::string>& headers, const std::vector<std::vector<Cell>>& rows);

  // Horizontal bars, one per label; `values` are not negative.
  void bar_chart(const std::string& caption, const std::vector<std::string>& labels, const std::vector<double>& values,
                 const std::vector<std::string>& value_texts);

  // The finished page.
  std::string finish();

 private:
  std::string m_body;
  std::string m_title;
  std::string m_subtitle;
  int m_open_sections = 0;
};

// Text made safe for HTML element content and attribute values.
std::string html_escape(const std::string& text);
// A small inline SVG line of `values` (e.g. a weekly trend); `label` is
// what a screen reader says (the numbers).
std::string svg_sparkline(const std::vector<double>& values, const std::string& label);

}  // namespace crm::cli
