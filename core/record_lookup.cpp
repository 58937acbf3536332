#include "record_lookup.hpp"

#include "contacts.hpp"
#include "error.hpp"
#include "ids.hpp"
#include "suggest.hpp"

#include <optional>

namespace crm {
namespace {

struct Candidate {
  const KindSpec* kind;
  std::string id;
};

const KindSpec& kind_by_name(const std::string& name) {
  if (const KindSpec* k = kind_named(name)) {
    return *k;
  }
  std::vector<std::string> names;
  for (const KindSpec* k : all_kinds()) {
    names.push_back(k->name);
  }
  throw usage_error("unknown record kind '" + name + "'" + did_you_mean(name, names));
}

// Records of generated-ID kinds whose ID body starts with `input` (typed without a kind prefix).
void add_prefix_matches(const Store& store, const std::string& input, std::vector<Candidate>& out) {
  std::string body = normalize_id_body(input);
  if (body.empty() || body.size() > k_id_body_length) {
    return;
  }
  for (const KindSpec* kind : all_kinds()) {
    if (!kind->generated_ids()) {
      continue;
    }
    std::string prefix = kind->prefix + "-" + body;
    for (const auto& path : store.files(*kind)) {
      std::string id = path.stem().string();
      if (id.compare(0, prefix.size(), prefix) == 0) {
        out.push_back({kind, id});
      }
    }
  }
}

}  // namespace

Record find_any_record(const Store& store, const std::string& kind, const std::string& input) {
  if (!kind.empty()) {
    const KindSpec& k = kind_by_name(kind);
    return &k == &contact_kind() ? find_contact(store, input) : store.find(k, input);
  }
  if (input.empty()) {
    throw usage_error("empty record ID");
  }
  // "user:olivia", as `case forward --to` accepts.
  if (auto colon = input.find(':'); colon != std::string::npos && kind_named(input.substr(0, colon))) {
    return find_any_record(store, input.substr(0, colon), input.substr(colon + 1));
  }
  std::vector<Candidate> found;
  const KindSpec* prefixed = kind_of_id(input);
  std::optional<Error> prefixed_error;
  if (prefixed) {
    try {
      found.push_back({prefixed, store.resolve(*prefixed, input)});
    } catch (const Error& e) {
      if (e.status() != k_exit_not_found) {
        throw;
      }
      prefixed_error = e;  // maybe a slug that looks like an ID ("c-suite")
    }
  } else {
    add_prefix_matches(store, input, found);
  }
  if (is_slug(input)) {
    for (const KindSpec* k : {&user_kind(), &department_kind()}) {
      if (store.exists(*k, input)) {
        found.push_back({k, input});
      }
    }
  }
  if (found.empty()) {
    if (auto influencer = influencer_by_handle(store, input)) {
      return *influencer;
    }
    if (prefixed_error) {
      throw *prefixed_error;
    }
    std::vector<std::string> slugs;
    for (const KindSpec* k : {&user_kind(), &department_kind()}) {
      for (const auto& path : store.files(*k)) {
        slugs.push_back(path.stem().string());
      }
    }
    throw not_found_error("no record matches '" + input + "'" + did_you_mean(input, slugs));
  }
  if (found.size() > 1) {
    std::string list;
    for (std::size_t i = 0; i < found.size() && i < 10; ++i) {
      list += (i ? ", " : "") + found[i].kind->name + " " + found[i].id;
    }
    if (found.size() > 10) {
      list += ", ... (" + std::to_string(found.size()) + " in all)";
    }
    throw not_found_error("'" + input + "' is ambiguous: it could be " + list +
                          "; give more of the ID or name the kind (e.g. '" + found[0].kind->name + ":" + input + "')");
  }
  return store.load(*found[0].kind, found[0].id);
}

}  // namespace crm
