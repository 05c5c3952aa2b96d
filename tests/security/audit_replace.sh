#!/bin/sh
# Security: the audit log cannot be rewritten through the sqlite3 shell with REPLACE INTO or
# INSERT OR REPLACE (their implicit delete fires no DELETE trigger), nor added to out of the chain;
# UPDATE and DELETE stay refused. The entry is unchanged and the chain verifies afterwards.
. "$TESTLIB/cli.sh"
command -v sqlite3 >/dev/null 2>&1 || { echo "1..0 # SKIP sqlite3 shell not found"; exit 77; }
DB="$T_TMP/clinic.db"
run() { cd_run --db "$DB" --user boss --now 2026-11-02T09:00 "$@"; }
run init --clinic "North Clinic" --timezone America/New_York
run patient add --mrn 1001 --family Doe --given Jane --birth-date 1950-01-01
is_rc "fixture" 0
row() { sqlite3 "$DB" "SELECT id, at, user_id, entity, entity_id, action, detail, hex(hash) FROM audit_log WHERE id = 4"; }
before=$(row)
count=$(sqlite3 "$DB" "SELECT count(*) FROM audit_log")

for verb in "REPLACE" "INSERT OR REPLACE"; do
    out=$(sqlite3 "$DB" "$verb INTO audit_log(id, at, user_id, entity, entity_id, action, detail) VALUES (4, '2026-11-01T00:00:00Z', NULL, 'patient', 1, 'add', 'forged')" 2>&1)
    RC=$?
    like "$verb refused" "$RC" '^[1-9]'
    like "$verb: the trigger says why" "$out" "audit_log is append-only: an entry is added at the end of the chain"
    is "$verb: the entry is unchanged" "$(row)" "$before"
done
out=$(sqlite3 "$DB" "INSERT INTO audit_log(at, entity, action) VALUES ('2026-11-01T00:00:00Z', 'patient', 'add')" 2>&1)
like "an entry outside the chain refused" "$?" '^[1-9]'
like "the trigger says why" "$out" "audit_log is append-only: an entry is added at the end of the chain"
out=$(sqlite3 "$DB" "UPDATE audit_log SET detail = 'forged' WHERE id = 4" 2>&1)
like "UPDATE refused" "$?" '^[1-9]'
out=$(sqlite3 "$DB" "DELETE FROM audit_log WHERE id = 4" 2>&1)
like "DELETE refused" "$?" '^[1-9]'
is "nothing added or removed" "$(sqlite3 "$DB" "SELECT count(*) FROM audit_log")" "$count"
run audit verify
# acting as boss (--user) is audited first: one entry more
is "the chain verifies" "$OUT" "audit log verified: $((count + 1)) entries, chain intact"
done_testing
