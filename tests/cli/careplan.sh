#!/bin/sh
# CLI: careplan add/edit/set-status/move/delete/review-date, show, history, diff, export text and
# json, generate-reviews, and conflict-free scripted edits; exact output and exit codes.
. "$TESTLIB/cli.sh"
DB="$T_TMP/clinic.db"
run() { cd_run --user alice --db "$DB" --now 2026-11-02T09:00 "$@"; }
nurse() { cd_run --db "$DB" --user mrivera --now 2026-11-02T09:30 "$@"; }

run init --clinic "North Clinic" --timezone America/New_York
run user add mrivera --name "Maria Rivera" --role coordinator
run patient add --mrn 1001 --family "Núñez" --given "Zoë" --birth-date 1948-05-12 --coordinator mrivera

run careplan show 1001
is "no plan yet" "$OUT" "Care plan of Núñez, Zoë (MRN 1001)
No care plan yet."
run careplan export 1001
is_rc "no plan to export" 1
is "no plan message" "$ERR" "caredesk: the patient has no care plan yet"

nurse careplan add 1001 --section problem --text "Heart failure" --code I50.9
is "add a problem" "$OUT" "saved care plan version 1 of 1001: added problem-1"
nurse careplan add 1001 --section goal --text "Keep weight steady" --target "80 kg" --target-date 2026-12-31 --status active
is "add a goal" "$OUT" "saved care plan version 2 of 1001: added goal-1"
nurse careplan add 1001 --section intervention --text "Weekly phone check-in" --responsible "care coordinator" --due 2026-12-01
nurse careplan add 1001 --section medication --text Furosemide --dose "40 mg" --route "by mouth" --reconciled-on 2026-11-02
nurse careplan add 1001 --section barrier --text "Lives alone"
nurse careplan review-date 1001 2026-12-15
is "review date" "$OUT" "saved care plan version 6 of 1001: next review date 2026-12-15"
nurse careplan set-status 1001 goal-1 met
is "set status" "$OUT" "saved care plan version 7 of 1001: changed goal-1 (status)"
nurse careplan edit 1001 intervention-1 --text "Phone check-in twice a week" --status in_progress
is "edit" "$OUT" "saved care plan version 8 of 1001: changed intervention-1 (text, status)"
nurse careplan delete 1001 barrier-1
is "delete" "$OUT" "saved care plan version 9 of 1001: removed barrier-1"

nurse careplan set-status 1001 goal-1 done
is_rc "bad status" 1
is "bad status message" "$ERR" "caredesk: status: 'done' is not a goal status (proposed, active, met, not_met or cancelled)"
nurse careplan add 1001 --section goals --text X
is_rc "bad section is a usage error" 2
nurse careplan set-status 1001 goal-7 met
is "unknown key" "$ERR" "caredesk: the care plan has no item 'goal-7'"
nurse careplan review-date 1001 2026-12-15
is "nothing changed" "$ERR" "caredesk: nothing to save: the plan is the same as version 9"
nurse careplan add 1001 --section problem --text "Diabetes" --code 11.9
is_rc "ICD-10 checked" 1
is "ICD-10 message" "$ERR" "caredesk: code: '11.9' is not an ICD-10 code (e.g. I50.9)"
nurse careplan show 9999
is "unknown MRN" "$ERR" "caredesk: no patient with MRN '9999'"

run careplan show 1001
is "show" "$OUT" "Care plan of Núñez, Zoë (MRN 1001)
Version 9 of 9, saved 2026-11-02 09:30 by Maria Rivera: removed barrier-1
Next review date: 2026-12-15

Problems
  problem-1        Heart failure
                   code: I50.9

Goals
  goal-1           Keep weight steady
                   status: met; target: 80 kg; by: 2026-12-31

Planned interventions
  intervention-1   Phone check-in twice a week
                   status: in_progress; by: 2026-12-01; who: care coordinator

Medications
  medication-1     Furosemide
                   dose: 40 mg; taken: by mouth; reconciled: 2026-11-02"

run careplan show 1001 --version 1
is "show an old version" "$OUT" "Care plan of Núñez, Zoë (MRN 1001)
Version 1 of 9, saved 2026-11-02 09:30 by Maria Rivera: added problem-1
Next review date: (none)

Problems
  problem-1        Heart failure
                   code: I50.9"

run careplan history 1001
is "history" "$OUT" "version	saved_at	saved_by	summary	next_review_date	items
9	2026-11-02 09:30	Maria Rivera	removed barrier-1	2026-12-15	4
8	2026-11-02 09:30	Maria Rivera	changed intervention-1 (text, status)	2026-12-15	5
7	2026-11-02 09:30	Maria Rivera	changed goal-1 (status)	2026-12-15	5
6	2026-11-02 09:30	Maria Rivera	next review date 2026-12-15	2026-12-15	5
5	2026-11-02 09:30	Maria Rivera	added barrier-1		5
4	2026-11-02 09:30	Maria Rivera	added medication-1		4
3	2026-11-02 09:30	Maria Rivera	added intervention-1		3
2	2026-11-02 09:30	Maria Rivera	added goal-1		2
1	2026-11-02 09:30	Maria Rivera	added problem-1		1"

run careplan diff 1001 5
is "diff with the current version" "$OUT" "version 5 -> version 9
~ changed goal-1: Keep weight steady
    status: active -> met
~ changed intervention-1: Phone check-in twice a week
    text: Weekly phone check-in -> Phone check-in twice a week
    status: planned -> in progress
- removed barrier-1: Lives alone
~ next review date: (none) -> 2026-12-15"
run careplan diff 1001 9 9
is "no differences" "$OUT" "version 9 -> version 9
no differences"
run careplan diff 1001 x
is_rc "bad version" 2

run careplan export 1001 --format text
is "patient copy" "$OUT" "YOUR CARE PLAN
North Clinic

For: Zoë Núñez
Your care coordinator: Maria Rivera
This plan was last updated on November 2, 2026 (version 9).
We will review it with you by December 15, 2026.

Your health problems
--------------------
  * Heart failure (I50.9).

Your goals
----------
  * Keep weight steady. Target: 80 kg. By December 31, 2026. Status:
    reached.

What we will do
---------------
  * Phone check-in twice a week. Who: care coordinator. By December 1,
    2026. Status: under way.

Your medicines
--------------
  * Furosemide: 40 mg, by mouth. Checked with you on November 2, 2026.

Questions about this plan? Call North Clinic and ask for Maria Rivera."

run careplan export 1001 --format json -o "$T_TMP/cp.json"
is_rc "json export to a file" 0
is "nothing on stdout" "$OUT" ""
like "FHIR CarePlan" "$(head -3 "$T_TMP/cp.json")" '"resourceType": "CarePlan"'
like "goal reference" "$(cat "$T_TMP/cp.json")" '"reference": "#goal-1"'
if command -v python3 >/dev/null; then
    is "valid JSON" "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["intent"], d["contained"][1]["lifecycleStatus"])' "$T_TMP/cp.json")" "plan completed"
fi
run careplan export 1001 --format pdf
is_rc "bad format" 2
is "bad format message" "$(printf '%s\n' "$ERR" | head -1)" "caredesk: --format must be text or json, not 'pdf'"
run careplan export 1001 --format json -o /nonexistent/dir/cp.json
is_rc "unwritable file" 1

# review tasks: nothing before the date, one on it, idempotent
run careplan generate-reviews
is "not due yet" "$OUT" "created 0 careplan_review tasks"
cd_run --user alice --db "$DB" --now 2026-12-15T08:00 careplan generate-reviews
is "due" "$OUT" "created 1 careplan_review task"
cd_run --user alice --db "$DB" --now 2026-12-16T08:00 careplan generate-reviews
is "idempotent" "$OUT" "created 0 careplan_review tasks"
cd_run --user alice --db "$DB" --now 2026-12-16T08:00 timeline 1001 --kind task_created
is "the task is on the timeline, made by caredesk's generation, not alice" "$OUT" "day	time	kind	who	text
2026-12-15	08:00	task_created	caredesk	Task care plan review: Care plan review due 2026-12-15, due 2026-12-15"

run careplan frobnicate 1001
is_rc "unknown action" 2
done_testing
