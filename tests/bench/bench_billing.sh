#!/bin/sh
# SPDX-License-Identifier: MIT
# bench_billing: 'caredesk billing --month M' over a 100,000-patient database, beside the same
# aggregate run as plain SQL in the sqlite3 shell (the floor; target: within 1.5x).
# BENCH_DB names a database (e.g. from 'caredesk demo --patients 100000'); without it a synthetic
# one is built with sqlite3: 100,000 patients in CCM, 500,000 time entries over two months.
set -eu
: "${CAREDESK:?}"
tmp=${BENCH_TMP:-${TMPDIR:-/tmp}/caredesk-bench}
mkdir -p -m 700 "$tmp" && chmod 700 "$tmp"
month=${BENCH_MONTH:-2026-11}
command -v sqlite3 >/dev/null || { echo "bench_billing: sqlite3 not found; skipped"; exit 0; }

if [ -n "${BENCH_DB:-}" ]; then
    db=$BENCH_DB
else
    db="$tmp/billing.db"
    if [ ! -f "$db" ]; then
        trap 'rm -f "$db" "$db-wal" "$db-shm"' EXIT
        "$CAREDESK" --user bench --db "$db" --now "$month-28T09:00" init --timezone America/New_York >/dev/null
        sqlite3 "$db" <<SQL
PRAGMA foreign_keys = OFF;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
INSERT INTO patients(id, mrn, family_name, given_name, birth_date, name_key, created_at, updated_at)
SELECT i, printf('M%06d', i), 'Family' || i, 'Given' || (i % 97), '1950-01-01',
       'family' || i || ' given' || (i % 97), '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM n;
INSERT INTO enrollments(patient_id, program, status, start_date, consent_date, consent_method,
                        consent_by, created_at, created_by)
SELECT id, CASE WHEN id % 10 = 0 THEN 'ccm_complex' WHEN id % 10 = 1 THEN 'pcm' ELSE 'ccm' END,
       'active', '2026-01-01', CASE WHEN id % 50 = 0 THEN NULL ELSE '2026-01-01' END,
       CASE WHEN id % 50 = 0 THEN 'none' ELSE 'verbal' END, 1, '2026-01-01T00:00:00Z', 1
FROM patients;
WITH RECURSIVE k(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j < 4)
INSERT INTO time_entries(patient_id, user_id, program, performer_role, start_at, end_at, seconds,
                         month, activity, source, created_at)
SELECT pid, 1, program, role, day || 'T14:00:00Z', day || 'T14:30:00Z', secs, substr(day, 1, 7),
       'call', 'demo', '2026-01-01T00:00:00Z'
FROM (SELECT p.id AS pid, e.program AS program,
             CASE WHEN (p.id + k.j) % 9 = 0 THEN 'practitioner' ELSE 'clinical_staff' END AS role,
             300 + (p.id * 7 + k.j * 131) % 1500 AS secs,
             CASE WHEN k.j < 3 THEN '$month' ELSE strftime('%Y-%m', '$month-01', '-1 month') END
             || printf('-%02d', 2 + (p.id + k.j * 5) % 26) AS day
      FROM patients p JOIN enrollments e ON e.patient_id = p.id, k);
COMMIT;
ANALYZE;
SQL
        trap - EXIT
    fi
fi

last=$(date -d "$month-01 +1 month -1 day" +%F)
q="$tmp/billing.sql"
cat > "$q" <<SQL
.parameter set :month "'$month'"
.parameter set :first "'$month-01'"
.parameter set :last "'$last'"
WITH te AS MATERIALIZED (SELECT patient_id, program, performer_role AS role, seconds,
  date(start_at, 'localtime') AS day FROM time_entries WHERE month = :month AND voided = 0),
s AS MATERIALIZED (SELECT te.patient_id, te.program, te.role, te.seconds, coalesce((SELECT max(CASE
  WHEN e.consent_method IN ('verbal', 'written') AND e.consent_date <= te.day THEN 3
  WHEN e.consent_method IN ('verbal', 'written') THEN 2 ELSE 1 END) FROM enrollments e
  WHERE e.patient_id = te.patient_id AND e.program = te.program AND e.status <> 'declined'
  AND e.start_date <= te.day AND (e.end_date IS NULL OR e.end_date >= te.day)), 0) AS st FROM te)
SELECT p.mrn, p.family_name || ', ' || p.given_name AS patient, s.program, s.role,
  sum(s.seconds) AS seconds, sum(CASE WHEN s.st = 3 THEN s.seconds ELSE 0 END) AS billable,
  sum(CASE WHEN s.st = 2 THEN s.seconds ELSE 0 END) AS before_consent,
  sum(CASE WHEN s.st = 1 THEN s.seconds ELSE 0 END) AS no_consent,
  EXISTS (SELECT 1 FROM enrollments a WHERE a.patient_id = s.patient_id AND a.program = 'apcm'
  AND a.status <> 'declined' AND a.start_date <= :last AND (a.end_date IS NULL OR a.end_date >= :first)) AS apcm
FROM s JOIN patients p ON p.id = s.patient_id
GROUP BY p.mrn, s.program, s.role ORDER BY p.mrn, s.program, s.role;
SQL
zone=$(sqlite3 "$db" "SELECT value FROM settings WHERE key = 'timezone'")
export TZ="$zone"
entries=$(sqlite3 "$db" "SELECT count(*) FROM time_entries WHERE month = '$month' AND voided = 0")
rows=$("$CAREDESK" --user bench --db "$db" billing --month "$month" | wc -l)
echo "database: $db ($(sqlite3 "$db" 'SELECT count(*) FROM patients') patients, $entries entries in $month; $((rows - 1)) billing rows)"
if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 1 --runs "${BENCH_RUNS:-10}" --export-json "$tmp/billing.json" \
        -n "caredesk billing" "$CAREDESK --user bench --db $db billing --month $month" \
        -n "sqlite3 shell" "sqlite3 -readonly -batch $db \".read $q\""
    awk -F'[:,]' '/"command"/ {c = $2} /"mean"/ {gsub(/ /, "", $2); m[++n] = $2}
        END { if (n == 2) printf "ratio caredesk / sqlite3 shell: %.2fx (target 1.5x)\n", m[1] / m[2] }' \
        "$tmp/billing.json"
else
    for cmd in caredesk sqlite3; do
        start=$(date +%s%N)
        for i in 1 2 3 4 5; do
            if [ $cmd = caredesk ]; then "$CAREDESK" --user bench --db "$db" billing --month "$month" >/dev/null
            else sqlite3 -readonly -batch "$db" ".read $q" >/dev/null; fi
        done
        echo "$cmd: $(( ($(date +%s%N) - start) / 5000000 )) ms per run"
    done
fi
