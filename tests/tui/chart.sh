#!/bin/sh
# TUI: the patient chart's tabs at 80x24 and 132x40. Enter on a worklist row opens the chart: the
# header and ` Contacts (1)   Timeline   Care plan   Appointments   Time `; Tab, 1..5, L, P, A switch
# tabs under the same header with each tab's keys working (timeline expand; care plan add, save,
# edit, save, history with the diff; appointments), unsaved care plan edits are never dropped on
# the way to another tab, another process's changes show on every tab, q goes back to the list.
. "$TESTLIB/cli.sh"
. "$TESTLIB/tui.sh"
. "$TESTLIB/fixture.sh"
N=2026-11-23T10:00
run() { cd_as alice $N "$@"; }
nurse() { cd_as mrivera "$@"; }

fixture() {
    clinic $N north
    run import "$FIXTURES/discharges.csv"
    for t in 1 2 3 4 5 6; do run task assign $t mrivera; done
    run enroll 1001 --program ccm_complex --consent verbal --date 2026-11-01
    nurse 2026-11-21T09:00 careplan add 1001 --section problem --text "Heart failure" --code I50.9
    nurse 2026-11-22T14:15 note add 1001 "Daughter called
asks for a ride on Tuesday"
    nurse 2026-11-22T15:00 log-call 1001 --outcome voicemail --note "Left a message"
    nurse 2026-11-22T15:05 appointment add 1001 --at 2026-11-25T10:00 --duration 30 \
        --with "Smith, Alan" --kind primary_care --location "Suite 4"
    is_rc "fixture for $1 columns" 0
}

LONG="Spoke with the daughter about the new water pill; she will bring the pill box to the visit \
on Tuesday and call if the swelling gets worse or he is short of breath at night. She also asked \
whether the home nurse can come on Thursday instead of Friday, and whether the pharmacy can deliver \
the refill before the weekend because she works late on Fridays."

# the tab row, exactly
TABS='^  Contacts \(%s\)   Timeline   Care plan   Appointments   Time *$'
tabs() { printf "$TABS" "$1"; }
HEAD='^ Núñez, Zoë +78 y +F +MRN 1001 .*Risk moderate \(LACE 9; ED visits unknown\)'

scenario() {
    local cols=$1 rows=$2 s="chart$1"
    DB="$T_TMP/clinic$cols.db"
    fixture "$cols"
    # shellcheck disable=SC2086
    tui_start "$s" "$cols" "$rows" --db "$DB" --now $N --user mrivera
    tui_ok "$cols: the worklist" "$s" '^ My list: '
    tui_keys "$s" /
    tui_type "$s" "Núñez"
    tui_keys "$s" Enter Enter

    # Contacts
    tui_ok "$cols: the chart's header" "$s" "$HEAD"
    tui_ok "$cols: programs by name" "$s" '^ Programs Complex CCM, TCM  Coordinator'
    tui_ok "$cols: phones" "$s" '^ Phone 555-0100'
    tui_ok "$cols: the tab row" "$s" "$(tabs 1)"
    tui_ok "$cols: the contact" "$s" '^ 2026-11-22 15:00 mrivera +voicemail +phone +Left a message'
    tui_ok "$cols: its note in full under the list" "$s" '^ Left a message$'
    [ "$cols" = 80 ] && tui_ok "80: the key bar: tab keys, then the contacts'" "$s" \
        '^\? Help  Tab Next tab  c Call  t Timer  L Timeline  P Plan  / Find  q Back$'

    # Timeline
    tui_keys "$s" Tab
    tui_ok "$cols: Tab: the timeline's columns" "$s" '^ Date +Time +Kind +Who +What'
    tui_ok "$cols: under the same header" "$s" "$HEAD"
    tui_ok "$cols: same tab row" "$s" "$(tabs 1)"
    tui_ok "$cols: the call on the timeline" "$s" '^ 2026-11-22 15:00 call +Maria Rivera +Call: voicemail - Left a message'
    tui_ok "$cols: the note" "$s" '^ 2026-11-22 14:15 note +Maria Rivera +Daughter called'
    [ "$cols" = 80 ] && tui_ok "80: the key bar: tab keys, then the timeline's" "$s" \
        '^\? Help  Tab Next tab  Enter Expand  f Kinds  d Date  / Text  n Note  q Back$'
    tui_keys "$s" /
    tui_type "$s" daughter
    tui_keys "$s" Enter
    tui_ok "$cols: / filters the tab" "$s" '^ Showing containing "daughter"'
    tui_keys "$s" Enter
    tui_ok "$cols: Enter expands in place" "$s" '^ +asks for a ride on Tuesday$'
    tui_keys "$s" / C-u Enter
    tui_ok "$cols: filter cleared" "$s" '^ Newest first'
    nurse 2026-11-23T10:01 note add 1001 "From the other desk"
    tui_ok "$cols: another process's note shows on the tab" "$s" \
        '^ 2026-11-23 10:01 note +Maria Rivera +From the other desk' 3
    tui_keys "$s" '?'
    tui_ok "$cols: help: the timeline's keys" "$s" 'f +Show only some kinds of entries'
    tui_ok "$cols: help: the chart's tab keys" "$s" '<Tab> +Next tab'
    tui_keys "$s" Escape

    # Care plan
    tui_keys "$s" 3
    tui_ok "$cols: 3: the care plan's version line" "$s" '^ Version 1 of 1, saved 2026-11-21 09:00 by Maria Rivera$'
    tui_ok "$cols: its problem" "$s" '^   problem-1 +I50.9  Heart failure$'
    tui_ok "$cols: the header stays" "$s" "$HEAD"
    tui_keys "$s" Down Down Down a
    tui_ok "$cols: a opens the goal form" "$s" 'New goal'
    tui_type "$s" "Keep weight steady"
    tui_keys "$s" Tab
    tui_type "$s" "80 kg"
    tui_keys "$s" Tab
    tui_type "$s" "2026-12-31"
    tui_keys "$s" F10
    tui_ok "$cols: the goal is added" "$s" '^   goal-1 +Keep weight steady; target 80 kg by 2026-12-31 +active$'
    tui_ok "$cols: unsaved on the version line" "$s" '^ Version 1 of 1, saved .* by Maria Rivera  unsaved changes *$'
    tui_keys "$s" Tab
    tui_ok "$cols: leaving the tab with edits asks" "$s" 'Discard your unsaved changes to the care plan\?'
    tui_keys "$s" n
    tui_ok "$cols: n stays with the edits" "$s" '^   goal-1 +Keep weight steady; target 80 kg'
    tui_ok "$cols: still unsaved" "$s" 'unsaved changes *$'
    tui_keys "$s" S
    tui_ok "$cols: S asks for a summary" "$s" 'Summary of the changes \(optional\):'
    tui_type "$s" "weight goal"
    tui_keys "$s" Enter
    tui_ok "$cols: saved" "$s" '^ Saved version 2$'
    tui_ok "$cols: version 2 of 2" "$s" '^ Version 2 of 2, saved 2026-11-23 10:0[0-9] by Maria Rivera$'
    tui_keys "$s" e
    tui_ok "$cols: e edits" "$s" 'Edit goal-1'
    tui_keys "$s" End
    tui_type "$s" " at home"
    tui_keys "$s" F10
    tui_ok "$cols: edited" "$s" '^   goal-1 +Keep weight steady at home; target 80 kg'
    tui_keys "$s" S Enter
    tui_ok "$cols: saved again" "$s" '^ Saved version 3$'
    tui_keys "$s" h
    tui_ok "$cols: history lists version 3" "$s" '^ +3 2026-11-23 10:0[0-9] Maria Rivera +changed goal-1 \(text\)$'
    tui_ok "$cols: and version 2" "$s" '^ +2 2026-11-23 10:0[0-9] Maria Rivera +weight goal$'
    tui_keys "$s" Enter
    tui_ok "$cols: version 3's diff" "$s" '^ ~ changed goal-1: Keep weight steady at home$'
    tui_ok "$cols: its field" "$s" '^     text: Keep weight steady -> Keep weight steady at home$'
    tui_keys "$s" Escape Escape
    tui_ok "$cols: back on the tab" "$s" '^ Version 3 of 3, saved'
    tui_ok "$cols: under the header" "$s" "$HEAD"
    nurse 2026-11-23T10:02 log-call 1001 --outcome no_answer
    tui_ok "$cols: another process's call counts on the care plan tab" "$s" "$(tabs 2)" 3
    tui_keys "$s" t
    tui_ok "$cols: t times the chart's patient" "$s" 'Timer for .*Núñez.*: which activity\?'
    tui_keys "$s" Escape

    # Appointments
    tui_keys "$s" 4
    tui_ok "$cols: 4: the patient's appointments" "$s" '^ 1 appointment *$'
    tui_ok "$cols: the appointment" "$s" '^ 2026-11-25 10:00 +Primary care( visit)? +Smith, Alan'
    tui_ok "$cols: the same header" "$s" "$HEAD"
    [ "$cols" = 80 ] && tui_ok "80: the key bar: tab keys, then the appointments'" "$s" \
        '^\? Help  Tab Next tab  b Book  m Move  X Cancel  K Kept  O No-show  e Export *$'
    nurse 2026-11-23T10:03 appointment add 1001 --at 2026-11-30T11:00 --duration 30 \
        --with "Smith, Alan" --kind primary_care
    tui_ok "$cols: another process's booking shows" "$s" '^ 2 appointments *$' 3
    tui_keys "$s" c
    tui_ok "$cols: c logs a call on the Appointments tab too, naming her" "$s" '│ Call outcome: Núñez, Zoë +│'
    tui_keys "$s" Escape
    tui_gone_ok "$cols: Esc leaves the choice" "$s" '│ Call outcome'
    tui_keys "$s" BTab
    tui_ok "$cols: Shift-Tab: back to the care plan" "$s" '^ Version 3 of 3, saved'
    tui_keys "$s" 1
    tui_ok "$cols: 1: the contacts, both calls" "$s" '^ 2026-11-23 10:02 mrivera +no answer +phone'
    tui_ok "$cols: the newest has no note" "$s" '^ No note on this attempt$'
    # a long note wraps under the list, three lines at most
    nurse 2026-11-23T10:03 log-call 1001 --outcome voicemail --note "$LONG"
    tui_ok "$cols: the long note's call arrives" "$s" "$(tabs 3)" 3
    tui_keys "$s" Home
    if [ "$cols" = 80 ]; then
        tui_ok "80: wrapped, first line" "$s" \
            '^ Spoke with the daughter about the new water pill; she will bring the pill box$'
        tui_ok "80: second line" "$s" \
            '^ to the visit on Tuesday and call if the swelling gets worse or he is short of$'
        tui_ok "80: third line, cut with …" "$s" '^ breath at night\. She also asked whether the home nurse can come on Thursday …$'
    else
        tui_ok "132: the whole note on three lines" "$s" \
            '^ gets worse or he is short of breath at night\. She also asked whether the home nurse can come on Thursday instead of Friday, and$'
        tui_ok "132: ending uncut" "$s" '^ whether the pharmacy can deliver the refill before the weekend because she works late on Fridays\.$'
    fi
    tui_keys "$s" L
    tui_ok "$cols: L: the timeline tab" "$s" '^ Date +Time +Kind +Who +What'
    tui_keys "$s" P
    tui_ok "$cols: P: the care plan tab" "$s" '^ Version 3 of 3, saved'
    tui_keys "$s" A
    tui_ok "$cols: A: the appointments tab" "$s" '^ 2 appointments *$'
    tui_keys "$s" q
    tui_ok "$cols: q from a tab: back on the worklist" "$s" '^ My list: '

    # L on the worklist: the selected patient's chart on its Timeline tab
    tui_keys "$s" L
    tui_ok "$cols: L on the list opens the chart's timeline" "$s" '^ Date +Time +Kind +Who +What'
    tui_ok "$cols: with the header" "$s" "$HEAD"
    tui_ok "$cols: and the tab row" "$s" "$(tabs 3)"
    tui_keys "$s" Escape
    tui_ok "$cols: Esc: back on the worklist" "$s" '^ My list: '
    tui_keys "$s" q
    is "$cols: q leaves" "$(tui_wait_exit "$s")" 0
}

scenario 80 24
scenario 132 40
done_testing
