#include "world.hpp"

#include <stdexcept>

namespace bench {

const Department& World::department(const std::string& id) const {
  for (const auto& d : departments) {
    if (d.id == id) {
      return d;
    }
  }
  throw std::logic_error("bench: no generated department '" + id + "'");
}

}  // namespace bench
