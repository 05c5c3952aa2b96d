#!/bin/sh
# SPDX-License-Identifier: MIT
# check-layers.sh SRCDIR: the rooms' dependencies point one way (HACKING.md):
#   tui/cli, tui/screen -> core -> core/store -> core/base
# core/io and core/demo sit beside core's nouns; tui/keys serves both front ends.
cd "$1" || exit 2
bad=0
fail() { echo "check-layers: $*" >&2; bad=1; }
# includes FILES... : the project headers the files include, as "file:line:header"
incs() { grep -nHoE '#include *"(core|tui)/[a-z_/]+\.(h|def)"' "$@" 2>/dev/null | sed -E 's/#include *"(.*)"/\1/'; }
# deny WHAT PATTERN FILES...: no file of FILES includes a header matching PATTERN
deny() {
    what=$1 pat=$2
    shift 2
    hits=$(incs "$@" | grep -E ":($pat)\$")
    [ -n "$hits" ] && { echo "$hits"; fail "$what"; }
}
core_all=$(find core -name '*.[ch]' | sort)
base=$(find core/base -name '*.[ch]' | sort)
store=$(find core/store -name '*.[ch]' | sort)
nouns=$(find core -maxdepth 1 -name '*.[ch]' | sort)
io=$(find core/io -name '*.[ch]' | sort)
cli=$(find tui/cli -name '*.[ch]' | sort)
keys=$(find tui/keys -name '*.[ch]' | sort)
screen=$(find tui/screen -name '*.[ch]' | sort)
# shellcheck disable=SC2086
{
deny "core/ includes tui/" 'tui/.*' $core_all
deny "core/base includes the rest of core" 'core/(store|io|demo)/.*|core/[a-z_]+\.h' $base
deny "core/store includes the domain" 'core/(io|demo)/.*|core/[a-z_]+\.h' $store
deny "core's nouns include core/io or core/demo" 'core/(io|demo)/.*' $nouns
deny "core/io includes core/demo" 'core/demo/.*' $io
deny "tui/cli includes tui/screen" 'tui/screen/.*' $cli tui/session.c tui/session.h
deny "tui/screen includes tui/cli" 'tui/cli/.*' $screen
deny "tui/keys includes a front end" 'tui/(cli|screen)/.*' $keys
}
# curses: only the terminal module of tui/screen (term.c, canvas.c through provide_curses.h)
hits=$(grep -rnlE --include='*.[ch]' '#include *[<"](n?curses|ncursesw/[a-z]+|panel|form|menu)\.h|tui/screen/provide_curses\.h' core tui |
    grep -vE '^tui/screen/(term\.c|canvas\.c|provide_curses\.h)$')
[ -n "$hits" ] && { echo "$hits"; fail "curses outside tui/screen's terminal module"; }
# SQLite: only core/store
hits=$(grep -rnE --include='*.[ch]' '<sqlite3\.h>' core tui | grep -v '^core/store/')
[ -n "$hits" ] && { echo "$hits"; fail "<sqlite3.h> outside core/store"; }
hits=$(grep -rnE --include='*.[ch]' '\bsqlite3_[a-z0-9_]+\(' core tui | grep -v '^core/store/')
[ -n "$hits" ] && { echo "$hits" | head -20; fail "the SQLite API outside core/store: read rows through core/store/db.h"; }
# nettle (the audit chain's SHA-256): only core/store
hits=$(grep -rnE --include='*.[ch]' '<nettle/[a-z0-9_-]+\.h>' core tui | grep -v '^core/store/')
[ -n "$hits" ] && { echo "$hits"; fail "nettle outside core/store"; }
# libical and jansson: only core/io
hits=$(grep -rnE --include='*.[ch]' '<(libical/ical|jansson)\.h>' core tui | grep -v '^core/io/')
[ -n "$hits" ] && { echo "$hits"; fail "libical or jansson outside core/io"; }
# core never prints or ends the process
hits=$(grep -rnE --include='*.[ch]' '\b(printf|puts|exit|abort)\(|\bstd(out|err)\b' core | grep -v 'snprintf\|vsnprintf')
[ -n "$hits" ] && { echo "$hits"; fail "core/ prints to the terminal or exits"; }
# the demo writes only through its bulk-load module (demo_write*.c) and core's functions
hits=$(grep -nE '"(INSERT|UPDATE|DELETE|REPLACE) |\bcd_db_exec\(' core/demo/*.c | grep -v '^core/demo/demo_write[a-z_]*\.c:')
[ -n "$hits" ] && { echo "$hits"; fail "core/demo writes outside its bulk-load module (demo_write.c, demo_write_care.c)"; }
# identity comes from the password database: $USER and $LOGNAME are whatever the caller says
hits=$(grep -rnE --include='*.[ch]' 'getenv *\( *"(USER|LOGNAME)"' core tui)
[ -n "$hits" ] && { echo "$hits"; fail "identity read from the environment: use getpwuid(getuid())"; }
# the command line prints only through tui/cli/cli.c (cli_printf, cli_fail, cli_print_page ...),
# which makes every byte safe for a terminal: text from files and the database may hold an ESC
hits=$(grep -nE '\b(printf|vprintf|puts|putchar|perror|fprintf|vfprintf|fputs|fputc|putc|dprintf)[[:space:]]*\(|\bstderr\b' \
    $cli tui/main.c | grep -v '^tui/cli/cli\.[ch]:')
[ -n "$hits" ] && { echo "$hits"; fail "tui/cli prints around tui/cli/cli.c: use cli_printf, cli_warnf or cli_fail"; }
# rows are read by a module's column enum (cd_page_cell(page, row, CD_NOUN_COL_X)), which the
# compiler checks: never by a name looked up at run time, which only fails when the line runs,
# nor by a bare number, which breaks quietly when the query's columns move
hits=$(grep -rnE --include='*.[ch]' '\bcd_page_(str|int|col)\(|\bcd_page_(get|cell|cell_int)\(([^()]|\(([^()]|\([^()]*\))*\))*,[[:space:]]*("[^"]*"|[0-9]+)[[:space:]]*\)' core tui |
    grep -v '^core/base/page\.')
[ -n "$hits" ] && { echo "$hits"; fail "a page read by column name or number: use the column enum its module declares (CD_NOUN_COLUMNS)"; }
# tui issues no SQL and reaches no connection
hits=$(grep -rnE --include='*.[ch]' '"(SELECT|INSERT|UPDATE|DELETE) |core/store/db\.h' tui)
[ -n "$hits" ] && { echo "$hits"; fail "tui/ holds SQL or reaches the connection"; }
[ $bad = 0 ] && echo "check-layers: ok"
exit $bad
