#!/usr/bin/env bash
# Runs one fuzz target for a bounded time over a fresh copy of its seed
# corpus (the checked-in corpus is never written), keeping any crashing input
# in WORK/. Usage: run_fuzz.sh TARGET CORPUS WORK SECONDS [libFuzzer options]
# (e.g. -runs=N -seed=S: with both, a run is the same on every machine).
set -euo pipefail
target=$1 corpus=$2 work=$3 seconds=$4
shift 4
rm -rf "$work"
mkdir -p "$work/corpus"
cp -R "$corpus/." "$work/corpus/"
# -timeout: one input taking 30 s is a hang (a calendar that searches its
# whole ten-year horizon takes ~3 s instrumented, more on a loaded machine);
# -rss_limit_mb: a blow-up is a finding.
exec "$target" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -max_len=65536 \
  -print_final_stats=1 -artifact_prefix="$work/" "$@" "$work/corpus"
