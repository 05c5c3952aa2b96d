-- SPDX-License-Identifier: MIT
-- caredesk schema v2: covering indexes for the day's worklist generation, which walks the
-- patients in batches and probes their enrollments, open tasks, contacts, minutes and care
-- plans. Version 1 is frozen as it shipped; this migration replaces four of its indexes
-- with wider ones and adds two. Applied in one transaction, like every migration.

DROP INDEX enrollments_patient;
CREATE INDEX enrollments_patient ON enrollments(patient_id, program, status, start_date);  -- covering: generation's batch

DROP INDEX tasks_patient;
CREATE INDEX tasks_patient ON tasks(patient_id, status, kind);
CREATE INDEX tasks_open_outreach ON tasks(patient_id, due_date) WHERE status = 'open' AND kind = 'ccm_outreach';  -- the stale cancel

DROP INDEX contacts_patient;
CREATE INDEX contacts_patient ON contacts(patient_id, at, interactive);

DROP INDEX time_entries_month;
CREATE INDEX time_entries_month ON time_entries(month, patient_id, program, seconds, voided) WHERE voided = 0;  -- covering: the month's minutes per patient

CREATE INDEX care_plan_versions_review ON care_plan_versions(care_plan_id, version, next_review_date);  -- covering: the reviews due
