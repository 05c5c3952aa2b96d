#!/bin/sh
# SPDX-License-Identifier: MIT
# Benchmark: the daily call list on a 100,000-patient database. BENCH_DB names one to use (a copy
# is made; e.g. from 'caredesk demo --patients 100000'); otherwise one is synthesized with sqlite3:
# 50 coordinators, 100,000 patients (30% in CCM/PCM), 200,000 discharges, 400,000 tasks,
# 500,000 calls, 300,000 time entries. Prints: the first call of the day (it generates the
# month's outreach), the whole 'caredesk worklist --user mrivera' process, the same query in the
# sqlite3 shell (the floor) by task and by patient in alternating runs (target for the per-patient
# list: within 1.2x), and the screen's key-press-to-list time (target: under 10 ms). Then
# month start (December 1): the whole process generating in line, and the workstation's time to
# its first drawn list while the generation runs on its worker, and to the generated rows.
# BENCH_SAVE=PATH keeps the synthesized database for BENCH_DB=PATH next time.
set -u
umask 077 # the databases it makes and saves are the clinic's shape: private
: "${CAREDESK:?}"
tmp="${BENCH_TMP:-/tmp}/worklist.$$"
mkdir -p -m 700 "$tmp"
trap 'rm -rf "$tmp"' EXIT
db="$tmp/bench.db"
NOW=2026-11-23T09:00
cd_() { "$CAREDESK" --user bench --db "$db" --now $NOW "$@"; }
if [ -n "${BENCH_DB:-}" ] && [ -f "$BENCH_DB" ]; then
    sqlite3 "$BENCH_DB" ".backup '$db'" || exit 1
    login=$(sqlite3 "$db" "SELECT login FROM users WHERE login = 'mrivera'")
    [ "$login" = mrivera ] || { echo "BENCH_DB has no user mrivera" >&2; exit 1; }
    # the runs act as --user bench: a staff member on the copy
    sqlite3 "$db" "INSERT OR IGNORE INTO users(login, name, role, created_at) VALUES ('bench', 'Bench', 'admin', '2026-01-01T00:00:00Z')" || exit 1
else
    cd_ init --clinic "Bench Clinic" --timezone America/New_York >/dev/null || exit 1
    start=$(date +%s)
    sqlite3 "$db" <<'SQL' || exit 1
PRAGMA journal_mode = WAL;
BEGIN;
INSERT INTO users(login, name, role, team, created_at) VALUES ('mrivera', 'Maria Rivera', 'coordinator', 'north', '2026-01-01T00:00:00Z');
WITH RECURSIVE n(i) AS (SELECT 3 UNION ALL SELECT i + 1 FROM n WHERE i < 51)
INSERT INTO users(login, name, role, team, created_at)
SELECT printf('c%02d', i), printf('Coordinator %d', i), 'coordinator', CASE i % 2 WHEN 0 THEN 'north' ELSE 'south' END, '2026-01-01T00:00:00Z' FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 99999)
INSERT INTO patients(mrn, family_name, given_name, birth_date, sex, phone, language, coordinator_id, risk_tier, lace_score, name_key, created_at, updated_at)
SELECT printf('B%06d', i), f, g, date('1930-01-01', printf('+%d days', (i * 37) % 25000)),
       CASE i % 2 WHEN 0 THEN 'F' ELSE 'M' END, printf('555-%04d', i % 10000),
       CASE i % 9 WHEN 0 THEN 'Spanish' ELSE 'English' END, 2 + i % 50,
       CASE i % 7 WHEN 0 THEN 'high' WHEN 1 THEN 'moderate' WHEN 2 THEN 'low' WHEN 3 THEN 'low' ELSE NULL END,
       CASE i % 7 WHEN 0 THEN 12 WHEN 1 THEN 7 ELSE 3 END, lower(f || ' ' || g), '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'
FROM (SELECT i, (SELECT value FROM json_each('["Garcia","Smith","Nguyen","Okafor","Müller","Rossi","Kowalski","Haddad","Tanaka","Ivanova"]') WHERE key = i % 10) AS f,
             (SELECT value FROM json_each('["Ana","Ben","Chloé","Dmitri","Eve","Farid","Grace","Hiro","Inés","José","Kemal"]') WHERE key = (i / 10) % 11) AS g FROM n);
INSERT INTO enrollments(patient_id, program, status, start_date, consent_date, consent_method, created_at)
SELECT id, CASE id % 30 WHEN 0 THEN 'ccm_complex' WHEN 1 THEN 'pcm' ELSE 'ccm' END, 'active', '2025-06-01', '2025-06-01', 'verbal', '2025-06-01T00:00:00Z'
FROM patients WHERE ((id - 1) / 50) % 10 < 3;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 199999)
INSERT INTO encounters(patient_id, setting, facility, admit_at, discharge_at, discharge_date, disposition, status, tcm_eligible, source, external_id, created_at)
SELECT 1 + (i * 7919) % 100000, 'inpatient', 'General',
       strftime('%Y-%m-%dT%H:%M:%SZ', '2026-11-23T14:00:00Z', printf('-%d hours', (i * 13) % 17520 + 72)),
       strftime('%Y-%m-%dT%H:%M:%SZ', '2026-11-23T14:00:00Z', printf('-%d hours', (i * 13) % 17520)),
       date('2026-11-23T09:00:00', printf('-%d hours', (i * 13) % 17520)), '01', 'discharged', 1, 'demo', 'E' || i, '2026-01-01T00:00:00Z' FROM n;
INSERT INTO tasks(patient_id, kind, title, due_at, due_date, status, assignee_id, encounter_id, attempts_satisfied, gen_key, created_at, closed_at, close_reason)
SELECT e.patient_id, 'tcm_contact', NULL, date(e.discharge_date, '+2 days') || 'T04:59:59Z', date(e.discharge_date, '+2 days'),
       CASE WHEN e.discharge_date >= '2026-11-19' THEN 'open' ELSE 'done' END, p.coordinator_id, e.id, 0,
       'tcm_contact:' || e.id, e.created_at, CASE WHEN e.discharge_date >= '2026-11-19' THEN NULL ELSE e.discharge_at END,
       CASE WHEN e.discharge_date >= '2026-11-19' THEN NULL ELSE 'patient reached' END
FROM encounters e JOIN patients p ON p.id = e.patient_id;
INSERT INTO tasks(patient_id, kind, title, due_at, due_date, status, assignee_id, encounter_id, gen_key, created_at, closed_at, close_reason)
SELECT e.patient_id, 'tcm_visit', NULL, date(e.discharge_date, '+14 days') || 'T04:59:59Z', date(e.discharge_date, '+14 days'),
       CASE WHEN e.discharge_date >= '2026-11-09' AND e.id % 3 <> 0 THEN 'open' ELSE 'done' END, p.coordinator_id, e.id,
       'tcm_visit:' || e.id, e.created_at, CASE WHEN e.discharge_date >= '2026-11-09' AND e.id % 3 <> 0 THEN NULL ELSE e.discharge_at END,
       CASE WHEN e.discharge_date >= '2026-11-09' AND e.id % 3 <> 0 THEN NULL ELSE 'TCM visit booked' END
FROM encounters e JOIN patients p ON p.id = e.patient_id;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 1999)
INSERT INTO tasks(patient_id, kind, title, due_at, due_date, status, assignee_id, created_at)
SELECT 1 + (i * 104729) % 100000, 'callback', 'asked for a call back',
       strftime('%Y-%m-%dT%H:%M:%SZ', '2026-11-23T13:00:00Z', printf('+%d minutes', (i * 17) % 600)), '2026-11-23', 'open',
       2 + ((i * 104729) % 100000) % 50, '2026-11-22T15:00:00Z' FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 499999)
INSERT INTO contacts(patient_id, user_id, at, channel, outcome, interactive, note)
SELECT 1 + (i * 31) % 100000, 2 + i % 50, strftime('%Y-%m-%dT%H:%M:%SZ', '2026-11-23T13:00:00Z', printf('-%d minutes', (i * 61) % 1051200)),
       'phone', CASE i % 3 WHEN 0 THEN 'reached' WHEN 1 THEN 'voicemail' ELSE 'no_answer' END, i % 3 = 0, NULL FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 299999)
INSERT INTO time_entries(patient_id, user_id, program, performer_role, start_at, end_at, seconds, month, activity, source, created_at)
SELECT p, 2 + i % 50, 'ccm', 'clinical_staff', s, s, 300 + (i % 7) * 60, substr(s, 1, 7), 'call', 'demo', s
FROM (SELECT i, 1 + ((i * 3) % 30000) * 10 / 3 AS p,
             strftime('%Y-%m-%dT%H:%M:%SZ', '2026-11-23T13:00:00Z', printf('-%d minutes', (i * 7) % 525600)) AS s FROM n);
COMMIT;
ANALYZE;
SQL
    echo "synthesized in $(( $(date +%s) - start )) s"
    # BENCH_SAVE=PATH keeps a copy for later runs (BENCH_DB=PATH)
    [ -n "${BENCH_SAVE:-}" ] && sqlite3 "$db" ".backup '$BENCH_SAVE'"
fi
# the timed runs act as whoever runs the benchmark (no --user: acting as someone else is audited,
# a write of its own that a nurse's own list never pays), so that login is a staff member here
sqlite3 "$db" "INSERT OR IGNORE INTO users(login, name, role, created_at) VALUES ('$(id -un)', 'Bench runner', 'admin', '2026-01-01T00:00:00Z')" || exit 1
sqlite3 "$db" "SELECT 'patients ' || (SELECT count(*) FROM patients) || ', encounters ' || (SELECT count(*) FROM encounters) || ', tasks ' || (SELECT count(*) FROM tasks) || ' (' || (SELECT count(*) FROM tasks WHERE status = 'open') || ' open), contacts ' || (SELECT count(*) FROM contacts) || ', time entries ' || (SELECT count(*) FROM time_entries) || ', CCM/PCM enrollments ' || (SELECT count(*) FROM enrollments WHERE status = 'active' AND program IN ('ccm', 'ccm_complex', 'pcm'))"
t0=$(date +%s%N)
cd_ worklist --user mrivera >"$tmp/first.tsv" || exit 1
t1=$(date +%s%N)
echo "first call of the day (generates the month's outreach): $(( (t1 - t0) / 1000000 )) ms; created $(sqlite3 "$db" "SELECT count(*) FROM tasks WHERE kind = 'ccm_outreach'") outreach tasks"
sqlite3 "$db" "DELETE FROM settings WHERE key = 'worklist_generated'"
t0=$(date +%s%N)
cd_ worklist --user mrivera >"$tmp/list.tsv" || exit 1
t1=$(date +%s%N)
echo "a later day's first call (generation finds nothing new): $(( (t1 - t0) / 1000000 )) ms"
echo "mrivera's list: $(( $(wc -l <"$tmp/list.tsv") - 1 )) rows"
# The same query in the sqlite3 shell (the floor): mrivera's ids, the columns, the joins.
uid=$(sqlite3 "$db" "SELECT id FROM users WHERE login = 'mrivera'")
cat >"$tmp/query.sql" <<SQL
.output /dev/null
SELECT t.id, t.kind, t.title, t.due_at, t.due_date, t.patient_id, p.mrn, p.family_name || ', ' || p.given_name, p.phone, p.risk_tier, ua.login, uc.login, t.claimed_at, t.attempts_satisfied, e.discharge_date,
 (SELECT m.program FROM enrollments m WHERE m.patient_id = t.patient_id AND m.program IN ('ccm', 'ccm_complex', 'pcm') AND m.status = 'active' ORDER BY m.program = 'ccm_complex' DESC, m.program = 'ccm' DESC LIMIT 1),
 (SELECT m.program FROM enrollments m WHERE m.patient_id = t.patient_id AND m.status = 'active' ORDER BY m.program LIMIT 1),
 (SELECT sum(s.seconds) FROM time_entries s WHERE s.month = '2026-11' AND s.patient_id = t.patient_id AND s.program IN ('ccm', 'ccm_complex', 'pcm') AND s.voided = 0),
 CASE WHEN t.kind = 'tcm_contact' AND e.discharge_at IS NOT NULL THEN (SELECT count(*) FROM contacts c WHERE c.patient_id = t.patient_id AND c.at >= e.discharge_at) ELSE (SELECT count(*) FROM contacts c WHERE c.task_id = t.id) END, t.team
FROM (SELECT id FROM tasks WHERE status = 'open' AND assignee_id = $uid AND due_date <= '2026-11-23'
      UNION SELECT id FROM tasks WHERE status = 'open' AND assignee_id = $uid AND due_date > '2026-11-23' AND kind IN ('tcm_contact', 'tcm_visit')
      UNION SELECT id FROM tasks WHERE status = 'open' AND claimed_by = $uid AND claimed_at >= '2026-11-23T05:00:00Z' AND (due_date <= '2026-11-23' OR kind IN ('tcm_contact', 'tcm_visit'))) AS w
JOIN tasks t ON t.id = w.id JOIN patients p ON p.id = t.patient_id LEFT JOIN users ua ON ua.id = t.assignee_id LEFT JOIN users uc ON uc.id = t.claimed_by LEFT JOIN encounters e ON e.id = t.encounter_id
ORDER BY t.due_at;
SQL
build=$(dirname "$CAREDESK")
src=$(cd "$(dirname "$0")/../.." && pwd)
# Alternating runs (A B A B ...) so both see the same machine load: the whole process against the
# floor, for one line per task and one line per patient (its floor groups by patient).
sed 's/^ORDER BY t.due_at;$/ORDER BY t.patient_id, t.due_at;/' "$tmp/query.sql" >"$tmp/query_patient.sql"
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
alternate() { # LABEL RUNS CMD_A CMD_B: medians in us and the ratio A/B
    label=$1 runs=$2 a=$3 b=$4 i=0
    : >"$tmp/a.us"; : >"$tmp/b.us"
    while [ $i -lt "$runs" ]; do
        s=$(date +%s%N); $a >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000 )) >>"$tmp/a.us"
        s=$(date +%s%N); $b >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000 )) >>"$tmp/b.us"
        i=$((i + 1))
    done
    ma=$(median <"$tmp/a.us"); mb=$(median <"$tmp/b.us")
    echo "$label: caredesk median $ma us, sqlite3 shell median $mb us, ratio $(awk "BEGIN { printf \"%.2f\", $ma / $mb }") ($runs alternating runs each)"
}
alternate "worklist --by task (whole process)" 40 "$CAREDESK --db $db --now $NOW worklist --user mrivera" \
    "sqlite3 -init $tmp/query.sql $db .quit"
alternate "worklist --by patient (whole process)" 40 \
    "$CAREDESK --db $db --now $NOW worklist --user mrivera --by patient" \
    "sqlite3 -init $tmp/query_patient.sql $db .quit"
if cc -O2 -I"$src" -I"$build" -o "$tmp/bench_worklist" "$src/tests/bench/bench_worklist.c" \
    "$build/core/libcaredesk.a" $(pkg-config --libs sqlite3 libical jansson nettle) -lm 2>"$tmp/cc.log"; then
    "$tmp/bench_worklist" "$db" mrivera 200
else
    echo "bench_worklist.c did not build:"; cat "$tmp/cc.log"
fi
# Month start: the first call on December 1 cancels November's outreach and creates December's.
cp "$db" "$tmp/month.db"
t0=$(date +%s%N)
"$CAREDESK" --db "$tmp/month.db" --now 2026-12-01T08:00 worklist --user mrivera >/dev/null || exit 1
t1=$(date +%s%N)
echo "month start, whole process (generation in line): $(( (t1 - t0) / 1000000 )) ms; $(sqlite3 "$tmp/month.db" "SELECT count(*) FROM tasks WHERE kind = 'ccm_outreach' AND status = 'cancelled'") outreach cancelled, $(sqlite3 "$tmp/month.db" "SELECT count(*) FROM tasks WHERE gen_key LIKE 'ccm_outreach:%:2026-12'") created"
# The workstation at month start: the list is drawn while the generation runs on its worker;
# then the generated rows arrive. tmux polling adds tens of ms on a busy machine.
if command -v tmux >/dev/null 2>&1; then
    cp "$db" "$tmp/tui.db"
    sock="cd-bench-wl-$$"
    screen() { tmux -L "$sock" capture-pane -p -t b 2>/dev/null; }
    t0=$(date +%s%N)
    tmux -L "$sock" -f /dev/null new-session -d -s b -x 132 -y 40 env ESCDELAY=25 \
        LANG=C.UTF-8 TERM=tmux-256color "$CAREDESK" --db "$tmp/tui.db" --user mrivera \
        --now 2026-12-01T08:00
    n=0
    until screen | grep -qE '^ +1 '; do
        sleep 0.01; n=$((n + 1)); [ $n -gt 3000 ] && { echo "the list never showed"; break; }
    done
    t1=$(date +%s%N)
    pending=$(screen | grep -c "adding today's outreach")
    n=0
    until screen | grep -q 'My list' && ! screen | grep -q "adding today's outreach"; do
        sleep 0.1; n=$((n + 1)); [ $n -gt 600 ] && { echo "the generation never ended"; break; }
    done
    t2=$(date +%s%N)
    tmux -L "$sock" send-keys -t b q
    sleep 0.2
    tmux -L "$sock" kill-server 2>/dev/null
    echo "workstation at month start: first list drawn $(( (t1 - t0) / 1000000 )) ms (generation" \
        "pending: $([ "$pending" -gt 0 ] && echo yes || echo no)); generated rows in" \
        "$(( (t2 - t0) / 1000000 )) ms"
fi
