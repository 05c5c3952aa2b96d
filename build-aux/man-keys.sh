#!/bin/sh
# SPDX-License-Identifier: MIT
# man-keys.sh [--check] MANPAGE < KEYS.tsv
# Write the KEYS section of the man page from `caredesk keys --format tsv`, between the lines
# '.\" BEGIN KEYS' and '.\" END KEYS'. With --check, only report whether it is up to date.
set -eu
check=0
if [ "$1" = --check ]; then check=1; shift; fi
man=$1
tmp=$(mktemp)
trap 'rm -f "$tmp" "$tmp.keys"' EXIT
awk -F'\t' 'NR > 1 {
    if ($1 != scope) { scope = $1; printf ".SS %s\n", scope }
    key = $2; gsub(/\\/, "\\\\e", key)
    printf ".TP\n.B %s\n%s: %s\n", key, $3, $4
}' > "$tmp.keys"
awk -v keys="$tmp.keys" '
    /^\.\\" BEGIN KEYS/ { print; while ((getline line < keys) > 0) print line; skip = 1; next }
    /^\.\\" END KEYS/ { skip = 0 }
    !skip { print }' "$man" > "$tmp"
if [ $check = 1 ]; then
    if cmp -s "$tmp" "$man"; then exit 0; fi
    echo "man-keys.sh: the KEYS section of $man is out of date; run: ./caredesk keys --format tsv | build-aux/man-keys.sh $man" >&2
    diff -u "$man" "$tmp" | head -40 >&2
    exit 1
fi
cat "$tmp" > "$man"
