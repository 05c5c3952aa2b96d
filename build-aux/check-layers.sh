#!/bin/sh
# SPDX-License-Identifier: MIT
# check-layers.sh SRCDIR: core has no curses and no terminal output; tui issues no SQL.
cd "$1" || exit 2
bad=0
core=$(find core -name '*.[ch]')
tui=$(find tui -name '*.[ch]')
# shellcheck disable=SC2086
if grep -nE '#include *[<"](n?curses|ncursesw/[a-z]+|panel|form|menu)\.h' $core; then
    echo "check-layers: core/ includes curses" >&2; bad=1
fi
# shellcheck disable=SC2086
if grep -nE '\b(printf|puts|exit|abort)\(|\bstd(out|err)\b' $core | grep -v 'snprintf\|vsnprintf'; then
    echo "check-layers: core/ prints to the terminal or exits" >&2; bad=1
fi
# shellcheck disable=SC2086
if grep -nE 'sqlite3_|<sqlite3\.h>|core/store/db\.h' $tui; then
    echo "check-layers: tui/ reaches SQLite directly" >&2; bad=1
fi
# shellcheck disable=SC2086
if grep -nE '"(SELECT|INSERT|UPDATE|DELETE) ' $tui; then
    echo "check-layers: tui/ holds SQL" >&2; bad=1
fi
for f in tui/main.c tui/cli/*.c; do
    [ -f "$f" ] || continue
    if grep -nE '#include *[<"](n?curses|tui/screen/provide_curses)\.h' "$f"; then
        echo "check-layers: $f includes curses" >&2; bad=1
    fi
done
[ $bad = 0 ] && echo "check-layers: ok"
exit $bad
