#!/usr/bin/env bash
# Drives completions/crm.bash as bash does on TAB (COMP_WORDS, COMP_CWORD,
# then the function `complete` registered) and checks the words it offers,
# against a CRM made with the real crm.
# Usage: test_bash.sh CRM_BINARY COMPLETION_SCRIPT
set -uo pipefail
crm_binary=$(realpath "$1")
script=$(realpath "$2")

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export PATH="$(dirname "$crm_binary"):$PATH" HOME="$tmp" CRM_NOW=2026-11-23T09:00:00Z TZ=UTC NO_COLOR=1
unset CRM_DIR CRM_USER
cd "$tmp" || exit 1
[[ $(command -v crm) == "$crm_binary" ]] || { echo "crm on PATH is not $crm_binary"; exit 1; }

# A CRM with a department, two users, a contact and a case.
set -e
crm -q init crm
mkdir elsewhere
cd crm
crm -q department add water --name Water >/dev/null
crm -q user add olivia --name "Olivia Ortiz" --department water >/dev/null
export CRM_USER=olivia
crm -q user add raquel --name "Raquel Ruiz" --department water >/dev/null
contact=$(crm -q contact add --name "Ana Pérez")
case_id=$(crm -q case open --contact "$contact" --department water --title "Leak in the street")
set +e

# Every file of the CRM but git's, with a checksum.
snapshot() { (cd "$tmp/crm" && find . -path ./.git -prune -o -type f -print0 | sort -z | xargs -0 sha1sum); }
rm -f .crm/lock
before=$(snapshot)

# shellcheck source=/dev/null
source "$script"
failures=0

registered=$(complete -p crm)
if [[ $registered != "complete -F _crm crm" ]]; then
  echo "FAIL: complete -p crm says: $registered"
  failures=$((failures + 1))
fi

# expect_words WORD... -- OFFERED...: completes the last WORD of the command
# line WORD... (split as bash splits it) and checks COMPREPLY is OFFERED, in any order.
expect_words() {
  local -a words=() want=()
  while [[ $1 != -- ]]; do words+=("$1"); shift; done
  shift
  want=("$@")
  COMP_WORDS=("${words[@]}")
  COMP_CWORD=$((${#words[@]} - 1))
  COMP_LINE="${words[*]}"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  local binding=($(complete -p crm))
  "${binding[2]}" crm "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
  local got expected
  got=$(printf '%s\n' "${COMPREPLY[@]}" | sort)
  expected=$(printf '%s\n' "${want[@]}" | sort)
  if [[ $got != "$expected" ]]; then
    echo "FAIL: '${words[*]}' offered [${got//$'\n'/ }], expected [${expected//$'\n'/ }]"
    failures=$((failures + 1))
  fi
}

# expect LINE -- OFFERED...: the same for a line without quotes or '='; a
# trailing space starts a new, empty word.
expect() {
  local line=$1
  shift
  local -a words
  read -ra words <<<"$line"
  [[ $line == *" " ]] && words+=("")
  expect_words "${words[@]}" "$@"
}

expect "crm ca" -- cache call case
expect "crm case l" -- list ls
expect "crm case show " -- "$case_id"
expect "crm case ack C-" -- "$case_id"
expect "crm case forward $case_id --to " -- olivia raquel water
expect "crm case forward $case_id --to r" -- raquel
expect "crm case open --department " -- water
expect "crm case open --handler " -- olivia raquel
expect "crm case open --contact " -- "$contact"
expect "crm case list --priority " -- low normal high urgent
expect "crm case list --mine --pri" -- --priority
expect "crm points " -- olivia raquel
expect "crm user show o" -- olivia
expect "crm user add " --
expect "crm --col" -- --color
expect "crm --as " -- olivia raquel
expect "crm --format j" -- json
# bash splits "--format=j" into "--format", "=", "j": only "j" is replaced.
expect_words crm --format = j -- json
expect_words crm --format = -- table json yaml csv tsv html
# Paths: folders for init and -C.
expect "crm init ../el" -- ../elsewhere
# Another folder: -C names the CRM; without one only fixed words come.
cd "$tmp/elsewhere" || exit 1
expect "crm -C ../crm case show " -- "$case_id"
expect "crm case show " --
expect "crm case list --priority u" -- urgent
CRM_DIR="$tmp/crm" expect "crm department show " -- water

# Completing wrote nothing: the files are as they were, and no lock was taken.
after=$(snapshot)
if [[ $after != "$before" ]]; then
  echo "FAIL: completing changed the CRM:"
  diff <(echo "$before") <(echo "$after")
  failures=$((failures + 1))
fi

if ((failures)); then
  echo "$failures completion check(s) failed"
  exit 1
fi
echo "bash completion: all checks passed"
