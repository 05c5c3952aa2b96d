#!/bin/sh
# SPDX-License-Identifier: MIT
# Benchmark: open the chart of a patient with 10,000 timeline events (first page of 40 rows),
# whole process, against a patient with 10 events. Target: under 10 ms for the first screen.
set -u
: "${CAREDESK:?}"
tmp="${BENCH_TMP:-/tmp}/timeline.$$"
mkdir -p -m 700 "$tmp"
trap 'rm -rf "$tmp"' EXIT
db="$tmp/bench.db"
cd_() { "$CAREDESK" --user bench --db "$db" --now 2026-11-02T09:00 "$@"; }
cd_ init --clinic "Bench Clinic" --timezone America/New_York >/dev/null || exit 1
cd_ patient add --mrn BIG --family Many --given Events --birth-date 1950-01-01 >/dev/null || exit 1
cd_ patient add --mrn SMALL --family Few --given Events --birth-date 1950-01-01 >/dev/null || exit 1
# 10,000 events for BIG (2,500 each of notes, calls, time entries and tasks, over ~3 years) and
# 10 for SMALL, written straight with sqlite3.
sqlite3 "$db" <<'SQL' || exit 1
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2500)
INSERT INTO notes(patient_id, user_id, at, text)
SELECT 1, 1, strftime('%Y-%m-%dT%H:%M:%SZ', '2026-11-01', printf('-%d minutes', i * 631)),
       'Note ' || i || char(10) || 'second line' FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2500)
INSERT INTO contacts(patient_id, user_id, at, outcome, interactive, note)
SELECT 1, 1, strftime('%Y-%m-%dT%H:%M:%SZ', '2026-11-01', printf('-%d minutes', i * 631 + 7)),
       CASE i % 3 WHEN 0 THEN 'reached' WHEN 1 THEN 'voicemail' ELSE 'no_answer' END, i % 3 = 0,
       'call ' || i FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2500)
INSERT INTO time_entries(patient_id, user_id, program, performer_role, start_at, end_at, seconds,
       month, activity, source, created_at)
SELECT 1, 1, 'ccm', 'clinical_staff',
       strftime('%Y-%m-%dT%H:%M:%SZ', '2026-11-01', printf('-%d minutes', i * 631 + 7)),
       strftime('%Y-%m-%dT%H:%M:%SZ', '2026-11-01', printf('-%d minutes', i * 631)),
       420, '2026-10', 'call', 'demo', '2026-11-01T00:00:00Z' FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2500)
INSERT INTO tasks(patient_id, kind, title, due_at, due_date, created_at)
SELECT 1, 'followup', 'Follow-up ' || i, '2026-11-01T00:00:00Z', '2026-11-01',
       strftime('%Y-%m-%dT%H:%M:%SZ', '2026-11-01', printf('-%d minutes', i * 631 + 99)) FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10)
INSERT INTO notes(patient_id, user_id, at, text)
SELECT 2, 1, strftime('%Y-%m-%dT%H:%M:%SZ', '2026-11-01', printf('-%d days', i)), 'Note ' || i FROM n;
COMMIT;
ANALYZE;
SQL
rows=$(cd_ timeline BIG --limit 40 | wc -l)
[ "$rows" = 41 ] || { echo "timeline BIG printed $rows lines, want 41" >&2; exit 1; }
echo "events: BIG $(sqlite3 "$db" "SELECT (SELECT count(*) FROM notes WHERE patient_id = 1) + (SELECT count(*) FROM contacts) + (SELECT count(*) FROM time_entries) + (SELECT count(*) FROM tasks)"), SMALL 10"
# the query alone, through core (the chart's first screen)
build=$(dirname "$CAREDESK")
src=$(cd "$(dirname "$0")/../.." && pwd)
if cc -O2 -I"$src" -I"$build" -o "$tmp/bench_timeline" "$src/tests/bench/bench_timeline.c" \
    "$build/core/libcaredesk.a" $(pkg-config --libs sqlite3 libical jansson nettle) -lm 2>"$tmp/cc.log"; then
    "$tmp/bench_timeline" "$db" BIG 200
    "$tmp/bench_timeline" "$db" SMALL 200
else
    echo "bench_timeline.c did not build:"; cat "$tmp/cc.log"
fi
if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N --warmup 3 --runs 30 --style basic \
        "$CAREDESK --user bench --db $db --now 2026-11-02T09:00 timeline BIG --limit 40" \
        "$CAREDESK --user bench --db $db --now 2026-11-02T09:00 timeline SMALL --limit 40" \
        "$CAREDESK --user bench --db $db --now 2026-11-02T09:00 timeline BIG --limit 40 --before 2025-01-15" \
        "$CAREDESK --user bench --db $db --now 2026-11-02T09:00 timeline BIG --limit 40 --kind call --search 'call 24'" 2>&1 |
        grep -E 'Benchmark|Time'
else
    for who in BIG SMALL; do
        start=$(date +%s%N)
        i=0
        while [ $i -lt 30 ]; do cd_ timeline "$who" --limit 40 >/dev/null; i=$((i + 1)); done
        end=$(date +%s%N)
        echo "timeline $who --limit 40: $(( (end - start) / 30000 )) us per run (whole process)"
    done
fi
