#!/usr/bin/env bash
# Builds the province-size demo with a release build and times the commands the issues name.
# Usage: Benchmarks/measure.sh [DB] [TODAY]
#   Without DB, the province demo is generated afresh (and timed) in /tmp/jiannuo-province.sqlite;
#   with DB, that file is used as it is (generated first if missing).
#   BASELINE_BIN=path/to/an/earlier/jiannuo also times the write and the import with that binary, side
#   by side, to measure what the ledger's bookkeeping (digests, audit state) costs.
# Each timed command runs 5 times; the median wall time and the peak memory are printed.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-/tmp/jiannuo-province.sqlite}
[ -z "${1:-}" ] && rm -f "$db" "$db-wal" "$db-shm"
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
run "audit verify (chain + every table)" "$bin" --db "$db" --today "$today" audit verify
for _ in 1 2 3; do "$bin" --db "$db" --today "$today" render --width 200 --height 60 --timing 2>&1 >/dev/null; done

# The same open-item reads as the first frame's alerts, by the sqlite3 CLI on the same file, for a ratio.
if command -v sqlite3 >/dev/null; then
    sql="SELECT count(*), sum(length(content)) FROM commitments WHERE status IN ('not_started','in_progress','stalled') AND deadline <= date('$today', '+7 days');
SELECT count(*), sum(length(content)) FROM complaints WHERE responded_at IS NULL AND current_due <= date('$today', '+3 days');
SELECT count(*) FROM rectifications WHERE completed_on IS NULL AND deadline <= date('$today', '+7 days');
SELECT count(*) FROM breaches WHERE reported_on IS NULL; SELECT count(*) FROM opinions WHERE handled_on IS NULL;"
    run "sqlite3: alert inputs" sqlite3 "$db" "$sql"
    ours=$(for _ in 1 2 3; do { /usr/bin/time -f "%e" "$bin" --db "$db" --today "$today" alerts --json >/dev/null; } 2>&1 | tail -n 1; done | median)
    theirs=$(for _ in 1 2 3; do { /usr/bin/time -f "%e" sqlite3 "$db" "$sql" >/dev/null; } 2>&1 | tail -n 1; done | median)
    awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "%-28s %6.1f×  (alerts %.3f s, sqlite3 %.3f s)\n", "ratio to the sqlite3 CLI", (b > 0 ? a / b : 0), a, b }'
fi

# Ledgers out and in: every complaint out, then 100,000 commitments into an empty database.
tmp=$(mktemp -d)
run1() { local name=$1; shift; local out; out=$( { /usr/bin/time -f "%e %M" "$@" >/dev/null; } 2>&1 | tail -n 1); printf '%-28s %8.1f s   peak %6d KB\n' "$name" "${out% *}" "${out#* }"; }
run1 "export complaints (all)" "$bin" --db "$db" export complaints -o "$tmp/complaints.csv"
"$bin" --db "$db" export commitments -o "$tmp/commitments.csv"
"$bin" --db "$db" export departments -o "$tmp/departments.csv"
head -n 100001 "$tmp/commitments.csv" > "$tmp/c100k.csv"
"$bin" --db "$tmp/empty.sqlite" init >/dev/null
"$bin" --db "$tmp/empty.sqlite" import departments "$tmp/departments.csv" >/dev/null
run1 "import 100,000 commitments" "$bin" --db "$tmp/empty.sqlite" import commitments "$tmp/c100k.csv"

# One write (a complaint added on the county demo), nine times, with this binary and the baseline's.
write_cost() {
    local b=$1 d=$2
    "$b" --db "$d" demo --size county --today "$today" >/dev/null
    for i in 1 2 3 4 5 6 7 8 9; do
        { /usr/bin/time -f "%e" "$b" --db "$d" --today "$today" complaint add --channel hotline --department GXJ --content "计时 $i" >/dev/null; } 2>&1 | tail -n 1
    done | median
}
printf '%-28s median %6.3f s\n' "one write (county demo)" "$(write_cost "$bin" "$tmp/w.sqlite")"
if [ -n "${BASELINE_BIN:-}" ]; then
    printf '%-28s median %6.3f s\n' "  baseline binary" "$(write_cost "$BASELINE_BIN" "$tmp/wb.sqlite")"
    "$BASELINE_BIN" --db "$tmp/base.sqlite" init >/dev/null
    "$BASELINE_BIN" --db "$tmp/base.sqlite" import departments "$tmp/departments.csv" >/dev/null
    run1 "  baseline import 100,000" "$BASELINE_BIN" --db "$tmp/base.sqlite" import commitments "$tmp/c100k.csv"
fi
rm -rf "$tmp"
