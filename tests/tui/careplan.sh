#!/bin/sh
# TUI: the care plan editor at 80x24 and 132x40: add a goal, save, edit it, save again, history
# with two versions and their diff; Esc with unsaved edits asks; a save refused because another
# process saved meanwhile keeps the edits, history compares, S merges and saves.
. "$TESTLIB/cli.sh"
. "$TESTLIB/tui.sh"
. "$TESTLIB/fixture.sh"
DB="$T_TMP/clinic.db"
run() { cd_as alice 2026-11-02T09:00 "$@"; }
nurse() { cd_as mrivera 2026-11-02T09:30 "$@"; }
clinic 2026-11-02T09:00
run patient add --mrn 1080 --family "Núñez" --given "Zoë" --birth-date 1948-05-12
run patient add --mrn 1132 --family "Brown" --given "Bob" --birth-date 1950-01-02
is_rc "fixture" 0

scenario() {
    local cols=$1 rows=$2 mrn=$3 s="plan$1"
    nurse careplan add "$mrn" --section problem --text "Heart failure" --code I50.9
    tui_start "$s" "$cols" "$rows" --db "$DB" --now 2026-11-02T09:00 --user alice
    tui_home "$s"
    tui_ok "$cols: home" "$s" '^  Patients'
    tui_keys "$s" P
    tui_ok "$cols: P asks for the MRN" "$s" 'Care plan of MRN:'
    tui_type "$s" "$mrn"
    tui_keys "$s" Enter
    tui_ok "$cols: the editor opens" "$s" "^ Care plan of .* \\(MRN $mrn\\)\$"
    tui_ok "$cols: the version line" "$s" '^ Version 1 of 1, saved 2026-11-02 09:30 by Maria Rivera$'
    tui_ok "$cols: sections and items" "$s" '^   problem-1 +I50.9  Heart failure$'
    tui_ok "$cols: empty sections say so" "$s" '^ Goals \(none\)$'
    # Problems, problem-1, Prognosis, Goals
    tui_keys "$s" Down Down Down a
    tui_ok "$cols: a opens the goal form" "$s" 'New goal'
    tui_ok "$cols: goal fields" "$s" 'Target date'
    tui_type "$s" "Keep weight steady"
    tui_keys "$s" Tab
    tui_type "$s" "80 kg"
    tui_keys "$s" Tab
    tui_type "$s" "2026-12-3x"
    tui_keys "$s" F10
    tui_ok "$cols: a bad date is named" "$s" "Target date: '2026-12-3x' is not a date \\(YYYY-MM-DD\\)"
    tui_keys "$s" BSpace
    tui_type "$s" "1"
    tui_keys "$s" F10
    tui_ok "$cols: the goal is added" "$s" '^   goal-1 +Keep weight steady; target 80 kg by 2026-12-31 +active$'
    tui_ok "$cols: unsaved in the title" "$s" 'Care plan of .* unsaved changes'
    tui_keys "$s" S
    tui_ok "$cols: S asks for a summary" "$s" 'Summary of the changes \(optional\):'
    tui_type "$s" "weight goal"
    tui_keys "$s" Enter
    tui_ok "$cols: saved" "$s" '^ Saved version 2$'
    tui_ok "$cols: version 2 of 2" "$s" '^ Version 2 of 2, saved 2026-11-02 09:0[0-9] by alice$'
    tui_keys "$s" e
    tui_ok "$cols: e edits" "$s" 'Edit goal-1'
    tui_keys "$s" End
    tui_type "$s" " at home"
    tui_keys "$s" F10
    tui_ok "$cols: edited" "$s" '^   goal-1 +Keep weight steady at home; target 80 kg'
    tui_keys "$s" S Enter
    tui_ok "$cols: saved again" "$s" '^ Saved version 3$'
    tui_keys "$s" h
    tui_ok "$cols: history lists version 3" "$s" '^ +3 2026-11-02 09:0[0-9] alice +changed goal-1 \(text\)$'
    tui_ok "$cols: and version 2" "$s" '^ +2 2026-11-02 09:0[0-9] alice +weight goal$'
    tui_keys "$s" Enter
    tui_ok "$cols: version 3's diff" "$s" '^ Version 3 \(2026-11-02 09:0[0-9], alice\): changes from the version before$'
    tui_ok "$cols: diff text" "$s" '^ ~ changed goal-1: Keep weight steady at home$'
    tui_ok "$cols: diff field" "$s" '^     text: Keep weight steady -> Keep weight steady at home$'
    tui_keys "$s" Escape Down Enter
    tui_ok "$cols: version 2's diff" "$s" '^ \+ added goal-1: Keep weight steady$'
    tui_ok "$cols: its fields, in words" "$s" '^     target date: 2026-12-31$'
    tui_keys "$s" Escape Escape
    tui_ok "$cols: back in the editor" "$s" '^ Version 3 of 3'

    # unsaved edits: Esc asks
    tui_keys "$s" s
    tui_ok "$cols: s offers the goal statuses" "$s" 'p proposed +a active +m met +n not met +c cancelled'
    tui_keys "$s" n
    tui_ok "$cols: not met, in words" "$s" '^   goal-1 .* not met$'
    tui_ok "$cols: the message says it in words" "$s" 'goal-1 is not met now \(not saved yet: S saves\)'
    tui_keys "$s" s
    tui_ok "$cols: the prompt names the status in words" "$s" 'Status of goal-1 \(now not met\)'
    tui_keys "$s" m
    tui_ok "$cols: status met" "$s" '^   goal-1 .* [^t] met$'
    tui_keys "$s" Escape
    tui_ok "$cols: Esc asks" "$s" 'Discard your unsaved changes to the care plan\?'
    tui_keys "$s" n
    tui_ok "$cols: n keeps the edits" "$s" 'Care plan of .* unsaved changes'

    # another process saves while the summary prompt is open: refused, edits kept
    tui_keys "$s" S
    tui_ok "$cols: summary prompt" "$s" 'Summary of the changes'
    nurse careplan add "$mrn" --section barrier --text "Lives alone"
    is_rc "$cols: the other save" 0
    tui_keys "$s" Enter
    tui_ok "$cols: the save is refused" "$s" '^ Not saved: the care plan was saved as version 4 by Maria Rivera at '
    tui_ok "$cols: the whole message shows" "$s" '^ (merge|kept: review version 4, merge) them and save again *$'
    tui_ok "$cols: the edits remain" "$s" '^   goal-1 .* met$'
    tui_ok "$cols: still unsaved" "$s" 'Care plan of .* unsaved changes'
    tui_keys "$s" h
    tui_ok "$cols: history shows the other version" "$s" '^ +4 2026-11-02 09:30 Maria Rivera +added barrier-1$'
    tui_keys "$s" c
    tui_ok "$cols: c compares with the editor's copy" "$s" '^ Version 4 \(2026-11-02 09:30, Maria Rivera\) -> your copy in the editor$'
    tui_ok "$cols: her status" "$s" '^     status: active -> met$'
    tui_ok "$cols: his barrier is not in the copy" "$s" '^ - removed barrier-1: Lives alone$'
    tui_keys "$s" Escape Escape
    tui_keys "$s" S
    tui_ok "$cols: S offers the merge" "$s" 'Version 4 was saved meanwhile: merge your changes into it\?'
    tui_keys "$s" y
    tui_ok "$cols: merged" "$s" '^ Merged into version 4: check the plan, then S saves$'
    tui_ok "$cols: the other barrier is there" "$s" '^   barrier-1 +Lives alone$'
    tui_keys "$s" S Enter
    tui_ok "$cols: saved on top" "$s" '^ Saved version 5$'
    run careplan history "$mrn"
    like "$cols: version 5 keeps both" "$OUT" "
5	2026-11-02 09:0[0-9]	alice	changed goal-1 \\(status\\)	"
    run careplan show "$mrn"
    like "$cols: the plan has both changes" "$OUT" 'barrier-1 +Lives alone'
    like "$cols: and the status" "$OUT" 'status: met'

    # another goal, moved up, a review date, then deleted
    tui_keys "$s" a
    tui_ok "$cols: a on a goal adds a goal" "$s" 'New goal'
    tui_type "$s" "Walk every day"
    tui_keys "$s" F10
    tui_ok "$cols: goal-2 added" "$s" '^   goal-2 +Walk every day +active$'
    tui_keys "$s" K
    tui_ok "$cols: K moves it up" "$s" '^ Moved goal-2 up \(not saved yet: S saves\)$'
    is "$cols: goal-2 first" "$(tui_screen "$s" | grep -oE '^   goal-[0-9]+' | tr -d ' ' | tr '\n' ' ')" "goal-2 goal-1 "
    tui_keys "$s" R
    tui_ok "$cols: R asks for the review date" "$s" 'Next review date \(YYYY-MM-DD, empty clears\):'
    tui_type "$s" 2026-12-15
    tui_keys "$s" Enter
    tui_ok "$cols: review date set" "$s" '^ Next review on 2026-12-15 \(not saved yet: S saves\)$'
    tui_keys "$s" D
    tui_ok "$cols: D asks" "$s" 'Delete goal-2 from the plan\?'
    tui_keys "$s" y
    tui_ok "$cols: deleted" "$s" '^ Deleted goal-2 \(not saved yet: S saves\)$'
    tui_keys "$s" S Enter
    tui_ok "$cols: saved version 6" "$s" '^ Saved version 6$'
    tui_ok "$cols: the review date shows" "$s" '^ Next review: 2026-12-15$'
    run careplan history "$mrn"
    like "$cols: version 6's summary" "$OUT" "
6	2026-11-02 09:0[0-9]	alice	next review date 2026-12-15	"

    # discard: Esc, y
    tui_keys "$s" s c
    tui_ok "$cols: cancelled" "$s" '^   goal-1 .* cancelled$'
    tui_keys "$s" Escape
    tui_ok "$cols: Esc asks again" "$s" 'Discard your unsaved changes'
    tui_keys "$s" y
    tui_ok "$cols: y discards and closes" "$s" '^  Patients'
    run careplan show "$mrn"
    like "$cols: nothing saved" "$OUT" 'Version 6 of 6'
    tui_keys "$s" q
    tui_leave "$s"
    is "$cols: q leaves" "$(tui_wait_exit "$s")" 0
}

scenario 80 24 1080
scenario 132 40 1132
done_testing
