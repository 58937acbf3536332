#!/usr/bin/env bash
# Rebuild the bundled example CRM from scratch, using only real crm commands.
#
#   CRM=build/default/cli/crm bash examples/make-examples.sh [TARGET]
#
# CRM is the crm binary (default: `crm` on PATH). TARGET is where the example
# CRM goes (default: the folder holding this script). The CRM is built in a
# temporary folder, then crm.yaml, .gitignore and the record folders are
# copied into TARGET, replacing any old ones. Nothing else in TARGET is
# touched, and no .git folder is copied.
#
# Every command runs with a fixed --now, so the records' history tells the
# story of November 2026 as if it had been typed in at those times; the
# "present" is Monday 2026-11-23, 10:00. Times are local (America/Chicago,
# CST).
# Cases are opened from calls (log-call --open-case) and handled by the users
# named with --as, as are feedback, missions and rewards; users read their
# notifications with `crm inbox read`.
# `crm escalate` runs where the story's crontab would run it (see cron()
# below), so dropped balls are escalated and due-soon warnings sent at
# plausible moments. Set CRM_EXAMPLES_CRON_LOG=FILE to keep the lines it
# prints (they are dropped otherwise).
# Record IDs are random, so each run produces new contact, call, case,
# feedback, mission, reward and notification IDs.
set -euo pipefail

CRM=${CRM:-crm}
if [[ $CRM == */* ]]; then
  CRM=$(cd "$(dirname "$CRM")" && pwd)/$(basename "$CRM")
fi
command -v "$CRM" >/dev/null || { echo "make-examples.sh: crm binary '$CRM' not found (set CRM=...)" >&2; exit 2; }

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TARGET=${1:-$HERE}

# Nothing from the caller's environment may pick the CRM, user or time.
unset CRM_DIR CRM_USER CRM_NOW CRM_LOCK_TIMEOUT

WORK=$(mktemp -d "${TMPDIR:-/tmp}/crm-examples.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
DIR=$WORK/crm

# crm_at TIME ARGS...: run crm on the example CRM as if it were TIME.
crm_at() {
  local now=$1
  shift
  "$CRM" -C "$DIR" -q --now "$now" "$@"
}

# log TIME ARGS...: log a call (prints nothing; the call ID is not needed).
log() {
  crm_at "$@" >/dev/null
}

# open_case TIME ARGS...: log a call with --open-case and print the new case's
# ID (log-call prints the call ID, then the case ID).
open_case() {
  local out
  out=$(crm_at "$@" --open-case)
  [[ $(wc -l <<<"$out") -eq 2 ]] || { echo "make-examples.sh: unexpected log-call output: $out" >&2; exit 1; }
  tail -n 1 <<<"$out"
}

# case_at TIME USER ARGS...: run `crm case ARGS...` as USER.
case_at() {
  local now=$1 user=$2
  shift 2
  crm_at "$now" --as "$user" case "$@"
}

# notification TIME USER CASE EVENT: the ID of USER's unread notification
# about CASE for EVENT (e.g. case-forwarded), for `crm inbox read ID`.
notification() {
  local id
  id=$(crm_at "$1" --as "$2" inbox --format tsv | awk -F'\t' -v c="$3" -v e="$4" 'NR > 1 && $5 == c && $4 == e { print $1 }')
  [[ -n $id && $id != *$'\n'* ]] || { echo "make-examples.sh: no single $4 notification about $3 for $2" >&2; exit 1; }
  echo "$id"
}

# cron TIME: what the crontab runs at TIME: `crm escalate`, with no user, as
# the system. It escalates dropped balls level by level and warns of cases
# falling due; cron would mail its lines, here they are dropped. The story's
# crontab (see README.md) runs it every morning at 07:00, and from Monday
# 16 November also at 10:00, 12:00, 14:00 and 16:00 on weekdays.
cron() {
  crm_at "$1" escalate >>"${CRM_EXAMPLES_CRON_LOG:-/dev/null}"
}

# deal TIME USER ARGS...: run `crm deal add ARGS...` as USER; prints the deal ID.
deal() {
  local now=$1 user=$2
  shift 2
  crm_at "$now" --as "$user" deal add "$@"
}

# deals LINDA CARLOS MEGAN BJORN: Nordwind's deals with these contacts, each
# added and moved along at the time it happened (see the end of the story).
deals() {
  local linda=$1 carlos=$2 megan=$3 bjorn=$4 d
  d=$(deal '2026-11-02 09:30' vera --contact "$linda" --title "Prairie Gale full-service renewal 2027-2029, 84 turbines" \
    --value 2520000 --kind renewal --stage qualified --close 2026-11-30 --note "Quote asked for by Linda on 2 Nov.")
  crm_at '2026-11-03 16:35' --as vera deal stage "$d" proposal --note "3-year proposal sent, 97% availability."
  crm_at '2026-11-12 11:05' --as vera deal stage "$d" negotiation --note "They want 97.5% and capped penalties."
  d=$(deal '2026-11-12 11:10' vera --contact "$linda" --title "Drone blade inspections twice a year, Prairie Gale I and II" \
    --value 42000 --kind cross-sell --stage proposal --close 2026-11-20)
  crm_at '2026-11-18 13:30' --as vera deal won "$d" --note "Signed at the meeting in Dodge City."
  d=$(deal '2026-11-13 10:00' hannah --contact "$carlos" --title "RM-22 main-bearing exchange, crane included" \
    --value 185000.00 --kind upsell --stage proposal --close 2026-12-15)
  crm_at '2026-11-17 09:00' --as hannah deal won "$d" --note "PO received; crane booked for 7 December."
  d=$(deal '2026-11-10 14:00' vera --contact "$megan" --title "Coastal Breeze O&M tender 2027, 60 turbines" \
    --value 1380000 --kind new --stage qualified --close 2026-12-18)
  d=$(deal '2026-11-10 14:05' vera --contact "$megan" --title "Coastal Breeze spare-parts framework 2027" \
    --value 96500.50 --kind new --stage proposal --close 2026-11-30)
  crm_at '2026-11-23 09:50' --as vera deal lost "$d" --reason "Gale Force O&M quoted 12% below our 2027 rate card."
  deal '2026-11-16 16:00' vera --contact "$bjorn" --title "Maintenance for 12 out-of-warranty GE 1.5 MW turbines" \
    --value 216000 --kind new --close 2027-01-31 >/dev/null
}

"$CRM" -q init "$DIR"
# Keep the commented template crm init writes; only set the time zone, first,
# so that every zone-less time below is read as Chicago time.
sed -i.bak 's|^# timezone: .*|timezone: America/Chicago|' "$DIR/crm.yaml"
rm -f "$DIR/crm.yaml.bak"
grep -q '^timezone: America/Chicago$' "$DIR/crm.yaml"
# Then append the example's case settings, routing rules, calendars, service
# levels and escalation chains (real YAML, below the commented template). The
# departments and users they name are created next.
cat >>"$DIR/crm.yaml" <<'EOF'

# ---------------------------------------------------------------------------
# The example's own settings (everything above is crm init's template).

cases:
  default_priority: normal
  reopen_to: acknowledged       # a citizen who calls back gets the same handler

# Cases and feedback opened without --department or --handler go to the
# first rule that matches, else to routing.default. The city's rules only
# match the city's contacts (citizens, the school district, the local press),
# so a Nordwind customer never lands in a city queue, and vice versa.
routing:
  default: customer-support
  rules:
    # Feedback first: news about the city's MyRiverton app goes to the
    # product team that builds it (digital services), whoever it came from;
    # without this rule a post by the local-media blogger Rant112 would go to
    # the mayor's office (rule 6).
    - department: digital
      applies_to: [feedback]
      topics: [myriverton-app]
    # What Nordwind hears about prices and the 2027 tender goes to the
    # executive.
    - department: executive
      applies_to: [feedback]
      topics: [pricing, tender-2027]
    # City of Riverton. Anything about the water system goes to the water
    # department, even when it also mentions a road or a sidewalk...
    - department: water
      contact_kinds: [citizen]
      words: [water, leak*, pipe*, main, burst, hydrant*, meter*, pressure, valve*, tap*, bill*, autopay, refund*]
    # ...streets, curbs, sidewalks and flood damage go to public works...
    - department: public-works
      contact_kinds: [citizen]
      words: [road*, street*, curb*, sidewalk*, pothole*, damage*, flood*]
    - department: public-works
      tags: [schools]
    # ...the local press and bloggers to the mayor's office...
    - department: mayor-office
      tags: [local-press, local-media]
    # ...and any other citizen's request to the water department's queue.
    - department: water
      contact_kinds: [citizen]
    # Nordwind Services. Customers' complaints go to customer support and
    # faults on their turbines to field service...
    - department: customer-support
      contact_kinds: [customer]
      words: [complaint*, escalat*]
    - department: field-service
      contact_kinds: [customer]
      words: [turbine*, trip*, offline, outage, alarm*, gearbox, fan, blade*, bearing*, pitch, scada]
    # ...and sales leads, tenders and renewals to the executive. Everything
    # else goes to customer support (routing.default).
    - department: executive
      tags: [website-lead, tender-2027, renewal-2027]

# Service levels: how long a case may wait for each step, counted in the
# business hours of a calendar (see crm-files(5)). A case gets the defaults,
# overridden by its department's targets, then by its priority's. Cron runs
# `crm escalate`, which warns the handler once 75% of a target is used, and
# escalates a dropped ball along its department's chain (below).
calendars:
  # Riverton City Hall: weekdays with a lunch break. Closed on Thanksgiving
  # and the day after, Christmas Eve and Christmas Day, and New Year's Day
  # (it stays open on Veterans Day).
  city-hall:
    timezone: America/Chicago
    hours:
      mon-fri: "08:00-12:00, 13:00-17:00"
    holidays: [2026-11-26, 2026-11-27, 2026-12-24, 2026-12-25, 2027-01-01]
  # Nordwind's office (the executive, marketing)...
  nordwind-office:
    timezone: America/Chicago
    hours:
      mon-fri: "08:00-17:00"
    holidays: [2026-11-26, 2026-11-27, 2026-12-24, 2026-12-25, 2027-01-01]
  # ...and its support desk (customer support, field service): longer days,
  # closed only on Thanksgiving, Christmas Day and New Year's Day.
  nordwind-desk:
    timezone: America/Chicago
    hours:
      mon-fri: "07:00-19:00"
    holidays: [2026-11-26, 2026-12-25, 2027-01-01]
  # Turbines offline, water in the street: the clock never stops.
  always: 24x7

sla:
  # Nordwind's executive and marketing (leads, tenders, renewals).
  default: {calendar: nordwind-office, acknowledge: 1d, update: 1w, resolve: 6w, warn_at: 75%}
  department:
    customer-support: {calendar: nordwind-desk, acknowledge: 2h, update: 1d, resolve: 3d}
    field-service:    {calendar: nordwind-desk, acknowledge: 2h, update: 3d, resolve: 4w}
    water:            {calendar: city-hall, acknowledge: 4h, update: 1w, resolve: 2w}
    public-works:     {calendar: city-hall, acknowledge: 1d, update: 3d, resolve: 3w}
    mayor-office:     {calendar: city-hall, acknowledge: 1d, update: 1w, resolve: 4w}
    digital:          {calendar: city-hall, acknowledge: 4h, update: 1d, resolve: 2w}
  # The priority's targets win over the department's (cases only)...
  priority:
    urgent: {calendar: always, acknowledge: 30m, update: 4h, resolve: 1d}
    high:   {acknowledge: 2h}
    low:    {acknowledge: 2d, update: 1w, resolve: 6w}
  # ...and for feedback, the sentiment's: a complaint in public is answered
  # fast.
  sentiment:
    negative: {acknowledge: 2h}

# Who hears of a dropped ball: level 1 at the due time, then one more level
# after each further `every` (business time, in the case's calendar). Every
# level also tells the handler and the requester.
escalation:
  default: {chain: [handler, manager], every: 1d}   # at Nordwind, the manager is Vera
  department:
    customer-support: {chain: [handler, manager, "user:vera"], every: 4h}
    water:            {chain: [handler, manager, director], every: 4h}
    public-works:     {chain: [handler, manager, "user:marcus"], every: 1d}
    mayor-office:     {chain: [handler, director], every: 1d}
    digital:          {chain: [handler, manager, director], every: 4h}

# Recognition: badges, levels and coins use the defaults (crm-files(5)), and
# so do points, plus points for handling feedback (which earns nothing by
# default) and for comments on missions.
# KPI targets such as "2 calls logged per working day" count City Hall's
# working days, so Thanksgiving and the day after are no one's shortfall.
recognition:
  points:
    feedback-opened:       {points: 10, category: communication}
    feedback-acknowledged: {points: 10, category: time-management}
    feedback-updated:      {points: 5, category: communication}
    feedback-closed:       {points: 10, category: account-management}
    mission-commented:     {points: 2, category: communication}
  calendar: city-hall

# Deals: Nordwind sells in US dollars; the stages and their probabilities are
# the defaults.
deals:
  currency: USD
EOF

###########################################################################
# Monday 2 November: setting up. Departments first (no users exist yet, so
# no --as), then the first user, who adds the others.
###########################################################################

# Nordwind Services (wind-farm operations and maintenance)
crm_at '2026-11-02 08:00' department add executive        --name "Nordwind Services - Executive" >/dev/null
crm_at '2026-11-02 08:00' department add customer-support --name "Nordwind Services - Customer Support" >/dev/null
crm_at '2026-11-02 08:01' department add field-service    --name "Nordwind Services - Field Service" >/dev/null
crm_at '2026-11-02 08:01' department add marketing        --name "Nordwind Services - Marketing" >/dev/null
# City of Riverton
crm_at '2026-11-02 08:02' department add water            --name "City of Riverton - Water Department" >/dev/null
crm_at '2026-11-02 08:02' department add public-works     --name "City of Riverton - Public Works" >/dev/null
crm_at '2026-11-02 08:03' department add mayor-office     --name "City of Riverton - Office of the Mayor" >/dev/null
crm_at '2026-11-02 08:03' department add digital          --name "City of Riverton - Digital Services" >/dev/null

# The first user needs no --as.
crm_at '2026-11-02 08:05' user add vera --name "Vera Lindqvist" --email vera.lindqvist@nordwind-services.example \
  --department executive --role vp >/dev/null
crm_at '2026-11-02 08:10' --as vera user add hannah --name "Hannah Okafor" --email hannah.okafor@nordwind-services.example \
  --department customer-support --role manager --manager vera >/dev/null
crm_at '2026-11-02 08:11' --as vera user add jonas --name "Jonas Weber" --email jonas.weber@nordwind-services.example \
  --department field-service --role field-lead --manager vera >/dev/null
crm_at '2026-11-02 08:12' --as vera user add devin --name "Devin Park" --email devin.park@nordwind-services.example \
  --department customer-support --role agent --manager hannah >/dev/null
crm_at '2026-11-02 08:13' --as vera user add mei --name "Mei Tanaka" --email mei.tanaka@nordwind-services.example \
  --department customer-support --role agent --manager hannah >/dev/null
crm_at '2026-11-02 08:14' --as vera user add priya --name "Priya Nair" --email priya.nair@nordwind-services.example \
  --department marketing --role intern --manager vera >/dev/null
crm_at '2026-11-02 08:16' --as vera department edit executive --manager vera
crm_at '2026-11-02 08:16' --as vera department edit customer-support --manager hannah
crm_at '2026-11-02 08:17' --as vera department edit field-service --manager jonas
crm_at '2026-11-02 08:17' --as vera department edit marketing --manager vera
# The VP keeps herself off the leaderboard, and puts up the first reward.
crm_at '2026-11-02 08:18' --as vera user set vera --hide-from-leaderboard
REWARD_LUNCH=$(crm_at '2026-11-02 08:20' --as vera reward add --name "Lunch with Vera" --cost 1 --quantity 4 --expires 2027-01-01 \
  --description "Lunch at the Old Mill with the VP, on the company.")

# Vera adds the city's director, who adds her own people.
crm_at '2026-11-02 08:25' --as vera user add diane --name "Diane Mercer" --email dmercer@cityofriverton.example \
  --department public-works --role director >/dev/null
crm_at '2026-11-02 08:31' --as diane user add olivia --name "Olivia Grant" --email ogrant@cityofriverton.example \
  --department water --role manager --manager diane >/dev/null
crm_at '2026-11-02 08:32' --as diane user add spencer --name "Spencer Hale" --email shale@cityofriverton.example \
  --department public-works --role crew-supervisor --manager diane >/dev/null
crm_at '2026-11-02 08:33' --as diane user add marcus --name "Marcus Bell" --email mbell@cityofriverton.example \
  --department mayor-office --role chief-of-staff >/dev/null
crm_at '2026-11-02 08:35' --as diane department edit public-works --manager diane
crm_at '2026-11-02 08:35' --as diane department edit water --manager olivia
crm_at '2026-11-02 08:36' --as diane department edit mayor-office --manager marcus
# Digital services: the city's product team, which builds the MyRiverton app
# (pay a water bill, report a leak, see the outage map).
crm_at '2026-11-02 08:37' --as diane user add nate --name "Nate Brooks" --email nbrooks@cityofriverton.example \
  --department digital --role product-manager --manager diane >/dev/null
crm_at '2026-11-02 08:38' --as diane department edit digital --manager nate
crm_at '2026-11-02 08:39' --as nate user add lena --name "Lena Fischer" --email lfischer@cityofriverton.example \
  --department digital --role developer --manager nate >/dev/null
crm_at '2026-11-02 08:40' --as olivia user add raquel --name "Raquel Soto" --email rsoto@cityofriverton.example \
  --department water --role agent --manager olivia >/dev/null
# New water cases are announced to Olivia (the manager) and Raquel (who takes
# most calls), not to every member of the department.
crm_at '2026-11-02 08:41' --as olivia department edit water --queue-owner raquel
REWARD_PARKING=$(crm_at '2026-11-02 08:45' --as olivia reward add --name "Reserved parking at City Hall for December" --cost 3 --quantity 1 \
  --expires 2026-12-01 --description "The space next to the main entrance, all of December.")

###########################################################################
# Nordwind's existing accounts, entered on the first morning.
###########################################################################

PRAIRIE=$(crm_at '2026-11-02 08:50' --as hannah contact add --name "Prairie Gale Energy" --kind customer \
  --email ops@prairiegale.example --phone "+1 620-555-0100" \
  --tag wind-farm --tag full-service --tag key-account \
  --note "Operates Prairie Gale I and II near Dodge City, KS: 84 turbines (V110-2.0). Full-service contract ends 2026-12-31.")
LINDA=$(crm_at '2026-11-02 08:52' --as hannah contact add --name "Linda Hargrove" --kind customer --org "Prairie Gale Energy" \
  --email linda.hargrove@prairiegale.example --phone "+1 620-555-0101" --tag decision-maker \
  --note "Asset manager; signs off the service contract.")
BASHIR=$(crm_at '2026-11-02 08:54' --as hannah contact add --name "Bashir Rahimi" --kind customer --org "Prairie Gale Energy" \
  --email bashir.rahimi@prairiegale.example --phone "+1 620-555-0117" --phone "+1 620-555-0199" \
  --tag site-contact --note "Site supervisor at Prairie Gale II. Second number is the site control room (24/7).")
COASTAL=$(crm_at '2026-11-02 08:57' --as hannah contact add --name "Coastal Breeze Renewables" --kind customer \
  --email procurement@coastalbreeze.example --phone "+1 361-555-0140" --tag wind-farm --tag tender-2027 \
  --note "Two farms near Corpus Christi, TX (61 turbines). Runs an open tender for 2027 maintenance.")
MEGAN=$(crm_at '2026-11-02 08:58' --as hannah contact add --name "Megan O'Rourke" --kind customer --org "Coastal Breeze Renewables" \
  --email megan.orourke@coastalbreeze.example --phone "+1 361-555-0143" --tag procurement)
REDMESA=$(crm_at '2026-11-02 09:01' --as hannah contact add --name "Red Mesa Wind LLC" --kind customer \
  --email control-room@redmesawind.example --phone "+1 575-555-0180" --tag wind-farm --tag scheduled-maintenance \
  --note "Red Mesa, NM: 48 turbines. Scheduled-maintenance contract plus call-outs at day rate.")
CARLOS=$(crm_at '2026-11-02 09:02' --as hannah contact add --name "Carlos Mendoza" --kind customer --org "Red Mesa Wind LLC" \
  --email carlos.mendoza@redmesawind.example --phone "+1 575-555-0182" --tag decision-maker \
  --note "Operations manager.")
# (No calls with Sunfield yet.)
crm_at '2026-11-02 09:05' --as vera contact add --name "Sunfield Wind Partners" --kind customer \
  --email info@sunfieldwind.example --tag wind-farm --tag renewal-2027 \
  --note "Single 30-turbine farm in Oklahoma. Contract renews 2027-02-28; start talks in January." >/dev/null
STEFAN=$(crm_at '2026-11-02 09:20' --as jonas contact add --name "Stefan Kowalski" --kind supplier --org "Aeroblade Composites" \
  --email s.kowalski@aeroblade.example --phone "+1 414-555-0163" --tag blade-repair \
  --note "Leading-edge protection tape, resin kits and blade repair materials.")
RITA=$(crm_at '2026-11-02 09:22' --as jonas contact add --name "Rita Delgado" --kind partner --org "SkyLift Crane Services" \
  --email rita@skylift-cranes.example --phone "+1 806-555-0121" --tag crane \
  --note "Books the heavy cranes for main-component exchanges.")

# Riverton's standing contacts.
SCHOOLS=$(crm_at '2026-11-02 09:30' --as diane contact add --name "Riverton Unified School District" --kind partner \
  --org "Riverton Unified School District" --email facilities@rivertonusd.example --phone "+1 555-0170" \
  --tag schools --note "Facilities office. Needs notice of any water shut-off affecting school buildings.")
JANET=$(crm_at '2026-11-02 09:33' --as marcus contact add --name "Janet Moore" --kind press --org "Riverton Courier" \
  --email jmoore@rivertoncourier.example --phone "+1 555-0148" --tag local-press \
  --note "City-hall reporter.")

###########################################################################
# Week 1: 2-6 November
###########################################################################

log '2026-11-02 09:40' --as hannah log-call --contact "$LINDA" --by hannah --at '2026-11-02 09:15' --duration 18m \
  --direction in --channel phone \
  --summary "Asked for a quote to renew the Prairie Gale full-service contract for 2027: all 84 turbines, blade inspections included."
cron '2026-11-03 07:00'
MARGARET=$(crm_at '2026-11-03 08:12' --as raquel contact add --name "Margaret Chen" --kind citizen \
  --phone "+1 555-0112" --email mchen.home@mail.example --tag low-pressure --tag elm-street \
  --note "412 Elm Street.")
# Raquel opens a case from the call; crm.yaml's first rule routes it to the
# water queue ("water", "pressure"). She takes it and hands it to the crew.
CASE_MARGARET=$(open_case '2026-11-03 08:27' --as raquel log-call --contact "$MARGARET" --by raquel --at '2026-11-03 08:12' --duration 6m \
  --direction in --channel phone \
  --summary "Low water pressure at 412 Elm St since the weekend, worst in the mornings. No planned work in the area. Asked crew for a pressure test." \
  --title "Low water pressure at 412 Elm St")
case_at '2026-11-03 08:29' raquel ack "$CASE_MARGARET"
case_at '2026-11-03 08:31' raquel forward "$CASE_MARGARET" --to spencer \
  --note "Please pressure-test the hydrant at Elm & 4th; no planned work in the area."
log '2026-11-03 10:05' --as hannah log-call --contact "$PRAIRIE" --by hannah --at '2026-11-03 10:00' \
  --direction out --channel email \
  --summary "Sent the October availability report: fleet availability 97.8%, two unplanned stops (PG-12, PG-41)."
KEVIN=$(crm_at '2026-11-03 11:20' --as raquel contact add --name "Kevin Thompson" --kind citizen \
  --phone "+1 555-0133" --tag low-pressure --note "220 Maple Avenue.")
CASE_KEVIN=$(open_case '2026-11-03 11:26' --as raquel log-call --contact "$KEVIN" --by raquel --at '2026-11-03 11:20' --duration 5m \
  --direction in --channel phone \
  --summary "Low pressure on Maple Ave too; the shower barely runs. Could be the same problem as Elm St." \
  --title "Low pressure at 220 Maple Ave")
case_at '2026-11-03 11:28' raquel ack "$CASE_KEVIN" --note "Probably the same cause as Elm St; waiting for the crew's pressure test there."
log '2026-11-03 16:45' --as vera log-call --contact "$LINDA" --by vera --at '2026-11-03 16:30' \
  --direction out --channel email \
  --summary "Sent the renewal proposal: 3-year term, 97% availability guarantee, drone blade inspections twice a year."
cron '2026-11-04 07:00'
# A fault on a customer's turbine: routed to field service by rule.
CASE_PG37=$(open_case '2026-11-04 07:55' --as devin log-call --contact "$BASHIR" --by devin --at '2026-11-04 07:40' --duration 12m \
  --direction in --channel phone \
  --summary "Turbine PG-37 tripped overnight on gearbox oil temperature; remote reset failed twice. Passed to field service." \
  --title "PG-37 tripped on gearbox oil temperature; remote reset failed" --priority high)
case_at '2026-11-04 08:10' jonas ack "$CASE_PG37" --note "Crew is at Red Mesa today; on site at PG-37 tomorrow morning."
log '2026-11-04 14:20' --as spencer log-call --contact "$MARGARET" --by spencer --at '2026-11-04 14:10' --duration 4m \
  --direction out --channel phone \
  --summary "Crew tested the hydrant at Elm & 4th: 38 psi, normal is 60+. Checking the valves on the Elm St main." \
  --case "$CASE_MARGARET"
case_at '2026-11-04 14:22' spencer update "$CASE_MARGARET" \
  --note "38 psi at the hydrant at Elm & 4th (normal is 60+). Checking the valves on the Elm St main next."

# Thursday 5 November: the Elm Street main bursts.
HAROLD=$(crm_at '2026-11-05 06:55' --as raquel contact add --name "Harold Jenkins" --kind citizen \
  --phone "+1 555-0157" --tag elm-street --note "318 Elm Street.")
cron '2026-11-05 07:00'
# Feedback, not a case: nobody asked for anything, but the product team
# should know. Its topic routes it to digital services (routing rule 1).
FB_TRAFFIC=$(crm_at '2026-11-05 08:20' --as lena feedback add --source web-stats --topic myriverton-app --topic outage-map \
  --title "Outage map: 40 times the usual traffic since 07:00, and no outage shown on Elm St" \
  --text "Web stats: the MyRiverton outage map had 40 times its usual traffic between 07:00 and 08:00, nearly all from Riverton, after the Elm St main burst. The map shows no outage there.")
crm_at '2026-11-05 08:22' --as lena feedback ack "$FB_TRAFFIC"
crm_at '2026-11-05 09:35' --as lena feedback update "$FB_TRAFFIC" \
  --note "The map reads outages from the nightly GIS export, so the burst shows tomorrow. Put a banner on the map by hand: 'Elm St: no water, crews on site'."
# An urgent case: the title mentions both water and a road, and the first
# matching rule (water) wins. Raquel passes it straight to Spencer's crew.
CASE_BURST=$(open_case '2026-11-05 07:00' --as raquel log-call --contact "$HAROLD" --by raquel --at '2026-11-05 06:50' --duration 3m \
  --direction in --channel phone \
  --summary "Water bubbling up through the road outside the 300 block of Elm St; the street is flooding. Crew dispatched 07:15." \
  --title "Water coming up through the road, 300 block of Elm St" --priority urgent)
case_at '2026-11-05 07:02' raquel ack "$CASE_BURST"
case_at '2026-11-05 07:04' raquel forward "$CASE_BURST" --to spencer \
  --note "Looks like the Elm St main has burst; the street is flooding. Your crew is on its way (07:15)."
FRANK=$(crm_at '2026-11-05 07:40' --as raquel contact add --name "Frank Novak" --kind citizen --org "Novak's Diner" \
  --phone "+1 555-0161" --email frank@novaksdiner.example --tag elm-street --tag business \
  --note "Owns Novak's Diner, 305 Elm Street.")
CASE_FRANK=$(open_case '2026-11-05 07:45' --as raquel log-call --contact "$FRANK" --by raquel --at '2026-11-05 07:32' --duration 9m \
  --direction in --channel phone \
  --summary "No water at the diner; had to close for breakfast. Asked when service returns and whether the city covers lost business." \
  --title "No water at Novak's Diner; asks whether the city covers lost business" --priority high)
case_at '2026-11-05 09:12' olivia ack "$CASE_FRANK" --note "I will call him back myself."
log '2026-11-05 09:25' --as olivia log-call --contact "$FRANK" --by olivia --at '2026-11-05 09:15' --duration 7m \
  --direction out --channel phone \
  --summary "Explained: 8-inch main burst under Elm St, crew isolating it, restoration expected around 6 pm. Gave him the claims process (City Clerk)." \
  --case "$CASE_FRANK"
# Known only by a screen name: an influencer (a contact of kind influencer).
RANT=$(crm_at '2026-11-05 10:05' --as marcus influencer add Rant112 --platform blog \
  --url https://riverton-rants.example --reach 3100 --email rant112@riverton-rants.example \
  --tag blog --tag local-media --description "Writes the 'Riverton Rants' blog about City Hall. Real name unknown.")
log '2026-11-05 10:10' --as marcus log-call --contact "$RANT" --by marcus --at '2026-11-05 09:50' \
  --direction in --channel blog \
  --summary "Post 'Riverton's pipes are older than your grandma' blames the city for the Elm St break and asks why October's pressure complaints were ignored."
log '2026-11-05 11:05' --as marcus log-call --contact "$JANET" --by marcus --at '2026-11-05 10:40' --duration 10m \
  --direction in --channel phone \
  --summary "Asked how old the Elm St main is (1958, cast iron) and what is budgeted for replacement. Promised a written statement."
case_at '2026-11-05 11:30' spencer update "$CASE_BURST" \
  --note "8-inch cast-iron main from 1958, split under the 300 block. Isolated at 08:05; replacing the broken section."
log '2026-11-05 11:50' --as marcus log-call --contact "$JANET" --by marcus --at '2026-11-05 11:45' \
  --direction out --channel email \
  --summary "Sent the statement: crews on site since 7:15 am, restoration expected tonight, precautionary boil-water notice for the 200-500 blocks of Elm St."
log '2026-11-05 15:20' --as jonas log-call --contact "$BASHIR" --by jonas --at '2026-11-05 09:30' --duration 3h50m \
  --direction out --channel visit \
  --summary "On site at PG-37: failed oil-cooler fan motor, replaced. Turbine back online 13:20. Recommend checking fan motors fleet-wide." \
  --case "$CASE_PG37"
case_at '2026-11-05 15:22' jonas close "$CASE_PG37" \
  --resolution "Failed oil-cooler fan motor replaced; PG-37 back online at 13:20. Fan motors to be checked fleet-wide."
# No rule matches this one (Megan's own tags name no tender), so it goes to
# routing.default, the customer-support queue. Mei takes it; the rate card
# needs Vera's sign-off.
CASE_TENDER_DOCS=$(open_case '2026-11-05 16:10' --as mei log-call --contact "$MEGAN" --by mei --at '2026-11-05 16:02' \
  --direction in --channel email \
  --summary "Requested certificates of insurance and our 2027 rate card for the Coastal Breeze maintenance tender." \
  --title "Certificates of insurance and 2027 rate card for Coastal Breeze")
case_at '2026-11-05 16:14' mei ack "$CASE_TENDER_DOCS"
case_at '2026-11-05 16:20' mei forward "$CASE_TENDER_DOCS" --to vera \
  --note "Our broker is sending the certificates; the 2027 rate card needs your sign-off."
case_at '2026-11-05 20:50' spencer close "$CASE_BURST" \
  --resolution "Broken section of the Elm St main replaced; water back on at 20:40. Boil-water notice for the 200-500 blocks until the lab results on Saturday."

# Friday 6 November: aftermath. Kim joins the water department.
cron '2026-11-06 07:00'
crm_at '2026-11-06 08:00' --as olivia user add kim --name "Kim Alvarez" --email kalvarez@cityofriverton.example \
  --department water --role billing-clerk --manager olivia >/dev/null
crm_at '2026-11-06 08:10' --as lena feedback close "$FB_TRAFFIC" \
  --resolution "Traffic back to normal once the water was back; banner taken down. A live outage feed for the map is on the backlog."
case_at '2026-11-06 08:15' olivia close "$CASE_FRANK" \
  --resolution "Water back on at 20:40 on 5 Nov; the diner reopens today. Lost-business claims go to the City Clerk (process explained)."
log '2026-11-06 08:50' --as raquel log-call --contact "$MARGARET" --by raquel --at '2026-11-06 08:40' --duration 4m \
  --direction out --channel phone \
  --summary "Water restored at 8:40 last night; pressure back to 62 psi. Boil-water notice stays until the lab results on Saturday." \
  --case "$CASE_MARGARET"
case_at '2026-11-06 09:00' spencer close "$CASE_MARGARET" \
  --resolution "The low pressure came from the failing Elm St main, which burst on 5 Nov and was repaired; 62 psi at 412 Elm St."
case_at '2026-11-06 09:05' raquel update "$CASE_KEVIN" \
  --note "Elm St main repaired last night; Maple Ave should recover too. Will check with Kevin next week."
RUTH=$(crm_at '2026-11-06 09:30' --as raquel contact add --name "Ruth Ellison" --kind citizen \
  --phone "+1 555-0119" --tag elm-street --note "Lives at 240 Elm Street; elderly, no internet.")
log '2026-11-06 09:38' --as raquel log-call --contact "$RUTH" --by raquel --at '2026-11-06 09:30' --duration 8m \
  --direction in --channel phone \
  --summary "Did not understand the boil-water notice. Explained: boil for one minute before drinking or cooking, until the lab results clear it (expected Saturday)."
DOLORES=$(crm_at '2026-11-06 10:30' --as kim contact add --name "Dolores Ruíz" --kind citizen \
  --phone "+1 555-0186" --email dolores.ruiz@mail.example --tag billing --note "Account 40-1187, 19 Cedar Lane.")
# Billing cases go straight to Kim (--handler): routed to her department.
CASE_DOLORES=$(open_case '2026-11-06 10:45' --as kim log-call --contact "$DOLORES" --by kim --at '2026-11-06 10:30' --duration 12m \
  --direction in --channel phone \
  --summary "October bill charged twice (\$84.16 x 2) after switching to autopay. Confirmed the duplicate; refund requested." \
  --title "October bill charged twice after switching to autopay" --handler kim)
case_at '2026-11-06 10:46' kim ack "$CASE_DOLORES" --note "Duplicate confirmed; refund requested from finance."
case_at '2026-11-06 15:00' vera close "$CASE_TENDER_DOCS" \
  --resolution "Approved the 2027 rate card; Mei sent it to Megan with the certificates of insurance."

# The weekend: nobody works, but cron runs every morning.
cron '2026-11-07 07:00'
cron '2026-11-08 07:00'

###########################################################################
# Week 2: 9-13 November
###########################################################################

# Monday 9 November: grid outage at Red Mesa. An urgent case must be
# acknowledged within 30 minutes, round the clock: cron's 07:00 run escalates
# it to the field-service queue (Jonas). Jonas only sees the notifications
# three hours later (Carlos complains about that on the 19th).
CASE_OUTAGE=$(open_case '2026-11-09 06:00' --as devin log-call --contact "$REDMESA" --by devin --at '2026-11-09 05:52' \
  --direction in --channel email \
  --summary "SCADA alarm e-mail: 31 turbines offline after a breaker trip at the Red Mesa substation." \
  --title "31 turbines offline after a breaker trip at the Red Mesa substation" --priority urgent)
cron '2026-11-09 07:00'
crm_at '2026-11-09 09:05' --as jonas inbox read --all
case_at '2026-11-09 09:06' jonas ack "$CASE_OUTAGE" --note "Calling Carlos now."
log '2026-11-09 11:15' --as jonas log-call --contact "$CARLOS" --by jonas --at '2026-11-09 09:10' --duration 35m \
  --direction out --channel phone \
  --summary "Utility cleared the fault at 09:40; we restarted string by string. Two turbines need pitch battery replacements."
case_at '2026-11-09 11:18' jonas close "$CASE_OUTAGE" \
  --resolution "Utility cleared the fault at 09:40; all 31 turbines restarted string by string. Pitch batteries on two turbines to be replaced."
log '2026-11-09 11:30' --as kim log-call --contact "$DOLORES" --by kim --at '2026-11-09 11:25' \
  --direction out --channel email \
  --summary "Refund of \$84.16 processed; it should appear in 3-5 business days. Autopay left on." \
  --case "$CASE_DOLORES"
case_at '2026-11-09 11:31' kim close "$CASE_DOLORES" --resolution "Refunded \$84.16; autopay left on."
AISHA=$(crm_at '2026-11-09 13:40' --as kim contact add --name "Aisha Patel" --kind citizen \
  --phone "+1 555-0124" --email aisha.patel@mail.example --tag billing --note "Account 40-2290, 7 Willow Court.")
# Waiting on the customer: the meter reader needs access to her meter.
CASE_AISHA=$(open_case '2026-11-09 13:50' --as kim log-call --contact "$AISHA" --by kim --at '2026-11-09 13:40' --duration 8m \
  --direction in --channel phone \
  --summary "November bill 40% higher than usual: estimated read, the reader could not reach the meter. Booked an actual read." \
  --title "November bill 40% higher than usual (estimated read)" --handler kim)
case_at '2026-11-09 13:51' kim ack "$CASE_AISHA"
case_at '2026-11-09 13:53' kim wait "$CASE_AISHA" \
  --note "Actual read booked for 17 Nov; Aisha is to leave the side gate unlocked and tell us when the reader has been."
cron '2026-11-10 07:00'
# After the outage, the VP challenges customer support (a mission for the
# department, with a reward). Devin takes it.
MISSION_GUIDE=$(crm_at '2026-11-10 08:00' --as vera mission create --title "A winter call-out guide for our operators" \
  --reward "A day off before Christmas" --audience department:customer-support --due '2026-11-20 17:00' \
  --description "After yesterday's Red Mesa outage: a two-page guide for every operator's control room. Who to call at any hour, what we need from them (turbine ID, alarm text), how fast we call back. Out to all customers before the first winter storm.")
crm_at '2026-11-10 08:30' --as devin mission accept "$MISSION_GUIDE"
log '2026-11-10 09:10' --as jonas log-call --contact "$STEFAN" --by jonas --at '2026-11-10 09:05' \
  --direction out --channel email \
  --summary "Ordered 40 rolls of leading-edge protection tape and 25 resin kits for winter blade repairs; need delivery by 20 Nov."
# No water words this time, so the second rule sends it to public works.
CASE_DAMAGE=$(open_case '2026-11-10 10:30' --as raquel log-call --contact "$HAROLD" --by raquel --at '2026-11-10 10:05' --duration 15m \
  --direction in --channel visit \
  --summary "Came to the counter about lawn and curb damage from the flooding; gave him the damage claim form." \
  --title "Lawn and curb damage at 318 Elm St from the flooding" --priority low)
crm_at '2026-11-10 10:32' --as raquel contact edit "$HAROLD" --add-tag damage-claim
crm_at '2026-11-10 13:00' --as spencer inbox read --all
case_at '2026-11-10 13:02' spencer ack "$CASE_DAMAGE" \
  --note "The curb goes into the Elm St replacement works; the lawn is for the claim."
log '2026-11-10 16:00' --as marcus log-call --contact "$RANT" --by marcus --at '2026-11-10 15:45' \
  --direction out --channel social \
  --summary "Replied under the blog post: Elm St main replacement is in the 2027 capital plan; the boil-water notice was lifted on 7 Nov."

cron '2026-11-11 07:00'
crm_at '2026-11-11 08:50' --as vera mission comment "$MISSION_GUIDE" "Put the Red Mesa substation's number in it too: the utility's, not ours."
# Devin writes the text, and asks marketing for the layout: a sub-mission.
MISSION_LAYOUT=$(crm_at '2026-11-11 09:00' --as devin mission create --parent "$MISSION_GUIDE" \
  --title "Lay out the winter call-out guide as a branded two-page PDF" --reward "Lunch with Devin" \
  --audience department:marketing --due '2026-11-17 17:00' \
  --description "The text is in the shared drive (call-out-guide.docx). Two pages, our colours, printable in black and white.")
crm_at '2026-11-11 10:00' --as priya mission accept "$MISSION_LAYOUT"
# Wednesday 11 November: a caller who would not give a name. Raquel makes
# a contact from the call, a citizen with the number the phone showed, so
# the first routing rule sends the case to the water queue. She takes it.
BIRCH=$(crm_at '2026-11-11 14:25' --as raquel log-call --new-contact "Caller at 17 Birch Lane" \
  --new-contact-kind citizen --new-contact-phone "+1 555-0178" --by raquel \
  --at '2026-11-11 14:15' --duration 6m --direction in --channel phone \
  --summary "Brown water from the taps after hydrant flushing on Birch Ln. Advised running the cold tap for 10 minutes; will call back tomorrow." \
  --open-case --title "Brown water from the taps at 17 Birch Ln after hydrant flushing")
BIRCH_CALL=$(head -n 1 <<<"$BIRCH")
CASE_BIRCH=$(tail -n 1 <<<"$BIRCH")
GEORGE=$(crm_at '2026-11-11 14:26' call show "$BIRCH_CALL" --format yaml | sed -n 's/^contact: //p')
case_at '2026-11-11 14:27' raquel ack "$CASE_BIRCH" --note "I will call him back tomorrow morning."
cron '2026-11-12 07:00'
log '2026-11-12 09:20' --as raquel log-call --contact "$GEORGE" --by raquel --at '2026-11-12 09:15' --duration 3m \
  --direction out --channel phone \
  --summary "Follow-up: water runs clear now. The caller gave his name, George Whitfield." \
  --case "$CASE_BIRCH"
crm_at '2026-11-12 09:22' --as raquel contact edit "$GEORGE" --name "George Whitfield" \
  --note "17 Birch Lane." --tag discoloured-water
case_at '2026-11-12 09:24' raquel close "$CASE_BIRCH" \
  --resolution "Water runs clear again: sediment stirred up by the hydrant flushing."
# Cron warned Raquel at 07:00 that Kevin's case had gone almost a week
# without news (the water department's update target is 1w). She calls him
# before it is due, and the call restarts the clock.
log '2026-11-12 09:45' --as raquel log-call --contact "$KEVIN" --by raquel --at '2026-11-12 09:35' --duration 4m \
  --direction out --channel phone \
  --summary "Follow-up: still low pressure at 220 Maple Ave (about 45 psi) a week after the Elm St repair. Told him we keep an eye on it." \
  --case "$CASE_KEVIN"

log '2026-11-12 11:50' --as vera log-call --contact "$LINDA" --by vera --at '2026-11-12 11:00' --duration 45m \
  --direction out --channel phone \
  --summary "Renewal negotiation: Prairie Gale wants a 97.5% availability guarantee and a cap on penalties. Agreed to send a revised offer."
crm_at '2026-11-12 11:52' --as vera contact edit "$LINDA" --add-phone "+1 620-555-0188"
BJORN=$(crm_at '2026-11-12 15:40' --as priya contact add --name "Bjørn Sørensen" --kind prospect --org "Hollow Creek Wind Cooperative" \
  --email bjorn@hollowcreekwind.example --tag website-lead \
  --note "Community-owned farm in Minnesota: 12 GE 1.5 MW turbines, out of warranty.")
# A website lead: the contact's tag routes it to the executive (Vera).
CASE_LEAD=$(open_case '2026-11-12 15:45' --as priya log-call --contact "$BJORN" --by priya --at '2026-11-12 15:20' --duration 15m \
  --direction in --channel chat \
  --summary "Website chat: asked whether we service older GE 1.5 turbines and what a maintenance contract costs. Passed to Vera." \
  --title "Website lead: maintenance for 12 out-of-warranty GE 1.5 MW turbines")
cron '2026-11-13 07:00'
# Jonas asks Mei for help by name; she takes it, then other work wins and it
# goes past its due date (cron reminds them both once).
MISSION_SERIALS=$(crm_at '2026-11-13 08:15' --as jonas mission create --audience mei \
  --title "Collect the oil-cooler fan-motor serial numbers from every operator" --reward "Coffee and cake from the bakery" \
  --due '2026-11-20 17:00' --description "After PG-37: we want to know which turbines have fan motors from the same batch.")
crm_at '2026-11-13 08:40' --as mei mission accept "$MISSION_SERIALS"
CASE_RM22=$(open_case '2026-11-13 09:30' --as jonas log-call --contact "$CARLOS" --by jonas --at '2026-11-13 09:00' --duration 20m \
  --direction out --channel phone \
  --summary "Vibration trend on RM-22 shows main-bearing wear. Recommended an exchange before January; quote to follow once a crane is found." \
  --title "RM-22 main-bearing exchange before January" --handler jonas --priority high)
case_at '2026-11-13 09:31' jonas ack "$CASE_RM22" --note "Looking for a crane; quote to Carlos once we have one."
TOM=$(crm_at '2026-11-13 10:00' --as priya contact add --name "Tom Ashby" --kind press --org "Wind Energy Weekly" \
  --email tom.ashby@windenergyweekly.example --tag trade-press)
log '2026-11-13 10:20' --as priya log-call --contact "$TOM" --by priya --at '2026-11-13 10:15' \
  --direction out --channel email \
  --summary "Pitched a case study on how Prairie Gale reached 97.8% availability for the December issue."
# A public-records request (routed to the mayor's office by the blogger's
# local-media tag) travels marcus -> olivia -> raquel and back to marcus.
CASE_RECORDS=$(open_case '2026-11-13 14:05' --as marcus log-call --contact "$RANT" --by marcus --at '2026-11-13 13:58' \
  --direction in --channel email \
  --summary "Public records request: all low-pressure complaints from Elm St in October 2026." \
  --title "Public records request: Elm St low-pressure complaints, October 2026")
crm_at '2026-11-13 14:06' --as marcus contact edit "$RANT" --add-tag records-request
case_at '2026-11-13 14:08' marcus ack "$CASE_RECORDS" --note "The answer is due by 30 Nov."
case_at '2026-11-13 14:12' marcus forward "$CASE_RECORDS" --to olivia \
  --note "Please pull every low-pressure complaint from Elm St in October; the answer is due by 30 Nov."

crm_at '2026-11-13 16:00' --as priya mission complete "$MISSION_LAYOUT" --note "PDF in the shared drive: call-out-guide.pdf."

# The weekend. Saturday's run tells Vera (and Priya, who asked) that the
# website lead has waited more than a business day to be acknowledged.
cron '2026-11-14 07:00'
cron '2026-11-15 07:00'

###########################################################################
# Week 3: 16-20 November. From Monday, cron also runs at 10:00, 12:00,
# 14:00 and 16:00 on weekdays.
###########################################################################

cron '2026-11-16 07:00'
crm_at '2026-11-16 08:30' --as hannah user edit devin --role senior-agent
crm_at '2026-11-16 08:32' --as hannah reward add --name "A Friday afternoon off" --cost 2 \
  --description "Any Friday afternoon before the end of January, agreed with your manager." >/dev/null
crm_at '2026-11-16 08:35' --as vera inbox read --all
case_at '2026-11-16 08:40' vera ack "$CASE_LEAD" --note "Intro call with Bjørn this afternoon."
crm_at '2026-11-16 08:55' --as olivia inbox read --all
case_at '2026-11-16 09:00' olivia forward "$CASE_RECORDS" --to raquel \
  --note "You took the October calls; they are in the paper call log from before we had the CRM."
READ=$(notification '2026-11-16 09:05' priya "$CASE_LEAD" case-acknowledged)
crm_at '2026-11-16 09:05' --as priya inbox read "$READ"
log '2026-11-16 09:10' --as priya log-call --contact "$TOM" --by priya --at '2026-11-16 08:52' \
  --direction in --channel email \
  --summary "Interested in the case study. Wants a 20-minute interview with Vera, turbine photos, and Prairie Gale's sign-off."
crm_at '2026-11-16 09:30' --as devin mission reject "$MISSION_LAYOUT" \
  --reason "The 24/7 number must be on the front page, large enough to read across a control room."
cron '2026-11-16 10:00'
GLORIA=$(crm_at '2026-11-16 11:05' --as raquel contact add --name "Gloria Banks" --kind citizen \
  --phone "+1 555-0139" --tag leak --note "88 Oak Court.")
# Routed to water; Raquel sends it on to the public-works queue (not to a
# person), where Spencer picks it up.
CASE_GLORIA=$(open_case '2026-11-16 11:10' --as raquel log-call --contact "$GLORIA" --by raquel --at '2026-11-16 11:05' --duration 5m \
  --direction in --channel phone \
  --summary "Water pooling on the sidewalk from the meter box at 88 Oak Ct. Work order sent to public works." \
  --title "Water pooling on the sidewalk from the meter box at 88 Oak Ct")
case_at '2026-11-16 11:12' raquel ack "$CASE_GLORIA"
case_at '2026-11-16 11:14' raquel forward "$CASE_GLORIA" --to public-works \
  --note "Work order sent: the meter box at 88 Oak Ct leaks onto the sidewalk."
cron '2026-11-16 12:00'
crm_at '2026-11-16 13:00' --as spencer inbox read --all
case_at '2026-11-16 13:05' spencer ack "$CASE_GLORIA" --note "Crew booked for tomorrow, 13:30."
# His inbox also held cron's warning that Harold's case (low priority: an
# update at least every week) was falling due. He updates it in time.
case_at '2026-11-16 13:08' spencer update "$CASE_DAMAGE" \
  --note "Harold's claim form is with the City Clerk. The curb will be rebuilt with the Elm St main replacement."
cron '2026-11-16 14:00'
crm_at '2026-11-16 14:10' --as priya mission complete "$MISSION_LAYOUT" --note "The 24/7 number is on the front page now, in 28 pt."
crm_at '2026-11-16 14:30' --as devin mission approve "$MISSION_LAYOUT" --note "Perfect, thank you!"
log '2026-11-16 15:00' --as vera log-call --contact "$BJORN" --by vera --at '2026-11-16 14:00' --duration 30m \
  --direction out --channel video \
  --summary "Intro call: the co-op wants scheduled maintenance from April 2027. Sending our capability deck and a draft price for 12 turbines." \
  --case "$CASE_LEAD"
case_at '2026-11-16 15:10' vera wait "$CASE_LEAD" \
  --note "Capability deck and draft price for 12 turbines sent; the co-op's board decides in December."
cron '2026-11-16 16:00'
cron '2026-11-17 07:00'
cron '2026-11-17 10:00'
log '2026-11-17 10:30' --as jonas log-call --contact "$RITA" --by jonas --at '2026-11-17 10:10' --duration 15m \
  --direction in --channel phone \
  --summary "A 600 t crawler crane is free 7-12 December for the RM-22 main-bearing exchange; she is sending the mobilisation quote."
case_at '2026-11-17 10:35' jonas update "$CASE_RM22" \
  --note "SkyLift (Rita Delgado) has a 600 t crawler crane free 7-12 December; mobilisation quote on its way."
# Kevin's case misses its two-week resolve target at 11:26. Cron escalates
# it along the water department's chain: Raquel now, Olivia (her manager)
# tomorrow at 07:00, Diane (the director) tomorrow at noon.
crm_at '2026-11-17 11:00' --as devin mission complete "$MISSION_GUIDE" \
  --note "The guide went to the control rooms of all five operators this morning, with the Red Mesa substation's number."
cron '2026-11-17 12:00'
cron '2026-11-17 14:00'
log '2026-11-17 14:20' --as spencer log-call --contact "$GLORIA" --by spencer --at '2026-11-17 13:30' --duration 40m \
  --direction out --channel visit \
  --summary "Replaced the meter-box gasket at 88 Oak Ct; no further leak. Sidewalk dried by the time we left." \
  --case "$CASE_GLORIA"
case_at '2026-11-17 14:22' spencer close "$CASE_GLORIA" --resolution "Replaced the meter-box gasket; no further leak."
READ=$(notification '2026-11-17 15:50' raquel "$CASE_RECORDS" case-forwarded)
crm_at '2026-11-17 15:50' --as raquel inbox read "$READ"
cron '2026-11-17 16:00'
case_at '2026-11-17 16:00' raquel update "$CASE_RECORDS" \
  --note "Found three low-pressure complaints from Elm St in October's paper call log (2, 9 and 27 Oct); scanned them."
case_at '2026-11-17 16:05' raquel forward "$CASE_RECORDS" --to marcus \
  --note "The scans are in the shared drive; over to you for redaction and release."
cron '2026-11-18 07:00'
crm_at '2026-11-18 08:30' --as vera mission approve "$MISSION_GUIDE" --note "Well done. Take your day off whenever suits Hannah."
crm_at '2026-11-18 08:45' --as devin reward redeem "$REWARD_LUNCH"
crm_at '2026-11-18 09:55' --as marcus inbox read --all
cron '2026-11-18 10:00'
case_at '2026-11-18 10:20' marcus wait "$CASE_RECORDS" \
  --note "Redacted the callers' details (3 pages). The request asks for paper copies: e-mailed Rant112 for a postal address."
cron '2026-11-18 12:00'
cron '2026-11-18 14:00'
# With the escalation now at the director, Raquel hands the case to Olivia.
case_at '2026-11-18 14:00' raquel forward "$CASE_KEVIN" --to olivia \
  --note "Two weeks after the Elm St repair and no sign that Maple Ave recovered. Can you get the valves on Maple checked?"
cron '2026-11-18 16:00'
log '2026-11-18 16:30' --as vera log-call --contact "$LINDA" --by vera --at '2026-11-18 13:00' --duration 2h \
  --direction out --channel visit \
  --summary "Met in Dodge City: revised offer with 97.5% availability and penalties capped at 15% of the annual fee. Linda takes it to her board on 30 Nov."
cron '2026-11-19 07:00'
# Rant112 slams the city's app. Marcus, who reads the blog, records the post
# as feedback from the influencer; its topic routes it to the product team
# (rule 1, ahead of rule 6, which would send Rant112 to the mayor's office).
# Negative feedback must be acknowledged within 2 hours.
FB_RANT=$(crm_at '2026-11-19 08:45' --as marcus feedback add --influencer Rant112 --source blog --sentiment negative \
  --topic myriverton-app --topic outage-map --title "Rant112: 'MyRiverton, the app that lies'" \
  --text "Blog post 'MyRiverton, the app that lies': the outage map said 'no outages' while Elm St flooded on 5 Nov, and autopay charged a neighbour twice. 'Delete it and call City Hall instead.'")
crm_at '2026-11-19 09:30' --as nate feedback ack "$FB_RANT" --note "I will answer on the blog once we know what happened."
crm_at '2026-11-19 09:35' --as nate feedback forward "$FB_RANT" --to lena \
  --note "Why did the map miss Elm St on the 5th, and was the double charge the app's fault? Kim's case for Dolores Ruíz has the details."
cron '2026-11-19 10:00'
log '2026-11-19 10:00' --as olivia log-call --contact "$KEVIN" --by olivia --at '2026-11-19 09:40' --duration 8m \
  --direction out --channel phone \
  --summary "Maple Ave pressure still low, so checked the valves: the one at Maple & 6th was left half-closed after the Elm St repair. Opened it. Pressure now 64 psi. Apologised for the wait." \
  --case "$CASE_KEVIN"
crm_at '2026-11-19 10:02' --as olivia contact edit "$KEVIN" --remove-tag low-pressure --add-tag elm-street
case_at '2026-11-19 10:04' olivia close "$CASE_KEVIN" \
  --resolution "The valve at Maple & 6th was left half-closed after the Elm St repair; opened it. 64 psi."
# A complaint: routed to the customer-support queue by rule. Devin takes it,
# asks field service for the facts, and Jonas sends it back to the queue.
CASE_COMPLAINT=$(open_case '2026-11-19 11:30' --as hannah log-call --contact "$CARLOS" --by hannah --at '2026-11-19 11:05' --duration 20m \
  --direction in --channel phone \
  --summary "Complained that the 9 Nov outage took three hours to get a call back from field service. Hannah apologised and is reviewing the on-call rota." \
  --title "Complaint: three hours to a call back during the 9 Nov Red Mesa outage" --priority high)
crm_at '2026-11-19 11:32' --as hannah contact edit "$CARLOS" --add-tag escalation
crm_at '2026-11-19 11:38' --as devin inbox read --all
case_at '2026-11-19 11:40' devin ack "$CASE_COMPLAINT"
case_at '2026-11-19 11:45' devin forward "$CASE_COMPLAINT" --to jonas \
  --note "Please check the on-call log for 9 Nov: the alarm came at 05:52, the first call back at 09:10."
cron '2026-11-19 12:00'
crm_at '2026-11-19 13:55' --as jonas inbox read --all
cron '2026-11-19 14:00'
case_at '2026-11-19 14:00' jonas update "$CASE_COMPLAINT" \
  --note "The alarm e-mail reached the on-call phone at 05:53; the technician on call was off sick and the rota had no backup."
case_at '2026-11-19 14:02' jonas forward "$CASE_COMPLAINT" --to customer-support \
  --note "Facts above; back to support for the answer to Carlos."
crm_at '2026-11-19 14:28' --as hannah inbox read --all
case_at '2026-11-19 14:30' hannah ack "$CASE_COMPLAINT" --note "I will write to Carlos myself."
crm_at '2026-11-19 15:00' --as lena feedback update "$FB_RANT" \
  --note "The map reads the nightly GIS export (as on 5 Nov), so a daytime outage shows the next morning. The double charge was autopay retrying after a time-out, fixed on 9 Nov."
log '2026-11-19 15:15' --as kim log-call --contact "$AISHA" --by kim --at '2026-11-19 15:00' --duration 10m \
  --direction in --channel chat \
  --summary "Chat: the actual read is in; corrected bill is \$51.20. Enrolled her in paperless billing." \
  --case "$CASE_AISHA"
case_at '2026-11-19 15:17' kim close "$CASE_AISHA" \
  --resolution "Actual read taken: corrected bill \$51.20. Enrolled in paperless billing."
cron '2026-11-19 16:00'
# Nate answers under the post: a call on the blog, linked to the feedback.
# Then the live outage feed waits for Lena, and nobody updates the feedback.
log '2026-11-19 16:40' --as nate log-call --contact "$RANT" --by nate --at '2026-11-19 16:30' \
  --direction out --channel blog --feedback "$FB_RANT" \
  --summary "Replied under the post: the outage map ran a day behind and gets a live feed; the double autopay charge was fixed on 9 Nov and refunded."
cron '2026-11-20 07:00'
crm_at '2026-11-20 08:00' --as diane inbox read --all
crm_at '2026-11-20 08:05' --as raquel inbox read --all
crm_at '2026-11-20 08:10' --as raquel reward redeem "$REWARD_PARKING"
log '2026-11-20 09:30' --as hannah log-call --contact "$CARLOS" --by hannah --at '2026-11-20 09:20' \
  --direction out --channel email \
  --summary "Sent the incident report for the 9 Nov outage and the new on-call rule: a call back within 30 minutes, day or night." \
  --case "$CASE_COMPLAINT"
case_at '2026-11-20 09:32' hannah close "$CASE_COMPLAINT" \
  --resolution "Sent the incident report and the new on-call rule: a call back within 30 minutes, day or night, with a backup on the rota."
cron '2026-11-20 10:00'
# Hannah posts a mission for her team that nobody has taken yet.
crm_at '2026-11-20 10:05' --as hannah mission create --audience department:customer-support \
  --title "A 24/7 control-room number for every operator in the CRM" --reward "Two cinema tickets" --due '2026-12-04 17:00' \
  --description "After the Red Mesa complaint: every wind-farm operator's contact must have its control room's 24/7 number." >/dev/null
# Praise for the app, anonymous: recorded, routed, acknowledged and closed.
FB_PRAISE=$(crm_at '2026-11-20 10:15' --as lena feedback add --source social --sentiment positive --topic myriverton-app \
  --title "Praise in the Riverton Neighbours group: a water bill paid in 20 seconds" --text "Post in the Riverton Neighbours group: 'Paid my water bill in 20 seconds with the MyRiverton app. Finally.'")
crm_at '2026-11-20 10:16' --as lena feedback ack "$FB_PRAISE"
crm_at '2026-11-20 10:20' --as lena feedback close "$FB_PRAISE" --resolution "Thanked them in the group."
crm_at '2026-11-20 10:55' --as mei inbox read --all
CASE_VISIT=$(open_case '2026-11-20 11:00' --as mei log-call --contact "$MEGAN" --by mei --at '2026-11-20 10:48' \
  --direction in --channel email \
  --summary "Nordwind is on the shortlist for the 2027 tender. Coastal Breeze wants a site visit in the week of 7 December." \
  --title "Coastal Breeze site visit for the 2027 tender, week of 7 December" --handler vera --priority high)
crm_at '2026-11-20 11:01' --as mei contact edit "$COASTAL" --add-tag shortlisted
# At noon, RM-22 has gone three business days without an update (Jonas had
# a warning yesterday at 14:00): cron escalates it to him.
cron '2026-11-20 12:00'
cron '2026-11-20 14:00'
# The school district's tag routes the letter to the public-works queue.
CASE_SCHOOLS=$(open_case '2026-11-20 14:10' --as diane log-call --contact "$SCHOOLS" --by diane --at '2026-11-20 09:00' \
  --direction in --channel letter \
  --summary "Letter: asks that the shut-offs for the Elm St main replacement avoid school days; Elm Street Elementary is on the 400 block." \
  --title "Schedule the Elm St main replacement shut-offs around school days" --priority low)
# At 14:00 cron escalated the site visit: high priority gives Vera 2 hours
# to acknowledge, and she has not. Mei, who opened it, reads the escalation
# and lowers the priority: the visit is two weeks away. The case's clocks
# follow (1 business day to acknowledge, so Monday 11:00).
READ=$(notification '2026-11-20 14:20' mei "$CASE_VISIT" case-escalated)
crm_at '2026-11-20 14:20' --as mei inbox read "$READ"
case_at '2026-11-20 14:22' mei set "$CASE_VISIT" --priority normal
cron '2026-11-20 16:00'
WENDELL=$(crm_at '2026-11-20 16:40' --as raquel contact add --name "Wendell Ortiz" --kind citizen --phone "+1 555-0192")
CASE_HYDRANT=$(open_case '2026-11-20 16:45' --as raquel log-call --contact "$WENDELL" --by raquel --at '2026-11-20 16:35' --duration 4m \
  --direction in --channel phone \
  --summary "A car knocked over the hydrant at Cedar & 2nd; water spraying across the road. Spencer's crew sent out." \
  --title "Hydrant knocked over at Cedar & 2nd, water spraying across the road" --priority urgent)
case_at '2026-11-20 16:46' raquel forward "$CASE_HYDRANT" --to spencer --note "A car hit it. Crew needed now."
READ=$(notification '2026-11-20 16:49' spencer "$CASE_HYDRANT" case-forwarded)
crm_at '2026-11-20 16:49' --as spencer inbox read "$READ"
case_at '2026-11-20 16:50' spencer ack "$CASE_HYDRANT" --note "On our way."
log '2026-11-20 18:10' --as spencer log-call --contact "$WENDELL" --by spencer --at '2026-11-20 18:00' --duration 5m \
  --direction out --channel sms \
  --summary "Texted: hydrant shut off at 17:20 and barricaded; replacement scheduled for Tuesday." \
  --case "$CASE_HYDRANT"
case_at '2026-11-20 18:12' spencer update "$CASE_HYDRANT" \
  --note "Shut off at 17:20 and barricaded. Replacement hydrant on Tuesday 24 Nov."

# The weekend. The hydrant case is still urgent, and an urgent case's clocks
# run round the clock: nobody updates it, so cron escalates it level by
# level (Spencer, then Diane, then Marcus in the mayor's office).
cron '2026-11-21 07:00'
cron '2026-11-22 07:00'

###########################################################################
# Monday 23 November (today). The story stops at 10:00, with cron's run.
###########################################################################

cron '2026-11-23 07:00'
# Raquel finds the weekend's escalations about the hydrant in her inbox (she
# asked for the crew, so every level told her too). Spencer is on the street.
crm_at '2026-11-23 08:05' --as raquel inbox read --all
crm_at '2026-11-23 08:10' --as olivia inbox read --all
crm_at '2026-11-23 08:50' --as devin inbox read --all
CASE_PG12=$(open_case '2026-11-23 09:00' --as devin log-call --contact "$BASHIR" --by devin --at '2026-11-23 08:45' --duration 7m \
  --direction in --channel phone \
  --summary "PG-12 shows a fan-motor warning, the same failure as PG-37. Field crew booked for Wednesday." \
  --title "PG-12 fan-motor warning, the same failure as PG-37" --priority high)
# Frank calls back about the claim: the closed case reopens, back to Olivia.
log '2026-11-23 09:20' --as olivia log-call --contact "$FRANK" --by olivia --at '2026-11-23 09:10' --duration 6m \
  --direction in --channel phone \
  --summary "Asked about his business-loss claim. The claims committee meets on 3 December; he will hear by the 7th." \
  --case "$CASE_FRANK" --reopen
crm_at '2026-11-23 09:21' --as olivia contact edit "$FRANK" --add-tag damage-claim
case_at '2026-11-23 09:25' olivia update "$CASE_FRANK" \
  --note "His lost-business claim goes to the claims committee on 3 December; I will call him with the decision by the 7th."
# Kevin's pressure is low again: his call reopens his case too, back to
# Olivia, with fresh clocks.
log '2026-11-23 09:35' --as raquel log-call --contact "$KEVIN" --by raquel --at '2026-11-23 09:30' --duration 4m \
  --direction in --channel phone \
  --summary "Pressure at 220 Maple Ave dropped again on Saturday, about 40 psi; the neighbours say the same." \
  --case "$CASE_KEVIN" --reopen
# What sales hears about a competitor is feedback too, from a known contact;
# its topics route it to the executive. Negative: to be acknowledged in 2h.
crm_at '2026-11-23 09:45' --as mei feedback add --contact "$MEGAN" --source sales --sentiment negative \
  --topic pricing --topic tender-2027 --title "Gale Force O&M quotes 12% below our 2027 rate card" \
  --text "Megan O'Rourke (Coastal Breeze), on the phone: Gale Force O&M, the other shortlisted bidder, quoted 12% below our 2027 rate card." >/dev/null
cron '2026-11-23 10:00'

###########################################################################
# Nordwind's deals, owned by Vera (sales) and Hannah: the Prairie Gale
# renewal being negotiated, the blade-inspection add-on Linda signed in Dodge
# City, Red Mesa's bearing exchange, the Coastal Breeze tender, the Hollow
# Creek lead, and a spare-parts deal lost to Gale Force's prices.
###########################################################################

deals "$LINDA" "$CARLOS" "$MEGAN" "$BJORN"

###########################################################################
# Copy the CRM into TARGET, replacing the old records.
###########################################################################

"$CRM" -C "$DIR" -q check
mkdir -p "$TARGET"
for folder in departments users contacts calls cases feedback missions deals rewards notifications; do
  rm -rf "${TARGET:?}/$folder"
  cp -R "$DIR/$folder" "$TARGET/$folder"
done
cp "$DIR/crm.yaml" "$DIR/.gitignore" "$TARGET/"
"$CRM" -C "$TARGET" check
