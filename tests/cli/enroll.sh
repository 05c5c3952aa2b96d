#!/bin/sh
# CLI: enroll and disenroll with documented consent; exact output and exit codes.
. "$TESTLIB/cli.sh"
DB="$T_TMP/clinic.db"
run() { cd_run --user alice --db "$DB" --now 2026-11-02T09:00 "$@"; }
run init --timezone America/New_York
run patient add --mrn 1001 --family "Núñez" --given "Zoë" --birth-date 1948-05-12
run patient add --mrn 1002 --family Okafor --given Chidi --birth-date 1950-03-01

run enroll 1001 --program ccm --consent verbal --date 2026-10-01 --note "son present"
is_rc "enroll succeeds" 0
is "enroll output" "$OUT" "enrolled 1001 (Núñez, Zoë) in ccm from 2026-10-01; verbal consent taken by alice"
run enroll 1001 --program ccm --consent written
is_rc "second active enrollment fails" 1
is "duplicate message" "$ERR" "caredesk: 1001 is already enrolled in ccm (since 2026-10-01)"

run enroll 1002 --program pcm --consent none
is "consent none" "$OUT" "enrolled 1002 (Okafor, Chidi) in pcm from 2026-11-02; no consent yet: its minutes are not billable until consent is recorded"
run enroll 1002 --program pcm --consent verbal
is "consent recorded later" "$OUT" "recorded verbal consent for 1002 (Okafor, Chidi) in pcm on 2026-11-02, taken by alice"

run enroll 1002 --program tcm --consent verbal
is_rc "tcm is not enrolled by hand" 1
is "tcm message" "$ERR" "caredesk: program: 'tcm' is not one of ccm, ccm_complex, pcm, apcm, coordination"
run enroll 1002 --program ccm --consent verbal --date 2026-11-03
is "future date" "$ERR" "caredesk: date: '2026-11-03' is in the future"
run enroll 1002 --program ccm
is_rc "missing --consent is a usage error" 2
is "usage message" "$(echo "$ERR" | head -1)" "caredesk: enroll needs --program and --consent"
run enroll 9 --program ccm --consent verbal
is "unknown MRN" "$ERR" "caredesk: no patient with MRN '9'"

run disenroll 1002 --program pcm --reason "moved away"
is_rc "a reason outside the table fails" 1
is "unknown reason" "$ERR" "caredesk: reason: 'moved away' is not one of died, refused, moved, changed_provider, hospice, long_term_care, no_longer_eligible, program_changed or other"
run disenroll 1002 --program pcm --reason moved --note "to Ohio, daughter's home"
is_rc "disenroll succeeds" 0
is "disenroll output" "$OUT" "ended 1002's pcm enrollment on 2026-11-02: Patient moved out of the area; 0 open tasks cancelled"
run disenroll 1002 --program pcm
is_rc "disenroll twice fails" 1
is "not enrolled message" "$ERR" "caredesk: 1002 is not enrolled in pcm"
run disenroll 1001 --program ccm --date 2026-09-01
is "end before start" "$ERR" "caredesk: date: '2026-09-01' is before the enrollment began (2026-10-01)"
run disenroll 1001
is_rc "disenroll needs --program" 2
done_testing
