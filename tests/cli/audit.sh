#!/bin/sh
# CLI: audit (browse newest first, filters by patient, user and dates, json) and audit verify;
# only supervisors and admins; usage and input errors.
. "$TESTLIB/cli.sh"
DB="$T_TMP/clinic.db"
run() { cd_run --db "$DB" --now 2026-11-02T09:00 "$@"; }

run --user boss init --clinic "North Clinic" --timezone America/New_York
run --user boss user add mrivera --name "Maria Rivera" --role coordinator
run --user boss user add sam --name "Sam Super" --role supervisor
run --user boss patient add --mrn 1001 --family Doe --given Jane --birth-date 1950-01-01
run --user boss patient add --mrn 1002 --family Roe --given Rick --birth-date 1951-01-01
cd_run --db "$DB" --user mrivera --now 2026-11-03T10:30 note add 1001 "Daughter called"
cd_run --db "$DB" --user mrivera --now 2026-11-03T10:31 note add 1001 "Left a message"
is_rc "fixture" 0

run --user sam audit
is_rc "a supervisor browses" 0
is "newest first, readable columns" "$OUT" "entry	when	who	what	patient	detail
17	2026-11-02 09:00:00	sam	session act as		root as sam
16	2026-11-03 10:31:00	mrivera	note add	1001	
15	2026-11-03 10:31:00	mrivera	session act as		root as mrivera
14	2026-11-03 10:30:00	mrivera	note add	1001	
13	2026-11-03 10:30:00	mrivera	session act as		root as mrivera
12	2026-11-02 09:00:00	boss	patient add	1002	1002
11	2026-11-02 09:00:00	boss	session act as		root as boss
10	2026-11-02 09:00:00	boss	patient add	1001	1001
9	2026-11-02 09:00:00	boss	session act as		root as boss
8	2026-11-02 09:00:00	boss	user add		supervisor
7	2026-11-02 09:00:00	boss	session act as		root as boss
6	2026-11-02 09:00:00	boss	user add		coordinator
5	2026-11-02 09:00:00	boss	session act as		root as boss
4	2026-11-02 09:00:00		user add		admin
3	2026-11-02 04:00:00		settings set		clinic_name=North Clinic
2	2026-11-02 04:00:00		settings set		timezone=America/New_York
1	2026-11-02 04:00:00		session act as		root as boss"

run --user sam audit --patient 1001 --format json
is "one patient, json" "$OUT" '[
 {"entry": 16, "when": "2026-11-03 10:31:00", "who": "mrivera", "what": "note add", "patient": "1001", "detail": null},
 {"entry": 14, "when": "2026-11-03 10:30:00", "who": "mrivera", "what": "note add", "patient": "1001", "detail": null},
 {"entry": 10, "when": "2026-11-02 09:00:00", "who": "boss", "what": "patient add", "patient": "1001", "detail": "1001"}
]'
run --user sam audit --user mrivera --from 2026-11-03 --to 2026-11-03
is "one user, one day: acting as mrivera is audited with both names" "$OUT" "entry	when	who	what	patient	detail
16	2026-11-03 10:31:00	mrivera	note add	1001	
15	2026-11-03 10:31:00	mrivera	session act as		root as mrivera
14	2026-11-03 10:30:00	mrivera	note add	1001	
13	2026-11-03 10:30:00	mrivera	session act as		root as mrivera"
run --user sam audit --user sam --to 2026-11-02
is "the browses are recorded too" "$OUT" "entry	when	who	what	patient	detail
23	2026-11-02 09:00:00	sam	session act as		root as sam
22	2026-11-02 09:00:00	sam	audit log read		4 entries
21	2026-11-02 09:00:00	sam	session act as		root as sam
20	2026-11-02 09:00:00	sam	audit log read	1001	3 entries
19	2026-11-02 09:00:00	sam	session act as		root as sam
18	2026-11-02 09:00:00	sam	audit log read		17 entries
17	2026-11-02 09:00:00	sam	session act as		root as sam"

run --user boss audit verify
is_rc "an admin verifies" 0
is "verified" "$OUT" "audit log verified: 25 entries, chain intact"

run --user mrivera audit
is_rc "a coordinator may not browse" 1
is "says who may" "$ERR" "caredesk: the access log is for supervisors and admins; 'mrivera' is a coordinator"
run --user mrivera audit verify
is_rc "nor verify" 1
is "the same sentence" "$ERR" "caredesk: the access log is for supervisors and admins; 'mrivera' is a coordinator"
is "and nothing was recorded for them" "$(sqlite3 "$DB" "SELECT count(*) FROM audit_log WHERE user_id = 2 AND entity = 'audit_log'")" "0"

run --user sam audit --patient 9999
is_rc "unknown MRN" 1
is "unknown MRN message" "$ERR" "caredesk: no patient with MRN '9999'"
run --user sam audit --from 2026-02-30
is_rc "bad date" 1
is "bad date message" "$ERR" "caredesk: from: '2026-02-30' is not a date (YYYY-MM-DD)"
run --user sam audit --from 2026-11-03 --to 2026-11-02
is "dates the wrong way round" "$ERR" "caredesk: to: '2026-11-02' is before from '2026-11-03'"
run --user sam audit --format xml
is_rc "bad format" 2
run --user sam audit verify now
is_rc "verify takes no operand" 2
like "says so" "$ERR" "^caredesk: audit verify takes no operand \('now'\)"
run --user sam audit everything
is_rc "no other operand" 2
like "says so" "$ERR" "^caredesk: audit takes no operand but 'verify' \('everything'\)"
done_testing
