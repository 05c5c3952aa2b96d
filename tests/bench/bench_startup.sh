#!/bin/sh
# SPDX-License-Identifier: MIT
# Benchmark: workstation start to first screen, and its resident memory (DESIGN.md: under
# 100 ms, under 32 MiB). The binary runs on a pseudo-terminal of 80x24 and 132x40; the clock
# stops when the worklist's title line ("My list") has been written to the terminal, which is
# after the first full draw. Peak resident memory (VmHWM) is read from /proc while the first
# screen stands, then again after paging through the whole list (End), then q.
# BENCH_DB: a database to use (copied first; e.g. a 100,000-patient demo); otherwise a demo
# database of BENCH_PATIENTS (default 2,000) is made. BENCH_NOW: the clock (default the demo's).
set -u
: "${CAREDESK:?}"
command -v python3 >/dev/null 2>&1 || { echo "python3 not found: skipped"; exit 0; }
tmp="${BENCH_TMP:-/tmp}/startup.$$"
mkdir -p -m 700 "$tmp"
trap 'rm -rf "$tmp"' EXIT
now="${BENCH_NOW:-2026-11-23T09:00}"
db="$tmp/bench.db"
if [ -n "${BENCH_DB:-}" ]; then
    cp "$BENCH_DB" "$db" || exit 1
else
    "$CAREDESK" --user bench --db "$db" --now "$now" demo --patients "${BENCH_PATIENTS:-2000}" >/dev/null ||
        exit 1
fi
# the first start of the day makes the day's generated tasks: do it once, outside the figures
"$CAREDESK" --user mrivera --db "$db" --now "$now" worklist >/dev/null || exit 1
echo "patients: $(sqlite3 "$db" 'SELECT count(*) FROM patients')"

python3 - "$CAREDESK" "$db" "$now" <<'PY'
import fcntl, os, pty, select, statistics, struct, sys, termios, time

binary, db, now = sys.argv[1:4]

def hwm(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return 0.0

def read_until(fd, needle, deadline):
    seen = b""
    while needle not in seen:
        left = deadline - time.monotonic()
        if left <= 0:
            raise SystemExit(f"timeout waiting for {needle!r}; got {seen[-200:]!r}")
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                raise SystemExit("the workstation exited early")
            if not chunk:
                raise SystemExit("the workstation exited early")
            seen = seen[-64:] + chunk
    return seen

def drain(fd, quiet=0.15):
    while select.select([fd], [], [], quiet)[0]:
        try:
            if not os.read(fd, 65536):
                return
        except OSError:
            return

def run(cols, rows):
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", ESCDELAY="25")
        env.pop("NO_COLOR", None)
        os.execve(binary, [binary, "--user", "mrivera", "--db", db, "--now", now], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    t0 = time.monotonic()
    read_until(fd, b"My list", t0 + 20)
    first = (time.monotonic() - t0) * 1000.0
    drain(fd)
    rss_first = hwm(pid)
    os.write(fd, b"\x1bOF")  # End (kend of xterm-256color): the last row
    drain(fd, 0.3)
    rss_end = hwm(pid)
    os.write(fd, b"q")
    drain(fd)
    os.waitpid(pid, 0)
    os.close(fd)
    return first, rss_first, rss_end

for cols, rows in ((80, 24), (132, 40)):
    runs = [run(cols, rows) for _ in range(15)]
    firsts = sorted(r[0] for r in runs)
    print(f"{cols}x{rows}: start to first screen median {statistics.median(firsts):.1f} ms "
          f"(best {firsts[0]:.1f}, worst {firsts[-1]:.1f}; 15 runs); "
          f"peak RSS {max(r[1] for r in runs):.1f} MiB at first screen, "
          f"{max(r[2] for r in runs):.1f} MiB after End")
PY
