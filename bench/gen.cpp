// crm-bench-gen N DIR [--seed S] [--now TIME]: writes a realistic CRM with
// N cases into DIR, the same bytes for the same arguments (see README.md).
#include "generator/calls_maker.hpp"
#include "generator/cases_maker.hpp"
#include "generator/clock.hpp"
#include "generator/contacts_maker.hpp"
#include "generator/crm_yaml.hpp"
#include "generator/feedback_maker.hpp"
#include "generator/missions_maker.hpp"
#include "generator/people_maker.hpp"

#include "error.hpp"
#include "files.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

// The benchmark's present: Monday 23 November 2026, 10:00 in Chicago, as in examples/.
const char* const k_default_now = "2026-11-23T16:00:00Z";

struct Options {
  std::size_t cases = 0;
  std::string dir;
  std::uint64_t seed = 1;
  std::string now = k_default_now;
};

[[noreturn]] void usage(const std::string& why) {
  std::cerr << "crm-bench-gen: " << why << "\nusage: bench/gen N DIR [--seed S] [--now " << k_default_now << "]\n";
  std::exit(2);
}

Options parse(int argc, char** argv) {
  Options o;
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if ((arg == "--seed" || arg == "--now") && i + 1 < argc) {
      if (arg == "--seed") {
        o.seed = std::strtoull(argv[++i], nullptr, 10);
      } else {
        o.now = argv[++i];
      }
    } else if (!arg.empty() && arg[0] == '-') {
      usage("unknown option " + arg);
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.size() != 2) {
    usage("expected N and DIR");
  }
  o.cases = std::strtoull(positional[0].c_str(), nullptr, 10);
  o.dir = positional[1];
  if (o.cases == 0) {
    usage("N must be a positive number of cases");
  }
  return o;
}

void write_text(const crm::fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

int generate(const Options& o) {
  crm::fs::path root = o.dir;
  if (crm::fs::exists(root) && !crm::fs::is_empty(root)) {
    usage(o.dir + " exists and is not empty");
  }
  auto now = crm::parse_stored_time(o.now);
  if (!now) {
    usage("--now: cannot read '" + o.now + "' (give a UTC time such as " + std::string(k_default_now) + ")");
  }
  crm::fs::create_directories(root);
  // What crm init writes, minus git: the folders, crm.yaml and .gitignore.
  write_text(root / ".gitignore", "# crm's lock, caches and interrupted writes\n/.crm/\n.*.tmp.*\n");
  write_text(root / "crm.yaml", bench::generated_crm_yaml());
  for (const crm::KindSpec* kind : crm::all_kinds()) {
    crm::fs::create_directories(root / kind->folder);
  }
  crm::Store store(root);

  bench::Random random(o.seed);
  bench::RecordWriter out(store, random);
  bench::World world;
  world.now = *now;
  world.start = bench::after(*now, -400 * bench::k_day);
  world.config = &store.config();

  std::size_t n = o.cases;
  bench::make_people(world, out, random, std::max<std::size_t>(10, n / 500));
  bench::make_contacts(world, out, random, std::max<std::size_t>(10, n / 20));
  bench::CaseTally tally = bench::make_cases(world, out, random, n);
  bench::make_calls(world, out, random, 5 * n > tally.calls ? 5 * n - tally.calls : 0);
  bench::make_feedback(world, out, random, std::max<std::size_t>(5, n / 100));
  bench::make_missions(world, out, random, std::max<std::size_t>(5, n / 300));

  for (const auto& [kind, count] : out.counts()) {
    std::cout << kind << ": " << count << "\n";
  }
  std::cout << "open cases: " << tally.open << ", overdue at " << o.now << ": " << tally.overdue << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return generate(parse(argc, argv));
  } catch (const std::exception& e) {
    std::cerr << "crm-bench-gen: " << e.what() << "\n";
    return 1;
  }
}
