#!/bin/sh
# TUI: a call from the chart names the patient and says what it did, with the outcome in words;
# reaching the patient on another job (the care plan review) completes the TCM contact too.
. "$TESTLIB/cli.sh"
. "$TESTLIB/tui.sh"
. "$TESTLIB/fixture.sh"
N=2026-11-23T09:00
DB="$T_TMP/clinic.db"
run() { cd_as alice $N "$@"; }
clinic $N north
run patient add --mrn 1001 --family Núñez --given Zoë --birth-date 1948-05-12 --coordinator mrivera --phone 555-0100
run import "$FIXTURES/discharges.csv"
run careplan add 1001 --section goal --text "Weigh daily"
run careplan review-date 1001 2026-11-20
is_rc "fixture" 0

tui_start nurse 80 24 --db "$DB" --now $N --user mrivera
tui_ok "one patient, three jobs" nurse '^ My list: 1 patient · 3 jobs'
tui_ok "the review first" nurse '^ > 1/3 REVIEW +due 2026-11-20'
tui_keys nurse Enter
tui_ok "the chart opens on Contacts" nurse 'No contact attempts on record'
tui_keys nurse c
tui_ok "the chart's call names the patient" nurse 'Call outcome: Núñez, Zoë'
tui_keys nurse n
tui_ok "an optional note" nurse 'Note \(Enter to skip\):'
tui_keys nurse Enter
tui_ok "the status line: the outcome in words, the patient, what it did" nurse \
    '^ Logged no answer for Núñez, Zoë: TCM contact: 1 of 2 attempts on separate'
tui_ok "the Contacts tab reads the outcome in words" nurse '2026-11-23 09:00 +mrivera +no answer +phone'
tui_gone_ok "never the key" nurse 'no_answer'
tui_keys nurse Escape
tui_ok "back on the list: the review is still job 1" nurse '^ > 1/3 REVIEW +due 2026-11-20'
tui_keys nurse c r Enter
tui_ok "reached on the review: the TCM contact is done too, the review and the visit stay" nurse \
    '^ My list: 1 patient · 2 jobs'
tui_ok "the review stays job 1" nurse '^ > 1/2 REVIEW +due 2026-11-20'
tui_ok "the visit is job 2" nurse '^   2/2 VISIT +due 2026-11-27'
tui_keys nurse q
is "the nurse leaves" "$(tui_wait_exit nurse)" 0
is "the TCM contact closed as reached, after one attempt" "$(sqlite3 "$DB" "SELECT t.status || ' ' || t.close_reason FROM tasks t JOIN patients p ON p.id = t.patient_id WHERE p.mrn = '1001' AND t.kind = 'tcm_contact'")" "done patient reached"
done_testing
