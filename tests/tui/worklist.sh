#!/bin/sh
# TUI: the daily call list at 80x24 and 132x40: rows with reasons, move down, log "voicemail" on
# a row and see its attempts change, claim a row in one terminal and see it claimed in a second
# terminal on the same database within 2 s, open the chart, go to any patient with g.
. "$TESTLIB/cli.sh"
. "$TESTLIB/tui.sh"
. "$TESTLIB/fixture.sh"
N=2026-11-23T10:00
run() { cd_as alice $N "$@"; }

# A fresh clinic per scenario: two coordinators of team north, the discharges fixture.
fixture() {
    clinic $N north
    run user add bob --name "Bob Ng" --role coordinator --team north
    run patient add --mrn 3001 --family Quiet --given Quentin --birth-date 1941-02-03 --phone 555-0300
    run import "$FIXTURES/discharges.csv"
    for t in 1 2 5 6; do run task assign $t mrivera; done
    run task assign 3 bob
    is_rc "fixture for $1 columns" 0
}

scenario() {
    local cols=$1 rows=$2 a="wl$1" b="other$1"
    DB="$T_TMP/clinic$cols.db"
    fixture "$cols"
    # shellcheck disable=SC2086
    tui_start "$a" "$cols" "$rows" --db "$DB" --now $N --user mrivera
    tui_ok "$cols: my list: one row per patient" "$a" '^ My list: 2 patients · 4 jobs'
    tui_ok "$cols: row 1: TCM contact due today" "$a" '^  1 Lee, Ann Marie +TCM +TCM contact due today'
    tui_ok "$cols: row 2" "$a" '^  2 Núñez, Zoë +TCM +TCM contact due by Nov 2.* 555-0100'
    tui_ok "$cols: the cursor patient's jobs under the list, the most urgent picked" "$a" \
        '^ > 1/2 TCM +due 2026-11-23 \(99495 possible\)  TCM contact due today, discha'
    tui_ok "$cols: the TCM visit is Lee's second job" "$a" '^   2/2 VISIT +due 2026-12-03 \(99495 possible\)  TCM visit to book by Dec 3'
    if [ "$cols" = 132 ]; then
        tui_ok "132: wider: MRN, due and assignee columns" "$a" 'Claim +MRN +Due +Assignee'
        tui_ok "132: reasons wider" "$a" 'TCM contact due by Nov 24, discharged'
    else
        tui_ok "80: the key bar fits" "$a" '^\? Help  Enter Chart  c Call  b Callback  s Snooze  x Claim  g Go  f Filter$'
    fi
    tui_keys "$a" j c
    tui_ok "$cols: the call outcome choice names the job" "$a" 'Call outcome: Núñez, Zoë, TCM contact'
    tui_keys "$a" v
    tui_ok "$cols: an optional note" "$a" 'Note \(Enter to skip\):'
    tui_type "$a" "left a message"
    tui_keys "$a" Enter
    tui_ok "$cols: logged, on the job" "$a" '^ Logged voicemail for Núñez, Zoë: TCM contact: 1 of 2 attempts on separate days'
    tui_ok "$cols: its attempts count changed" "$a" '^ > 1/2 TCM +due 2026-11-24 \(99496 possible\)  1 try  TCM contact due by Nov'
    tui_keys "$a" s
    if [ "$cols" = 80 ]; then
        tui_ok "80: a TCM contact is not snoozed: the sentence wraps, never cut" "$a" \
            '^ a TCM contact has a deadline and cannot be snoozed; log the attempt or book *$'
        tui_ok "80: the rest on the next line" "$a" '^ the visit *$'
    else
        tui_ok "$cols: a TCM contact is not snoozed, on one line" "$a" \
            '^ a TCM contact has a deadline and cannot be snoozed; log the attempt or book the visit *$'
    fi
    tui_gone_ok "$cols: asked for no date or reason first" "$a" 'Snooze .* to'
    tui_keys "$a" b d
    tui_ok "$cols: a call back on a date starts from tomorrow at 09:00" "$a" \
        'Call back at \(YYYY-MM-DD HH:MM\): 2026-11-24 09:00'
    tui_keys "$a" Escape
    tui_gone_ok "$cols: Esc leaves the prompt" "$a" 'Call back at'

    # a second terminal on the same database: bob's team view
    tui_start "$b" "$cols" "$rows" --db "$DB" --now $N --user bob
    tui_ok "$cols: bob's list" "$b" '^ My list: 1 patient · 1 job'
    tui_keys "$b" f
    if [ "$cols" = 80 ]; then
        tui_ok "80: a coordinator is offered only the lists she may see" "$b" \
            '│ m my list   t my team   p program   k kind   c clear filters +│'
        tui_ok "80: choices wrap between choices, never inside one" "$b" '│ Esc cancel +│'
    fi
    tui_keys "$b" t
    tui_ok "$cols: bob sees the team" "$b" '^ Team north: 3 patients · 5 jobs'
    tui_keys "$b" Home
    tui_keys "$a" k x
    tui_ok "$cols: claimed here" "$a" '^ Claimed Lee, Ann Marie'
    if [ "$cols" = 80 ]; then # the claim is on the detail line at 80: the reason has the room
        tui_ok "80: mine" "$a" '^ > 1/2 TCM +due 2026-11-23 .* claimed by mrivera  TCM conta'
    else
        tui_ok "$cols: mine" "$a" '^  1 Lee, Ann Marie .* me( |$)'
    fi
    tui_ok "$cols: claimed there within 2 s, without a key" "$b" '^  1 Lee, Ann Marie .* mrive' 2
    tui_keys "$b" x
    tui_ok "$cols: bob cannot take it: who holds it" "$b" 'task 5 is claimed by mrivera since 10:0[0-9]'
    tui_keys "$a" x
    tui_ok "$cols: released" "$a" '^ Released Lee, Ann Marie'
    tui_keys "$b" x
    tui_ok "$cols: now bob claims it" "$b" '^ Claimed Lee, Ann Marie'
    if [ "$cols" = 80 ]; then
        tui_ok "80: and mrivera sees bob" "$a" '^ > 1/2 TCM .* claimed by bob  TCM contact' 2
    else
        tui_ok "$cols: and mrivera sees bob" "$a" '^  1 Lee, Ann Marie .* bob' 2
    fi
    tui_keys "$b" x
    tui_keys "$b" q
    is "$cols: bob leaves" "$(tui_wait_exit "$b")" 0

    # the chart of row 2, then any patient by name
    tui_keys "$a" j Enter
    tui_ok "$cols: chart header" "$a" '^ Núñez, Zoë +78 y +F +MRN 1001 .*Risk moderate \(LACE 9; ED visits unknown\)'
    tui_ok "$cols: phones" "$a" '^ Phone 555-0100'
    tui_ok "$cols: programs and coordinator" "$a" '^ Programs TCM  Coordinator none'
    tui_ok "$cols: this month's minutes" "$a" '^ This month 0:00 min'
    tui_ok "$cols: contacts tab" "$a" 'Contacts \(1\)'
    tui_ok "$cols: the attempt, who, note" "$a" '^ 2026-11-23 10:0[0-9] mrivera +voicemail +phone +left a message'
    tui_keys "$a" A
    tui_ok "$cols: A in the chart shows its Appointments tab" "$a" '^ 0 appointments$'
    tui_ok "$cols: under the same header" "$a" '^ Núñez, Zoë +78 y +F +MRN 1001 .*Risk moderate \(LACE 9; ED visits unknown\)'
    tui_ok "$cols: the tab row" "$a" '^  Contacts \(1\)   Timeline   Care plan   Appointments   Time *$'
    tui_keys "$a" q
    tui_ok "$cols: q goes back to the list, same row" "$a" '^ My list: 2 patients · 4 jobs'
    tui_keys "$a" g
    tui_type "$a" "quiet"
    tui_keys "$a" Enter
    tui_ok "$cols: g finds a patient not on the list" "$a" '^ Quiet, Quentin +85 y +MRN 3001'
    tui_ok "$cols: no contacts yet" "$a" 'No contact attempts on record'
    tui_keys "$a" q
    tui_keys "$a" '?'
    tui_ok "$cols: help lists the worklist keys" "$a" 'c +Log a call outcome'
    tui_ok "$cols: g is go-to-patient here" "$a" 'g +Go to any patient by name or MRN'
    tui_ok "$cols: the view's one-letter keys sit close to their text, whole" "$a" \
        '│    c +Log a call outcome \(then an optional note\) +│'
    [ "$cols" = 132 ] && tui_ok "132: the moving keys get the room they need" "$a" '│    <Up> k  +Previous row +│'
    tui_keys "$a" Escape q
    is "$cols: q leaves" "$(tui_wait_exit "$a")" 0
}

scenario 80 24
scenario 132 40
done_testing
