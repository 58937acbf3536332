#pragma once

#include <cstddef>
#include <string_view>

namespace crm {

// Records hold UTF-8 text only, so that JSON output, git diffs and other
// tools read them alike. Returns the offset of the first byte of `s` that is
// not part of a well-formed UTF-8 sequence (overlong forms, surrogates and
// code points past U+10FFFF included), or npos when all of `s` is valid.
std::size_t invalid_utf8_at(std::string_view s);

}  // namespace crm
