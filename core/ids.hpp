#pragma once

#include <string>

namespace crm {

// Generated record IDs look like "K-7K3MQ2X9AB4F": a kind prefix, a dash and
// twelve random Crockford base-32 characters (60 bits). Clones that never talk
// can create a million records each with odds of a clash near 1 in 2 million.
constexpr std::size_t k_id_body_length = 12;

// Twelve fresh random characters from the kernel's random source.
std::string random_id_body();

// Upper-cases and maps look-alikes (O to 0, I and L to 1) so that a typed ID
// matches however it was written down. Returns "" if any character is not
// in the alphabet.
std::string normalize_id_body(const std::string& text);

// A user or department ID: lowercase letters, digits, '-', '_' and '.',
// starting with a letter or digit, at most 64 characters.
bool is_slug(const std::string& text);

}  // namespace crm
