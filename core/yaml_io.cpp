#include "yaml_io.hpp"

#include "error.hpp"
#include "utf8.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <set>
#include <sstream>
#include <vector>

namespace crm {
namespace {

// Bounds what one document may expand to, so that alias bombs ("billion
// laughs") fail fast instead of eating memory: a document without aliases
// has fewer nodes than bytes, so aliases may at most about double it.
std::size_t node_budget(const std::string& text) { return text.size() + 1024; }

std::string where(const std::string& origin, const YAML::Mark& mark) {
  return origin + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
}

// YAML allows a key of at most 1024 characters as written; yaml-cpp reads
// longer ones (spread over lines), which emit_yaml could not write back.
constexpr std::size_t k_max_key_chars = 1024;
std::string key_text(const std::string& key);

Value convert(const YAML::Node& node, const std::string& origin, std::size_t& budget) {
  if (budget-- == 0) {
    throw data_error(where(origin, node.Mark()) + ": document too large (aliases expand too far)");
  }
  Value out;
  switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
      break;
    case YAML::NodeType::Scalar:
      out = Value(node.Scalar());
      out.set_plain(node.Tag() == "?");
      break;
    case YAML::NodeType::Sequence:
      out = Value::list();
      for (const auto& item : node) {
        out.push_back(convert(item, origin, budget));
      }
      break;
    case YAML::NodeType::Map: {
      out = Value::map();
      std::set<std::string> seen;
      for (const auto& kv : node) {
        if (!kv.first.IsScalar()) {
          throw data_error(where(origin, kv.first.Mark()) + ": keys must be plain text");
        }
        const std::string& key = kv.first.Scalar();
        if (key_text(key).size() > k_max_key_chars) {
          throw data_error(where(origin, kv.first.Mark()) + ": key longer than " + std::to_string(k_max_key_chars) +
                           " characters");
        }
        if (!seen.insert(key).second) {
          throw data_error(where(origin, kv.first.Mark()) + ": duplicate key '" + key + "'");
        }
        Value v = convert(kv.second, origin, budget);
        if (v.is_null()) {
          v.set_line(kv.first.Mark().line + 1);  // "key:" with nothing after it is on the key's line
        }
        out.fields().emplace_back(key, std::move(v));
      }
      break;
    }
  }
  out.set_line(node.Mark().line + 1);
  return out;
}

bool is_indicator(char c) {
  switch (c) {
    case '-': case '?': case ':': case ',': case '[': case ']': case '{': case '}':
    case '#': case '&': case '*': case '!': case '|': case '>': case '\'': case '"':
    case '%': case '@': case '`':
      return true;
    default:
      return false;
  }
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Words YAML 1.1 or 1.2 resolve to null or a boolean.
bool is_special_word(const std::string& s) {
  static const std::set<std::string> words = {
      "~",   "null", "Null", "NULL", "y",   "Y",    "yes",  "Yes",   "YES",   "n",     "N",
      "no",  "No",   "NO",   "true", "True", "TRUE", "false", "False", "FALSE", "on",   "On",
      "ON",  "off",  "Off",  "OFF",  "<<",  "=",    ".inf", ".Inf",  ".INF",  "-.inf", "-.Inf",
      "-.INF", "+.inf", ".nan", ".NaN", ".NAN"};
  return words.count(s) > 0;
}

// Whether `s` can be written plain at all without changing its text.
bool plain_safe(const std::string& s) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ' || s.back() == ':') {
    return false;
  }
  if (is_indicator(s[0])) {
    bool dash_like = s[0] == '-' || s[0] == '?' || s[0] == ':';
    if (!dash_like || s.size() == 1 || s[1] == ' ') {
      return false;
    }
  }
  if (s.rfind("---", 0) == 0 || s.rfind("...", 0) == 0) {
    return false;
  }
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7f) {
      return false;
    }
    if (c == ':' && i + 1 < s.size() && s[i + 1] == ' ') {
      return false;
    }
    if (c == '#' && i > 0 && s[i - 1] == ' ') {
      return false;
    }
  }
  return true;
}

std::string double_quoted(const std::string& s) {
  std::string out = "\"";
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '\0': out += "\\0"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", c);
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

// A literal block keeps multi-line notes readable in diffs; it cannot carry
// trailing spaces, control characters or a leading space, so those fall back
// to a double-quoted string.
bool block_safe(const std::string& s) {
  if (s.find('\n') == std::string::npos || s.front() == ' ' || s.front() == '\n') {
    return false;
  }
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && c != '\n') || c == 0x7f) {
      return false;
    }
    if (c == ' ' && (i + 1 == s.size() || s[i + 1] == '\n')) {
      return false;
    }
  }
  return true;
}

void emit_block(std::string& out, const std::string& s, int indent) {
  std::size_t end = s.size();
  while (end > 0 && s[end - 1] == '\n') {
    --end;
  }
  std::size_t trailing = s.size() - end;
  out += trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+";
  out += '\n';
  std::string pad(static_cast<std::size_t>(indent), ' ');
  std::size_t start = 0;
  std::string body = s.substr(0, end);
  while (start <= body.size()) {
    std::size_t nl = body.find('\n', start);
    std::string line = body.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    out += line.empty() ? "" : pad + line;
    out += '\n';
    if (nl == std::string::npos) {
      break;
    }
    start = nl + 1;
  }
  for (std::size_t i = 1; i < trailing; ++i) {
    out += '\n';
  }
}

// Writes the scalar that follows "key: " or "- "; `indent` is where a block
// scalar's lines go. Ends the line.
void emit_scalar(std::string& out, const Value& v, int indent) {
  const std::string& s = v.text();
  if (v.type() == Value::Type::Number || v.type() == Value::Type::Bool) {
    out += s;
  } else if (v.is_null()) {
    out += "null";
  } else if (block_safe(s)) {
    emit_block(out, s, indent);
    return;
  } else if (plain_safe(s) && (v.plain() || !needs_quotes(s))) {
    out += s;
  } else {
    out += double_quoted(s);
  }
  out += '\n';
}

std::string key_text(const std::string& key) {
  return plain_safe(key) && !needs_quotes(key) ? key : double_quoted(key);
}

void emit_node(std::string& out, const Value& v, int indent);

// Emits the value part of "key:" (the key is already written).
void emit_after_key(std::string& out, const Value& v, int indent) {
  if (v.is_map()) {
    if (v.fields().empty()) {
      out += " {}\n";
    } else {
      out += '\n';
      emit_node(out, v, indent + 2);
    }
  } else if (v.is_list()) {
    if (v.items().empty()) {
      out += " []\n";
    } else {
      out += '\n';
      emit_node(out, v, indent + 2);
    }
  } else {
    out += ' ';
    emit_scalar(out, v, indent + 2);
  }
}

void emit_node(std::string& out, const Value& v, int indent) {
  std::string pad(static_cast<std::size_t>(indent), ' ');
  if (v.is_map()) {
    for (const auto& [key, field] : v.fields()) {
      out += pad + key_text(key) + ':';
      emit_after_key(out, field, indent);
    }
  } else if (v.is_list()) {
    for (const auto& item : v.items()) {
      out += pad + "-";
      if (item.is_map() && !item.fields().empty()) {
        // First field shares the dash's line; the rest align under it.
        bool first = true;
        for (const auto& [key, field] : item.fields()) {
          out += first ? " " : pad + "  ";
          first = false;
          out += key_text(key) + ':';
          emit_after_key(out, field, indent + 2);
        }
      } else if ((item.is_list() && !item.items().empty())) {
        out += '\n';
        emit_node(out, item, indent + 2);
      } else if (item.is_map()) {
        out += " {}\n";
      } else if (item.is_list()) {
        out += " []\n";
      } else {
        out += ' ';
        emit_scalar(out, item, indent + 2);
      }
    }
  } else {
    emit_scalar(out, v, indent);
  }
}

// yaml-cpp passes raw control characters and broken UTF-8 through; a record
// holding them would not survive JSON output or a round trip unchanged, so
// they are refused with their place. Tabs and line ends are fine.
void check_characters(const std::string& text, const std::string& origin) {
  std::size_t bad_utf8 = invalid_utf8_at(text);
  auto control = std::find_if(text.begin(), text.end(), [](char ch) {
    unsigned char c = static_cast<unsigned char>(ch);
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
  });
  std::size_t at = std::min(bad_utf8, static_cast<std::size_t>(control - text.begin()));
  if (at >= text.size()) {
    return;
  }
  std::size_t newline = at == 0 ? std::string::npos : text.rfind('\n', at - 1);
  std::size_t line_start = newline == std::string::npos ? 0 : newline + 1;
  YAML::Mark mark;
  mark.line = static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
  mark.column = static_cast<int>(at - line_start);
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[at]));
  throw data_error(where(origin, mark) +
                   (at == bad_utf8 ? std::string(": invalid UTF-8 (byte ") + byte + "); save the file as UTF-8"
                                   : std::string(": control character ") + byte +
                                         " is not allowed in YAML; write it as an escape inside double quotes"));
}

// Where each document starts; nothing else of the parse matters here.
class DocumentStarts : public YAML::EventHandler {
 public:
  std::vector<YAML::Mark> starts;
  void OnDocumentStart(const YAML::Mark& mark) override { starts.push_back(mark); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

// YAML::Load silently drops every document after the first, so a second one
// is refused. YAML::LoadAll would find it but loops for ever (and eats all
// memory) on text where yaml-cpp's parser stops advancing, such as " ,":
// the parser is asked for two documents at most, and a "second" one that
// starts where the first did is that stuck place.
void refuse_second_document(const std::string& text, const std::string& origin) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  DocumentStarts seen;
  if (!parser.HandleNextDocument(seen) || !parser.HandleNextDocument(seen) || seen.starts.size() < 2) {
    return;
  }
  if (seen.starts[1].pos <= seen.starts[0].pos) {
    throw data_error(where(origin, seen.starts[1]) + ": text that YAML cannot read here");
  }
  throw data_error(where(origin, seen.starts[1]) + ": a second YAML document ('---'); a file holds one");
}

}  // namespace

Value parse_yaml(const std::string& text, const std::string& origin) {
  check_characters(text, origin);
  YAML::Node root;
  try {
    root = YAML::Load(text);
    refuse_second_document(text, origin);
  } catch (const YAML::DeepRecursion& e) {
    throw data_error(where(origin, e.mark) + ": nested too deeply");
  } catch (const YAML::Exception& e) {
    throw data_error(where(origin, e.mark) + ": " + e.msg);
  }
  std::size_t budget = node_budget(text);
  try {
    return convert(root, origin, budget);
  } catch (const YAML::Exception& e) {
    throw data_error(where(origin, e.mark) + ": " + e.msg);
  }
}

bool needs_quotes(const std::string& s) {
  if (s.empty() || is_special_word(s)) {
    return true;
  }
  // Numbers, dates, times, phone numbers, octal-looking codes: anything that
  // starts like a number is quoted rather than guessed about.
  if (is_digit(s[0])) {
    return true;
  }
  if ((s[0] == '+' || s[0] == '-' || s[0] == '.') && s.size() > 1 &&
      (is_digit(s[1]) || s[1] == '.')) {
    return true;
  }
  return !plain_safe(s);
}

std::string emit_yaml(const Value& v) {
  std::string out;
  emit_node(out, v, 0);
  return out;
}

}  // namespace crm
