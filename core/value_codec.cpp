#include "value_codec.hpp"

#include <cstring>

namespace crm {
namespace {

// Nesting deeper than any record has is a damaged cache, not a record.
constexpr int k_max_depth = 64;

enum Flags : std::uint8_t { k_plain = 1 };

std::optional<Value> decode(std::string_view in, std::size_t& pos, int depth) {
  if (depth > k_max_depth || pos + 2 > in.size()) {
    return std::nullopt;
  }
  auto type = static_cast<Value::Type>(static_cast<std::uint8_t>(in[pos]));
  auto flags = static_cast<std::uint8_t>(in[pos + 1]);
  pos += 2;
  std::uint32_t line = 0;
  if (!get_u32(in, pos, line)) {
    return std::nullopt;
  }
  Value v;
  switch (type) {
    case Value::Type::Null: break;
    case Value::Type::String:
    case Value::Type::Number:
    case Value::Type::Bool: {
      std::string_view text;
      if (!get_bytes(in, pos, text)) {
        return std::nullopt;
      }
      v = type == Value::Type::String   ? Value(std::string(text))
          : type == Value::Type::Number ? Value::number_text(std::string(text))
                                        : Value::boolean(text == "true");
      if (type == Value::Type::Bool && text != "true" && text != "false") {
        return std::nullopt;
      }
      break;
    }
    case Value::Type::List:
    case Value::Type::Map: {
      std::uint32_t count = 0;
      if (!get_u32(in, pos, count) || count > in.size() - pos) {
        return std::nullopt;
      }
      v = type == Value::Type::List ? Value::list() : Value::map();
      if (type == Value::Type::List) {
        v.items().reserve(count);
      } else {
        v.fields().reserve(count);
      }
      for (std::uint32_t i = 0; i < count; ++i) {
        std::string_view key;
        if (type == Value::Type::Map && !get_bytes(in, pos, key)) {
          return std::nullopt;
        }
        auto item = decode(in, pos, depth + 1);
        if (!item) {
          return std::nullopt;
        }
        if (type == Value::Type::List) {
          v.items().push_back(std::move(*item));
        } else {
          v.fields().emplace_back(std::string(key), std::move(*item));
        }
      }
      break;
    }
    default: return std::nullopt;
  }
  v.set_line(static_cast<int>(line));
  v.set_plain((flags & k_plain) != 0);
  return v;
}

}  // namespace

void put_u32(std::string& out, std::uint32_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
void put_u64(std::string& out, std::uint64_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }

void put_bytes(std::string& out, std::string_view bytes) {
  put_u32(out, static_cast<std::uint32_t>(bytes.size()));
  out.append(bytes.data(), bytes.size());
}

bool get_u32(std::string_view in, std::size_t& pos, std::uint32_t& v) {
  if (in.size() - pos < sizeof v || pos > in.size()) {
    return false;
  }
  std::memcpy(&v, in.data() + pos, sizeof v);
  pos += sizeof v;
  return true;
}

bool get_u64(std::string_view in, std::size_t& pos, std::uint64_t& v) {
  if (pos > in.size() || in.size() - pos < sizeof v) {
    return false;
  }
  std::memcpy(&v, in.data() + pos, sizeof v);
  pos += sizeof v;
  return true;
}

bool get_bytes(std::string_view in, std::size_t& pos, std::string_view& bytes) {
  std::uint32_t size = 0;
  if (!get_u32(in, pos, size) || in.size() - pos < size) {
    return false;
  }
  bytes = in.substr(pos, size);
  pos += size;
  return true;
}

void encode_value(const Value& value, std::string& out) {
  out.push_back(static_cast<char>(value.type()));
  out.push_back(static_cast<char>(value.plain() ? k_plain : 0));
  put_u32(out, static_cast<std::uint32_t>(value.line()));
  switch (value.type()) {
    case Value::Type::Null: break;
    case Value::Type::String:
    case Value::Type::Number:
    case Value::Type::Bool: put_bytes(out, value.text()); break;
    case Value::Type::List:
      put_u32(out, static_cast<std::uint32_t>(value.items().size()));
      for (const auto& item : value.items()) {
        encode_value(item, out);
      }
      break;
    case Value::Type::Map:
      put_u32(out, static_cast<std::uint32_t>(value.fields().size()));
      for (const auto& [key, item] : value.fields()) {
        put_bytes(out, key);
        encode_value(item, out);
      }
      break;
  }
}

std::optional<Value> decode_value(std::string_view in, std::size_t& pos) { return decode(in, pos, 0); }

std::uint64_t checksum64(std::string_view bytes) {
  // Eight bytes per step, each word mixed in with a multiply and rotate.
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ bytes.size();
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, bytes.data() + i, 8);
    h = (h ^ (w * 0xBF58476D1CE4E5B9ull)) * 0x94D049BB133111EBull;
    h ^= h >> 31;
  }
  for (; i < bytes.size(); ++i) {
    h = (h ^ static_cast<unsigned char>(bytes[i])) * 0x100000001B3ull;
  }
  h ^= h >> 29;
  return h;
}

}  // namespace crm
