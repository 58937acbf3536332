#!/usr/bin/env bash
# Generates a small CRM and checks that crm accepts it and finds overdue work.
#   smoke_test.sh GEN CRM WORKDIR
set -euo pipefail
gen=$1 crm=$2 dir=$3
rm -rf "$dir"
"$gen" 200 "$dir" --seed 7 >/dev/null
"$crm" -C "$dir" check
overdue=$("$crm" -C "$dir" --now 2026-11-23T16:00:00Z --format tsv report overdue)
[[ -n $overdue ]] || { echo "smoke_test: nothing overdue in the generated CRM" >&2; exit 1; }
rm -rf "$dir"
