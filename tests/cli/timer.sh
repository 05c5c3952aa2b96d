#!/bin/sh
# CLI: the minute timer: start, switch, pause, resume, status, stop, discard, month end.
. "$TESTLIB/cli.sh"
DB="$T_TMP/clinic.db"
at() { NOW=$1; shift; cd_run --user alice --db "$DB" --now "$NOW" "$@"; }
at 2026-10-01T09:00 init --timezone America/New_York
at 2026-10-01T09:00 patient add --mrn 1001 --family "Núñez" --given "Zoë" --birth-date 1948-05-12
at 2026-10-01T09:00 patient add --mrn 1002 --family Okafor --given Chidi --birth-date 1950-03-01
at 2026-10-01T09:00 enroll 1001 --program ccm --consent verbal

at 2026-11-02T09:00 timer status
is "no timer" "$OUT" "no timer is running"
at 2026-11-02T09:00 timer start 1001 --activity call
is_rc "start" 0
is "start output" "$OUT" "timer started on 1001 (Núñez, Zoë): ccm, call, clinical_staff"
at 2026-11-02T09:07:41 timer status
is "status while running" "$OUT" "mrn	patient	program	activity	state	elapsed	month_min	next_threshold
1001	Núñez, Zoë	ccm	call	running	07:41	7	20"
at 2026-11-02T09:08 timer start 1002
is_rc "a second start fails" 1
is "second start message" "$ERR" "caredesk: a timer is already running on 1001 (Núñez, Zoë) since 09:00; stop it first ('caredesk timer stop') or switch to 1002 with --switch"
at 2026-11-02T09:10 timer pause
is "pause" "$OUT" "timer paused on 1001 (Núñez, Zoë) at 10:00"
at 2026-11-02T09:11 timer pause
is "pause twice" "$ERR" "caredesk: the timer is already paused"
at 2026-11-02T09:30 timer status
is "paused status" "$OUT" "mrn	patient	program	activity	state	elapsed	month_min	next_threshold
1001	Núñez, Zoë	ccm	call	paused	10:00	10	20"
at 2026-11-02T09:30 timer resume
is "resume" "$OUT" "timer resumed on 1001 (Núñez, Zoë) at 10:00"
at 2026-11-02T09:40 timer start 1002 --switch --activity med_reconciliation
is "switch" "$OUT" "stopped the timer on 1001 (Núñez, Zoë): 20:00 written as entry 1
timer started on 1002 (Okafor, Chidi): coordination, med_reconciliation, clinical_staff"
at 2026-11-02T09:45 timer status --format json
is "status json" "$OUT" '[
 {"mrn": "1002", "patient": "Okafor, Chidi", "program": "coordination", "activity": "med_reconciliation", "state": "running", "elapsed": "05:00", "month_min": 5, "next_threshold": null}
]'
at 2026-11-02T09:45 timer discard
is "discard" "$OUT" "discarded the timer on 1002 (Okafor, Chidi): 05:00 not written"
at 2026-11-02T09:46 timer stop
is_rc "stop without a timer" 1
is "stop without a timer message" "$ERR" "caredesk: no timer is running (start one with 'caredesk timer start MRN')"

# left running: keep up to the last activity (here the start), not up to now
at 2026-11-02T10:00 timer start 1001 --activity documentation
at 2026-11-02T10:05 timer pause
at 2026-11-02T10:06 timer resume
at 2026-11-02T14:00 timer stop --to-last-activity
is "stop to last activity" "$OUT" "stopped the timer on 1001 (Núñez, Zoë): 05:00 written as entry 2"

# across midnight at the end of the month: one entry per month
at 2026-11-30T23:50 timer start 1001 --activity call
at 2026-12-01T00:20 timer stop
is "month end" "$OUT" "stopped the timer on 1001 (Núñez, Zoë): 30:00 written as 2 entries, one per month (last 4)"
at 2026-12-01T00:20 time list 1001
is "entries per month" "$OUT" "id	date	start	end	duration	program	role	activity	source	voided	void_reason	replaces_id	user	note
1	2026-11-02	09:00	09:40	20:00	ccm	clinical_staff	call	timer	0			alice	
2	2026-11-02	10:00	10:06	05:00	ccm	clinical_staff	documentation	timer	0			alice	
3	2026-11-30	23:50	00:00	10:00	ccm	clinical_staff	call	timer	0			alice	
4	2026-12-01	00:00	00:20	20:00	ccm	clinical_staff	call	timer	0			alice	"

at 2026-12-01T09:00 timer resume
is_rc "resume without a timer" 1
at 2026-12-01T09:00 timer resume --count-idle --drop-idle
is_rc "both idle choices is a usage error" 2
at 2026-12-01T09:00 timer frob
is_rc "unknown action" 2
is "unknown action message" "$(echo "$ERR" | head -1)" "caredesk: unknown timer action 'frob'"
at 2026-12-01T09:00 timer start 1001 --activity chat
is "bad activity" "$ERR" "caredesk: activity: 'chat' is not one of careplan_review, med_reconciliation, call, coordination, community_resources, documentation, other"
done_testing
