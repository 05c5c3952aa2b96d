#!/bin/sh
# SPDX-License-Identifier: MIT
# check-layers.sh SRCDIR: core has no curses and no terminal output; tui issues no SQL.
cd "$1" || exit 2
bad=0
if grep -nE '#include *[<"](n?curses|ncursesw/[a-z]+|panel|form|menu)\.h' core/*.c core/*.h; then
    echo "check-layers: core/ includes curses" >&2; bad=1
fi
if grep -nE '\b(printf|puts|exit|abort)\(|\bstd(out|err)\b' core/*.c core/*.h | grep -v 'snprintf\|vsnprintf'; then
    echo "check-layers: core/ prints to the terminal or exits" >&2; bad=1
fi
if grep -nE 'sqlite3_|<sqlite3\.h>|core/db\.h' tui/*.c tui/*.h; then
    echo "check-layers: tui/ reaches SQLite directly" >&2; bad=1
fi
if grep -nE '"(SELECT|INSERT|UPDATE|DELETE) ' tui/*.c; then
    echo "check-layers: tui/ holds SQL" >&2; bad=1
fi
for f in tui/main.c tui/cli.c tui/cli_*.c; do
    [ -f "$f" ] || continue
    if grep -nE '#include *[<"](n?curses|tui/provide_curses)\.h' "$f"; then
        echo "check-layers: $f includes curses" >&2; bad=1
    fi
done
[ $bad = 0 ] && echo "check-layers: ok"
exit $bad
