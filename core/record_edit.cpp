#include "record_edit.hpp"

#include "check.hpp"
#include "contacts.hpp"
#include "edit.hpp"
#include "error.hpp"
#include "people.hpp"
#include "rewards.hpp"
#include "suggest.hpp"
#include "yaml_io.hpp"

#include <algorithm>
#include <optional>

namespace crm {
namespace {

const std::string k_marker = "# crm:";

bool blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

std::vector<std::string> field_names(const KindSpec& kind) {
  std::vector<std::string> out;
  for (const auto& f : kind.fields) {
    out.push_back(f.name);
  }
  return out;
}

// Whether `id` names an existing record of `kinds` ("user" or "user|department").
bool exists_as(const Store& store, const std::string& kinds, const std::string& id) {
  auto bar = kinds.find('|');
  if (bar != std::string::npos) {
    return exists_as(store, kinds.substr(0, bar), id) || exists_as(store, kinds.substr(bar + 1), id);
  }
  const KindSpec* kind = kind_named(kinds);
  return kind && store.exists(*kind, id);
}

// Problems with references to records that do not exist, in the `changed` fields of `data`.
void reference_problems(const Store& store, const KindSpec& kind, const Value& data,
                        const std::vector<std::string>& changed, const std::string& origin, std::vector<Problem>& out) {
  for (const auto& name : changed) {
    const FieldSpec* spec = kind.field(name);
    const Value* v = data.find(name);
    if (!spec || !v || (spec->type != FieldType::Ref && spec->type != FieldType::RefList)) {
      continue;
    }
    std::vector<const Value*> refs;
    if (v->is_list()) {
      for (const auto& item : v->items()) {
        refs.push_back(&item);
      }
    } else {
      refs.push_back(v);
    }
    std::string kinds = spec->ref;
    if (auto bar = kinds.find('|'); bar != std::string::npos) {
      kinds.replace(bar, 1, " or ");
    }
    for (const Value* ref : refs) {
      if (!ref->text().empty() && !exists_as(store, spec->ref, ref->text())) {
        out.push_back({origin, ref->line(), "'" + name + "' refers to unknown " + kinds + " '" + ref->text() + "'"});
      }
    }
  }
}

// The kind's own rules beyond field types: an influencer's unique screen
// name, who may take a user off the leaderboard.
void kind_rule_problems(const Context& ctx, const Record& edited, const std::vector<std::string>& changed,
                        const std::string& origin, std::vector<Problem>& out) {
  try {
    if (edited.kind == &contact_kind()) {
      require_valid_influencer(ctx.store, edited);
    }
    if (edited.kind == &user_kind() && std::count(changed.begin(), changed.end(), "leaderboard")) {
      require_may_set_leaderboard(ctx, edited.id);
    }
  } catch (const Error& e) {
    const Value* v = edited.data.find("leaderboard");
    out.push_back({origin, edited.kind == &user_kind() && v ? v->line() : 0, e.what()});
  }
}

// Everything wrong with `text` as the new contents of `original`; `data`
// is what it reads as (nullopt when it does not parse: that is the problem).
std::vector<Problem> problems_of(const Context& ctx, const Record& original, const std::string& text,
                                 const std::string& origin, std::optional<Value>& parsed) {
  const KindSpec& kind = *original.kind;
  try {
    parsed = parse_yaml(text, origin);
  } catch (const Error& e) {
    parsed.reset();
    return {located_problem(origin, e.what())};
  }
  const Value& data = *parsed;
  std::vector<Problem> out;
  if (!data.is_map()) {
    out.push_back({origin, data.line(), "a " + kind.name + " record must be a mapping of fields"});
    return out;
  }
  // The rest is checked with the id as it was, so a changed id is reported once.
  Value checked = data;
  if (data.get("id") != original.id) {
    const Value* id = data.find("id");
    out.push_back(
        {origin, id ? id->line() : 0, "the id cannot change (it is the file name): keep 'id: " + original.id + "'"});
    checked.set("id", original.id);
  }
  Value before = canonical(kind, original.data);
  Value after = canonical(kind, checked);
  const Value* old_history = before.find("history");
  const Value* new_history = after.find("history");
  if ((old_history || new_history) && !(old_history && new_history && *old_history == *new_history)) {
    const Value* at = data.find("history");
    out.push_back({origin, at ? at->line() : 0,
                   "the history cannot be edited: it is the record's audit trail (put it back as it was; "
                   "crm records an 'edited' event itself)"});
  }
  for (const auto& [key, v] : data.fields()) {
    if (!kind.field(key) && !original.data.has(key)) {
      out.push_back(
          {origin, v.line(), "a " + kind.name + " has no field '" + key + "'" + did_you_mean(key, field_names(kind))});
    }
  }
  auto found = record_problems(kind, checked, ctx.store.config(), origin, original.id);
  out.insert(out.end(), found.begin(), found.end());
  if (!out.empty()) {
    return out;  // the checks below assume well-formed fields
  }
  out = consistency_problems(kind, checked, origin);
  auto changed = changed_fields(kind, before, after);
  reference_problems(ctx.store, kind, checked, changed, origin, out);
  Record edited = original;
  edited.data = after;
  kind_rule_problems(ctx, edited, changed, origin, out);
  return out;
}

std::string one_line(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s;
}

// `body` under one "# crm: error:" line per problem and a line saying what to do.
std::string annotate(const std::string& body, const std::vector<Problem>& problems) {
  std::string out;
  for (const auto& p : problems) {
    out += k_marker + " error: " + (p.line > 0 ? "line " + std::to_string(p.line) + ": " : "") + one_line(p.message) +
           "\n";
  }
  out += k_marker + " fix the record and save to try again; save it unchanged or empty to give up\n";
  return out + body;
}

}  // namespace

void require_editable(const Context& ctx, const Record& record) {
  if (!record.kind->has_history()) {
    throw usage_error("a " + record.kind->name + " cannot be edited: it has no history to record the edit in" +
                      (record.kind == &notification_kind() ? " (mark it read with 'crm inbox read')" : ""));
  }
  if (record.kind == &reward_kind()) {
    require_reward_keeper(ctx);
  }
}

std::string strip_edit_comments(const std::string& text) {
  std::size_t pos = 0;
  while (text.compare(pos, k_marker.size(), k_marker) == 0) {
    auto end = text.find('\n', pos);
    pos = end == std::string::npos ? text.size() : end + 1;
  }
  return text.substr(pos);
}

EditReview review_edit(const Context& ctx, const Record& original, const std::string& text, const std::string& origin) {
  const KindSpec& kind = *original.kind;
  EditReview review;
  std::string body = strip_edit_comments(text);
  if (blank(body)) {
    return review;
  }
  std::optional<Value> data;
  auto problems = problems_of(ctx, original, body, origin, data);
  if (data && data->is_null()) {
    return review;  // nothing but comments
  }
  if (data && canonical(kind, *data) == canonical(kind, original.data)) {
    review.outcome = EditReview::Outcome::Unchanged;
    return review;
  }
  if (!problems.empty()) {
    // Again with the text where it will stand under the comment lines, so line numbers match what the user sees.
    std::string padding(problems.size() + 1, '\n');
    review.problems = problems_of(ctx, original, padding + body, origin, data);
    review.outcome = EditReview::Outcome::Invalid;
    review.annotated = annotate(body, review.problems);
    return review;
  }
  review.outcome = EditReview::Outcome::Valid;
  review.data = canonical(kind, *data);
  review.changed = changed_fields(kind, canonical(kind, original.data), review.data);
  return review;
}

}  // namespace crm
