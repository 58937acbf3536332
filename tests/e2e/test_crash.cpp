// Crash consistency (issue 11): every mutating command is killed (SIGKILL, by
// crm_faulty's CRM_FAULT=step:N) at each step of its writes in turn. After
// each kill every file is either as it was or as the command leaves it; the
// next crm (here `crm check`, which must pass) completes an interrupted write
// of several files from its journal, or finds nothing changed, and then the
// command runs again to the same state as a run never interrupted.
#include "harness.hpp"
#include "tmpfs_tmpdir.hpp"

#include <doctest/doctest.h>

#include <signal.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>
#include <cctype>
#include <functional>
#include <set>

using namespace e2e;
using V = std::vector<std::string>;

namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

// One command of the sweep. Its arguments may name what earlier steps
// printed as {name}; it saves the last line it prints as {save_as}.
struct SweepStep {
  std::string name;
  V args;
  V env;
  std::string save_as;
  // Writes the files the command reads (given what earlier steps printed).
  std::function<void(Sandbox&, const std::map<std::string, std::string>&)> prepare = nullptr;
};

// The commands swept, in order, each on the CRM the steps before it left.
std::vector<SweepStep> sweep_steps() {
  return {
      {"contact add", {"contact", "add", "--name", "Anna Berg"}, {}, "contact"},
      {"log-call opening a case", {"log-call", "--contact", "{contact}", "--summary", "Leak at home", "--open-case",
                                   "--department", "water"}, {}, "case"},
      {"log-call", {"log-call", "--contact", "{contact}", "--summary", "Still leaking"}, {}, ""},
      {"case ack", {"--as", "raquel", "case", "ack", "{case}"}, {}, ""},
      {"case note", {"--as", "raquel", "case", "note", "{case}", "--note", "Valve ordered"}, {}, ""},
      {"case forward", {"--as", "raquel", "case", "forward", "{case}", "--to", "olivia"}, {}, ""},
      {"case close", {"case", "close", "{case}", "--resolution", "Fixed"}, {}, ""},
      {"case reopen", {"case", "reopen", "{case}", "--reason", "Leaking again"}, {}, ""},
      {"escalate", {"--now", "2026-11-30T09:00:00Z", "escalate"}, {}, ""},
      {"mission create", {"mission", "create", "--title", "Clean the tank", "--reward", "Lunch"}, {}, "mission"},
      {"mission accept", {"--as", "raquel", "mission", "accept", "{mission}"}, {}, ""},
      {"mission complete", {"--as", "raquel", "mission", "complete", "{mission}"}, {}, ""},
      {"mission approve", {"mission", "approve", "{mission}"}, {}, ""},
      {"feedback add", {"feedback", "add", "--text", "The app crashes", "--department", "water"}, {}, ""},
      {"import contacts", {"import", "contacts", "people.csv", "--apply"}, {}, ""},
      {"user add", {"user", "add", "pedro", "--name", "Pedro Paz", "--department", "water"}, {}, ""},
      {"inbox read", {"--as", "raquel", "inbox", "read", "--all"}, {}, ""},
      {"edit", {"edit", "{contact}"}, {"EDITOR=sed -i s/Anna/Anne/"}, ""},
      {"merge-file", {"merge-file", "base.yaml", "ours.yaml", "theirs.yaml", "contacts/{contact}.yaml"}, {}, "",
       [](Sandbox& s, const std::map<std::string, std::string>& saved) {
         std::string base = s.read("contacts/" + saved.at("contact") + ".yaml");
         auto replaced = [&](const std::string& from, const std::string& to) {
           std::string text = base;
           return text.replace(text.find(from), from.size(), to);
         };
         s.write("base.yaml", base);
         s.write("ours.yaml", replaced("name: Anne Berg", "name: Anne Berger"));
         s.write("theirs.yaml", replaced("kind: customer", "kind: partner"));
       }},
  };
}

V filled(V args, const std::map<std::string, std::string>& saved) {
  for (auto& a : args) {
    if (a.size() > 2 && a.front() == '{' && a.back() == '}') {
      a = saved.at(a.substr(1, a.size() - 2));
    }
  }
  return args;
}

bool is_temp_file(const std::string& path) { return path.find(".tmp.") != std::string::npos; }

// Whether `text` holds a generated ID (a capital, '-', twelve Crockford
// base-32 characters) at `at`. (std::regex is too slow here in debug builds.)
bool is_id_at(const std::string& text, std::size_t at) {
  static const std::string crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  if (at + 14 > text.size() || !std::isupper(static_cast<unsigned char>(text[at])) || text[at + 1] != '-') {
    return false;
  }
  for (std::size_t i = at + 2; i < at + 14; ++i) {
    if (crockford.find(text[i]) == std::string::npos) {
      return false;
    }
  }
  return true;
}

// Every generated ID in `text`, passed to `found`; returns the text with each
// replaced by what `found` returns.
template <typename Found>
std::string map_ids(const std::string& text, Found found) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_id_at(text, i)) {
      out += found(text.substr(i, 14));
      i += 13;
    } else {
      out += text[i];
    }
  }
  return out;
}

// A sharded record's path without its shard folder ("notifications/AB/N-AB...").
std::string unsharded(const std::string& path) {
  auto slash = path.rfind('/');
  if (slash != std::string::npos && slash >= 3 && path[slash - 3] == '/' && is_id_at(path, slash + 1)) {
    return path.substr(0, slash - 3) + path.substr(slash);
  }
  return path;
}

// `files` without temporary files, with every generated ID that `known` lacks
// replaced by "<ID>" (and shard folders dropped), sorted: two runs of one
// command then compare equal although their new records got random IDs.
Files normalized(const Files& files, const std::set<std::string>& known) {
  auto rewrite = [&](const std::string& text) {
    return map_ids(text, [&](const std::string& id) { return known.count(id) ? id : std::string("<ID>"); });
  };
  Files out;
  for (const auto& [path, contents] : files) {
    if (!is_temp_file(path)) {
      out.emplace_back(rewrite(unsharded(path)), rewrite(contents));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::set<std::string> ids_in(const Files& files) {
  std::set<std::string> ids;
  for (const auto& [path, contents] : files) {
    for (const std::string* text : {&path, &contents}) {
      map_ids(*text, [&](const std::string& id) {
        ids.insert(id);
        return id;
      });
    }
  }
  return ids;
}

void restore(const Sandbox& s, const fs::path& pristine) {
  fs::remove_all(s.crm_dir());
  fs::copy(pristine, s.crm_dir(), fs::copy_options::recursive | fs::copy_options::copy_symlinks);
}

// Each file of `crashed` is as in `before` or as in `after` (all normalized),
// and no file of `before` that `after` keeps went missing.
void check_each_file_old_or_new(const Files& before, const Files& after, const Files& crashed) {
  std::set<std::pair<std::string, std::string>> old_files(before.begin(), before.end());
  std::set<std::pair<std::string, std::string>> new_files(after.begin(), after.end());
  std::set<std::string> crashed_paths;
  for (const auto& file : crashed) {
    INFO("file " << file.first << " is neither old nor new:\n" << file.second);
    CHECK((old_files.count(file) || new_files.count(file)));
    crashed_paths.insert(file.first);
  }
  for (const auto& [path, contents] : after) {
    bool kept = std::any_of(before.begin(), before.end(), [&](const auto& f) { return f.first == path; });
    INFO("file " << path << " went missing");
    CHECK((!kept || crashed_paths.count(path)));
  }
}

struct SweepTotals {
  int runs = 0;
  int orphans = 0;  // runs that left a stray hidden temporary file
};

// Kills `step` at each of its fault points in turn; returns how many it has.
int sweep_one(Sandbox& s, const SweepStep& step, const V& args, const fs::path& pristine, SweepTotals& totals) {
  restore(s, pristine);
  Files before = s.snapshot();
  std::set<std::string> known = ids_in(before);
  Files old_state = normalized(before, known);
  REQUIRE(s.run_env(step.env, args).status == 0);
  Files new_state = normalized(s.snapshot(), known);
  INFO(step.name);
  REQUIRE(old_state != new_state);

  for (int n = 1;; ++n) {
    INFO(step.name << " killed at fault step " << n);
    REQUIRE(n < 200);
    restore(s, pristine);
    V env = step.env;
    env.push_back("CRM_FAULT=step:" + std::to_string(n));
    s.set_binary(CRM_FAULTY_BINARY);
    Result crashed = s.run_env(env, args);
    s.set_binary(CRM_BINARY);
    Files crashed_files = s.snapshot();
    if (crashed.status != 128 + SIGKILL) {
      // Past its last fault point: the command ran through.
      INFO(crashed.err);
      CHECK(crashed.status == 0);
      CHECK(normalized(crashed_files, known) == new_state);
      return n - 1;
    }
    ++totals.runs;
    totals.orphans += std::any_of(crashed_files.begin(), crashed_files.end(),
                                  [](const auto& f) { return is_temp_file(f.first); });
    check_each_file_old_or_new(old_state, new_state, normalized(crashed_files, known));

    bool journaled = fs::exists(s.crm_dir() / ".crm" / "journal");
    Result check = s.run({"check"});
    INFO("crm check: " << check.out << check.err);
    CHECK(check.status == 0);
    CHECK_FALSE(fs::exists(s.crm_dir() / ".crm" / "journal"));
    Files recovered = normalized(s.snapshot(), known);
    if (recovered == old_state) {
      Result again = s.run_env(step.env, args);
      INFO("run again: " << again.err);
      CHECK(again.status == 0);
      recovered = normalized(s.snapshot(), known);
    }
    CHECK((check.err.find("crm: note: completed an interrupted write of ") != std::string::npos) == journaled);
    CHECK(recovered == new_state);
  }
}

}  // namespace

TEST_CASE("crash sweep: a command killed at any step of its writes leaves each record old or new and completes") {
  auto started = std::chrono::steady_clock::now();
  auto sandbox = sandbox_on_tmpfs();  // five times faster: a kill loses nothing unsynced
  Sandbox& s = *sandbox;
  s.init_with_people();
  s.set_env("CRM_USER=olivia");
  // Service levels, so that `escalate` has dropped balls to escalate.
  s.write("crm.yaml", s.read("crm.yaml") + "sla:\n  default: {acknowledge: 1h, update: 1d, resolve: 2d}\n");
  s.write("people.csv", "name,email\nBob Evans,bob@example.org\nCara Diaz,cara@example.org\n");
  fs::path pristine = s.root() / "pristine";
  std::map<std::string, std::string> saved;
  SweepTotals totals;
  std::string counts;
  for (const auto& step : sweep_steps()) {
    V args = filled(step.args, saved);
    if (step.prepare) {
      step.prepare(s, saved);
    }
    fs::remove_all(pristine);
    fs::copy(s.crm_dir(), pristine, fs::copy_options::recursive | fs::copy_options::copy_symlinks);
    int points = sweep_one(s, step, args, pristine, totals);
    counts += " " + step.name + "=" + std::to_string(points);
    CHECK(points >= 4);
    // Move on from the state a clean run leaves, keeping what it printed.
    restore(s, pristine);
    Result clean = s.run_env(step.env, args);
    REQUIRE(clean.status == 0);
    if (!step.save_as.empty()) {
      auto out = lines(clean.out);
      REQUIRE_FALSE(out.empty());
      saved[step.save_as] = out.back();
    }
  }
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  // The fault points per command and the cost, for the record (ctest -V shows them).
  std::cout << "crash sweep: " << totals.runs << " killed runs (" << totals.orphans
            << " left a stray temporary file) in " << seconds << " s; fault points:" << counts << "\n";
}

TEST_CASE("crm itself ignores CRM_FAULT: only the test build crm_faulty injects faults") {
  Sandbox s;
  s.init_with_people();
  for (const char* fault : {"CRM_FAULT=step:1", "CRM_FAULT=enospc:1", "CRM_FAULT=stop:1"}) {
    Result r = s.run_env({fault, "CRM_USER=olivia"}, {"contact", "add", "--name", "Anna Berg"});
    INFO(fault << ": " << r.err);
    CHECK(r.status == 0);
    CHECK(r.err.empty());
  }
  CHECK(s.files_in("contacts").size() == 3);
}
