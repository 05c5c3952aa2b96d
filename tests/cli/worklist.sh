#!/bin/sh
# CLI: worklist (order, reasons, scopes, filters, JSON), task claim/assign/snooze/callback, and
# log-call from a worklist row; generated CCM outreach is idempotent.
. "$TESTLIB/cli.sh"
DB="$T_TMP/clinic.db"
N=2026-11-23T09:00
run() { at=$1; shift; cd_run --user alice --db "$DB" --now "$at" "$@"; }
run $N init --timezone America/New_York
run $N user add mrivera --name "Maria Rivera" --role coordinator --team north
run $N user add bob --name "Bob Ng" --role coordinator --team north
run $N patient add --mrn 2001 --family Smith --given Ann --birth-date 1950-01-01 --coordinator mrivera --phone 555-0199
run $N import "$FIXTURES/discharges.csv"
is_rc "fixture" 0
H="rank	task_id	due	kind	reason	mrn	patient	phone	program	risk	attempts	assignee"

run $N worklist --all
is "everyone: TCM work from the discharge on, in the tcm queue" "$OUT" "$H
1	5	2026-11-23	tcm_contact	TCM contact due today, discharged Nov 19	1004	Lee, Ann Marie	555-0104	tcm	low	0	queue:tcm
2	1	2026-11-24	tcm_contact	TCM contact due by Nov 24, discharged Nov 20	1001	Núñez, Zoë	555-0100	tcm	moderate	0	queue:tcm
3	2	2026-11-27	tcm_visit	TCM visit to book by Nov 27	1001	Núñez, Zoë	555-0100	tcm	moderate	0	queue:tcm
4	3	2026-11-24	tcm_contact	TCM contact due by Nov 24, discharged Nov 20	1002	O'Brien, \"Pat\"	555-0101	tcm	low	0	queue:tcm
5	6	2026-12-03	tcm_visit	TCM visit to book by Dec 3	1004	Lee, Ann Marie	555-0104	tcm	low	0	queue:tcm
6	4	2026-12-04	tcm_visit	TCM visit to book by Dec 4	1002	O'Brien, \"Pat\"	555-0101	tcm	low	0	queue:tcm"

run $N task assign 1 mrivera
is "assign" "$OUT" "task 1 assigned to mrivera"
run $N task assign 5 mrivera
run $N task assign 2 mrivera
run $N task assign 3 bob
run $N task assign 4 mrivera
run $N task assign 4 -
is "back to the queue" "$OUT" "task 4 back in its team's queue"
run $N task assign 4 nobody
is_rc "assign to an unknown user fails" 1
run $N --user mrivera task callback 2001 --at 2026-11-23T09:30 --note "wants a call after 9:30"
is "call back" "$OUT" "call back 7 for 2001 at 2026-11-23 09:30"
run $N --user mrivera task callback 2001 --at 2026-11-22T09:30
is "call back in the past" "$ERR" "caredesk: at: a call back cannot be in the past"

run $N --user mrivera worklist
is "my list: the call back later today comes last" "$OUT" "$H
1	5	2026-11-23	tcm_contact	TCM contact due today, discharged Nov 19	1004	Lee, Ann Marie	555-0104	tcm	low	0	mrivera
2	1	2026-11-24	tcm_contact	TCM contact due by Nov 24, discharged Nov 20	1001	Núñez, Zoë	555-0100	tcm	moderate	0	mrivera
3	2	2026-11-27	tcm_visit	TCM visit to book by Nov 27	1001	Núñez, Zoë	555-0100	tcm	moderate	0	mrivera
4	7	2026-11-23	callback	call back at 09:30: wants a call after 9:30	2001	Smith, Ann	555-0199		none	0	mrivera"
run 2026-11-23T10:00 worklist --user mrivera
is "an hour later the call back is due now: before the TCM visit" "$OUT" "$H
1	5	2026-11-23	tcm_contact	TCM contact due today, discharged Nov 19	1004	Lee, Ann Marie	555-0104	tcm	low	0	mrivera
2	7	2026-11-23	callback	call back due 09:30: wants a call after 9:30	2001	Smith, Ann	555-0199		none	0	mrivera
3	1	2026-11-24	tcm_contact	TCM contact due by Nov 24, discharged Nov 20	1001	Núñez, Zoë	555-0100	tcm	moderate	0	mrivera
4	2	2026-11-27	tcm_visit	TCM visit to book by Nov 27	1001	Núñez, Zoë	555-0100	tcm	moderate	0	mrivera"

run $N --user bob task claim 5
is "bob claims" "$OUT" "task 5 claimed by bob"
run $N --user mrivera task claim 5
is_rc "a second claim fails" 1
is "who holds it" "$ERR" "caredesk: task 5 is claimed by bob since 09:00"
run $N --user mrivera task unclaim 5
is "only the holder releases" "$ERR" "caredesk: task 5 is claimed by bob since 09:00"
run $N --user bob worklist
is "bob's list: his task and his claim" "$OUT" "$H
1	5	2026-11-23	tcm_contact	TCM contact due today, discharged Nov 19	1004	Lee, Ann Marie	555-0104	tcm	low	0	mrivera
2	3	2026-11-24	tcm_contact	TCM contact due by Nov 24, discharged Nov 20	1002	O'Brien, \"Pat\"	555-0101	tcm	low	0	bob"
run $N --user bob task unclaim 5
is "released" "$OUT" "task 5 released by bob"

run $N --user mrivera log-call 1004 --outcome voicemail --task 5
is "voicemail from the row" "$OUT" "logged voicemail (phone) for 1004 at 2026-11-23 09:00 by mrivera
TCM contact due 2026-11-23: 1 of 2 unsuccessful attempts on separate days; keep trying"
run $N --user mrivera log-call 2001 --outcome no_answer --task 7
is "no answer on the call back" "$OUT" "logged no answer (phone) for 2001 at 2026-11-23 09:00 by mrivera
call back task 7 stays open"
run $N --user mrivera log-call 1001 --outcome reached --task 7
is "another patient's task" "$ERR" "caredesk: task: 7 is not this patient's task"
run $N --user mrivera log-call 1001 --outcome reached --task x
is_rc "--task must be a number" 2
run $N --user mrivera worklist --format json
is "JSON, attempts counted" "$OUT" '[
 {"rank": 1, "task_id": 5, "due": "2026-11-23", "kind": "tcm_contact", "reason": "TCM contact due today, discharged Nov 19", "mrn": "1004", "patient": "Lee, Ann Marie", "phone": "555-0104", "program": "tcm", "risk": "low", "attempts": 1, "assignee": "mrivera"},
 {"rank": 2, "task_id": 1, "due": "2026-11-24", "kind": "tcm_contact", "reason": "TCM contact due by Nov 24, discharged Nov 20", "mrn": "1001", "patient": "Núñez, Zoë", "phone": "555-0100", "program": "tcm", "risk": "moderate", "attempts": 0, "assignee": "mrivera"},
 {"rank": 3, "task_id": 2, "due": "2026-11-27", "kind": "tcm_visit", "reason": "TCM visit to book by Nov 27", "mrn": "1001", "patient": "Núñez, Zoë", "phone": "555-0100", "program": "tcm", "risk": "moderate", "attempts": 0, "assignee": "mrivera"},
 {"rank": 4, "task_id": 7, "due": "2026-11-23", "kind": "callback", "reason": "call back at 09:30: wants a call after 9:30", "mrn": "2001", "patient": "Smith, Ann", "phone": "555-0199", "program": "", "risk": "none", "attempts": 1, "assignee": "mrivera"}
]'

run $N --user mrivera task snooze 1 2026-11-25 --reason "out today"
is "TCM deadlines are not snoozed" "$ERR" "caredesk: a TCM contact has a deadline and cannot be snoozed; log the attempt or book the visit"
run $N --user mrivera task snooze 7 2026-11-23 --reason "later"
is "snooze needs a later day" "$ERR" "caredesk: date: 2026-11-23 is not after today"
run $N --user mrivera task snooze 7 2026-11-25
is_rc "snooze needs --reason" 2
run $N --user mrivera task snooze 7 2026-11-25 --reason "patient asked"
is "snoozed" "$OUT" "task 7 snoozed to 2026-11-25"
run $N --user mrivera worklist --kind callback
is "snoozed off today's list" "$OUT" "$H"
run 2026-11-25T10:00 --user mrivera worklist --kind callback
is "back on the day, at the same time" "$OUT" "$H
1	7	2026-11-25	callback	call back due 09:30: wants a call after 9:30	2001	Smith, Ann	555-0199		none	1	mrivera"

run $N worklist --team north --search zo
is "team, search by name" "$OUT" "$H
1	1	2026-11-24	tcm_contact	TCM contact due by Nov 24, discharged Nov 20	1001	Núñez, Zoë	555-0100	tcm	moderate	0	mrivera
2	2	2026-11-27	tcm_visit	TCM visit to book by Nov 27	1001	Núñez, Zoë	555-0100	tcm	moderate	0	mrivera"
run $N worklist --all --program tcm --kind tcm_visit --search 1002
is "filters and search by MRN" "$OUT" "$H
1	4	2026-12-04	tcm_visit	TCM visit to book by Dec 4	1002	O'Brien, \"Pat\"	555-0101	tcm	low	0	queue:tcm"

run $N --user mrivera worklist --all
is_rc "--all is for supervisors" 1
is "--all message" "$ERR" "caredesk: everyone's call list is for supervisors and admins; 'mrivera' is a coordinator"
run $N worklist --all --user bob
is_rc "one scope" 2
run $N worklist --kind visit
is "bad kind" "$(printf '%s' "$ERR" | head -1)" "caredesk: kind: 'visit' is not tcm_contact, tcm_visit, ccm_outreach, careplan_review, callback, followup, referral or other"
is_rc "bad kind is a usage error" 2
run $N worklist --user nobody
is_rc "unknown user" 1
run $N task claim 99
is "claim a missing task" "$ERR" "caredesk: no task 99"

if command -v sqlite3 >/dev/null 2>&1; then
    # CCM outreach: generated once, due today, for enrolled patients without contact this month
    sqlite3 "$DB" "INSERT INTO enrollments(patient_id, program, status, start_date, consent_date, consent_method, created_at) SELECT id, 'ccm', 'active', '2026-01-05', '2026-01-05', 'verbal', '2026-01-05T00:00:00Z' FROM patients WHERE mrn = '2001'; UPDATE patients SET risk_tier = 'high' WHERE mrn = '2001'; DELETE FROM settings WHERE key = 'worklist_generated'"
    run $N --user mrivera worklist --program ccm
    is "outreach: the job first, then the minutes short with 5 business days left" "$OUT" "$H
1	8	2026-11-23	ccm_outreach	No CCM contact yet this month; CCM 0 of 20 min, 5 business days left	2001	Smith, Ann	555-0199	ccm	high	0	mrivera"
    run $N --user mrivera worklist --program ccm
    is "twice: nothing new" "$(sqlite3 "$DB" "SELECT count(*) FROM tasks WHERE kind = 'ccm_outreach'")" 1
    sqlite3 "$DB" "DELETE FROM settings WHERE key = 'worklist_generated'"
    run $N --user mrivera worklist --program ccm
    is "even when generation runs again" "$(sqlite3 "$DB" "SELECT gen_key FROM tasks WHERE kind = 'ccm_outreach'")" "ccm_outreach:1:2026-11"
    run 2026-11-23T11:00 --user mrivera log-call 2001 --outcome reached
    is "an interactive contact completes the outreach" "$OUT" "logged reached (phone) for 2001 at 2026-11-23 11:00 by mrivera
also done: CCM outreach"
fi
done_testing
