#!/bin/sh
# Security (issue 13, item 9): concurrent `caredesk careplan add` on one plan failed most of the
# time with "your edits are kept: review version N, merge them and save again", which a command
# cannot do. Core now builds a change that touches no item a newer version changed on the newest
# version; a real conflict exits 1 naming the items.
. "$TESTLIB/cli.sh"
DB="$T_TMP/clinic.db"
run() { cd_run --db "$DB" --now 2026-11-02T09:00 "$@"; }
run init --timezone America/New_York
run user add mrivera --name "Maria Rivera" --role coordinator
run patient add --mrn 1001 --family "Núñez" --given "Zoë" --birth-date 1948-03-02
run careplan add 1001 --section goal --text "Weight steady" --status active
is_rc "version 1" 0

# 3 rounds of 8 processes adding one intervention each at the same moment
for round in 1 2 3; do
    for i in 1 2 3 4 5 6 7 8; do
        "$CAREDESK" --db "$DB" --user mrivera --now 2026-11-02T09:30 careplan add 1001 \
            --section intervention --text "Round $round step $i" \
            >"$T_TMP/out.$i" 2>"$T_TMP/err.$i" </dev/null &
    done
    wait
    fails=0
    for i in 1 2 3 4 5 6 7 8; do
        if [ -s "$T_TMP/err.$i" ]; then
            fails=$((fails + 1))
            sed 's/^/# /' "$T_TMP/err.$i"
        fi
    done
    is "round $round: all 8 succeed" "$fails" 0
done
run careplan show 1001
is "the plan holds all 24 items" "$(printf '%s\n' "$OUT" | grep -c '^  intervention-[0-9]* *Round [123] step [1-8]$')" 24
run careplan history 1001
is "one version per addition" "$(printf '%s\n' "$OUT" | sed -n 2p | cut -f1)" 25

# 8 processes setting the one goal's status: each either saves or names the goal it conflicts on
for i in 1 2 3 4 5 6 7 8; do
    s=$(case $i in 1|5) echo met;; 2|6) echo not_met;; 3|7) echo cancelled;; *) echo proposed;; esac)
    "$CAREDESK" --db "$DB" --user mrivera --now 2026-11-02T10:00 careplan set-status 1001 goal-1 "$s" \
        >"$T_TMP/out.$i" 2>"$T_TMP/err.$i" </dev/null &
done
wait
bad=0
for i in 1 2 3 4 5 6 7 8; do
    if [ -s "$T_TMP/err.$i" ] &&
        ! grep -qE '^caredesk: goal-1 was changed in a newer version of the care plan \(version [0-9]+, saved by Maria Rivera at 2026-11-02 10:00\) after you opened version [0-9]+; nothing was saved: look at version [0-9]+ and make your change again$|^caredesk: nothing to save: the plan is the same as version [0-9]+$' "$T_TMP/err.$i"; then
        bad=$((bad + 1))
        sed 's/^/# /' "$T_TMP/err.$i"
    fi
done
is "a real conflict names the item, never 'your edits are kept'" "$bad" 0
done_testing
