#!/bin/sh
# TUI: a workstation whose terminal goes away without a SIGHUP (a login shell between it and the
# terminal, e.g. runuser -l, or a new session) ends within seconds, as on a hangup, instead of
# spinning on a dead terminal with the database open; a timer it ran is still there afterwards.
. "$TESTLIB/cli.sh"
. "$TESTLIB/tui.sh"
. "$TESTLIB/fixture.sh"
# a login shell between the workstation and its terminal, as after 'runuser -l' or some ssh set-ups
[ "$(id -u)" = 0 ] && command -v runuser >/dev/null 2>&1 ||
    { echo "1..0 # SKIP needs root and runuser for a login shell"; exit 77; }
DB="$T_TMP/clinic.db"
clinic 2026-11-02T09:00
cd_as alice 2026-11-02T09:00 patient add --mrn 1001 --family Doe --given Jane --birth-date 1950-01-01
cd_as alice 2026-11-02T09:00 enroll 1001 --program ccm --consent verbal --date 2026-11-02
cd_as alice 2026-11-02T09:00 timer start 1001 --activity call
is_rc "fixture" 0

# runuser -l: the workstation runs under a login shell of its own session, so closing the
# terminal sends it no SIGHUP
_tmux new-session -d -s hup -x 80 -y 24 \
    "runuser -l root -c 'env TERM=tmux-256color LANG=C.UTF-8 ESCDELAY=25 XDG_CONFIG_HOME=$XDG_CONFIG_HOME $CAREDESK --db $DB --now 2026-11-02T09:05 --user alice'"
tui_ok "the workstation is up" hup '^ North Clinic \| alice'
pid=$(pgrep -f -- "^$CAREDESK --db $DB --now 2026-11-02T09:05" | head -n 1)
ok=0
[ -n "$pid" ] && ok=1
is "its process is found" "$ok" 1
_tmux kill-session -t hup
left=1
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
    kill -0 "$pid" 2>/dev/null || { left=0; break; }
    sleep 0.25
done
is "it ends within 5 s of losing its terminal" "$left" 0
[ "$left" = 0 ] || kill -9 "$pid" 2>/dev/null
cd_as alice 2026-11-02T09:06 timer status
is "the timer it showed is still running" "$(printf '%s\n' "$OUT" | cut -f1,5 | tail -n 1)" "1001	running"
done_testing
