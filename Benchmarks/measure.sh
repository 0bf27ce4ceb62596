#!/usr/bin/env bash
# Builds the province-size demo with a release build and times the commands the issues name.
# Usage: Benchmarks/measure.sh [DB] [TODAY]   (default /tmp/jiannuo-province.sqlite, 2026-11-20)
# Each timed command runs 5 times; the median wall time and the peak memory are printed.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-/tmp/jiannuo-province.sqlite}
today=${2:-2026-11-20}
export LANG=C.UTF-8 LC_ALL=C.UTF-8
swift build -c release >/dev/null
bin=.build/release/jiannuo

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# run NAME CMD...: five runs, median seconds and the largest peak RSS.
run() {
    local name=$1; shift
    local times=() mem=0
    for _ in 1 2 3 4 5; do
        local out
        out=$( { /usr/bin/time -f "%e %M" "$@" >/dev/null; } 2>&1 | tail -n 1)
        times+=("${out% *}")
        (( ${out#* } > mem )) && mem=${out#* }
    done
    printf '%-28s median %6.3f s   peak %6d KB\n' "$name" "$(printf '%s\n' "${times[@]}" | median)" "$mem"
}

if [ ! -f "$db" ]; then
    start=$(date +%s.%N)
    "$bin" demo --size province --db "$db" --today "$today" >/dev/null
    printf '%-28s %6.1f s\n' "demo --size province" "$(awk "BEGIN {print $(date +%s.%N) - $start}")"
fi
run "alerts --json"              "$bin" --db "$db" --today "$today" alerts --json
run "scores --json"              "$bin" --db "$db" --today "$today" scores --json
run "department show GXJ --json" "$bin" --db "$db" --today "$today" department show GXJ --json
run "status"                     "$bin" --db "$db" --today "$today" status
for _ in 1 2 3; do "$bin" --db "$db" --today "$today" render --width 200 --height 60 --timing 2>&1 >/dev/null; done
