#!/usr/bin/env bash
# Every report's --format html page, rendered in headless Chromium and
# validated (see check_page.sh), on a copy of the bundled examples:
#   test_html_reports.sh CRM_BINARY EXAMPLES_DIR
# Skips (exit 77) without chromium or tidy, except under CI, where .ci/run
# installs both and their absence is a failure.
set -uo pipefail
crm=$1
examples=$2
here=$(cd "$(dirname "$0")" && pwd)
for tool in chromium tidy; do
  if ! command -v "$tool" > /dev/null; then
    echo "test_html_reports: $tool is not installed (apt-get install chromium tidy)" >&2
    [ "${CI:-}" = true ] && exit 1
    exit 77
  fi
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$examples" "$work/crm"
export CRM_DIR=$work/crm CRM_NOW=2026-11-23T16:00 CRM_USER=raquel
failures=0

# The checker itself must fail on what it exists to catch.
expect_rejected() {
  local name=$1 body=$2
  printf '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>t</title>\n</head>\n<body>\n%s\n</body>\n</html>\n' \
    "$body" > "$work/$name.html"
  if "$here/check_page.sh" "$work/$name.html" 2> "$work/$name.err"; then
    echo "FAIL: check_page.sh accepted a page with $name" >&2
    failures=$((failures + 1))
  fi
}
expect_rejected "a-console-error" '<p>x</p><script>console.error("boom")</script>'
expect_rejected "invalid-nesting" '<p>x<table><tr><td>y</td></tr></table><p>'
expect_rejected "a-remote-image" '<p>x</p><svg xmlns="http://www.w3.org/2000/svg"><image href="https://example.com/a.png"/></svg>'

# check NAME ID... -- crm ARGS...: one page per command.
check() {
  local name=$1
  shift
  local ids=()
  while [ "$1" != -- ]; do
    ids+=("$1")
    shift
  done
  shift
  if ! "$crm" "$@" --format html > "$work/$name.html" 2> "$work/$name.err"; then
    echo "FAIL: crm $* --format html: $(cat "$work/$name.err")" >&2
    failures=$((failures + 1))
    return
  fi
  if ! "$here/check_page.sh" "$work/$name.html" "${ids[@]}"; then
    echo "FAIL: crm $* --format html" >&2
    failures=$((failures + 1))
  else
    echo "ok: crm $* --format html"
  fi
}

check leaderboard report-leaderboard leaderboard-users leaderboard-standing -- report leaderboard --period all
check feedback -- report feedback
check overdue -- report overdue
check kpi -- report kpi --calls-per-day 2 --period all
check board report-leaderboard leaderboard-users leaderboard-standing report-service report-sales report-pipeline \
  -- report board --period all
check pipeline report-pipeline -- report pipeline
check sales report-sales -- report sales --period all
check service report-service service-groups service-weeks service-changes -- report service --period month --by department
check activity report-activity activity-rows activity-days -- report activity --calls-per-day 2
check case-list -- case list
check contact -- contact show P-1TR4S8BNTWP7
exit $((failures > 0))
