#!/bin/sh
# SPDX-License-Identifier: MIT
# make bench: run every tests/bench/bench_*.sh with the built binary; each prints its figures.
set -u
: "${CAREDESK:?}"
dir=$(dirname "$0")
rc=0
for b in "$dir"/bench_*.sh; do
    [ -f "$b" ] || continue
    echo "== $(basename "$b" .sh)"
    sh "$b" || rc=1
done
exit $rc
