# SPDX-License-Identifier: MIT
# cli.sh: helpers for CLI tests that print TAP. Source it; uses $CAREDESK.
#   cd_run ARGS...            run caredesk; sets OUT, ERR, RC (stdout, stderr, exit status)
#   is "desc" ACTUAL EXPECTED exact comparison, shows a diff on failure
#   is_rc "desc" EXPECTED     compare RC
#   like "desc" ACTUAL ERE    match a regular expression
#   done_testing              print the plan, exit 1 if any test failed
set -u
: "${CAREDESK:?CAREDESK must name the binary}"
T_N=0
T_FAIL=0
T_TMP=$(mktemp -d "${TMPDIR:-/tmp}/caredesk-test.XXXXXX")
trap 'rm -rf "$T_TMP"' EXIT
export XDG_DATA_HOME="$T_TMP/xdg" XDG_CONFIG_HOME="$T_TMP/xdgconf" HOME="$T_TMP/home"
unset CAREDESK_DB NO_COLOR
mkdir -p "$HOME"

cd_run() {
    "$CAREDESK" "$@" >"$T_TMP/out" 2>"$T_TMP/err" </dev/null
    RC=$?
    OUT=$(cat "$T_TMP/out")
    ERR=$(cat "$T_TMP/err")
}

_t_result() {
    T_N=$((T_N + 1))
    if [ "$1" = 0 ]; then
        echo "ok $T_N - $2"
    else
        echo "not ok $T_N - $2"
        T_FAIL=$((T_FAIL + 1))
    fi
}

is() {
    if [ "$2" = "$3" ]; then
        _t_result 0 "$1"
    else
        _t_result 1 "$1"
        printf '%s\n' "$3" >"$T_TMP/want"
        printf '%s\n' "$2" >"$T_TMP/got"
        diff -u "$T_TMP/want" "$T_TMP/got" | sed 's/^/# /'
    fi
}

is_rc() {
    if [ "$RC" = "$2" ]; then
        _t_result 0 "$1"
    else
        _t_result 1 "$1"
        echo "#   exit status $RC, want $2; stderr: $ERR"
    fi
}

like() {
    if printf '%s\n' "$2" | grep -qE -- "$3"; then
        _t_result 0 "$1"
    else
        _t_result 1 "$1"
        echo "#   no match for /$3/ in:"
        printf '%s\n' "$2" | sed 's/^/#   | /'
    fi
}

done_testing() {
    echo "1..$T_N"
    [ "$T_FAIL" = 0 ]
}
