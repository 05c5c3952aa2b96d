#!/bin/sh
# SPDX-License-Identifier: MIT
# run.sh [N]: the crash suite. N (default 1000) SIGKILLs of caredesk writing a real database
# file: an import of a few hundred discharges, time add, log-call, careplan add and edit, timer
# stop, in turn. After each kill the file must pass PRAGMA integrity_check, open, and hold the
# killed command's write all or not at all; a command that finished (or said it saved) must have
# saved. Prints TAP and a table of where the kills landed.
#
# Random but reproducible: CRASH_SEED=S replays a run's choices (commands, kill points, as
# fractions of each command's measured timing). Kills are aimed from a calibration of each
# command: most at a random point of its write transaction (after crash_kill sees the WAL write
# lock taken), the rest at a random point of the whole run (start-up, reads, the checkpoint at
# close). crash_kill stops the process before killing it and reads its locks, so the phase
# reported is where the kill landed.
#
# Environment: CAREDESK (the binary), CRASH_KILL (default: tests/crash/crash_kill beside it),
# CRASH_SEED, CRASH_TMP (where the database goes; default $TMPDIR or /tmp, a real disk is best:
# tmpfs has no fsync to land in).
set -u
N=${1:-1000}
: "${CAREDESK:?CAREDESK must name the caredesk binary}"
CRASH_DIR=$(cd "$(dirname "$0")" && pwd)
KILLER=${CRASH_KILL:-$(dirname "$CAREDESK")/tests/crash/crash_kill}
SEED=${CRASH_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
for tool in sqlite3 awk; do
    command -v $tool >/dev/null 2>&1 || {
        echo "1..0 # SKIP $tool not found"
        exit 0
    }
done
[ -x "$KILLER" ] || {
    echo "Bail out! no crash_kill at $KILLER (make check builds it)"
    exit 1
}
W=$(mktemp -d "${CRASH_TMP:-${TMPDIR:-/tmp}}/caredesk-crash.XXXXXX")
trap 'rm -rf "$W"' EXIT
DB="$W/crash.db"
export XDG_DATA_HOME="$W/xdg" XDG_CONFIG_HOME="$W/xdgconf" HOME="$W/home"
unset CAREDESK_DB
mkdir -p "$HOME"
. "$CRASH_DIR/lib.sh"

KINDS="import time_add log_call careplan_add careplan_edit timer_stop death"
label() {
    case $1 in
    import) echo import ;;
    time_add) echo "time add" ;;
    log_call) echo log-call ;;
    careplan_add) echo "careplan add" ;;
    careplan_edit) echo "careplan edit" ;;
    timer_stop) echo "timer stop" ;;
    death) echo "patient deceased" ;;
    esac
}
# centiseconds since boot, without starting a process
clock_cs() {
    read -r up _ </proc/uptime
    echo "${up%.*}${up#*.}"
}
ms() { echo "$(($1 / 1000)).$(($1 % 1000 / 100))"; }
# parse_report: the last crash_kill report as R_killed, R_phase, R_exit, R_at_us, R_total_us ...
parse_report() {
    R_killed=0 R_phase="" R_exit="" R_at_us=0 R_total_us=0 R_lock_at_us=-1 R_held_us=-1
    read -r line <"$W/report"
    for kv in $line; do
        eval "R_${kv%%=*}=\${kv#*=}"
    done
}
snap() {
    "sql_$1" "$2"
    q "$SQL"
}

t_start=$(clock_cs)
echo "# crash suite: $N kills on $DB, seed $SEED (replay: CRASH_SEED=$SEED)"
crash_setup || {
    echo "Bail out! setting up the database failed"
    exit 1
}

# Calibrate: run each command three times to the end (real writes, marked with kill numbers
# 9001-9018 that no kill uses) and keep the median whole run and time to the write transaction,
# and its shortest hold of the write lock (aiming at the median, a kill lands after the commit
# whenever a run writes faster).
cal_k=9000
CAL=""
for kind in $KINDS; do
    : >"$W/cal"
    for _ in 1 2 3; do
        cal_k=$((cal_k + 1))
        "prep_$kind" $cal_k || {
            echo "Bail out! preparing $kind failed"
            exit 1
        }
        # shellcheck disable=SC2086
        "$KILLER" -m measure -s "$DB-shm" -o "$W/out" -- "$CAREDESK" --db "$DB" --now "$AT" \
            $ARGS >"$W/report"
        parse_report
        if [ "$R_exit" != 0 ]; then
            echo "Bail out! $(label $kind) failed when not killed: $(cat "$W/out")"
            exit 1
        fi
        [ "$kind" = timer_stop ] && TIMER_RUNNING=0
        echo "$R_total_us $R_lock_at_us $R_held_us" >>"$W/cal"
    done
    set -- $(sort -n -k1,1 "$W/cal" | sed -n 2p | cut -d' ' -f1) \
        $(sort -n -k2,2 "$W/cal" | sed -n 2p | cut -d' ' -f2) \
        $(sort -n -k3,3 "$W/cal" | sed -n 1p | cut -d' ' -f3)
    CAL="$CAL $kind=$1,$3"
    echo "# $(label $kind): runs in $(ms "$1") ms, begins writing at $(ms "$2") ms, holds the write lock $(ms "$3") ms or more"
done

# The plan: kill K runs kind K mod 7; four kills in five of each kind are aimed at a random point
# of its write transaction (lock mode: microseconds after it begins, up to its shortest hold), the
# fifth at a random point of the whole run (time mode: up to 1.1 times its length), so start-up,
# reads and the checkpoint at close are hit too. The points come from the seed alone.
awk -v seed="$SEED" -v n="$N" -v cal="$CAL" 'BEGIN {
    nk = split("import time_add log_call careplan_add careplan_edit timer_stop death", ks, " ")
    m = split(cal, cs, " ")
    for (i = 1; i <= m; i++) {
        split(cs[i], kv, "="); split(kv[2], th, ",")
        total[kv[1]] = th[1]; held[kv[1]] = th[2]
    }
    srand(seed)
    for (k = 1; k <= n; k++) {
        kind = ks[(k - 1) % nk + 1]
        u = rand()
        if (int((k - 1) / nk) % 5 != 4 && held[kind] > 0)
            printf "%d %s lock %d\n", k, kind, u * held[kind]
        else
            printf "%d %s time %d\n", k, kind, u * total[kind] * 1.1
    }
}' >"$W/plan"

T=0
FAILS=0
: >"$W/tally"
while read -r k kind mode delay; do
    T=$((T + 1))
    t0=$(clock_cs)
    if ! "prep_$kind" "$k"; then
        echo "not ok $T - $(label $kind) kill $k: preparing it failed"
        FAILS=$((FAILS + 1))
        continue
    fi
    before=$(snap "$kind" "$k")
    # shellcheck disable=SC2086
    "$KILLER" -m "$mode" -d "$delay" -s "$DB-shm" -o "$W/out" -- "$CAREDESK" --db "$DB" \
        --now "$AT" $ARGS >"$W/report"
    parse_report
    phase=$R_phase
    [ "$R_killed" = 1 ] || phase=finished
    problems=""
    # the file is sound (read before caredesk opens it again), then caredesk opens it
    "sql_$kind" "$k"
    q "$CHECK_SQL SELECT '='; $SQL" >"$W/check" 2>&1
    integrity=$(sed '/^=$/,$d' "$W/check")
    after=$(sed '1,/^=$/d' "$W/check")
    [ "$integrity" = ok ] || problems="; integrity: $integrity"
    "$CAREDESK" --db "$DB" --now "$AT" status >/dev/null 2>"$W/status.err" ||
        problems="$problems; does not open: $(cat "$W/status.err")"
    want=$("want_$kind" "$before")
    if [ "$after" = "$before" ]; then
        state=none
    elif [ "$after" = "$want" ]; then
        state=all
    else
        state=part
        problems="$problems; half-written: before $before, after $after, whole $want"
    fi
    if [ "$R_killed" != 1 ] && [ "$R_exit" != 0 ]; then
        problems="$problems; it failed by itself: $(cat "$W/out")"
    elif [ "$R_killed" != 1 ] && [ "$state" != all ]; then
        problems="$problems; it finished but its write is missing"
    elif [ -s "$W/out" ] && [ "$state" != all ]; then
        problems="$problems; it said '$(head -1 "$W/out")' but its write is missing"
    fi
    [ "$kind" = timer_stop ] && TIMER_RUNNING=${after%%|*}
    t1=$(clock_cs)
    echo "$kind $phase $state $((t1 - t0))" >>"$W/tally"
    if [ -z "$problems" ]; then
        echo "ok $T - $(label $kind) kill $k ($mode): at $(ms "$R_at_us") ms, $phase; sound, opens, write $state"
    else
        echo "not ok $T - $(label $kind) kill $k ($mode): at $(ms "$R_at_us") ms, $phase$problems"
        FAILS=$((FAILS + 1))
        kept="${W%/*}/caredesk-crash-$SEED-$k.db"
        cp "$DB" "$kept" 2>/dev/null && echo "#   the database is kept as $kept"
    fi
done <"$W/plan"

echo "# where the kills landed (txn: inside the write transaction; recovery: rebuilding the WAL"
echo "# index at open; checkpoint: copying the WAL into the file at close; outside: elsewhere,"
echo "# before the write or after it; finished: it ended first). all/none: the write after the kill"
awk -v wall="$(($(clock_cs) - t_start))" -v seed="$SEED" '
{ n[$1]++; p[$1, $2]++; s[$1, $3]++; t[$1] += $4; all++; tt += $4; if ($2 == "txn") tx++ }
END {
    printf "# %-14s %5s %5s %8s %10s %7s %8s %5s %5s %7s\n", "command", "kills", "txn", "recovery",
        "checkpoint", "outside", "finished", "all", "none", "ms/kill"
    nk = split("import time_add log_call careplan_add careplan_edit timer_stop death", ks, " ")
    for (i = 1; i <= nk; i++) {
        c = ks[i]
        if (!n[c]) continue
        printf "# %-14s %5d %5d %8d %10d %7d %8d %5d %5d %7.0f\n", c, n[c], p[c, "txn"],
            p[c, "recovery"], p[c, "checkpoint"], p[c, "outside"], p[c, "finished"], s[c, "all"],
            s[c, "none"], t[c] * 10 / n[c]
    }
    printf "# %d kills, %d inside a write transaction; %.0f ms per kill; wall %.1f s (seed %s)\n",
        all, tx, all ? tt * 10 / all : 0, wall / 100, seed
}' "$W/tally"
echo "1..$T"
[ $FAILS = 0 ]
