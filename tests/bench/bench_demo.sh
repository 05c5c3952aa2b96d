#!/bin/sh
# SPDX-License-Identifier: MIT
# bench_demo: time 'caredesk demo --patients N' (default 100000) on a fresh database and print
# the seconds and the row counts, then run 'caredesk check' on it: the demo is made by the rules, so
# it must find nothing (make check holds this at 2,000 patients; here at N). Budget: under 60 s
# for 100,000 patients on 2 cores.
set -u
: "${CAREDESK:?}"
n=${BENCH_PATIENTS:-100000}
dir=${BENCH_TMP:-${TMPDIR:-/tmp}}/bench-demo.$$
mkdir -p -m 700 "$dir" || exit 1
trap 'rm -rf "$dir"' EXIT
db="$dir/demo.db"
start=$(date +%s.%N)
"$CAREDESK" --user bench --db "$db" --now 2026-11-02T09:00 demo --patients "$n" || exit 1
end=$(date +%s.%N)
secs=$(echo "$start $end" | awk '{ printf "%.1f", $2 - $1 }')
echo "demo --patients $n: $secs s (budget 60 s)"
if command -v sqlite3 >/dev/null 2>&1; then
    total=0
    for t in users patients conditions encounters enrollments tasks contacts time_entries \
             appointments care_plans care_plan_versions care_plan_items referrals notes; do
        c=$(sqlite3 "$db" "SELECT count(*) FROM $t")
        total=$((total + c))
        printf '  %-20s %9d\n' "$t" "$c"
    done
    printf '  %-20s %9d\n' "total rows" "$total"
    printf '  %-20s %9d MiB\n' "database" $(( $(stat -c %s "$db") / 1048576 ))
fi
start=$(date +%s.%N)
found=$("$CAREDESK" --user bench --db "$db" --now 2026-11-02T09:00 check 2>&1)
crc=$?
end=$(date +%s.%N)
echo "check on it: $(echo "$start $end" | awk '{ printf "%.1f", $2 - $1 }') s, exit $crc"
if [ "$crc" != 0 ]; then
    printf '%s\n' "$found" | tail -20
    echo "the demo contradicts caredesk's rules"
    exit 1
fi
awk -v s="$secs" 'BEGIN { exit !(s < 60) }' || { echo "over budget"; exit 1; }
