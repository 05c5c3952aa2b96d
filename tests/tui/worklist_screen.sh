#!/bin/sh
# TUI: the call list polished for a nurse at 80x24: after her own call the cursor stays on its
# row (the next patient moves up under it); the title's TCM figures fit and agree with `status`;
# the reason has the room at 80; / starts empty; g shows birth dates and how many more match;
# the summary's q says Back; a supervisor opens on her team and a scheduler on the TCM intake,
# both with a Who column.
. "$TESTLIB/cli.sh"
. "$TESTLIB/tui.sh"
. "$TESTLIB/fixture.sh"
N=2026-11-23T10:00
DB="$T_TMP/clinic.db"
run() { cd_as alice $N "$@"; }
clinic $N north
run user add sue --name "Sue Park" --role supervisor --team north
run user add jlee --name "Jo Lee" --role scheduler
run import "$FIXTURES/discharges.csv"
for t in 1 2 5 6; do run task assign $t mrivera; done
for i in 1 2 3 4 5 6 7 8 9 10 11; do
    run patient add --mrn "50$i" --family Hussain --given Chloé --birth-date "19$((40 + i))-02-03"
done
is_rc "fixture" 0
cd_as alice $N status
like "status: 1 TCM contact due" "$OUT" '"?tcm_contacts_due"?[:	 ]+1'
like "status: 3 TCM visits to book in the clinic" "$OUT" '"?tcm_visits_open"?[:	 ]+3'

tui_start nurse 80 24 --db "$DB" --now $N --user mrivera
tui_ok "80: the title and its TCM figures fit, as status counts them" nurse \
    '^ My list: 2 patients · 4 jobs +TCM: overdue 0 · calls due 1 · visits 2$'
tui_ok "80: no Claim column: the reason has the room" nurse \
    '^  # Patient +Job +Reason +Risk Phone *$'
tui_ok "80: the reason shows its date and the discharge" nurse \
    '^  2 Núñez, Zoë +TCM +TCM contact due by Nov 24, disc… mod  555-0100$'
tui_ok "80: Lee first, her contact picked" nurse '^ > 1/2 TCM +due 2026-11-23'
tui_keys nurse c r Enter
tui_ok "80: logged on Lee's contact" nurse '^ Logged reached for Lee, Ann Marie: TCM contact done'
tui_ok "80: Lee's visit now sorts below" nurse '^  2 Lee, Ann Marie +VISIT'
tui_ok "80: the cursor stayed on row 1: Núñez moved up under it" nurse \
    '^ > 1/2 TCM +due 2026-11-24'
tui_ok "80: the figures follow" nurse 'TCM: overdue 0 · calls due 0 · visits 2$'

# / starts empty (as in less): typing never appends to the last search
tui_keys nurse /
tui_type nurse "Lee"
tui_keys nurse Enter
tui_ok "80: found Lee" nurse '^ > 1/1 VISIT +due 2026-12-03'
tui_keys nurse /
tui_ok "80: the search prompt starts empty" nurse 'Search: *$'
tui_type nurse "Zo"
tui_keys nurse Enter
tui_ok "80: found Zoë, not 'LeeZo'" nurse '^ > 1/2 TCM +due 2026-11-24'
tui_gone_ok "80: no 'Not found'" nurse 'Not found'

# g: birth dates, and how many more than the nine shown
tui_keys nurse g
tui_type nurse "hussain"
tui_keys nurse Enter
tui_ok "80: g says how many more match" nurse 'Which patient\? 2 more: type more of the name'
tui_ok "80: a birth date tells two Chloé Hussains apart" nurse \
    '1 Hussain, Chloé, born 1941-02-03, MRN 501 '
tui_keys nurse Escape

# the summary: q goes back, and says so
tui_keys nurse S
tui_ok "80: the summary's key bar says Back" nurse '^\? Help  r Refresh  q Back '
tui_keys nurse q
tui_ok "80: q went back to the list" nurse '^ My list: 2 patients'

tui_keys nurse q
is "80: the nurse leaves" "$(tui_wait_exit nurse)" 0

cd_as alice $N status
like "status after the call: no TCM contact due" "$OUT" '"?tcm_contacts_due"?[:	 ]+0'

tui_start sup 80 24 --db "$DB" --now $N --user sue
tui_ok "80: a supervisor opens on her team" sup '^ Team north: '
tui_ok "80: with whose each row is" sup '^  # Patient +Job +Reason +Risk Phone +Who *$'
tui_ok "80: the assignee, short" sup '^  1 .* mrivera *$'
tui_keys sup f e
tui_ok "80: everyone's figures are the clinic's, as status counts them" sup \
    'TCM: overdue 0 · calls due 0 · visits 3$'
tui_keys sup q
is "80: the supervisor leaves" "$(tui_wait_exit sup)" 0

tui_start sched 80 24 --db "$DB" --now $N --user jlee
tui_ok "80: a scheduler opens on the TCM intake" sched '^ TCM intake: '
tui_ok "80: with a Who column" sched 'Phone +Who *$'
tui_ok "80: a task waiting in a team's queue reads (team)" sched ' 555-[0-9]{4} +\(tcm\) *$'
tui_keys sched q
is "80: the scheduler leaves" "$(tui_wait_exit sched)" 0

tui_start wide 132 40 --db "$DB" --now $N --user mrivera
tui_ok "132: claim, MRN, due and assignee columns" wide 'Claim +MRN +Due +Assignee'
tui_keys wide q
is "132: leaves" "$(tui_wait_exit wide)" 0
done_testing
