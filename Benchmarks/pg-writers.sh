#!/usr/bin/env bash
# PostgreSQL writers (issue 29, item 6): 8 writers × 250 complaint adds into one county, and where the
# serialised part of each write goes on the server: the audit append (which takes the chain head's row
# lock and holds it to commit) by pg_stat_user_functions, and the commit's WAL flush by pg_test_fsync.
# Usage: Benchmarks/pg-writers.sh [TODAY]   (as root: the cluster runs as postgres through runuser)
set -euo pipefail
cd "$(dirname "$0")/.."
today=${1:-2026-11-20}
export LANG=C.UTF-8 LC_ALL=C.UTF-8
for product in jiannuo jiannuo-writers; do swift build -c release --static-swift-stdlib --product $product >/dev/null; done
bin=$PWD/.build/release/jiannuo
source Benchmarks/pg-cluster.sh
trap 'pg_stop' EXIT
pg_start
"$bin" demo --db "$uri" --county 410101 --size county --seed 1 --today "$today" >/dev/null
pg_psql "ALTER SYSTEM SET track_functions = 'all'" postgres
pg_psql "SELECT pg_reload_conf()" postgres >/dev/null
pg_psql "SELECT pg_stat_reset()" >/dev/null
echo "== 8 writers × 250 complaint adds, one county (county demo, PostgreSQL 15, fsync on)"
echo "  $("$(dirname "$bin")/jiannuo-writers" --db "$uri" --county 410101 --writers 8 --writes 250 --department GXJ --today "$today" 2>&1 | tail -n 1)"
sleep 1   # statistics are sent when a session ends
echo "== server-side time per call (pg_stat_user_functions)"
pg_psql "SELECT format('  %-28s %6s calls  %8s ms total/call  %8s ms self/call', funcname, calls,
                round((total_time / calls)::numeric, 3), round((self_time / calls)::numeric, 3))
         FROM pg_stat_user_functions WHERE calls > 0 ORDER BY total_time DESC LIMIT 8"
echo "== the commit's WAL flush on this disk (pg_test_fsync, 2 s per method)"
(cd /tmp && runuser -u postgres -- $pgbin/pg_test_fsync -s 2 -f "$pgdir/s/fsync.test" 2>/dev/null | grep -E "fdatasync|open_datasync" | head -3 | sed 's/^ */  /')
