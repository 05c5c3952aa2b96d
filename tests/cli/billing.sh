#!/bin/sh
# CLI: billing for a month: codes, thresholds, reasons, sorting, close-to-threshold, JSON.
. "$TESTLIB/cli.sh"
DB="$T_TMP/clinic.db"
run() { cd_run --user alice --db "$DB" --now 2026-11-30T17:00 "$@"; }
run init --timezone America/New_York
p() { run patient add --mrn "$1" --family "$2" --given "$3" --birth-date 1950-01-01; }
p 1001 "Núñez" "Zoë"; p 1002 Okafor Chidi; p 1003 Adams Ann; p 1004 Baker Bo; p 1005 Cruz Cy
run enroll 1001 --program ccm --consent verbal --date 2026-10-01
run enroll 1002 --program ccm_complex --consent written --date 2026-10-01
run enroll 1003 --program ccm --consent none --date 2026-10-01
run enroll 1005 --program apcm --consent verbal --date 2026-10-01
run time add 1001 40 --date 2026-11-03
run time add 1001 15 --date 2026-11-04 --role practitioner
run time add 1002 89 --date 2026-11-05
run time add 1003 25 --date 2026-11-05
# 1004's first minutes were logged before the PCM enrollment was recorded
run time add 1004 10 --date 2026-11-05 --program pcm
run enroll 1004 --program pcm --consent verbal --date 2026-11-10
run time add 1004 28 --date 2026-11-12
run time add 1005 30 --date 2026-11-05 --program ccm
run time add 1005 25 --date 2026-11-05 --program tcm

run billing --month 2026-11
is_rc "billing" 0
is "billing month" "$OUT" "mrn	patient	program	role	minutes	codes	next_threshold_in	reason
1001	Núñez, Zoë	ccm	clinical_staff	40	99490,99439	20	
1001	Núñez, Zoë	ccm	practitioner	15		15	below threshold
1002	Okafor, Chidi	ccm_complex	clinical_staff	89	99487	1	
1003	Adams, Ann	ccm	clinical_staff	25			no consent
1004	Baker, Bo	pcm	clinical_staff	38		2	below threshold; 10:00 not counted (not enrolled)
1005	Cruz, Cy	ccm	clinical_staff	30			APCM this month bundles CCM, PCM and TCM
1005	Cruz, Cy	tcm	clinical_staff	25			TCM is billed per discharge, not by minutes"
run billing
is "current month by default" "$OUT" "$(run billing --month 2026-11; echo "$OUT")"
run billing --month 2026-11 --close 5 --sort next
is "close to a threshold" "$OUT" "mrn	patient	program	role	minutes	codes	next_threshold_in	reason
1002	Okafor, Chidi	ccm_complex	clinical_staff	89	99487	1	
1004	Baker, Bo	pcm	clinical_staff	38		2	below threshold; 10:00 not counted (not enrolled)"
run billing --month 2026-11 --sort minutes --desc --format json
is "sorted json" "$(echo "$OUT" | head -3)" '[
 {"mrn": "1002", "patient": "Okafor, Chidi", "program": "ccm_complex", "role": "clinical_staff", "minutes": 89, "codes": "99487", "next_threshold_in": 1, "reason": null},
 {"mrn": "1001", "patient": "Núñez, Zoë", "program": "ccm", "role": "clinical_staff", "minutes": 40, "codes": "99490,99439", "next_threshold_in": 20, "reason": null},'
run billing --month 2026-10
is "empty month" "$OUT" "mrn	patient	program	role	minutes	codes	next_threshold_in	reason"
run billing --month 2026-1
is_rc "bad month" 2
is "bad month message" "$(echo "$ERR" | head -1)" "caredesk: --month: '2026-1' is not a month (YYYY-MM)"
run billing --close 0
is_rc "bad --close" 2
run billing --sort foo
is "bad sort" "$(echo "$ERR" | head -1)" "caredesk: --sort must be mrn, patient, minutes or next, not 'foo'"
done_testing
