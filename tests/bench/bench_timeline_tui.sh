#!/bin/sh
# SPDX-License-Identifier: MIT
# Benchmark: the timeline screen, end to end in tmux at 80x24: from the Enter after the MRN to the
# first screen of entries, for a patient with 10,000 events and one with 10 (the data of
# bench_timeline.sh); then G (to the oldest entry) and a jump to a date three years back; then the
# patient's chart (g from the worklist) switched to its Timeline tab with 2: key to screen.
# The tmux figures include capture-pane polling, tens of ms a poll on a busy machine: compare
# them with each other (and with the in-process figures printed first), not with a target.
set -u
: "${CAREDESK:?}"
command -v tmux >/dev/null 2>&1 || { echo "tmux not found: skipped"; exit 0; }
tmp="${BENCH_TMP:-/tmp}/timeline_tui.$$"
mkdir -p -m 700 "$tmp"
sock="cd-bench-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
db="$tmp/bench.db"
cd_() { "$CAREDESK" --user bench --db "$db" --now 2026-11-02T09:00 "$@"; }
cd_ init --clinic "Bench Clinic" --timezone America/New_York >/dev/null || exit 1
cd_ patient add --mrn BIG --family Many --given Events --birth-date 1950-01-01 >/dev/null || exit 1
cd_ patient add --mrn SMALL --family Few --given Events --birth-date 1950-01-01 >/dev/null || exit 1
# the same 10,000 + 10 events as bench_timeline.sh (its SQL, read from it)
sed -n "/^sqlite3 \"\$db\" <<'SQL'/,/^SQL\$/p" "$(dirname "$0")/bench_timeline.sh" | sed '1d;$d' |
    sqlite3 "$db" || exit 1

# what the screen asks core for, in process (no terminal)
build=$(dirname "$CAREDESK")
src=$(cd "$(dirname "$0")/../.." && pwd)
if cc -O2 -I"$src" -I"$build" -o "$tmp/bench_view" "$src/tests/bench/bench_timeline_view.c" \
    "$build/core/libcaredesk.a" $(pkg-config --libs sqlite3 libical jansson nettle) -lm 2>"$tmp/cc.log"; then
    "$tmp/bench_view" "$db" BIG 100
    "$tmp/bench_view" "$db" SMALL 100
else
    echo "bench_timeline_view.c did not build:"; cat "$tmp/cc.log"
fi

now_ns() { date +%s%N; }
screen() { tmux -L "$sock" capture-pane -p -t b; }
keys() { tmux -L "$sock" send-keys -t b "$@"; }
wait_for() { # ERE: poll until the screen matches; prints nothing, fails after 10 s
    local end=$(($(now_ns) + 10000000000))
    until screen | grep -qE -- "$1"; do
        [ "$(now_ns)" -ge "$end" ] && { echo "timeout waiting for /$1/"; screen; exit 1; }
    done
}
tmux -L "$sock" -f /dev/null new-session -d -s b -x 80 -y 24 \
    env ESCDELAY=25 LANG=C.UTF-8 TERM=tmux-256color "$CAREDESK" --user bench --db "$db" --now 2026-11-02T09:00
wait_for '^ (My list|Team|Everyone)'
keys S
wait_for '^  Patients'
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
for who in BIG SMALL; do
    : >"$tmp/times"
    i=0
    while [ $i -lt 15 ]; do
        keys L
        wait_for 'Timeline of MRN:'
        tmux -L "$sock" send-keys -t b -l "$who"
        wait_for "Timeline of MRN: $who"
        t0=$(now_ns)
        keys Enter
        wait_for '^ 2026-1[01]-[0-9]{2} [0-9:]{5} '
        echo $((($(now_ns) - t0) / 1000)) >>"$tmp/times"
        keys q
        wait_for '^  Patients'
        i=$((i + 1))
    done
    echo "timeline $who: first screen $(median <"$tmp/times") us (median of 15, Enter to screen)"
done
keys L
tmux -L "$sock" send-keys -t b -l BIG
keys Enter
wait_for '^ 2026-1[01]-[0-9]{2} '
t0=$(now_ns)
keys G
wait_for '^ 2023-'
echo "timeline BIG: G to the oldest of 10,000 entries $((($(now_ns) - t0) / 1000)) us"
keys g d
wait_for 'Jump to date'
tmux -L "$sock" send-keys -t b -l 2024-01-15
t0=$(now_ns)
keys Enter
wait_for '^ 2024-01-15: entries from'
echo "timeline BIG: jump to 2024-01-15 $((($(now_ns) - t0) / 1000)) us (the list already read)"
keys q q
wait_for '^ (My list|Team|Everyone)'
for who in BIG SMALL; do
    : >"$tmp/times"
    i=0
    while [ $i -lt 15 ]; do
        keys g
        wait_for 'Patient \(name or MRN\):|Go to'
        tmux -L "$sock" send-keys -t b -l "$who"
        keys Enter
        wait_for '^  Contacts \([0-9]+\)   Timeline'
        t0=$(now_ns)
        keys 2
        wait_for '^ 2026-1[01]-[0-9]{2} [0-9:]{5} '
        echo $((($(now_ns) - t0) / 1000)) >>"$tmp/times"
        keys q
        wait_for '^ (My list|Team|Everyone)'
        i=$((i + 1))
    done
    echo "chart $who: 2 to the Timeline tab's first screen $(median <"$tmp/times") us (median of 15)"
done
keys q
