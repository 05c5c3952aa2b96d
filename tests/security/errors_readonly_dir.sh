#!/bin/sh
# A database in a directory its user cannot write (SQLite cannot make the -wal and -shm files
# beside it): the commands that only read work, without leaving a file behind; the worklist skips
# the day's generation with a note; a writing command names the directory and says why.
. "$TESTLIB/cli.sh"
. "$(dirname "$0")/errors_lib.sh"
sec_os_user
D="$T_TMP/clinic"
DB="$D/cd.db"
NOW=2026-11-20T10:00
mkdir -m 700 "$D"
[ "$(id -u)" = 0 ] && chown "$SEC_USER" "$D"

sec_run --db "$DB" init --timezone America/New_York
is_rc "init as the OS user" 0
sec_run --db "$DB" --now $NOW patient add --mrn M1 --family Doe --given Jane \
    --birth-date 1950-01-01 --phone 555-0100
sec_run --db "$DB" --now $NOW enroll M1 --program ccm --consent verbal --date 2026-11-01
sec_run --db "$DB" --now $NOW careplan add M1 --section goal --text "Walk daily"
sec_run --db "$DB" --now $NOW appointment add M1 --at 2026-11-25T09:00 --duration 30 --with "Dr. Ng"
is_rc "set-up written" 0
chmod 500 "$D"

sec_run --db "$DB" --now $NOW patient find Doe
is_rc "patient find works" 0
is "patient find prints the patient" "$OUT" "id	mrn	patient	birth_date	phone	coordinator
1	M1	Doe, Jane	1950-01-01	555-0100	"
is "patient find says nothing on stderr" "$ERR" ""
sec_run --db "$DB" --now $NOW worklist
is_rc "worklist works" 0
is "worklist notes the skipped generation, once" "$ERR" \
    "caredesk: the database is read-only; today's outreach was not generated"
like "worklist prints its header" "$OUT" "^rank	task_id	due	kind	reason"
for cmd in "timeline M1" "careplan show M1" "billing --month 2026-11" "status" \
    "appointment list" "export-ics" "tcm-due 2026-11-18"; do
    # shellcheck disable=SC2086
    sec_run --db "$DB" --now $NOW $cmd
    is "$cmd works, silently" "$RC:$ERR" "0:"
done
like "careplan show shows the plan" "$(sec_run --db "$DB" --now $NOW careplan show M1; echo "$OUT")" \
    "Walk daily"
like "export-ics exports the visit" "$(sec_run --db "$DB" --now $NOW export-ics; echo "$OUT")" \
    "^BEGIN:VCALENDAR"

want="caredesk: cannot write in $D (read-only directory): the database needs its -wal and -shm files beside it"
sec_run --db "$DB" --now $NOW note add M1 "a note"
is_rc "a writing command fails" 1
is "it names the directory and says why" "$ERR" "$want"
sec_run --db "$DB" --now $NOW patient add --mrn M2 --family Roe --given Ann --birth-date 1960-01-01
is_rc "a writing verb of a reading command fails" 1
is "with the same sentence" "$ERR" "$want"
is "nothing was left beside the database" "$(ls "$D")" "cd.db"

chmod 700 "$D"
sec_run --db "$DB" --now $NOW note add M1 "a note"
is_rc "once the directory is writable the note is written" 0
done_testing
