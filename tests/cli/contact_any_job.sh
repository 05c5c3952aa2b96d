#!/bin/sh
# CLI: a reached call completes the TCM contact whatever job it was logged on, and says so; an
# unsuccessful one on another job counts toward the TCM contact's two attempts.
. "$TESTLIB/cli.sh"
DB="$T_TMP/clinic.db"
run() { at=$1; shift; cd_run --user alice --db "$DB" --now "$at" "$@"; }
run 2026-11-23T09:00 init --timezone America/New_York
run 2026-11-23T09:00 import "$FIXTURES/discharges.csv"
tcm_task() { sqlite3 "$DB" "SELECT t.id || ' ' || t.status || ' ' || t.attempts_satisfied || ' ' || coalesce(t.close_reason, '-') FROM tasks t JOIN patients p ON p.id = t.patient_id WHERE p.mrn = '$1' AND t.kind = 'tcm_contact'"; }

run 2026-11-23T09:00 task callback 1001 --at 2026-11-23T10:00
is_rc "a call back for 1001" 0
CB=$(sqlite3 "$DB" "SELECT max(id) FROM tasks WHERE kind = 'callback'")
run 2026-11-23T10:00 log-call 1001 --outcome no_answer --task "$CB"
is "no answer on the call back: a TCM attempt too, the outcome in words" "$OUT" "logged no answer (phone) for 1001 at 2026-11-23 10:00 by alice
call back task $CB stays open
TCM contact due 2026-11-24: 1 of 2 unsuccessful attempts on separate days; keep trying"
run 2026-11-24T09:41 log-call 1001 --outcome reached --task "$CB"
is "reached on the call back: the TCM contact is done too, and named" "$OUT" "logged reached (phone) for 1001 at 2026-11-24 09:41 by alice
call back task $CB done
also done: TCM contact"
is "the TCM contact closed as reached, not a second attempt" "$(tcm_task 1001 | cut -d' ' -f2-)" "done 0 patient reached"

run 2026-11-25T09:41 task callback 1002 --at 2026-11-25T10:00
CB=$(sqlite3 "$DB" "SELECT max(id) FROM tasks WHERE kind = 'callback'")
run 2026-11-25T09:41 log-call 1002 --outcome caregiver --task "$CB"
is "late, on another job: marked late" "$OUT" "logged caregiver (phone) for 1002 at 2026-11-25 09:41 by alice
call back task $CB done
also done: TCM contact (late)"
is "closed late" "$(tcm_task 1002 | cut -d' ' -f2-)" "done 0 caregiver reached (late)"
is "the contact is marked late" "$(sqlite3 "$DB" "SELECT c.late FROM contacts c JOIN patients p ON p.id = c.patient_id WHERE p.mrn = '1002'")" 1
run 2026-11-25T10:00 check
is "check: nothing left to find" "$OUT" ""
is_rc "check passes" 0
done_testing
