#!/usr/bin/env bash
# Times every figure of the province-scale issue with a release build, each beside the sqlite3 CLI
# doing the same reads (or writes) on the same file in the same run.
# Usage: Benchmarks/measure.sh [DB] [TODAY]
#   Without DB, the province demo is generated afresh (and timed) in /tmp/jiannuo-province.sqlite;
#   with DB, that file is used as it is (generated first if missing; upgraded by `init` if older).
#   BASELINE_BIN=path/to/an/earlier/jiannuo also times the write and the import with that binary.
#   PG=1 also migrates the ledger into a throwaway PostgreSQL 15 cluster (as root) and times the reads
#   there, an import of 100,000 promises and 8 concurrent writers on both engines (jiannuo-writers);
#   PG_ONLY=1 stops after that.
# Needs: sqlite3, tmux, python3, /usr/bin/time. Each timed command runs 5 times (median wall time,
# largest peak RSS) unless said otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-/tmp/jiannuo-province.sqlite}
[ -z "${1:-}" ] && rm -f "$db" "$db-wal" "$db-shm"
today=${2:-2026-11-20}
export LANG=C.UTF-8 LC_ALL=C.UTF-8
# As an office installs it (README): the Swift runtime linked in, which starts every command ~7 ms sooner.
for product in jiannuo jiannuo-writers; do swift build -c release --static-swift-stdlib --product $product >/dev/null; done
bin=$PWD/.build/release/jiannuo
tmp=$(mktemp -d)
sock=jn-measure-$$
cleanup() { tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# once CMD...: "seconds peak_kb" of one run (wall time from the clock in ns: /usr/bin/time counts in 10 ms).
once() {
    local t0 t1
    t0=$(date +%s%N)
    /usr/bin/time -o "$tmp/time" -f "%M" "$@" >/dev/null 2>/dev/null || true
    t1=$(date +%s%N)
    echo "$(awk -v d=$((t1 - t0)) 'BEGIN {printf "%.4f", d / 1e9}') $(tail -n 1 "$tmp/time")"
}
# five CMD...: "median_seconds peak_kb" of five runs.
five() {
    local times=() mem=0 out
    for _ in 1 2 3 4 5; do out=$(once "$@"); times+=("${out% *}"); (( ${out#* } > mem )) && mem=${out#* }; done
    echo "$(printf '%s\n' "${times[@]}" | median) $mem"
}
# row WHAT OURS_SECONDS OURS_KB SQLITE_SECONDS [BEST_SECONDS]: one line of the table with the ratio; BEST is
# the sqlite3 CLI reading the records themselves through their indexes, where the first reads kept inputs.
row() { awk -v w="$1" -v a="$2" -v m="$3" -v b="$4" -v c="${5:-}" 'BEGIN {
    printf "%-44s %9.3f s %8d KB   sqlite3 %8.3f s   %6.1f×", w, a, m, b, (b > 0 ? a / b : 0)
    if (c != "") printf "   best query %8.3f s   %6.1f×", c, (c > 0 ? a / c : 0)
    printf "\n" }'; }

if [ ! -f "$db" ]; then
    start=$(date +%s.%N)
    "$bin" demo --size province --db "$db" --today "$today" >/dev/null
    printf '%-44s %9.1f s\n' "demo --size province" "$(awk "BEGIN {print $(date +%s.%N) - $start}")"
fi
"$bin" --db "$db" init >/dev/null 2>&1
J=("$bin" --db "$db" --today "$today")

# --- What a frame reads, by the sqlite3 CLI -------------------------------------------------------
q_start=$(python3 -c "import datetime as d; t=d.date.fromisoformat('$today'); q=(t.month-1)//3; y,m=(t.year,3*q-2) if q>0 else (t.year-1,10); print(f'{y}-{m:02d}-01')")
q_end=$(python3 -c "import datetime as d; t=d.date.fromisoformat('$today'); m=((t.month-1)//3+1)*3; e=(d.date(t.year+(m==12), m%12+1, 1)-d.timedelta(days=1)); print(e)")
alerts_sql="SELECT count(*), sum(length(content)) FROM commitments WHERE status IN ('not_started','in_progress','stalled') AND deadline <= date('$today', '+7 days');
SELECT count(*), sum(length(content)) FROM complaints WHERE responded_at IS NULL AND current_due <= date('$today', '+3 days');
SELECT count(*) FROM rectifications WHERE completed_on IS NULL AND deadline <= date('$today', '+7 days');
SELECT count(*) FROM breaches WHERE reported_on IS NULL; SELECT count(*) FROM opinions WHERE handled_on IS NULL;"
panes_sql="SELECT id, department, content, deadline FROM commitments WHERE status IN ('not_started','in_progress','stalled') ORDER BY deadline LIMIT 60;
SELECT id, department, content, current_due FROM complaints WHERE responded_at IS NULL ORDER BY current_due LIMIT 60;"
# The ranking's inputs for this quarter and the previous one, as rankingFacts selects them: the kept
# counts grouped per rule and unit for each quarter (closed late stages from their monthly roll-up, whole
# quarters being whole months), the returns per day, and the few raw records.
# $q_start is the previous quarter's start (the span of both); the current quarter starts at $cq_start.
cq_start=$(python3 -c "import datetime as d; t=d.date.fromisoformat('$today'); print(f'{t.year}-{(t.month-1)//3*3+1:02d}-01')")
pq_end=$(python3 -c "import datetime as d; print(d.date.fromisoformat('$cq_start')-d.timedelta(days=1))")
rq_start=$(python3 -c "import datetime as d; s=d.date.fromisoformat('$q_start'); m=s.month-3; print(f'{s.year-(m<1)}-{(m-1)%12+1:02d}-01')")
counted_sql() { # start end asOf repairCut
  echo "SELECT rule, department, CASE WHEN rule IN ('accountability','rectification_late','rectification_on_time') THEN day ELSE '' END, count(*), sum(times) FROM score_facts
    WHERE kind = 'dated' AND day BETWEEN '$1' AND '$2' AND (rule <> 'commitment_overdue_before_amendment' OR day <= '$3') GROUP BY 1, 2, 3;
  SELECT rule, department, CASE WHEN rule IN ('accountability','rectification_late','rectification_on_time') THEN day ELSE '' END, count(*), sum(times) FROM (
    SELECT rule, department, day, times FROM score_facts WHERE kind = 'standing' AND until = '9999-12-31' AND since <= '$3'
    UNION ALL SELECT rule, department, day, times FROM score_facts WHERE kind = 'standing' AND until >= '$3' AND until < '9999-12-31' AND since <= '$3') GROUP BY 1, 2, 3;
  SELECT rule, department, count(*) FROM score_facts WHERE kind = 'repair' AND until >= '$4' AND day <= '$3' GROUP BY 1, 2;
  SELECT stage, department, sum(n) FROM (SELECT stage, department, n FROM stage_months WHERE month BETWEEN substr('$1', 1, 7) AND substr('$2', 1, 7)
    UNION ALL SELECT stage, department, n FROM stage_tallies WHERE open = 1 AND due BETWEEN '$1' AND '$2' AND due < '$3') GROUP BY 1, 2;
  SELECT department, sum(n) FROM event_tallies WHERE kind = 'dissatisfied' AND day BETWEEN '$1' AND '$2' AND day <= '$3' GROUP BY 1;
  SELECT department, count(*) FROM (SELECT department, date(delivered_on, '+' || min(COALESCE(payment_days, 30), 60) || ' days') AS due
    FROM commitments INDEXED BY commitments_debts WHERE category = 3 AND delivered_on IS NOT NULL AND amount_fen IS NOT NULL AND made <= '$3'
    AND (status IN ('not_started','in_progress','stalled') OR fulfilled_on IS NULL OR fulfilled_on > '$3')) WHERE due < '$3' GROUP BY 1;"
}
ranking_sql="$(counted_sql "$cq_start" "$q_end" "$today" "$q_start") $(counted_sql "$q_start" "$pq_end" "$pq_end" "$rq_start")
SELECT day, department, received, n FROM event_tallies WHERE kind = 'return' AND day BETWEEN '$q_start' AND '$q_end';
SELECT * FROM accountability WHERE date BETWEEN '$q_start' AND '$q_end'; SELECT * FROM findings WHERE date BETWEEN '$q_start' AND '$q_end';
SELECT * FROM opinions WHERE date BETWEEN '$q_start' AND '$q_end' OR handled_on BETWEEN '$q_start' AND '$q_end' OR (handled_on IS NULL AND date <= '$today');"
# The records every unit's ranking read before its inputs were kept (department show reads one unit's of these).
records_sql="SELECT stage, department, due, open, n FROM stage_tallies WHERE due BETWEEN '$q_start' AND '$q_end';
SELECT count(*), sum(length(content)) FROM commitments WHERE made BETWEEN '$q_start' AND '$q_end' OR fulfilled_on BETWEEN '$q_start' AND '$q_end'
  OR ((status IN ('not_started','in_progress','stalled') OR fulfilled_on > '$today') AND (deadline < '$today' OR (category = 3 AND delivered_on IS NOT NULL AND amount_fen IS NOT NULL)))
  OR id IN (SELECT commitment FROM amendments WHERE old_deadline < '$today');
SELECT count(*) FROM breaches b LEFT JOIN rectifications r ON r.breach = b.id WHERE b.date <= '$today';
SELECT count(*) FROM rectifications WHERE completed_on BETWEEN '$q_start' AND '$q_end' OR (completed_on IS NULL AND deadline < '$today');
SELECT count(*) FROM opinions WHERE date BETWEEN '$q_start' AND '$q_end' OR handled_on BETWEEN '$q_start' AND '$q_end' OR (handled_on IS NULL AND date <= '$today');
SELECT count(*) FROM followups WHERE satisfied = 0 AND at >= '$q_start' AND at < '$q_end';"
status_sql="SELECT status, count(*) FROM commitments GROUP BY status; SELECT count(*) FROM complaints;
SELECT count(*) FROM complaints WHERE responded_at IS NULL; SELECT count(*) FROM breaches; SELECT count(*) FROM rectifications WHERE completed_on IS NULL;"
lite() { five sqlite3 "$db" "$1" | cut -d' ' -f1; }
s_alerts=$(lite "$alerts_sql"); s_panes=$(lite "$alerts_sql $panes_sql"); s_rank=$(lite "$ranking_sql"); s_status=$(lite "$status_sql")
s_records=$(lite "$records_sql")
s_frame=$(lite "$alerts_sql $panes_sql $ranking_sql")
s_frame_best=$(lite "$alerts_sql $panes_sql $records_sql")

echo "== reads (median of 5)"
read -r a m <<<"$(five "${J[@]}" alerts --json)";                 row "alerts --json" "$a" "$m" "$s_alerts"
read -r a m <<<"$(five "${J[@]}" scores --json)";                 row "scores --json" "$a" "$m" "$s_rank" "$s_records"
read -r a m <<<"$(five "${J[@]}" department show GXJ --json)";    row "department show GXJ --json" "$a" "$m" "$s_records"
read -r a m <<<"$(five "${J[@]}" status)";                        row "status" "$a" "$m" "$s_status"
read -r a m <<<"$(once "${J[@]}" audit verify)";                  row "audit verify (chain + every table, 1 run)" "$a" "$m" 0

# frames PREFIX CMD...: first paint and full frame of three 200x60 renders, as two rows.
frames() {
    local prefix=$1; shift
    local out fp ff rss
    out=$(for _ in 1 2 3; do "$@" render --width 200 --height 60 --timing 2>&1 >/dev/null | tail -n 1; done)
    echo "$out" | sed 's/^/  /'
    fp=$(echo "$out" | sed 's/.*first_paint_ms=\([0-9.]*\).*/\1/' | median)
    ff=$(echo "$out" | sed 's/.*full_frame_ms=\([0-9.]*\).*/\1/' | median)
    rss=$(echo "$out" | sed 's/.*max_rss_kb=\([0-9]*\).*/\1/' | sort -n | tail -n 1)
    row "${prefix}first paint (header, lists, alerts)" "$(awk "BEGIN {print $fp / 1000}")" "$rss" "$s_panes"
    row "${prefix}full frame (with the ranking)" "$(awk "BEGIN {print $ff / 1000}")" "$rss" "$s_frame" "$s_frame_best"
}
echo "== dashboard frames (render --timing, 200x60, 3 runs)"
frames "" "${J[@]}"

# --- The same ledger in PostgreSQL (PG=1; PG_ONLY=1 stops after it) ---------------------------------
# A throwaway PostgreSQL 15 cluster with its defaults (fsync on), started as root through runuser; the
# ledger migrated in (timed once), then the reads above on it, beside the SQLite figures and sqlite3's.
if [ "${PG:-}${PG_ONLY:-}" != "" ]; then
    source Benchmarks/pg-cluster.sh
    trap 'pg_stop; cleanup' EXIT
    pg_start
    echo "== PostgreSQL 15 (same ledger, migrated; sqlite3 column: the SQLite file's reference above)"
    read -r a m <<<"$(once "$bin" migrate --from "$db" --to "$uri" --county 410000)"
    printf '%-44s %9.3f s %8d KB\n' "migrate (verify, copy, index, verify)" "$a" "$m"
    P=("$bin" --db "$uri" --county 410000 --today "$today")
    read -r a m <<<"$(five "${P[@]}" alerts --json)";                 row "pg alerts --json" "$a" "$m" "$s_alerts"
    read -r a m <<<"$(five "${P[@]}" scores --json)";                 row "pg scores --json" "$a" "$m" "$s_rank" "$s_records"
    read -r a m <<<"$(five "${P[@]}" department show GXJ --json)";    row "pg department show GXJ --json" "$a" "$m" "$s_records"
    read -r a m <<<"$(five "${P[@]}" status)";                        row "pg status" "$a" "$m" "$s_status"
    frames "pg " "${P[@]}"
    # Writes. An import of 100,000 promises into a county of its own (its units migrated in first),
    # beside the same import into a SQLite file; then 8 writers at once on each engine, each with its
    # own connection, adding complaints one transaction each (jiannuo-writers).
    "$bin" --db "$db" export commitments -o "$tmp/pg-commitments.csv"
    "$bin" --db "$db" export departments -o "$tmp/pg-departments.csv"
    head -n 100001 "$tmp/pg-commitments.csv" > "$tmp/pg-c100k.csv"
    "$bin" --db "$tmp/pg-units.sqlite" init >/dev/null 2>&1
    "$bin" --db "$tmp/pg-units.sqlite" import departments "$tmp/pg-departments.csv" >/dev/null
    cp "$tmp/pg-units.sqlite" "$tmp/pg-file.sqlite"
    "$bin" migrate --from "$tmp/pg-units.sqlite" --to "$uri" --county 410001 >/dev/null
    read -r a m <<<"$(once "$bin" --db "$uri" --county 410001 import commitments "$tmp/pg-c100k.csv")"
    read -r b _ <<<"$(once "$bin" --db "$tmp/pg-file.sqlite" import commitments "$tmp/pg-c100k.csv")"
    printf '%-44s %9.3f s %8d KB   SQLite  %8.3f s\n' "pg import 100,000 commitments (CSV)" "$a" "$m" "$b"
    # once() swallows a failure: the rows and the doctor say whether the import happened.
    printf '  rows imported: PostgreSQL %s, SQLite %s\n' \
        "$(pg_psql 'SELECT count(*) FROM ledger_410001.commitments')" \
        "$(sqlite3 "$tmp/pg-file.sqlite" 'SELECT count(*) FROM commitments')"
    "$bin" --db "$uri" --county 410001 doctor | grep -E '计分|审计' | sed 's/^/  /'
    writers=$(dirname "$bin")/jiannuo-writers
    w=("$writers" --writers 8 --writes 250 --department GXJ --today "$today")
    printf '  %-10s %s\n' PostgreSQL "$("${w[@]}" --db "$uri" --county 410000 2>&1 | tail -n 1)"
    printf '  %-10s %s\n' SQLite "$("${w[@]}" --db "$tmp/pg-file.sqlite" 2>&1 | tail -n 1)"
    [ "${PG_ONLY:-}" = 1 ] && exit 0
fi

echo "== a key in the intake form to its frame (render --timing --keys, 54 keys)"
keys="a Tab Tab Tab 王 小 明 Tab 1 3 8 1 2 3 4 5 6 7 8 Tab 4 1 0 4 2 2 1 0 1 Tab Tab Tab 路 灯 不 亮 已 经 两 周 BSpace BSpace 三 周 附 近 居 民 夜 间 出 行 不 便"
"${J[@]}" render --width 200 --height 60 --timing --keys "$keys" 2>&1 >/dev/null | grep keys= | sed 's/^/  province: /'

# --- The live dashboard in tmux: memory, and another process's write to the redrawn screen ----------
county=$tmp/county.sqlite
"$bin" --db "$county" demo --size county --today "$today" >/dev/null
"$bin" --db "$county" --today "$today" render --width 200 --height 60 --timing --keys "$keys" 2>&1 >/dev/null | grep keys= | sed 's/^/  county:   /'
complaints_total() { tmux -L "$sock" capture-pane -p -t "$1" | sed -n 's/.*2 投诉举报 ([0-9]*\/\([0-9]*\)).*/\1/p' | head -n 1; }
live() {   # live NAME DB: memory and redraw delay of a dashboard on DB
    local name=$1 file=$2
    tmux -L "$sock" new-session -d -s "$name" -x 200 -y 60 "exec env LANG=C.UTF-8 TERM=xterm-256color $bin --db $file --today $today"
    local pid; pid=$(tmux -L "$sock" list-panes -t "$name" -F '#{pane_pid}')
    for _ in $(seq 600); do complaints_total "$name" | grep -q . && ! tmux -L "$sock" capture-pane -p -t "$name" | grep -q 计算中 && break; sleep 0.1; done
    sleep 5
    local steady; steady=$(ps -o rss= -p "$pid" | tr -d ' ')
    local delays=()
    for i in 1 2 3; do
        local before; before=$(complaints_total "$name")
        "$bin" --db "$file" --today "$today" complaint add --channel hotline --department GXJ --content "计时 $i" >/dev/null
        local t0; t0=$(date +%s%N)
        while [ "$(complaints_total "$name")" = "$before" ]; do
            sleep 0.005
            (( ($(date +%s%N) - t0) > 10000000000 )) && break
        done
        delays+=("$(( ($(date +%s%N) - t0) / 1000000 ))")
        sleep 1
    done
    local peak; peak=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
    printf '  %-10s steady %6d KB, peak %6d KB; write → redrawn count: %s ms (median %s ms)\n' "$name" "$steady" "$peak" \
        "${delays[*]}" "$(printf '%s\n' "${delays[@]}" | median)"
    # The server exits with its last session; a new session started while it is exiting fails.
    tmux -L "$sock" kill-server
    for _ in $(seq 50); do tmux -L "$sock" list-sessions >/dev/null 2>&1 || break; sleep 0.1; done
}
echo "== the live dashboard (tmux 200x60): memory, another process's complaint add to the redrawn count"
live province "$db"
live county "$county"

# --- Readers while another process holds the write lock --------------------------------------------
echo "== read commands while another process holds BEGIN IMMEDIATE (1 run each, locked / unlocked)"
python3 -c "import sqlite3,sys,time; c=sqlite3.connect(sys.argv[1], isolation_level=None); c.execute('BEGIN IMMEDIATE'); print('locked', flush=True); time.sleep(40)" "$db" > "$tmp/lock" &
holder=$!
for _ in $(seq 100); do grep -q locked "$tmp/lock" 2>/dev/null && break; sleep 0.1; done
for cmd in "status" "alerts" "scores"; do
    locked=$(once "${J[@]}" $cmd | cut -d' ' -f1)
    printf '  %-12s locked %6.3f s\n' "$cmd" "$locked"
done
locked=$(once "${J[@]}" render --width 200 --height 60 | cut -d' ' -f1); printf '  %-12s locked %6.3f s\n' "render" "$locked"
kill $holder 2>/dev/null || true; wait $holder 2>/dev/null || true
for cmd in "status" "alerts" "scores"; do printf '  %-12s free   %6.3f s\n' "$cmd" "$(once "${J[@]}" $cmd | cut -d' ' -f1)"; done
printf '  %-12s free   %6.3f s\n' "render" "$(once "${J[@]}" render --width 200 --height 60 | cut -d' ' -f1)"

# --- Ledgers out and in ---------------------------------------------------------------------------
echo "== export and import (1 run each)"
read -r a m <<<"$(once "$bin" --db "$db" export complaints -o "$tmp/complaints.csv")"
s=$(once sh -c "sqlite3 -csv '$db' 'SELECT * FROM complaints' > '$tmp/complaints-sqlite.csv'" | cut -d' ' -f1)
row "export complaints (all, CSV)" "$a" "$m" "$s"
printf '  rows: ours %s, sqlite3 %s\n' "$(($(wc -l < "$tmp/complaints.csv") - 1))" "$(wc -l < "$tmp/complaints-sqlite.csv")"
rm -f "$tmp/complaints.csv" "$tmp/complaints-sqlite.csv"
"$bin" --db "$db" export commitments -o "$tmp/commitments.csv"
"$bin" --db "$db" export departments -o "$tmp/departments.csv"
head -n 100001 "$tmp/commitments.csv" > "$tmp/c100k.csv"
"$bin" --db "$tmp/empty.sqlite" init >/dev/null 2>&1
"$bin" --db "$tmp/empty.sqlite" import departments "$tmp/departments.csv" >/dev/null 2>&1
read -r a m <<<"$(once "$bin" --db "$tmp/empty.sqlite" import commitments "$tmp/c100k.csv")"
s=$(once sqlite3 "$tmp/plain.sqlite" ".import --csv $tmp/c100k.csv commitments" | cut -d' ' -f1)
row "import 100,000 commitments (CSV)" "$a" "$m" "$s"

# --- One write, with this binary and the baseline's -----------------------------------------------
write_cost() {
    local b=$1 d=$2
    "$b" --db "$d" demo --size county --today "$today" >/dev/null
    # By the clock in ns (`once`): /usr/bin/time counts in 10 ms, half the target.
    for i in 1 2 3 4 5 6 7 8 9; do
        once "$b" --db "$d" --today "$today" complaint add --channel hotline --department GXJ --content "计时 $i" | cut -d' ' -f1
    done | median
}
printf '%-44s %9.3f s\n' "one write (county demo, median of 9)" "$(write_cost "$bin" "$tmp/w.sqlite")"
if [ -n "${BASELINE_BIN:-}" ]; then
    printf '%-44s %9.3f s\n' "  baseline binary" "$(write_cost "$BASELINE_BIN" "$tmp/wb.sqlite")"
    "$BASELINE_BIN" --db "$tmp/base.sqlite" init >/dev/null
    "$BASELINE_BIN" --db "$tmp/base.sqlite" import departments "$tmp/departments.csv" >/dev/null
    read -r a m <<<"$(once "$BASELINE_BIN" --db "$tmp/base.sqlite" import commitments "$tmp/c100k.csv")"
    printf '%-44s %9.3f s %8d KB\n' "  baseline import 100,000" "$a" "$m"
fi
