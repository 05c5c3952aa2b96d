#!/bin/sh
# CLI: worklist --by patient (one line per patient carrying all its jobs, ranked by the most
# urgent), --by task (the default, one line per task), and the scheduler's --queue tcm.
. "$TESTLIB/cli.sh"
DB="$T_TMP/clinic.db"
N=2026-11-23T09:00
L=2026-11-23T11:00
run() { at=$1; shift; cd_run --user alice --db "$DB" --now "$at" "$@"; }
run $N init --timezone America/New_York
run $N user add mrivera --name "Maria Rivera" --role coordinator --team north
run $N user add jlee --name "Jo Lee" --role scheduler
run $N patient add --mrn 2001 --family Smith --given Ann --birth-date 1950-01-01 --coordinator mrivera --phone 555-0199
run $N import "$FIXTURES/discharges.csv"
run $N task assign 1 mrivera
run $N task assign 2 mrivera
run $N enroll 2001 --program ccm --consent verbal
run $N --user mrivera task callback 1001 --at 2026-11-23T10:00 --note "after breakfast"
run $N --user mrivera task callback 2001 --at 2026-11-23T10:30
is_rc "fixture" 0
HT="rank	task_id	due	kind	reason	mrn	patient	phone	program	risk	attempts	assignee"
HP="rank	mrn	patient	phone	risk	job	jobs	due	reason	program	assignee	task_ids"

run $L --user mrivera worklist
is "by task, the default: one line per task, the job before the minutes" "$OUT" "$HT
1	7	2026-11-23	callback	call back due 10:00: after breakfast	1001	Núñez, Zoë	555-0100	tcm	moderate	0	mrivera
2	8	2026-11-23	callback	call back due 10:30; CCM 0 of 20 min, 5 business days left	2001	Smith, Ann	555-0199	ccm	none	0	mrivera
3	9	2026-11-23	ccm_outreach	No CCM contact yet this month; CCM 0 of 20 min, 5 business days left	2001	Smith, Ann	555-0199	ccm	none	0	mrivera
4	1	2026-11-24	tcm_contact	TCM contact due by Nov 24, discharged Nov 20	1001	Núñez, Zoë	555-0100	tcm	moderate	0	mrivera
5	2	2026-11-27	tcm_visit	TCM visit to book by Nov 27	1001	Núñez, Zoë	555-0100	tcm	moderate	0	mrivera"
BYTASK=$OUT
run $L --user mrivera worklist --by task
is "--by task is the default, byte for byte" "$OUT" "$BYTASK"

run $L --user mrivera worklist --by patient
is "by patient: one line each, the most urgent job first, then the others" "$OUT" "$HP
1	1001	Núñez, Zoë	555-0100	moderate	CALLBACK	3	2026-11-23	call back due 10:00: after breakfast · TCM contact due Nov 24 · TCM visit to book	tcm	mrivera	7,1,2
2	2001	Smith, Ann	555-0199	none	CALLBACK	2	2026-11-23	call back due 10:30 · CCM outreach · CCM 0 of 20 min, 5 business days left	ccm	mrivera	8,9"
run $L --user mrivera worklist --by patient --kind tcm_visit
is "a filter keeps the jobs it names" "$OUT" "$HP
1	1001	Núñez, Zoë	555-0100	moderate	VISIT	1	2026-11-27	TCM visit to book by Nov 27	tcm	mrivera	2"
run $L --user mrivera worklist --by patient --format json
is "by patient, JSON" "$OUT" '[
 {"rank": 1, "mrn": "1001", "patient": "Núñez, Zoë", "phone": "555-0100", "risk": "moderate", "job": "CALLBACK", "jobs": 3, "due": "2026-11-23", "reason": "call back due 10:00: after breakfast · TCM contact due Nov 24 · TCM visit to book", "program": "tcm", "assignee": "mrivera", "task_ids": "7,1,2"},
 {"rank": 2, "mrn": "2001", "patient": "Smith, Ann", "phone": "555-0199", "risk": "none", "job": "CALLBACK", "jobs": 2, "due": "2026-11-23", "reason": "call back due 10:30 · CCM outreach · CCM 0 of 20 min, 5 business days left", "program": "ccm", "assignee": "mrivera", "task_ids": "8,9"}
]'

run $L --user jlee worklist --queue tcm --by patient
is "the scheduler's TCM intake: the queue and the discharges taken from it" "$OUT" "$HP
1	1004	Lee, Ann Marie	555-0104	low	TCM	2	2026-11-23	TCM contact due today, discharged Nov 19 · TCM visit to book	tcm	queue:tcm	5,6
2	1001	Núñez, Zoë	555-0100	moderate	TCM	2	2026-11-24	TCM contact due by Nov 24, discharged Nov 20 · TCM visit to book	tcm	mrivera	1,2
3	1002	O'Brien, \"Pat\"	555-0101	low	TCM	2	2026-11-24	TCM contact due by Nov 24, discharged Nov 20 · TCM visit to book	tcm	queue:tcm	3,4"
run $L --user jlee worklist --queue tcm --kind tcm_contact
is "by task" "$OUT" "$HT
1	5	2026-11-23	tcm_contact	TCM contact due today, discharged Nov 19	1004	Lee, Ann Marie	555-0104	tcm	low	0	queue:tcm
2	1	2026-11-24	tcm_contact	TCM contact due by Nov 24, discharged Nov 20	1001	Núñez, Zoë	555-0100	tcm	moderate	0	mrivera
3	3	2026-11-24	tcm_contact	TCM contact due by Nov 24, discharged Nov 20	1002	O'Brien, \"Pat\"	555-0101	tcm	low	0	queue:tcm"
run $L --user mrivera worklist --queue tcm
is_rc "a coordinator works her own list" 1
is "and is told who may" "$ERR" "caredesk: the TCM intake list is for schedulers, supervisors and admins; 'mrivera' is a coordinator"
run $L --user jlee worklist --all
is "a scheduler still may not see everyone's list" "$ERR" "caredesk: everyone's call list is for supervisors and admins; 'jlee' is a scheduler"
run $L worklist --queue x
is_rc "an unknown queue is a usage error" 2
is "it names the queue" "$(printf '%s' "$ERR" | head -1)" "caredesk: queue: 'x' is not tcm"
run $L worklist --by x
is_rc "--by task or patient" 2
is "it says so" "$(printf '%s' "$ERR" | head -1)" "caredesk: by: 'x' is not task or patient"
run $L worklist --queue tcm --all
is "one scope" "$(printf '%s' "$ERR" | head -1)" "caredesk: choose one of --user, --team, --all and --queue"
done_testing
