#include "process.hpp"

#include <doctest/doctest.h>

using namespace crm;

TEST_CASE("run_process collects output and the exit status") {
  ProcessResult r = run_process({"sh", "-c", "cat; echo oops >&2; exit 3"}, ".", "in");
  CHECK(r.status == 3);
  CHECK(r.out == "in");
  CHECK(r.err == "oops\n");
  CHECK(run_process({"no-such-program-crm"}, ".").status != 0);
}

TEST_CASE("run_attached gives the exit status, 128+signal, or -1 when the program is missing") {
  CHECK(run_attached({"sh", "-c", "exit 0"}) == 0);
  CHECK(run_attached({"sh", "-c", "exit 7"}) == 7);
  CHECK(run_attached({"sh", "-c", "kill -TERM $$"}) == 128 + 15);
  CHECK(run_attached({"no-such-program-crm"}) == -1);
}
