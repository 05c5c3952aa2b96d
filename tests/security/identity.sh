#!/bin/sh
# Security: who acts comes from the OS, never from $USER. USER= and LOGNAME= change nothing;
# --user is honoured for an admin and on a database the caller owns outside team mode, refused
# for anyone else with a sentence, and every acting-as is audited with both names. Real OS users
# in a team group share one database here (tests/lib/osuser.sh); they are removed at the end.
. "$TESTLIB/cli.sh"
. "$TESTLIB/osuser.sh"
. "$TESTLIB/fixture.sh"
NOW=2026-11-02T09:00
G=cdg$$ A=cda$$ B=cdb$$
os_group $G
os_user $A $G
os_user $B $G
me=$(id -un)
q() { sqlite3 "$DB" "$1"; }
# spoof LOGIN ARGS...: run caredesk with USER and LOGNAME set to LOGIN
spoof() {
    local login=$1
    shift
    (USER=$login LOGNAME=$login && export USER LOGNAME && cd_run "$@" && echo "$RC" >"$T_TMP/rc")
    RC=$(cat "$T_TMP/rc")
    OUT=$(cat "$T_TMP/out")
    ERR=$(cat "$T_TMP/err")
}

# alice is the admin of this database, the OS user is not a caredesk user at all
DB="$T_TMP/clinic.db"
clinic $NOW
is_rc "fixture" 0
spoof alice --db "$DB" --now $NOW user add mallory --name Mallory --role admin
is_rc "USER=alice does not make the OS user alice" 1
is "the OS login acts, and is not a user here" "$ERR" "caredesk: '$me' is not a caredesk user (an admin can add one with 'caredesk user add $me --name NAME --role ROLE')"
is "no mallory" "$(q "SELECT count(*) FROM users WHERE login = 'mallory'")" "0"

# the OS user is the admin (init without --user), someone a coordinator
DB="$T_TMP/own.db"
cd_run --db "$DB" --now $NOW init --timezone UTC
is "init makes the OS login its admin" "$OUT" "initialized $DB (schema 5, time zone UTC); '$me' is its admin"
cd_run --db "$DB" --now $NOW user add someone --name Someone --role coordinator
spoof someone --db "$DB" --now $NOW user add mallory --name Mallory --role admin
is_rc "USER=someone acts as the OS user" 0
is "the change is audited as the OS user" \
    "$(q "SELECT u.login FROM audit_log a JOIN users u ON u.id = a.user_id WHERE a.action = 'add' AND a.detail = 'admin' ORDER BY a.id DESC LIMIT 1")" "$me"

# acting as another on a database of one's own: honoured and audited with both names
cd_run --db "$DB" --user someone --now $NOW status
is_rc "--user on a database I own" 0
is "audited with both names" "$(q "SELECT u.login || ': ' || a.detail FROM audit_log a JOIN users u ON u.id = a.user_id WHERE a.entity = 'session' AND a.action = 'act_as' ORDER BY a.id DESC LIMIT 1")" "someone: $me as someone"
cd_run --db "$DB" --now $NOW status
is "not acting as another: no such row" "$(q "SELECT count(*) FROM audit_log WHERE action = 'act_as'")" "1"

# a team's database: A its admin, B a coordinator; nobody owns it alone
mkdir "$T_TMP/team"
chgrp $G "$T_TMP/team"
chmod 2770 "$T_TMP/team"
DB="$T_TMP/team/clinic.db"
as_os $A --db "$DB" --now $NOW init --team $G --timezone UTC
is_rc "$A makes the team's database" 0
as_os $A --db "$DB" --now $NOW user add $B --name Bee --role coordinator
is_rc "and adds $B as a coordinator" 0
as_os $B --db "$DB" --user $A --now $NOW user add mallory --name Mallory --role admin
is_rc "$B (a coordinator) may not act as $A" 1
is "the sentence" "$ERR" "caredesk: --user $A: acting as another user is for admins; '$B' is a coordinator"
is "no mallory" "$(q "SELECT count(*) FROM users WHERE login = 'mallory'")" "0"
as_os $B --db "$DB" --user $B --now $NOW status
is_rc "--user naming oneself is no acting-as" 0
as_os $A --db "$DB" --user $B --now $NOW status
is_rc "$A (an admin) may act as $B" 0
is "audited with both names" "$(q "SELECT u.login || ': ' || a.detail FROM audit_log a JOIN users u ON u.id = a.user_id WHERE a.action = 'act_as' ORDER BY a.id DESC LIMIT 1")" "$B: $A as $B"
as_os $A --db "$DB" --user ghost --now $NOW status
is "acting as someone who is not a user says so" "$ERR" "caredesk: 'ghost' is not a caredesk user (an admin can add one with 'caredesk user add ghost --name NAME --role ROLE')"
done_testing
