#!/bin/sh
# CLI: log-call completes or counts toward the TCM contact; late contacts are marked.
. "$TESTLIB/cli.sh"
DB="$T_TMP/clinic.db"
run() { at=$1; shift; cd_run --user alice --db "$DB" --now "$at" "$@"; }
run 2026-11-23T09:00 init --timezone America/New_York
run 2026-11-23T09:00 import "$FIXTURES/discharges.csv"

run 2026-11-23T09:00 log-call 1001 --outcome voicemail
is "first attempt" "$OUT" "logged voicemail (phone) for 1001 at 2026-11-23 09:00 by alice
TCM contact due 2026-11-24: 1 of 2 unsuccessful attempts on separate days; keep trying"
run 2026-11-23T16:00 log-call 1001 --outcome no_answer --note "rang out"
is "same day counts once" "$OUT" "logged no answer (phone) for 1001 at 2026-11-23 16:00 by alice
TCM contact due 2026-11-24: 1 of 2 unsuccessful attempts on separate days; keep trying"
run 2026-11-24T10:00 log-call 1001 --outcome wrong_number
is "second day: attempts satisfied" "$OUT" "logged wrong number (phone) for 1001 at 2026-11-24 10:00 by alice
TCM contact due 2026-11-24: attempts satisfied (2 unsuccessful attempts on separate days); it stays on the list until the patient is reached"
run 2026-11-25T08:30 log-call 1001 --outcome reached --channel video
is "reached after the deadline: late" "$OUT" "logged reached (video) for 1001 at 2026-11-25 08:30 by alice
TCM contact done, late: it was due by the end of 2026-11-24"
run 2026-11-24T11:00 log-call 1002 --outcome caregiver --channel in_person
is "caregiver in time" "$OUT" "logged caregiver (in_person) for 1002 at 2026-11-24 11:00 by alice
TCM contact done (due by the end of 2026-11-24)"
run 2026-11-24T11:00 log-call 1003 --outcome reached
is "no TCM task: only logged" "$OUT" "logged reached (phone) for 1003 at 2026-11-24 11:00 by alice"
if command -v sqlite3 >/dev/null 2>&1; then
    is "every attempt on the record with who and when" "$(sqlite3 -separator ' ' "$DB" "SELECT c.at, u.login, c.outcome, c.late, coalesce(c.note, '-') FROM contacts c JOIN users u ON u.id = c.user_id JOIN patients p ON p.id = c.patient_id WHERE p.mrn = '1001' ORDER BY c.at")" "2026-11-23T14:00:00Z alice voicemail 0 -
2026-11-23T21:00:00Z alice no_answer 0 rang out
2026-11-24T15:00:00Z alice wrong_number 0 -
2026-11-25T13:30:00Z alice reached 1 -"
    is "task state" "$(sqlite3 -separator ' ' "$DB" "SELECT status, attempts_satisfied, close_reason FROM tasks WHERE id = 1")" "done 1 patient reached (late)"
fi

run 2026-11-24T11:00 log-call 1001 --outcome shouted
is_rc "bad outcome fails" 1
is "bad outcome message" "$ERR" "caredesk: outcome: 'shouted' is not reached, caregiver, voicemail, no_answer, wrong_number or refused"
run 2026-11-24T11:00 log-call 9999 --outcome reached
is "unknown MRN" "$ERR" "caredesk: no patient with MRN '9999'"
run 2026-11-24T11:00 log-call 1001
is_rc "missing outcome is a usage error" 2
done_testing
