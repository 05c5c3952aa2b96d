#!/bin/sh
# A full disk says so, naming the database, whether it fills before caredesk opens the file or in
# the middle of an import; nothing is half-written, reading still works, and once there is room
# again everything committed is there.
. "$TESTLIB/cli.sh"
. "$(dirname "$0")/errors_lib.sh"
D="$T_TMP/full"
sec_mount_tmpfs "$D" 1m
DB="$D/f.db"
NOW=2026-11-20T10:00

cd_run --db "$DB" init --timezone America/New_York
is_rc "init on the small disk" 0
cd_run --db "$DB" --now $NOW patient add --mrn M1 --family Doe --given Jane --birth-date 1950-01-01
cd_run --db "$DB" --now $NOW note add M1 "before the disk filled"
is_rc "a note while there is room" 0

# Fill every block: the -shm file SQLite needs to open the database to write cannot be made.
dd if=/dev/zero of="$D/fill" bs=4k 2>/dev/null
cd_run --db "$DB" --now $NOW note add M1 "on a full disk"
is_rc "a write on a full disk fails" 1
is "it says the disk is full, naming the database" "$ERR" \
    "caredesk: the disk holding $DB is full; nothing was written"
cd_run --db "$DB" --now $NOW patient find Doe
is_rc "finding a patient still works" 0
is "and finds her" "$OUT" "id	mrn	patient	birth_date	phone	coordinator
1	M1	Doe, Jane	1950-01-01		"
cd_run --db "$DB" --now $NOW worklist
is_rc "the worklist still opens" 0
is "it notes that today's outreach was not generated" "$ERR" \
    "caredesk: the disk holding $DB is full; today's outreach was not generated"

rm -f "$D/fill"
cd_run --db "$DB" --now $NOW note add M1 "after the disk was freed"
is_rc "with room again the write works" 0
cd_run --db "$DB" --now $NOW timeline M1 --kind note
is "both notes written with room are there, the other is not" "$OUT" \
    "day	time	kind	who	text
2026-11-20	10:00	note	root	after the disk was freed
2026-11-20	10:00	note	root	before the disk filled"

# A disk that fills in the middle of an import: the file goes in whole or not at all.
awk 'BEGIN {
    print "MRN,Name,Birth_Date,Sex,Phone,Discharge_At,Admit_At,Facility,Setting,Disposition"
    for (i = 0; i < 3000; i++)
        printf "X%d,\"Patient%d, Long Given Name\",1950-01-01,F,555-0100,2026-11-18T14:30,2026-11-15T08:00,St. Mary Hospital of a Long Name,inpatient,01\n", i, i
}' >"$T_TMP/big.csv"
free_kb=$(df -k "$D" | awk 'NR == 2 { print $4 }')
dd if=/dev/zero of="$D/fill" bs=1k count=$((free_kb - 160)) 2>/dev/null
cd_run --db "$DB" --now $NOW import "$T_TMP/big.csv"
is_rc "an import that fills the disk fails" 1
like "it says the disk is full, naming the database" "$ERR" \
    "^caredesk: $T_TMP/big.csv:[0-9]+: the disk holding $DB is full; nothing was written\$"
rm -f "$D/fill"
cd_run --db "$DB" --now $NOW patient find X1
is "no patient of the failed import is there" "$OUT" "id	mrn	patient	birth_date	phone	coordinator"
if command -v sqlite3 >/dev/null 2>&1; then
    is "the file is sound" "$(sqlite3 "$DB" 'PRAGMA integrity_check')" "ok"
    is "no encounter of the failed import is there" \
        "$(sqlite3 "$DB" 'SELECT count(*) FROM encounters')" "0"
fi
done_testing
