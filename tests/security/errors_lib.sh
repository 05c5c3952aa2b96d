# SPDX-License-Identifier: MIT
# errors_lib.sh: what the tests/security/errors_*.sh tests share. Source it after cli.sh.
#   sec_skip REASON          print a TAP plan that skips the whole file, and exit 0
#   sec_mount_tmpfs DIR SIZE mount a throwaway tmpfs (root only), or skip
#   sec_os_user              run caredesk as a throwaway OS user, not root (whom file modes do
#                            not stop), or as oneself when not root; sets SEC_USER
#   sec_run ARGS...          cd_run as that user: OUT, ERR, RC
#   sec_sh CMD               a shell command as that user
# Mounts and the user are removed when the test exits.
SEC_MOUNTS=""
SEC_USER=""
SEC_MADE_USER=""

sec_cleanup() {
    for m in $SEC_MOUNTS; do
        umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null
    done
    [ -n "$SEC_MADE_USER" ] && userdel "$SEC_MADE_USER" 2>/dev/null
    rm -rf "$T_TMP"
}
trap sec_cleanup EXIT

sec_skip() {
    echo "1..0 # SKIP $1"
    exit 0
}

sec_mount_tmpfs() {
    mkdir -p "$1"
    [ "$(id -u)" = 0 ] || sec_skip "mounting a tmpfs needs root"
    mount -t tmpfs -o "size=$2,mode=0700" tmpfs "$1" 2>"$T_TMP/mount.err" ||
        sec_skip "mount refused: $(cat "$T_TMP/mount.err")"
    SEC_MOUNTS="$1 $SEC_MOUNTS"
}

sec_os_user() {
    chmod 711 "$T_TMP"
    if [ "$(id -u)" != 0 ]; then
        SEC_USER=$(id -un)
        return
    fi
    # useradd takes a lock on /etc/passwd: another test making its user at the same moment
    # makes it fail for a moment, not for good.
    name="cdsec$$"
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        useradd -M -N -s /bin/sh "$name" 2>"$T_TMP/useradd.err" && break
        sleep 0.3
    done
    id "$name" >/dev/null 2>&1 || sec_skip "useradd failed: $(cat "$T_TMP/useradd.err")"
    SEC_MADE_USER=$name
    SEC_USER=$name
    runuser -u "$SEC_USER" -- "$CAREDESK" --version >/dev/null 2>&1 ||
        sec_skip "the throwaway user $SEC_USER cannot run $CAREDESK"
}

sec_run() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u "$SEC_USER" -- "$CAREDESK" "$@" >"$T_TMP/out" 2>"$T_TMP/err" </dev/null
    else
        "$CAREDESK" "$@" >"$T_TMP/out" 2>"$T_TMP/err" </dev/null
    fi
    RC=$?
    OUT=$(cat "$T_TMP/out")
    ERR=$(cat "$T_TMP/err")
}

sec_sh() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u "$SEC_USER" -- sh -c "$1"
    else
        sh -c "$1"
    fi
}
