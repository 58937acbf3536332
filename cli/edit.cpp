// crm edit [KIND] ID: a record's file in $VISUAL / $EDITOR, validated before it is saved.
#include "record_edit.hpp"

#include "commands.hpp"
#include "edit.hpp"
#include "error.hpp"
#include "process.hpp"
#include "record_lookup.hpp"
#include "records_view.hpp"

#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>

namespace crm::cli {
namespace {

// $VISUAL, else $EDITOR, else vi: a shell command, so EDITOR="code -w" works.
// vi needs a terminal: without one (a script, cron) it would wait forever.
std::string editor_command() {
  for (const char* name : {"VISUAL", "EDITOR"}) {
    const char* v = std::getenv(name);
    if (v && *v) {
      return v;
    }
  }
  if (!isatty(STDIN_FILENO)) {
    throw usage_error("no editor: set VISUAL or EDITOR (vi needs a terminal, and stdin is none)");
  }
  return "vi";
}

// Runs `editor` on `path` on the user's terminal; its exit status, -1 when
// it could not be started. Through the shell, so EDITOR="code -w" works.
int run_editor(const std::string& editor, const fs::path& path) {
  return run_attached({"sh", "-c", editor + " \"$@\"", editor, path.string()});
}

// The file the user edits: .crm/edit-ID-XXXXXX.yaml (the suffix lets editors
// highlight YAML). Removed afterwards unless kept, so that text the user
// would otherwise lose survives.
class EditFile {
 public:
  EditFile(const Store& store, const std::string& id) {
    fs::path folder = store.root() / ".crm";
    std::error_code ec;
    fs::create_directories(folder, ec);
    std::string pattern = (folder / ("edit-" + id + "-XXXXXX.yaml")).string();
    int fd = ::mkstemps(pattern.data(), 5);
    if (fd < 0) {
      throw system_error("cannot create a file to edit in " + store.shown(folder) + ": " + std::strerror(errno));
    }
    ::close(fd);
    m_path = pattern;
    m_shown = store.shown(m_path);
  }
  ~EditFile() {
    if (!m_keep) {
      std::error_code ec;
      fs::remove(m_path, ec);
    }
  }
  EditFile(const EditFile&) = delete;
  EditFile& operator=(const EditFile&) = delete;

  const fs::path& path() const { return m_path; }
  // `error` saying where the user's text is kept.
  Error kept(const Error& error) {
    m_keep = true;
    return Error(error.status(), std::string(error.what()) + "; your text is kept in " + m_shown);
  }
  const std::string& shown() const { return m_shown; }

 private:
  fs::path m_path;
  std::string m_shown;
  bool m_keep = false;
};

// "PATH:LINE: message" for the first problem, counting the others.
std::string first_problem(const std::vector<Problem>& problems) {
  std::string text = problems.front().text();
  if (problems.size() > 1) {
    text += " (and " + std::to_string(problems.size() - 1) + " more, listed at the top of the file)";
  }
  return text;
}

// Checks and saves the text the user saved; returns false when it is
// invalid (then `text` is what to show next), throwing when the edit ends in an error.
bool save_edit(Session& session, const Context& ctx, const Record& original, const std::string& original_text,
               EditFile& file, std::string& text, std::optional<std::string>& last_body) {
  std::string saved = read_file(file.path());
  std::string body = strip_edit_comments(saved);
  if (body == original_text) {
    report_edit(session, original.id, {});
    return true;
  }
  Transaction tx(ctx.store);
  std::error_code ec;
  if (!fs::exists(original.path, ec) || read_file(original.path) != original_text) {
    throw file.kept(system_error(original.id +
                                 " changed on disk while you were editing it (another crm command or a "
                                 "git pull?), so nothing changed: edit it again and copy your changes over"));
  }
  EditReview review = review_edit(ctx, original, saved, file.shown());
  switch (review.outcome) {
    case EditReview::Outcome::Empty:
      throw data_error("the text is empty, so the edit is abandoned; nothing changed");
    case EditReview::Outcome::Unchanged:
      report_edit(session, original.id, {});
      return true;
    case EditReview::Outcome::Valid: {
      Record edited = original;
      edited.data = review.data;
      stage_edit(ctx, tx, std::move(edited), review.changed);
      session.commit(tx);
      report_edit(session, original.id, review.changed);
      return true;
    }
    case EditReview::Outcome::Invalid:
      break;
  }
  if (last_body && *last_body == body) {
    // Saved again without a fix (or a script that always writes the same): give up.
    write_file_atomic(file.path(), review.annotated);
    throw file.kept(data_error(first_problem(review.problems) + "; nothing changed"));
  }
  last_body = body;
  text = review.annotated;
  return false;
}

}  // namespace

void setup_edit(CLI::App& app, Session& session) {
  struct Words {
    std::string first, second;  // ID, or KIND and ID
  };
  auto words = std::make_shared<Words>();
  auto* cmd = app.add_subcommand(
      "edit", "Edit a record's file in $VISUAL or $EDITOR; it is checked before it is saved, with an edited event");
  cmd->add_option("kind_or_id", words->first,
                  "An ID or unambiguous prefix, a user or department, an influencer's screen name; or the KIND "
                  "(user, department, contact...) when a name is ambiguous")
      ->required();
  cmd->add_option("id", words->second, "The ID, after a KIND");
  cmd->callback([&session, words] {
    std::string editor = editor_command();
    Context ctx = session.context(true);
    bool kind_given = !words->second.empty();
    Record original = find_any_record(ctx.store, kind_given ? words->first : "",
                                      kind_given ? words->second : words->first);
    require_editable(ctx, original);
    std::string original_text = read_file(original.path);
    EditFile file(ctx.store, original.id);
    std::string text = original_text;
    std::optional<std::string> last_body;  // the user's last invalid text
    for (;;) {
      write_file_atomic(file.path(), text);
      int status = run_editor(editor, file.path());
      if (status != 0) {
        throw usage_error(
            "the editor '" + editor + "' " +
            (status < 0 ? std::string("could not be started") : "exited with status " + std::to_string(status)) +
            ", so the edit is abandoned; nothing changed");
      }
      if (save_edit(session, ctx, original, original_text, file, text, last_body)) {
        return;
      }
    }
  });
}

}  // namespace crm::cli
