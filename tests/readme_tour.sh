#!/usr/bin/env bash
# Run the commands of the docs' ```console blocks and compare their output
# with the output the docs show, so the docs never go stale.
#
#   bash tests/readme_tour.sh [--update] CRM_BINARY SOURCE_DIR
#
# Checked: every ```console block of README.md (the tour; run in a fresh copy
# of examples/, as the tour tells the reader to) and of examples/README.md
# (run in a folder holding a fresh copy of examples/, as `crm -C examples`
# expects). A file's blocks run in order in one bash session, so variables,
# exports and changed records carry over from one command to the next.
#
# In a block, a line starting with "$ " is a command; when it ends with a
# backslash, the next line continues it. The lines after a command, up to the
# next command or the end of the block, are its exact output (stdout and
# stderr, as a terminal shows them; nothing when the command prints nothing).
#
# --update rewrites the outputs in the docs from a real run instead of
# comparing: after an intentional change, run it and review `git diff`.
set -euo pipefail

update=false
if [[ ${1:-} == --update ]]; then
  update=true
  shift
fi
[[ $# -eq 2 ]] || { echo "usage: $0 [--update] CRM_BINARY SOURCE_DIR" >&2; exit 2; }
crm=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
[[ -x $crm ]] || { echo "$0: no crm binary at $crm" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/crm-tour.XXXXXX")
trap 'rm -rf "$work"' EXIT
# crm must be found as `crm`, whatever the binary is called.
mkdir "$work/bin"
ln -s "$crm" "$work/bin/crm"

# blocks DOC: print each console block of DOC as ">>> block at line N" (the
# line of its opening fence) followed by its lines.
blocks() {
  awk '
    !inside && /^```console[ \t]*$/ { inside = 1; print ">>> block at line " NR; next }
    inside && /^```[ \t]*$/ { inside = 0; next }
    inside { print }
  ' "$1"
}

# script DOC: a bash script that prints each block's marker, then each
# command as the docs show it, followed by what it prints.
script() {
  blocks "$1" | awk -v q="'" '
    function quoted(s) { gsub(q, q "\\" q q, s); return q s q }
    /^>>> block at line / { print "printf %s\\\\n " quoted($0); cont = 0; next }
    cont || /^\$ / {
      print "printf %s\\\\n " quoted($0)
      cmd = cmd (cont ? "\n" : "") (cont ? $0 : substr($0, 3))
      cont = /\\$/
      if (!cont) { print cmd; cmd = "" }
    }
  '
}

# expected DOC: the blocks as the docs show them (markers, commands, outputs).
expected() {
  blocks "$1"
}

# run DOC DIR: run DOC's script in DIR, in an environment of its own: no
# CRM_* or TZ from the caller, no git identity, no colour, a fixed locale.
run() {
  script "$1" >"$work/script.sh"
  (cd "$2" && env -i HOME="$work/home" PATH="$work/bin:/usr/local/bin:/usr/bin:/bin" \
    NO_COLOR=1 LC_ALL=C.UTF-8 GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null \
    bash --noprofile --norc "$work/script.sh" </dev/null 2>&1)
}

# rewrite DOC ACTUAL: replace the body of each console block of DOC with its
# part of ACTUAL (the output of run).
rewrite() {
  awk -v actual="$2" '
    BEGIN {
      while ((getline line < actual) > 0) {
        if (line ~ /^>>> block at line [0-9]+$/) { n = substr(line, 19) + 0; body[n] = ""; continue }
        body[n] = body[n] line "\n"
      }
    }
    !inside && /^```console[ \t]*$/ { inside = 1; print; printf "%s", body[NR]; next }
    inside && /^```[ \t]*$/ { inside = 0 }
    !inside { print }
  ' "$1" >"$1.new"
  mv "$1.new" "$1"
}

status=0
check() {
  local doc=$1 dir=$2
  rm -rf "$work/examples" "$work/home"
  mkdir "$work/home"
  cp -R "$src/examples" "$work/examples"
  run "$src/$doc" "$dir" >"$work/actual" || true
  if $update; then
    rewrite "$src/$doc" "$work/actual"
    echo "updated $doc"
  elif ! diff -u --label "$doc (as documented)" --label "$doc (as run)" \
      <(expected "$src/$doc") "$work/actual"; then
    echo "$0: $doc is stale: its commands print something else now (see the diff above)." \
      "If the change is intended, run bash tests/readme_tour.sh --update CRM_BINARY SOURCE_DIR" \
      "and review the diff." >&2
    status=1
  fi
}

check README.md "$work/examples"
check examples/README.md "$work"
exit $status
