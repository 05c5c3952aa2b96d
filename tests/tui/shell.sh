#!/bin/sh
# TUI: the workstation shell at 80x24 and 132x40: status bar, the worklist as home, today's
# figures (S), help overlay,
# too-small terminal, live refresh from another process, q, Ctrl-C, NO_COLOR and --theme mono.
. "$TESTLIB/cli.sh"
. "$TESTLIB/tui.sh"
. "$TESTLIB/fixture.sh"
DB="$T_TMP/clinic.db"
run() { cd_as alice 2026-11-02T09:00 "$@"; }
clinic 2026-11-02T09:00
run patient add --mrn 1001 --family "Núñez" --given "Zoë" --birth-date 1948-05-12
run patient add --mrn 1002 --family Brown --given Bob --birth-date 1950-01-02
is_rc "fixture" 0
patients=2
APP="--db $DB --now 2026-11-02T09:00"


scenario() {
    local cols=$1 rows=$2 s="shell$1"
    # shellcheck disable=SC2086
    tui_start "$s" "$cols" "$rows" $APP --user alice
    tui_ok "$cols: status bar: clinic, user, role, --now clock" "$s" \
        '^ North Clinic \| alice \(admin\) .* Mon 2026-11-02 09:0[0-9]:[0-9]{2}$'
    tui_ok "$cols: the worklist is home" "$s" '^ My list: 0 patients · 0 jobs'
    tui_keys "$s" S
    tui_ok "$cols: home title" "$s" '^  Today, Monday 2 November 2026$'
    tui_ok "$cols: patient count" "$s" "^  Patients +$patients +TCM contacts due +0$"
    tui_ok "$cols: overdue count" "$s" '^  Overdue +0 +Enrolled in care management +0$'
    tui_ok "$cols: key bar" "$s" '^\? Help  r Refresh  q Back'
    tui_keys "$s" '?'
    tui_ok "$cols: help opens" "$s" 'Keys: home \(Esc closes\)'
    tui_ok "$cols: help lists the view's keys" "$s" '│    r +Reload the data and redraw the screen'
    tui_keys "$s" End
    tui_ok "$cols: help lists generic keys" "$s" '│    q <Esc> +Close this view \(on home: leave\)'
    tui_keys "$s" Escape
    tui_gone_ok "$cols: Esc closes the help" "$s" 'Keys: home'
    tui_ok "$cols: home again" "$s" '^  Today, Monday 2 November 2026$'
    patients=$((patients + 1))
    run patient add --mrn "20$cols" --family "Live" --given "Change" --birth-date 1960-03-04
    tui_ok "$cols: another process's change shows within 2 s" "$s" "^  Patients +$patients " 2
    if [ "$cols" = 80 ]; then
        tui_resize "$s" 70 20
        tui_ok "too small: a clear message" "$s" '^ +caredesk needs at least 80x24; this terminal is 70x20$'
        tui_resize "$s" 80 24
        tui_ok "back to 80x24: the screen returns" "$s" "^  Patients +$patients "
    fi
    tui_keys "$s" x
    tui_ok "$cols: an unbound key says so" "$s" '^ x is not bound here; \? shows the keys$'
    tui_keys "$s" q
    tui_ok "$cols: q closes the figures: the worklist again" "$s" '^ My list: 0 patients · 0 jobs'
    tui_keys "$s" q
    is "$cols: q leaves with status 0" "$(tui_wait_exit "$s")" 0
}

scenario 80 24
scenario 132 40

tui_start cc 80 24 --db "$DB" --now 2026-11-02T09:00 --user alice
tui_ok "C-c: running" cc '^ My list'
tui_keys cc C-c
is "C-c leaves cleanly with 130" "$(tui_wait_exit cc)" 130

TUI_ENV="NO_COLOR=1" tui_start nocolor 80 24 --db "$DB" --now 2026-11-02T09:00 --user alice
tui_ok "NO_COLOR: home" nocolor '^ My list'
attrs=$(tui_screen_attr nocolor)
if printf '%s' "$attrs" | grep -qE '\[([0-9;]*;)?(3[0-7]|4[0-7]|38;5|48;5)[;m]'; then
    _t_result 1 "NO_COLOR: no colours"
else
    _t_result 0 "NO_COLOR: no colours"
fi
like "NO_COLOR: the status bar is reverse video" "$attrs" '\[7m North Clinic'
tui_keys nocolor q
is "NO_COLOR: q" "$(tui_wait_exit nocolor)" 0

tui_start mono 80 24 --db "$DB" --now 2026-11-02T09:00 --user alice --theme mono
tui_ok "--theme mono: home" mono '^ My list'
tui_keys mono q
is "--theme mono: q" "$(tui_wait_exit mono)" 0

tui_start light 80 24 --db "$DB" --now 2026-11-02T09:00 --user mrivera --theme light --no-color
tui_ok "--no-color, another user" light '^ North Clinic \| mrivera \(coordinator\)'
tui_keys light Q
is "Q quits" "$(tui_wait_exit light)" 0

# A long clinic name is cut, never the signed-in user and role (nor the clock)
run settings clinic_name "Riverside Family Medicine and Care Coordination Center"
is_rc "long clinic name" 0
tui_start long 80 24 --db "$DB" --now 2026-11-02T09:00 --user mrivera
tui_ok "80: a long clinic name keeps the role whole" long \
    '^ Riverside Family Medicine an… \| mrivera \(coordinator\) +Mon 2026-11-02 09:0[0-9]:[0-9]{2}$'
tui_keys long q
is "long name: q" "$(tui_wait_exit long)" 0

done_testing
