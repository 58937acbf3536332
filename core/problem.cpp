#include "problem.hpp"

namespace crm {

Problem located_problem(const std::string& path, const std::string& what) {
  Problem p{path, 0, what, 0};
  if (what.compare(0, path.size() + 1, path + ":") != 0) {
    return p;
  }
  std::size_t pos = path.size() + 1;
  auto number = [&](int& into) {
    std::size_t end = what.find_first_not_of("0123456789", pos);
    if (end == pos || end == std::string::npos || what[end] != ':') {
      return false;
    }
    into = std::stoi(what.substr(pos, end - pos));
    pos = end + 1;
    return true;
  };
  if (number(p.line)) {
    number(p.column);
    p.message = what.substr(pos + (pos < what.size() && what[pos] == ' ' ? 1 : 0));
  }
  return p;
}

}  // namespace crm
