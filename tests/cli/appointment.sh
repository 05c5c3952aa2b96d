#!/bin/sh
# CLI: appointment add, move, cancel, kept, no-show, list; the TCM visit window and its task;
# exact output, warnings on stderr, exit codes.
. "$TESTLIB/cli.sh"
DB="$T_TMP/clinic.db"
run() { cd_run --user alice --db "$DB" --now 2026-03-01T09:00 "$@"; }

run init --clinic "North Clinic" --timezone America/New_York
run patient add --mrn M1 --family "Núñez" --given "Zoë" --birth-date 1948-05-12
run patient add --mrn M2 --family Doe --given Jane --birth-date 1950-01-01
# a high-complexity discharge on 2026-03-05 (visit due by 03-12) with its open tcm_visit task
sqlite3 "$DB" "INSERT INTO encounters(patient_id, setting, discharge_date, complexity, tcm_eligible,
  source, external_id, created_at) VALUES (2, 'inpatient', '2026-03-05', 'high', 1, 'manual', 'v1',
  '2026-03-05T20:00:00Z');
  INSERT INTO tasks(patient_id, kind, due_at, due_date, encounter_id, created_at)
  VALUES (2, 'tcm_visit', '2026-03-13T04:59:59Z', '2026-03-12', 1, '2026-03-05T20:00:00Z');"

run appointment add M1 --at 2026-03-07T09:30 --duration 30 --with "Smith, Alan" --kind primary_care --location "Suite 4"
is_rc "add exits 0" 0
is "add output" "$OUT" "booked appointment 1: primary_care for M1 at 2026-03-07T09:30 America/New_York, 30 min, with Smith, Alan"
is "add is quiet on stderr" "$ERR" ""

run appointment add M2 --at 2026-03-14T10:00 --duration 30 --with "Dr. Lee" --kind tcm_visit
is_rc "a TCM visit outside the window is still booked" 0
is "late TCM visit output" "$OUT" "booked appointment 2: tcm_visit for M2 at 2026-03-14T10:00 America/New_York, 30 min, with Dr. Lee"
is "late TCM visit warning" "$ERR" "caredesk: warning: TCM visit on 2026-03-14 is after the 7-day window (high complexity, due by 2026-03-12); the tcm_visit task stays open (a visit by day 14 may still support 99495)"
is "task still open" "$(sqlite3 "$DB" "SELECT status FROM tasks WHERE id = 1")" "open"

run appointment move 2 --at 2026-03-11T10:00
is_rc "move exits 0" 0
is "move into the window closes the task" "$OUT" "moved appointment 2 (sequence 1)
closed task 1 (TCM face-to-face visit)"
is "task closed by the appointment" "$(sqlite3 "$DB" "SELECT status, appointment_id, close_reason FROM tasks WHERE id = 1")" "done|2|TCM visit booked (appointment 2)"

run appointment move 2 --at 2026-03-11T10:00
is "same move changes nothing" "$OUT" "appointment 2 unchanged (sequence 1)"
run appointment move 1 --location "Room 2" --duration 45
is "new place and length" "$OUT" "moved appointment 1 (sequence 1)"

run appointment add M1 --at 2026-11-01T01:30 --duration 30 --with "Dr. Lee" --kind telehealth
is "ambiguous wall time warns" "$ERR" "caredesk: warning: 2026-11-01T01:30 happens twice in America/New_York (the clocks go back); booked at the first, EDT"
run appointment add M1 --at 2026-02-27T08:00 --duration 15 --with Lab --kind lab
run appointment no-show 4
is "no-show" "$OUT" "appointment 4 is a no-show (sequence 1)"
run appointment kept 4
is "kept corrects no-show" "$OUT" "appointment 4 is kept (sequence 2)"
run appointment kept 4
is "kept again" "$OUT" "appointment 4 was already kept (sequence 2)"
run appointment kept 3
is_rc "future visit cannot be kept" 1
is "future kept message" "$ERR" "caredesk: appointment 3 is on 2026-11-01, still to come; mark it kept on the day or later"

run appointment cancel 3 --reason "patient asked"
is "cancel" "$OUT" "appointment 3 is cancelled (sequence 1)"
run appointment cancel 2
is "cancelling the TCM visit reopens its task" "$OUT" "appointment 2 is cancelled (sequence 2)
reopened task 1 (TCM face-to-face visit)"
run appointment move 2 --at 2026-03-12T10:00
is_rc "a cancelled appointment cannot move" 1
is "move refusal" "$ERR" "caredesk: appointment 2 is cancelled; only a booked appointment can be moved"

run appointment list
is "list" "$OUT" "id	mrn	patient	kind	start	duration	provider	location	status	sequence
4	M1	Núñez, Zoë	lab	2026-02-27T08:00	15	Lab		kept	2
1	M1	Núñez, Zoë	primary_care	2026-03-07T09:30	45	Smith, Alan	Room 2	booked	1
2	M2	Doe, Jane	tcm_visit	2026-03-11T10:00	30	Dr. Lee		cancelled	2
3	M1	Núñez, Zoë	telehealth	2026-11-01T01:30	30	Dr. Lee		cancelled	1"
run appointment list --from 2026-03-01 --to 2026-03-31 --patient M2 --format json
is "list json, filtered" "$OUT" '[
 {"id": 2, "mrn": "M2", "patient": "Doe, Jane", "kind": "tcm_visit", "start": "2026-03-11T10:00", "duration": 30, "provider": "Dr. Lee", "location": null, "status": "cancelled", "sequence": 2}
]'
run appointment list --to 2026-03-06
is "list to a date" "$(printf '%s\n' "$OUT" | cut -f1 | tr '\n' ' ')" "id 4 "

# errors: one line naming the field, exit 1; usage errors exit 2
run appointment add M1 --at 2026-03-08T02:30 --duration 30 --with X
is_rc "skipped wall time refused" 1
is "skipped wall time message" "$ERR" "caredesk: start: '2026-03-08T02:30' does not exist in America/New_York (the clocks skip it for daylight saving time)"
run appointment add M1 --at 2026-03-10T09:30 --duration 30 --with X --kind dentist
is "bad kind" "$ERR" "caredesk: kind: 'dentist' is not a kind (tcm_visit, primary_care, specialist, lab, telehealth, other)"
run appointment add NOPE --at 2026-03-10T09:30 --duration 30 --with X
is "unknown MRN" "$ERR" "caredesk: no patient with MRN 'NOPE'"
run appointment add M1 --at 2026-03-10T09:30 --duration 0 --with X
is_rc "bad duration is a usage error" 2
like "bad duration message" "$ERR" "^caredesk: --duration: '0' is not a whole number from 1 to 1440"
run appointment add M1 --at 2026-03-10T09:30
is_rc "missing options" 2
like "missing options message" "$ERR" "^caredesk: appointment add needs --at, --duration and --with"
run appointment cancel x
is_rc "bad id" 2
run appointment cancel 99
is "unknown id" "$ERR" "caredesk: no appointment with id 99"
run appointment list --from 2026-13-01
is "bad date" "$ERR" "caredesk: from: '2026-13-01' is not a date (YYYY-MM-DD)"
run appointment frob
is_rc "unknown action" 2
is "nothing half-written" "$(sqlite3 "$DB" "SELECT count(*) FROM appointments")" "4"
is "every change audited" "$(sqlite3 "$DB" "SELECT group_concat(a, ',') FROM (SELECT entity_id || ':' || action AS a FROM audit_log WHERE entity = 'appointment' ORDER BY id)")" "1:book,2:book,2:move,1:move,3:book,4:book,4:no_show,4:kept,3:cancel,2:cancel"
done_testing
