#!/bin/sh
# TUI: the chart's Time tab at 80x24 and 132x40. 5 opens it on this month: the month's counted
# minutes against the program's threshold and the entries; a adds one through the form (the header
# minutes follow), e corrects it (the original stays, voided "edited"), v voids one with a reason,
# bad minutes show core's message and write nothing, [ shows last month, and another process's
# entry appears without a key press.
. "$TESTLIB/cli.sh"
. "$TESTLIB/tui.sh"
. "$TESTLIB/fixture.sh"
N=2026-11-23T10:00
run() { cd_as alice $N "$@"; }
nurse() { cd_as mrivera "$@"; }

fixture() {
    clinic $N north
    run import "$FIXTURES/discharges.csv"
    for t in 1 2 3 4 5 6; do run task assign $t mrivera; done
    run enroll 1001 --program ccm_complex --consent verbal --date 2026-10-01
    nurse 2026-11-20T16:00 time add 1001 14:30 --date 2026-11-20 --activity med_reconciliation \
        --note "Pill box sorted with the daughter"
    nurse 2026-11-21T16:00 time add 1001 10 --date 2026-11-21 --activity call --role practitioner
    nurse 2026-11-21T16:00 time add 1001 20 --date 2026-10-30 --activity careplan_review
    is_rc "fixture for $1 columns" 0
}

TABS='^  Contacts \(0\)   Timeline   Care plan   Appointments   Time *$'
# one entry row: date, start-end, mm:ss, activity, program, role, who (mrivera), note; the
# activity and note are cut to their columns; the role shows only 100 columns wide or more
row() {
    printf '^ %s %s %s %s %s %smrivera *%s *$' "$1" "$2" "$3" "$4" "$5" "${6:+$6 }" "$(cut "$7")"
}
# a note as the Note column shows it: 7 wide at 80 columns, 25 at 132, cut with "…"
cut() {
    local w=$((COLS == 80 ? 7 : 25))
    if [ ${#1} -gt $w ]; then printf "%.$((w - 1))s…" "$1"; else printf %s "$1"; fi
}

scenario() {
    local cols=$1 rows=$2 s="time$1"
    COLS=$cols
    if [ "$cols" = 80 ]; then
        MED='Medication reconcili…' CALL='Call with patient or…' PLAN='Care plan review +'
        DOC='Documentation +' CCX='Complex CCM' STAFF='' PRACT=''
    else
        MED='Medication reconciliation +' CALL='Call with patient or caregiver +'
        PLAN='Care plan review +' DOC='Documentation +' CCX='Complex CCM'
        STAFF='clinical staff' PRACT='practitioner +'
    fi
    DB="$T_TMP/clinic$cols.db"
    fixture "$cols"
    # shellcheck disable=SC2086
    tui_start "$s" "$cols" "$rows" --db "$DB" --now $N --user mrivera
    tui_ok "$cols: the worklist" "$s" '^ My list: '
    tui_keys "$s" /
    tui_type "$s" "Núñez"
    tui_keys "$s" Enter Enter
    tui_ok "$cols: the chart" "$s" '^ Núñez, Zoë'
    tui_keys "$s" 5
    tui_ok "$cols: 5: the month line" "$s" \
        '^ November 2026 \(this month\)  24:30 of 60 min \(Complex CCM\)  2 entries *$'
    tui_ok "$cols: the tab row" "$s" "$TABS"
    tui_ok "$cols: the first entry" "$s" "$(row 2026-11-20 '15:45–16:00' 14:30 "$MED" "$CCX" \
        "$STAFF" 'Pill box sorted with the daughter')"
    tui_ok "$cols: the second entry" "$s" "$(row 2026-11-21 '15:50–16:00' 10:00 "$CALL" "$CCX" \
        "$PRACT" '')"
    tui_ok "$cols: the detail line names what the columns cut or leave out" "$s" \
        '^ #1  Medication reconciliation  Complex CCM, clinical staff  manual by mrivera'
    [ "$cols" = 80 ] && tui_ok "80: the key bar" "$s" \
        '^\? Help  Tab Next tab  a Add  e Edit  v Void  \[ Prev month  \] Next month  q Back$'
    tui_keys "$s" '?'
    tui_ok "$cols: help: the tab's keys" "$s" 'v +Void the selected entry, with a reason'
    tui_keys "$s" Escape

    # add: bad minutes first
    tui_keys "$s" a
    tui_ok "$cols: a opens the form" "$s" 'Add time'
    tui_type "$s" abc
    tui_keys "$s" Enter
    tui_ok "$cols: bad minutes: core's message" "$s" "│ minutes: 'abc' is not a duration"
    run time list 1001 --month 2026-11
    is "$cols: nothing written" "$(echo "$OUT" | wc -l)" 3
    tui_keys "$s" C-u
    tui_type "$s" 5:30
    tui_keys "$s" Tab Tab c Tab Tab Tab
    tui_type "$s" "Called the pharmacy"
    tui_keys "$s" Enter
    tui_ok "$cols: added" "$s" '^ Added entry 4: 05:30 Care plan review on 2026-11-23 *$'
    tui_ok "$cols: the new row" "$s" "$(row 2026-11-23 '09:5[45]–10:00' 05:30 "$PLAN" "$CCX" "$STAFF" \
        'Called the pharmacy')"
    tui_ok "$cols: the month line follows" "$s" '^ November 2026 \(this month\)  30:00 of 60 min'
    tui_ok "$cols: the header minutes follow" "$s" '^ This month 30:00 of 60 min \(Complex CCM\)'

    # edit
    tui_keys "$s" e
    tui_ok "$cols: e opens the form, filled in" "$s" 'Correct entry 4'
    tui_keys "$s" C-u
    tui_type "$s" 6
    tui_keys "$s" Enter
    tui_ok "$cols: edited" "$s" '^ Voided entry 4 \(edited\); entry 5 replaces it: 06:00 Care plan'
    tui_ok "$cols: the original, voided" "$s" "$(row 2026-11-23 '09:5[45]–10:00' 05:30 "$PLAN" "$CCX" \
        "$STAFF" 'voided: edited; Called the pharmacy')"
    tui_ok "$cols: the replacement" "$s" "$(row 2026-11-23 '09:5[45]–10:00' 06:00 "$PLAN" "$CCX" \
        "$STAFF" 'Called the pharmacy')"
    tui_ok "$cols: 4 entries, 1 voided" "$s" '  30:30 of 60 min \(Complex CCM\)  4 entries, 1 voided *$'
    tui_ok "$cols: the header counts the replacement" "$s" '^ This month 30:30 of 60 min'

    # void the first entry
    tui_keys "$s" g v
    tui_ok "$cols: v asks for a reason" "$s" 'Void entry 1 \(14:30 2026-11-20\), reason:'
    tui_type "$s" "wrong patient"
    tui_keys "$s" Enter
    tui_ok "$cols: voided" "$s" '^ Voided entry 1: wrong patient *$'
    tui_ok "$cols: the voided row" "$s" "$(row 2026-11-20 '15:45–16:00' 14:30 "$MED" "$CCX" \
        "$STAFF" 'voided: wrong patient; Pill box sorted with the daughter')"
    tui_ok "$cols: 16:00 counted" "$s" '  16:00 of 60 min \(Complex CCM\)  4 entries, 2 voided *$'
    tui_keys "$s" v
    tui_ok "$cols: voiding twice: core's message" "$s" \
        '^ time entry 1 is already voided \(wrong patient\)'
    tui_keys "$s" e
    tui_ok "$cols: correcting a voided entry: core's message" "$s" \
        '^ time entry 1 is voided \(wrong patient\); edit its replacement'

    # last month, then back; another process's entry shows
    tui_keys "$s" '['
    tui_ok "$cols: [: October" "$s" '^ October 2026  20:00 of 60 min \(Complex CCM\)  1 entry *$'
    tui_ok "$cols: its entry" "$s" "$(row 2026-10-30 '12:00–12:20' 20:00 "$PLAN" "$CCX" "$STAFF" '')"
    tui_keys "$s" ']'
    tui_ok "$cols: ]: November again" "$s" '^ November 2026 \(this month\)  16:00 of 60 min'
    nurse 2026-11-23T10:05 time add 1001 3 --activity documentation --note "From the other desk"
    tui_ok "$cols: another process's entry shows" "$s" "$(row 2026-11-23 '10:02–10:05' 03:00 \
        "$DOC" "$CCX" "$STAFF" 'From the other desk')" 3
    tui_ok "$cols: and counts" "$s" '  19:00 of 60 min \(Complex CCM\)  5 entries, 2 voided *$'
    tui_keys "$s" 1
    tui_ok "$cols: 1: back to Contacts" "$s" '^ +When +Who +Outcome'
    tui_keys "$s" M
    tui_ok "$cols: M: the Time tab" "$s" '^ November 2026 \(this month\)'
    tui_keys "$s" q
    tui_ok "$cols: q: back on the worklist" "$s" '^ My list: '
    tui_keys "$s" q
    is "$cols: q leaves" "$(tui_wait_exit "$s")" 0
}

scenario 80 24
scenario 132 40
done_testing
