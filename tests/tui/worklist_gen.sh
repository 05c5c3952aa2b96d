#!/bin/sh
# TUI: the day's worklist generation runs beside the screen: the list opens with what is there,
# the generated outreach arrives without a key, a quit during generation leaves nothing
# half-written, and the next start (or the command line) completes the day.
. "$TESTLIB/cli.sh"
. "$TESTLIB/tui.sh"
. "$TESTLIB/fixture.sh"
N=2026-11-23T10:00
run() { cd_as alice $N "$@"; }

fixture() {
    clinic $N north
    for i in 1 2 3; do
        run patient add --mrn 400$i --family "Care$i" --given Pat --birth-date 1940-01-0$i \
            --phone 555-040$i --coordinator mrivera
        run enroll 400$i --program ccm --consent verbal --date 2026-10-01
    done
    is_rc "fixture $1" 0
}

scenario() {
    local cols=$1 rows=$2 a="gen$1"
    DB="$T_TMP/gen$cols.db"
    fixture "$cols"
    # shellcheck disable=SC2086
    tui_start "$a" "$cols" "$rows" --db "$DB" --now $N --user mrivera
    tui_ok "$cols: the generated outreach arrives without a key" "$a" '^ My list: 3 patients · 3 jobs *( |$)'
    tui_ok "$cols: an outreach row: the job, then the minutes" "$a" '^  1 Care1, Pat +CCM +No CCM contact yet'
    tui_keys "$a" q
    is "$cols: q leaves" "$(tui_wait_exit "$a")" 0
    run worklist --user mrivera
    like "$cols: generated once: three rows" "$(echo "$OUT" | wc -l)" '^ *4$'
}

scenario 80 24
scenario 132 40

# quit at once: the worker is stopped or done; either way all or nothing, and the next start
# completes the day
DB="$T_TMP/quit.db"
fixture quit
# shellcheck disable=SC2086
tui_start q 80 24 --db "$DB" --now $N --user mrivera
tui_keys q q
is "quit during generation leaves" "$(tui_wait_exit q)" 0
n=$(sqlite3 "$DB" "SELECT count(*) FROM tasks WHERE kind = 'ccm_outreach'" 2>/dev/null || echo "")
like "all or nothing" "$n" '^(0|3)?$'
run worklist --user mrivera
like "the command line completes the day" "$(echo "$OUT" | wc -l)" '^ *4$'
done_testing
