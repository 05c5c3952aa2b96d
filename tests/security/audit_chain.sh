#!/bin/sh
# Security: someone with the sqlite3 shell drops the audit log's triggers and rewrites an entry,
# inserts one, or removes one; 'caredesk audit verify' exits 1 naming the first bad entry and what
# is wrong, each time. An untouched copy verifies.
. "$TESTLIB/cli.sh"
command -v sqlite3 >/dev/null 2>&1 || { echo "1..0 # SKIP sqlite3 shell not found"; exit 77; }
DB="$T_TMP/clinic.db"
run() { cd_run --db "$1" --user boss --now 2026-11-02T09:00 "$2" "$3"; }
cd_run --db "$DB" --user boss --now 2026-11-02T09:00 init --timezone America/New_York
for m in 1001 1002 1003; do
    cd_run --db "$DB" --user boss --now 2026-11-02T09:00 patient add --mrn $m --family Doe --given Jane --birth-date 1950-01-01
done
cd_run --db "$DB" --user boss --now 2026-11-02T09:00 note add 1002 "called back"
is_rc "fixture" 0
N=$(sqlite3 "$DB" "SELECT count(*) FROM audit_log")
UNGUARD="DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_append_only;"

cp "$DB" "$T_TMP/intact.db"
run "$T_TMP/intact.db" audit verify
is_rc "intact: exit 0" 0
# the verifier acts as boss (--user): that is audited before the walk, so one entry more
is "intact: the count" "$OUT" "audit log verified: $((N + 1)) entries, chain intact"

cp "$DB" "$T_TMP/rewritten.db"
sqlite3 "$T_TMP/rewritten.db" "$UNGUARD UPDATE audit_log SET detail = '1009' WHERE id = 5"
run "$T_TMP/rewritten.db" audit verify
is_rc "rewritten: exit 1" 1
is "rewritten: named" "$ERR" "caredesk: audit entry 5 was altered (its hash does not match its content)"

cp "$DB" "$T_TMP/inserted.db"
sqlite3 "$T_TMP/inserted.db" "$UNGUARD INSERT INTO audit_log(at, user_id, entity, entity_id, action, detail) VALUES ('2026-11-02T14:00:00Z', 1, 'patient', 2, 'update', '1002')"
run "$T_TMP/inserted.db" audit verify
is_rc "inserted: exit 1" 1
is "inserted: named" "$ERR" "caredesk: audit entry $((N + 1)) was inserted out of the chain"
# caredesk writes on after the insertion; the insertion is still what verify names
cd_run --db "$T_TMP/inserted.db" --user boss --now 2026-11-02T09:30 note add 1003 "later"
is_rc "writing goes on after an insertion" 0
run "$T_TMP/inserted.db" audit verify
is "inserted: still the first bad entry" "$ERR" "caredesk: audit entry $((N + 1)) was inserted out of the chain"

cp "$DB" "$T_TMP/removed.db"
sqlite3 "$T_TMP/removed.db" "$UNGUARD DELETE FROM audit_log WHERE id = 4"
run "$T_TMP/removed.db" audit verify
is_rc "removed: exit 1" 1
is "removed: named" "$ERR" "caredesk: audit entry 4 is missing (the chain breaks between 3 and 5)"
done_testing
