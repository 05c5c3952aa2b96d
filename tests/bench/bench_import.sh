#!/bin/sh
# SPDX-License-Identifier: MIT
# Import 10,000 HL7 ADT^A03 discharges into a fresh database; print records per second.
set -eu
: "${CAREDESK:?}"
N=${BENCH_IMPORT_N:-10000}
tmp=${BENCH_TMP:-/tmp}/import.$$
mkdir -p -m 700 "$tmp"
[ -n "${BENCH_KEEP:-}" ] || trap 'rm -rf "$tmp"' EXIT
awk -v n="$N" 'BEGIN {
    for (i = 1; i <= n; i++) {
        d = 1 + i % 20
        printf "MSH|^~\\&|EPIC|STMARY|CAREDESK|CLINIC|202611%02d1005||ADT^A03^ADT_A03|B%06d|P|2.5.1\r", d, i
        printf "EVN|A03|202611%02d1000\r", d
        printf "PID|1||%d^^^STMARY^MR||Family%d^Given%d||19%02d0101|%s|||||555-%04d\r", 100000 + i, i, i, 30 + i % 60, (i % 2 ? "F" : "M"), i % 10000
        printf "PV1|1|I|4W^^^STMARY|E|||||||||||||||V%06d|||||||||||||||||01||||||||202611%02d0800|202611%02d1400\r", i, d, d
        printf "DG1|1||I50.9^Heart failure^I10\r"
    }
}' >"$tmp/a03.hl7"
"$CAREDESK" --user bench --db "$tmp/db" --now 2026-11-23T09:00 init --timezone America/New_York >/dev/null
start=$(date +%s.%N)
"$CAREDESK" --user bench --db "$tmp/db" --now 2026-11-23T09:00 import "$tmp/a03.hl7"
end=$(date +%s.%N)
awk -v n="$N" -v s="$start" -v e="$end" 'BEGIN {
    printf "import of %d HL7 A03 discharges: %.2f s, %.0f records per second\n", n, e - s, n / (e - s)
}'
