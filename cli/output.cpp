#include "output.hpp"

#include "html.hpp"
#include "json.hpp"
#include "yaml_io.hpp"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <ostream>

namespace crm::cli {

std::size_t display_width(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) {
    n += (c & 0xc0) != 0x80;  // count UTF-8 lead bytes only
  }
  return n;
}

// Cuts `s` to `width` display columns, marking the cut with "…".
std::string truncate_to(const std::string& s, std::size_t width) {
  if (display_width(s) <= width || width == 0) {
    return s;
  }
  std::string out;
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c & 0xc0) != 0x80) {
      if (++n > width - 1) {
        break;
      }
    }
    out += s[i];
  }
  return out + "…";
}

namespace {

std::string one_line(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  std::replace(s.begin(), s.end(), '\r', ' ');
  std::replace(s.begin(), s.end(), '\t', ' ');
  return s;
}

}  // namespace

std::string cell_text(Session& session, const Value* v, bool time, const std::string& list_separator) {
  if (!v || v->is_null()) {
    return "";
  }
  if (v->is_list()) {
    std::string out;
    for (const auto& item : v->items()) {
      out += (out.empty() ? "" : list_separator) + item.text();
    }
    return out;
  }
  if (time && !v->text().empty()) {
    if (auto t = parse_stored_time(v->text())) {
      return format_local(*t, session.zone());
    }
  }
  return v->text();
}

namespace {

std::string csv_escape(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) {
    return s;
  }
  std::string out = "\"";
  for (char c : s) {
    out += c == '"' ? std::string("\"\"") : std::string(1, c);
  }
  return out + "\"";
}

std::string tsv_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\\': out += "\\\\"; break;
      default: out += c;
    }
  }
  return out;
}

void print_delimited(Session& session, const std::vector<Value>& rows, const std::vector<std::string>& fields) {
  bool csv = session.format() == Format::Csv;
  auto escape = [&](const std::string& s) { return csv ? csv_escape(s) : tsv_escape(s); };
  const char* sep = csv ? "," : "\t";
  std::ostream& out = session.out();
  for (std::size_t i = 0; i < fields.size(); ++i) {
    out << (i ? sep : "") << escape(fields[i]);
  }
  out << (csv ? "\r\n" : "\n");
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      out << (i ? sep : "") << escape(cell_text(session, row.find(fields[i]), false, ";"));
    }
    out << (csv ? "\r\n" : "\n");
  }
}

std::size_t terminal_width() {
  winsize ws{};
  if (::isatty(STDOUT_FILENO) && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
    return ws.ws_col;
  }
  return 0;  // not a terminal: never truncate
}

std::vector<std::string> html_headers(const std::vector<Column>& columns, const std::vector<std::string>& fields) {
  std::vector<std::string> out;
  for (const auto& c : columns) {
    out.push_back(c.header.empty() ? c.key : c.header);
  }
  return columns.empty() ? fields : out;
}

std::vector<std::vector<HtmlPage::Cell>> html_cells(Session& session, const std::vector<Value>& rows,
                                                    const std::vector<Column>& columns,
                                                    const std::vector<std::string>& fields) {
  std::vector<Column> shown = columns;
  if (shown.empty()) {
    for (const auto& f : fields) {
      shown.push_back({f, f});
    }
  }
  std::vector<std::vector<HtmlPage::Cell>> out;
  for (const auto& row : rows) {
    std::vector<HtmlPage::Cell> line;
    for (const auto& c : shown) {
      const Value* v = row.find(c.key);
      line.push_back({cell_text(session, v, c.time, ", "), v && v->type() == Value::Type::Number, ""});
    }
    out.push_back(std::move(line));
  }
  return out;
}

bool is_fact(const Value& v) {
  return v.is_scalar() ||
         (v.is_list() && std::all_of(v.items().begin(), v.items().end(), [](const Value& i) { return i.is_scalar(); }));
}

void print_html_details(Session& session, const Value& object, const std::vector<Section>& sections,
                        const std::vector<std::string>& time_fields) {
  std::string id = object.get("id");
  HtmlPage page(session.command_title() + (id.empty() ? "" : " " + id));
  std::vector<std::pair<std::string, std::string>> facts;
  for (const auto& [key, v] : object.fields()) {
    if (!v.is_null() && is_fact(v) && !(v.is_list() && v.items().empty())) {
      bool time = std::find(time_fields.begin(), time_fields.end(), key) != time_fields.end();
      facts.emplace_back(key, cell_text(session, &v, time, ", "));
    }
  }
  page.facts(facts);
  for (const auto& section : sections) {
    page.heading(2, section.title);
    if (section.rows.empty()) {
      page.paragraph(section.empty_text, "empty");
    } else {
      page.table(html_headers(section.columns, {}), html_cells(session, section.rows, section.columns, {}));
    }
  }
  session.out() << page.finish();
}

// One page holding the table (the columns, or every field when none).
void print_html_table(Session& session, const std::vector<Value>& rows, const std::vector<std::string>& fields,
                      const std::vector<Column>& columns) {
  HtmlPage page(session.command_title());
  if (rows.empty()) {
    page.paragraph("Nothing to show.", "empty");
  } else {
    page.table(html_headers(columns, fields), html_cells(session, rows, columns, fields));
  }
  session.out() << page.finish();
}

void print_table(Session& session, const std::vector<Value>& rows, const std::vector<Column>& columns) {
  std::vector<std::vector<std::string>> cells;
  std::vector<std::size_t> widths;
  for (const auto& c : columns) {
    widths.push_back(display_width(c.header));
  }
  for (const auto& row : rows) {
    std::vector<std::string> line;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      line.push_back(one_line(cell_text(session, row.find(columns[i].key), columns[i].time, ", ")));
      widths[i] = std::max(widths[i], display_width(line.back()));
    }
    cells.push_back(std::move(line));
  }
  // On a terminal, the last column gives way so lines do not wrap.
  if (std::size_t width = terminal_width(); width > 0 && !columns.empty()) {
    std::size_t used = 0;
    for (std::size_t i = 0; i + 1 < widths.size(); ++i) {
      used += widths[i] + 2;
    }
    if (used + widths.back() > width && width > used + 10) {
      widths.back() = width - used;
    }
  }
  bool color = session.color();
  std::ostream& out = session.out();
  auto emit = [&](const std::vector<std::string>& line, bool header) {
    std::string text;
    for (std::size_t i = 0; i < line.size(); ++i) {
      bool last = i + 1 == line.size();
      std::string cell = truncate_to(line[i], widths[i]);
      std::string pad = last ? "" : std::string(widths[i] - display_width(cell) + 2, ' ');
      text += cell + pad;
    }
    while (!text.empty() && text.back() == ' ') {
      text.pop_back();  // an empty last cell leaves no trailing blanks
    }
    out << (header && color ? "\033[1m" + text + "\033[0m" : text) << '\n';
  };
  std::vector<std::string> headers;
  for (const auto& c : columns) {
    headers.push_back(c.header);
  }
  emit(headers, true);
  for (const auto& line : cells) {
    emit(line, false);
  }
}

}  // namespace

Value project(const Value& record, const std::vector<std::string>& fields) {
  Value out = Value::map();
  for (const auto& f : fields) {
    const Value* v = record.find(f);
    out.set(f, v ? *v : Value());
  }
  return out;
}

void print_rows(Session& session, const std::vector<Value>& rows, const std::vector<std::string>& fields,
                const std::vector<Column>& columns) {
  switch (session.format()) {
    case Format::Json: {
      Value list = Value::list();
      for (const auto& r : rows) {
        list.push_back(r);
      }
      session.out() << to_json(list);
      break;
    }
    case Format::Yaml: {
      Value list = Value::list();
      for (const auto& r : rows) {
        list.push_back(r);
      }
      session.out() << (rows.empty() ? "[]\n" : emit_yaml(list));
      break;
    }
    case Format::Csv:
    case Format::Tsv:
      print_delimited(session, rows, fields);
      break;
    case Format::Table:
      if (!rows.empty()) {
        print_table(session, rows, columns);
      }
      break;
    case Format::Html:
      print_html_table(session, rows, fields, columns);
      break;
  }
}

void print_details(Session& session, const Value& object, const std::vector<Section>& sections,
                   const std::vector<std::string>& time_fields) {
  std::ostream& out = session.out();
  switch (session.format()) {
    case Format::Json:
      out << to_json(object);
      return;
    case Format::Yaml:
      out << emit_yaml(object);
      return;
    case Format::Csv:
    case Format::Tsv: {
      std::vector<std::string> fields;
      for (const auto& [key, v] : object.fields()) {
        if (v.is_null() || is_fact(v)) {
          fields.push_back(key);
        }
      }
      print_delimited(session, {object}, fields);
      return;
    }
    case Format::Table:
      break;
    case Format::Html:
      print_html_details(session, object, sections, time_fields);
      return;
  }
  std::size_t key_width = 0;
  for (const auto& [key, v] : object.fields()) {
    if (!v.is_map() && !(v.is_list() && !v.items().empty() && v.items().front().is_map())) {
      key_width = std::max(key_width, key.size());
    }
  }
  bool color = session.color();
  for (const auto& [key, v] : object.fields()) {
    if (v.is_null() || v.is_map() || (v.is_list() && (v.items().empty() || v.items().front().is_map()))) {
      continue;
    }
    bool time = std::find(time_fields.begin(), time_fields.end(), key) != time_fields.end();
    std::string label = fmt::format("{:<{}}", key + ":", key_width + 1);
    out << (color ? "\033[2m" + label + "\033[0m" : label) << ' ' << cell_text(session, &v, time, ", ") << '\n';
  }
  for (const auto& section : sections) {
    out << '\n' << (color ? "\033[1m" + section.title + "\033[0m" : section.title) << '\n';
    if (section.rows.empty()) {
      out << "  (" << section.empty_text << ")\n";
    } else {
      print_table(session, section.rows, section.columns);
    }
  }
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) {
    out += (out.empty() ? "" : ", ") + s;
  }
  return out;
}

}  // namespace crm::cli
