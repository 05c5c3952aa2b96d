#!/bin/sh
# TUI: the appointments view at 80x24 and 132x40: the day list's exact rows, booking through the
# form (with the TCM window warning), moving (sequence 1), cancelling with a reason, kept and
# no-show, days, a patient's list, live refresh, and the .ics export at the path it names.
. "$TESTLIB/cli.sh"
. "$TESTLIB/tui.sh"
. "$TESTLIB/fixture.sh"
FIXTURE="$T_TMP/fixture.db"
NOW=2026-11-02T08:00
run() { cd_as alice "$NOW" "$@"; }
DB=$FIXTURE
clinic "$NOW"
run patient add --mrn 1001 --family "Núñez" --given "Zoë" --birth-date 1948-05-12
run patient add --mrn 1003 --family "Abernathy-Whitcombe" --given Josephine --birth-date 1944-07-30
# 1002 comes with a high-complexity discharge on 2026-10-30: the TCM visit is due by 2026-11-06
printf '%s\n' "MRN,Name,Birth_Date,Sex,Phone,Discharge_At,Admit_At,Facility,Setting,Disposition,Admission_Type,Diagnoses,Complexity" \
    '1002,"Brown, Bob",1950-01-02,M,555-0101,10/30/2026 11:00,10/27/2026 08:00,General,inpatient,01,emergency,I50.9,high' \
    >"$T_TMP/discharges.csv"
run import "$T_TMP/discharges.csv"
run appointment add 1001 --at 2026-11-02T09:30 --duration 30 --with "Dr. Alan Smith" --kind primary_care --location "Suite 4"
run appointment add 1002 --at 2026-11-02T11:00 --duration 20 --with Lab --kind lab
run appointment add 1003 --at 2026-11-02T14:15 --duration 45 --with "Dr. Priya Raman" --kind specialist --location "Cardiology, 2nd floor"
run appointment add 1002 --at 2026-11-03T10:00 --duration 30 --with "Dr. Alan Smith" --kind telehealth
run appointment add 1001 --at 2026-11-02T08:00 --duration 15 --with "Nurse Kim" --kind other
run appointment kept 5
is_rc "fixture" 0

# tui_row DESC NAME COLS LINE80 LINE132: the exact screen line for this width
tui_row() {
    if [ "$3" = 80 ]; then tui_ok "$1" "$2" "^$(printf '%s' "$4" | sed 's/[].[*^$()+?{}|\\]/\\&/g')\$"
    else tui_ok "$1" "$2" "^$(printf '%s' "$5" | sed 's/[].[*^$()+?{}|\\]/\\&/g')\$"; fi
}

scenario() {
    local cols=$1 rows=$2 s="appt$1"
    DB="$T_TMP/clinic$cols.db"
    cp "$FIXTURE" "$DB"
    tui_start "$s" "$cols" "$rows" --db "$DB" --now "$NOW" --user alice
    tui_home "$s"
    tui_ok "$cols: home" "$s" '^  Today, Monday 2 November 2026$'
    tui_keys "$s" A
    tui_ok "$cols: A opens today's appointments" "$s" \
        '^ Appointments, Monday 2 November 2026 \(today\) +4 appointments *$'
    tui_row "$cols: header" "$s" "$cols" \
        " Time  Patient           Kind          Provider        Location   Status    Seq" \
        " Time  Patient                         Kind                   Provider                      Location                  Status    Seq"
    tui_row "$cols: row 1, kept" "$s" "$cols" \
        " 08:00 Núñez, Zoë        Appointment   Nurse Kim                  kept        1" \
        " 08:00 Núñez, Zoë                      Appointment            Nurse Kim                                               kept        1"
    tui_row "$cols: row 2" "$s" "$cols" \
        " 09:30 Núñez, Zoë        Primary care  Dr. Alan Smith  Suite 4    booked      0" \
        " 09:30 Núñez, Zoë                      Primary care visit     Dr. Alan Smith                Suite 4                   booked      0"
    tui_row "$cols: row 3" "$s" "$cols" \
        " 11:00 Brown, Bob        Lab           Lab                        booked      0" \
        " 11:00 Brown, Bob                      Lab appointment        Lab                                                     booked      0"
    tui_row "$cols: row 4, a long name and place" "$s" "$cols" \
        " 14:15 Abernathy-Whitco… Specialist    Dr. Priya Raman Cardiolog… booked      0" \
        " 14:15 Abernathy-Whitcombe, Josephine  Specialist visit       Dr. Priya Raman               Cardiology, 2nd floor     booked      0"
    tui_ok "$cols: the selected appointment in full" "$s" \
        '^ #5  Núñez, Zoë  Appointment  15 min  MRN 1001  Nurse Kim *$'

    # book a TCM visit through the form, after its 7-day window
    tui_keys "$s" b
    tui_ok "$cols: b asks the kind" "$s" 'Book which kind of visit\?'
    tui_keys "$s" t
    tui_ok "$cols: the booking form" "$s" 'Book: TCM face-to-face visit'
    tui_ok "$cols: date and time prefilled" "$s" 'Date and time  2026-11-02T09:00 '
    tui_type "$s" 1002
    tui_keys "$s" Tab C-u
    tui_type "$s" 2026-11-31T10:00
    tui_ok "$cols: a bad date says what is wrong" "$s" \
        "start: '2026-11-31T10:00' is not a real date \(YYYY-MM-DDTHH:MM\)"
    tui_keys "$s" C-u
    tui_type "$s" 2026-11-10T10:00
    tui_keys "$s" Tab Tab Enter
    tui_ok "$cols: an empty provider is refused" "$s" 'Provider is empty'
    tui_type "$s" "Dr. Lee"
    tui_keys "$s" Enter
    tui_ok "$cols: the TCM window warning after booking" "$s" \
        'Warning: TCM visit on 2026-11-10 is after the 7-day window'
    tui_keys "$s" Escape
    tui_ok "$cols: the list follows the booking to its day" "$s" \
        '^ Appointments, Tuesday 10 November 2026 +1 appointment *$'
    tui_ok "$cols: the booked row" "$s" '^ 10:00 Brown, Bob +TCM (visit|face-to-face visit) +Dr\. Lee +booked +0 *$'
    tui_ok "$cols: booked message" "$s" \
        '^ Booked appointment 6: TCM visit for MRN 1002, 2026-11-10 10:00$'
    run appointment list --from 2026-11-10 --to 2026-11-10
    is "$cols: appointment list shows the booking" "$OUT" "id	mrn	patient	kind	start	duration	provider	location	status	sequence
6	1002	Brown, Bob	tcm_visit	2026-11-10T10:00	30	Dr. Lee		booked	0"
    is "$cols: the TCM visit task stays open" \
        "$(sqlite3 "$DB" "SELECT status FROM tasks WHERE kind = 'tcm_visit'")" open

    # move it into the window, back to today
    tui_keys "$s" m
    tui_ok "$cols: the move form, prefilled" "$s" 'Date and time  2026-11-10T10:00 '
    tui_keys "$s" C-u
    tui_type "$s" 2026-11-02T16:00
    tui_keys "$s" Enter
    tui_ok "$cols: moved message" "$s" \
        '^ Moved appointment 6 to 2026-11-02 16:00 \(sequence 1\); TCM visit task done$'
    tui_ok "$cols: sequence 1 on screen" "$s" '^ 16:00 Brown, Bob +TCM (visit|face-to-face visit) +Dr\. Lee +booked +1 *$'
    tui_ok "$cols: back on today" "$s" '^ Appointments, Monday 2 November 2026 \(today\) +5 appointments *$'

    # cancel it with a reason (X: c logs a call, as on every tab of the chart)
    tui_keys "$s" X
    tui_ok "$cols: asks the reason" "$s" 'Reason for cancelling \(Enter for none\):'
    tui_type "$s" "patient asked"
    tui_keys "$s" Enter
    tui_ok "$cols: confirms" "$s" 'Cancel appointment 6, 2026-11-02 16:00 for Brown, Bob\?'
    tui_keys "$s" y
    tui_ok "$cols: cancelled on screen" "$s" '^ 16:00 Brown, Bob +TCM (visit|face-to-face visit) +Dr\. Lee +cancelled +2 *$'
    tui_ok "$cols: cancelled message" "$s" \
        '^ Cancelled appointment 6 \(sequence 2\); TCM visit task reopened$'
    run appointment list --from 2026-11-02 --to 2026-11-02 --provider "Dr. Lee"
    is "$cols: appointment list shows it cancelled" "$(printf '%s\n' "$OUT" | tail -1)" \
        "6	1002	Brown, Bob	tcm_visit	2026-11-02T16:00	30	Dr. Lee		cancelled	2"
    tui_keys "$s" X
    tui_ok "$cols: a cancelled one cannot be cancelled again" "$s" \
        '^ appointment 6 is already cancelled$'

    # kept and no-show (K and O, each asked first: k moves up, as on every list)
    tui_keys "$s" g Down K
    tui_ok "$cols: K asks first" "$s" 'Mark appointment 1, 2026-11-02 [0-9:]+ for [^?]+, kept\?'
    tui_keys "$s" n
    tui_gone_ok "$cols: n leaves it as it was" "$s" 'Mark appointment 1'
    tui_keys "$s" K y
    tui_ok "$cols: K marks kept" "$s" '^ Appointment 1 is kept \(sequence 1\)$'
    tui_keys "$s" Down O y
    tui_ok "$cols: O marks a no-show" "$s" '^ Appointment 2 is a no-show \(sequence 1\)$'
    tui_ok "$cols: no-show on screen" "$s" '^ 11:00 Brown, Bob .* no-show +1 *$'

    # another process books: the list refreshes by itself
    run appointment add 1003 --at 2026-11-02T12:00 --duration 30 --with "Dr. Alan Smith" --kind lab
    tui_ok "$cols: another process's booking shows within 2 s" "$s" \
        '^ Appointments, Monday 2 November 2026 \(today\) +6 appointments *$' 2
    tui_ok "$cols: the cursor stays on its appointment" "$s" '^ #2  Brown, Bob  Lab appointment  20 min'

    # export the day
    tui_keys "$s" e
    tui_ok "$cols: the export path is offered" "$s" \
        "Export to: .*/caredesk/exports/appointments-2026-11-02.ics"
    [ "$cols" = 80 ] || tui_ok "$cols: the whole path" "$s" \
        "Export to: $XDG_DATA_HOME/caredesk/exports/appointments-2026-11-02.ics"
    if [ "$cols" = 80 ]; then
        tui_keys "$s" C-u
        tui_type "$s" "~/out/day.ics"
        tui_keys "$s" Enter
        tui_ok "$cols: says where it went" "$s" '^ Wrote 6 appointments to ~/out/day.ics$'
        file="$HOME/out/day.ics"
    else
        tui_keys "$s" Enter
        tui_ok "$cols: says where it went" "$s" '^ Wrote 6 appointments to /'
        file=$(tui_screen "$s" | sed -n 's/^ Wrote 6 appointments to \(.*[^ ]\) *$/\1/p')
        is "$cols: the default path" "$file" "$XDG_DATA_HOME/caredesk/exports/appointments-2026-11-02.ics"
    fi
    if [ -f "$file" ]; then _t_result 0 "$cols: the file exists"; else _t_result 1 "$cols: the file exists ($file)"; fi
    is "$cols: one VEVENT per appointment" "$(grep -c '^BEGIN:VEVENT' "$file")" 6
    is "$cols: the cancelled one is STATUS:CANCELLED" "$(grep -c '^STATUS:CANCELLED' "$file")" 1
    run export-ics --from 2026-11-02 --to 2026-11-02
    printf '%s\n' "$OUT" | tr -d '\r' | grep -v '^DTSTAMP:' >"$T_TMP/cli.ics"
    tr -d '\r' <"$file" | grep -v '^DTSTAMP:' >"$T_TMP/tui.ics"
    if cmp -s "$T_TMP/cli.ics" "$T_TMP/tui.ics"; then
        _t_result 0 "$cols: the same calendar as export-ics (but DTSTAMP)"
    else
        _t_result 1 "$cols: the same calendar as export-ics (but DTSTAMP)"
        diff "$T_TMP/cli.ics" "$T_TMP/tui.ics" | head -20 | sed 's/^/# /'
    fi

    # days
    tui_type "$s" "]"
    tui_ok "$cols: ] next day" "$s" '^ Appointments, Tuesday 3 November 2026 \(tomorrow\) +1 appointment *$'
    tui_ok "$cols: tomorrow's row" "$s" '^ 10:00 Brown, Bob +Telehealth'
    tui_type "$s" "["
    tui_type "$s" "["
    tui_ok "$cols: [ previous day" "$s" '^ Appointments, Sunday 1 November 2026 \(yesterday\) +0 appointments *$'
    tui_ok "$cols: an empty day says so" "$s" 'No appointments\. b books one\.'
    tui_keys "$s" d C-u
    tui_type "$s" 2026-11-03
    tui_keys "$s" Enter
    tui_ok "$cols: d goes to a date" "$s" '^ Appointments, Tuesday 3 November 2026 \(tomorrow\)'
    tui_keys "$s" .
    tui_ok "$cols: . today" "$s" '^ Appointments, Monday 2 November 2026 \(today\) +6 appointments *$'

    # a patient's appointments
    tui_keys "$s" g Down Down Enter
    tui_ok "$cols: Enter opens the patient's chart on its Appointments tab" "$s" '^ 3 appointments *$'
    tui_ok "$cols: the chart's header" "$s" '^ Brown, Bob .*MRN 1002'
    tui_ok "$cols: the tab row" "$s" '^  Contacts \([0-9]+\)   Timeline   Care plan   Appointments   Time *$'
    tui_ok "$cols: patient rows carry the date, not the name the header gives" "$s" '^ 2026-11-03 10:00 +Telehealth'
    tui_type "$s" "]"
    tui_ok "$cols: days are for the day list" "$s" "days are for the day list"
    tui_keys "$s" t
    tui_ok "$cols: t times this patient" "$s" 'Timer for .*Brown.*: which activity\?'
    tui_keys "$s" Escape
    tui_keys "$s" e
    tui_ok "$cols: patient export path" "$s" \
        "Export to: .*/caredesk/exports/patient-BB-2026-11-02.ics"
    tui_keys "$s" Escape q
    tui_ok "$cols: q goes back to the day" "$s" '^ Appointments, Monday 2 November 2026 \(today\)'
    tui_keys "$s" q
    tui_ok "$cols: and q again home" "$s" '^  Today, Monday 2 November 2026$'
    tui_keys "$s" q
    tui_leave "$s"
    is "$cols: q leaves with status 0" "$(tui_wait_exit "$s")" 0
}

scenario 80 24
scenario 132 40

done_testing
