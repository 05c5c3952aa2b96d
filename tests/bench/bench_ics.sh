#!/bin/sh
# SPDX-License-Identifier: MIT
# bench_ics: export 100,000 appointments with `caredesk export-ics` and, on the same machine and
# the same appointments (written into calcurse's apts file), `calcurse --export=ical`.
# Prints both timings (hyperfine when installed, else the best of 5 runs).
set -u
: "${CAREDESK:?}"
N=${BENCH_ICS_N:-100000}
dir=${BENCH_TMP:-/tmp}/ics
[ -n "${BENCH_KEEP:-}" ] || rm -rf "$dir"
mkdir -p -m 700 "$dir" "$dir/cc" && chmod 700 "$dir"
db="$dir/bench.db"
for tool in sqlite3 calcurse; do
    command -v $tool >/dev/null 2>&1 || { echo "bench_ics: $tool not found; skipped"; exit 0; }
done
"$CAREDESK" --user bench --db "$db" --now 2026-01-02T08:00 init --timezone America/New_York >/dev/null || exit 1

# 1,000 patients and N appointments over 2026 between 08:00 and 16:45, inserted in bulk
sqlite3 "$db" <<SQL || exit 1
PRAGMA journal_mode = WAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
INSERT INTO patients(mrn, family_name, given_name, birth_date, name_key, created_at, updated_at)
SELECT 'B' || i, 'Family' || i, 'Given' || i, '1950-01-01', 'family' || i || ' given' || i,
       '2026-01-02T13:00:00Z', '2026-01-02T13:00:00Z' FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $N - 1),
  a AS (SELECT i, date('2026-01-05', '+' || (i % 360) || ' days') || 'T' ||
               printf('%02d:%02d', 8 + (i / 360) % 9, 15 * ((i / 3240) % 4)) AS local,
               lower(hex(randomblob(16))) AS h FROM n)
INSERT INTO appointments(uid, sequence, patient_id, kind, status, start_at, start_local,
    duration_min, tzid, provider, location, created_at, updated_at)
SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-' ||
       substr('89ab', 1 + (i % 4), 1) || substr(h, 18, 3) || '-' || substr(h, 21, 12),
       i % 3, 1 + i % 1000,
       CASE i % 6 WHEN 0 THEN 'tcm_visit' WHEN 1 THEN 'primary_care' WHEN 2 THEN 'specialist'
                  WHEN 3 THEN 'lab' WHEN 4 THEN 'telehealth' ELSE 'other' END,
       CASE WHEN i % 50 = 0 THEN 'cancelled' ELSE 'booked' END,
       strftime('%Y-%m-%dT%H:%M:%SZ', local, 'utc'), local, 15 + 15 * (i % 4), 'America/New_York',
       'Dr. Provider ' || (i % 20), 'Suite ' || (i % 12), '2026-01-02T13:00:00Z',
       '2026-01-02T13:00:00Z' FROM a;
COMMIT;
SQL
# the same appointments for calcurse: "MM/DD/YYYY @ HH:MM -> MM/DD/YYYY @ HH:MM |summary"
sqlite3 "$db" "SELECT strftime('%m/%d/%Y @ %H:%M', a.start_local) || ' -> ' ||
    strftime('%m/%d/%Y @ %H:%M', a.start_local, '+' || a.duration_min || ' minutes') || ' |' ||
    a.kind || ' - ' || substr(p.given_name, 1, 1) || '.' || substr(p.family_name, 1, 1) || '.'
    FROM appointments a JOIN patients p ON p.id = a.patient_id ORDER BY a.start_at, a.id" \
    >"$dir/cc/apts" || exit 1
touch "$dir/cc/todo"
TZ=America/New_York
export TZ

n=$("$CAREDESK" --user bench --db "$db" export-ics | grep -c '^BEGIN:VEVENT')
c=$(calcurse -D "$dir/cc" -C "$dir/cc" --export=ical </dev/null | grep -c '^BEGIN:VEVENT')
echo "appointments: $N; caredesk exports $n VEVENTs, calcurse $c"
if command -v /usr/bin/time >/dev/null 2>&1; then
    /usr/bin/time -f "caredesk export-ics: max RSS %M KiB" "$CAREDESK" --user bench --db "$db" export-ics >/dev/null
    /usr/bin/time -f "calcurse --export=ical: max RSS %M KiB" calcurse -D "$dir/cc" -C "$dir/cc" --export=ical </dev/null >/dev/null
fi
if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N --warmup 1 --runs "${BENCH_RUNS:-5}" --style basic \
        --command-name "caredesk export-ics ($N)" "$CAREDESK --user bench --db $db export-ics" \
        --command-name "calcurse --export=ical ($N)" "calcurse -D $dir/cc -C $dir/cc --export=ical" \
        2>&1 | grep -Ev '^ *$'
else
    best() {
        b=""
        for r in 1 2 3 4 5; do
            s=$(date +%s%N)
            "$@" >/dev/null </dev/null
            e=$(date +%s%N)
            t=$(((e - s) / 1000000))
            [ -z "$b" ] || [ "$t" -lt "$b" ] && b=$t
        done
        echo "$b"
    }
    echo "caredesk export-ics: best of 5 $(best "$CAREDESK" --user bench --db "$db" export-ics) ms"
    echo "calcurse --export=ical: best of 5 $(best calcurse -D "$dir/cc" -C "$dir/cc" --export=ical) ms"
fi
[ -n "${BENCH_KEEP:-}" ] || rm -rf "$dir"
