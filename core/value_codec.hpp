#pragma once

#include "value.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace crm {

// A compact binary form of a Value, for the record cache: the whole tree
// with its source lines and plain-scalar flags, so that a decoded record is
// exactly the one parsed from its file. Native byte order (the cache never
// leaves the machine).
void encode_value(const Value& value, std::string& out);

// Decodes one Value from `in` at `pos`, advancing `pos`. Returns nothing
// when the bytes are not a well-formed encoding (a damaged cache).
std::optional<Value> decode_value(std::string_view in, std::size_t& pos);

// Little helpers for the cache's other fields, bounds-checked on reading.
void put_u32(std::string& out, std::uint32_t v);
void put_u64(std::string& out, std::uint64_t v);
void put_bytes(std::string& out, std::string_view bytes);  // length (u32), then the bytes
bool get_u32(std::string_view in, std::size_t& pos, std::uint32_t& v);
bool get_u64(std::string_view in, std::size_t& pos, std::uint64_t& v);
bool get_bytes(std::string_view in, std::size_t& pos, std::string_view& bytes);

// A fast 64-bit checksum of `bytes` (not cryptographic): it tells a damaged
// cache file from a good one.
std::uint64_t checksum64(std::string_view bytes);

}  // namespace crm
