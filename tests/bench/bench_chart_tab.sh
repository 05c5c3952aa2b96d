#!/bin/sh
# SPDX-License-Identifier: MIT
# Benchmark: the patient chart switched to its Timeline tab for a patient with 10,000 events and
# one with 10 (the data of bench_timeline.sh), in a real 80x24 pseudo-terminal without tmux: from
# the key 2 on the chart (opened with g from the worklist) to the last byte of the redrawn screen:
# the header, the tab row and the first timeline rows.
# Target: under 10 ms for the first screen.
set -u
: "${CAREDESK:?}"
command -v python3 >/dev/null 2>&1 || { echo "python3 not found: skipped"; exit 0; }
tmp="${BENCH_TMP:-/tmp}/chart_tab.$$"
mkdir -p -m 700 "$tmp"
trap 'rm -rf "$tmp"' EXIT
db="$tmp/bench.db"
cd_() { "$CAREDESK" --user bench --db "$db" --now 2026-11-02T09:00 "$@"; }
cd_ init --clinic "Bench Clinic" --timezone America/New_York >/dev/null || exit 1
cd_ patient add --mrn BIG --family Many --given Events --birth-date 1950-01-01 >/dev/null || exit 1
cd_ patient add --mrn SMALL --family Few --given Events --birth-date 1950-01-01 >/dev/null || exit 1
sed -n "/^sqlite3 \"\$db\" <<'SQL'/,/^SQL\$/p" "$(dirname "$0")/bench_timeline.sh" | sed '1d;$d' |
    sqlite3 "$db" || exit 1
# the workstation runs as whoever runs the benchmark (acting as someone else is a write of its own)
sqlite3 "$db" "INSERT OR IGNORE INTO users(login, name, role, created_at) VALUES ('$(id -un)', 'Bench runner', 'admin', '2026-01-01T00:00:00Z')" || exit 1
CD_DB=$db python3 - <<'PY'
import os, pty, select, statistics, struct, fcntl, termios, time

def run():
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(TERM="xterm-256color", LANG="C.UTF-8", ESCDELAY="25")
        os.execv(os.environ["CAREDESK"], ["caredesk", "--db", os.environ["CD_DB"],
                                          "--now", "2026-11-02T09:00"])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    return pid, fd

def read_until(fd, needle, timeout=10.0):
    """Read until NEEDLE has come and the program has been quiet for 3 ms: the time of the last
    byte of that screen."""
    buf, seen, last, end = b"", False, None, time.monotonic() + timeout
    while time.monotonic() < end:
        r, _, _ = select.select([fd], [], [], 0.003 if seen else 0.05)
        if not r:
            if seen:
                return last
            continue
        data = os.read(fd, 65536)
        last = time.monotonic()
        buf += data
        if needle in buf:
            seen = True
    raise SystemExit("timeout waiting for %r" % needle)

pid, fd = run()
read_until(fd, b"Enter")
for who in (b"BIG", b"SMALL"):
    times = []
    for i in range(15):
        os.write(fd, b"g")
        read_until(fd, b"MRN):")
        os.write(fd, who + b"\r")
        read_until(fd, b"Contacts (")
        t0 = time.monotonic()
        os.write(fd, b"2")
        t1 = read_until(fd, b"Expand")
        times.append((t1 - t0) * 1000)
        os.write(fd, b"q")
        read_until(fd, b"Callback")
    print("chart %s: key 2 to the Timeline tab drawn: %.1f ms median, %.1f ms best (15 runs, pty)"
          % (who.decode(), statistics.median(times), min(times)))
os.write(fd, b"q")
os.waitpid(pid, 0)
PY
