#!/bin/sh
# CLI: init, settings, user add, patient add, status; exact output and exit codes.
. "$TESTLIB/cli.sh"
DB="$T_TMP/clinic.db"
run() { cd_run --user alice --db "$DB" --now 2026-11-02T09:00 "$@"; }

run init --clinic "North Clinic" --timezone America/New_York
is_rc "init succeeds" 0
is "init output" "$OUT" "initialized $DB (schema 5, time zone America/New_York); 'alice' is its admin"
like "database file is 0600" "$(stat -c %a "$DB")" '^600$'

run init
is "init again is idempotent" "$OUT" "$DB is up to date (schema 5, time zone America/New_York)"

# a database the first release made (schema 1) is migrated in place, its rows kept
V1="$T_TMP/v1.db"
sqlite3 "$V1" <"$TESTLIB/../../data/schema/001_init.sql"
sqlite3 "$V1" "PRAGMA user_version = 1; INSERT INTO users(login, name, role, created_at)
    VALUES ('alice', 'Alice', 'admin', '2026-01-01T00:00:00Z')"
cd_run --user alice --db "$V1" --now 2026-11-02T09:00 init
is_rc "init migrates a schema 1 database" 0
is "init says it migrated" "$OUT" "migrated $V1 from schema 1 to 5 (time zone UTC)"
is "the rows are kept" "$(sqlite3 "$V1" "SELECT login FROM users")" "alice"
cd_run --user alice --db "$V1" --now 2026-11-02T09:00 init
is "then it is up to date" "$OUT" "$V1 is up to date (schema 5, time zone UTC)"

run settings
is "settings list" "$OUT" "key	value
clinic_name	North Clinic
timezone	America/New_York
extra_holidays	
organizer	
idle_minutes	10
timer_max_minutes	240
day_max_minutes	120"

run settings extra_holidays "2026-12-24,2026-12-31"
is "set a setting" "$OUT" "extra_holidays = 2026-12-24,2026-12-31"
run settings timezone
is "read a setting" "$OUT" "America/New_York"

run user add mrivera --name "Maria Rivera" --role coordinator --team north
is "user add" "$OUT" "added mrivera (Maria Rivera) as coordinator"
run user add mrivera --name "Maria Rivera" --role coordinator
is_rc "duplicate user fails" 1
is "duplicate user message" "$ERR" "caredesk: user 'mrivera' already exists"
run user list
is "user list" "$OUT" "id	login	name	role	team
1	alice	alice	admin	
2	mrivera	Maria Rivera	coordinator	north"

run patient add --mrn 1001 --family "Núñez" --given "Zoë" --birth-date 1948-05-12 --sex F --phone 555-0100 --coordinator mrivera
is "patient add" "$OUT" "added patient 1001 (Núñez, Zoë)"
run patient find "núñez"
is "patient find" "$OUT" "id	mrn	patient	birth_date	phone	coordinator
1	1001	Núñez, Zoë	1948-05-12	555-0100	mrivera"

cd_run --db "$DB" --user mrivera --now 2026-11-02T09:00 user add bob --name Bob --role coordinator
is_rc "a coordinator cannot add users" 1
is "role message" "$ERR" "caredesk: adding a user is for supervisors and admins; 'mrivera' is a coordinator"
cd_run --db "$DB" --user mrivera --now 2026-11-02T09:00 user add bob --name Bob --role admin
is "nor admins" "$ERR" "caredesk: adding an admin is for admins; 'mrivera' is a coordinator"
cd_run --db "$DB" --user alice --now 2026-11-02T09:00 user add sue --name "Sue Super" --role supervisor
cd_run --db "$DB" --user sue --now 2026-11-02T09:00 user add eve --name Eve --role admin
is "a supervisor adds staff but not an admin, who could act as anyone" "$RC:$ERR" \
    "1:caredesk: adding an admin is for admins; 'sue' is a supervisor"
cd_run --db "$DB" --user sue --now 2026-11-02T09:00 user add nia --name Nia --role coordinator
is "a supervisor adds a coordinator" "$RC:$OUT" "0:added nia (Nia) as coordinator"

cd_run --db "$DB" --user ghost status
is_rc "unknown login refused" 1
is "unknown login message" "$ERR" "caredesk: 'ghost' is not a caredesk user (an admin can add one with 'caredesk user add ghost --name NAME --role ROLE')"

run status --format json
is "status json" "$OUT" '[
 {"figure": "patients", "value": 1},
 {"figure": "tasks_open", "value": 0},
 {"figure": "tasks_due_today", "value": 0},
 {"figure": "tasks_overdue", "value": 0},
 {"figure": "tcm_contacts_due", "value": 0},
 {"figure": "tcm_visits_open", "value": 0},
 {"figure": "discharges_30d", "value": 0},
 {"figure": "care_management_enrolled", "value": 0},
 {"figure": "my_tasks_due", "value": 0},
 {"figure": "appointments_today", "value": 0}
]'
done_testing
