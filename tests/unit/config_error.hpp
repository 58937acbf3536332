#pragma once

// The data error a crm.yaml text gives, for tests of configuration checks.

#include "config.hpp"
#include "error.hpp"

#include <doctest/doctest.h>

#include <string>

// load_config's message for `yaml` (read as "crm.yaml"); fails the test
// when it loads or fails with another exit status.
inline std::string config_error(const std::string& yaml) {
  try {
    crm::load_config(yaml, "crm.yaml");
  } catch (const crm::Error& e) {
    CHECK(e.status() == crm::k_exit_data);
    return e.what();
  }
  FAIL("expected an error");
  return "";
}
