#!/bin/sh
# Security: the database's files. A pre-existing empty 0666 file of the caller's is tightened
# before anything is written (and it says so, once); someone else's, a symlink to one, a symlink
# as the -wal file, and a directory open to everyone are refused with a sentence, untouched; a
# 0-byte 0644 file opened by a plain status ends 0600.
. "$TESTLIB/cli.sh"
NOW=2026-11-02T09:00
D="$T_TMP/data"
mkdir -m 700 "$D"
me=$(id -un)
at() { db=$1; shift; cd_run --db "$db" --user alice --now $NOW "$@"; }
mode() { stat -c %a "$1"; }
size() { stat -c %s "$1"; }

# an empty 0666 file of mine in the data directory: tightened first, then initialised
: >"$D/empty.db"
chmod 666 "$D/empty.db"
at "$D/empty.db" init --timezone UTC
is_rc "a pre-existing empty 0666 file is initialised" 0
is "after saying it tightened it" "$ERR" "caredesk: tightened $D/empty.db from mode 0666 to 0600: patient data is for you only"
is "it is 0600" "$(mode "$D/empty.db")" "600"
at "$D/empty.db" status
is "once: the next run has nothing to say" "$ERR" ""

# a 0-byte 0644 file opened by a plain status
: >"$D/plain.db"
chmod 644 "$D/plain.db"
at "$D/plain.db" status
is "a plain status on a 0-byte 0644 file says it tightened it" \
    "$(printf '%s\n' "$ERR" | head -1)" "caredesk: tightened $D/plain.db from mode 0644 to 0600: patient data is for you only"
is "it ends 0600" "$(mode "$D/plain.db")" "600"

# a symlink to an empty 0666 file: refused, the target left empty
: >"$D/target.db"
chmod 666 "$D/target.db"
ln -s target.db "$D/link.db"
at "$D/link.db" init --timezone UTC
is_rc "a symlink to an empty 0666 file is refused" 1
is "the sentence" "$ERR" "caredesk: $D/link.db is a symlink; refusing to open a database through it (name the file itself)"
is "its target stays empty" "$(size "$D/target.db")" "0"
is "and 0666" "$(mode "$D/target.db")" "666"

# someone else's empty 0666 file: refused, untouched
if [ "$(id -u)" = 0 ] && chown nobody "$D/target.db" 2>/dev/null; then
    at "$D/target.db" init --timezone UTC
    is_rc "someone else's empty 0666 file is refused" 1
    is "the sentence" "$ERR" "caredesk: $D/target.db belongs to nobody, not to you ($me); refusing to use someone else's database outside team mode (caredesk init --team)"
    is "it stays empty" "$(size "$D/target.db")" "0"
    is "and 0666" "$(mode "$D/target.db")" "666"
else
    for i in 1 2 3 4; do _t_result 0 "# SKIP needs root to give a file to nobody"; done
fi

# a symlink as the -wal file: refused before SQLite could write through it
ln -s target.db "$D/empty.db-wal"
at "$D/empty.db" status
is_rc "a symlink as the -wal file is refused" 1
is "the sentence" "$ERR" "caredesk: $D/empty.db-wal is a symlink; refusing to open a database through it (name the file itself)"
is "its target stays empty" "$(size "$D/target.db")" "0"
rm "$D/empty.db-wal"

# a directory everyone can write to (like /tmp): refused, nothing made in it
mkdir "$T_TMP/open"
chmod 1777 "$T_TMP/open"
at "$T_TMP/open/c.db" init --timezone UTC
is_rc "a world-writable directory is refused" 1
is "the sentence" "$ERR" "caredesk: the database's directory $T_TMP/open is readable and writable by everyone (mode 1777); refusing it (chmod o-rwx $T_TMP/open, or keep the database elsewhere)"
is "nothing was made in it" "$(ls -A "$T_TMP/open")" ""

# a database in a directory everyone can read: refused, left as it is
chmod 755 "$D"
at "$D/empty.db" status
is_rc "a world-readable directory is refused" 1
is "the sentence" "$ERR" "caredesk: the database's directory $D is readable by everyone (mode 0755); refusing it (chmod o-rwx $D, or keep the database elsewhere)"
done_testing
