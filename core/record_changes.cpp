#include "record_changes.hpp"

#include "error.hpp"
#include "record_merge.hpp"

#include <algorithm>
#include <map>
#include <sstream>

namespace crm {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

// Git's author email (lower case) -> the user ID it belongs to.
std::map<std::string, std::string> users_by_email(const Store& store) {
  std::map<std::string, std::string> out;
  for (const auto& path : store.files(user_kind())) {
    try {
      Record user = store.read(user_kind(), path);
      std::string email = lower(user.get("email"));
      if (!email.empty()) {
        out.emplace(email, user.id);
      }
      out.emplace(user.id + "@crm", user.id);
    } catch (const Error&) {
      // A user crm cannot read is named by git's author name instead.
    }
  }
  return out;
}

// Record path -> authors, from `git log --name-only` over the commits from..to.
std::map<std::string, std::vector<std::string>> authors_by_path(const Store& store, const GitRepo& repo,
                                                                const std::string& from, const std::string& to) {
  std::string log = repo.ok({"-c", "core.quotePath=false", "log", "--reverse", "--relative", "--name-only",
                             "--format=%x1e%an%x1f%ae", from + ".." + to, "--"});
  auto emails = users_by_email(store);
  std::map<std::string, std::vector<std::string>> out;
  std::string author;
  std::istringstream in(log);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] == '\x1e') {
      std::string name = line.substr(1, line.find('\x1f') - 1);
      std::string email = line.find('\x1f') == std::string::npos ? "" : lower(line.substr(line.find('\x1f') + 1));
      auto user = emails.find(email);
      author = user != emails.end() ? user->second : name;
    } else if (!line.empty()) {
      auto& by = out[line];
      if (std::find(by.begin(), by.end(), author) == by.end()) {
        by.push_back(author);
      }
    }
  }
  return out;
}

std::size_t kind_rank(const KindSpec* kind) {
  auto kinds = all_kinds();
  return static_cast<std::size_t>(std::find(kinds.begin(), kinds.end(), kind) - kinds.begin());
}

std::string joined_names(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
  }
  return out;
}

std::string counted(std::size_t n, const KindSpec* kind, const std::string& adjective) {
  const std::string& noun = n == 1 ? kind->name : kind->folder;
  return std::to_string(n) + " " + (adjective.empty() ? noun : adjective + " " + noun);
}

}  // namespace

std::vector<ChangedRecord> record_changes(const Store& store, const GitRepo& repo, const std::string& from,
                                         const std::string& to) {
  std::string diff = repo.ok({"diff", "--no-renames", "--relative", "--name-status", "-z", from, to, "--"});
  auto authors = authors_by_path(store, repo, from, to);
  std::vector<ChangedRecord> out;
  auto fields = nul_separated(diff);
  for (std::size_t i = 0; i + 1 < fields.size(); i += 2) {
    const std::string& status = fields[i];
    const std::string& path = fields[i + 1];
    const KindSpec* kind = record_kind_of_path(path);
    if (!kind) {
      continue;
    }
    ChangedRecord change;
    change.kind = kind;
    change.id = fs::path(path).stem().string();
    change.path = path;
    change.what = status == "A"   ? ChangedRecord::What::Created
                  : status == "D" ? ChangedRecord::What::Removed
                                  : ChangedRecord::What::Updated;
    change.by = authors[path];
    out.push_back(std::move(change));
  }
  std::stable_sort(out.begin(), out.end(), [](const ChangedRecord& a, const ChangedRecord& b) {
    return std::make_pair(kind_rank(a.kind), a.path) < std::make_pair(kind_rank(b.kind), b.path);
  });
  return out;
}

std::string describe_changes(const std::vector<ChangedRecord>& changes) {
  struct Group {
    const KindSpec* kind;
    ChangedRecord::What what;
    std::size_t count = 0;
    std::vector<std::string> by;
  };
  std::vector<Group> groups;
  for (auto what : {ChangedRecord::What::Created, ChangedRecord::What::Updated, ChangedRecord::What::Removed}) {
    for (const auto& c : changes) {
      if (c.what != what) {
        continue;
      }
      auto g = std::find_if(groups.begin(), groups.end(),
                            [&c](const Group& g) { return g.kind == c.kind && g.what == c.what; });
      if (g == groups.end()) {
        groups.push_back({c.kind, c.what, 0, {}});
        g = groups.end() - 1;
      }
      ++g->count;
      for (const auto& who : c.by) {
        if (std::find(g->by.begin(), g->by.end(), who) == g->by.end()) {
          g->by.push_back(who);
        }
      }
    }
  }
  std::stable_sort(groups.begin(), groups.end(),
                   [](const Group& a, const Group& b) { return kind_rank(a.kind) < kind_rank(b.kind); });
  std::string out;
  for (const auto& g : groups) {
    std::string part = g.what == ChangedRecord::What::Created ? counted(g.count, g.kind, "new")
                       : g.what == ChangedRecord::What::Updated ? counted(g.count, g.kind, "") + " updated"
                                                               : counted(g.count, g.kind, "") + " removed";
    if (!g.by.empty()) {
      part += " by " + joined_names(g.by);
    }
    out += (out.empty() ? "" : ", ") + part;
  }
  return out;
}

}  // namespace crm
