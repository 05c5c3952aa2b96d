#!/bin/sh
# Security (issue 13, item 5): a timer stopped two days after it started wrote one 2,880-minute
# entry that billing counted as 99490 + 99439x2. Now it stops itself at its last activity once
# past timer_max_minutes, and the user says how much to keep, never more than the maximum.
. "$TESTLIB/cli.sh"
DB="$T_TMP/clinic.db"
run() { cd_run --db "$DB" --now 2026-10-01T09:00 "$@"; }
nurse() { NOW=$1; shift; cd_run --db "$DB" --user mrivera --now "$NOW" "$@"; }
run init --timezone America/New_York
run user add mrivera --name "Maria Rivera" --role coordinator
run patient add --mrn 1001 --family "Núñez" --given "Zoë" --birth-date 1948-03-02
run enroll 1001 --program ccm --consent verbal
nurse 2026-11-02T09:00 timer start 1001 --activity call
is_rc "a timer started" 0

nurse 2026-11-04T09:00 timer stop
is_rc "two days later a plain stop writes nothing" 1
is "it asks how much to keep" "$ERR" "caredesk: the timer for 1001 (Núñez, Zoë) ran past 4 hours and stopped at 2026-11-02 09:00, its last activity; keep how much? caredesk timer stop --keep MINUTES | --to-last-activity | timer discard"
nurse 2026-11-04T09:00 time list 1001
is "no entry was written" "$(printf '%s\n' "$OUT" | wc -l)" 1
nurse 2026-11-04T09:00 timer stop --keep 2880
is_rc "2,880 minutes cannot be kept" 2
nurse 2026-11-04T09:00 timer stop --keep 241
is_rc "nor anything past the maximum" 1
nurse 2026-11-04T09:00 timer stop --to-last-activity
is "kept to its last activity: its start" "$OUT" "stopped the timer on 1001 (Núñez, Zoë): nothing counted, nothing written"
nurse 2026-11-04T09:00 billing --month 2026-11
is "billing counts nothing" "$OUT" "mrn	patient	program	role	minutes	codes	next_threshold_in	reason"

# the longest a timer can ever write is the maximum, and only when the day allows it
nurse 2026-11-05T09:00 timer start 1001 --activity call
nurse 2026-11-07T09:00 timer stop --keep 240
is_rc "240 minutes is above the day's limit for a coordinator" 1
nurse 2026-11-07T09:00 timer stop --keep 60
is "60 minutes kept" "$OUT" "stopped the timer on 1001 (Núñez, Zoë): 60:00 written as entry 1"
nurse 2026-11-07T09:00 time list 1001
is "the longest entry" "$(printf '%s\n' "$OUT" | sed 1d | cut -f5 | sort -n | tail -1)" "60:00"
done_testing
