#!/bin/sh
# TUI: discharges in by hand and by file, at 80x24 and 132x40: the intake form checks each field
# as you type, records the discharge in one transaction, shows its deadlines and updates the
# home counts at once; the import prompt shows the summary or the one-line error; Esc on an
# edited form asks first.
. "$TESTLIB/cli.sh"
. "$TESTLIB/tui.sh"
NOW=2026-11-23T09:00 # a Monday

# box_text NAME TITLE: the text inside the box titled TITLE, its wrapped lines joined by spaces
# (the "Enter closes" hint left out).
box_text() {
    tui_screen "$1" | awk -v t="$2" '
        index($0, "┌") && index($0, t) { on = 1; next }
        on && index($0, "└") { exit }
        on {
            s = $0
            sub(/^[^│]*│ */, "", s); sub(/ *│[^│]*$/, "", s)
            if (s != "" && s != "Enter closes") out = out (out == "" ? "" : " ") s
        }
        END { print out }'
}

mkdir -p "$HOME/in"
cp "$FIXTURES/discharges.csv" "$FIXTURES/bad_date.csv" "$HOME/in/"

scenario() {
    local cols=$1 rows=$2 s="intake$1" db="$T_TMP/clinic$1.db"
    cd_run --db "$db" --user alice --now $NOW init --clinic "North Clinic" --timezone America/New_York
    is_rc "$cols: fixture" 0
    tui_start "$s" "$cols" "$rows" --db "$db" --now $NOW --user alice
    tui_home "$s"
    tui_ok "$cols: home, no work yet" "$s" '^  Open tasks +0 +TCM visits to book +0$'
    tui_ok "$cols: key bar offers the discharge keys" "$s" 'q Back  D Discharge  I Import'

    tui_keys "$s" D
    tui_ok "$cols: D opens the intake form" "$s" '┌─* ?New discharge'
    tui_ok "$cols: every field is there" "$s" 'Complexity +moderate'
    tui_type "$s" 5001
    tui_keys "$s" Tab
    tui_type "$s" Rivera
    tui_keys "$s" Tab
    tui_type "$s" Ana
    tui_keys "$s" Tab
    tui_type "$s" 1950-02-03
    tui_keys "$s" Tab Tab Tab
    tui_type "$s" 2026-11-17
    tui_keys "$s" Tab
    tui_type "$s" 2026-11-3
    tui_ok "$cols: a half-typed date is flagged as you type" "$s" \
        "discharge_at: '2026-11-3' is not a date and time"
    tui_type "$s" 1
    tui_ok "$cols: November 31st is not a date" "$s" "discharge_at: '2026-11-31' is not a date"
    tui_keys "$s" Enter
    tui_ok "$cols: Enter on a bad form stays on it" "$s" "discharge_at: '2026-11-31' is not a date"
    tui_keys "$s" BSpace BSpace
    tui_type "$s" 19T16:00
    tui_ok "$cols: fixed, the message goes" "$s" 'Tab next field  Enter save  Esc cancel'
    tui_keys "$s" Tab
    tui_type "$s" "St. Mary's"
    tui_keys "$s" Tab Right Left
    tui_ok "$cols: setting is a choice" "$s" 'Setting +inpatient'
    tui_ok "$cols: choice fields say how to choose" "$s" 'Left/Right choose  Tab next field'
    tui_keys "$s" Tab
    tui_ok "$cols: disposition comes from the NUBC table" "$s" \
        'Disposition +01 Discharged to home or self care'
    tui_keys "$s" Tab e Tab
    tui_ok "$cols: a letter picks a choice" "$s" 'Admission type +emergency'
    tui_type "$s" "I50.9; x"
    tui_ok "$cols: a bad ICD-10 code is named" "$s" "diagnoses: 'x' is not an ICD-10 code"
    tui_keys "$s" BSpace BSpace BSpace
    tui_keys "$s" Enter
    tui_ok "$cols: the discharge is recorded" "$s" '┌─* ?Discharge recorded'
    tui_ok "$cols: eligible, tasks created" "$s" 'TCM eligible: 2 tasks created\.'
    tui_ok "$cols: the deadlines written out" "$s" \
        'Call by Mon 2026-11-23; visit by Thu 2026-12-03 \(99495, 14 days\)\.'
    is "$cols: what the box says" "$(box_text "$s" 'Discharge recorded')" \
        "TCM eligible: 2 tasks created. Call by Mon 2026-11-23; visit by Thu 2026-12-03 (99495, 14 days). Rivera, Ana (MRN 5001): new patient."
    tui_keys "$s" Enter
    tui_gone_ok "$cols: Enter closes the box" "$s" 'Discharge recorded'
    tui_ok "$cols: the home counts changed at once: open tasks" "$s" \
        '^  Open tasks +2 +TCM visits to book +1$'
    tui_ok "$cols: the home counts changed at once: TCM contacts due" "$s" \
        '^  Patients +1 +TCM contacts due +1$'
    cd_run --db "$db" --user alice --now $NOW status
    like "$cols: status sees the contact task" "$OUT" "tcm_contacts_due	1"
    like "$cols: status sees both tasks" "$OUT" "tasks_open	2"

    # an existing MRN fills the demographics; Esc on an edited form asks first
    tui_keys "$s" D
    tui_ok "$cols: the form again" "$s" 'New discharge'
    tui_type "$s" 5001
    tui_ok "$cols: an existing MRN fills the family name" "$s" 'Family name +Rivera'
    tui_ok "$cols: ... and the birth date" "$s" 'Birth date +1950-02-03'
    tui_keys "$s" BSpace
    tui_ok "$cols: another MRN clears what the look-up filled" "$s" 'Family name +│'
    tui_keys "$s" Escape
    tui_ok "$cols: Esc on an edited form asks" "$s" 'Discard your changes\? y yes, n no'
    tui_keys "$s" n
    tui_ok "$cols: n keeps the form" "$s" 'Tab next field  Enter save  Esc cancel'
    tui_ok "$cols: ... with what was typed" "$s" 'MRN +500 '
    tui_keys "$s" Escape y
    tui_gone_ok "$cols: y discards" "$s" 'New discharge'
    tui_ok "$cols: nothing more was written" "$s" '^  Open tasks +2 '

    # import a file
    tui_keys "$s" I
    tui_ok "$cols: I asks for a file" "$s" 'Import discharges from file \(CSV or HL7\):'
    tui_type "$s" "~/in/discharges.csv"
    tui_keys "$s" Enter
    tui_ok "$cols: the import is done" "$s" '┌─* ?Import done'
    is "$cols: the summary" "$(box_text "$s" 'Import done')" \
        "import $HOME/in/discharges.csv: patients 4 new, 0 updated; discharges 4 new (1 not eligible for TCM), 0 already known; tasks 6 created; messages 0 skipped"
    tui_keys "$s" Enter
    tui_ok "$cols: the counts include the import" "$s" '^  Open tasks +8 +TCM visits to book +4$'
    tui_keys "$s" I
    tui_ok "$cols: I again" "$s" 'Import discharges from file'
    tui_type "$s" "~/in/bad_date.csv"
    tui_keys "$s" Enter
    tui_ok "$cols: a bad file fails" "$s" '┌─* ?Import failed'
    is "$cols: the one-line error" "$(box_text "$s" 'Import failed')" \
        "$HOME/in/bad_date.csv:3: discharge_at: '2026-11-31' is not a date and time (expected YYYY-MM-DD[THH:MM[:SS][Z|+HH:MM]]) Nothing was imported."
    tui_keys "$s" Escape
    tui_gone_ok "$cols: Esc closes the box" "$s" 'Import failed'
    tui_ok "$cols: nothing of the bad file was written" "$s" '^  Open tasks +8 '
    tui_keys "$s" I
    tui_type "$s" "~/in/missing.csv"
    tui_keys "$s" Enter
    tui_ok "$cols: a missing file says so" "$s" 'Import failed'
    like "$cols: ... which" "$(box_text "$s" 'Import failed')" '/home/in/missing.csv: cannot open: No such file or directory Nothing was imported\.$'
    tui_keys "$s" Enter q
    tui_leave "$s"
    is "$cols: q leaves with status 0" "$(tui_wait_exit "$s")" 0
}

scenario 80 24
scenario 132 40
done_testing
