#!/bin/sh
# Security: every read and export of patient data from the command line leaves exactly one audit
# entry naming the user and the patient (the count for an export of many appointments, the month
# for billing, which covers every patient): careplan show, careplan export (text and FHIR),
# export-ics (to a file and to stdout), timeline, patient find, billing.
. "$TESTLIB/cli.sh"
command -v sqlite3 >/dev/null 2>&1 || { echo "1..0 # SKIP sqlite3 shell not found"; exit 77; }
DB="$T_TMP/clinic.db"
run() { cd_run --db "$DB" --user boss --now 2026-11-02T09:00 "$@"; }
nurse() { cd_run --db "$DB" --user mrivera --now 2026-11-03T10:00 "$@"; }
run init --clinic "North Clinic" --timezone America/New_York
run user add mrivera --name "Maria Rivera" --role coordinator
run patient add --mrn 1001 --family Doe --given Jane --birth-date 1950-01-01
run patient add --mrn 1002 --family Roe --given Rick --birth-date 1951-01-01
run careplan add 1001 --section problem --text "Heart failure" --code I50.9
for d in 10 11 12; do
    run appointment add 1001 --at 2026-11-${d}T10:00 --duration 30 --with "Smith, Alan"
done
run appointment add 1002 --at 2026-11-13T10:00 --duration 30 --with "Smith, Alan"
is_rc "fixture" 0

# read: the command; want: "entity action patient detail user" of the one new entry
check() {
    local name=$1 want=$2
    shift 2
    # acting as mrivera (--user) is audited on its own ('session act_as'): not counted here
    before=$(sqlite3 "$DB" "SELECT max(id) FROM audit_log")
    nurse "$@"
    is_rc "$name: runs" 0
    is "$name: one entry, naming the user and the patient" \
        "$(sqlite3 "$DB" "SELECT a.entity || ' ' || a.action || ' ' || coalesce(p.mrn, '-') || ' ' || coalesce(a.detail, '-') || ' ' || u.login FROM audit_log a LEFT JOIN patients p ON p.id = a.patient_id LEFT JOIN users u ON u.id = a.user_id WHERE a.id > $before AND a.entity <> 'session'")" \
        "$want"
}
check "careplan show" "care_plan show 1001 version 1 mrivera" careplan show 1001
check "careplan export" "care_plan export 1001 version 1 as text mrivera" careplan export 1001 -o "$T_TMP/plan.txt"
check "careplan export json" "care_plan export 1001 version 1 as FHIR JSON mrivera" careplan export 1001 --format json
check "export-ics to a file" "appointment export 1001 3 appointments as iCalendar mrivera" export-ics --patient 1001 -o "$T_TMP/a.ics"
check "export-ics of everyone" "appointment export - 4 appointments as iCalendar mrivera" export-ics
check "timeline" "timeline read 1001 4 entries mrivera" timeline 1001
check "patient find" "patient search 1002 'roe': 1 patient mrivera" patient find roe
check "billing" "billing read - 2026-11: 0 rows mrivera" billing
n=$(sqlite3 "$DB" "SELECT count(*) FROM audit_log")
run audit verify
is "the chain holds (acting as boss to verify is one entry more)" "$OUT" "audit log verified: $((n + 1)) entries, chain intact"
done_testing
