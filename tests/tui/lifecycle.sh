#!/bin/sh
# TUI at 80x24: a call logged "refused" asks which program to end (each, all, or keep) and ends
# the chosen one with reason refused; a death recorded elsewhere shows in the open chart's header
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
tui_ok "the call outcome" "$s" '│ Call outcome +│'
tui_keys "$s" x
tui_ok "the note prompt" "$s" 'Note \(Enter to skip\):'
tui_keys "$s" Enter
tui_ok "refused: which program to end" "$s" '│ Núñez, Zoë refused: end a program\? +│'
tui_ok "each program, all, or keep" "$s" '1 end Complex CCM +2 end TCM +a end all +k keep'
tui_keys "$s" 1
tui_ok "says what it ended" "$s" "Ended Núñez, Zoë's Complex CCM: refused"
tui_ok "the header follows: TCM left" "$s" '^ Programs TCM  Coordinator'
is "ended with reason refused" \
    "$(sqlite3 "$DB" "SELECT program || ' ' || status || ' ' || end_reason FROM enrollments WHERE program = 'ccm_complex'")" \
    "ccm_complex ended refused"

# k keeps the rest
tui_keys "$s" c
tui_ok "again: the call outcome" "$s" '│ Call outcome +│'
tui_keys "$s" x Enter
tui_ok "one program left: no 'all'" "$s" '1 end TCM +k keep'
tui_keys "$s" k
tui_ok "k: she stays enrolled" "$s" 'Núñez, Zoë stays enrolled'
is "TCM still active" "$(sqlite3 "$DB" "SELECT status FROM enrollments WHERE program = 'tcm' AND patient_id = (SELECT id FROM patients WHERE mrn = '1001')")" "active"

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
