// hooks/on-<event>: run after the event is saved, with the event as JSON on stdin.
#include "harness.hpp"

#include <doctest/doctest.h>

#include <signal.h>

#include <fstream>
#include <iterator>
#include <thread>

#include <algorithm>
#include <chrono>

using namespace e2e;
using V = std::vector<std::string>;

namespace {

std::string str(const YAML::Node& n) { return n ? n.as<std::string>() : ""; }

// Writes hooks/NAME with `body` after a #!/bin/sh line, executable unless told otherwise.
void hook(Sandbox& s, const std::string& name, const std::string& body, bool executable = true) {
  s.write("hooks/" + name, "#!/bin/sh\n" + body);
  fs::perms mode = fs::perms::owner_read | fs::perms::owner_write;
  if (executable) {
    mode |= fs::perms::owner_exec;
  }
  fs::permissions(s.crm_dir() / "hooks" / name, mode);
}

// The CRM folder as a hook sees it: absolute, symlinks resolved, no trailing slash.
std::string real_crm_dir(const Sandbox& s) { return fs::canonical(s.crm_dir()).string(); }

// A hook that records what it was given: stdin, working directory and CRM_* variables.
const char* const k_recorder =
    "cat > hook-stdin.json\n"
    "pwd -P > hook-cwd.txt\n"
    "printf '%s\\n%s\\n%s\\n' \"$CRM_EVENT\" \"$CRM_ID\" \"$CRM_DIR\" > hook-env.txt\n";

// The city office with the citizen Anna Berg.
std::string city(Sandbox& s) {
  s.init_city();
  return s.ok({"contact", "add", "--name", "Anna Berg", "--kind", "citizen"});
}

}  // namespace

TEST_CASE("hooks/on-case-forwarded reads the event as one line of JSON, in the CRM folder, with CRM_* set") {
  Sandbox s;
  std::string anna = city(s);
  std::string id = s.ok({"--as", "fiona", "case", "open", "--contact", anna, "--title", "Leak", "--handler", "raquel"});
  s.ok({"--as", "raquel", "case", "ack", id});
  hook(s, "on-case-forwarded", k_recorder);
  NotificationWatch told(s);

  Result r = s.run({"--now", "2026-11-23T10:00:00Z", "case", "forward", id, "--to", "pedro", "--note", "Mains"});
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err == id + ": forwarded; now acknowledged, handler pedro; notified pedro, raquel\n");

  std::string input = s.read("hook-stdin.json");
  CHECK(input.back() == '\n');
  CHECK(std::count(input.begin(), input.end(), '\n') == 1);
  YAML::Node event = parse(input);
  V keys;
  for (const auto& kv : event) {
    keys.push_back(kv.first.as<std::string>());
  }
  CHECK(keys == V{"event", "kind", "id", "at", "by", "entry", "record", "notified", "crm_dir"});
  CHECK(str(event["event"]) == "case-forwarded");
  CHECK(str(event["kind"]) == "case");
  CHECK(str(event["id"]) == id);
  CHECK(str(event["at"]) == "2026-11-23T10:00:00Z");
  CHECK(str(event["by"]) == "olivia");
  CHECK(str(event["crm_dir"]) == real_crm_dir(s));

  const YAML::Node& entry = event["entry"];
  CHECK(str(entry["at"]) == "2026-11-23T10:00:00Z");
  CHECK(str(entry["by"]) == "olivia");
  CHECK(str(entry["event"]) == "forwarded");
  CHECK(str(entry["from"]) == "raquel");
  CHECK(str(entry["to"]) == "pedro");
  CHECK(str(entry["department"]) == "water");
  CHECK(str(entry["handler"]) == "pedro");
  CHECK(str(entry["note"]) == "Mains");

  // The record as saved: the same as the file.
  const YAML::Node& record = event["record"];
  YAML::Node stored = parse(s.read(case_path(id)));
  for (const char* key : {"id", "title", "status", "priority", "contact", "requester", "department", "handler",
                          "opened", "acknowledged"}) {
    CAPTURE(key);
    CHECK(str(record[key]) == str(stored[key]));
  }
  CHECK(str(record["handler"]) == "pedro");
  CHECK(record["history"].size() == 4);
  CHECK(str(record["history"][3]["event"]) == "forwarded");

  // Who was told, with the IDs of the notification files.
  auto notes = told.take();
  REQUIRE(notes.size() == 2);
  REQUIRE(event["notified"].size() == 2);
  V notified;
  for (const auto& n : event["notified"]) {
    std::string nid = str(n["id"]);
    auto it = std::find_if(notes.begin(), notes.end(), [&](const YAML::Node& f) { return str(f["id"]) == nid; });
    REQUIRE(it != notes.end());
    CHECK(str(n["user"]) == str((*it)["user"]));
    CHECK(str(n["message"]) == str((*it)["message"]));
    CHECK(str(n["message"]) == id + " forwarded to pedro by olivia: Mains");
    notified.push_back(str(n["user"]));
  }
  std::sort(notified.begin(), notified.end());
  CHECK(notified == V{"pedro", "raquel"});

  CHECK(s.read("hook-cwd.txt") == real_crm_dir(s) + "\n");
  CHECK(s.read("hook-env.txt") == "case-forwarded\n" + id + "\n" + real_crm_dir(s) + "\n");

  // However the CRM was found, the hook gets the same absolute folder.
  Result sub = s.run_in(s.crm_dir() / "cases", {}, {"case", "forward", id, "--to", "raquel"});
  REQUIRE(sub.status == 0);
  CHECK(str(parse(s.read("hook-stdin.json"))["crm_dir"]) == real_crm_dir(s));
  CHECK(s.read("hook-env.txt") == "case-forwarded\n" + id + "\n" + real_crm_dir(s) + "\n");
  CHECK(s.read("hook-cwd.txt") == real_crm_dir(s) + "\n");
  Result outside = s.run_in(s.root(), {}, {"-C", "crm", "case", "forward", id, "--to", "pedro"});
  REQUIRE(outside.status == 0);
  CHECK(str(parse(s.read("hook-stdin.json"))["crm_dir"]) == real_crm_dir(s));
  CHECK(s.read("hook-cwd.txt") == real_crm_dir(s) + "\n");
}

TEST_CASE("a failing hook is a warning: exit 0 and the event stays saved") {
  Sandbox s;
  std::string anna = city(s);
  std::string id = s.ok({"case", "open", "--contact", anna, "--title", "Leak", "--handler", "raquel"});
  hook(s, "on-case-updated", "echo 'mail server down'\necho 'details' >&2\nexit 3\n");
  NotificationWatch told(s);

  Result r = s.run({"--as", "raquel", "case", "update", id, "--note", "Crew on site"});
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err == "mail server down\ndetails\n"
                 "crm: warning: hook hooks/on-case-updated exited with status 3; the case-updated event is saved all "
                 "the same\n" +
                     id + ": updated; now new, handler raquel; notified olivia\n");
  YAML::Node c = parse(s.read(case_path(id)));
  CHECK(str(c["history"][2]["event"]) == "updated");
  CHECK(str(c["history"][2]["note"]) == "Crew on site");
  CHECK(told.users() == V{"olivia"});

  // -q hides messages but not a failing hook's output and warning.
  r = s.run({"-q", "--as", "raquel", "case", "update", id, "--note", "Done soon"});
  CHECK(r.status == 0);
  CHECK(r.err == "mail server down\ndetails\n"
                 "crm: warning: hook hooks/on-case-updated exited with status 3; the case-updated event is saved all "
                 "the same\n");
  CHECK(parse(s.read(case_path(id)))["history"].size() == 4);
  CHECK(s.run({"check"}).status == 0);
}

TEST_CASE("a hook's output goes to stderr, and -q hides it when the hook succeeds") {
  Sandbox s;
  std::string anna = city(s);
  hook(s, "on-case-opened", "echo 'posted to #water'\n");
  Result r = s.run({"case", "open", "--contact", anna, "--title", "Leak", "--department", "water"});
  REQUIRE(r.status == 0);
  std::string id = r.out.substr(0, 14);
  CHECK(r.out == id + "\n");
  CHECK(r.err == "posted to #water\nOpened " + id + " in water (--department), in the queue; notified pedro, raquel\n");
  r = s.run({"-q", "case", "open", "--contact", anna, "--title", "Leak", "--department", "water"});
  CHECK(r.status == 0);
  CHECK(is_generated_id(r.out.substr(0, 14), "C"));
  CHECK(r.err.empty());
}

TEST_CASE("a hook that is not executable gives a warning, a folder in its place is ignored") {
  Sandbox s;
  std::string anna = city(s);
  std::string id = s.ok({"case", "open", "--contact", anna, "--title", "Leak", "--department", "water"});
  hook(s, "on-case-acknowledged", "touch ran.txt\n", false);
  fs::create_directories(s.crm_dir() / "hooks" / "on-case-closed");

  Result r = s.run({"--as", "raquel", "case", "ack", id});
  CHECK(r.status == 0);
  CHECK(r.err == "crm: warning: hook hooks/on-case-acknowledged is not executable (chmod +x it to run it); the "
                 "case-acknowledged event is saved all the same\n" +
                     id + ": acknowledged; now acknowledged, handler raquel; notified olivia\n");
  CHECK_FALSE(s.exists("ran.txt"));
  CHECK(str(parse(s.read(case_path(id)))["status"]) == "acknowledged");

  r = s.run({"--as", "raquel", "case", "close", id, "--resolution", "Fixed"});
  CHECK(r.status == 0);
  CHECK(r.err == id + ": closed; now closed, handler raquel; notified olivia\n");
}

TEST_CASE("a hook may run crm itself: the lock is released before hooks run") {
  Sandbox s;
  std::string anna = city(s);
  std::string id = s.ok({"--as", "fiona", "case", "open", "--contact", anna, "--title", "Leak", "--department",
                         "water"});
  const std::string crm = CRM_BINARY;
  hook(s, "on-case-acknowledged",
       "'" + crm + "' --as \"$CRM_USER_FOR_HOOK\" case update \"$CRM_ID\" --note 'Auto-reply sent to the citizen' &&\n"
       "'" + crm + "' inbox --user fiona --format json > fiona-inbox.json\n");

  auto start = std::chrono::steady_clock::now();
  Result r = s.run_env({"CRM_LOCK_TIMEOUT=3s", "CRM_USER_FOR_HOOK=pedro"}, {"--as", "raquel", "case", "ack", id});
  auto took = std::chrono::steady_clock::now() - start;
  CHECK(r.status == 0);
  CHECK(took < std::chrono::seconds(3));
  CHECK(r.err.find("warning") == std::string::npos);
  CHECK(r.err.find(id + ": updated; now acknowledged, handler raquel; notified fiona, olivia\n") == 0);

  YAML::Node c = parse(s.read(case_path(id)));
  REQUIRE(c["history"].size() == 4);
  CHECK(str(c["history"][2]["event"]) == "acknowledged");
  CHECK(str(c["history"][3]["event"]) == "updated");
  CHECK(str(c["history"][3]["by"]) == "pedro");
  CHECK(str(c["history"][3]["note"]) == "Auto-reply sent to the citizen");
  // The hook's own crm saw the acknowledgement already saved.
  V events;
  for (const auto& n : parse(s.read("fiona-inbox.json"))) {
    events.push_back(str(n["event"]));
  }
  std::sort(events.begin(), events.end());
  CHECK(events == V{"case-acknowledged", "case-updated"});
}

TEST_CASE("CRM_HOOK_TIMEOUT stops a hook that runs too long, with a warning") {
  Sandbox s;
  std::string anna = city(s);
  hook(s, "on-case-opened", "exec sleep 30\n");
  auto start = std::chrono::steady_clock::now();
  Result r = s.run_env({"CRM_HOOK_TIMEOUT=1s"},
                       {"case", "open", "--contact", anna, "--title", "Leak", "--department", "water"});
  auto took = std::chrono::steady_clock::now() - start;
  CHECK(r.status == 0);
  CHECK(took >= std::chrono::milliseconds(900));
  CHECK(took < std::chrono::seconds(10));
  std::string id = r.out.substr(0, 14);
  CHECK(r.out == id + "\n");
  CHECK(r.err.find("crm: warning: hook hooks/on-case-opened was stopped after 1 s (CRM_HOOK_TIMEOUT); the "
                   "case-opened event is saved all the same\n") == 0);
  CHECK(s.exists(case_path(id)));

  // A timeout crm cannot read is a warning too; the default applies.
  hook(s, "on-case-opened", "exit 0\n");
  r = s.run_env({"CRM_HOOK_TIMEOUT=soon"},
                {"case", "open", "--contact", anna, "--title", "Leak", "--department", "water"});
  CHECK(r.status == 0);
  CHECK(r.err.find("crm: warning: CRM_HOOK_TIMEOUT: cannot read 'soon' (try 30s or 2m); using 60s\n") == 0);
}

TEST_CASE("a hook stopped by the timeout takes the programs it started with it") {
  Sandbox s;
  std::string anna = city(s);
  hook(s, "on-case-opened", "sleep 30 &\necho $! > child.pid\nwait\n");
  Result r = s.run_env({"CRM_HOOK_TIMEOUT=1s"},
                       {"case", "open", "--contact", anna, "--title", "Leak", "--department", "water"});
  CHECK(r.status == 0);
  CHECK(r.err.find("was stopped after 1 s") != std::string::npos);
  std::string pid = lines(s.read("child.pid")).at(0);
  // Killed means gone or a zombie (in a container nobody may reap it).
  auto running = [&] {
    std::ifstream stat("/proc/" + pid + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    auto paren = text.rfind(')');
    return ::kill(std::stoi(pid), 0) == 0 && paren != std::string::npos && text.size() > paren + 2 &&
           text[paren + 2] != 'Z';
  };
  bool alive = true;
  for (int i = 0; i < 50 && alive; ++i) {
    alive = running();
    if (alive) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  CHECK_FALSE(alive);
}

TEST_CASE("hooks hear of an event before the notifications about it") {
  Sandbox s;
  std::string anna = city(s);
  for (const char* name : {"on-case-opened", "on-case-routed", "on-notification-created"}) {
    hook(s, name, "echo \"$CRM_EVENT\" >> order.txt\n");
  }
  s.ok({"--as", "fiona", "case", "open", "--contact", anna, "--title", "Leak", "--department", "water"});
  V order = lines(s.read("order.txt"));
  REQUIRE(order.size() >= 3);
  CHECK(order[0] == "case-opened");
  CHECK(order[1] == "case-routed");
  for (std::size_t i = 2; i < order.size(); ++i) {
    CHECK(order[i] == "notification-created");
  }
}

TEST_CASE("hooks/on-notification-created runs once per notification") {
  Sandbox s;
  std::string anna = city(s);
  hook(s, "on-notification-created", "cat >> notifications.jsonl\necho \"$CRM_EVENT $CRM_ID\" >> notified.txt\n");
  hook(s, "on-case-routed", "cat > routed.json\n");
  hook(s, "on-case-opened", "cat > opened.json\n");
  NotificationWatch told(s);

  std::string id = s.ok({"--as", "fiona", "--now", "2026-11-23T10:00:00Z", "case", "open", "--contact", anna,
                         "--title", "Leak", "--department", "water"});
  auto notes = told.take();
  REQUIRE(notes.size() == 3);
  V files;
  for (const auto& n : notes) {
    files.push_back("notification-created " + str(n["id"]));
  }
  V ran = lines(s.read("notified.txt"));
  std::sort(files.begin(), files.end());
  std::sort(ran.begin(), ran.end());
  CHECK(ran == files);

  V users;
  for (const auto& line : lines(s.read("notifications.jsonl"))) {
    YAML::Node e = parse(line);
    CHECK(str(e["event"]) == "notification-created");
    CHECK(str(e["kind"]) == "notification");
    CHECK(is_generated_id(str(e["id"]), "N"));
    CHECK(e["entry"].IsNull());
    CHECK(str(e["at"]) == "2026-11-23T10:00:00Z");
    CHECK(str(e["by"]) == "fiona");
    CHECK(str(e["record"]["id"]) == str(e["id"]));
    CHECK(str(e["record"]["event"]) == "case-routed");
    CHECK(str(e["record"]["about"]) == id);
    CHECK(str(e["record"]["message"]) == "new case " + id + " in the water queue: Leak");
    CHECK(e["notified"].size() == 0);
    users.push_back(str(e["record"]["user"]));
  }
  std::sort(users.begin(), users.end());
  CHECK(users == V{"olivia", "pedro", "raquel"});

  // The routing event lists the same notifications; the opening has none of its own.
  YAML::Node routed = parse(s.read("routed.json"));
  CHECK(str(routed["entry"]["event"]) == "routed");
  REQUIRE(routed["notified"].size() == 3);
  V listed;
  for (const auto& n : routed["notified"]) {
    listed.push_back("notification-created " + str(n["id"]));
  }
  std::sort(listed.begin(), listed.end());
  CHECK(listed == files);
  YAML::Node opened = parse(s.read("opened.json"));
  CHECK(str(opened["entry"]["event"]) == "opened");
  CHECK(opened["notified"].size() == 0);
}

TEST_CASE("hooks/on-call-logged runs for log-call, and --open-case runs the case's hooks too") {
  Sandbox s;
  std::string anna = city(s);
  const std::string log = "echo \"$CRM_EVENT $CRM_ID\" >> events.log\n";
  hook(s, "on-call-logged", "cat > call.json\n" + log);
  for (const char* name : {"on-contact-created", "on-case-opened", "on-case-routed"}) {
    hook(s, name, log);
  }

  std::string call = s.ok({"log-call", "--contact", anna, "--summary", "Asked about the bill"});
  CHECK(s.read("events.log") == "call-logged " + call + "\n");
  YAML::Node e = parse(s.read("call.json"));
  CHECK(str(e["event"]) == "call-logged");
  CHECK(str(e["kind"]) == "call");
  CHECK(str(e["id"]) == call);
  CHECK(str(e["by"]) == "olivia");
  CHECK(str(e["entry"]["event"]) == "logged");
  CHECK(str(e["record"]["contact"]) == anna);
  CHECK(str(e["record"]["summary"]) == "Asked about the bill");
  CHECK(e["notified"].size() == 0);

  // One command, four records: each event runs its hook once, after everything is saved.
  s.write("events.log", "");
  Result r = s.run({"log-call", "--new-contact", "Bea Cruz", "--summary", "Leak", "--open-case", "--department",
                    "water"});
  REQUIRE(r.status == 0);
  auto out = lines(r.out);
  REQUIRE(out.size() == 2);
  std::string bea;
  for (const auto& path : s.files_in("contacts")) {
    if (str(parse(s.read(path))["name"]) == "Bea Cruz") {
      bea = str(parse(s.read(path))["id"]);
    }
  }
  V ran = lines(s.read("events.log"));
  REQUIRE(ran.size() == 4);
  auto pos = [&](const std::string& line) { return std::find(ran.begin(), ran.end(), line) - ran.begin(); };
  CHECK(pos("contact-created " + bea) < pos("call-logged " + out[0]));
  CHECK(pos("call-logged " + out[0]) < pos("case-opened " + out[1]));
  CHECK(pos("case-opened " + out[1]) < pos("case-routed " + out[1]));
  CHECK(pos("case-routed " + out[1]) < 4);
  CHECK(str(parse(s.read("call.json"))["record"]["contact"]) == bea);
}
