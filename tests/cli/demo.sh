#!/bin/sh
# CLI: demo fills an empty database (exact summary), adds the invoking login, refuses a second run.
. "$TESTLIB/cli.sh"
demo() { db=$1; shift; cd_run --user alice --db "$T_TMP/$db" --now 2026-11-02T09:00 demo "$@"; }

demo a.db --patients 300 --seed 5
is_rc "demo on a new database" 0
is "summary" "$OUT" "demo: 300 patients, 8 staff, 306 encounters, 183 tasks, 828 contacts, 1653 time entries, 230 care plans, 191 appointments (seed 5, today 2026-11-02, America/New_York)"
cd_run --user alice --db "$T_TMP/a.db" settings timezone
is "a new database gets the demo clinic's zone" "$OUT" "America/New_York"
cd_run --user alice --db "$T_TMP/a.db" --now 2026-11-02T09:00 status
is_rc "the invoking login is now a user" 0
is "status of the demo clinic" "$OUT" "figure	value
patients	300
tasks_open	158
tasks_due_today	21
tasks_overdue	52
tcm_contacts_due	4
tcm_visits_open	6
discharges_30d	19
care_management_enrolled	220
my_tasks_due	0
appointments_today	3"
cd_run --db "$T_TMP/a.db" --user mrivera --now 2026-11-02T09:00 status
like "the demo coordinator has work due" "$OUT" "my_tasks_due	27"
cd_run --user alice --db "$T_TMP/a.db" user list
like "the invoking login is a supervisor" "$OUT" "alice	alice	supervisor"
like "Maria Rivera coordinates the north team" "$OUT" "mrivera	Maria Rivera	coordinator	north"
like "there is an admin" "$OUT" "	admin	"

demo a.db
is_rc "a second demo is refused" 1
is "refusal message" "$ERR" "caredesk: DB already holds 300 patients; demo fills only an empty database"

demo b.db --patients 0
is_rc "no patients is a usage error" 2
is "--patients message" "$ERR" "caredesk: --patients: '0' is not a whole number from 1 to 1000000
usage: caredesk demo [--patients N] [--seed S]"
demo b.db --seed x
is_rc "a bad seed is a usage error" 2
is "--seed message" "$ERR" "caredesk: --seed: 'x' is not a whole number from 0 to 4294967295
usage: caredesk demo [--patients N] [--seed S]"
demo b.db --patients 5 extra
is_rc "an operand is a usage error" 2
test -e "$T_TMP/b.db"
is "a usage error leaves no database behind" "$?" "1"

cd_run --user alice --db "$T_TMP/c.db" init --timezone America/Chicago
demo c.db --patients 50
is "after init: its zone is kept and its admin is not added again" "$OUT" "demo: 50 patients, 7 staff, 59 encounters, 38 tasks, 151 contacts, 300 time entries, 40 care plans, 34 appointments (seed 1, today 2026-11-02, America/Chicago)"

demo d.db
is "default: 2000 patients, seed 1" "$OUT" "demo: 2000 patients, 17 staff, 2186 encounters, 1282 tasks, 5420 contacts, 10959 time entries, 1500 care plans, 1347 appointments (seed 1, today 2026-11-02, America/New_York)"
cd_run --user alice --db "$T_TMP/d.db" --now 2026-11-02T09:00 check
is_rc "the 2,000-patient demo passes the consistency check" 0
is "... which prints nothing" "$OUT$ERR" ""
demo e.db
is "the same seed and today give the same summary" "$OUT" "demo: 2000 patients, 17 staff, 2186 encounters, 1282 tasks, 5420 contacts, 10959 time entries, 1500 care plans, 1347 appointments (seed 1, today 2026-11-02, America/New_York)"
done_testing
