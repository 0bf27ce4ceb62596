#!/usr/bin/env bash
# A city of ten county-size counties on PostgreSQL (issue 29, item 7): `scores --city` over all of them,
# and one county's first paint beside the same county in a SQLite file, in one run.
# Usage: Benchmarks/city.sh [TODAY]   (as root: the cluster runs as postgres through runuser)
# Each county is `demo --size county` with its own seed, written straight into the city database.
set -euo pipefail
cd "$(dirname "$0")/.."
today=${1:-2026-11-20}
export LANG=C.UTF-8 LC_ALL=C.UTF-8
swift build -c release --static-swift-stdlib --product jiannuo >/dev/null
bin=$PWD/.build/release/jiannuo
tmp=$(mktemp -d)
source Benchmarks/pg-cluster.sh
trap 'pg_stop; rm -rf "$tmp"' EXIT
pg_start
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds() { local t0; t0=$(date +%s%N); "$@" >/dev/null 2>&1; awk -v d=$(( $(date +%s%N) - t0 )) 'BEGIN {printf "%.3f", d / 1e9}'; }

echo "== a city of 10 county-size counties on PostgreSQL 15 (demo --size county, seeds 1–10, --today $today)"
fill=()
for n in $(seq 1 10); do
    fill+=("$(seconds "$bin" demo --db "$uri" --county "$(printf '4101%02d' "$n")" --size county --seed "$n" --today "$today")")
done
printf '  %-40s %s s each (%s)\n' "filled" "$(printf '%s\n' "${fill[@]}" | median)" "$(pg_psql "SELECT sum(n) FROM (SELECT count(*) n FROM ledger_410101.complaints UNION ALL SELECT count(*) FROM ledger_410110.complaints) t") complaints in two counties"
units=$("$bin" scores --city --json --db "$uri" --today "$today" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
runs=(); for _ in 1 2 3 4 5; do runs+=("$(seconds "$bin" scores --city --json --db "$uri" --today "$today")"); done
printf '  %-40s %s s (median of 5; %s units)   target ≤ 1 s\n' "scores --city --json" "$(printf '%s\n' "${runs[@]}" | median)" "$units"

# The same county as a file: the same generator and seed.
"$bin" demo --db "$tmp/county.sqlite" --size county --seed 1 --today "$today" >/dev/null
paint() { for _ in 1 2 3 4 5; do "$@" render --width 200 --height 60 --timing 2>&1 >/dev/null | tail -n 1 | sed 's/.*first_paint_ms=\([0-9.]*\).*/\1/'; done | median; }
pg=$(paint "$bin" --db "$uri" --county 410101 --today "$today")
file=$(paint "$bin" --db "$tmp/county.sqlite" --today "$today")
printf '  %-40s %s ms, the county file %s ms: %s×   target ≤ 1.5×\n' "first paint 200×60, county 410101" "$pg" "$file" \
    "$(awk -v a="$pg" -v b="$file" 'BEGIN {printf "%.2f", a / b}')"
