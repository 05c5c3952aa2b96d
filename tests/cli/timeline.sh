#!/bin/sh
# CLI: timeline (kinds, search, --before, --limit, json) and note add; exact output and exit codes.
. "$TESTLIB/cli.sh"
DB="$T_TMP/clinic.db"
run() { cd_run --user alice --db "$DB" --now 2026-11-02T09:00 "$@"; }

run init --clinic "North Clinic" --timezone America/New_York
run user add mrivera --name "Maria Rivera" --role coordinator
run patient add --mrn 1001 --family "Núñez" --given "Zoë" --birth-date 1948-05-12 --coordinator mrivera

run timeline 1001
is "empty timeline" "$OUT" "day	time	kind	who	text"

cd_run --db "$DB" --user mrivera --now 2026-10-30T14:15 note add 1001 "Daughter called
asks for a ride on Tuesday"
is "note add" "$OUT" "added note 1 to 1001"
cd_run --db "$DB" --user mrivera --now 2026-10-31T10:00 careplan add 1001 --section problem --text "Heart failure" --code I50.9
run note add 1001 "Zoë feels better 👍"
run note add 1001 "bad$(printf '\007')bell"
is_rc "control character refused" 1
is "control character message" "$ERR" "caredesk: text: line 1 has a control character (0x07)"
run note add 1001 "   "
is "empty note message" "$ERR" "caredesk: text: the note is empty"
run note add 9999 "hello"
is "unknown MRN" "$ERR" "caredesk: no patient with MRN '9999'"
run note add 1001
is_rc "note without text" 2

run timeline 1001
is "timeline" "$OUT" "day	time	kind	who	text
2026-11-02	09:00	note	alice	Zoë feels better 👍
2026-10-31	10:00	careplan	Maria Rivera	Care plan version 1: added problem-1
2026-10-30	14:15	note	Maria Rivera	Daughter called"

run timeline 1001 --kind note --limit 1
is "kind and limit" "$OUT" "day	time	kind	who	text
2026-11-02	09:00	note	alice	Zoë feels better 👍"
run timeline 1001 --search "RIDE"
is "search reads the whole note" "$OUT" "day	time	kind	who	text
2026-10-30	14:15	note	Maria Rivera	Daughter called"
run timeline 1001 --before 2026-10-31
is "jump to a date" "$OUT" "day	time	kind	who	text
2026-10-31	10:00	careplan	Maria Rivera	Care plan version 1: added problem-1
2026-10-30	14:15	note	Maria Rivera	Daughter called"
run timeline 1001 --kind note --before 2026-10-30 --format json
is "json with the detail" "$OUT" '[
 {"at": "2026-10-30T18:15:00Z", "day": "2026-10-30", "time": "14:15", "kind": "note", "id": 1, "who": "Maria Rivera", "text": "Daughter called", "detail": "Daughter called\nasks for a ride on Tuesday"}
]'

run timeline 1001 --kind notes
is_rc "unknown kind" 2
like "unknown kind message" "$ERR" "^caredesk: --kind: 'notes' is not a timeline kind"
run timeline 1001 --before 2026-02-30
is_rc "bad date" 2
is "bad date message" "$(printf '%s\n' "$ERR" | head -1)" "caredesk: --before: '2026-02-30' is not a date (YYYY-MM-DD)"
run timeline 1001 --limit 0
is_rc "bad limit" 2
run timeline
is_rc "no MRN" 2
run timeline 9999
is_rc "unknown MRN" 1
done_testing
