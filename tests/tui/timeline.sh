#!/bin/sh
# TUI: the patient timeline at 80x24 and 132x40: newest first, Enter expands an entry in place,
# the kinds filter, jump to a date (and a bad date), the text filter, a multi-line UTF-8 note
# saved from the screen (then in 'caredesk timeline'), and another process's entry showing live.
. "$TESTLIB/cli.sh"
. "$TESTLIB/tui.sh"
. "$TESTLIB/fixture.sh"
DB="$T_TMP/clinic.db"
run() { cd_as alice 2026-11-02T09:00 "$@"; }
clinic 2026-11-02T09:00
for mrn in 1080 1132; do
    run patient add --mrn $mrn --family "Núñez" --given "Zoë" --birth-date 1948-05-12
    cd_run --db "$DB" --user mrivera --now 2026-10-30T14:15 note add $mrn "Daughter called
asks for a ride on Tuesday; the pharmacy delivery was late twice last month and the scale at home showed 82.4 kg this morning."
    cd_run --db "$DB" --user mrivera --now 2026-10-31T10:00 careplan add $mrn --section problem --text "Heart failure" --code I50.9
    cd_run --db "$DB" --user mrivera --now 2026-11-01T11:20 log-call $mrn --outcome voicemail --note "Left a message"
    run note add $mrn "Zoë feels better 👍"
done
is_rc "fixture" 0


# the Date Time Kind columns of the list, one entry a line
entries() { tui_screen "$1" | grep -E '^ 20[0-9]{2}-' | awk '{print $1, $2, $3}'; }

scenario() {
    local cols=$1 rows=$2 mrn=$3 s="tl$1"
    tui_start "$s" "$cols" "$rows" --db "$DB" --now 2026-11-02T09:00 --user alice
    tui_home "$s"
    tui_ok "$cols: home" "$s" '^  Patients'
    tui_keys "$s" L
    tui_ok "$cols: T asks for the MRN" "$s" 'Timeline of MRN:'
    tui_type "$s" 9999
    tui_keys "$s" Enter
    tui_ok "$cols: an unknown MRN is named" "$s" "^ no patient with MRN '9999'"
    tui_keys "$s" L
    tui_type "$s" "$mrn"
    tui_keys "$s" Enter
    tui_ok "$cols: the timeline opens" "$s" "^ Timeline of Núñez, Zoë \\(MRN $mrn\\)\$"
    tui_ok "$cols: columns" "$s" '^ Date +Time +Kind +Who +What'
    tui_ok "$cols: newest entry first" "$s" '^ 2026-11-02 09:00 note +alice +Zoë feels better 👍'
    is "$cols: newest first, every kind" "$(entries "$s")" "2026-11-02 09:00 note
2026-11-01 11:20 call
2026-10-31 10:00 care
2026-10-30 14:15 note"
    tui_ok "$cols: a call" "$s" '^ 2026-11-01 11:20 call +Maria Rivera +Call: voicemail - Left a message'
    tui_keys "$s" Down Down Down Enter
    tui_ok "$cols: Enter expands in place" "$s" '^ +asks for a ride on Tuesday; the pharmacy'
    tui_keys "$s" Enter
    tui_gone_ok "$cols: Enter again folds it" "$s" 'asks for a ride'
    tui_keys "$s" f
    tui_ok "$cols: f opens the kinds" "$s" '\[x\] referral closed'
    tui_keys "$s" Down Down Down Down Down o Enter
    tui_ok "$cols: only calls" "$s" '^ Showing only call \(f kinds, / text\)'
    is "$cols: the call alone" "$(entries "$s")" "2026-11-01 11:20 call"
    tui_keys "$s" f a Enter
    tui_ok "$cols: every kind again" "$s" '^ Newest first'
    tui_keys "$s" d
    tui_ok "$cols: d asks for a date" "$s" 'Jump to date \(YYYY-MM-DD\):'
    tui_type "$s" 2026-10-32
    tui_keys "$s" Enter
    tui_ok "$cols: a bad date says so" "$s" "^ date: '2026-10-32' is not a date \\(YYYY-MM-DD\\)"
    tui_keys "$s" d
    tui_type "$s" 2026-10-31
    tui_keys "$s" Enter
    tui_ok "$cols: jumped" "$s" '^ 2026-10-31: entries from 2026-10-31 10:00$'
    tui_keys "$s" Enter
    tui_ok "$cols: the cursor is on that day's entry" "$s" '^ +Care plan version 1$'
    tui_keys "$s" Enter /
    tui_type "$s" RIDE
    tui_keys "$s" Enter
    tui_ok "$cols: text filter" "$s" '^ Showing containing "RIDE"'
    is "$cols: the matching note" "$(entries "$s")" "2026-10-30 14:15 note"
    tui_keys "$s" / C-u Enter
    tui_ok "$cols: filter cleared" "$s" '^ Newest first'
    tui_keys "$s" n
    tui_ok "$cols: n opens a note form" "$s" 'Note on Núñez, Zoë'
    tui_type "$s" "Called pharmacy: furosémide"
    tui_keys "$s" Enter
    tui_type "$s" "délivré demain ✓"
    tui_keys "$s" F10
    tui_ok "$cols: note added" "$s" '^ Note added to Núñez, Zoë'
    tui_ok "$cols: on the timeline" "$s" '^ 2026-11-02 09:0[0-9] note +alice +Called pharmacy: furosémide'
    run timeline "$mrn" --kind note --limit 1 --format json
    like "$cols: saved whole, both lines" "$OUT" '"detail": "Called pharmacy: furosémide\\ndélivré demain ✓"'
    cd_run --db "$DB" --user mrivera --now 2026-11-02T09:45 note add "$mrn" "From the other desk"
    tui_ok "$cols: another process's note shows" "$s" '^ 2026-11-02 09:45 note +Maria Rivera +From the other desk' 3
    tui_keys "$s" q
    tui_ok "$cols: q back home" "$s" '^  Patients'
    tui_keys "$s" q
    tui_leave "$s"
    is "$cols: q leaves" "$(tui_wait_exit "$s")" 0
}

scenario 80 24 1080
scenario 132 40 1132
done_testing
