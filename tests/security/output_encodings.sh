#!/bin/sh
# Security: import files are UTF-8. A UTF-8 byte-order mark is accepted in HL7 as in CSV; UTF-16
# and UTF-32 files, with or without a byte-order mark, are refused with one sentence that says
# what to do (not "unknown column" with the file's raw bytes), whatever --format says.
. "$TESTLIB/cli.sh"
. "$TESTLIB/terminal.sh"
cd "$FIXTURES" || exit 1
DB="$T_TMP/clinic.db"
run() { cd_run --db "$DB" --user alice --now 2026-11-23T09:00 "$@"; }
run init --timezone America/New_York

run import bom_utf8.hl7
is_rc "HL7 with a UTF-8 byte-order mark: accepted" 0
is "HL7 with a UTF-8 byte-order mark: imported" "$OUT" \
    "import bom_utf8.hl7: patients 1 new, 0 updated; discharges 1 new, 0 already known; tasks 2 created; messages 0 skipped"
run import --format hl7 bom_utf8.hl7
is "HL7 with a byte-order mark, --format hl7: the same message again changes nothing" "$OUT" \
    "import bom_utf8.hl7: patients 0 new, 0 updated; discharges 0 new, 1 already known; tasks 0 created; messages 0 skipped; nothing changed"

wide() { # wide FILE ENCODING [IMPORT OPTIONS]: FILE is refused as ENCODING
    f=$1 enc=$2
    shift 2
    run import "$@" "$f"
    is_rc "$f $*: exit 1" 1
    is "$f $*: message" "$ERR" "caredesk: $f: $enc is not supported; save the file as UTF-8"
    no_raw "$f $*: no raw bytes on stderr" "$T_TMP/err"
    is "$f $*: no summary" "$OUT" ""
}
wide utf16le_bom.csv UTF-16
wide utf16le_bom.csv UTF-16 --format csv
wide utf16le_bom.hl7 UTF-16
wide utf16le_bom.hl7 UTF-16 --format hl7
wide utf16be.hl7 UTF-16
wide utf32le_bom.csv UTF-32
run patient find 1001
is "nothing of the refused files was written" "$OUT" "id	mrn	patient	birth_date	phone	coordinator"
done_testing
