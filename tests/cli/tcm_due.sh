#!/bin/sh
# CLI: tcm-due prints the discharge date and its contact, 7-day, 14-day and period-end dates in
# the clinic zone, as TSV with a header or as JSON.
. "$TESTLIB/cli.sh"
DB="$T_TMP/clinic.db"
run() { cd_run --user alice --db "$DB" --now 2026-11-23T09:00 "$@"; }
run init --timezone America/New_York
H="discharge_date	contact_due	visit_7_due	visit_14_due	period_end"

run tcm-due 2026-11-20
is "Friday discharge: contact Tuesday" "$OUT" "$H
2026-11-20	2026-11-24	2026-11-27	2026-12-04	2026-12-19"
run tcm-due 2026-11-21T23:59
is "Saturday discharge: contact Tuesday" "$OUT" "$H
2026-11-21	2026-11-24	2026-11-28	2026-12-05	2026-12-20"
run tcm-due 2026-11-25T10:00
is "before Thanksgiving: Friday then Monday" "$OUT" "$H
2026-11-25	2026-11-30	2026-12-02	2026-12-09	2026-12-24"
run tcm-due 2027-01-15
is "Friday before MLK day: Wednesday" "$OUT" "$H
2027-01-15	2027-01-20	2027-01-22	2027-01-29	2027-02-13"
run tcm-due 2026-11-21T03:30Z
is "UTC instant converted to the clinic zone (still Friday there)" "$OUT" "$H
2026-11-20	2026-11-24	2026-11-27	2026-12-04	2026-12-19"
run tcm-due 2026-11-20T23:30-08:00
is "offset converted: Saturday in New York" "$OUT" "$H
2026-11-21	2026-11-24	2026-11-28	2026-12-05	2026-12-20"
run settings extra_holidays 2026-11-24
run tcm-due 2026-11-20
is "an extra clinic holiday is skipped" "$OUT" "$H
2026-11-20	2026-11-25	2026-11-27	2026-12-04	2026-12-19"

run tcm-due 2026-11-20 --format json
is "as JSON" "$OUT" '[
 {"discharge_date": "2026-11-20", "contact_due": "2026-11-25", "visit_7_due": "2026-11-27", "visit_14_due": "2026-12-04", "period_end": "2026-12-19"}
]'

run tcm-due 2026-02-30
is_rc "bad date fails" 1
is "bad date message" "$ERR" "caredesk: DATE: '2026-02-30' is not a date and time (expected YYYY-MM-DD[THH:MM[:SS][Z|+HH:MM]])"
run tcm-due
is_rc "missing date is a usage error" 2
done_testing
