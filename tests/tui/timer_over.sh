#!/bin/sh
# TUI at 80x24: bounded time in the workstation. A timer left running for two days stopped itself
# at its last activity; the workstation asks at start how much to keep (not up to now); keeping it
# all is above the day's limit, so core's sentence comes back with "keep fewer minutes"; the
# minutes typed are written. On the Time tab, an entry above the day's limit shows core's sentence:
# a coordinator cannot confirm it, a supervisor confirms it with a second Enter.
. "$TESTLIB/cli.sh"
. "$TESTLIB/tui.sh"
DB="$T_TMP/clinic.db"
run() { cd_run --db "$DB" --now 2026-10-01T09:00 "$@"; }
nurse() { NOW=$1; shift; cd_run --db "$DB" --user mrivera --now "$NOW" "$@"; }
run init --clinic "North Clinic" --timezone America/New_York
run user add mrivera --name "Maria Rivera" --role coordinator
run user add kchen --name "Kim Chen" --role supervisor
run patient add --mrn 1001 --family "Núñez" --given "Zoë" --birth-date 1948-03-02
run enroll 1001 --program ccm --consent verbal
nurse 2026-11-02T09:00 timer start 1001 --activity call
nurse 2026-11-02T11:40 timer pause
nurse 2026-11-02T11:42 timer resume
nurse 2026-11-04T08:00 time add 1001 100
is_rc "fixture" 0

s=over
tui_start "$s" 80 24 --db "$DB" --now 2026-11-04T09:00 --user mrivera
tui_ok "the question comes first" "$s" \
    '│ The timer for 1001 \(Núñez, Zoë\) ran past 4 hours and stopped at +│'
tui_ok "when, wrapped in the box" "$s" '│ 2026-11-02 11:42, its last activity\. Keep how much\? +│'
tui_ok "keep up to the last activity" "$s" '│ l keep up to its last activity \(160:00\) +│'
tui_ok "a number of minutes, or discard" "$s" \
    '│ m keep a number of minutes \(at most 240\)   d discard it   Esc cancel +│'
tui_ok "the status bar says it stopped" "$s" 'CCM Z\.N\. STOPPED 160:00 \| 260 min'
tui_keys "$s" l
tui_ok "160 minutes: core's sentence" "$s" \
    '│ 1001 would have 160:00 of ccm time on 2026-11-02, above the clinic.s +│'
tui_ok "a coordinator keeps fewer or discards" "$s" \
    '│ m keep fewer minutes   d discard the timer   Esc cancel +│'
nurse 2026-11-04T09:00 time list 1001 --month 2026-11
is "nothing written yet" "$(printf '%s\n' "$OUT" | wc -l)" 2
tui_keys "$s" m
tui_ok "how many" "$s" '^ Minutes to keep \(at most 240\):'
tui_type "$s" 100
tui_keys "$s" Enter
tui_ok "kept" "$s" '^ Kept 100:00 for Z\.N\. *$'
nurse 2026-11-04T09:01 time list 1001 --month 2026-11
is "the kept minutes, on the day the timer started" "$(printf '%s\n' "$OUT" | sed -n 2p)" \
    "2	2026-11-02	09:00	10:40	100:00	ccm	clinical_staff	call	timer	0			mrivera	"

# the Time tab: 100 minutes today already, 30 more is above the limit
tui_keys "$s" g
tui_type "$s" 1001
tui_keys "$s" Enter
tui_ok "the chart" "$s" '^ Núñez, Zoë'
tui_keys "$s" 5 a
tui_ok "the form" "$s" 'Add time'
tui_type "$s" 30
tui_keys "$s" Enter
tui_ok "core's sentence, wrapped in the form" "$s" \
    '│ 1001 would have 130:00 of ccm time on 2026-11-04 \(100:00 already +│'
tui_ok "to its end" "$s" '│ patient and program; a supervisor or admin must confirm it +│'
tui_keys "$s" Enter
tui_ok "Enter again: still refused for a coordinator" "$s" '│ \(--confirm\) +│'
nurse 2026-11-04T09:02 time list 1001 --month 2026-11
is "nothing added" "$(printf '%s\n' "$OUT" | wc -l)" 3
tui_keys "$s" Escape y q
tui_leave "$s"
is "q" "$(tui_wait_exit "$s")" 0

s=boss
tui_start "$s" 80 24 --db "$DB" --now 2026-11-04T09:05 --user kchen
tui_keys "$s" g
tui_type "$s" 1001
tui_keys "$s" Enter 5 a
tui_ok "the supervisor's form" "$s" 'Add time'
tui_type "$s" 30
tui_keys "$s" Enter
tui_ok "a supervisor is told Enter confirms" "$s" '│ \(--confirm\)\. Enter again confirms it\. +│'
tui_keys "$s" Enter
tui_ok "confirmed and added" "$s" '^ Added entry 3: 30:00 Other on 2026-11-04 *$'
cd_run --db "$DB" --now 2026-11-04T09:06 time list 1001 --month 2026-11
is "written by the supervisor" "$(printf '%s\n' "$OUT" | sed -n 4p | cut -f1,5,13)" "3	30:00	kchen"
tui_keys "$s" q
tui_leave "$s"
is "supervisor: q" "$(tui_wait_exit "$s")" 0
done_testing
