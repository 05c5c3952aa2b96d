#!/bin/sh
# CLI: bad import files are refused whole, with one line naming file, line and field.
. "$TESTLIB/cli.sh"
DB="$T_TMP/clinic.db"
run() { cd_run --user alice --db "$DB" --now 2026-11-23T09:00 "$@"; }
run init --timezone America/New_York
F=$FIXTURES

bad() { # bad DESCRIPTION FILE EXPECTED-STDERR
    run import "$2"
    is_rc "$1: exit 1" 1
    is "$1: message" "$ERR" "$3"
    is "$1: no summary" "$OUT" ""
}
bad "truncated MLLP message" "$F/bad_truncated.hl7" \
    "caredesk: $F/bad_truncated.hl7:5: MSH: the message is truncated (its MLLP frame has no end byte)"
bad "missing PID" "$F/bad_no_pid.hl7" \
    "caredesk: $F/bad_no_pid.hl7:5: PID: the ADT^A03 message has no PID segment (message NP0002)"
bad "missing PV1" "$F/bad_no_pv1.hl7" \
    "caredesk: $F/bad_no_pv1.hl7:5: PV1: the ADT^A03 message has no PV1 segment (message NV0002)"
bad "discharge time not a time" "$F/bad_time.hl7" \
    "caredesk: $F/bad_time.hl7:8: PV1-45 discharge_at: '20261120T1200' is not an HL7 time (YYYYMMDD[HHMM[SS]][+/-ZZZZ]) (message BT0002)"
bad "discharge before admission" "$F/bad_before_admit.hl7" \
    "caredesk: $F/bad_before_admit.hl7:8: PV1-45 discharge_at: '2026-11-19T17:00:00Z' is before admit_at '2026-11-20T17:00:00Z' (message BA0002)"
bad "invalid UTF-8" "$F/bad_utf8.hl7" \
    "caredesk: $F/bad_utf8.hl7:7: PID-5 family_name: is not valid UTF-8 (message BU0002)"
bad "NUL byte" "$F/bad_nul.hl7" \
    "caredesk: $F/bad_nul.hl7:7: PID-5: contains a NUL byte (message BN0002)"
bad "unknown CSV column" "$F/bad_columns.csv" \
    "caredesk: $F/bad_columns.csv:1: header: unknown column 'discharge_date' (known: mrn, family_name, given_name, name, birth_date, sex, phone, discharge_at, admit_at, facility, setting, disposition, admission_type, diagnoses, complexity)"
bad "CSV date that is not a date" "$F/bad_date.csv" \
    "caredesk: $F/bad_date.csv:3: discharge_at: '2026-11-31' is not a date and time (expected YYYY-MM-DD[THH:MM[:SS][Z|+HH:MM]])"
bad "CSV quote" "$F/bad_quote.csv" \
    "caredesk: $F/bad_quote.csv:3: field 2: the quoted field starting here has text after its closing quote on line 4"

# a 10 MB field, generated here (not committed)
big="$T_TMP/big.hl7"
{
    printf 'MSH|^~\\&|EPIC|STMARY|CD|CLINIC|202611211005||ADT^A03|BIG0001|P|2.5\r'
    printf 'PID|1||4001^^^STMARY^MR||'
    head -c 10485760 /dev/zero | tr '\0' 'x'
    printf '^Big\rPV1|1|I\r'
} >"$big"
bad "10 MB field" "$big" \
    "caredesk: $big:2: PID-5: is 10485764 bytes long; the limit is 65536 (message BIG0001)"
bigcsv="$T_TMP/big.csv"
{
    printf 'mrn,name,discharge_at,setting\n4001,"'
    head -c 10485760 /dev/zero | tr '\0' 'x'
    printf ', Big",2026-11-20,inpatient\n'
} >"$bigcsv"
bad "10 MB CSV field" "$bigcsv" "caredesk: $bigcsv:2: field 2: is longer than 65536 bytes"

# forced format: a CSV read as HL7
run import --format hl7 "$F/discharges.csv"
is "CSV read as HL7" "$ERR" "caredesk: $F/discharges.csv:1: MSH: expected an MSH segment to start a message"

# one bad file does not stop the good one, and nothing of the bad one is written
run import "$F/bad_time.hl7" "$F/adt_lf.hl7"
is_rc "one bad file: exit 1" 1
is "the good file is imported" "$OUT" "import $F/adt_lf.hl7: patients 1 new, 0 updated; discharges 1 new, 0 already known; tasks 2 created; messages 0 skipped"
if command -v sqlite3 >/dev/null 2>&1; then
    is "nothing half-written" "$(sqlite3 "$DB" "SELECT group_concat(mrn) FROM patients")" "2005"
fi
done_testing
