#!/bin/sh
# Security: the workstation draws names and notes through the same terminal-safe rendering as the
# command line: an ESC, a C1 control or a bidi override in the database shows as \x1b, \u009b or
# \u202e on the screen, never as a '?' that hides what it was, and never reaches the terminal.
. "$TESTLIB/cli.sh"
. "$TESTLIB/tui.sh"
if ! command -v sqlite3 >/dev/null 2>&1; then
    echo "1..0 # SKIP the sqlite3 shell is not installed (./bootstrap installs it)"
    exit 77
fi
DB="$T_TMP/clinic.db"
N=2026-11-23T09:00
run() { cd_run --db "$DB" --user alice --now $N "$@"; }
run init --timezone America/New_York
run import "$FIXTURES/discharges.csv"
sqlite3 "$DB" "UPDATE patients SET family_name = 'Evil' || char(27) || ']0;pwned' || char(7),
    given_name = 'Bob' || char(155), phone = '555' || char(8238) || '0100',
    name_key = 'evil bob' WHERE mrn = '1001'"
run task assign 1 alice
run note add 1001 "$(printf 'Daughter \342\200\256evil calls back')"

tui_start scr 132 40 --db "$DB" --user alice --now $N
tui_ok "the worklist shows the name and the phone escaped (and cut to their columns)" scr \
    '^  1 Evil\\x1b\]0;pwne… TCM +TCM contact due by Nov 24, discharged Nov … +mod +555\\u202e01… +1001 '
tui_keys scr g
tui_type scr 1001
tui_keys scr Enter
tui_ok "the chart header shows the name escaped" scr 'Evil\\x1b\]0;pwned\\x07, Bob\\u009b'
tui_keys scr L
tui_ok "the timeline shows the note's override escaped" scr 'Daughter \\u202eevil calls back'
if tui_screen scr | LC_ALL=C grep -qaP '\xe2\x80\xae|\xc2\x9b'; then
    _t_result 1 "no raw C1 or bidi character on the screen"
else
    _t_result 0 "no raw C1 or bidi character on the screen"
fi
tui_keys scr Q
is "the workstation ends cleanly" "$(tui_wait_exit scr)" 0
done_testing
