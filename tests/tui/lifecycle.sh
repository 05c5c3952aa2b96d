#!/bin/sh
# TUI at 80x24: a call logged "refused" asks which program to end (each, all, or keep: Esc keeps,
# the call being saved) and ends the chosen ones with reason refused, naming them; a death recorded elsewhere shows in the open chart's header
# as "Died DATE" in place of the risk, and the patient is gone from the call list.
. "$TESTLIB/cli.sh"
. "$TESTLIB/tui.sh"
. "$TESTLIB/fixture.sh"
N=2026-11-23T10:00
run() { cd_as alice $N "$@"; }
DB="$T_TMP/clinic.db"
clinic $N north
run import "$FIXTURES/discharges.csv"
for t in 1 2 3 4 5 6; do run task assign $t mrivera; done
run enroll 1001 --program ccm_complex --consent verbal --date 2026-11-01
is_rc "fixture" 0

s=life
tui_start "$s" 80 24 --db "$DB" --now $N --user mrivera
tui_ok "the worklist" "$s" '^ My list: '
tui_ok "Núñez is on it" "$s" 'Núñez, Zoë'
tui_keys "$s" /
tui_type "$s" "Núñez"
tui_keys "$s" Enter Enter
tui_ok "her chart: header with the risk" "$s" '^ Núñez, Zoë +78 y +F +MRN 1001 .*Risk moderate \(LACE 9'
tui_ok "two programs" "$s" '^ Programs Complex CCM, TCM  Coordinator'

# c x Enter: refused, no note; the question names her programs
tui_keys "$s" c
tui_ok "the call outcome names her" "$s" '│ Call outcome: Núñez, Zoë +│'
tui_keys "$s" x
tui_ok "the note prompt" "$s" 'Note \(Enter to skip\):'
tui_keys "$s" Enter
tui_ok "refused: which program to end" "$s" '│ Núñez, Zoë refused: end a program\? +│'
tui_ok "each program, all, or keep: Esc keeps, the call is saved" "$s" '1 end Complex CCM +2 end TCM +a end all +k/Esc keep'
tui_gone_ok "nothing to cancel" "$s" 'Esc cancel'
tui_keys "$s" Escape
tui_ok "Esc: she stays enrolled" "$s" 'Núñez, Zoë stays enrolled'
is "both still active" "$(sqlite3 "$DB" "SELECT group_concat(status, ',') FROM enrollments WHERE patient_id = (SELECT id FROM patients WHERE mrn = '1001')")" "active,active"

# a ends all: the message names the programs and the tasks it cancelled
tui_keys "$s" c
tui_ok "again: the call outcome names her" "$s" '│ Call outcome: Núñez, Zoë +│'
tui_keys "$s" x Enter
tui_keys "$s" a
tui_ok "says what it ended" "$s" "Ended Complex CCM and TCM for Núñez, Zoë: refused; 3 open tasks cancelled"
tui_ok "the header follows: none left" "$s" '^ Programs none  Coordinator'
is "ended with reason refused" \
    "$(sqlite3 "$DB" "SELECT group_concat(x, ', ') FROM (SELECT program || ' ' || status || ' ' || end_reason AS x FROM enrollments WHERE patient_id = (SELECT id FROM patients WHERE mrn = '1001') ORDER BY program)")" \
    "ccm_complex ended refused, tcm ended refused"

# her death recorded by another nurse: the open chart says so, the list drops her
run patient deceased 1001 --date 2026-11-22 --note "family called"
tui_ok "the header reads Died in place of the risk" "$s" '^ Núñez, Zoë +78 y +F +MRN 1001 +Died 2026-11-22 *$' 5
tui_ok "no program left" "$s" '^ Programs none  Coordinator'
tui_keys "$s" q
tui_ok "back on the list" "$s" '^ My list: '
tui_gone_ok "she is off the call list" "$s" 'Núñez'
tui_keys "$s" q
is "q leaves" "$(tui_wait_exit "$s")" 0
done_testing
