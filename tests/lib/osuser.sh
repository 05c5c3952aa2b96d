# SPDX-License-Identifier: MIT
# osuser.sh: real OS users for the tests of team mode and identity, which run as root. Source it
# after cli.sh. The names carry the test's process id, so parallel runs never share one, and
# everything made is removed at the end. Without root or useradd the test skips with a message.
#   os_group NAME             make the group NAME
#   os_user NAME [GROUP]      make the user NAME (primary group GROUP, else the default)
#   as_os NAME ARGS...        run caredesk as the OS user NAME; sets OUT, ERR, RC like cd_run
OS_GROUP=
OS_USERS=
os_cleanup() {
    for u in $OS_USERS; do userdel "$u" 2>/dev/null; done
    [ -n "$OS_GROUP" ] && groupdel "$OS_GROUP" 2>/dev/null
    rm -rf "$T_TMP"
}
trap os_cleanup EXIT
if [ "$(id -u)" != 0 ] || ! command -v useradd >/dev/null 2>&1 || ! command -v runuser >/dev/null 2>&1; then
    echo "1..0 # SKIP needs root, useradd and runuser to make OS users"
    exit 77
fi
# the users reach the test's files through its directory, and nothing else in it
chmod 711 "$T_TMP"

os_group() {
    groupadd "$1" 2>/dev/null || { echo "1..0 # SKIP groupadd $1 failed"; exit 77; }
    OS_GROUP=$1
}

os_user() {
    useradd -M -N ${2:+-g "$2"} "$1" 2>/dev/null || { echo "1..0 # SKIP useradd $1 failed"; exit 77; }
    OS_USERS="$OS_USERS $1"
    runuser -u "$1" -- test -x "$CAREDESK" ||
        { echo "1..0 # SKIP $1 cannot run $CAREDESK (its directories are private)"; exit 77; }
}

as_os() {
    local login=$1
    shift
    runuser -u "$login" -- "$CAREDESK" "$@" >"$T_TMP/out" 2>"$T_TMP/err" </dev/null
    RC=$?
    OUT=$(cat "$T_TMP/out")
    ERR=$(cat "$T_TMP/err")
}
