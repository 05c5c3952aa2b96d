#!/bin/sh
# CLI: bounded time. The timer's maximum and the question it asks (timer status, start, stop
# --keep, --to-last-activity, discard), the day's limit with a supervisor's --confirm, time
# outside the patient's life or enrollment, and the two settings.
. "$TESTLIB/cli.sh"
DB="$T_TMP/clinic.db"
at() { NOW=$1; shift; cd_run --db "$DB" --now "$NOW" "$@"; }
nurse() { NOW=$1; shift; cd_run --db "$DB" --user mrivera --now "$NOW" "$@"; }
boss() { NOW=$1; shift; cd_run --db "$DB" --user kchen --now "$NOW" "$@"; }
at 2026-10-01T09:00 init --timezone America/New_York
at 2026-10-01T09:00 user add mrivera --name "Maria Rivera" --role coordinator
at 2026-10-01T09:00 user add kchen --name "Kim Chen" --role supervisor
at 2026-10-01T09:00 patient add --mrn 1001 --family "Núñez" --given "Zoë" --birth-date 1948-03-02
at 2026-10-01T09:00 patient add --mrn 1002 --family Okafor --given Chidi --birth-date 1950-03-01
at 2026-10-01T09:00 enroll 1001 --program ccm --consent verbal
is_rc "fixture" 0

# the settings, validated
at 2026-11-02T08:00 settings timer_max_minutes
is "timer_max_minutes default" "$OUT" "240"
at 2026-11-02T08:00 settings day_max_minutes 0
is_rc "day_max_minutes 0 refused" 1
is "day_max_minutes message" "$ERR" "caredesk: day_max_minutes: '0' is not a whole number of minutes from 1 to 1440"
at 2026-11-02T08:00 settings timer_max_minutes 900
is "timer_max_minutes message" "$ERR" "caredesk: timer_max_minutes: '900' is not a whole number of minutes from 1 to 720"

# a timer started, paused and resumed at 11:42, then left running for two days
Q="the timer for 1001 (Núñez, Zoë) ran past 4 hours and stopped at 2026-11-02 11:42, its last activity; keep how much? caredesk timer stop --keep MINUTES | --to-last-activity | timer discard"
nurse 2026-11-02T09:00 timer start 1001 --activity call
nurse 2026-11-02T11:40 timer pause
nurse 2026-11-02T11:42 timer resume
nurse 2026-11-04T09:00 timer status
is_rc "status of a timer past its maximum" 0
is "status explains and asks" "$OUT" "$Q"
nurse 2026-11-04T09:00 timer status --format json
is "status json: state over, counted to the last activity" "$OUT" '[
 {"mrn": "1001", "patient": "Núñez, Zoë", "program": "ccm", "activity": "call", "state": "over", "elapsed": "160:00", "month_min": 160, "next_threshold": null}
]'
nurse 2026-11-04T09:00 timer stop
is_rc "a plain stop is refused" 1
is "stop asks how much to keep" "$ERR" "caredesk: $Q"
nurse 2026-11-04T09:00 timer start 1002
is "start asks the same" "$ERR" "caredesk: $Q"
nurse 2026-11-04T09:00 timer start 1002 --switch
is "switch asks the same" "$ERR" "caredesk: $Q"
nurse 2026-11-04T09:00 timer stop --keep 2880
is_rc "2880 minutes is not a duration" 2
is "--keep names the limit" "$(echo "$ERR" | head -1)" "caredesk: --keep: minutes: '2880' is not a duration (whole minutes such as 20, or minutes:seconds such as 14:30; at most 720)"
nurse 2026-11-04T09:00 timer stop --keep 300
is_rc "more than the maximum" 1
is "more than the maximum: the sentence" "$ERR" "caredesk: keep: 300:00 is more than this timer may keep (at most 240:00, the clinic's maximum)"
nurse 2026-11-04T09:00 timer stop --to-last-activity
is_rc "to the last activity: 160 minutes is above the day's limit" 1
is "the day's limit says how to confirm" "$ERR" "caredesk: 1001 would have 160:00 of ccm time on 2026-11-02, above the clinic's limit of 120 minutes a day for one patient and program; a supervisor or admin must confirm it (--confirm)"
nurse 2026-11-04T09:00 timer stop --to-last-activity --confirm
is "a coordinator cannot confirm" "$ERR" "caredesk: confirming a day's minutes above the limit is for supervisors and admins; 'mrivera' is a coordinator"
nurse 2026-11-04T09:00 timer stop --keep 45 --to-last-activity
is_rc "--keep and --to-last-activity together" 2
nurse 2026-11-04T09:00 timer stop --keep 45
is_rc "keep 45" 0
is "keep 45 output" "$OUT" "stopped the timer on 1001 (Núñez, Zoë): 45:00 written as entry 1"
nurse 2026-11-04T09:00 time list 1001
is "the kept minutes on the day the timer started" "$OUT" "id	date	start	end	duration	program	role	activity	source	voided	void_reason	replaces_id	user	note
1	2026-11-02	09:00	09:45	45:00	ccm	clinical_staff	call	timer	0			mrivera	"

# a supervisor's own timer: to the last activity, confirmed above the limit
boss 2026-11-05T08:00 timer start 1001 --activity coordination
boss 2026-11-05T10:30 timer pause
boss 2026-11-05T10:31 timer resume
boss 2026-11-06T08:00 timer stop --to-last-activity --confirm
is "a supervisor confirms" "$OUT" "stopped the timer on 1001 (Núñez, Zoë): 150:00 written as entry 2"
boss 2026-11-06T09:00 timer start 1002
boss 2026-11-07T09:00 timer discard
is "discard a timer past its maximum" "$OUT" "discarded the timer on 1002 (Okafor, Chidi): 00:00 not written"

# the day's limit on manual time
nurse 2026-11-10T17:00 time add 1001 100
nurse 2026-11-10T17:00 time add 1001 30
is_rc "above the limit refused" 1
is "the sentence says what is logged" "$ERR" "caredesk: 1001 would have 130:00 of ccm time on 2026-11-10 (100:00 already logged), above the clinic's limit of 120 minutes a day for one patient and program; a supervisor or admin must confirm it (--confirm)"
boss 2026-11-10T17:00 time add 1001 30 --confirm
is "the supervisor's --confirm" "$OUT" "added entry 4 for 1001: 30:00 ccm clinical_staff other on 2026-11-10"
boss 2026-11-10T17:00 time void 4 --reason x --confirm
is_rc "--confirm is for add and edit" 2

# outside the patient's life or enrollment
nurse 2026-11-10T17:00 time add 1001 20 --date 1930-01-05
is "before birth" "$ERR" "caredesk: time on 1930-01-05 is before 1001's birth date (1948-03-02)"
nurse 2026-11-10T17:00 time add 1001 20 --date 2026-09-30
is "before the enrollment" "$ERR" "caredesk: time on 2026-09-30 is before 1001's ccm enrollment started (2026-10-01)"
at 2026-11-10T17:00 disenroll 1001 --program ccm --date 2026-11-10
nurse 2026-11-11T09:00 timer start 1001 --program ccm
is "no timer after the enrollment ended" "$ERR" "caredesk: time on 2026-11-11 is after 1001's ccm enrollment ended (2026-11-10)"
done_testing
