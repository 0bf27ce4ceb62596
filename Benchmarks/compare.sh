#!/usr/bin/env bash
# Two binaries on the same ledger, each read timed N times in turn (old, new, old, new …), the fastest
# run of each kept: on a 2-core machine whose load moves, the minimum of interleaved runs shows a
# change of a few percent that medians of separate runs hide.
# Usage: Benchmarks/compare.sh OLD_BIN NEW_BIN [DB] [TODAY] [N]
set -euo pipefail
old=$1 new=$2 db=${3:-/tmp/jiannuo-province.sqlite} today=${4:-2026-11-20} n=${5:-9}
export LANG=C.UTF-8 LC_ALL=C.UTF-8
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
printf '%-34s %9s %9s %8s\n' "command (min of $n, ms)" old new change
for cmd in "alerts --json" "scores --json" "department show GXJ --json" "status" "complaint list --limit 50 --json" \
           "render --width 200 --height 60"; do
    bo=999999 bn=999999
    for _ in $(seq "$n"); do
        t=$(ms "$old" $cmd --db "$db" --today "$today"); (( t < bo )) && bo=$t
        t=$(ms "$new" $cmd --db "$db" --today "$today"); (( t < bn )) && bn=$t
    done
    printf '%-34s %9d %9d %7.1f%%\n' "$cmd" "$bo" "$bn" "$(awk -v a="$bo" -v b="$bn" 'BEGIN {print (b - a) * 100 / a}')"
done
