#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace crm {

// A YAML/JSON-shaped tree: the in-memory form of every record.
// Maps keep insertion order so serialization is under our control.
class Value {
 public:
  enum class Type { Null, String, Number, Bool, List, Map };
  using Field = std::pair<std::string, Value>;

  Value() = default;
  Value(const char* text) : m_type(Type::String), m_text(text) {}
  Value(std::string text) : m_type(Type::String), m_text(std::move(text)) {}
  static Value number(long long n);
  static Value number_text(std::string text);  // already formatted, e.g. "12.5"
  static Value boolean(bool b);
  static Value list();
  static Value map();

  Type type() const { return m_type; }
  bool is_null() const { return m_type == Type::Null; }
  bool is_string() const { return m_type == Type::String; }
  bool is_scalar() const { return m_type == Type::String || m_type == Type::Number || m_type == Type::Bool; }
  bool is_list() const { return m_type == Type::List; }
  bool is_map() const { return m_type == Type::Map; }

  // Scalar text ("" for null and containers).
  const std::string& text() const { return m_text; }

  // Lists.
  const std::vector<Value>& items() const { return m_items; }
  std::vector<Value>& items() { return m_items; }
  void push_back(Value v);

  // Maps.
  const std::vector<Field>& fields() const { return m_fields; }
  std::vector<Field>& fields() { return m_fields; }
  const Value* find(const std::string& key) const;
  Value* find(const std::string& key);
  // Text of a scalar field, "" when absent or null.
  const std::string& get(const std::string& key) const;
  bool has(const std::string& key) const;
  // Sets `key`, appending it when new (position of existing keys is kept).
  void set(const std::string& key, Value v);
  void erase(const std::string& key);

  // Source line (1-based) when loaded from a file, 0 otherwise.
  int line() const { return m_line; }
  void set_line(int line) { m_line = line; }
  // True when the scalar was written unquoted in its source file.
  bool plain() const { return m_plain; }
  void set_plain(bool plain) { m_plain = plain; }

  bool operator==(const Value& other) const;
  bool operator!=(const Value& other) const { return !(*this == other); }

 private:
  Type m_type = Type::Null;
  std::string m_text;
  std::vector<Value> m_items;
  std::vector<Field> m_fields;
  int m_line = 0;
  bool m_plain = false;
};

// Texts of a list of scalars (a missing or null value gives an empty list).
std::vector<std::string> string_list(const Value* v);
Value make_string_list(const std::vector<std::string>& items);
// A list of numbers (a report's weekly or daily counts).
Value make_number_list(const std::vector<long long>& items);

}  // namespace crm
