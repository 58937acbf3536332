#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace crm {

// An interned string: four bytes naming text that is stored once per
// process and never freed. Scores hold millions of actions whose event
// names, users and record IDs repeat; as symbols an action takes 24 bytes
// instead of 136 plus its heap strings. Symbols compare equal exactly when
// their texts do; interning is thread-safe and reading a symbol is lock-free.
class Symbol {
 public:
  Symbol() = default;  // the empty string
  Symbol(std::string_view text);  // NOLINT: implicit, so records' strings convert
  Symbol(const std::string& text) : Symbol(std::string_view(text)) {}  // NOLINT
  Symbol(const char* text) : Symbol(std::string_view(text)) {}         // NOLINT

  std::string_view view() const;
  std::string str() const { return std::string(view()); }
  operator std::string_view() const { return view(); }  // NOLINT
  bool empty() const { return m_index == 0; }

  friend bool operator==(Symbol a, Symbol b) { return a.m_index == b.m_index; }
  friend bool operator!=(Symbol a, Symbol b) { return a.m_index != b.m_index; }
  friend bool operator==(Symbol a, const std::string& b) { return a.view() == b; }
  friend bool operator!=(Symbol a, const std::string& b) { return a.view() != b; }
  friend bool operator==(Symbol a, const char* b) { return a.view() == b; }
  friend bool operator!=(Symbol a, const char* b) { return a.view() != b; }
  friend bool operator==(const std::string& a, Symbol b) { return b == a; }
  friend bool operator!=(const std::string& a, Symbol b) { return b != a; }
  // Text order, so maps and sorts keyed by symbols read alphabetically.
  friend bool operator<(Symbol a, Symbol b) { return a.view() < b.view(); }

 private:
  std::uint32_t m_index = 0;
};

}  // namespace crm
