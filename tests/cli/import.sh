#!/bin/sh
# CLI: import CSV and HL7 files; summaries, re-import changes nothing, cancel by A13.
. "$TESTLIB/cli.sh"
DB="$T_TMP/clinic.db"
run() { cd_run --user alice --db "$DB" --now 2026-11-23T09:00 "$@"; }
q() { sqlite3 -separator ' ' "$DB" "$1"; }
run init --timezone America/New_York

run import "$FIXTURES/discharges.csv"
is_rc "csv import succeeds" 0
is "csv summary" "$OUT" "import $FIXTURES/discharges.csv: patients 4 new, 0 updated; discharges 4 new (1 not eligible for TCM), 0 already known; tasks 6 created; messages 0 skipped"
run import "$FIXTURES/discharges.csv"
is "csv again: nothing changed" "$OUT" "import $FIXTURES/discharges.csv: patients 0 new, 0 updated; discharges 0 new, 4 already known; tasks 0 created; messages 0 skipped; nothing changed"

if command -v sqlite3 >/dev/null 2>&1; then
    is "csv tasks" "$(q "SELECT p.mrn, t.kind, t.due_date, t.due_at FROM tasks t JOIN patients p ON p.id = t.patient_id ORDER BY t.id")" "1001 tcm_contact 2026-11-24 2026-11-25T04:59:59Z
1001 tcm_visit 2026-11-27 2026-11-28T04:59:59Z
1002 tcm_contact 2026-11-24 2026-11-25T04:59:59Z
1002 tcm_visit 2026-12-04 2026-12-05T04:59:59Z
1004 tcm_contact 2026-11-23 2026-11-24T04:59:59Z
1004 tcm_visit 2026-12-03 2026-12-04T04:59:59Z"
    is "csv patients (BOM, MM/DD/YYYY, quotes, newline)" "$(q "SELECT mrn, family_name, given_name, birth_date FROM patients ORDER BY mrn")" "1001 Núñez Zoë 1948-05-12
1002 O'Brien \"Pat\" 1952-03-04
1003 Okafor Chidi 1960-01-01
1004 Lee Ann Marie 1970-07-07"
    is "ineligible encounter keeps its reason" "$(q "SELECT discharge_date, tcm_eligible, ineligible_reason FROM encounters WHERE id = 3")" "2026-11-21 0 discharged to another hospital"
fi

run import "$FIXTURES/adt_cr.hl7"
is "hl7 CR file: A03 x3, A01 skipped, A08" "$OUT" "import $FIXTURES/adt_cr.hl7: patients 3 new, 1 updated; discharges 3 new (2 not eligible for TCM), 0 already known; tasks 2 created; messages 1 skipped; 1 death recorded"
run import --format hl7 "$FIXTURES/adt_lf.hl7" "$FIXTURES/adt_mllp.hl7"
is "hl7 LF and MLLP/CRLF files, A13 cancels" "$OUT" "import $FIXTURES/adt_lf.hl7: patients 1 new, 0 updated; discharges 1 new, 0 already known; tasks 2 created; messages 0 skipped
import $FIXTURES/adt_mllp.hl7: patients 1 new, 0 updated; discharges 1 new, 0 already known; tasks 2 created; messages 0 skipped; discharges 1 cancelled, tasks 2 cancelled"
run import "$FIXTURES/adt_cr.hl7" "$FIXTURES/adt_lf.hl7" "$FIXTURES/adt_mllp.hl7"
is "hl7 again: nothing changed" "$OUT" "import $FIXTURES/adt_cr.hl7: patients 0 new, 0 updated; discharges 0 new, 3 already known; tasks 0 created; messages 1 skipped; nothing changed
import $FIXTURES/adt_lf.hl7: patients 0 new, 0 updated; discharges 0 new, 1 already known; tasks 0 created; messages 0 skipped; nothing changed
import $FIXTURES/adt_mllp.hl7: patients 0 new, 0 updated; discharges 0 new, 1 already known; tasks 0 created; messages 0 skipped; nothing changed"

if command -v sqlite3 >/dev/null 2>&1; then
    is "hl7 patient: MR identifier, escapes, A08 phone" "$(q "SELECT mrn, family_name, given_name, phone, language FROM patients WHERE mrn = '2001'")" "2001 García María Luisa 555-0299 spa"
    is "hl7 encounters" "$(q "SELECT external_id, discharge_at, discharge_date, status, tcm_eligible, coalesce(ineligible_reason, '-') FROM encounters WHERE source = 'hl7' ORDER BY id")" "V1001 2026-11-20T19:30:00Z 2026-11-20 cancelled 1 -
V1003 2026-11-20T21:00:00Z 2026-11-20 discharged 0 emergency department visit (PV1-2 = E)
V1004 2026-11-20T09:00:00Z 2026-11-20 discharged 0 patient died
2005|2026-11-22T16:15:00Z|STMARY 2026-11-22T16:15:00Z 2026-11-22 discharged 1 -
V1006 2026-11-21T14:30:00Z 2026-11-21 discharged 1 -"
    is "A13 cancelled tasks with a reason" "$(q "SELECT t.kind, t.status, t.close_reason FROM tasks t JOIN encounters e ON e.id = t.encounter_id WHERE e.external_id = 'V1001'")" "tcm_contact cancelled discharge cancelled (ADT^A13 message MSG0007)
tcm_visit cancelled discharge cancelled (ADT^A13 message MSG0007)"
fi

run import
is_rc "no file is a usage error" 2
run import --format xml "$FIXTURES/adt_lf.hl7"
is_rc "bad format is a usage error" 2
run import "$T_TMP/missing.csv"
is_rc "missing file fails" 1
like "missing file message" "$ERR" "^caredesk: .*/missing.csv: cannot open: No such file or directory$"
done_testing
