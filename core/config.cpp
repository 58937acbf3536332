#include "config.hpp"

#include "error.hpp"
#include "schema.hpp"
#include "suggest.hpp"
#include "yaml_io.hpp"

#include <algorithm>

namespace crm {
namespace {

const std::vector<std::string> k_top_keys = {"timezone", "defaults", "contact_kinds", "call_channels", "cases",
                                            "routing",  "calendars", "sla",          "escalation", "recognition",
                                            "deals",    "git"};
const std::vector<std::string> k_default_keys = {"contact_kind", "call_channel", "call_direction"};
const std::vector<std::string> k_case_keys = {"default_priority", "reopen_to"};
const std::vector<std::string> k_git_keys = {"autocommit"};

std::map<std::string, std::vector<std::string>> default_lists() {
  return {
      {"contact_kinds",
       {"customer", "citizen", "partner", "supplier", "agent", "influencer", "prospect", "press", "other"}},
      {"call_channels", {"phone", "email", "chat", "social", "blog", "visit", "letter", "video", "sms", "other"}},
  };
}

// Sets `target` from `section.key` when given, refusing values outside `allowed`.
void pick(const ConfigReader& reader, const Value& section, const std::string& where, const std::string& key,
          std::string& target, const std::vector<std::string>& allowed) {
  if (const Value* v = setting(section, key)) {
    target = reader.scalar(*v, where + key);
    if (std::find(allowed.begin(), allowed.end(), target) == allowed.end()) {
      reader.fail(*v, where + key + ": '" + target + "' is not one of the allowed values" +
                          did_you_mean(target, allowed));
    }
  }
}

}  // namespace

const std::vector<std::string>& Config::list(const std::string& name) const {
  static const std::vector<std::string> none;
  auto it = lists.find(name);
  return it == lists.end() ? none : it->second;
}

BusinessCalendar Config::calendar(const std::string& name) const {
  if (auto it = calendars.find(name); it != calendars.end()) {
    return it->second;
  }
  return always_calendar(zone);
}

Config load_config(const std::string& text, const std::string& origin) {
  Config config;
  config.lists = default_lists();
  config.lists["deal_stages"] = config.deals.stages;
  config.raw = parse_yaml(text, origin);
  const Value& raw = config.raw;
  ConfigReader reader(origin);
  if (raw.is_null()) {
    config.zone = default_zone();
    return config;
  }
  if (!raw.is_map()) {
    reader.fail(raw, "crm.yaml must be a mapping of settings (key: value)");
  }
  if (const Value* tz = setting(raw, "timezone")) {
    config.zone_name = reader.scalar(*tz, "timezone");
    try {
      config.zone = find_zone(config.zone_name);
    } catch (const Error& e) {
      reader.fail(*tz, e.what());
    }
  } else {
    config.zone = default_zone();
  }
  for (const auto& [name, values] : default_lists()) {
    if (const Value* v = setting(raw, name)) {
      config.lists[name] = reader.list(*v, name);
    }
  }
  if (const Value* defaults = setting(raw, "defaults")) {
    reader.map(*defaults, "defaults");
    pick(reader, *defaults, "defaults.", "contact_kind", config.default_contact_kind, config.list("contact_kinds"));
    pick(reader, *defaults, "defaults.", "call_channel", config.default_call_channel, config.list("call_channels"));
    pick(reader, *defaults, "defaults.", "call_direction", config.default_call_direction, {"in", "out"});
  }
  if (const Value* cases = setting(raw, "cases")) {
    reader.map(*cases, "cases");
    pick(reader, *cases, "cases.", "default_priority", config.default_priority, case_priorities());
    pick(reader, *cases, "cases.", "reopen_to", config.reopen_to, {"acknowledged", "new"});
  }
  if (const Value* routing = setting(raw, "routing")) {
    config.routing = parse_routing(*routing, reader);
    const auto& kinds = config.list("contact_kinds");
    for (const auto& rule : config.routing.rules) {
      for (const auto& kind : rule.contact_kinds) {
        if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
          throw data_error(origin + ":" + std::to_string(rule.line) + ": routing rule for " + rule.department +
                           ": '" + kind + "' is not a contact kind" + did_you_mean(kind, kinds));
        }
      }
    }
  }
  if (const Value* calendars = setting(raw, "calendars")) {
    config.calendars = parse_calendars(*calendars, reader, config.zone);
  }
  if (const Value* sla = setting(raw, "sla")) {
    config.sla = parse_sla(*sla, reader, config.calendars);
  }
  if (const Value* escalation = setting(raw, "escalation")) {
    config.escalation = parse_escalation(*escalation, reader);
  }
  if (const Value* recognition = setting(raw, "recognition")) {
    config.recognition = parse_recognition(*recognition, reader, config.calendars);
  }
  if (const Value* deals = setting(raw, "deals")) {
    config.deals = parse_deals(*deals, reader);
    config.lists["deal_stages"] = config.deals.stages;
  }
  if (const Value* git = setting(raw, "git")) {
    reader.map(*git, "git");
    std::string autocommit = "false";
    pick(reader, *git, "git.", "autocommit", autocommit, {"true", "false"});
    config.git_autocommit = autocommit == "true";
  }
  return config;
}

std::vector<Problem> config_problems(const Config& config, const std::string& origin) {
  std::vector<Problem> out;
  if (!config.raw.is_map()) {
    return out;
  }
  ConfigReader reader(origin);
  reader.unknown_keys(config.raw, k_top_keys, "", out);
  if (const Value* d = setting(config.raw, "defaults")) {
    reader.unknown_keys(*d, k_default_keys, "defaults.", out);
  }
  if (const Value* c = setting(config.raw, "cases")) {
    reader.unknown_keys(*c, k_case_keys, "cases.", out);
  }
  if (const Value* r = setting(config.raw, "routing")) {
    routing_problems(*r, reader, out);
  }
  if (const Value* c = setting(config.raw, "calendars")) {
    calendar_problems(*c, reader, out);
  }
  if (const Value* s = setting(config.raw, "sla")) {
    sla_problems(*s, reader, out);
  }
  if (const Value* e = setting(config.raw, "escalation")) {
    escalation_problems(*e, reader, out);
  }
  if (const Value* r = setting(config.raw, "recognition")) {
    recognition_problems(*r, reader, out);
  }
  if (const Value* d = setting(config.raw, "deals")) {
    deal_config_problems(*d, reader, out);
  }
  if (const Value* g = setting(config.raw, "git")) {
    reader.unknown_keys(*g, k_git_keys, "git.", out);
  }
  return out;
}

std::string config_template(bool autocommit) {
  std::string git = autocommit ? R"(
# Commit the files each command changes, one commit per command, authored by
# the acting user (`crm --no-commit ...` skips it once).
git:
  autocommit: true
)"
                               : R"(
# git:
#   autocommit: false            # true: commit what each command changes
)";
  return R"(# crm.yaml: policy for this CRM. Every key is optional; an empty file is a
# valid configuration. The commented values below are the defaults.
# See crm-files(5) for every setting.

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

# cases:
#   default_priority: normal    # low, normal, high or urgent
#   reopen_to: acknowledged     # state of a reopened case that has a handler (or: new)

# Which department takes a case opened without --department. Rules are tried
# in order; a rule matches when each criterion it gives matches (any value).
# routing:
#   default: service            # when no rule matches
#   rules:
#     - department: water
#       contact_kinds: [citizen]
#       words: [leak, pipe*, meter, hydrant]   # words of the title; * = prefix
#     - department: sales
#       tags: [lead]                           # the case's or the contact's tags

# Service levels count business time in calendars (see crm-files(5)).
# Without an sla section cases have no deadlines.
# calendars:
#   office:
#     timezone: America/Chicago
#     hours: {mon-fri: "08:00-12:00, 13:00-17:00"}
#     holidays: [2026-12-25]
#   always: 24x7
# sla:
#   default: {calendar: office, acknowledge: 4h, update: 2d, resolve: 5d, warn_at: 80%}
#   priority:
#     urgent: {calendar: always, acknowledge: 30m, resolve: 8h}
# escalation:                                  # run `crm escalate` from cron
#   default: {chain: [handler, manager], every: 4h}

# Recognition: points, badges, levels and coins are derived from the
# records' histories, so changing a rule re-scores everything (crm-files(5)).
# recognition:
#   points:                      # action: points, or {points: N, category: C}
#     call-logged: 10
#     case-closed-within-sla: {points: 10, category: time-management}
#   flag_bonus: 25               # first use of each function in `flags`
#   badges:
#     calls-logged: {counts: call-logged, grades: [1, 10, 25, 50, 100, 150, 200, 250]}
#   levels: [200, 500, 1000, 1750, 2750, 4000, 5500, 7500, 9750, 12250]
#   calendar: office             # working days for `crm report kpi` (default Mon-Fri)

# Deals: the currency of deals added without --currency, the stages (won and
# lost close a deal) and each stage's default probability (%).
# deals:
#   currency: EUR
#   stages: [lead, qualified, proposal, negotiation, won, lost]
#   probability: {lead: 10, qualified: 25, proposal: 50, negotiation: 75}
)" + git;
}

}  // namespace crm
