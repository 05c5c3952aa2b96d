#!/bin/sh
# SPDX-License-Identifier: MIT
# Benchmark: the cost of an audit entry, which every write pays (the chain's lookup of the last
# entry, the SHA-256 and the insert trigger): 10,000 entries in one transaction and 1,000
# transactions of one entry each, on a fresh database, through core (bench_audit.c).
set -u
: "${CAREDESK:?}"
tmp="${BENCH_TMP:-/tmp}/audit.$$"
mkdir -p -m 700 "$tmp" && chmod 700 "$tmp"
trap 'rm -rf "$tmp"' EXIT
build=$(dirname "$CAREDESK")
src=$(cd "$(dirname "$0")/../.." && pwd)
if cc -O2 -I"$src" -I"$build" -o "$tmp/bench_audit" "$src/tests/bench/bench_audit.c" \
    "$build/core/libcaredesk.a" $(pkg-config --libs sqlite3 libical jansson nettle) -lm -lpthread \
    2>"$tmp/cc.log"; then
    for i in 1 2 3; do
        rm -f "$tmp/audit.db"*
        "$tmp/bench_audit" "$tmp/audit.db" 10000 1000 || exit 1
    done
    "$CAREDESK" --db "$tmp/audit.db" --user bench audit verify
else
    echo "bench_audit.c did not build:"; cat "$tmp/cc.log"
    exit 1
fi
