#!/bin/sh
# A database file its user cannot write, a -wal or -shm left read-only beside it, and a read-only
# file system: each has its own sentence naming the path; reading commands work and leave no file
# behind (a -shm made by a reader would keep the owner from writing later).
. "$TESTLIB/cli.sh"
. "$(dirname "$0")/errors_lib.sh"
sec_os_user
D="$T_TMP/clinic"
DB="$D/cd.db"
NOW=2026-11-20T10:00
mkdir -m 700 "$D"
[ "$(id -u)" = 0 ] && chown "$SEC_USER" "$D"

sec_run --db "$DB" init --timezone America/New_York
sec_run --db "$DB" --now $NOW patient add --mrn M1 --family Doe --given Jane --birth-date 1950-01-01
sec_run --db "$DB" --now $NOW user add nurse --name "Nora Nurse" --role coordinator
is_rc "set-up written" 0

chmod 400 "$DB"
sec_run --db "$DB" --now $NOW patient find Doe
is "patient find works on a read-only file" "$RC:$ERR:$OUT" "0::id	mrn	patient	birth_date	phone	coordinator
1	M1	Doe, Jane	1950-01-01		"
sec_run --db "$DB" --now $NOW worklist
is "worklist works, with its note" "$RC:$ERR" \
    "0:caredesk: the database is read-only; today's outreach was not generated"
sec_run --db "$DB" --now $NOW audit verify
is "audit verify only reads: it works" "$RC:$ERR" "0:"
sec_run --db "$DB" --now $NOW timer status
is "timer status too" "$RC:$ERR" "0:"
sec_run --db "$DB" --now $NOW timer start M1
is "timer start writes: it says why it cannot" "$RC:$ERR" \
    "1:caredesk: $DB is read-only for you; only commands that read can use it (it is yours: chmod u+w gives you write access)"
sec_run --db "$DB" --now $NOW user add mrivera --name "Maria Rivera" --role coordinator
is_rc "a writing command fails" 1
sec_run --db "$DB" --user nurse --now $NOW patient find Doe
is "acting as another user reads too: nothing can be recorded, as for every read" "$RC:$ERR" "0:"
sec_run --db "$DB" --now $NOW note add M1 "a note"
is_rc "a writing command fails" 1
is "it names the file and says why" "$ERR" \
    "caredesk: $DB is read-only for you; only commands that read can use it (it is yours: chmod u+w gives you write access)"
is "no -wal or -shm was left behind" "$(ls "$D")" "cd.db"
chmod 600 "$DB"
sec_run --db "$DB" --now $NOW note add M1 "a note"
is "once writable again the owner writes" "$RC:$ERR" "0:"

# A -wal and -shm left read-only (0400, its owner's own mistake): reading still works, writing
# would fail inside SQLite, so it is refused up front with the file named.
sec_sh ": >'$DB-wal'; : >'$DB-shm'; chmod 400 '$DB-wal' '$DB-shm'"
sec_run --db "$DB" --now $NOW patient find Doe
is_rc "patient find works beside a read-only -wal" 0
sec_run --db "$DB" --now $NOW note add M1 "another note"
is "the read-only -wal is named" "$RC:$ERR" \
    "1:caredesk: $DB-wal is read-only for you, so $DB can only be read (it is yours: chmod u+w gives you write access)"
rm -f "$DB-wal" "$DB-shm"

# A read-only file system stops root too.
mkdir -p "$T_TMP/ro"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=2m,mode=0700 tmpfs "$T_TMP/ro" 2>/dev/null; then
    SEC_MOUNTS="$T_TMP/ro $SEC_MOUNTS"
    R="$T_TMP/ro/cd.db"
    cd_run --db "$R" init --timezone America/New_York
    cd_run --db "$R" --now $NOW patient add --mrn M1 --family Doe --given Jane --birth-date 1950-01-01
    mount -o remount,ro "$T_TMP/ro"
    cd_run --db "$R" --now $NOW patient find Doe
    is "patient find works on a read-only file system" "$RC:$ERR" "0:"
    cd_run --db "$R" --now $NOW note add M1 "a note"
    is "a write names the read-only file system" "$RC:$ERR" \
        "1:caredesk: $R is on a read-only file system; only commands that read can use it"
else
    echo "# skipped the read-only file system: mounting a tmpfs was refused"
fi
done_testing
