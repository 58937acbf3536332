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
# "present" is Monday 2026-11-23. Times are local (America/Chicago, CST).
# Record IDs are random, so each run produces new contact and call IDs.
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

"$CRM" -q init "$DIR"
# Keep the commented template crm init writes; only set the time zone, first,
# so that every zone-less time below is read as Chicago time.
sed -i.bak 's|^# timezone: .*|timezone: America/Chicago|' "$DIR/crm.yaml"
rm -f "$DIR/crm.yaml.bak"
grep -q '^timezone: America/Chicago$' "$DIR/crm.yaml"

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
crm_at '2026-11-02 08:40' --as olivia user add raquel --name "Raquel Soto" --email rsoto@cityofriverton.example \
  --department water --role agent --manager olivia >/dev/null

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
MARGARET=$(crm_at '2026-11-03 08:12' --as raquel contact add --name "Margaret Chen" --kind citizen \
  --phone "+1 555-0112" --email mchen.home@mail.example --tag low-pressure --tag elm-street \
  --note "412 Elm Street.")
log '2026-11-03 08:27' --as raquel log-call --contact "$MARGARET" --by raquel --at '2026-11-03 08:12' --duration 6m \
  --direction in --channel phone \
  --summary "Low water pressure at 412 Elm St since the weekend, worst in the mornings. No planned work in the area. Asked crew for a pressure test."
log '2026-11-03 10:05' --as hannah log-call --contact "$PRAIRIE" --by hannah --at '2026-11-03 10:00' \
  --direction out --channel email \
  --summary "Sent the October availability report: fleet availability 97.8%, two unplanned stops (PG-12, PG-41)."
KEVIN=$(crm_at '2026-11-03 11:20' --as raquel contact add --name "Kevin Thompson" --kind citizen \
  --phone "+1 555-0133" --tag low-pressure --note "220 Maple Avenue.")
log '2026-11-03 11:26' --as raquel log-call --contact "$KEVIN" --by raquel --at '2026-11-03 11:20' --duration 5m \
  --direction in --channel phone \
  --summary "Low pressure on Maple Ave too; the shower barely runs. Could be the same problem as Elm St."
log '2026-11-03 16:45' --as vera log-call --contact "$LINDA" --by vera --at '2026-11-03 16:30' \
  --direction out --channel email \
  --summary "Sent the renewal proposal: 3-year term, 97% availability guarantee, drone blade inspections twice a year."
log '2026-11-04 07:55' --as devin log-call --contact "$BASHIR" --by devin --at '2026-11-04 07:40' --duration 12m \
  --direction in --channel phone \
  --summary "Turbine PG-37 tripped overnight on gearbox oil temperature; remote reset failed twice. Passed to field service."
log '2026-11-04 14:20' --as spencer log-call --contact "$MARGARET" --by spencer --at '2026-11-04 14:10' --duration 4m \
  --direction out --channel phone \
  --summary "Crew tested the hydrant at Elm & 4th: 38 psi, normal is 60+. Checking the valves on the Elm St main."

# Thursday 5 November: the Elm Street main bursts.
HAROLD=$(crm_at '2026-11-05 06:55' --as raquel contact add --name "Harold Jenkins" --kind citizen \
  --phone "+1 555-0157" --tag elm-street --note "318 Elm Street.")
log '2026-11-05 07:00' --as raquel log-call --contact "$HAROLD" --by raquel --at '2026-11-05 06:50' --duration 3m \
  --direction in --channel phone \
  --summary "Water bubbling up through the road outside the 300 block of Elm St; the street is flooding. Crew dispatched 07:15."
FRANK=$(crm_at '2026-11-05 07:40' --as raquel contact add --name "Frank Novak" --kind citizen --org "Novak's Diner" \
  --phone "+1 555-0161" --email frank@novaksdiner.example --tag elm-street --tag business \
  --note "Owns Novak's Diner, 305 Elm Street.")
log '2026-11-05 07:45' --as raquel log-call --contact "$FRANK" --by raquel --at '2026-11-05 07:32' --duration 9m \
  --direction in --channel phone \
  --summary "No water at the diner; had to close for breakfast. Asked when service returns and whether the city covers lost business."
log '2026-11-05 09:25' --as olivia log-call --contact "$FRANK" --by olivia --at '2026-11-05 09:15' --duration 7m \
  --direction out --channel phone \
  --summary "Explained: 8-inch main burst under Elm St, crew isolating it, restoration expected around 6 pm. Gave him the claims process (City Clerk)."
RANT=$(crm_at '2026-11-05 10:05' --as marcus contact add --name "Rant112" --kind influencer \
  --email rant112@riverton-rants.example --tag blog --tag local-media \
  --note "Writes the 'Riverton Rants' blog. Real name unknown.")
log '2026-11-05 10:10' --as marcus log-call --contact "$RANT" --by marcus --at '2026-11-05 09:50' \
  --direction in --channel blog \
  --summary "Post 'Riverton's pipes are older than your grandma' blames the city for the Elm St break and asks why October's pressure complaints were ignored."
log '2026-11-05 11:05' --as marcus log-call --contact "$JANET" --by marcus --at '2026-11-05 10:40' --duration 10m \
  --direction in --channel phone \
  --summary "Asked how old the Elm St main is (1958, cast iron) and what is budgeted for replacement. Promised a written statement."
log '2026-11-05 11:50' --as marcus log-call --contact "$JANET" --by marcus --at '2026-11-05 11:45' \
  --direction out --channel email \
  --summary "Sent the statement: crews on site since 7:15 am, restoration expected tonight, precautionary boil-water notice for the 200-500 blocks of Elm St."
log '2026-11-05 15:20' --as jonas log-call --contact "$BASHIR" --by jonas --at '2026-11-05 09:30' --duration 3h50m \
  --direction out --channel visit \
  --summary "On site at PG-37: failed oil-cooler fan motor, replaced. Turbine back online 13:20. Recommend checking fan motors fleet-wide."
log '2026-11-05 16:10' --as mei log-call --contact "$MEGAN" --by mei --at '2026-11-05 16:02' \
  --direction in --channel email \
  --summary "Requested certificates of insurance and our 2027 rate card for the Coastal Breeze maintenance tender."

# Friday 6 November: aftermath. Kim joins the water department.
crm_at '2026-11-06 08:00' --as olivia user add kim --name "Kim Alvarez" --email kalvarez@cityofriverton.example \
  --department water --role billing-clerk --manager olivia >/dev/null
log '2026-11-06 08:50' --as raquel log-call --contact "$MARGARET" --by raquel --at '2026-11-06 08:40' --duration 4m \
  --direction out --channel phone \
  --summary "Water restored at 8:40 last night; pressure back to 62 psi. Boil-water notice stays until the lab results on Saturday."
RUTH=$(crm_at '2026-11-06 09:30' --as raquel contact add --name "Ruth Ellison" --kind citizen \
  --phone "+1 555-0119" --tag elm-street --note "Lives at 240 Elm Street; elderly, no internet.")
log '2026-11-06 09:38' --as raquel log-call --contact "$RUTH" --by raquel --at '2026-11-06 09:30' --duration 8m \
  --direction in --channel phone \
  --summary "Did not understand the boil-water notice. Explained: boil for one minute before drinking or cooking, until the lab results clear it (expected Saturday)."
DOLORES=$(crm_at '2026-11-06 10:30' --as kim contact add --name "Dolores Ruíz" --kind citizen \
  --phone "+1 555-0186" --email dolores.ruiz@mail.example --tag billing --note "Account 40-1187, 19 Cedar Lane.")
log '2026-11-06 10:45' --as kim log-call --contact "$DOLORES" --by kim --at '2026-11-06 10:30' --duration 12m \
  --direction in --channel phone \
  --summary "October bill charged twice (\$84.16 x 2) after switching to autopay. Confirmed the duplicate; refund requested."

###########################################################################
# Week 2: 9-13 November
###########################################################################

# Monday 9 November: grid outage at Red Mesa.
log '2026-11-09 06:00' --as devin log-call --contact "$REDMESA" --by devin --at '2026-11-09 05:52' \
  --direction in --channel email \
  --summary "SCADA alarm e-mail: 31 turbines offline after a breaker trip at the Red Mesa substation."
log '2026-11-09 11:15' --as jonas log-call --contact "$CARLOS" --by jonas --at '2026-11-09 09:10' --duration 35m \
  --direction out --channel phone \
  --summary "Utility cleared the fault at 09:40; we restarted string by string. Two turbines need pitch battery replacements."
log '2026-11-09 11:30' --as kim log-call --contact "$DOLORES" --by kim --at '2026-11-09 11:25' \
  --direction out --channel email \
  --summary "Refund of \$84.16 processed; it should appear in 3-5 business days. Autopay left on."
AISHA=$(crm_at '2026-11-09 13:40' --as kim contact add --name "Aisha Patel" --kind citizen \
  --phone "+1 555-0124" --email aisha.patel@mail.example --tag billing --note "Account 40-2290, 7 Willow Court.")
log '2026-11-09 13:50' --as kim log-call --contact "$AISHA" --by kim --at '2026-11-09 13:40' --duration 8m \
  --direction in --channel phone \
  --summary "November bill 40% higher than usual: estimated read, the reader could not reach the meter. Booked an actual read."
log '2026-11-10 09:10' --as jonas log-call --contact "$STEFAN" --by jonas --at '2026-11-10 09:05' \
  --direction out --channel email \
  --summary "Ordered 40 rolls of leading-edge protection tape and 25 resin kits for winter blade repairs; need delivery by 20 Nov."
log '2026-11-10 10:30' --as raquel log-call --contact "$HAROLD" --by raquel --at '2026-11-10 10:05' --duration 15m \
  --direction in --channel visit \
  --summary "Came to the counter about lawn and curb damage from the flooding; gave him the damage claim form."
crm_at '2026-11-10 10:32' --as raquel contact edit "$HAROLD" --add-tag damage-claim
log '2026-11-10 16:00' --as marcus log-call --contact "$RANT" --by marcus --at '2026-11-10 15:45' \
  --direction out --channel social \
  --summary "Replied under the blog post: Elm St main replacement is in the 2027 capital plan; the boil-water notice was lifted on 7 Nov."

# Wednesday 11 November: a caller who would not give a name.
BIRCH_CALL=$(crm_at '2026-11-11 14:25' --as raquel log-call --new-contact "Caller at 17 Birch Lane" --by raquel \
  --at '2026-11-11 14:15' --duration 6m --direction in --channel phone \
  --summary "Brown water from the taps after hydrant flushing on Birch Ln. Advised running the cold tap for 10 minutes; will call back tomorrow.")
GEORGE=$(crm_at '2026-11-11 14:26' call show "$BIRCH_CALL" --format yaml | sed -n 's/^contact: //p')
log '2026-11-12 09:20' --as raquel log-call --contact "$GEORGE" --by raquel --at '2026-11-12 09:15' --duration 3m \
  --direction out --channel phone \
  --summary "Follow-up: water runs clear now. The caller gave his name, George Whitfield."
crm_at '2026-11-12 09:22' --as raquel contact edit "$GEORGE" --name "George Whitfield" --kind citizen \
  --phone "+1 555-0178" --note "17 Birch Lane." --tag discoloured-water

log '2026-11-12 11:50' --as vera log-call --contact "$LINDA" --by vera --at '2026-11-12 11:00' --duration 45m \
  --direction out --channel phone \
  --summary "Renewal negotiation: Prairie Gale wants a 97.5% availability guarantee and a cap on penalties. Agreed to send a revised offer."
crm_at '2026-11-12 11:52' --as vera contact edit "$LINDA" --add-phone "+1 620-555-0188"
BJORN=$(crm_at '2026-11-12 15:40' --as priya contact add --name "Bjørn Sørensen" --kind prospect --org "Hollow Creek Wind Cooperative" \
  --email bjorn@hollowcreekwind.example --tag website-lead \
  --note "Community-owned farm in Minnesota: 12 GE 1.5 MW turbines, out of warranty.")
log '2026-11-12 15:45' --as priya log-call --contact "$BJORN" --by priya --at '2026-11-12 15:20' --duration 15m \
  --direction in --channel chat \
  --summary "Website chat: asked whether we service older GE 1.5 turbines and what a maintenance contract costs. Passed to Vera."
log '2026-11-13 09:30' --as jonas log-call --contact "$CARLOS" --by jonas --at '2026-11-13 09:00' --duration 20m \
  --direction out --channel phone \
  --summary "Vibration trend on RM-22 shows main-bearing wear. Recommended an exchange before January; quote to follow once a crane is found."
TOM=$(crm_at '2026-11-13 10:00' --as priya contact add --name "Tom Ashby" --kind press --org "Wind Energy Weekly" \
  --email tom.ashby@windenergyweekly.example --tag trade-press)
log '2026-11-13 10:20' --as priya log-call --contact "$TOM" --by priya --at '2026-11-13 10:15' \
  --direction out --channel email \
  --summary "Pitched a case study on how Prairie Gale reached 97.8% availability for the December issue."
log '2026-11-13 14:05' --as marcus log-call --contact "$RANT" --by marcus --at '2026-11-13 13:58' \
  --direction in --channel email \
  --summary "Public records request: all low-pressure complaints from Elm St in October 2026."
crm_at '2026-11-13 14:06' --as marcus contact edit "$RANT" --add-tag records-request

###########################################################################
# Week 3: 16-20 November
###########################################################################

crm_at '2026-11-16 08:30' --as hannah user edit devin --role senior-agent
log '2026-11-16 09:10' --as priya log-call --contact "$TOM" --by priya --at '2026-11-16 08:52' \
  --direction in --channel email \
  --summary "Interested in the case study. Wants a 20-minute interview with Vera, turbine photos, and Prairie Gale's sign-off."
GLORIA=$(crm_at '2026-11-16 11:05' --as raquel contact add --name "Gloria Banks" --kind citizen \
  --phone "+1 555-0139" --tag leak --note "88 Oak Court.")
log '2026-11-16 11:10' --as raquel log-call --contact "$GLORIA" --by raquel --at '2026-11-16 11:05' --duration 5m \
  --direction in --channel phone \
  --summary "Water pooling on the sidewalk from the meter box at 88 Oak Ct. Work order sent to public works."
log '2026-11-16 15:00' --as vera log-call --contact "$BJORN" --by vera --at '2026-11-16 14:00' --duration 30m \
  --direction out --channel video \
  --summary "Intro call: the co-op wants scheduled maintenance from April 2027. Sending our capability deck and a draft price for 12 turbines."
log '2026-11-17 10:30' --as jonas log-call --contact "$RITA" --by jonas --at '2026-11-17 10:10' --duration 15m \
  --direction in --channel phone \
  --summary "A 600 t crawler crane is free 7-12 December for the RM-22 main-bearing exchange; she is sending the mobilisation quote."
log '2026-11-17 14:20' --as spencer log-call --contact "$GLORIA" --by spencer --at '2026-11-17 13:30' --duration 40m \
  --direction out --channel visit \
  --summary "Replaced the meter-box gasket at 88 Oak Ct; no further leak. Sidewalk dried by the time we left."
log '2026-11-18 16:30' --as vera log-call --contact "$LINDA" --by vera --at '2026-11-18 13:00' --duration 2h \
  --direction out --channel visit \
  --summary "Met in Dodge City: revised offer with 97.5% availability and penalties capped at 15% of the annual fee. Linda takes it to her board on 30 Nov."
log '2026-11-19 10:00' --as olivia log-call --contact "$KEVIN" --by olivia --at '2026-11-19 09:40' --duration 8m \
  --direction out --channel phone \
  --summary "Maple Ave pressure still low, so checked the valves: the one at Maple & 6th was left half-closed after the Elm St repair. Opened it. Pressure now 64 psi. Apologised for the wait."
crm_at '2026-11-19 10:02' --as olivia contact edit "$KEVIN" --remove-tag low-pressure --add-tag elm-street
log '2026-11-19 11:30' --as hannah log-call --contact "$CARLOS" --by hannah --at '2026-11-19 11:05' --duration 20m \
  --direction in --channel phone \
  --summary "Complained that the 9 Nov outage took three hours to get a call back from field service. Hannah apologised and is reviewing the on-call rota."
crm_at '2026-11-19 11:32' --as hannah contact edit "$CARLOS" --add-tag escalation
log '2026-11-19 15:15' --as kim log-call --contact "$AISHA" --by kim --at '2026-11-19 15:00' --duration 10m \
  --direction in --channel chat \
  --summary "Chat: the actual read is in; corrected bill is \$51.20. Enrolled her in paperless billing."
log '2026-11-20 09:30' --as hannah log-call --contact "$CARLOS" --by hannah --at '2026-11-20 09:20' \
  --direction out --channel email \
  --summary "Sent the incident report for the 9 Nov outage and the new on-call rule: a call back within 30 minutes, day or night."
log '2026-11-20 11:00' --as mei log-call --contact "$MEGAN" --by mei --at '2026-11-20 10:48' \
  --direction in --channel email \
  --summary "Nordwind is on the shortlist for the 2027 tender. Coastal Breeze wants a site visit in the week of 7 December."
crm_at '2026-11-20 11:01' --as mei contact edit "$COASTAL" --add-tag shortlisted
log '2026-11-20 14:10' --as diane log-call --contact "$SCHOOLS" --by diane --at '2026-11-20 09:00' \
  --direction in --channel letter \
  --summary "Letter: asks that the shut-offs for the Elm St main replacement avoid school days; Elm Street Elementary is on the 400 block."
WENDELL=$(crm_at '2026-11-20 16:40' --as raquel contact add --name "Wendell Ortiz" --kind citizen --phone "+1 555-0192")
log '2026-11-20 16:45' --as raquel log-call --contact "$WENDELL" --by raquel --at '2026-11-20 16:35' --duration 4m \
  --direction in --channel phone \
  --summary "A car knocked over the hydrant at Cedar & 2nd; water spraying across the road. Spencer's crew sent out."
log '2026-11-20 18:10' --as spencer log-call --contact "$WENDELL" --by spencer --at '2026-11-20 18:00' --duration 5m \
  --direction out --channel sms \
  --summary "Texted: hydrant shut off at 17:20 and barricaded; replacement scheduled for Tuesday."

###########################################################################
# Monday 23 November (today)
###########################################################################

log '2026-11-23 09:00' --as devin log-call --contact "$BASHIR" --by devin --at '2026-11-23 08:45' --duration 7m \
  --direction in --channel phone \
  --summary "PG-12 shows a fan-motor warning, the same failure as PG-37. Field crew booked for Wednesday."
log '2026-11-23 09:20' --as olivia log-call --contact "$FRANK" --by olivia --at '2026-11-23 09:10' --duration 6m \
  --direction in --channel phone \
  --summary "Asked about his business-loss claim. The claims committee meets on 3 December; he will hear by the 7th."
crm_at '2026-11-23 09:21' --as olivia contact edit "$FRANK" --add-tag damage-claim

###########################################################################
# Copy the CRM into TARGET, replacing the old records.
###########################################################################

"$CRM" -C "$DIR" -q check
mkdir -p "$TARGET"
for folder in departments users contacts calls; do
  rm -rf "${TARGET:?}/$folder"
  cp -R "$DIR/$folder" "$TARGET/$folder"
done
cp "$DIR/crm.yaml" "$DIR/.gitignore" "$TARGET/"
"$CRM" -C "$TARGET" check
