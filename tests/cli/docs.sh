#!/bin/sh
# The docs cannot drift: the man page's KEYS section is what `caredesk keys` prints, and every
# sub-command is in the man page and in README.md.
. "$TESTLIB/cli.sh"
SRC="$TESTLIB/../.."

cd_run keys --format tsv
printf '%s\n' "$OUT" >"$T_TMP/keys.tsv"
sh "$SRC/build-aux/man-keys.sh" --check "$SRC/caredesk.1" <"$T_TMP/keys.tsv" 2>"$T_TMP/err"
RC=$?
is_rc "caredesk.1 KEYS section matches caredesk keys" 0
[ "$RC" = 0 ] || sed 's/^/# /' "$T_TMP/err"

cd_run --help
cmds=$(printf '%s\n' "$OUT" | sed -n '/^Sub-commands:/,/^$/p' | awk 'NF && !/Sub-commands/ {print $1}')
n=$(printf '%s\n' "$cmds" | wc -l)
like "--help lists the sub-commands" "$n" '^[1-9][0-9]+$'
for c in $cmds; do
    esc=$(printf '%s' "$c" | sed 's/-/\\\\-/g')
    if grep -q "^\.B $esc\b" "$SRC/caredesk.1" || grep -q "^\.B $esc \|^\.B $esc$" "$SRC/caredesk.1"; then
        _t_result 0 "caredesk.1 documents '$c'"
    else
        _t_result 1 "caredesk.1 documents '$c'"
    fi
    if grep -q "\`$c" "$SRC/README.md"; then
        _t_result 0 "README.md documents '$c'"
    else
        _t_result 1 "README.md documents '$c'"
    fi
done
done_testing
