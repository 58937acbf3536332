#include "completion.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

namespace crm {
namespace {

// Where the values of a name come from.
struct Source {
  std::vector<const KindSpec*> kinds;  // the IDs of these records
  std::vector<std::string> choices;    // fixed words
  std::string config_list;             // a configurable list of crm.yaml
  bool influencers = false;            // influencers' screen names
  bool calendars = false;              // the calendars of crm.yaml
};

// Beyond this many matching records, IDs are offered without reading the
// files for descriptions, so that completing stays instant in a big CRM.
constexpr std::size_t k_max_described = 100;

Source of_kinds(const std::string& names) {
  Source s;
  std::size_t start = 0;
  for (;;) {
    std::size_t bar = names.find('|', start);
    if (const KindSpec* k = kind_named(names.substr(start, bar - start))) {
      s.kinds.push_back(k);
    }
    if (bar == std::string::npos) {
      return s;
    }
    start = bar + 1;
  }
}

// What a reference or enumerated field holds; nothing for other fields.
std::optional<Source> field_source(const FieldSpec* field) {
  if (!field) {
    return std::nullopt;
  }
  if (field->type == FieldType::Ref || field->type == FieldType::RefList) {
    return of_kinds(field->ref);
  }
  if (field->type == FieldType::Enum) {
    Source s;
    s.choices = field->choices;
    s.config_list = field->config_list;
    return s;
  }
  return std::nullopt;
}

// Names whose values no field of the same name describes.
std::optional<Source> by_convention(const std::string& name) {
  Source s;
  if (name == "as") {
    return of_kinds("user");
  }
  if (name == "to") {
    return of_kinds("user|department");
  }
  if (name == "from_call") {
    return of_kinds("call");
  }
  if (name == "new_contact_kind") {
    return field_source(contact_kind().field("kind"));
  }
  if (name == "record" || name == "kind_or_id") {  // any record: crm history, log --record, edit
    s.kinds = all_kinds();
    s.influencers = true;
    if (name == "kind_or_id") {
      for (const KindSpec* k : all_kinds()) {
        s.choices.push_back(k->name);
      }
    }
    return s;
  }
  if (name == "influencer") {  // a screen name is what people type
    s.influencers = true;
    return s;
  }
  if (name == "calendar") {
    s.calendars = true;
    return s;
  }
  return std::nullopt;
}

Source source_of(const KindSpec* family, std::string name) {
  std::replace(name.begin(), name.end(), '-', '_');
  if (name == "id" || name == "ids") {
    Source s;
    if (family) {
      s.kinds.push_back(family);
    }
    s.influencers = family == &contact_kind();  // contacts may be named by screen name
    return s;
  }
  if (auto s = by_convention(name)) {
    return *s;
  }
  if (family) {
    if (auto s = field_source(family->field(name))) {
      return *s;
    }
  }
  if (const KindSpec* k = kind_named(name)) {
    return of_kinds(k->name);
  }
  for (const KindSpec* k : all_kinds()) {
    if (auto s = field_source(k->field(name))) {
      return *s;
    }
  }
  for (const KindSpec* k : all_kinds()) {
    if (auto s = field_source(k->history_field(name))) {
      return *s;
    }
  }
  return {};
}

// What a record is called: its name, title, summary or message.
std::string describe(const Store& store, const KindSpec& kind, const fs::path& path) {
  try {
    Record r = store.read(kind, path);
    for (const char* key : {"name", "title", "summary", "message"}) {
      if (const std::string& text = r.get(key); !text.empty()) {
        return text;
      }
    }
  } catch (...) {  // a broken record still completes by its file name
  }
  return "";
}

void add_records(const Store& store, const Source& source, const std::string& prefix, std::vector<Candidate>& out) {
  std::vector<std::pair<const KindSpec*, fs::path>> found;
  for (const KindSpec* kind : source.kinds) {
    for (const fs::path& path : store.files(*kind)) {
      if (completes(path.stem().string(), prefix)) {
        found.emplace_back(kind, path);
      }
    }
  }
  bool described = found.size() <= k_max_described;
  for (const auto& [kind, path] : found) {
    std::string description = described ? describe(store, *kind, path) : "";
    if (source.kinds.size() > 1) {  // say which of the kinds it is
      description += (description.empty() ? "" : " ") + ("(" + kind->name + ")");
    }
    out.push_back({path.stem().string(), description});
  }
}

void add_influencers(const Store& store, const std::string& prefix, std::vector<Candidate>& out) {
  for (const fs::path& path : store.files(contact_kind())) {
    try {
      Record r = store.read(contact_kind(), path);
      const std::string& screen_name = r.get("screen_name");
      if (!screen_name.empty() && completes(screen_name, prefix)) {
        out.push_back({screen_name, r.id});
      }
    } catch (...) {  // broken records are for `crm check` to report
    }
  }
}

void add_words(const std::vector<std::string>& words, const std::string& prefix, std::vector<Candidate>& out) {
  for (const auto& w : words) {
    if (completes(w, prefix)) {
      out.push_back({w, ""});
    }
  }
}

// The configuration of `store`, or the defaults an empty crm.yaml means.
const Config& config_of(const Store* store) {
  static const Config defaults = load_config("", "crm.yaml");
  return store ? store->config() : defaults;
}

}  // namespace

bool completes(const std::string& word, const std::string& typed) {
  return typed.size() <= word.size() &&
         std::equal(typed.begin(), typed.end(), word.begin(), [](char t, char w) {
           return std::tolower(static_cast<unsigned char>(t)) == std::tolower(static_cast<unsigned char>(w));
         });
}

std::vector<Candidate> value_candidates(const Store* store, const KindSpec* family, const std::string& name,
                                        const std::string& prefix) {
  std::vector<Candidate> out;
  try {
    Source source = source_of(family, name);
    add_words(source.choices, prefix, out);
    if (!source.config_list.empty()) {
      add_words(config_of(store).list(source.config_list), prefix, out);
    }
    if (source.calendars) {
      std::vector<std::string> names = {"24x7"};
      for (const auto& [calendar, _] : config_of(store).calendars) {
        names.push_back(calendar);
      }
      add_words(names, prefix, out);
    }
    if (store) {
      add_records(*store, source, prefix, out);
      if (source.influencers) {
        add_influencers(*store, prefix, out);
      }
    }
  } catch (...) {  // completion offers fewer words rather than failing
  }
  return out;
}

}  // namespace crm
