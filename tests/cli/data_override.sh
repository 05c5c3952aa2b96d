#!/bin/sh
# CLI: the billing thresholds come from data/billing/codes.tsv and nowhere else. A copy of the
# table with 99490 at 25 minutes, given through $CAREDESK_DATA, changes the call list's reason,
# the day's generation (who is short of minutes) and billing alike.
. "$TESTLIB/cli.sh"
DB="$T_TMP/clinic.db"
N=2026-11-23T09:00
run() { cd_run --db "$DB" --now $N "$@"; }
run init --timezone America/New_York
run user add mrivera --name "Maria Rivera" --role coordinator --team north
run patient add --mrn 2001 --family Smith --given Ann --birth-date 1950-01-01 --coordinator mrivera
run enroll 2001 --program ccm --consent verbal --date 2026-11-02
run --user mrivera time add 2001 22 --date 2026-11-20 --activity call
is_rc "fixture" 0
H="rank	task_id	due	kind	reason	mrn	patient	phone	program	risk	attempts	assignee"

mkdir -p "$T_TMP/data/billing"
sed 's/^99490\tccm\tclinical_staff\tfirst\t20\t/99490\tccm\tclinical_staff\tfirst\t25\t/' \
    "$FIXTURES/../../data/billing/codes.tsv" >"$T_TMP/data/billing/codes.tsv"
is "the copy changes one threshold" "$(grep -c '^99490	ccm	clinical_staff	first	25	' "$T_TMP/data/billing/codes.tsv")" 1

CAREDESK_DATA="$T_TMP/data" run --user mrivera worklist
is "22 minutes are short of 25: the reason says so" "$OUT" "$H
1	1	2026-11-23	ccm_outreach	No CCM contact yet this month; CCM 22 of 25 min, 5 business days left	2001	Smith, Ann		ccm	none	0	mrivera"
run --user mrivera worklist
is "with the built-in table 22 minutes are past 20" "$(printf '%s\n' "$OUT" | cut -f5 | tail -n 1)" \
    "No CCM contact yet this month"
CAREDESK_DATA="$T_TMP/data" run billing --month 2026-11
is "billing reads the same table: no code for 22 of 25" "$(printf '%s\n' "$OUT" | cut -f1,3,5,6,7 | tail -n 1)" "2001	ccm	22		3"
run billing --month 2026-11
is "and 99490 with the built-in one" "$(printf '%s\n' "$OUT" | cut -f1,3,5,6,7 | tail -n 1)" "2001	ccm	22	99490	18"
CAREDESK_DATA="$T_TMP/nowhere" run billing --month 2026-11
is "a directory without the file falls back to the built-in table" "$(printf '%s\n' "$OUT" | cut -f6 | tail -n 1)" "99490"

# the day's generation: after a reached call closes the outreach, a patient short of the first
# code's minutes gets a minutes task the next day; 22 minutes are short only of 25
run --user mrivera log-call 2001 --outcome reached --note "all well"
cp "$DB" "$T_TMP/builtin.db"
N=2026-11-24T09:00
CAREDESK_DATA="$T_TMP/data" run --user mrivera worklist
is "generated with the copy: short of 25" "$(printf '%s\n' "$OUT" | cut -f4,5 | tail -n 1)" \
    "ccm_outreach	CCM minutes short this month; CCM 22 of 25 min, 4 business days left"
DB="$T_TMP/builtin.db"
run --user mrivera worklist
is "with the built-in table nothing to generate" "$OUT" "$H"
done_testing
