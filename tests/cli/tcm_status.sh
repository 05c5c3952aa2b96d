#!/bin/sh
# CLI: tcm-status prints, per discharge of a patient (newest first), the contact and visit status
# and whether 99495 and 99496 are earned, still possible or lost, with why; exact lines in TSV
# and JSON, the read audited, and the errors.
. "$TESTLIB/cli.sh"
DB="$T_TMP/clinic.db"
at() { now=$1; shift; cd_run --user alice --db "$DB" --now "$now" "$@"; }
at 2026-11-02T09:00 init --timezone America/New_York
cat >"$T_TMP/d.csv" <<'CSV'
mrn,family_name,given_name,birth_date,discharge_at,setting,disposition,complexity
B2,Berg,Bo,1944-05-06,2026-11-02T08:00,inpatient,01,moderate
S3,Sol,Sam,1939-01-02,2026-11-02T08:00,inpatient,03,moderate
CSV
at 2026-11-02T09:00 import "$T_TMP/d.csv"
cat >"$T_TMP/a.csv" <<'CSV'
mrn,family_name,given_name,birth_date,discharge_at,setting,disposition,complexity
A1,Okafor,Ada,1950-02-03,2026-11-20T10:00,inpatient,01,high
CSV
at 2026-11-20T12:00 import "$T_TMP/a.csv"
H="encounter	discharge_date	complexity	contact_due	contact	contact_date	visit_due	visit	visit_date	99495	99495_why	99496	99496_why"

at 2026-11-23T09:00 tcm-status A1
is "a new discharge: both codes possible, contact due Tuesday" "$OUT" "$H
3	2026-11-20	high	2026-11-24	pending		2026-11-27	none		possible	contact by Nov 24, visit by Dec 4	possible	contact by Nov 24, visit by Nov 27"

at 2026-11-23T10:00 log-call A1 --outcome reached
at 2026-11-23T10:05 appointment add A1 --at 2026-11-26T10:00 --duration 30 --with "Dr. Lee" --kind tcm_visit
at 2026-11-23T10:10 tcm-status A1
is "reached and booked: keep the visit" "$OUT" "$H
3	2026-11-20	high	2026-11-24	on_time	2026-11-23	2026-11-27	booked	2026-11-26	possible	keep the visit booked for Nov 26	possible	keep the visit booked for Nov 26"

at 2026-11-26T11:00 appointment kept 1
at 2026-11-26T11:05 tcm-status A1
is "visit kept on day 6: both earned" "$OUT" "$H
3	2026-11-20	high	2026-11-24	on_time	2026-11-23	2026-11-27	kept	2026-11-26	earned	contact on Nov 23, visit on Nov 26 (day 6)	earned	contact on Nov 23, visit on Nov 26 (day 6)"

at 2026-11-26T11:05 tcm-status A1 --format json
is "as JSON" "$OUT" '[
 {"encounter": 3, "discharge_date": "2026-11-20", "complexity": "high", "contact_due": "2026-11-24", "contact": "on_time", "contact_date": "2026-11-23", "visit_due": "2026-11-27", "visit": "kept", "visit_date": "2026-11-26", "99495": "earned", "99495_why": "contact on Nov 23, visit on Nov 26 (day 6)", "99496": "earned", "99496_why": "contact on Nov 23, visit on Nov 26 (day 6)"}
]'

at 2026-11-03T09:00 log-call B2 --outcome voicemail
at 2026-11-23T09:00 tcm-status B2
is "one attempt only, deadline passed: both lost" "$OUT" "$H
1	2026-11-02	moderate	2026-11-04	missed		2026-11-16	none		lost	no contact or two attempts by Nov 4	lost	no contact or two attempts by Nov 4"

at 2026-11-23T09:00 tcm-status S3
is "discharged to a nursing facility: not a qualifying discharge" "$OUT" "$H
2	2026-11-02	moderate		not_applicable			not_applicable		lost	not a qualifying discharge: discharged to a skilled nursing facility	lost	not a qualifying discharge: discharged to a skilled nursing facility"

at 2026-11-23T09:00 audit --patient A1
like "each tcm-status is a read in the audit log" "$OUT" "alice	tcm status read	A1	1 discharge$"

at 2026-11-23T09:00 tcm-status ZZ
is_rc "unknown MRN fails" 1
is "unknown MRN message" "$ERR" "caredesk: no patient with MRN 'ZZ'"
at 2026-11-23T09:00 tcm-status
is_rc "no MRN is a usage error" 2
is "usage message" "$(echo "$ERR" | head -1)" "caredesk: tcm-status needs exactly one MRN"
done_testing
