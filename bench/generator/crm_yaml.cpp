#include "crm_yaml.hpp"

#include "config.hpp"

namespace bench {
namespace {

const char* const k_policy = R"(
# ---------------------------------------------------------------------------
# The benchmark's own settings (everything above is crm init's template),
# modelled on examples/crm.yaml. Written by bench/gen.

cases:
  default_priority: normal
  reopen_to: acknowledged

routing:
  default: customer-support
  rules:
    - department: digital
      applies_to: [feedback]
      topics: [myriverton-app]
    - department: executive
      applies_to: [feedback]
      topics: [pricing, tender-2027]
    - department: water
      contact_kinds: [citizen]
      words: [water, leak*, pipe*, main, burst, hydrant*, meter*, pressure, valve*, tap*, bill*, autopay, refund*]
    - department: public-works
      contact_kinds: [citizen]
      words: [road*, street*, curb*, sidewalk*, pothole*, damage*, flood*]
    - department: public-works
      tags: [schools]
    - department: mayor-office
      tags: [local-press, local-media]
    - department: water
      contact_kinds: [citizen]
    - department: customer-support
      contact_kinds: [customer]
      words: [complaint*, escalat*]
    - department: field-service
      contact_kinds: [customer]
      words: [turbine*, trip*, offline, outage, alarm*, gearbox, fan, blade*, bearing*, pitch, scada]
    - department: executive
      tags: [website-lead, tender-2027, renewal-2027]

calendars:
  city-hall:
    timezone: America/Chicago
    hours:
      mon-fri: "08:00-12:00, 13:00-17:00"
    holidays: [2025-11-27, 2025-11-28, 2025-12-24, 2025-12-25, 2026-01-01, 2026-11-26, 2026-11-27, 2026-12-24, 2026-12-25, 2027-01-01]
  nordwind-office:
    timezone: America/Chicago
    hours:
      mon-fri: "08:00-17:00"
    holidays: [2025-11-27, 2025-11-28, 2025-12-24, 2025-12-25, 2026-01-01, 2026-11-26, 2026-11-27, 2026-12-24, 2026-12-25, 2027-01-01]
  nordwind-desk:
    timezone: America/Chicago
    hours:
      mon-fri: "07:00-19:00"
    holidays: [2025-11-27, 2025-12-25, 2026-01-01, 2026-11-26, 2026-12-25, 2027-01-01]
  always: 24x7

sla:
  default: {calendar: nordwind-office, acknowledge: 1d, update: 1w, resolve: 6w, warn_at: 75%}
  department:
    customer-support: {calendar: nordwind-desk, acknowledge: 2h, update: 1d, resolve: 3d}
    field-service:    {calendar: nordwind-desk, acknowledge: 2h, update: 3d, resolve: 4w}
    water:            {calendar: city-hall, acknowledge: 4h, update: 1w, resolve: 2w}
    public-works:     {calendar: city-hall, acknowledge: 1d, update: 3d, resolve: 3w}
    mayor-office:     {calendar: city-hall, acknowledge: 1d, update: 1w, resolve: 4w}
    digital:          {calendar: city-hall, acknowledge: 4h, update: 1d, resolve: 2w}
  priority:
    urgent: {calendar: always, acknowledge: 30m, update: 4h, resolve: 1d}
    high:   {acknowledge: 2h}
    low:    {acknowledge: 2d, update: 1w, resolve: 6w}
  sentiment:
    negative: {acknowledge: 2h}

escalation:
  default: {chain: [handler, manager], every: 1d}
  department:
    customer-support: {chain: [handler, manager, director], every: 4h}
    water:            {chain: [handler, manager, director], every: 4h}
    public-works:     {chain: [handler, manager, director], every: 1d}
    mayor-office:     {chain: [handler, director], every: 1d}
    digital:          {chain: [handler, manager, director], every: 4h}
)";

}  // namespace

std::string generated_crm_yaml() {
  std::string text = crm::config_template(false);
  const std::string commented = "# timezone: Europe/Amsterdam\n";
  auto at = text.find(commented);
  if (at != std::string::npos) {
    text.replace(at, commented.size(), "timezone: America/Chicago\n");
  }
  return text + k_policy;
}

}  // namespace bench
