#!/usr/bin/env bash
# A report run on a terminal draws bars without being asked (--charts auto);
# the same report into a pipe does not. script(1) gives crm a pseudo-terminal.
#   charts_on_terminal.sh CRM_BINARY EXAMPLES_DIR
set -uo pipefail
crm=$1
examples=$2
if ! command -v script > /dev/null; then
  echo "charts_on_terminal: script(1) is not installed" >&2
  exit 77
fi
export CRM_NOW=2026-11-23T16:00 TERM=xterm NO_COLOR=1
on_terminal=$(script -qec "'$crm' -C '$examples' report leaderboard --period all" /dev/null < /dev/null)
in_pipe=$("$crm" -C "$examples" report leaderboard --period all)
status=0
if ! grep -q '█' <<< "$on_terminal"; then
  echo "FAIL: no bars on a terminal:" >&2
  echo "$on_terminal" >&2
  status=1
fi
if grep -q '█' <<< "$in_pipe"; then
  echo "FAIL: bars in a pipe" >&2
  status=1
fi
exit $status
