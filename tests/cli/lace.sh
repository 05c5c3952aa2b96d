#!/bin/sh
# CLI: a patient created by a discharge gets a LACE score and a risk tier at intake, from a CSV
# list or an HL7 A03 (length of stay, emergency admission, the diagnoses' Charlson weights, ED
# visits on file), with the unknown parts named; patient show prints them, and a new discharge
# scores the patient again.
. "$TESTLIB/cli.sh"
DB="$T_TMP/clinic.db"
run() { cd_run --user alice --db "$DB" --now 2026-11-23T09:00 "$@"; }
run init --timezone America/New_York
H="mrn	patient	birth_date	coordinator	programs	risk	lace	lace_unknown	deceased"

run import "$FIXTURES/discharges.csv"
run patient show 1001
is "CSV: 3 days, emergency, heart failure and diabetes; nothing else on file" "$OUT" "$H
1001	Núñez, Zoë	1948-05-12		tcm	moderate	9	ED visits	"
run patient show 1002
is "CSV: no admission time, elective, COPD" "$OUT" "$H
1002	O'Brien, \"Pat\"	1952-03-04		tcm	low	2	length of stay, ED visits	"
run patient show 1003
is "CSV: nothing but an urgent admission type" "$OUT" "$H
1003	Okafor, Chidi	1960-01-01			low	0	length of stay, comorbidities, ED visits	"
run patient show 1001 --format json
is "as JSON" "$OUT" '[
 {"mrn": "1001", "patient": "Núñez, Zoë", "birth_date": "1948-05-12", "coordinator": "", "programs": "tcm", "risk": "moderate", "lace": 9, "lace_unknown": "ED visits", "deceased": ""}
]'

run import "$FIXTURES/adt_cr.hl7"
run patient show 2001
is "HL7: PV1-4 E, 3 days, heart failure and CKD 3 (Charlson 4)" "$OUT" "$H
2001	García, María Luisa	1945-03-02		tcm	high	11	ED visits	"

cat >"$T_TMP/ed.csv" <<'CSV'
mrn,family_name,given_name,birth_date,admit_at,discharge_at,setting,admission_type
1001,Núñez,Zoë,1948-05-12,2026-11-21T20:00,2026-11-21T23:00,ed,emergency
1001,Núñez,Zoë,1948-05-12,2026-11-22T01:00,2026-11-22T12:00,observation,emergency
CSV
run import "$T_TMP/ed.csv"
run patient show 1001
is "a new stay is scored again: same day, emergency, the ED visit before it; no diagnoses" "$OUT" "$H
1001	Núñez, Zoë	1948-05-12		tcm	low	4	comorbidities	"
run audit --patient 1001
like "the score is in the audit log" "$OUT" "alice	patient risk	1001	LACE 4, low: comorbidities unknown"

run patient show 9999
is_rc "unknown MRN fails" 1
is "unknown MRN message" "$ERR" "caredesk: no patient with MRN '9999'"
run patient deceased 1003 --date 2026-11-21
run patient show 1003
is "a death shows in its own column" "$OUT" "$H
1003	Okafor, Chidi	1960-01-01			low	0	length of stay, comorbidities, ED visits	2026-11-21"
done_testing
