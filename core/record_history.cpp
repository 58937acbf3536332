#include "record_history.hpp"

#include "error.hpp"
#include "process.hpp"
#include "yaml_io.hpp"

#include <map>
#include <set>

namespace crm {
namespace {

// One commit of `git log`, before its change is known.
struct Commit {
  std::string hash;
  std::vector<std::string> parents;
  std::string author, email, date, subject;
};

// The versions of the record's file, by "REV:./PATH" (nullopt: none at REV).
using Files = std::map<std::string, std::optional<std::string>>;

std::string spec_of(const std::string& rev, const std::string& path) {
  return rev + ":./" + path;
}

const std::optional<std::string>& file_at(const Files& files, const std::string& rev, const std::string& path) {
  static const std::optional<std::string> none;
  auto it = files.find(spec_of(rev, path));
  return it == files.end() ? none : it->second;
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find(separator, start)) != std::string::npos; start = end + 1) {
    out.push_back(text.substr(start, end - start));
  }
  out.push_back(text.substr(start));
  return out;
}

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

ProcessResult git(const Store& store, const std::vector<std::string>& args, const std::string& input = "") {
  std::vector<std::string> argv = {"git"};
  argv.insert(argv.end(), args.begin(), args.end());
  ProcessResult r = run_process(argv, store.root(), input);
  if (r.status != 0) {
    throw system_error("git " + args.front() + " failed in " + store.shown(store.root()) + ": " +
                       first_line(r.err.empty() ? r.out : r.err));
  }
  return r;
}

// Every commit that touched `path`, on every branch merged into HEAD
// (--full-history: git's default would skip a side branch whose change the
// merge did not keep). Fields are split by US, commits by NUL.
std::vector<Commit> commits_touching(const Store& store, const std::string& path) {
  bool has_head = run_process({"git", "rev-parse", "-q", "--verify", "HEAD"}, store.root()).status == 0;
  if (!has_head) {
    return {};
  }
  ProcessResult log = git(store, {"-c", "log.showSignature=false", "log", "--full-history", "-z",
                                  "--format=%H%x1f%P%x1f%aN%x1f%aE%x1f%aI%x1f%s", "HEAD", "--", path});
  std::vector<Commit> out;
  for (const auto& record : split(log.out, '\0')) {
    auto f = split(record, '\x1f');
    if (f.size() != 6) {
      continue;  // the empty tail after the last NUL
    }
    std::vector<std::string> parents;
    if (!f[1].empty()) {
      parents = split(f[1], ' ');
    }
    out.push_back({f[0], parents, f[2], f[3], f[4], f[5]});
  }
  return out;
}

// The file at each "REV:./PATH" of `specs` (nullopt where it is missing),
// read through one `git cat-file --batch`.
Files blobs(const Store& store, const std::vector<std::string>& specs) {
  std::string input;
  for (const auto& spec : specs) {
    input += spec + "\n";
  }
  ProcessResult r = git(store, {"cat-file", "--batch"}, input);
  Files out;
  std::size_t pos = 0;
  for (const auto& spec : specs) {
    std::size_t eol = r.out.find('\n', pos);
    if (eol == std::string::npos) {
      throw system_error("git cat-file stopped early, at " + spec);
    }
    auto header = split(r.out.substr(pos, eol - pos), ' ');
    pos = eol + 1;
    if (header.size() != 3 || header[1] != "blob") {  // "SPEC missing", or not a file
      out[spec] = std::nullopt;
      continue;
    }
    std::size_t size = std::stoull(header[2]);
    out[spec] = r.out.substr(pos, size);
    pos += size + 1;  // the content is followed by a newline
  }
  return out;
}

// One version of the file read as a record; an empty map for no file.
struct Version {
  Value data = Value::map();
  std::string problem;
};

Version parse_version(const std::optional<std::string>& text, const std::string& origin) {
  Version v;
  if (!text) {
    return v;
  }
  try {
    Value parsed = parse_yaml(*text, origin);
    if (parsed.is_map()) {
      v.data = parsed;
    } else if (!parsed.is_null()) {
      v.problem = origin + ": not a record (a YAML map)";
    }
  } catch (const Error& e) {
    v.problem = e.what();
  }
  return v;
}

Revision revision_of(const KindSpec& kind, const Commit& c, const std::string& path, const Files& files) {
  Revision r;
  r.commit = c.hash;
  r.author = c.author;
  r.email = c.email;
  r.at = parse_stored_time(c.date);
  r.subject = c.subject;
  r.merge = c.parents.size() > 1;
  const auto& text = file_at(files, c.hash, path);
  Version after = parse_version(text, c.hash.substr(0, 8) + ":" + path);
  std::vector<Value> parents;
  for (const auto& parent : c.parents) {
    Version before = parse_version(file_at(files, parent, path), parent.substr(0, 8) + ":" + path);
    parents.push_back(before.data);
  }
  r.problem = !text ? "the file was deleted" : after.problem;
  r.change = r.merge ? merge_change(kind, parents, after.data)
                     : record_change(kind, parents.empty() ? Value::map() : parents.front(), after.data);
  return r;
}

}  // namespace

std::vector<Revision> record_history(const Store& store, const Record& record) {
  std::string path = record.path.lexically_relative(store.root()).generic_string();
  std::vector<Commit> commits = commits_touching(store, path);

  // Each version once: a commit's file is usually its child's parent version.
  std::vector<std::string> specs = {spec_of("HEAD", path)};
  std::set<std::string> asked(specs.begin(), specs.end());
  for (const auto& c : commits) {
    for (const auto& rev : c.parents) {
      if (asked.insert(spec_of(rev, path)).second) {
        specs.push_back(spec_of(rev, path));
      }
    }
    if (asked.insert(spec_of(c.hash, path)).second) {
      specs.push_back(spec_of(c.hash, path));
    }
  }
  auto files = blobs(store, specs);

  std::vector<Revision> out;
  std::string working = read_file(record.path);
  const auto& head = file_at(files, "HEAD", path);
  if (!head || *head != working) {
    Revision r;
    Version before = parse_version(head, "HEAD:" + path);
    Version after = parse_version(working, path);
    r.problem = after.problem;
    r.change = record_change(*record.kind, before.data, after.data);
    out.push_back(std::move(r));
  }
  for (const auto& c : commits) {
    Revision r = revision_of(*record.kind, c, path, files);
    if (!r.merge || !r.change.empty() || !r.problem.empty()) {
      out.push_back(std::move(r));
    }
  }
  return out;
}

}  // namespace crm
