#!/bin/sh
# Security (issue 13, item 5): three `time add ... 720` for one patient on one day were all
# accepted. A day's minutes for one patient and program above day_max_minutes now need a
# supervisor's or admin's confirmation, which a coordinator cannot give herself.
. "$TESTLIB/cli.sh"
DB="$T_TMP/clinic.db"
run() { cd_run --db "$DB" --now 2026-11-02T17:00 "$@"; }
nurse() { cd_run --db "$DB" --user mrivera --now 2026-11-02T17:00 "$@"; }
boss() { cd_run --db "$DB" --user kchen --now 2026-11-02T17:00 "$@"; }
run init --timezone America/New_York
run user add mrivera --name "Maria Rivera" --role coordinator
run user add kchen --name "Kim Chen" --role supervisor
run patient add --mrn 1001 --family "Núñez" --given "Zoë" --birth-date 1948-03-02
run enroll 1001 --program ccm --consent verbal --date 2026-10-01

for i in 1 2 3; do
    nurse time add 1001 720
    is_rc "720 minutes, try $i: refused" 1
done
is "the sentence says so and how to confirm" "$ERR" "caredesk: 1001 would have 720:00 of ccm time on 2026-11-02, above the clinic's limit of 120 minutes a day for one patient and program; a supervisor or admin must confirm it (--confirm)"
nurse time add 1001 720 --confirm
is "a coordinator cannot confirm her own" "$ERR" "caredesk: confirming a day's minutes above the limit is for supervisors and admins; 'mrivera' is a coordinator"
nurse time list 1001
is "nothing written" "$(printf '%s\n' "$OUT" | wc -l)" 1

# with a 720-minute limit, the second crosses it
run settings day_max_minutes 720
nurse time add 1001 720
is_rc "the first 720 is within a 720 limit" 0
nurse time add 1001 720
is_rc "the second crosses it" 1
is "and says so" "$ERR" "caredesk: 1001 would have 1440:00 of ccm time on 2026-11-02 (720:00 already logged), above the clinic's limit of 720 minutes a day for one patient and program; a supervisor or admin must confirm it (--confirm)"
nurse time add 1001 720
is_rc "the third too" 1
boss time add 1001 30 --confirm
is_rc "a supervisor confirms" 0
nurse time list 1001
is "two entries: 720 and the confirmed 30" "$(printf '%s\n' "$OUT" | sed 1d | cut -f5,13)" "720:00	mrivera
30:00	kchen"
is "the confirmation is audited" "$(sqlite3 -separator '	' "$DB" "SELECT (SELECT login FROM users u WHERE u.id = a.user_id), entity_id, detail FROM audit_log a WHERE action = 'confirm'")" "kchen	2	2026-11-02 ccm above the day limit, confirmed"
done_testing
