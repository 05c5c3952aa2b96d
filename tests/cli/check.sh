#!/bin/sh
# CLI: check is silent with exit 0 on a consistent database; it lists each inconsistency (TSV or
# JSON) and counts them with exit 1; it is for supervisors and admins and is audited as a read.
. "$TESTLIB/cli.sh"
. "$TESTLIB/fixture.sh"
DB="$T_TMP/clinic.db"
N=2026-11-18T10:00
clinic $N north
cd_as alice $N patient add --mrn 1001 --family Ames --given Ann --birth-date 1950-01-01 --coordinator mrivera
cd_as alice $N enroll 1001 --program ccm --consent verbal --date 2026-01-05
is_rc "fixture" 0

cd_as alice $N check
is_rc "a consistent database: exit 0" 0
is "... and nothing printed" "$OUT$ERR" ""
cd_as alice $N check --format json
is "nothing in JSON either" "$OUT$ERR" ""

cd_as mrivera $N check
is_rc "a coordinator may not run it" 1
is "... and is told who may" "$ERR" "caredesk: checking the database's consistency is for supervisors and admins; 'mrivera' is a coordinator"
cd_as alice $N check everything
is_rc "an operand is a usage error" 2
is "... named" "$ERR" "caredesk: check takes no operand ('everything')
usage: caredesk check [--format tsv|json]"

if command -v sqlite3 >/dev/null 2>&1; then
    # an enrollment ended by hand in the file, its status left active
    sqlite3 "$DB" "UPDATE enrollments SET end_date = '2026-10-31' WHERE id = 1"
    cd_as alice $N check
    is_rc "an inconsistency: exit 1" 1
    is "one line per finding" "$OUT" "kind	mrn	record	finding
enrollment_past_end	1001	enrollment 1	the CCM enrollment is active although it ended on 2026-10-31"
    is "... and the count" "$ERR" "caredesk: 1 inconsistency found"
    sqlite3 "$DB" "INSERT INTO tasks(patient_id, kind, due_at, due_date, team, created_at) SELECT id, 'callback', '2026-11-18T20:00:00Z', '2026-11-18', 'north', '2026-11-10T15:00:00Z' FROM patients WHERE mrn = '1001'; UPDATE patients SET deceased_at = '2026-11-12' WHERE mrn = '1001'"
    cd_as alice $N check --format json
    is_rc "two kinds: exit 1" 1
    like "JSON names the kind" "$OUT" '"kind": *"task_deceased"'
    like "... and says what is wrong" "$OUT" '"finding": *"the call back task is open although the patient died on 2026-11-12"'
    is "the count in words" "$ERR" "caredesk: 3 inconsistencies found"
fi
cd_as alice $N audit --user alice
like "each run is one read in the access log" "$OUT" "alice	database check		0 findings"
like "... with the count it found" "$OUT" "alice	database check		3 findings"
done_testing
