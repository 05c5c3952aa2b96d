#!/bin/sh
# Security: opening a patient's chart in the workstation leaves one audit entry naming the user
# and the patient; switching tabs, and another session's change that redraws the chart, add none;
# opening it again adds one more.
. "$TESTLIB/cli.sh"
. "$TESTLIB/tui.sh"
command -v sqlite3 >/dev/null 2>&1 || { echo "1..0 # SKIP sqlite3 shell not found"; exit 77; }
DB="$T_TMP/clinic.db"
N=2026-11-23T10:00
run() { cd_run --db "$DB" --user boss --now $N "$@"; }
run init --clinic "North Clinic" --timezone America/New_York
run user add mrivera --name "Maria Rivera" --role coordinator --team north
run import "$FIXTURES/discharges.csv"
run task assign 1 mrivera
is_rc "fixture" 0
opened() {
    sqlite3 "$DB" "SELECT group_concat(a.action || ' ' || p.mrn || ' ' || a.detail || ' ' || u.login, ', ') FROM audit_log a JOIN patients p ON p.id = a.patient_id JOIN users u ON u.id = a.user_id WHERE a.entity = 'chart'"
}

tui_start chart 80 24 --db "$DB" --now $N --user mrivera
tui_ok "the worklist" chart '^ My list: '
is "nothing opened yet" "$(opened)" ""
tui_keys chart /
tui_type chart "Núñez"
tui_keys chart Enter Enter
tui_ok "the chart" chart 'Contacts \(0\)   Timeline'
is "one entry for the opening" "$(opened)" "open 1001 Contacts mrivera"
tui_keys chart Tab
tui_ok "the timeline tab" chart '^ Date +Time +Kind +Who +What'
tui_keys chart Tab
tui_ok "the care plan tab" chart '^ No version saved yet'
cd_run --db "$DB" --user boss --now $N note add 1001 "from another session"
tui_keys chart 1
tui_ok "back on contacts" chart '^ When +Who +Outcome'
is "tabs and redraws add none" "$(opened)" "open 1001 Contacts mrivera"
tui_keys chart q
tui_ok "back to the list" chart '^ My list: '
tui_keys chart Enter
tui_ok "the chart again" chart 'Contacts \(0\)   Timeline'
is "opening it again adds one" "$(opened)" "open 1001 Contacts mrivera, open 1001 Contacts mrivera"
tui_keys chart q q
done_testing
