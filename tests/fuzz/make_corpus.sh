#!/usr/bin/env bash
# Rebuilds the seed corpora in corpus/ from examples/ plus the hand-written
# seeds in seeds/ (regression inputs live in corpus/<target>/regression-*,
# which this keeps). Usage: bash tests/fuzz/make_corpus.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
examples=$here/../../examples
corpus=$here/corpus
# The smallest and the largest example file of a kind.
smallest() { find "$examples/$1" -name '*.yaml' -printf '%s %p\n' | sort -n | head -n1 | awk '{print $2}'; }
largest() { find "$examples/$1" -name '*.yaml' -printf '%s %p\n' | sort -n | tail -n1 | awk '{print $2}'; }
kinds=(contacts calls users departments cases feedback missions deals rewards notifications)

for target in record config time filter merge; do
  mkdir -p "$corpus/$target"
  find "$corpus/$target" -type f ! -name 'regression-*' -delete
done

# record: the smallest and the largest example of each kind.
for kind in "${kinds[@]}"; do
  cp "$(smallest "$kind")" "$corpus/record/$kind-small.yaml"
  cp "$(largest "$kind")" "$corpus/record/$kind-large.yaml"
done

# config: the examples' crm.yaml and the hand-written sections.
cp "$examples/crm.yaml" "$corpus/config/examples.yaml"
cp "$here"/seeds/config/* "$corpus/config/"

# time and filter: hand-written only.
cp "$here"/seeds/time/* "$corpus/time/"
cp "$here"/seeds/filter/* "$corpus/filter/"

# merge: a kind byte (index into all_kinds: 4 is cases, 6 missions, 7 deals), then base %% ours %% theirs,
# where each side changes the largest case differently.
case_file=$(largest cases)
{
  printf '\x04'
  cat "$case_file"; echo '%%'
  sed 's/^priority: .*/priority: urgent/' "$case_file"; echo '%%'
  sed 's/^title: \(.*\)/title: "\1 (edited)"/' "$case_file"
} >"$corpus/merge/case-two-edits"
{
  printf '\x04'
  cat "$case_file"; echo '%%'
  sed 's/^priority: .*/priority: urgent/' "$case_file"; echo '%%'
  sed 's/^priority: .*/priority: low/' "$case_file"
} >"$corpus/merge/case-conflict"
contact_file=$(largest contacts)
{
  printf '\x02'
  echo '%%'
  cat "$contact_file"; echo '%%'
  cat "$contact_file"
} >"$corpus/merge/contact-added-both"
# The kinds whose state is replayed from history: each side adds a step.
deal_file=$(largest deals)
{
  printf '\x07'
  cat "$deal_file"; echo '%%'
  sed 's/^probability: .*/probability: 90/' "$deal_file"; echo '%%'
  cat "$deal_file"; printf '  - at: 2026-12-01T10:00:00Z\n    by: vera\n    event: won\n'
} >"$corpus/merge/deal-won-and-edited"
mission_file=$(largest missions)
{
  printf '\x06'
  cat "$mission_file"; echo '%%'
  cat "$mission_file"; printf '  - at: 2026-12-01T10:00:00Z\n    by: ben\n    event: commented\n    note: On it.\n'; echo '%%'
  sed 's/^title: \(.*\)/title: "\1 (edited)"/' "$mission_file"
} >"$corpus/merge/mission-two-edits"
