-- SPDX-License-Identifier: MIT
-- caredesk schema v1: the whole domain, so later features do not churn it.
-- Instants are UTC ISO-8601 text ('2026-11-22T16:37:00Z'); dates are 'YYYY-MM-DD'
-- in the clinic's time zone; months are 'YYYY-MM'. Applied in one transaction.
-- Enumerations are CHECKed with OR chains, not IN lists: SQLite builds a temporary b-tree for
-- an IN list on every row it checks, which made bulk writes about four times slower.

PRAGMA application_id = 1130457419; -- 'CDSK'

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE users (
    id         INTEGER PRIMARY KEY,
    login      TEXT NOT NULL UNIQUE CHECK (length(login) BETWEEN 1 AND 64),
    name       TEXT NOT NULL,
    role       TEXT NOT NULL CHECK ((role = 'coordinator' OR role = 'scheduler' OR role = 'supervisor' OR role = 'admin')),
    team       TEXT,
    active     INTEGER NOT NULL DEFAULT 1 CHECK ((active = 0 OR active = 1)),
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE patients (
    id             INTEGER PRIMARY KEY,
    mrn            TEXT NOT NULL UNIQUE CHECK (length(mrn) BETWEEN 1 AND 64),
    family_name    TEXT NOT NULL,
    given_name     TEXT NOT NULL,
    birth_date     TEXT CHECK (birth_date IS NULL OR birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    sex            TEXT CHECK ((sex = 'F' OR sex = 'M' OR sex = 'X' OR sex = 'U')),
    phone          TEXT,
    phone_alt      TEXT,
    language       TEXT,
    coordinator_id INTEGER REFERENCES users(id),
    risk_tier      TEXT CHECK ((risk_tier = 'low' OR risk_tier = 'moderate' OR risk_tier = 'high')),
    lace_score     INTEGER CHECK (lace_score BETWEEN 0 AND 19),
    deceased_at    TEXT,
    -- lower-case "family given" for look-ups by name
    name_key       TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX patients_name_key ON patients(name_key);
CREATE INDEX patients_coordinator ON patients(coordinator_id);

CREATE TABLE conditions (
    id            INTEGER PRIMARY KEY,
    patient_id    INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
    icd10         TEXT NOT NULL CHECK (length(icd10) BETWEEN 3 AND 8),
    description   TEXT,
    chronic       INTEGER NOT NULL DEFAULT 0 CHECK ((chronic = 0 OR chronic = 1)),
    onset_date    TEXT,
    resolved_date TEXT,
    source        TEXT,
    UNIQUE (patient_id, icd10)
) STRICT;

CREATE TABLE encounters (
    id                INTEGER PRIMARY KEY,
    patient_id        INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
    setting           TEXT NOT NULL CHECK ((setting = 'inpatient' OR setting = 'ed' OR setting = 'snf' OR setting = 'irf' OR setting = 'ltch' OR setting = 'psych' OR setting = 'observation' OR setting = 'partial' OR setting = 'outpatient' OR setting = 'other')),
    facility          TEXT,
    admit_at          TEXT,
    discharge_at      TEXT,
    discharge_date    TEXT,           -- in the clinic's zone: day 0 of TCM counting
    admission_type    TEXT CHECK ((admission_type = 'emergency' OR admission_type = 'urgent' OR admission_type = 'elective' OR admission_type = 'other')),
    disposition       TEXT,           -- NUBC code, e.g. '01'
    disposition_text  TEXT,
    discharged_to     TEXT,
    diagnoses         TEXT,           -- ICD-10 codes separated by ';'
    complexity        TEXT CHECK ((complexity = 'moderate' OR complexity = 'high')),
    status            TEXT NOT NULL DEFAULT 'discharged' CHECK ((status = 'active' OR status = 'discharged' OR status = 'cancelled')),
    tcm_eligible      INTEGER NOT NULL DEFAULT 0 CHECK ((tcm_eligible = 0 OR tcm_eligible = 1)),
    ineligible_reason TEXT,
    source            TEXT NOT NULL CHECK ((source = 'hl7' OR source = 'csv' OR source = 'manual' OR source = 'demo')),
    external_id       TEXT,           -- visit number or file key, unique per source
    created_at        TEXT NOT NULL,
    created_by        INTEGER REFERENCES users(id),
    CHECK (discharge_at IS NULL OR admit_at IS NULL OR discharge_at >= admit_at),
    UNIQUE (source, external_id)
) STRICT;
CREATE INDEX encounters_patient ON encounters(patient_id, discharge_at);
CREATE INDEX encounters_discharge_date ON encounters(discharge_date);
CREATE INDEX encounters_patient_admit ON encounters(patient_id, admit_at);  -- timeline

-- Inbound interface messages already seen (HL7 MSH-10), so a re-import changes nothing.
CREATE TABLE inbound_messages (
    source       TEXT NOT NULL,
    control_id   TEXT NOT NULL,
    message_type TEXT NOT NULL,
    received_at  TEXT NOT NULL,
    encounter_id INTEGER REFERENCES encounters(id) ON DELETE SET NULL,
    PRIMARY KEY (source, control_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE enrollments (
    id             INTEGER PRIMARY KEY,
    patient_id     INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
    program        TEXT NOT NULL CHECK ((program = 'ccm' OR program = 'ccm_complex' OR program = 'pcm' OR program = 'tcm' OR program = 'apcm' OR program = 'coordination')),
    status         TEXT NOT NULL CHECK ((status = 'active' OR status = 'ended' OR status = 'declined')),
    start_date     TEXT NOT NULL,
    end_date       TEXT,
    consent_date   TEXT,
    consent_method TEXT CHECK ((consent_method = 'verbal' OR consent_method = 'written' OR consent_method = 'none')),
    consent_by     INTEGER REFERENCES users(id),
    encounter_id   INTEGER REFERENCES encounters(id) ON DELETE SET NULL,  -- the discharge of a TCM period
    note           TEXT,
    end_reason     TEXT,
    created_at     TEXT NOT NULL,
    created_by     INTEGER REFERENCES users(id),
    CHECK (end_date IS NULL OR end_date >= start_date)
) STRICT;
CREATE INDEX enrollments_patient ON enrollments(patient_id, program, status);
CREATE INDEX enrollments_program ON enrollments(program, status);
CREATE INDEX enrollments_patient_created ON enrollments(patient_id, created_at);  -- timeline
CREATE UNIQUE INDEX enrollments_tcm_encounter ON enrollments(encounter_id) WHERE encounter_id IS NOT NULL;

CREATE TABLE appointments (
    id            INTEGER PRIMARY KEY,
    uid           TEXT NOT NULL UNIQUE,   -- random UUID, stable for the appointment's life
    sequence      INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
    patient_id    INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK ((kind = 'tcm_visit' OR kind = 'primary_care' OR kind = 'specialist' OR kind = 'lab' OR kind = 'telehealth' OR kind = 'other')),
    status        TEXT NOT NULL DEFAULT 'booked' CHECK ((status = 'booked' OR status = 'cancelled' OR status = 'kept' OR status = 'no_show')),
    start_at      TEXT NOT NULL,          -- UTC instant
    start_local   TEXT NOT NULL,          -- wall time in tzid, 'YYYY-MM-DDTHH:MM'
    duration_min  INTEGER NOT NULL CHECK (duration_min BETWEEN 1 AND 1440),
    tzid          TEXT NOT NULL,
    provider      TEXT NOT NULL,
    location      TEXT,
    encounter_id  INTEGER REFERENCES encounters(id) ON DELETE SET NULL,
    note          TEXT,
    cancel_reason TEXT,
    created_at    TEXT NOT NULL,
    created_by    INTEGER REFERENCES users(id),
    updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX appointments_start ON appointments(start_at);
CREATE INDEX appointments_patient ON appointments(patient_id, start_at);
CREATE INDEX appointments_patient_created ON appointments(patient_id, created_at);  -- timeline
CREATE INDEX appointments_patient_updated ON appointments(patient_id, updated_at);  -- timeline

CREATE TABLE tasks (
    id                 INTEGER PRIMARY KEY,
    patient_id         INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
    kind               TEXT NOT NULL CHECK ((kind = 'tcm_contact' OR kind = 'tcm_visit' OR kind = 'ccm_outreach' OR kind = 'careplan_review' OR kind = 'callback' OR kind = 'followup' OR kind = 'referral' OR kind = 'other')),
    title              TEXT,
    due_at             TEXT NOT NULL,     -- UTC instant the task is due by
    due_date           TEXT NOT NULL,     -- the same, as a clinic-zone date
    status             TEXT NOT NULL DEFAULT 'open' CHECK ((status = 'open' OR status = 'done' OR status = 'cancelled')),
    priority           INTEGER NOT NULL DEFAULT 0,
    assignee_id        INTEGER REFERENCES users(id),
    team               TEXT,              -- queue when unassigned
    claimed_by         INTEGER REFERENCES users(id),
    claimed_at         TEXT,
    encounter_id       INTEGER REFERENCES encounters(id) ON DELETE SET NULL,
    appointment_id     INTEGER REFERENCES appointments(id) ON DELETE SET NULL,
    attempts_satisfied INTEGER NOT NULL DEFAULT 0 CHECK ((attempts_satisfied = 0 OR attempts_satisfied = 1)),
    snooze_reason      TEXT,
    gen_key            TEXT UNIQUE,       -- idempotent generation, e.g. 'ccm_outreach:42:2026-11'
    created_at         TEXT NOT NULL,
    created_by         INTEGER REFERENCES users(id),
    closed_at          TEXT,
    closed_by          INTEGER REFERENCES users(id),
    close_reason       TEXT,
    version            INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX tasks_open_due ON tasks(due_date, kind) WHERE status = 'open';
CREATE INDEX tasks_open_assignee ON tasks(assignee_id, due_date) WHERE status = 'open';
CREATE INDEX tasks_open_claimed ON tasks(claimed_by) WHERE status = 'open';  -- "my list": claimed by me
CREATE INDEX tasks_patient ON tasks(patient_id, status);
CREATE INDEX tasks_encounter ON tasks(encounter_id) WHERE encounter_id IS NOT NULL;
CREATE INDEX tasks_patient_created ON tasks(patient_id, created_at);  -- timeline
CREATE INDEX tasks_patient_closed ON tasks(patient_id, closed_at);    -- timeline

CREATE TABLE contacts (
    id          INTEGER PRIMARY KEY,
    patient_id  INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
    task_id     INTEGER REFERENCES tasks(id) ON DELETE SET NULL,
    user_id     INTEGER REFERENCES users(id),
    at          TEXT NOT NULL,
    channel     TEXT NOT NULL DEFAULT 'phone' CHECK ((channel = 'phone' OR channel = 'video' OR channel = 'portal' OR channel = 'in_person' OR channel = 'text' OR channel = 'mail')),
    outcome     TEXT NOT NULL CHECK ((outcome = 'reached' OR outcome = 'caregiver' OR outcome = 'voicemail' OR outcome = 'no_answer' OR outcome = 'wrong_number' OR outcome = 'refused')),
    interactive INTEGER NOT NULL CHECK ((interactive = 0 OR interactive = 1)),
    late        INTEGER NOT NULL DEFAULT 0 CHECK ((late = 0 OR late = 1)),
    note        TEXT
) STRICT;
CREATE INDEX contacts_patient ON contacts(patient_id, at);
CREATE INDEX contacts_task ON contacts(task_id) WHERE task_id IS NOT NULL;

CREATE TABLE time_entries (
    id             INTEGER PRIMARY KEY,
    patient_id     INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
    user_id        INTEGER REFERENCES users(id),
    program        TEXT NOT NULL CHECK ((program = 'ccm' OR program = 'ccm_complex' OR program = 'pcm' OR program = 'tcm' OR program = 'apcm' OR program = 'coordination')),
    performer_role TEXT NOT NULL CHECK ((performer_role = 'clinical_staff' OR performer_role = 'practitioner')),
    start_at       TEXT NOT NULL,
    end_at         TEXT NOT NULL,
    seconds        INTEGER NOT NULL CHECK (seconds >= 0),
    month          TEXT NOT NULL,     -- clinic-zone calendar month of start_at: the billing month
    activity       TEXT NOT NULL CHECK ((activity = 'careplan_review' OR activity = 'med_reconciliation' OR activity = 'call' OR activity = 'coordination' OR activity = 'community_resources' OR activity = 'documentation' OR activity = 'other')),
    source         TEXT NOT NULL CHECK ((source = 'timer' OR source = 'manual' OR source = 'demo')),
    note           TEXT,
    voided         INTEGER NOT NULL DEFAULT 0 CHECK ((voided = 0 OR voided = 1)),
    void_reason    TEXT,
    voided_by      INTEGER REFERENCES users(id),
    voided_at      TEXT,
    replaces_id    INTEGER REFERENCES time_entries(id),  -- an edit voids the original and points here
    created_at     TEXT NOT NULL,
    CHECK (end_at >= start_at),
    CHECK (voided = 0 OR void_reason IS NOT NULL)
) STRICT;
CREATE INDEX time_entries_month ON time_entries(month, patient_id, program) WHERE voided = 0;
CREATE INDEX time_entries_patient ON time_entries(patient_id, start_at);

-- The running CCM timer of each user, written the moment it starts so nothing is lost.
CREATE TABLE timers (
    user_id             INTEGER PRIMARY KEY REFERENCES users(id),
    patient_id          INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
    program             TEXT NOT NULL CHECK ((program = 'ccm' OR program = 'ccm_complex' OR program = 'pcm' OR program = 'tcm' OR program = 'apcm' OR program = 'coordination')),
    activity            TEXT NOT NULL,
    performer_role      TEXT NOT NULL DEFAULT 'clinical_staff' CHECK ((performer_role = 'clinical_staff' OR performer_role = 'practitioner')),
    started_at          TEXT NOT NULL,   -- first start
    segment_started_at  TEXT,            -- NULL while paused
    accumulated_seconds INTEGER NOT NULL DEFAULT 0 CHECK (accumulated_seconds >= 0),
    last_activity_at    TEXT NOT NULL,   -- last key press seen by the workstation
    paused_reason       TEXT
) STRICT;

CREATE TABLE care_plans (
    id              INTEGER PRIMARY KEY,
    patient_id      INTEGER NOT NULL UNIQUE REFERENCES patients(id) ON DELETE CASCADE,
    current_version INTEGER NOT NULL DEFAULT 0,
    status          TEXT NOT NULL DEFAULT 'active' CHECK ((status = 'draft' OR status = 'active' OR status = 'revoked' OR status = 'completed')),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

CREATE TABLE care_plan_versions (
    id               INTEGER PRIMARY KEY,
    care_plan_id     INTEGER NOT NULL REFERENCES care_plans(id) ON DELETE CASCADE,
    version          INTEGER NOT NULL CHECK (version >= 1),
    created_at       TEXT NOT NULL,
    created_by       INTEGER REFERENCES users(id),
    summary          TEXT,            -- what changed, in words
    next_review_date TEXT,
    UNIQUE (care_plan_id, version)
) STRICT;
CREATE INDEX care_plan_versions_created ON care_plan_versions(care_plan_id, created_at);  -- timeline

CREATE TABLE care_plan_items (
    id            INTEGER PRIMARY KEY,
    version_id    INTEGER NOT NULL REFERENCES care_plan_versions(id) ON DELETE CASCADE,
    item_key      TEXT NOT NULL,      -- stable across versions, for the diff
    section       TEXT NOT NULL CHECK ((section = 'problem' OR section = 'prognosis' OR section = 'goal' OR section = 'symptom' OR section = 'intervention' OR section = 'medication' OR section = 'assessment' OR section = 'environment' OR section = 'caregiver' OR section = 'resource' OR section = 'barrier')),
    position      INTEGER NOT NULL,
    text          TEXT NOT NULL,
    code          TEXT,               -- ICD-10 for problems
    target        TEXT,               -- goal target value or state
    target_date   TEXT,
    status        TEXT CHECK ((status = 'proposed' OR status = 'active' OR status = 'met' OR status = 'not_met' OR status = 'cancelled' OR status = 'planned' OR status = 'in_progress' OR status = 'done')),
    responsible   TEXT,               -- person or role for interventions
    dose          TEXT,
    route         TEXT,               -- how the medication is taken
    reconciled_on TEXT,
    UNIQUE (version_id, item_key)
) STRICT;
CREATE INDEX care_plan_items_version ON care_plan_items(version_id, section, position);

CREATE TABLE referrals (
    id          INTEGER PRIMARY KEY,
    patient_id  INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
    to_provider TEXT NOT NULL,
    specialty   TEXT,
    reason      TEXT,
    status      TEXT NOT NULL DEFAULT 'sent' CHECK ((status = 'sent' OR status = 'scheduled' OR status = 'completed' OR status = 'closed' OR status = 'cancelled')),
    sent_at     TEXT NOT NULL,
    closed_at   TEXT,
    created_by  INTEGER REFERENCES users(id),
    note        TEXT
) STRICT;
CREATE INDEX referrals_patient ON referrals(patient_id, sent_at);
CREATE INDEX referrals_patient_closed ON referrals(patient_id, closed_at);  -- timeline

CREATE TABLE notes (
    id         INTEGER PRIMARY KEY,
    patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
    user_id    INTEGER REFERENCES users(id),
    at         TEXT NOT NULL,
    kind       TEXT NOT NULL DEFAULT 'note' CHECK ((kind = 'note' OR kind = 'snooze' OR kind = 'system')),
    text       TEXT NOT NULL
) STRICT;
CREATE INDEX notes_patient ON notes(patient_id, at);

-- Append-only: the triggers below refuse any change to a written row.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    user_id   INTEGER REFERENCES users(id),
    entity    TEXT NOT NULL,
    entity_id INTEGER,
    action    TEXT NOT NULL,
    detail    TEXT
) STRICT;
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

INSERT INTO settings(key, value) VALUES
    ('clinic_name', 'caredesk clinic'),
    ('timezone', 'UTC'),
    ('extra_holidays', ''),
    ('organizer', ''),
    ('idle_minutes', '10');
