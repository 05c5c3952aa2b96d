#!/bin/sh
# CLI: manual time entries: add, edit (void and replace), void with a reason, list.
. "$TESTLIB/cli.sh"
DB="$T_TMP/clinic.db"
run() { cd_run --user alice --db "$DB" --now 2026-11-02T09:20 "$@"; }
run init --timezone America/New_York
run patient add --mrn 1001 --family "Núñez" --given "Zoë" --birth-date 1948-05-12
run enroll 1001 --program ccm --consent verbal --date 2026-10-01

run time add 1001 14:30 --activity documentation
is_rc "add" 0
is "add output" "$OUT" "added entry 1 for 1001: 14:30 ccm clinical_staff documentation on 2026-11-02"
run time add 1001 20 --date 2026-10-30 --role practitioner --activity careplan_review
is "add on a date" "$OUT" "added entry 2 for 1001: 20:00 ccm practitioner careplan_review on 2026-10-30"
run time add 1001 abc
is_rc "bad minutes" 2
is "bad minutes message" "$(echo "$ERR" | head -1)" "caredesk: minutes: 'abc' is not a duration (whole minutes such as 20, or minutes:seconds such as 14:30; at most 720)"
run time add 1001 10 --date 2026-11-03
is "future date" "$ERR" "caredesk: date: '2026-11-03' is in the future"
run time add 1001 10 --program tcx
is "bad program" "$ERR" "caredesk: program: 'tcx' is not ccm, ccm_complex, pcm, tcm, apcm or coordination"

run time edit 1 --minutes 16
is "edit" "$OUT" "voided entry 1 (edited); entry 3 replaces it: 16:00 ccm clinical_staff documentation on 2026-11-02"
run time edit 1 --minutes 17
is_rc "edit a voided entry" 1
is "edit voided message" "$ERR" "caredesk: time entry 1 is voided (edited); edit its replacement"
run time edit 3
is_rc "edit without a change" 2
run time void 2 --reason "wrong patient"
is "void" "$OUT" "voided entry 2 (20:00 ccm practitioner careplan_review on 2026-10-30): wrong patient"
run time void 2 --reason again
is "void twice" "$ERR" "caredesk: time entry 2 is already voided (wrong patient)"
run time void 2
is_rc "void needs a reason" 2
run time void x --reason y
is "bad id" "$(echo "$ERR" | head -1)" "caredesk: ENTRY_ID: 'x' is not an entry number"
run time void 99 --reason y
is "unknown entry" "$ERR" "caredesk: no time entry 99"

run time list 1001 --month 2026-11
is "list" "$OUT" "id	date	start	end	duration	program	role	activity	source	voided	void_reason	replaces_id	user	note
1	2026-11-02	09:05	09:20	14:30	ccm	clinical_staff	documentation	manual	1	edited		alice	
3	2026-11-02	09:05	09:21	16:00	ccm	clinical_staff	documentation	manual	0		1	alice	"
run time list 1001 --format json --month 2026-10
is "list json" "$OUT" '[
 {"id": 2, "date": "2026-10-30", "start": "12:00", "end": "12:20", "duration": "20:00", "program": "ccm", "role": "practitioner", "activity": "careplan_review", "source": "manual", "voided": 1, "void_reason": "wrong patient", "replaces_id": null, "user": "alice", "note": null}
]'
done_testing
