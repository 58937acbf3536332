#pragma once

#include <string>

namespace bench {

// The generated CRM's crm.yaml: crm init's template with the time zone set,
// plus the policy sections of examples/crm.yaml (routing, calendars, service
// levels, escalation) for the same eight departments. Escalation chains name
// roles rather than users, so they hold for any number of generated users.
std::string generated_crm_yaml();

}  // namespace bench
