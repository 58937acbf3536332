#pragma once

// Stored-time literals for unit tests.

#include "timestamp.hpp"

#include <doctest/doctest.h>

#include <string>

// "2026-11-23T09:00:00Z" as a Timestamp; fails the test when malformed.
inline crm::Timestamp utc(const std::string& text) {
  auto t = crm::parse_stored_time(text);
  REQUIRE(t);
  return *t;
}
