#!/bin/sh
# CLI: a death stops outreach, whichever path reports it (a CSV discharge with an expired
# disposition, an HL7 A03 with PID-29/PID-30, a nurse by hand): enrollments end with reason died,
# tasks and the visits to come are cancelled (CANCELLED, SEQUENCE 1 in the next export), the
# patient leaves every list and time after the death is refused. A refusal may end a program.
. "$TESTLIB/cli.sh"
. "$TESTLIB/fixture.sh"
DB="$T_TMP/clinic.db"
NOW=2026-11-20T10:00
as() { cd_as "$@"; }
clinic "$NOW"
as alice $NOW user add sam --name "Sam Diaz" --role scheduler

# 1001 home on the 16th (TCM), CCM since October, a visit booked for December
cat >"$T_TMP/home.csv" <<'EOF'
mrn,family_name,given_name,birth_date,discharge_at,setting,disposition
1001,Doe,Jane,1940-01-01,2026-11-16T10:00,inpatient,01
1002,Roe,Al,1941-02-02,2026-11-16T11:00,inpatient,01
EOF
as alice $NOW import "$T_TMP/home.csv"
as alice $NOW enroll 1001 --program ccm --consent verbal --date 2026-10-01
as alice $NOW appointment add 1001 --at 2026-12-10T14:00 --duration 30 --with "Dr Lee" --kind specialist
as alice $NOW worklist --all
is "before: 1001 (TCM contact and visit, CCM outreach) and 1002 on the list" "$(echo "$OUT" | cut -f6 | sort | uniq -c | tr -s ' ')" \
" 3 1001
 2 1002
 1 mrn"

# died in hospital: the expired disposition (20) on a CSV discharge
cat >"$T_TMP/died.csv" <<'EOF'
mrn,family_name,given_name,birth_date,discharge_at,setting,disposition
1001,Doe,Jane,1940-01-01,2026-11-19T08:15,inpatient,20
EOF
as alice $NOW import "$T_TMP/died.csv"
is_rc "death import succeeds" 0
is "import says what the death ended" "$OUT" "import $T_TMP/died.csv: patients 0 new, 0 updated; discharges 1 new (1 not eligible for TCM), 0 already known; tasks 0 created; messages 0 skipped; 1 death recorded, outreach stopped: enrollments 2 ended, tasks 3 cancelled, visits 1 cancelled"
as alice $NOW worklist --all
is "1001 is off the list" "$(echo "$OUT" | cut -f6 | sort | uniq -c | tr -s ' ')" \
" 2 1002
 1 mrn"
is "enrollments ended with reason died" \
   "$(sqlite3 "$DB" "SELECT program, end_date, end_reason FROM enrollments e JOIN patients p ON p.id = e.patient_id WHERE mrn = '1001' ORDER BY program")" \
"ccm|2026-11-19|died
tcm|2026-11-19|died"
as alice $NOW timeline 1001 --kind note
is "one timeline entry" "$(echo "$OUT" | tail -n +2 | cut -f3-)" \
"note	alice	Died 2026-11-19 (reported by the discharge). Outreach stopped: 2 enrollments ended (ccm,tcm), 3 tasks and 1 visit cancelled."
as alice $NOW export-ics -o "$T_TMP/after.ics"
is "the visit goes out CANCELLED with SEQUENCE 1" \
   "$(grep -E '^(STATUS|SEQUENCE)' "$T_TMP/after.ics" | tr -d '\r' | tr '\n' ' ')" \
   "STATUS:CANCELLED SEQUENCE:1 "
as mrivera $NOW time add 1001 10 --date 2026-11-20 --program coordination
is_rc "time after the death refused" 1
is "time message" "$ERR" "caredesk: time on 2026-11-20 is after 1001's date of death (2026-11-19)"
# a generation run must not bring outreach back
as alice $NOW worklist --all
is "no outreach regenerated" "$(echo "$OUT" | grep -c '	1001	')" "0"

# HL7: PID-29 death time (23:30 the 18th in New York), PID-30 Y
printf 'MSH|^~\\&|EPIC|STMARY|CAREDESK|CLINIC|202611200900||ADT^A03^ADT_A03|D1|P|2.5.1\rEVN|A03|202611200900\rPID|1||1002^^^STMARY^MR||Roe^Al||19410202|M|||||||||||||||||||||202611190430+0000|Y\rPV1|1|I|4W^401^A^STMARY|E|||||||||||||||V2002|||||||||||||||||20||||||||202611170900|20261119090000-0500\r' >"$T_TMP/died.hl7"
as alice $NOW import "$T_TMP/died.hl7"
is_rc "HL7 death import succeeds" 0
is "HL7 import" "$OUT" "import $T_TMP/died.hl7: patients 0 new, 1 updated; discharges 1 new (1 not eligible for TCM), 0 already known; tasks 0 created; messages 0 skipped; 1 death recorded, outreach stopped: enrollments 1 ended, tasks 2 cancelled, visits 0 cancelled"
is "PID-29's instant is the death" "$(sqlite3 "$DB" "SELECT deceased_at FROM patients WHERE mrn = '1002'")" "2026-11-19T04:30:00Z"
is "ended as of the clinic's day of it" "$(sqlite3 "$DB" "SELECT end_date || ' ' || end_reason FROM enrollments e JOIN patients p ON p.id = e.patient_id WHERE mrn = '1002'")" "2026-11-18 died"
as alice $NOW worklist --all
is "nobody left on the list" "$OUT" "rank	task_id	due	kind	reason	mrn	patient	phone	program	risk	attempts	assignee"

# by hand
as alice $NOW patient add --mrn 1003 --family Poe --given Ed --birth-date 1950-02-03 --coordinator mrivera
as alice $NOW enroll 1003 --program pcm --consent written --date 2026-11-01
as alice $NOW appointment add 1003 --at 2026-11-25T09:00 --duration 30 --with "Dr Lee"
as mrivera $NOW task callback 1003 --at 2026-11-20T15:00
as mrivera $NOW worklist
is "1003's callback on the list" "$(echo "$OUT" | cut -f4,6 | tail -n +2)" "callback	1003"
as sam $NOW patient deceased 1003 --date 2026-11-19
is_rc "a scheduler may not" 1
is "who may" "$ERR" "caredesk: recording a death is for coordinators, supervisors and admins; 'sam' is a scheduler"
as mrivera $NOW patient deceased 1003
is_rc "--date is required" 2
as mrivera $NOW patient deceased 1003 --date 2026-11-21
is "future date" "$ERR" "caredesk: date: '2026-11-21' is in the future"
as mrivera $NOW patient deceased 1003 --date 2026-11-19 --note "daughter called"
is_rc "a coordinator records it" 0
is "by hand" "$OUT" "recorded 1003's death on 2026-11-19: 1 enrollment ended (pcm), 1 task and 1 visit cancelled; 1003 is off every list"
as mrivera $NOW patient deceased 1003 --date 2026-11-18
is "twice" "$ERR" "caredesk: 1003's death is already on record (2026-11-19)"
as mrivera $NOW patient deceased 1003 --undo --reason "wrong patient"
is "a coordinator may not take it back" "$ERR" "caredesk: taking back a recorded death is for supervisors and admins; 'mrivera' is a coordinator"
as alice $NOW patient deceased 1003 --undo --reason "wrong patient"
is "taken back" "$OUT" "took back 1003's death of 2026-11-19; programs, tasks and visits it ended stay ended: enroll and book again as needed"
is "the audit says who and why" "$(sqlite3 "$DB" "SELECT a.action || ': ' || a.detail FROM audit_log a WHERE a.entity = 'patient' AND a.action LIKE 'deceased%' ORDER BY a.id" | tail -2)" \
"deceased: 1003 died 2026-11-19 (recorded by hand)
deceased_undone: 1003 death of 2026-11-19 taken back: wrong patient"

# a refusal: the hint without --end-program, the program ended with it, nothing half-written
as alice $NOW patient add --mrn 1004 --family Moe --given Bo --birth-date 1950-03-04
as alice $NOW enroll 1004 --program ccm --consent verbal --date 2026-10-01
as alice $NOW enroll 1004 --program apcm --consent verbal --date 2026-10-01
as mrivera $NOW log-call 1004 --outcome refused
is "refusal hint" "$(echo "$OUT" | tail -1)" "1004 is still enrolled in apcm,ccm; to end one: disenroll 1004 --program PROGRAM --reason refused"
as mrivera $NOW log-call 1004 --outcome reached --end-program ccm
is "only a refusal ends a program" "$ERR" "caredesk: end program: only a refusal ends a program (the outcome is reached)"
as mrivera $NOW log-call 1004 --outcome refused --end-program pcm
is "not enrolled" "$ERR" "caredesk: 1004 is not enrolled in pcm"
is "and the call is not logged either" "$(sqlite3 "$DB" "SELECT count(*) FROM contacts c JOIN patients p ON p.id = c.patient_id WHERE mrn = '1004'")" "1"
as mrivera $NOW log-call 1004 --outcome refused --end-program ccm --note "stop calling"
is_rc "refused, ccm ended" 0
is "says what ended and what stays" "$(echo "$OUT" | tail -2)" \
"ended 1004's ccm enrollment: refused; 0 open tasks cancelled
1004 is still enrolled in apcm; to end it: disenroll 1004 --program apcm --reason refused"
as mrivera $NOW log-call 1004 --outcome refused --end-program all
is "all" "$(echo "$OUT" | tail -1)" "ended 1004's apcm enrollment: refused; 0 open tasks cancelled"
is "ended with reason refused" "$(sqlite3 "$DB" "SELECT group_concat(program || ' ' || end_reason, ', ') FROM enrollments e JOIN patients p ON p.id = e.patient_id WHERE mrn = '1004'")" "ccm refused, apcm refused"
done_testing
