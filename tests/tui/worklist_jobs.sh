#!/bin/sh
# TUI: one row per patient at 80x24: a patient with three jobs is one row whose detail lines list
# all three with their due dates; Tab picks the second job and `c` closes that job only (the
# other two stay open, checked by the CLI); a call on a review says it also did the month's
# outreach; a scheduler opens on the TCM intake list, and her filter offers it.
. "$TESTLIB/cli.sh"
. "$TESTLIB/tui.sh"
. "$TESTLIB/fixture.sh"
N=2026-11-23T09:00
DB="$T_TMP/clinic.db"
run() { cd_as alice $N "$@"; }
clinic $N north
run user add jlee --name "Jo Lee" --role scheduler
run patient add --mrn 1001 --family Núñez --given Zoë --birth-date 1948-05-12 --coordinator mrivera --phone 555-0100
run import "$FIXTURES/discharges.csv"
run careplan add 1001 --section goal --text "Weigh daily"
run careplan review-date 1001 2026-11-20
run patient add --mrn 2001 --family Smith --given Ann --birth-date 1950-01-01 --coordinator mrivera --phone 555-0199
run enroll 2001 --program ccm --consent verbal
run careplan add 2001 --section goal --text "Walk daily"
run careplan review-date 2001 2026-11-20
is_rc "fixture" 0

tui_start nurse 80 24 --db "$DB" --now $N --user mrivera
tui_ok "two patients, five jobs" nurse '^ My list: 2 patients · 5 jobs'
tui_ok "one row: the most urgent job's marker and reason first" nurse \
    '^  1 Núñez, Zoë +REVIEW +care plan review overdue'
tui_ok "the detail lines: job 1, picked" nurse \
    '^ > 1/3 REVIEW +due 2026-11-20  care plan review overdue \(Nov 20\) *$'
tui_ok "job 2, with what the discharge can still earn" nurse \
    '^   2/3 TCM +due 2026-11-24 \(99496 possible\)  TCM contact due by Nov 24, di…$'
tui_ok "job 3" nurse '^   3/3 VISIT +due 2026-11-27 \(99496 possible\)  TCM visit to book by Nov 27 *$'
tui_keys nurse Tab
tui_ok "Tab picks the next job" nurse '^ > 2/3 TCM +due 2026-11-24'
tui_ok "and leaves the first" nurse '^   1/3 REVIEW +due 2026-11-20'
tui_keys nurse c
tui_ok "the call is about the picked job" nurse 'Call outcome: Núñez, Zoë, TCM contact'
tui_keys nurse r
tui_ok "an optional note" nurse 'Note \(Enter to skip\):'
tui_keys nurse Enter
tui_ok "the status line names the job it closed" nurse '^ Logged reached for Núñez, Zoë: TCM contact done *$'
tui_ok "the row keeps the other two jobs" nurse '^ My list: 2 patients · 4 jobs'
tui_ok "the review is still job 1" nurse '^ > 1/2 REVIEW +due 2026-11-20'
tui_ok "and the visit job 2" nurse '^   2/2 VISIT +due 2026-11-27'
# a call answers what any call answers: reaching Smith on her review also does this month's
# outreach; the review stays, and the status line says both
tui_keys nurse j
tui_ok "Smith: her review first, then the month's outreach" nurse \
    '^ > 1/2 REVIEW +due 2026-11-20  care plan review overdue \(Nov 20\)'
tui_keys nurse c r Enter
tui_ok "the picked job stays open, and the status line names what else was done" nurse \
    '^ Logged reached for Smith, Ann: care plan review still open; also done: CCM *$'
tui_ok "the sentence wraps, never cut" nurse '^ outreach *$'
tui_ok "Smith keeps one job" nurse '^ My list: 2 patients · 3 jobs'
tui_keys nurse q
is "the nurse leaves" "$(tui_wait_exit nurse)" 0
cd_as mrivera $N worklist
is "the CLI: the contact closed, the review and the visit still open (and Smith's review, tried once)" "$OUT" "rank	task_id	due	kind	reason	mrn	patient	phone	program	risk	attempts	assignee
1	7	2026-11-20	careplan_review	care plan review overdue (Nov 20)	1001	Núñez, Zoë	555-0100	tcm	moderate	0	mrivera
2	8	2026-11-20	careplan_review	care plan review overdue (Nov 20); CCM 0 of 20 min, 5 business days left	2001	Smith, Ann	555-0199	ccm	none	1	mrivera
3	2	2026-11-27	tcm_visit	TCM visit to book by Nov 27	1001	Núñez, Zoë	555-0100	tcm	moderate	0	mrivera"

tui_start sched 80 24 --db "$DB" --now $N --user jlee
tui_ok "a scheduler opens on the TCM intake: the discharges waiting in the queue" sched \
    '^ TCM intake: 2 patients · 4 jobs'
tui_keys sched f
tui_ok "the filter offers her the TCM intake" sched '│ m my list   t my team   i TCM intake   p program   k kind +│'
tui_keys sched m
tui_ok "her own list is empty" sched '^ My list: 0 patients · 0 jobs'
tui_keys sched f i
tui_ok "f i: the TCM intake again" sched '^ TCM intake: 2 patients · 4 jobs'
tui_ok "Lee first: due today" sched '^  1 Lee, Ann Marie +TCM +TCM contact due today'
tui_keys sched q
is "the scheduler leaves" "$(tui_wait_exit sched)" 0
done_testing
