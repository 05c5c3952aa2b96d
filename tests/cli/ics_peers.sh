#!/bin/sh
# Independent checks of export-ics with clients nobody on this team wrote: Mozilla's ical.js
# (Thunderbird's parser, pinned in tests/peers/package-lock.json, installed into the build tree
# with npm ci) must read every event with the right UTC start across both 2026 daylight-saving
# changes, and calcurse (Debian) must import every event with nothing skipped. When the npm
# registry cannot be reached, the ical.js checks are skipped with one line saying so. A patient's
# death must reach calendars as CANCELLED with a higher SEQUENCE.
. "$TESTLIB/cli.sh"
PEERS_SRC=$(cd "$TESTLIB/../peers" && pwd)
PEERS=$(dirname "$CAREDESK")/tests/peers-run
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "1..0 # SKIP node and npm not found (./bootstrap installs them)"
    exit 77
fi
if ! command -v calcurse >/dev/null 2>&1; then
    echo "1..0 # SKIP calcurse not found (./bootstrap installs it)"
    exit 77
fi

DB="$T_TMP/clinic.db"
run() { cd_run --user alice --db "$DB" --now 2026-03-01T09:00 "$@"; }
run init --clinic "North Clinic" --timezone America/New_York
run patient add --mrn M1 --family "Núñez" --given "Zoë" --birth-date 1948-05-12
run patient add --mrn M2 --family "O'Brien, Jr." --given Jane --birth-date 1950-01-01
# both sides of 2026-03-08 and 2026-11-01 in New York, plus hard text and a cancellation
run appointment add M1 --at 2026-03-07T09:30 --duration 30 --with "Smith, Alan; MD" --kind primary_care --location 'Suite 4; 2nd floor, "East" \ wing'
run appointment add M2 --at 2026-03-09T09:30 --duration 45 --with "Dr. Ñandú Éclair-Ünlü" --kind tcm_visit --location "東京都千代田区丸の内一丁目東京都千代田区丸の内一丁目😀😀😀😀"
run appointment add M1 --at 2026-10-31T09:00 --duration 15 --with Lab --kind lab
run appointment add M2 --at 2026-11-02T09:00 --duration 20 --with "Dr. Lee" --kind telehealth
run appointment add M1 --at 2026-11-03T16:00 --duration 60 --with "Dr. Lee" --kind specialist
run appointment cancel 5
run export-ics --full-names -o "$T_TMP/out.ics"
is_rc "exported" 0

# ical.js, pinned by the committed lockfile, installed into the build tree (not the sources)
if [ ! -f "$PEERS/node_modules/ical.js/package.json" ] ||
   ! cmp -s "$PEERS_SRC/package-lock.json" "$PEERS/package-lock.json"; then
    mkdir -p "$PEERS"
    cp "$PEERS_SRC/package.json" "$PEERS_SRC/package-lock.json" "$PEERS/"
    npm ci --prefix "$PEERS" --no-audit --no-fund --loglevel=error --fetch-retries=1 \
        --fetch-retry-mintimeout=1000 --fetch-retry-maxtimeout=2000 \
        >"$T_TMP/npm.log" 2>&1
    RC=$?
else
    # installed by an earlier run: the same count of tests either way
    cmp -s "$PEERS_SRC/package-lock.json" "$PEERS/package-lock.json"
    RC=$?
fi
unreachable='E(NOTFOUND|AI_AGAIN|CONNREFUSED|CONNRESET|TIMEDOUT|NETUNREACH|HOSTUNREACH)|ERR! network'
if [ "$RC" != 0 ] && grep -qE "$unreachable" "$T_TMP/npm.log" 2>/dev/null; then
    # no registry (no network, no DNS, a refusing proxy): nothing to check with, not a failure
    T_N=$((T_N + 1))
    echo "ok $T_N # SKIP npm registry unreachable: ical.js not installed"
else
    is_rc "ical.js installed by npm ci from tests/peers/package-lock.json" 0
    [ "$RC" = 0 ] || sed 's/^/# /' "$T_TMP/npm.log" 2>/dev/null
    cp "$PEERS_SRC/icsdump.mjs" "$PEERS/"
    is "ical.js is the pinned 2.2.1" "$(node -p "require('$PEERS/node_modules/ical.js/package.json').version" 2>&1)" "2.2.1"
    node "$PEERS/icsdump.mjs" "$T_TMP/out.ics" >"$T_TMP/icaljs" 2>"$T_TMP/icaljs.err"
    RC=$?
    is_rc "ical.js reads the export without an error" 0
    [ "$RC" = 0 ] || sed 's/^/# /' "$T_TMP/icaljs.err"
    is "ical.js: every event, exact UTC times, status and sequence" "$(cut -d'|' -f2- "$T_TMP/icaljs")" \
" Primary care visit - Zoë Núñez | CONFIRMED | 0 | 2026-03-07T14:30:00.000Z | 2026-03-07T15:00:00.000Z | alarms=[DISPLAY -PT30M]
 TCM face-to-face visit - Jane O'Brien, Jr. | CONFIRMED | 0 | 2026-03-09T13:30:00.000Z | 2026-03-09T14:15:00.000Z | alarms=[DISPLAY -PT30M]
 Lab appointment - Zoë Núñez | CONFIRMED | 0 | 2026-10-31T13:00:00.000Z | 2026-10-31T13:15:00.000Z | alarms=[DISPLAY -PT30M]
 Telehealth visit - Jane O'Brien, Jr. | CONFIRMED | 0 | 2026-11-02T14:00:00.000Z | 2026-11-02T14:20:00.000Z | alarms=[DISPLAY -PT30M]
 Specialist visit - Zoë Núñez | CANCELLED | 1 | 2026-11-03T21:00:00.000Z | 2026-11-03T22:00:00.000Z | alarms=[]"
    is "ical.js sees the UIDs caredesk stored" "$(cut -d' ' -f1 "$T_TMP/icaljs" | sort | tr '\n' ' ')" \
       "$(sqlite3 "$DB" "SELECT uid FROM appointments ORDER BY uid" | tr '\n' ' ')"
    # a death cancels the visits to come: calendars must see CANCELLED with a higher SEQUENCE
    cp "$DB" "$T_TMP/died.db"
    cd_run --user alice --db "$T_TMP/died.db" --now 2026-03-01T09:00 patient deceased M2 --date 2026-03-01
    cd_run --user alice --db "$T_TMP/died.db" --now 2026-03-01T09:00 export-ics --full-names -o "$T_TMP/died.ics"
    node "$PEERS/icsdump.mjs" "$T_TMP/died.ics" >"$T_TMP/died.icaljs" 2>&1
    is "ical.js: the dead patient's visits CANCELLED, SEQUENCE 1; the others unchanged" \
       "$(cut -d'|' -f2-4 "$T_TMP/died.icaljs" | sed 's/ $//')" \
" Primary care visit - Zoë Núñez | CONFIRMED | 0
 TCM face-to-face visit - Jane O'Brien, Jr. | CANCELLED | 1
 Lab appointment - Zoë Núñez | CONFIRMED | 0
 Telehealth visit - Jane O'Brien, Jr. | CANCELLED | 1
 Specialist visit - Zoë Núñez | CANCELLED | 1"
fi

# calcurse: no time zones of its own; it converts TZID times to $TZ at import
logs_before=$(ls /tmp/calcurse_log.* 2>/dev/null)
calcurse_run() { # ZONE DIR: import into a fresh calcurse directory and list the times
    mkdir -p "$2"
    TZ=$1 calcurse -D "$2" -C "$2" -i "$T_TMP/out.ics" </dev/null >"$2.import" 2>&1
    TZ=$1 calcurse -D "$2" -C "$2" --input-datefmt 4 -Q --from 2026-03-01 --to 2026-12-31 \
        --format-apt '%(start:%Y-%m-%dT%H:%M) %(end:%H:%M) %m\n' </dev/null 2>&1 | grep '^20'
}
calcurse_run UTC "$T_TMP/cc" >"$T_TMP/cc.list"
like "calcurse imports every event, none skipped" "$(cat "$T_TMP/cc.import")" "^5 apps / 0 events / 0 todos / 0 skipped$"
is "calcurse (TZ=UTC) lists the UTC times" "$(cat "$T_TMP/cc.list")" \
"2026-03-07T14:30 15:00 Primary care visit - Zoë Núñez
2026-03-09T13:30 14:15 TCM face-to-face visit - Jane O'Brien, Jr.
2026-10-31T13:00 13:15 Lab appointment - Zoë Núñez
2026-11-02T14:00 14:20 Telehealth visit - Jane O'Brien, Jr.
2026-11-03T21:00 22:00 Specialist visit - Zoë Núñez"
calcurse_run America/New_York "$T_TMP/cc-ny" >"$T_TMP/cc-ny.list"
like "calcurse in New York: none skipped" "$(cat "$T_TMP/cc-ny.import")" " 0 skipped$"
is "calcurse (TZ=America/New_York) lists the clinic's wall times" "$(cut -d' ' -f1,2 "$T_TMP/cc-ny.list")" \
"2026-03-07T09:30 10:00
2026-03-09T09:30 10:15
2026-10-31T09:00 09:15
2026-11-02T09:00 09:20
2026-11-03T16:00 17:00"
for f in /tmp/calcurse_log.*; do # calcurse leaves its import log behind: remove only ours
    [ -e "$f" ] || continue
    case " $(echo $logs_before) " in *" $f "*) ;; *) rm -f "$f" ;; esac
done
done_testing
