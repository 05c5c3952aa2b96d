#!/bin/sh
# Security: names, phones and notes holding ESC, BEL, C1 controls and bidi overrides (written by
# an older caredesk or straight into the database; notes keep C1 and bidi by design) are printed
# escaped by every CLI printer, in TSV and JSON, and by the messages that quote them.
. "$TESTLIB/cli.sh"
. "$TESTLIB/terminal.sh"
if ! command -v sqlite3 >/dev/null 2>&1; then
    echo "1..0 # SKIP the sqlite3 shell is not installed (./bootstrap installs it)"
    exit 77
fi
DB="$T_TMP/clinic.db"
run() { cd_run --db "$DB" --user alice --now 2026-11-23T09:00 "$@"; }
run init --timezone America/New_York
run import "$FIXTURES/discharges.csv"
# what no caredesk command accepts any more, as a database may still hold it
sqlite3 "$DB" "UPDATE patients SET family_name = 'Evil' || char(27) || ']0;pwned' || char(7),
    given_name = 'Bob' || char(155) || '31m', phone = '555' || char(8238) || '0100',
    name_key = 'evil bob' WHERE mrn = '1001'"
NAME='Evil\x1b]0;pwned\x07, Bob\u009b31m'
NAME_JSON='Evil\u001b]0;pwned\u0007, Bob\u009b31m'
# printed DESC EXPECTED: the last command printed EXPECTED and nothing raw on stdout or stderr
printed() {
    is "$1" "$OUT" "$2"
    no_raw "$1: no raw control on stdout" "$T_TMP/out"
    no_raw "$1: no raw control on stderr" "$T_TMP/err"
}

run patient find 1001
printed "patient find" "id	mrn	patient	birth_date	phone	coordinator
1	1001	$NAME	1948-05-12	555\\u202e0100	"
run patient find evil --format json
printed "patient find --format json" "[
 {\"id\": 1, \"mrn\": \"1001\", \"patient\": \"$NAME_JSON\", \"birth_date\": \"1948-05-12\", \"phone\": \"555\\u202e0100\", \"coordinator\": null}
]"

run enroll 1001 --program ccm --consent verbal
printed "enroll names the patient" \
    "enrolled 1001 ($NAME) in ccm from 2026-11-23; verbal consent taken by alice"
run note add 1001 "$(printf 'Daughter \342\200\256evil\342\200\254 calls\tback')"
run log-call 1001 --outcome voicemail --note "$(printf 'left\302\205msg \342\201\246x\342\201\251')"
run timeline 1001 --kind note,call
printed "timeline: notes keep C1 and bidi, shown escaped" "day	time	kind	who	text
2026-11-23	09:00	note	alice	Daughter \\u202eevil\\u202c calls\\tback
2026-11-23	09:00	call	alice	Call: voicemail - left\\u0085msg \\u2066x\\u2069"
run timeline 1001 --kind note --format json
like "timeline --format json escapes the override" "$OUT" \
    '"text": "Daughter \\u202eevil\\u202c calls\\tback"'
no_raw "timeline --format json: no raw control" "$T_TMP/out"

run worklist --all
printed "worklist" "$(printf 'rank\ttask_id\tdue\tkind\treason\tmrn\tpatient\tphone\tprogram\trisk\tattempts\tassignee\n')
1	5	2026-11-23	tcm_contact	TCM contact due today, discharged Nov 19	1004	Lee, Ann Marie	555-0104	tcm	low	0	queue:tcm
2	7	2026-11-23	ccm_outreach	No CCM contact yet this month; CCM 0 of 20 min, 5 business days left	1001	$NAME	555\\u202e0100	ccm	moderate	0	queue:ccm
3	1	2026-11-24	tcm_contact	TCM contact due by Nov 24, discharged Nov 20	1001	$NAME	555\\u202e0100	tcm	moderate	1	queue:tcm
4	2	2026-11-27	tcm_visit	TCM visit to book by Nov 27	1001	$NAME	555\\u202e0100	tcm	moderate	0	queue:tcm
5	3	2026-11-24	tcm_contact	TCM contact due by Nov 24, discharged Nov 20	1002	O'Brien, \"Pat\"	555-0101	tcm	low	0	queue:tcm
6	6	2026-12-03	tcm_visit	TCM visit to book by Dec 3	1004	Lee, Ann Marie	555-0104	tcm	low	0	queue:tcm
7	4	2026-12-04	tcm_visit	TCM visit to book by Dec 4	1002	O'Brien, \"Pat\"	555-0101	tcm	low	0	queue:tcm"
run worklist --all --format json
like "worklist --format json" "$OUT" "\"patient\": \"$(echo "$NAME_JSON" | sed 's/[]\\[]/\\&/g')\", \"phone\": \"555\\\\u202e0100\""
no_raw "worklist --format json: no raw control" "$T_TMP/out"

run careplan add 1001 --section problem --text "Heart failure"
printed "careplan add" "saved care plan version 1 of 1001: added problem-1"
sqlite3 "$DB" "UPDATE users SET name = 'Al' || char(27) || '[5mice' || char(8238) WHERE login = 'alice'"
run careplan show 1001
printed "careplan show: the name and the saver's name" "Care plan of $NAME (MRN 1001)
Version 1 of 1, saved 2026-11-23 09:00 by Al\\x1b[5mice\\u202e: added problem-1
Next review date: (none)

Problems
  problem-1        Heart failure"
run careplan export 1001
like "careplan export (text, stdout) names the patient escaped" "$OUT" "Evil\\\\x1b\\]0;pwned"
no_raw "careplan export: no raw control" "$T_TMP/out"
run careplan export 1001 --format json
like "careplan export --format json escapes for JSON" "$OUT" \
    '"display": "Bob\\u009b31m Evil\\u001B\]0;pwned\\u0007"'
no_raw "careplan export --format json: no raw control" "$T_TMP/out"
run careplan export 1001 --format json -o "$T_TMP/plan.json"
no_raw "careplan export --format json to a file: no raw control" "$T_TMP/plan.json"

run appointment add 1001 --at 2026-11-25T09:00 --duration 30 --with "Dr. Lee" --kind tcm_visit
run appointment list
printed "appointment list" "id	mrn	patient	kind	start	duration	provider	location	status	sequence
1	1001	$NAME	tcm_visit	2026-11-25T09:00	30	Dr. Lee		booked	0"
run export-ics --full-names
like "export-ics on stdout: the summary shows the name visibly (RFC 5545 allows no controls)" \
    "$OUT" '^SUMMARY:TCM face-to-face visit - Bob\\\\u009b31m Evil\\\\x1b\]0\\;pwned\\\\x07'
tr -d '\r' <"$T_TMP/out" >"$T_TMP/ics" # iCalendar lines end in CR LF
no_raw "export-ics on stdout: no raw control" "$T_TMP/ics"

run time add 1001 25
run billing
printed "billing" "mrn	patient	program	role	minutes	codes	next_threshold_in	reason
1001	$NAME	ccm	clinical_staff	25	99490	15	"
run billing --format json
printed "billing --format json" "[
 {\"mrn\": \"1001\", \"patient\": \"$NAME_JSON\", \"program\": \"ccm\", \"role\": \"clinical_staff\", \"minutes\": 25, \"codes\": \"99490\", \"next_threshold_in\": 15, \"reason\": null}
]"

run timer start 1001
printed "timer start names the patient" \
    "timer started on 1001 ($NAME): ccm, other, clinical_staff"
run timer start 1002
is_rc "a second timer is refused" 1
is "the refusal quotes the name escaped" "$ERR" \
    "caredesk: a timer is already running on 1001 ($NAME) since 09:00; stop it first ('caredesk timer stop') or switch to 1002 with --switch"
no_raw "the refusal: no raw control on stderr" "$T_TMP/err"
run timer status
printed "timer status" "mrn	patient	program	activity	state	elapsed	month_min	next_threshold
1001	$NAME	ccm	other	running	00:00	25	40"
done_testing
