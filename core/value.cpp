#include "value.hpp"

#include <algorithm>

namespace crm {

Value Value::number(long long n) {
  Value v;
  v.m_type = Type::Number;
  v.m_text = std::to_string(n);
  return v;
}

Value Value::number_text(std::string text) {
  Value v;
  v.m_type = Type::Number;
  v.m_text = std::move(text);
  return v;
}

Value Value::boolean(bool b) {
  Value v;
  v.m_type = Type::Bool;
  v.m_text = b ? "true" : "false";
  return v;
}

Value Value::list() {
  Value v;
  v.m_type = Type::List;
  return v;
}

Value Value::map() {
  Value v;
  v.m_type = Type::Map;
  return v;
}

void Value::push_back(Value v) {
  m_type = Type::List;
  m_items.push_back(std::move(v));
}

const Value* Value::find(const std::string& key) const {
  for (const auto& [k, v] : m_fields) {
    if (k == key) {
      return &v;
    }
  }
  return nullptr;
}

Value* Value::find(const std::string& key) {
  return const_cast<Value*>(static_cast<const Value*>(this)->find(key));
}

const std::string& Value::get(const std::string& key) const {
  static const std::string empty;
  const Value* v = find(key);
  return v ? v->text() : empty;
}

bool Value::has(const std::string& key) const {
  const Value* v = find(key);
  return v && !v->is_null();
}

void Value::set(const std::string& key, Value v) {
  m_type = Type::Map;
  if (Value* existing = find(key)) {
    *existing = std::move(v);
  } else {
    m_fields.emplace_back(key, std::move(v));
  }
}

void Value::erase(const std::string& key) {
  m_fields.erase(std::remove_if(m_fields.begin(), m_fields.end(),
                                [&](const Field& f) { return f.first == key; }),
                 m_fields.end());
}

// Equality ignores source positions and quoting style.
bool Value::operator==(const Value& other) const {
  return m_type == other.m_type && m_text == other.m_text && m_items == other.m_items &&
         m_fields == other.m_fields;
}

std::vector<std::string> string_list(const Value* v) {
  std::vector<std::string> out;
  if (!v) {
    return out;
  }
  if (v->is_scalar()) {
    out.push_back(v->text());
  }
  for (const auto& item : v->items()) {
    out.push_back(item.text());
  }
  return out;
}

Value make_string_list(const std::vector<std::string>& items) {
  Value v = Value::list();
  for (const auto& s : items) {
    v.push_back(Value(s));
  }
  return v;
}

Value make_number_list(const std::vector<long long>& items) {
  Value v = Value::list();
  for (long long n : items) {
    v.push_back(Value::number(n));
  }
  return v;
}

}  // namespace crm
