#!/bin/sh
# CLI: ending a program (a refusal with --end-program, disenroll) cancels the tasks that exist only
# for it and says how many; no call is logged after a death; a refusal is never told to keep
# trying; a death's note and its cancellations read right on the timeline; the day's generated
# tasks are caredesk's, not the user's whose command ran the generation.
. "$TESTLIB/cli.sh"
. "$TESTLIB/fixture.sh"
DB="$T_TMP/clinic.db"
NOW=2026-11-20T10:00
as() { cd_as "$@"; }
clinic "$NOW"
as alice $NOW user add sam --name "Sam Diaz" --role scheduler

cat >"$T_TMP/home.csv" <<'EOF'
mrn,family_name,given_name,birth_date,discharge_at,setting,disposition
1001,Doe,Jane,1940-01-01,2026-11-19T10:00,inpatient,01
1002,Roe,Al,1941-02-02,2026-11-19T11:00,inpatient,01
1003,Poe,Ed,1942-03-03,2026-11-19T12:00,inpatient,01
EOF
as alice $NOW import "$T_TMP/home.csv"
as alice $NOW enroll 1001 --program ccm --consent verbal --date 2026-10-01
as alice $NOW enroll 1003 --program ccm --consent verbal --date 2026-10-01
as sam $NOW worklist
is "the day's outreach is caredesk's, though sam's command made it" \
  "$(as sam $NOW timeline 1001 --kind task_created; echo "$OUT" | grep 'contact yet' | cut -f4)" "caredesk"

open_tasks() {
  sqlite3 "$DB" "SELECT group_concat(kind, ',') FROM (SELECT t.kind FROM tasks t JOIN patients p ON p.id = t.patient_id WHERE p.mrn = '$1' AND t.status = 'open' ORDER BY t.kind)"
}
is "before: TCM contact, visit and outreach open" "$(open_tasks 1001)" "ccm_outreach,tcm_contact,tcm_visit"

# a refusal without --end-program: no "keep trying", and the way to end it is disenroll
as mrivera $NOW log-call 1001 --outcome refused
is "a refusal is not told to keep trying" "$OUT" "logged refused (phone) for 1001 at 2026-11-20 10:00 by mrivera
TCM contact due 2026-11-23: 1 of 2 unsuccessful attempts on separate days
1001 is still enrolled in ccm,tcm; to end one: disenroll 1001 --program PROGRAM --reason refused"

# ending TCM with the refusal cancels its contact and visit
as mrivera $NOW log-call 1001 --outcome refused --end-program tcm
is_rc "refused, tcm ended" 0
is "says how many tasks it cancelled" "$(echo "$OUT" | tail -2)" "ended 1001's tcm enrollment: refused; 2 open tasks cancelled
1001 is still enrolled in ccm; to end it: disenroll 1001 --program ccm --reason refused"
is "only the outreach stays" "$(open_tasks 1001)" "ccm_outreach"
is "closed with the reason" "$(sqlite3 "$DB" "SELECT group_concat(close_reason, ',') FROM tasks WHERE kind LIKE 'tcm_%' AND patient_id = (SELECT id FROM patients WHERE mrn = '1001')")" \
  "program ended: refused,program ended: refused"
as mrivera $NOW timeline 1001 --kind note
is "the timeline says when and by whom the program ended" "$(echo "$OUT" | grep Ended | cut -f3-)" "note	Maria Rivera	Ended TCM: Patient refused further services"
as mrivera $NOW tcm-status 1001
is "tcm-status: the ended program earns nothing more, and says why" "$(echo "$OUT" | cut -f5,10,11)" "contact	99495	99495_why
pending	lost	the TCM program ended on Nov 20: refused"

# disenroll from CCM: the outreach goes too
as mrivera $NOW disenroll 1001 --program ccm --reason refused
is "disenroll says how many" "$OUT" "ended 1001's ccm enrollment on 2026-11-20: Patient refused further services; 1 open task cancelled"
is "nothing left open" "$(open_tasks 1001)" ""
as alice $NOW check
is "check finds nothing" "$OUT$RC" "0"

# --end-program all ends both and their tasks
as mrivera $NOW log-call 1003 --outcome refused --end-program all
is "all: both named, their three tasks" "$(echo "$OUT" | tail -1)" "ended 1003's ccm,tcm enrollments: refused; 3 open tasks cancelled"
is "none open" "$(open_tasks 1003)" ""

# no call after a death, nor does one count as the TCM contact
as alice $NOW appointment add 1002 --at 2026-12-10T14:00 --duration 30 --with "Dr Lee" --kind specialist
as mrivera 2026-11-20T10:00 patient deceased 1002 --date 2026-11-19 --note "Daughter called: died at home"
is_rc "death recorded" 0
as mrivera 2026-11-20T11:00 log-call 1002 --outcome reached
is_rc "a call after the death is refused" 1
is "in the time rule's words" "$ERR" "caredesk: contact on 2026-11-20 is after 1002's date of death (2026-11-19)"
is "not counted" "$(as alice 2026-11-20T11:00 tcm-status 1002; echo "$OUT" | grep -c on_time)" "0"
as mrivera 2026-11-20T11:00 timeline 1002 --kind note,appointment_update
is "the note on the death's entry; the cancellation names who recorded it" "$(echo "$OUT" | cut -f3-)" "kind	who	text
note	Maria Rivera	Died 2026-11-19 (recorded by hand): Daughter called: died at home. Outreach stopped: 1 enrollment ended (tcm), 2 tasks and 1 visit cancelled.
appointment_update	Maria Rivera	Cancelled: Specialist visit with Dr Lee on 2026-12-10 14:00"
done_testing
