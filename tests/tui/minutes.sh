#!/bin/sh
# TUI: the clinic's billable minutes for the month at 80x24 and 132x40: exact rows, the sort
# cycle, the close-to-a-threshold filter, month by month, the bar toward the next threshold on a
# wide terminal, and the timer key on the selected row.
. "$TESTLIB/cli.sh"
. "$TESTLIB/tui.sh"
DB="$T_TMP/clinic.db"
run() { cd_run --db "$DB" --user alice --now "$@"; }
run 2026-09-01T09:00 init --clinic "North Clinic" --timezone America/New_York
for p in "1001 Núñez Zoë" "1002 Okafor Chidi" "1003 Brown Bob" "1004 Lee Ann" "1005 Diaz Rosa"; do
    # shellcheck disable=SC2086
    set -- $p
    run 2026-09-01T09:00 patient add --mrn "$1" --family "$2" --given "$3" --birth-date 1950-01-01
done
run 2026-09-01T09:00 enroll 1001 --program ccm --consent verbal
run 2026-09-01T09:00 enroll 1002 --program ccm --consent written
run 2026-09-01T09:00 enroll 1003 --program pcm --consent verbal
run 2026-09-01T09:00 enroll 1004 --program ccm --consent none
run 2026-11-20T09:00 time add 1001 14 --date 2026-11-03
run 2026-11-20T09:00 time add 1002 25 --date 2026-11-04
run 2026-11-20T09:00 time add 1002 20 --date 2026-11-05 --role practitioner
run 2026-11-20T09:00 time add 1003 27 --date 2026-11-06
run 2026-11-20T09:00 time add 1004 18 --date 2026-11-07
run 2026-11-20T09:00 time add 1005 10 --date 2026-11-08
run 2026-11-20T09:00 time add 1002 45 --date 2026-10-15
is_rc "fixture" 0

# rows S FROM TO: the screen's lines FROM..TO, trailing blanks cut
rows() { tui_screen "$1" | sed -n "$2,$3p" | sed 's/ *$//'; }

R1001=' 1001     Núñez, Zoë      CCM         staff   14                  6 below thre…'
R1002=' 1002     Okafor, Chidi   CCM         staff   25 99490           15'
R1002P=' 1002     Okafor, Chidi   CCM         prac…   20                 10 below thre…'
R1003=' 1003     Brown, Bob      PCM         staff   27                  3 below thre…'
R1004=' 1004     Lee, Ann        CCM         staff   18                    no consent'
R1005=' 1005     Diaz, Rosa      Coordinati… staff   10                    coordinati…'
s=m80
tui_start $s 80 24 --db "$DB" --now 2026-11-20T09:00 --user alice
tui_home $s
tui_ok "80: home offers the minutes" $s 'M Minutes'
tui_keys $s M
tui_ok "80: the month" $s '^ Billable minutes, November 2026: 6 rows$'
is "80: exact rows" "$(rows $s 2 10)" " Billable minutes, November 2026: 6 rows
 Sorted by MRN
 MRN      Patient         Program     Role   Min Codes         Next Reason
$R1001
$R1002
$R1002P
$R1003
$R1004
$R1005"
tui_ok "80: the selected row in full" $s \
    '^ Núñez, Zoë  CCM, clinical staff  14 min  below threshold, next code in 6 min$'
tui_ok "80: key bar" $s '^s Sort  c Close  \[ Prev month  \] Next month  \? Help  q Back'
tui_keys $s s
tui_ok "80: by patient" $s '^ Sorted by patient$'
is "80: patient order" "$(rows $s 5 10)" "$R1003
$R1005
$R1004
$R1001
$R1002
$R1002P"
tui_keys $s s
tui_ok "80: by minutes" $s '^ Sorted by minutes$'
is "80: most minutes first" "$(rows $s 5 10)" "$R1003
$R1002
$R1002P
$R1004
$R1001
$R1005"
tui_keys $s s
tui_ok "80: by next threshold" $s '^ Sorted by next threshold$'
is "80: nearest threshold first, none last" "$(rows $s 5 10)" "$R1003
$R1001
$R1002P
$R1002
$R1004
$R1005"
tui_keys $s c
tui_ok "80: close to a threshold" $s \
    '^ Sorted by next threshold; only rows within 5 min of a threshold$'
is "80: the close row" "$(rows $s 2 6)" " Billable minutes, November 2026: 1 row
 Sorted by next threshold; only rows within 5 min of a threshold
 MRN      Patient         Program     Role   Min Codes         Next Reason
$R1003"
tui_keys $s '['
tui_ok "80: October, still filtered" $s '^ Billable minutes, October 2026: 0 rows$'
tui_ok "80: empty" $s 'No minutes logged this month \(c shows all rows when filtered\)'
tui_keys $s c
tui_ok "80: October" $s '^ Billable minutes, October 2026: 1 row$'
is "80: October's row" "$(rows $s 5 5)" " 1002     Okafor, Chidi   CCM         staff   45 99490,99439     15"
tui_keys $s ']' ']'
tui_ok "80: December" $s '^ Billable minutes, December 2026: 0 rows$'
tui_keys $s '['
tui_ok "80: November again" $s '^ Billable minutes, November 2026: 6 rows$'
tui_keys $s s Down t
tui_ok "80: t times the selected row's patient" $s 'Timer for Okafor, Chidi \(1002\): which activity\?'
tui_keys $s Escape
tui_keys $s q
tui_ok "80: back home" $s '^  Today, Friday 20 November 2026$'
tui_keys $s q
tui_leave $s
is "80: q" "$(tui_wait_exit $s)" 0

s=m132
tui_start $s 132 40 --db "$DB" --now 2026-11-20T09:00 --user alice
tui_home $s
tui_ok "132: home" $s 'M Minutes'
tui_keys $s M
tui_ok "132: the month" $s '^ Billable minutes, November 2026: 6 rows$'
is "132: exact rows with the bars" "$(rows $s 4 10)" " MRN      Patient             Program     Role       Min Codes         Next Reason                             Toward the threshold
 1001     Núñez, Zoë          CCM         staff       14                  6 below threshold                           ··· 14/20 min
 1002     Okafor, Chidi       CCM         staff       25 99490           15                                          ···· 25/40 min
 1002     Okafor, Chidi       CCM         practiti…   20                 10 below threshold                          ···· 20/30 min
 1003     Brown, Bob          PCM         staff       27                  3 below threshold                             · 27/30 min
 1004     Lee, Ann            CCM         staff       18                    no consent
 1005     Diaz, Rosa          Coordinati… staff       10                    coordination time is not billed"
like "132: 25 of 40 minutes: 6 of 10 cells in bar.fill, 4 in bar.empty" "$(tui_screen_attr $s | sed -n 6p | tr -d '\033')" \
    '\[30m\[42m {6}\[2m\[39m\[49m····\[0m\[39m\[49m 25/40 min'
tui_keys $s Down Down
tui_ok "132: the practitioner row in full" $s \
    '^ Okafor, Chidi  CCM, practitioner  20 min  below threshold, next code in 10 min$'
tui_keys $s Up
tui_ok "132: a row with a code" $s '^ Okafor, Chidi  CCM, clinical staff  25 min  99490  next code in 15 min$'
tui_keys $s q q
tui_leave $s
is "132: q" "$(tui_wait_exit $s)" 0

done_testing
