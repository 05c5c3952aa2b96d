#!/bin/sh
# TUI: names are UTF-8 whatever the login's locale says. Under LC_ALL=C (a login shell with LANG
# unset) the list still shows "Núñez, Zoë" and a CJK name whole, with the columns in place.
. "$TESTLIB/cli.sh"
. "$TESTLIB/tui.sh"
. "$TESTLIB/fixture.sh"
DB="$T_TMP/clinic.db"
clinic 2026-11-02T09:00
cd_as alice 2026-11-02T09:00 patient add --mrn 1001 --family "Núñez" --given "Zoë" --birth-date 1950-01-01 --coordinator alice
cd_as alice 2026-11-02T09:00 patient add --mrn 1002 --family "王" --given "小明" --birth-date 1951-01-01 --coordinator alice
cd_as alice 2026-11-02T09:00 task callback 1001 --at 2026-11-02T10:00
cd_as alice 2026-11-02T09:00 task callback 1002 --at 2026-11-02T11:00
is_rc "fixture" 0
TUI_ENV="LANG=C LC_ALL=C" tui_start loc 80 24 --db "$DB" --now 2026-11-02T09:05 --user alice
tui_ok "an accented name is whole under LC_ALL=C" loc '^  1 Núñez, Zoë      CALLBACK call back at 10:00'
tui_ok "a CJK name too, and the next column where it belongs" loc '^  2 王, 小明        CALLBACK call back at 11:00'
tui_ok "the title's separators are UTF-8 too" loc 'TCM: overdue 0 · calls due 0'
tui_keys loc q
done_testing
