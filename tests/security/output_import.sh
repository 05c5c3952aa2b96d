#!/bin/sh
# Security: control characters in the names, MRNs and phones of a CSV import or of `patient add`
# are refused with one line naming file, line and field; every message that quotes a file or an
# argument shows controls escaped (\x1b, \u202e) and never sends them to the terminal raw.
. "$TESTLIB/cli.sh"
. "$TESTLIB/terminal.sh"
cd "$T_TMP" || exit 1
DB=clinic.db
run() { cd_run --db "$DB" --user alice --now 2026-11-23T09:00 "$@"; }
run init --timezone America/New_York

# bad FILE ROW: FILE holds a good record on line 2 and ROW (printf escapes) on line 3
bad() {
    printf 'mrn,family_name,given_name,birth_date,phone,discharge_at,setting,facility\n' >"$1"
    printf '1001,Okafor,Chidi,1960-01-01,555-0100,2026-11-20,inpatient,General\n' >>"$1"
    printf "$2\n" >>"$1"
}
# refused DESC FILE MESSAGE: the import of FILE fails with MESSAGE, and nothing raw reaches stderr
refused() {
    run import "$2"
    is_rc "$1: exit 1" 1
    is "$1: message" "$ERR" "$3"
    no_raw "$1: no raw control on stderr" "$T_TMP/err"
}

bad discharges.csv '1002,"Evil\033]0;pwned\007",Ann,1950-01-01,555-0101,2026-11-20,inpatient,General'
refused "OSC window title in a family name" discharges.csv \
    "caredesk: discharges.csv:3: family_name: contains a control character (ESC); names may not"
run patient find 1001
is "the file is refused whole: not even line 2 was written" "$OUT" \
    "id	mrn	patient	birth_date	phone	coordinator"

bad c1.csv '1002,Doe,"Ann\302\23331m",1950-01-01,555-0101,2026-11-20,inpatient,General'
refused "C1 CSI (U+009B) in a given name" c1.csv \
    "caredesk: c1.csv:3: given_name: contains a control character (U+009B); names may not"
bad raw9b.csv '1002,Doe,"Ann\23331m",1950-01-01,555-0101,2026-11-20,inpatient,General'
refused "a raw 0x9b byte in a given name" raw9b.csv \
    "caredesk: raw9b.csv:3: given_name: is not valid UTF-8"
bad rlo.csv '1002,Doe,Ann,1950-01-01,555\342\200\2560101,2026-11-20,inpatient,General'
refused "right-to-left override in a phone" rlo.csv \
    "caredesk: rlo.csv:3: phone: contains a control character (U+202E); phone numbers may not"
bad rlm.csv '10\342\200\21702,Doe,Ann,1950-01-01,555-0101,2026-11-20,inpatient,General'
refused "right-to-left mark in an MRN" rlm.csv \
    "caredesk: rlm.csv:3: mrn: contains a control character (U+200F); MRNs may not"
bad bel.csv '1002,"Doe\007",Ann,1950-01-01,555-0101,2026-11-20,inpatient,General'
refused "BEL in a family name" bel.csv \
    "caredesk: bel.csv:3: family_name: contains a control character (BEL); names may not"
printf 'mrn,name,discharge_at,setting\n1003,"Doe, Ann\302\205",2026-11-20,inpatient\n' >name.csv
refused "NEL (U+0085) in the name column" name.csv \
    "caredesk: name.csv:2: given_name: contains a control character (U+0085); names may not"
bad facility.csv '1002,Doe,Ann,1950-01-01,555-0101,2026-11-20,inpatient,"Gen\033[2Jeral"'
refused "a clear-screen in a facility is quoted escaped" facility.csv \
    "caredesk: facility.csv:3: facility: 'Gen\\x1b[2Jeral' has a control character"
printf 'mrn,x\033]0;t\007,discharge_at,setting\n' >header.csv
refused "an unknown column is quoted escaped" header.csv \
    "caredesk: header.csv:1: header: unknown column 'x\\x1b]0;t\\x07' (known: mrn, family_name, given_name, name, birth_date, sex, phone, discharge_at, admit_at, facility, setting, disposition, admission_type, diagnoses, complexity)"
bad "$(printf 'evil\033]0;t\007.csv')" '1002,Doe,Ann,1950-01-01,555-0101,2026-11-20,inpatient,"X\001"'
refused "the file name itself is escaped" "$(printf 'evil\033]0;t\007.csv')" \
    "caredesk: evil\\x1b]0;t\\x07.csv:3: facility: 'X\\x01' has a control character"

# patient add: the same rule for arguments
run patient add --mrn 2001 --family "$(printf 'Doe\033[8m')" --given Ann --birth-date 1950-01-01
is_rc "patient add: ESC in --family refused" 1
is "patient add: message" "$ERR" \
    "caredesk: family_name: contains a control character (ESC); names may not"
run patient add --mrn 2001 --family Doe --given Ann --birth-date 1950-01-01 \
    --phone "$(printf '555\342\201\2460101')"
is "patient add: a left-to-right isolate in --phone" "$ERR" \
    "caredesk: phone: contains a control character (U+2066); phone numbers may not"
run patient add --mrn 2001 --family Doe --given "$(printf 'Ann\tMarie')" --birth-date 1950-01-01
is "patient add: a tab in --given" "$ERR" \
    "caredesk: given_name: contains a control character (HT); names may not"
run patient add --mrn "$(printf '20\00301')" --family Doe --given Ann --birth-date 1950-01-01
is "patient add: ETX in --mrn" "$ERR" "caredesk: mrn: contains a control character (ETX); MRNs may not"
no_raw "patient add: no raw control on stderr" "$T_TMP/err"
run patient add --mrn 2001 --family Doe --given Ann --birth-date "$(printf '1950\033[2J')"
is "patient add: a bad date is quoted escaped" "$ERR" \
    "caredesk: birth_date: '1950\\x1b[2J' is not a date (YYYY-MM-DD)"
run patient find 2001
is "patient add: nothing written" "$OUT" "id	mrn	patient	birth_date	phone	coordinator"

# usage errors quote the argument
run patient "$(printf 'frob\033[31m')"
is_rc "usage error exit 2" 2
is "usage error: the action quoted escaped" "$ERR" \
    "caredesk: unknown patient action 'frob\\x1b[31m'
usage: caredesk patient add --mrn MRN --family TEXT --given TEXT --birth-date YYYY-MM-DD [--sex F|M|X] [--phone TEXT] [--language TEXT] [--coordinator LOGIN] | patient find TEXT | patient show MRN [--format tsv|json] | patient deceased MRN --date YYYY-MM-DD [--note TEXT] | patient deceased MRN --undo --reason TEXT"
no_raw "usage error: no raw control on stderr" "$T_TMP/err"
cd_run --db "$DB" "$(printf -- '--bo\302\233gus')"
is "unknown global option quoted escaped" "$ERR" \
    "caredesk: unknown option '--bo\\u009bgus' (see caredesk --help)"
cd_run --db "$DB" "$(printf 'frob\342\200\256nicate')"
is "unknown sub-command quoted escaped" "$ERR" \
    "caredesk: unknown sub-command 'frob\\u202enicate' (see caredesk --help)"
run careplan show "$(printf 'M\033]0;x\007')"
is "unknown MRN quoted escaped" "$ERR" "caredesk: no patient with MRN 'M\\x1b]0;x\\x07'"
no_raw "unknown MRN: no raw control on stderr" "$T_TMP/err"
run import "$(printf 'missing\033[5m.csv')"
is "a missing file's name is escaped" "$ERR" \
    "caredesk: missing\\x1b[5m.csv: cannot open: No such file or directory"
done_testing
