// crm escalate
#include "escalation.hpp"
#include "missions.hpp"
#include "output.hpp"

#include "commands.hpp"
#include "error.hpp"
#include "people.hpp"

#include <cstdlib>

namespace crm::cli {

void setup_escalate(CLI::App& app, Session& session) {
  auto* cmd = app.add_subcommand(
      "escalate", "Escalate dropped balls, warn of cases due soon, remind of overdue missions (for cron; one line per action)");
  cmd->callback([&session] {
    const Store& store = session.store();
    // Cron rarely has a user: escalations are then recorded as the system's.
    std::string actor;
    const char* env_user = std::getenv("CRM_USER");
    if (!session.options.as.empty() || (env_user && *env_user)) {
      actor = session.context().actor;
    }
    Context ctx{store, actor, session.now()};
    Transaction tx(store);
    auto actions = escalate(ctx, tx);
    auto reminders = remind_overdue_missions(ctx, tx);
    session.commit(tx);
    for (const auto& a : actions) {
      std::string told = joined(a.notified);
      session.out() << a.case_id << " " << a.event << " " << a.target
                    << (a.event == "escalated" ? " level " + std::to_string(a.level) : "")
                    << (told.empty() ? "" : " -> " + told) << ": " << a.message << '\n';
    }
    for (const auto& r : reminders) {
      std::string told = joined(r.notified);
      session.out() << r.record.id << " overdue" << (told.empty() ? "" : " -> " + told) << ": "
                    << r.record.get("title") << '\n';
    }
  });
}

}  // namespace crm::cli
