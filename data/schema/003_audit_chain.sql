-- SPDX-License-Identifier: MIT
-- caredesk schema v3: the audit log becomes tamper-evident.
--
-- * Each entry names the patient it concerns (patient_id: the patient of the task, note,
--   appointment ... it is about, or the patient whose data was read), so a supervisor can ask
--   "who looked at or changed this patient" through one index.
-- * Each entry is chained to the one before: prev_hash is the previous entry's hash (32 zero
--   bytes for the first) and hash is SHA-256 over prev_hash and the entry's own content, in the
--   canonical encoding defined in core/store/audit.c. caredesk computes it in C inside the
--   writer's transaction; 'caredesk audit verify' walks the chain.
-- * A BEFORE INSERT trigger accepts an entry only at the end of the chain: its id one past the
--   last, its prev_hash the last entry's hash. REPLACE INTO and INSERT OR REPLACE (whose
--   implicit delete fires no DELETE trigger) and an INSERT without an id are refused.
--
-- Every look at the end of the log says NOT INDEXED: with statistics from when the log was small
-- the planner would rather scan an index and sort, once per entry written.
--
-- The entries already in the log are given their patient and chained here, oldest first, with
-- cd_audit_hash(), the SQL function the store registers on every connection it opens (the same
-- C code as the writer). The UPDATE trigger is dropped for that and created again, unchanged.

ALTER TABLE audit_log ADD COLUMN patient_id INTEGER;
ALTER TABLE audit_log ADD COLUMN prev_hash BLOB;
ALTER TABLE audit_log ADD COLUMN hash BLOB;

DROP TRIGGER audit_log_no_update;

UPDATE audit_log SET patient_id = CASE entity
    WHEN 'patient' THEN entity_id
    WHEN 'timer' THEN entity_id
    WHEN 'appointment' THEN (SELECT patient_id FROM appointments WHERE id = audit_log.entity_id)
    WHEN 'care_plan' THEN (SELECT patient_id FROM care_plans WHERE id = audit_log.entity_id)
    WHEN 'contact' THEN (SELECT patient_id FROM contacts WHERE id = audit_log.entity_id)
    WHEN 'encounter' THEN (SELECT patient_id FROM encounters WHERE id = audit_log.entity_id)
    WHEN 'enrollment' THEN (SELECT patient_id FROM enrollments WHERE id = audit_log.entity_id)
    WHEN 'note' THEN (SELECT patient_id FROM notes WHERE id = audit_log.entity_id)
    WHEN 'task' THEN (SELECT patient_id FROM tasks WHERE id = audit_log.entity_id)
    WHEN 'time_entry' THEN (SELECT patient_id FROM time_entries WHERE id = audit_log.entity_id)
END;

-- The chain of the existing entries, oldest first: each step hashes the next entry by id onto
-- the hash of the one before. Kept in a temporary table keyed by id, then written back.
CREATE TEMP TABLE audit_chain (id INTEGER PRIMARY KEY, prev_hash BLOB, hash BLOB);
WITH RECURSIVE chain(id, prev_hash, hash) AS (
    SELECT a.id, zeroblob(32),
           cd_audit_hash(zeroblob(32), a.id, a.at, a.user_id, a.entity, a.entity_id, a.action,
                         a.detail, a.patient_id)
      FROM audit_log a NOT INDEXED WHERE a.id = (SELECT min(id) FROM audit_log NOT INDEXED)
    UNION ALL
    SELECT a.id, c.hash,
           cd_audit_hash(c.hash, a.id, a.at, a.user_id, a.entity, a.entity_id, a.action,
                         a.detail, a.patient_id)
      FROM chain c JOIN audit_log a NOT INDEXED
        ON a.id = (SELECT min(id) FROM audit_log NOT INDEXED WHERE id > c.id)
)
INSERT INTO temp.audit_chain SELECT id, prev_hash, hash FROM chain;
UPDATE audit_log SET
    prev_hash = (SELECT prev_hash FROM temp.audit_chain c WHERE c.id = audit_log.id),
    hash = (SELECT hash FROM temp.audit_chain c WHERE c.id = audit_log.id);
DROP TABLE temp.audit_chain;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_append_only BEFORE INSERT ON audit_log
WHEN NEW.id IS NOT (SELECT coalesce(max(id), 0) + 1 FROM audit_log NOT INDEXED)
  OR NEW.prev_hash IS NOT coalesce((SELECT hash FROM audit_log NOT INDEXED ORDER BY id DESC
                                    LIMIT 1), zeroblob(32))
  OR length(NEW.hash) IS NOT 32
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: an entry is added at the end of the chain');
END;

CREATE INDEX audit_log_patient ON audit_log(patient_id) WHERE patient_id IS NOT NULL;
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_user ON audit_log(user_id);
