#!/bin/sh
# CLI: export-ics against expected files (DTSTAMP and the random UIDs masked; the VTIMEZONE,
# which follows the machine's tzdata, checked by structure), CRLF, folding, -o, filters.
. "$TESTLIB/cli.sh"
DB="$T_TMP/clinic.db"
run() { cd_run --user alice --db "$DB" --now 2026-03-01T09:00 "$@"; }

run init --clinic "North Clinic" --timezone America/New_York
run patient add --mrn M1 --family "Núñez" --given "Zoë" --birth-date 1948-05-12 --phone 555-0100
run patient add --mrn M2 --family "O'Brien, Jr." --given Jane --birth-date 1950-01-01
run appointment add M1 --at 2026-03-07T09:30 --duration 30 --with "Smith, Alan; MD" --kind primary_care --location 'Suite 4; 2nd floor, "East" \ wing'
run appointment add M2 --at 2026-03-09T09:30 --duration 45 --with "Dr. Ñandú Éclair-Ünlü Ærøskøbing-Łódź" --kind tcm_visit --location "東京都千代田区丸の内一丁目東京都千代田区丸の内一丁目😀😀😀😀😀😀😀😀"
run appointment add M1 --at 2026-10-31T09:00 --duration 15 --with Lab --kind lab
run appointment add M2 --at 2026-11-02T09:00 --duration 20 --with "Dr. Lee" --kind telehealth
run appointment move 4 --at 2026-11-02T10:00
run appointment cancel 4 --reason readmitted

# mask: DTSTAMP, the UIDs (checked as v4 UUIDs first), and the VTIMEZONE body
mask() {
    tr -d '\r' <"$1" | sed -e 's/^DTSTAMP:.*/DTSTAMP:(masked)/' \
        -e 's/^UID:[0-9a-f]\{8\}-[0-9a-f]\{4\}-4[0-9a-f]\{3\}-[89ab][0-9a-f]\{3\}-[0-9a-f]\{12\}$/UID:(uuid v4)/' |
        awk '/^BEGIN:VTIMEZONE$/{print; print "(tzdata)"; skip=1; next} /^END:VTIMEZONE$/{skip=0} !skip'
}
# the VTIMEZONE's structure: its TZID and the two changes of 2026 in New York
zone() {
    tr -d '\r' <"$1" | awk '/^BEGIN:VTIMEZONE$/{z=1} z' | awk '/^END:VTIMEZONE$/{print; exit} 1' |
        grep -E '^(BEGIN|END|TZID|TZOFFSETFROM|TZOFFSETTO|DTSTART):' | tr '\n' ' '
}

run export-ics -o "$T_TMP/all.ics"
is_rc "export to a file" 0
is "export output" "$OUT" "wrote 4 appointments to $T_TMP/all.ics"
is "export file is private" "$(stat -c %a "$T_TMP/all.ics")" "600"
mask "$T_TMP/all.ics" >"$T_TMP/all.masked"
diff -u "$FIXTURES/export_ics.expected" "$T_TMP/all.masked" >"$T_TMP/diff"; RC=$?
is_rc "export matches tests/fixtures/export_ics.expected" 0
[ "$RC" = 0 ] || sed 's/^/# /' "$T_TMP/diff"
is "UIDs are distinct v4 UUIDs" "$(grep -c '^UID:(uuid v4)$' "$T_TMP/all.masked") $(grep '^UID:' "$T_TMP/all.ics" | sort -u | wc -l)" "4 4"
is "VTIMEZONE structure" "$(zone "$T_TMP/all.ics")" "BEGIN:VTIMEZONE TZID:America/New_York BEGIN:STANDARD TZOFFSETFROM:-0500 TZOFFSETTO:-0500 DTSTART:20260306T093000 END:STANDARD BEGIN:DAYLIGHT TZOFFSETFROM:-0500 TZOFFSETTO:-0400 DTSTART:20260308T020000 END:DAYLIGHT BEGIN:STANDARD TZOFFSETFROM:-0400 TZOFFSETTO:-0500 DTSTART:20261101T020000 END:STANDARD END:VTIMEZONE "
is "every line ends in CRLF" "$(grep -vc "$(printf '\r')\$" "$T_TMP/all.ics")" "0"
is "no line over 75 octets" "$(tr -d '\r' <"$T_TMP/all.ics" | LC_ALL=C awk 'length($0) > 75' | wc -l)" "0"
is "every line is valid UTF-8" "$(tr -d '\r' <"$T_TMP/all.ics" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1 && tr -d '\r' <"$T_TMP/all.ics" | while IFS= read -r l; do printf '%s\n' "$l" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1 || echo bad; done | wc -l)" "0"

sleep 1
cd_run --user alice --db "$DB" --now 2026-03-02T10:00 export-ics
is_rc "export to stdout" 0
printf '%s\n' "$OUT" >"$T_TMP/again.ics"
is "a second export differs only in DTSTAMP" "$(tr -d '\r' <"$T_TMP/all.ics" | grep -v '^DTSTAMP:')" "$(tr -d '\r' <"$T_TMP/again.ics" | grep -v '^DTSTAMP:')"
like "DTSTAMP follows --now" "$OUT" "DTSTAMP:20260302T1500(0[0-9])Z"

run export-ics --full-names --patient M2 --from 2026-03-01 --to 2026-03-31
like "--full-names puts the name in SUMMARY" "$(printf '%s' "$OUT" | tr -d '\r')" "^SUMMARY:TCM face-to-face visit - Jane O'Brien\\\\, Jr\\.$"
is "filtered to one event" "$(printf '%s' "$OUT" | grep -c '^BEGIN:VEVENT')" "1"
run export-ics --provider "Dr. Lee"
is "provider filter" "$(printf '%s' "$OUT" | tr -d '\r' | grep '^SUMMARY:')" "SUMMARY:Telehealth visit - J.O."

run settings organizer scheduling@north.example
run export-ics --to 2026-03-08
is "METHOD:PUBLISH only with an organizer" "$(printf '%s' "$OUT" | tr -d '\r' | grep -E '^(METHOD|ORGANIZER)')" "METHOD:PUBLISH
ORGANIZER;CN=North Clinic:mailto:scheduling@north.example"

printf 'keep me\n' >"$T_TMP/keep.ics"
run export-ics --from 2026-02-30 -o "$T_TMP/keep.ics"
is_rc "bad date fails" 1
is "bad date message" "$ERR" "caredesk: from: '2026-02-30' is not a date (YYYY-MM-DD)"
is "the old file is untouched" "$(cat "$T_TMP/keep.ics")" "keep me"
run export-ics -o "$T_TMP/no/such/dir/x.ics"
is_rc "unwritable path fails" 1
is "unwritable path message" "$ERR" "caredesk: $T_TMP/no/such/dir/x.ics: the directory $T_TMP/no/such/dir does not exist"
run export-ics --alarm 0
is_rc "bad --alarm is a usage error" 2
run export-ics extra
is_rc "operand refused" 2
is "no temporary files left behind" "$(ls -A "$T_TMP" | grep -c '\.ics\.')" "0"
done_testing
