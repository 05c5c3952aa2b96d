#!/bin/sh
# Security: HL7 \Xhh\ escapes that decode to control characters are refused in names, MRNs and
# phones (ADT^A03 and ADT^A08 alike), and every message that quotes a decoded field shows the
# controls escaped: the terminal never receives an ESC, a BEL, a C1 control or a bidi override.
. "$TESTLIB/cli.sh"
. "$TESTLIB/terminal.sh"
cd "$T_TMP" || exit 1
DB=clinic.db
run() { cd_run --db "$DB" --user alice --now 2026-11-23T09:00 "$@"; }
run init --timezone America/New_York

MSH='MSH|^~\&|EPIC|STMARY|CAREDESK|CLINIC|202611211005||ADT^A03^ADT_A03|X0001|P|2.5.1'
PV1='PV1|1|I|4W^^^STMARY||||||||||||||||V3001|||||||||||||||||01||||||||202611170900|202611201200'
# hl7 FILE SEGMENT...: one message of the segments, each ended by CR (no printf escapes)
hl7() {
    f=$1
    shift
    : >"$f"
    for s in "$@"; do printf '%s\r' "$s" >>"$f"; done
}
refused() { # refused DESC FILE MESSAGE
    run import "$2"
    is_rc "$1: exit 1" 1
    is "$1: message" "$ERR" "$3"
    no_raw "$1: no raw control on stderr" "$T_TMP/err"
}

hl7 title.hl7 "$MSH" 'EVN|A03|202611211000' \
    'PID|1||3001^^^STMARY^MR||Evil\X1B5D303B7469746C6507\^Gail||19500505|F' "$PV1"
refused "\\X1B...\\ (an OSC window title) in PID-5" title.hl7 \
    "caredesk: title.hl7:3: PID-5 family_name: contains a control character (ESC); names may not (message X0001)"
hl7 c1.hl7 "$MSH" 'PID|1||3001^^^STMARY^MR||Doe^Ann\XC29B\31m||19500505|F' "$PV1"
refused "\\XC29B\\ (C1 CSI) in a given name" c1.hl7 \
    "caredesk: c1.hl7:2: PID-5 given_name: contains a control character (U+009B); names may not (message X0001)"
hl7 raw.hl7 "$MSH" 'PID|1||3001^^^STMARY^MR||Doe\X9B\^Ann||19500505|F' "$PV1"
refused "\\X9B\\ (a byte that is not UTF-8) in a name" raw.hl7 \
    "caredesk: raw.hl7:2: PID-5 family_name: is not valid UTF-8 (message X0001)"
hl7 mrn.hl7 "$MSH" 'PID|1||30\X07\01^^^STMARY^MR||Doe^Ann||19500505|F' "$PV1"
refused "\\X07\\ (BEL) in the MRN" mrn.hl7 \
    "caredesk: mrn.hl7:2: PID-3 mrn: contains a control character (BEL); MRNs may not (message X0001)"
hl7 phone.hl7 "$MSH" 'PID|1||3001^^^STMARY^MR||Doe^Ann||19500505|F|||||555\XE280AE\0100' "$PV1"
refused "\\XE280AE\\ (right-to-left override) in PID-13" phone.hl7 \
    "caredesk: phone.hl7:2: PID-13 phone: contains a control character (U+202E); phone numbers may not (message X0001)"
hl7 a08.hl7 'MSH|^~\&|EPIC|STMARY|CAREDESK|CLINIC|202611211005||ADT^A08|U0001|P|2.5.1' \
    'PID|1||3001^^^STMARY^MR||Doe^Ann||19500505|F|||||555\XE281A7\0100'
refused "an ADT^A08 update with a right-to-left isolate in the phone" a08.hl7 \
    "caredesk: a08.hl7:2: PID-13 phone: contains a control character (U+2067); phone numbers may not (message U0001)"
hl7 facility.hl7 "$MSH" 'PID|1||3001^^^STMARY^MR||Doe^Ann||19500505|F' \
    'PV1|1|I|4W^^^St\X1B5B324A\Mary||||||||||||||||V3001|||||||||||||||||01||||||||202611170900|202611201200'
refused "a clear-screen in the facility is quoted escaped" facility.hl7 \
    "caredesk: facility.hl7:3: PV1-3 facility: 'St\\x1b[2JMary' has a control character (message X0001)"
hl7 time.hl7 "$MSH" 'PID|1||3001^^^STMARY^MR||Doe^Ann||19500505|F' \
    'PV1|1|I|4W^^^STMARY||||||||||||||||V3001|||||||||||||||||01||||||||202611170900|2026112\X1B5D303B7807\'
refused "a bad discharge time is quoted escaped" time.hl7 \
    "caredesk: time.hl7:3: PV1-45 discharge_at: '2026112\\x1b]0;x\\x07' is not an HL7 time (YYYYMMDD[HHMM[SS]][+/-ZZZZ]) (message X0001)"
hl7 dx.hl7 "$MSH" 'PID|1||3001^^^STMARY^MR||Doe^Ann||19500505|F' "$PV1" 'DG1|1||I50.9\XC285\'
refused "NEL in a diagnosis" dx.hl7 \
    "caredesk: dx.hl7:4: DG1-3 diagnoses: 'I50.9\\u0085' has a control character (message X0001)"
run patient find 3001
is "nothing was written" "$OUT" "id	mrn	patient	birth_date	phone	coordinator"

# the same message with no escapes is taken in
hl7 good.hl7 "$MSH" 'PID|1||3001^^^STMARY^MR||Doe^Ann\XC3A9\||19500505|F' "$PV1"
run import good.hl7
is "a \\X..\\ escape of ordinary text is fine" "$OUT" \
    "import good.hl7: patients 1 new, 0 updated; discharges 1 new, 0 already known; tasks 2 created; messages 0 skipped"
done_testing
