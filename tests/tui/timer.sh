#!/bin/sh
# TUI: the CCM timer at 80x24 and 132x40: start it from the home view's patient, see it tick in
# the status bar, SIGKILL the workstation, start again and keep the minutes up to now; keep, stop
# or switch when another patient is opened; pause and resume; stop with the minutes written; an
# idle timer asks whether the minutes away count.
. "$TESTLIB/cli.sh"
. "$TESTLIB/tui.sh"
. "$TESTLIB/fixture.sh"

# kill_app NAME: SIGKILL the caredesk process in the pane (the pane runs sh, caredesk its child)
kill_app() {
    local sh pid
    sh=$(_tmux display-message -p -t "$1" '#{pane_pid}')
    pid=$(pgrep -P "$sh" -x caredesk)
    [ -n "$pid" ] && kill -KILL "$pid"
}

scenario() {
    local cols=$1 rows=$2 s="timer$1"
    DB="$T_TMP/timer-$1.db"
    run() { cd_as alice "$@"; }
    runu() { cd_as mrivera "$@"; }
    clinic 2026-10-01T09:00
    run 2026-10-01T09:00 patient add --mrn 1001 --family "Núñez" --given "Zoë" --birth-date 1948-05-12
    run 2026-10-01T09:00 patient add --mrn 1002 --family Okafor --given Chidi --birth-date 1950-03-01
    run 2026-10-01T09:00 enroll 1001 --program ccm --consent verbal
    run 2026-11-02T08:30 time add 1001 14
    is_rc "$cols: fixture" 0

    tui_start "$s" "$cols" "$rows" --db "$DB" --now 2026-11-02T09:00 --user mrivera
    tui_home "$s"
    tui_ok "$cols: home" "$s" '^  Today, Monday 2 November 2026$'
    tui_keys "$s" t
    tui_ok "$cols: no patient, no timer" "$s" '^ No patient here to time: open a patient first$'
    tui_keys "$s" o
    tui_ok "$cols: the patient prompt" "$s" '^ Patient MRN:'
    tui_type "$s" 1001
    tui_keys "$s" Enter
    tui_ok "$cols: the patient is chosen" "$s" '^  Patient: 1001 Núñez, Zoë$'
    tui_keys "$s" t
    tui_ok "$cols: which activity" "$s" 'Timer for Núñez, Zoë \(1001\): which activity\?'
    tui_ok "$cols: one key per activity" "$s" 'c Call with patient'
    tui_keys "$s" c
    tui_ok "$cols: started" "$s" '^ Timer started for Z\.N\. \(CCM, Call with patient or caregiver\)$'
    tui_ok "$cols: the status bar shows the timer" "$s" \
        '^ North Clinic .* CCM Z\.N\. 00:0[0-2] \| 14/20 min  Mon 2026-11-02 09:00:0[0-9]$'
    tui_ok "$cols: it ticks" "$s" 'CCM Z\.N\. 00:0[3-9] \| 14/20 min'
    like "$cols: in the timer.running role" "$(tui_screen_attr "$s" | head -1)" \
        '\[1m[^ ]*CCM Z\.N\.|\[[0-9;]*1[;m][^ ]*CCM Z\.N\.'
    kill_app "$s"
    is "$cols: SIGKILL" "$(tui_wait_exit "$s")" 137
    runu 2026-11-02T09:09 timer status
    like "$cols: the timer survived in the database" "$OUT" \
        '1001	Núñez, Zoë	ccm	call	running	(08:5[0-9]|09:0[0-9])	2[23]	40'

    tui_start "$s-b" "$cols" "$rows" --db "$DB" --now 2026-11-02T09:20 --user mrivera
    tui_ok "$cols: recovery asks first" "$s-b" \
        'A timer for Z\.N\. was left running since 09:00 \(last activity 09:00\)\.'
    tui_ok "$cols: up to now" "$s-b" 'n keep up to now \((19:5[0-9]|20:0[0-9])\)'
    tui_keys "$s-b" n
    tui_ok "$cols: kept" "$s-b" '^ Kept (19:5[0-9]|20:0[0-9]) for Z\.N\.$'
    tui_gone_ok "$cols: no timer now" "$s-b" 'CCM Z\.N\.'
    runu 2026-11-02T09:21 timer status
    is "$cols: timer status after recovery" "$OUT" "no timer is running"
    run 2026-11-02T09:21 time list 1001
    like "$cols: the recovered entry" "$OUT" \
        '
2	2026-11-02	09:00	09:20	(19:5[0-9]|20:0[0-9])	ccm	clinical_staff	call	timer	0		$'
    run 2026-11-02T09:21 billing
    like "$cols: the month's minutes" "$OUT" '^1001	Núñez, Zoë	ccm	clinical_staff	3[34]	99490	'

    # another patient while the timer runs: keep, then switch (from the home figures, S)
    tui_keys "$s-b" S
    tui_keys "$s-b" o
    tui_type "$s-b" 1001
    tui_keys "$s-b" Enter t
    tui_ok "$cols: activity again" "$s-b" 'which activity\?'
    tui_keys "$s-b" p
    tui_ok "$cols: care plan review" "$s-b" '^ Timer started for Z\.N\. \(CCM, Care plan review\)$'
    tui_ok "$cols: 34 and counting toward 40" "$s-b" 'CCM Z\.N\. 00:0[0-9] \| 3[34]/40 min'
    tui_keys "$s-b" o
    tui_type "$s-b" 1002
    tui_keys "$s-b" Enter
    tui_ok "$cols: opening another patient asks" "$s-b" \
        'The timer runs for Z\.N\. \(00:[0-9]{2}\)\. Okafor, Chidi \(1002\) is open\.'
    tui_ok "$cols: keep, stop, switch" "$s-b" 'k keep it running for Z\.N\. +s stop it +w switch it to this patient'
    tui_keys "$s-b" k
    tui_ok "$cols: kept running" "$s-b" '^  Patient: 1002 Okafor, Chidi$'
    tui_ok "$cols: still on Z.N." "$s-b" 'CCM Z\.N\. 00:'
    tui_keys "$s-b" t
    tui_ok "$cols: t on the other patient asks too" "$s-b" 'w switch it to this patient'
    tui_keys "$s-b" w
    tui_ok "$cols: switch: which activity" "$s-b" 'Timer for Okafor, Chidi \(1002\): which activity\?'
    tui_keys "$s-b" d
    tui_ok "$cols: switched" "$s-b" \
        '^ Wrote 00:[0-9]{2} for Z\.N\.; timer started for C\.O\. \(Coordination, Documentation\)$'
    tui_ok "$cols: no threshold for coordination" "$s-b" 'Coordination C\.O\. 00:0[0-9] \| 0 min  Mon'
    tui_keys "$s-b" T
    tui_ok "$cols: paused" "$s-b" '^ Timer paused for C\.O\. at 00:[0-9]{2}$'
    tui_ok "$cols: PAUSED in the bar" "$s-b" 'Coordination C\.O\. PAUSED 00:[0-9]{2} \| 0 min'
    like "$cols: in the timer.paused role" "$(tui_screen_attr "$s-b" | head -1)" \
        '\[(33|35|2)[;m][^ ]*Coordination C\.O\. PAUSED'
    tui_keys "$s-b" T
    tui_ok "$cols: resumed" "$s-b" '^ Timer resumed for C\.O\. at 00:[0-9]{2}$'
    tui_keys "$s-b" t
    tui_ok "$cols: stop shows what will be written" "$s-b" \
        'Stop the timer for C\.O\. and write 00:[0-9]{2} of Coordination\?'
    tui_keys "$s-b" n
    tui_ok "$cols: n keeps it" "$s-b" 'Coordination C\.O\. 00:'
    tui_keys "$s-b" t
    tui_ok "$cols: stop again" "$s-b" 'Stop the timer for C\.O\.'
    tui_keys "$s-b" y
    tui_ok "$cols: stopped" "$s-b" \
        '^ (Wrote 00:[0-9]{2} of Coordination for C\.O\.; this month 0 min|Stopped the timer for C\.O\.: nothing was counted, nothing written)$'
    tui_keys "$s-b" q
    tui_leave "$s-b"
    is "$cols: q" "$(tui_wait_exit "$s-b")" 0
    runu 2026-11-02T09:30 timer status
    is "$cols: no timer after stop" "$OUT" "no timer is running"

    # idle: a timer started 15 minutes ago with no key since; the workstation opens now
    runu 2026-11-02T10:00 timer start 1001 --activity med_reconciliation
    tui_start "$s-c" "$cols" "$rows" --db "$DB" --now 2026-11-02T10:15 --user mrivera
    tui_ok "$cols: idle: recovery first" "$s-c" 'A timer for Z\.N\. was left running since 10:00'
    tui_keys "$s-c" c
    tui_ok "$cols: idle: asks about the minutes away" "$s-c" 'You were away 15 min: count them for Z\.N\.\?'
    if [ "$cols" = 80 ]; then
        tui_keys "$s-c" y
        tui_ok "$cols: idle minutes counted" "$s-c" '^ Counted the 15 idle min; the timer runs again$'
        tui_ok "$cols: the bar holds them" "$s-c" 'CCM Z\.N\. 15:0[0-9] \| '
        want='running	(15|16):[0-9]{2}'
    else
        tui_keys "$s-c" n
        tui_ok "$cols: idle minutes left out" "$s-c" '^ Left out the 15 idle min; the timer runs again$'
        tui_ok "$cols: the bar starts again" "$s-c" 'CCM Z\.N\. 00:0[0-9] \| '
        want='running	0[01]:[0-9]{2}'
    fi
    runu 2026-11-02T10:16 timer status
    like "$cols: idle: timer status" "$OUT" "med_reconciliation	$want	"
    tui_keys "$s-c" q
    tui_leave "$s-c"
    is "$cols: idle: q" "$(tui_wait_exit "$s-c")" 0
}

scenario 80 24
scenario 132 40

done_testing
