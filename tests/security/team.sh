#!/bin/sh
# Security: team mode on one server. Two OS users in one group share one database: 'init --team'
# turns its owner's directory 2770 and the files 0660 of the group, whatever the umask; both work on it,
# one after the other and at the same time; a third user outside the group is refused with a
# sentence, and may not make a team's database of a group he is not in.
. "$TESTLIB/cli.sh"
. "$TESTLIB/osuser.sh"
NOW=2026-11-02T09:00
G=cdg$$ A=cda$$ B=cdb$$ X=cdx$$
os_group $G
os_user $A $G
os_user $B $G
os_user $X
# a directory of A's own, which 'init --team' converts (README: or an admin makes it 2770)
D="$T_TMP/team"
mkdir "$D"
chown $A "$D"
chmod 700 "$D"
DB="$D/clinic.db"
q() { sqlite3 "$DB" "$1"; }

umask 077
as_os $A --db "$DB" --now $NOW init --team $G --clinic "North Clinic" --timezone UTC
is_rc "init --team" 0
is "it says so" "$OUT" "initialized $DB (schema 5, time zone UTC); '$A' is its admin
shared with the team group $G: its directory is 2770 and its files 0660"
is "the directory is 2770 and the group's" "$(stat -c '%a %G' "$D")" "2770 $G"
is "the file is 0660 and the group's, under umask 077" "$(stat -c '%a %U %G' "$DB")" "660 $A $G"
umask 022

as_os $A --db "$DB" --now $NOW user add $B --name "Bee Ng" --role coordinator
is_rc "the admin adds the second member" 0
as_os $B --db "$DB" --now $NOW patient add --mrn 1001 --family "Núñez" --given "Zoë" --birth-date 1948-05-12
is_rc "$B adds a patient" 0
as_os $A --db "$DB" --now $NOW patient find Núñez
is "$A finds it" "$OUT" "id	mrn	patient	birth_date	phone	coordinator
1	1001	Núñez, Zoë	1948-05-12		"

# both at the same time: 20 notes each
for who in $A $B; do
    (for i in $(seq 1 20); do
        runuser -u $who -- "$CAREDESK" --db "$DB" --now $NOW note add 1001 "$who $i" >/dev/null 2>>"$T_TMP/par.err" ||
            echo "$who $i failed" >>"$T_TMP/par.err"
    done) &
done
wait
is "both work at once: nothing failed" "$(cat "$T_TMP/par.err")" ""
is "40 notes, 20 each" "$(q "SELECT count(*), count(DISTINCT user_id) FROM notes")" "40|2"
is "the database's files stay the group's and 0660" \
    "$(for f in "$DB" "$DB-wal" "$DB-shm"; do [ -e "$f" ] && stat -c '%a %G' "$f"; done | sort -u)" "660 $G"

as_os $X --db "$DB" --now $NOW status
is_rc "a user outside the group is refused" 1
is "with a sentence" "$ERR" "caredesk: you ($X) are not in the team group $G that shares $D; an admin can add you with: usermod -a -G $G $X"

mkdir "$T_TMP/mine"
chown $X "$T_TMP/mine"
chmod 700 "$T_TMP/mine"
as_os $X --db "$T_TMP/mine/x.db" --now $NOW init --team $G
is_rc "nor can he make a team's database of that group" 1
is "with a sentence" "$ERR" "caredesk: --team: you ($X) are not in the group $G; an admin can add you with: usermod -a -G $G $X (then log in again)"
is "nothing was made" "$(ls -A "$T_TMP/mine")" ""
done_testing
