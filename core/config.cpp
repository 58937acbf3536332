#include "config.hpp"

#include "error.hpp"
#include "suggest.hpp"
#include "yaml_io.hpp"

#include <algorithm>

namespace crm {
namespace {

const std::vector<std::string> k_top_keys = {"timezone", "defaults", "contact_kinds", "call_channels"};
const std::vector<std::string> k_default_keys = {"contact_kind", "call_channel", "call_direction"};

std::map<std::string, std::vector<std::string>> default_lists() {
  return {
      {"contact_kinds",
       {"customer", "citizen", "partner", "supplier", "agent", "influencer", "prospect", "press", "other"}},
      {"call_channels", {"phone", "email", "chat", "social", "blog", "visit", "letter", "video", "sms", "other"}},
  };
}

[[noreturn]] void fail(const std::string& origin, const Value& at, const std::string& message) {
  throw data_error(origin + ":" + std::to_string(at.line()) + ": " + message);
}

std::string scalar(const std::string& origin, const Value& v, const std::string& key) {
  if (!v.is_scalar()) {
    fail(origin, v, "'" + key + "' must be a single value");
  }
  return v.text();
}

std::vector<std::string> scalar_list(const std::string& origin, const Value& v, const std::string& key) {
  if (!v.is_list()) {
    fail(origin, v, "'" + key + "' must be a list, e.g. [a, b]");
  }
  std::vector<std::string> out;
  for (const auto& item : v.items()) {
    out.push_back(scalar(origin, item, key));
  }
  if (out.empty()) {
    fail(origin, v, "'" + key + "' must not be empty");
  }
  return out;
}

}  // namespace

const std::vector<std::string>& Config::list(const std::string& name) const {
  static const std::vector<std::string> none;
  auto it = lists.find(name);
  return it == lists.end() ? none : it->second;
}

Config load_config(const std::string& text, const std::string& origin) {
  Config config;
  config.lists = default_lists();
  config.raw = parse_yaml(text, origin);
  const Value& raw = config.raw;
  if (raw.is_null()) {
    config.zone = default_zone();
    return config;
  }
  if (!raw.is_map()) {
    fail(origin, raw, "crm.yaml must be a mapping of settings (key: value)");
  }
  if (const Value* tz = raw.find("timezone"); tz && !tz->is_null()) {
    config.zone_name = scalar(origin, *tz, "timezone");
    try {
      config.zone = find_zone(config.zone_name);
    } catch (const Error& e) {
      fail(origin, *tz, e.what());
    }
  } else {
    config.zone = default_zone();
  }
  for (const auto& [name, values] : default_lists()) {
    if (const Value* v = raw.find(name); v && !v->is_null()) {
      config.lists[name] = scalar_list(origin, *v, name);
    }
  }
  if (const Value* defaults = raw.find("defaults"); defaults && !defaults->is_null()) {
    if (!defaults->is_map()) {
      fail(origin, *defaults, "'defaults' must be a mapping");
    }
    auto pick = [&](const std::string& key, std::string& target, const std::vector<std::string>& allowed) {
      if (const Value* v = defaults->find(key); v && !v->is_null()) {
        target = scalar(origin, *v, "defaults." + key);
        if (std::find(allowed.begin(), allowed.end(), target) == allowed.end()) {
          fail(origin, *v, "defaults." + key + ": '" + target + "' is not one of the allowed values" +
                               did_you_mean(target, allowed));
        }
      }
    };
    pick("contact_kind", config.default_contact_kind, config.list("contact_kinds"));
    pick("call_channel", config.default_call_channel, config.list("call_channels"));
    pick("call_direction", config.default_call_direction, {"in", "out"});
  }
  return config;
}

std::vector<Problem> config_problems(const Config& config, const std::string& origin) {
  std::vector<Problem> out;
  if (!config.raw.is_map()) {
    return out;
  }
  auto unknown_keys = [&](const Value& map, const std::vector<std::string>& known, const std::string& where) {
    for (const auto& [key, v] : map.fields()) {
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        out.push_back({origin, v.line(), "unknown key '" + where + key + "'" + did_you_mean(key, known)});
      }
    }
  };
  unknown_keys(config.raw, k_top_keys, "");
  if (const Value* d = config.raw.find("defaults"); d && d->is_map()) {
    unknown_keys(*d, k_default_keys, "defaults.");
  }
  return out;
}

std::string config_template() {
  return R"(# crm.yaml: policy for this CRM. Every key is optional; an empty file is a
# valid configuration. The commented values below are the defaults.
# See crm(1) and README.md for every setting.

# Time zone for times shown in tables and for times typed without a zone
# (an IANA name). Default: the system's zone ($TZ or /etc/localtime).
# timezone: Europe/Amsterdam

# defaults:
#   contact_kind: customer      # for `crm contact add` without --kind
#   call_channel: phone         # for `crm log-call` without --channel
#   call_direction: in          # for `crm log-call` without --direction

# The allowed contact kinds and call channels.
# contact_kinds: [customer, citizen, partner, supplier, agent, influencer, prospect, press, other]
# call_channels: [phone, email, chat, social, blog, visit, letter, video, sms, other]
)";
}

}  // namespace crm
