#include "autocommit.hpp"

#include "error.hpp"
#include "git_repo.hpp"
#include "git_setup.hpp"
#include "process.hpp"
#include "schema.hpp"

#include <cstdlib>

namespace crm {
namespace {

// One record's part of the message: its kind, ID and what happened to it.
struct Line {
  const Record* record = nullptr;
  std::string what;  // "forwarded to raquel", "opened, routed to water"
  std::string text() const { return record->kind->name + " " + record->id + ": " + what; }
};

std::string event_text(const Event& e) {
  if (e.entry.is_null()) {
    return "created";
  }
  std::string text = e.entry.get("event");
  if (!e.entry.get("to").empty()) {
    text += " to " + e.entry.get("to");
  } else if (text == "routed" && !e.entry.get("department").empty()) {
    text += " to " + e.entry.get("department");
  }
  return text;
}

std::vector<Line> record_lines(const std::vector<Record>& records, const std::vector<Event>& events) {
  std::vector<Line> lines;
  // Events come in the order hooks hear them; records without one (an edit
  // of a kind without history) follow in staging order.
  auto line_of = [&lines](const Record* r) -> Line& {
    for (auto& line : lines) {
      if (line.record == r) {
        return line;
      }
    }
    lines.push_back({r, ""});
    return lines.back();
  };
  for (const auto& e : events) {
    for (const auto& r : records) {
      if (r.kind == e.kind && r.id == e.id) {
        Line& line = line_of(&r);
        line.what += (line.what.empty() ? "" : ", ") + event_text(e);
      }
    }
  }
  for (const auto& r : records) {
    Line& line = line_of(&r);
    if (line.what.empty()) {
      line.what = r.is_new ? "created" : "changed";
    }
  }
  return lines;
}

std::string subject(const std::vector<Line>& lines) {
  std::vector<const Line*> main;
  for (const auto& line : lines) {
    if (line.record->kind->has_history()) {
      main.push_back(&line);
    }
  }
  if (main.empty()) {
    for (const auto& line : lines) {
      main.push_back(&line);
    }
  }
  if (main.size() == 1) {
    return main.front()->text();
  }
  bool alike = true;
  for (const Line* line : main) {
    alike = alike && line->record->kind == main.front()->record->kind && line->what == main.front()->what;
  }
  if (alike) {
    return std::to_string(main.size()) + " " + main.front()->record->kind->folder + " " + main.front()->what;
  }
  std::size_t more = lines.size() - 1;
  return main.front()->text() + " (and " + std::to_string(more) + (more == 1 ? " more record)" : " more records)");
}

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

}  // namespace

std::vector<std::string> identity_fallback(const fs::path& root, const GitIdentity& who) {
  auto config = run_process({"git", "config", "--get-regexp", "^user\\.(name|email)$"}, root);
  bool has_name = config.out.find("user.name ") != std::string::npos;
  bool has_email = config.out.find("user.email ") != std::string::npos || !env("EMAIL").empty();
  std::vector<std::string> out;
  for (std::string role : {"AUTHOR", "COMMITTER"}) {
    if (!has_name && env(("GIT_" + role + "_NAME").c_str()).empty()) {
      out.push_back("GIT_" + role + "_NAME=" + who.name);
    }
    if (!has_email && env(("GIT_" + role + "_EMAIL").c_str()).empty()) {
      out.push_back("GIT_" + role + "_EMAIL=" + who.email);
    }
  }
  return out;
}

std::string autocommit_message(const std::vector<Record>& records, const std::vector<Event>& events) {
  std::vector<Line> lines = record_lines(records, events);
  if (lines.empty()) {
    return "";
  }
  std::string message = subject(lines) + "\n";
  if (lines.size() > 1) {
    message += "\n";
    for (const auto& line : lines) {
      message += line.text() + "\n";
    }
  }
  return message;
}

std::string events_actor(const std::vector<Event>& events) {
  for (const auto& e : events) {
    if (!e.entry.is_null() && !e.entry.get("by").empty()) {
      return e.entry.get("by");
    }
  }
  return "";
}

GitIdentity author_identity(const Store& store, const std::string& actor) {
  if (actor.empty()) {
    return {"crm", "crm@localhost"};
  }
  GitIdentity id{actor, actor + "@crm"};
  try {
    Record user = store.load(user_kind(), actor);
    if (!user.get("name").empty()) {
      id.name = user.get("name");
    }
    if (!user.get("email").empty()) {
      id.email = user.get("email");
    }
  } catch (const Error&) {
    // A user record crm cannot read still gets a commit, under its ID.
  }
  return id;
}

std::string autocommit(const Store& store, const std::vector<Record>& records, const std::string& message,
                       const GitIdentity& author) {
  const fs::path& root = store.root();
  switch (git_place(root)) {
    case GitPlace::NoGit: return "git is not installed";
    case GitPlace::Outside: return store.shown(root) + " is not inside a git work tree";
    case GitPlace::Inside: break;
  }
  std::vector<std::string> paths;
  for (const auto& r : records) {
    paths.push_back(r.path.lexically_relative(root).string());
  }
  if (paths.empty()) {
    return "";
  }
  std::vector<std::string> add = {"git", "add", "--"};
  add.insert(add.end(), paths.begin(), paths.end());
  if (auto r = run_process(add, root); r.status != 0) {
    return "git add failed: " + git_complaint(r);
  }
  std::vector<std::string> status = {"git", "status", "--porcelain", "--"};
  status.insert(status.end(), paths.begin(), paths.end());
  if (run_process(status, root).out.empty()) {
    return "";  // the command saved the files as they were
  }
  // With paths, git commits only them (--only), whatever else is staged.
  std::vector<std::string> commit = {"git", "commit", "-q", "-F", "-",
                                     "--author=" + author.name + " <" + author.email + ">", "--"};
  commit.insert(commit.end(), paths.begin(), paths.end());
  if (auto r = run_process(commit, root, message, identity_fallback(root, author)); r.status != 0) {
    return "git commit failed: " + git_complaint(r);
  }
  return "";
}

}  // namespace crm
