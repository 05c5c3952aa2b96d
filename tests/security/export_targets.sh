#!/bin/sh
# Security: exports of patient data write safely. A FIFO stays a FIFO and its reader gets the
# calendar; a device node stays a device; '-', a symlink to standard output and /dev/stdout write
# to standard output; a symlink is refused unless --follow; careplan export is 0600 under umask
# 022. Every target is made here, never the machine's own /dev/null.
. "$TESTLIB/cli.sh"
. "$TESTLIB/fixture.sh"
DB="$T_TMP/clinic.db"
NOW=2026-03-01T09:00
run() { cd_as alice $NOW "$@"; }
clinic $NOW
run patient add --mrn M1 --family "Núñez" --given "Zoë" --birth-date 1948-05-12
run appointment add M1 --at 2026-03-07T09:30 --duration 30 --with "Dr. Smith" --kind primary_care
run careplan add M1 --section problem --text "Heart failure" --code I50.9
is_rc "fixture" 0
umask 022

# the calendar without its DTSTAMP lines (the clock runs on from --now)
strip() { grep -v '^DTSTAMP' "$1"; }
run export-ics -o "$T_TMP/plain.ics"
WANT=$(strip "$T_TMP/plain.ics")
like "a plain export" "$WANT" 'BEGIN:VEVENT'

# a FIFO: written straight through, still a FIFO after; its reader gets the whole calendar
mkfifo "$T_TMP/fifo"
timeout 10 cat "$T_TMP/fifo" >"$T_TMP/from-fifo" &
reader=$!
run export-ics -o "$T_TMP/fifo"
wait $reader
is_rc "export to a FIFO" 0
is "it says where" "$OUT" "wrote 1 appointment to $T_TMP/fifo"
test -p "$T_TMP/fifo"; RC=$?
is_rc "the FIFO is still a FIFO" 0
is "the reader got the calendar" "$(strip "$T_TMP/from-fifo")" "$WANT"

# a character device made here (major 1, minor 3: a null device of the test's own)
if mknod "$T_TMP/null" c 1 3 2>/dev/null; then
    chmod 666 "$T_TMP/null"
    run export-ics -o "$T_TMP/null"
    is_rc "export to a device node" 0
    test -c "$T_TMP/null"; RC=$?
    is_rc "the device is still a device" 0
    is "with its mode" "$(stat -c %a "$T_TMP/null")" "666"
else
    for i in 1 2 3; do _t_result 0 "# SKIP mknod is not allowed here"; done
fi

# standard output: '-', a symlink to where it goes, then /dev/stdout itself
run export-ics -o -
is "-o - writes the calendar to stdout" "$(printf '%s\n' "$OUT" | grep -v '^DTSTAMP')" "$WANT"
ln -s /proc/self/fd/1 "$T_TMP/stdout"
run export-ics -o "$T_TMP/stdout"
is_rc "a symlink to standard output" 0
is "writes the calendar there, without the 'wrote' line" \
    "$(printf '%s\n' "$OUT" | grep -v '^DTSTAMP')" "$WANT"
test -L "$T_TMP/stdout"; ok_link=$?
RC=$ok_link
is_rc "and the symlink stays" 0
if [ "$ok_link" = 0 ] && [ -L /dev/stdout ]; then
    run export-ics -o /dev/stdout
    is_rc "-o /dev/stdout" 0
    is "writes the calendar to stdout" "$(printf '%s\n' "$OUT" | grep -v '^DTSTAMP')" "$WANT"
    test -L /dev/stdout; RC=$?
    is_rc "/dev/stdout is still a symlink" 0
else # a binary that replaced the test's symlink would replace the machine's /dev/stdout too
    for i in 1 2 3; do _t_result 1 "-o /dev/stdout: not run, the symlink case failed"; done
fi

# a symlink: refused, its target untouched; --follow writes the target
printf 'keep me\n' >"$T_TMP/target.ics"
chmod 644 "$T_TMP/target.ics"
ln -s target.ics "$T_TMP/link.ics"
run export-ics -o "$T_TMP/link.ics"
is_rc "export through a symlink is refused" 1
is "the sentence" "$ERR" "caredesk: $T_TMP/link.ics is a symlink; refusing to write through it (use --follow to write to its target)"
is "the target is untouched" "$(cat "$T_TMP/target.ics")" "keep me"
test -L "$T_TMP/link.ics"; RC=$?
is_rc "the symlink stays" 0
run export-ics -o "$T_TMP/link.ics" --follow
is_rc "--follow" 0
is "writes the target" "$(strip "$T_TMP/target.ics")" "$WANT"
is "which becomes 0600" "$(stat -c %a "$T_TMP/target.ics")" "600"
test -L "$T_TMP/link.ics"; RC=$?
is_rc "the symlink still a symlink" 0

# careplan export: 0600 under umask 022, never through a symlink
run careplan export M1 -o "$T_TMP/plan.txt"
is_rc "careplan export to a file" 0
is "0600 under umask 022" "$(stat -c %a "$T_TMP/plan.txt")" "600"
like "the plan is in it" "$(cat "$T_TMP/plan.txt")" 'Heart failure'
printf 'other file\n' >"$T_TMP/elsewhere.txt"
chmod 644 "$T_TMP/elsewhere.txt"
ln -s elsewhere.txt "$T_TMP/plan-link.txt"
run careplan export M1 --format json -o "$T_TMP/plan-link.txt"
is_rc "careplan export through a symlink is refused" 1
is "the sentence" "$ERR" "caredesk: $T_TMP/plan-link.txt is a symlink; refusing to write through it (use --follow to write to its target)"
is "the other file is untouched" "$(cat "$T_TMP/elsewhere.txt")" "other file"
run careplan export M1 --format json -o "$T_TMP/plan-link.txt" --follow
is_rc "--follow" 0
like "writes the target" "$(cat "$T_TMP/elsewhere.txt")" '"resourceType": "CarePlan"'
is "which becomes 0600" "$(stat -c %a "$T_TMP/elsewhere.txt")" "600"
is "no temporary file left" "$(ls -A "$T_TMP" | grep -c '^\.')" "0"
done_testing
