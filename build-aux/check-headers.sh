#!/bin/sh
# SPDX-License-Identifier: MIT
# check-headers.sh SRCDIR CC CFLAGS: every header compiles on its own.
src=$1; cc=$2; flags=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bad=0
for h in $(cd "$src" && find core tui -name "*.h" | sort); do
    h="$src/$h"
    rel=${h#"$src"/}
    printf '#include "config.h"\n#include "%s"\n' "$rel" >"$tmp/t.c"
    # shellcheck disable=SC2086
    if ! $cc -fsyntax-only -Wall -Wextra -I"$src" -I. $flags "$tmp/t.c" 2>"$tmp/err"; then
        echo "check-headers: $rel does not stand alone:" >&2
        cat "$tmp/err" >&2
        bad=1
    fi
done
[ $bad = 0 ] && echo "check-headers: ok"
exit $bad
