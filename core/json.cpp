#include "json.hpp"

#include <cstdio>

namespace crm {
namespace {

// Length of the valid UTF-8 sequence starting at `i`, or 0 if invalid.
std::size_t utf8_length(const std::string& s, std::size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
  if (n == 0 || i + n > s.size()) {
    return 0;
  }
  for (std::size_t k = 1; k < n; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80) {
      return 0;
    }
  }
  return n;
}

void quote(std::string& out, const std::string& s) {
  out += '"';
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"': out += "\\\""; ++i; continue;
      case '\\': out += "\\\\"; ++i; continue;
      case '\n': out += "\\n"; ++i; continue;
      case '\r': out += "\\r"; ++i; continue;
      case '\t': out += "\\t"; ++i; continue;
      default: break;
    }
    if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
      ++i;
      continue;
    }
    std::size_t n = utf8_length(s, i);
    if (n == 0) {
      out += "\\ufffd";
      ++i;
    } else {
      out.append(s, i, n);
      i += n;
    }
  }
  out += '"';
}

void write(std::string& out, const Value& v, bool pretty, int indent) {
  std::string nl = pretty ? "\n" + std::string(static_cast<std::size_t>(indent + 2), ' ') : "";
  std::string close = pretty ? "\n" + std::string(static_cast<std::size_t>(indent), ' ') : "";
  switch (v.type()) {
    case Value::Type::Null: out += "null"; break;
    case Value::Type::Number:
    case Value::Type::Bool: out += v.text(); break;
    case Value::Type::String: quote(out, v.text()); break;
    case Value::Type::List:
      if (v.items().empty()) {
        out += "[]";
        break;
      }
      out += '[';
      for (std::size_t i = 0; i < v.items().size(); ++i) {
        out += i ? "," + nl : nl;
        write(out, v.items()[i], pretty, indent + 2);
      }
      out += close + "]";
      break;
    case Value::Type::Map:
      if (v.fields().empty()) {
        out += "{}";
        break;
      }
      out += '{';
      for (std::size_t i = 0; i < v.fields().size(); ++i) {
        out += i ? "," + nl : nl;
        quote(out, v.fields()[i].first);
        out += pretty ? ": " : ":";
        write(out, v.fields()[i].second, pretty, indent + 2);
      }
      out += close + "}";
      break;
  }
}

}  // namespace

std::string to_json(const Value& v, bool pretty) {
  std::string out;
  write(out, v, pretty, 0);
  if (pretty) {
    out += '\n';
  }
  return out;
}

}  // namespace crm
