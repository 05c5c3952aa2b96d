#!/bin/sh
# Security (issue 13, item 5): time dated before the patient's birth was accepted. Time outside
# the patient's life or the enrollment in its program is now refused with a sentence naming the
# dates, whether added, corrected or timed.
. "$TESTLIB/cli.sh"
DB="$T_TMP/clinic.db"
run() { cd_run --db "$DB" --now 2026-11-02T17:00 "$@"; }
nurse() { cd_run --db "$DB" --user mrivera --now 2026-11-02T17:00 "$@"; }
run init --timezone America/New_York
run user add mrivera --name "Maria Rivera" --role coordinator
run patient add --mrn 1001 --family "Núñez" --given "Zoë" --birth-date 1948-03-02
run enroll 1001 --program ccm --consent verbal --date 2026-10-01

nurse time add 1001 20 --date 1930-01-05 --program coordination
is_rc "before birth: refused" 1
is "the sentence names both dates" "$ERR" "caredesk: time on 1930-01-05 is before 1001's birth date (1948-03-02)"
nurse time add 1001 20 --date 2026-09-15
is "before the enrollment started" "$ERR" "caredesk: time on 2026-09-15 is before 1001's ccm enrollment started (2026-10-01)"
nurse time add 1001 20 --date 2026-10-15
is_rc "inside the enrollment" 0
nurse time edit 1 --date 1947-12-31
is "an edit cannot move it before birth" "$ERR" "caredesk: time on 1947-12-31 is before 1001's birth date (1948-03-02)"
run disenroll 1001 --program ccm --date 2026-10-20
nurse time add 1001 20 --date 2026-10-25 --program ccm
is "after the enrollment ended" "$ERR" "caredesk: time on 2026-10-25 is after 1001's ccm enrollment ended (2026-10-20)"
nurse timer start 1001 --program ccm
is "no timer for time that cannot be written" "$ERR" "caredesk: time on 2026-11-02 is after 1001's ccm enrollment ended (2026-10-20)"
nurse time list 1001
is "only the entry inside the enrollment" "$(printf '%s\n' "$OUT" | sed 1d | cut -f1,2,5,10)" "1	2026-10-15	20:00	0"
done_testing
