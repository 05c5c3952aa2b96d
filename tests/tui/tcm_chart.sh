#!/bin/sh
# TUI: the chart header shows the latest discharge's TCM status in one line at 80x24 (what is
# still needed by when, then "earned" once the contact and the visit are made) and the risk with
# the LACE parts that were unknown at intake.
. "$TESTLIB/cli.sh"
. "$TESTLIB/tui.sh"
. "$TESTLIB/fixture.sh"
N=2026-11-23T10:00
DB="$T_TMP/clinic.db"
run() { cd_as alice "$@"; }
clinic $N
run $N import "$FIXTURES/discharges.csv"
run $N task assign 1 alice
is_rc "fixture" 0

tui_start tcm 80 24 --db "$DB" --now $N --user alice
tui_ok "the worklist" tcm '^ My list: '
tui_keys tcm Enter
tui_ok "the header names the risk and the unknown LACE part" tcm \
    '^ Núñez, Zoë +78 y +F +MRN 1001 +Risk moderate \(LACE 9; ED visits unknown\) *$'
tui_ok "the header's second line: TCM, what 99496 still needs by when" tcm \
    '^ Phone 555-0100 +TCM 99496 possible: contact by Nov 24, visit by Nov 27 *$'
run 2026-11-23T10:05 log-call 1001 --outcome reached
run 2026-11-23T10:06 appointment add 1001 --at 2026-11-25T10:00 --duration 30 --with "Dr. Lee" \
    --kind tcm_visit
run 2026-11-25T11:00 appointment kept 1
tui_ok "another process's visit shows: 99496 earned" tcm '^ Phone 555-0100 +TCM 99496 earned *$'
tui_keys tcm q
tui_leave tcm
is "the workstation ends" "$(tui_wait_exit tcm)" 0

# a discharge that starts no TCM (to a nursing facility) reads "none" and why, the reason whole
cat >"$T_TMP/snf.csv" <<'EOF'
mrn,family_name,given_name,birth_date,discharge_at,setting,disposition
3001,Stone,Ada,1940-01-01,2026-11-20T10:00,inpatient,03
EOF
run $N import "$T_TMP/snf.csv"
tui_start snf 80 24 --db "$DB" --now $N --user alice
tui_ok "the worklist again" snf '^ My list: '
tui_keys snf g
tui_type snf Stone
tui_keys snf Enter
tui_ok "no TCM: none, and why" snf \
    '^ +TCM none: not a qualifying discharge: discharged to a skilled nursing facility *$'
tui_keys snf q
tui_leave snf
is "the workstation ends again" "$(tui_wait_exit snf)" 0
done_testing
