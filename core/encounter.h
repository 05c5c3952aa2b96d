/* SPDX-License-Identifier: MIT */
/* Encounters (hospital stays and discharges) and what a discharge creates: the patient, the
 * encounter, and for an eligible discharge a TCM enrollment with a contact and a visit task.
 * Every intake path (CSV, HL7, the intake form) goes through cd_discharge_record. */
#ifndef CD_CORE_ENCOUNTER_H
#define CD_CORE_ENCOUNTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/base/error.h"
#include "core/base/strbuf.h"
#include "core/calendar.h"
#include "core/store/store.h"

/* A discharge as typed or imported (borrowed strings; NULL or "" = not given). Field names in
 * error messages are the CSV column names. */
struct cd_discharge_in {
    const char *mrn;
    const char *family_name;
    const char *given_name;
    const char *birth_date; /* YYYY-MM-DD */
    const char *sex;        /* F, M, X or U */
    const char *phone;
    const char *language;
    const char *discharge_at; /* YYYY-MM-DD[THH:MM[:SS][Z|+HH:MM]]; clinic local without zone */
    const char *admit_at;     /* the same form */
    const char *facility;
    const char *setting; /* inpatient snf irf ltch psych observation partial ed outpatient other */
    const char *patient_class; /* HL7 PV1-2 when known: E = emergency department */
    const char *disposition;   /* NUBC code ("01") or its key ("home"), see data/dispositions.tsv */
    const char *discharged_to;
    const char *admission_type; /* emergency, urgent, elective, other */
    const char *diagnoses;      /* ICD-10 codes separated by ';' */
    const char *complexity;     /* moderate (default) or high */
    bool deceased;              /* HL7 PID-30 = Y, or a PID-29 death time */
    const char *deceased_at;    /* HL7 PID-29, the same form as discharge_at; NULL: unknown */
    const char *source;         /* hl7, csv, manual, demo */
    const char *external_id;    /* visit number; NULL: derived from mrn, discharge time, facility */
};

/* The key that makes a discharge the same visit again when a file is imported twice: IN's visit
 * number (external_id) when it has one, else "MRN|discharge instant (UTC)|facility". Into OUT.
 * CD_EINVAL when the discharge time does not parse, CD_ENOMEM. */
int cd_encounter_key(const struct cd_discharge_in *in, struct cd_strbuf *out, struct cd_error *err);

/* What cd_discharge_record did. */
struct cd_discharge_result {
    int64_t patient_id;
    int64_t encounter_id;
    int patient_created;   /* a new patient */
    int patient_changed;   /* an existing patient's details changed */
    int encounter_created; /* 0: the same discharge was already recorded (nothing written) */
    int eligible;          /* TCM eligible: enrollment and tasks created */
    char reason[128];      /* why not eligible */
    int tasks_created;
    int discharge_day; /* clinic-zone day 0 */
    struct cd_tcm_due due;
    int died; /* the discharge recorded the patient's death (core/lifecycle.h) */
    int enrollments_ended, tasks_cancelled, appointments_cancelled; /* what the death ended */
};

/* One row of the NUBC discharge disposition table (data/dispositions.tsv). */
struct cd_disposition {
    const char *code; /* "01" */
    const char *key;  /* "home" */
    bool community;   /* discharged to a community setting */
    const char *text;
    const char *reason; /* why not eligible, "" when community */
    bool died;          /* an "expired" status: the discharge records the patient's death */
};

/* Look a disposition up by NUBC code or key (case-insensitive); NULL when unknown. */
const struct cd_disposition *cd_disposition_find(const char *code_or_key);
/* The number of rows of the disposition table, and row I in table order (borrowed, static;
 * NULL past the end), for pick lists. */
size_t cd_disposition_count(void);
const struct cd_disposition *cd_disposition_get(size_t i);
/* True for a setting TCM counts as a qualifying stay (inpatient, snf, irf, ltch, psych,
 * observation, partial). */
bool cd_discharge_setting_qualifies(const char *setting);
/* TCM eligibility: a qualifying setting, not an emergency-department visit (PV1-2 = E), not a
 * death, and a disposition to a community setting (a missing disposition counts as home).
 * Returns true, or false with a static reason in *REASON. */
bool cd_discharge_eligible(const char *setting, const char *patient_class,
                           const struct cd_disposition *disp, bool deceased, const char **reason);
/* Check every field; the message names the field ("discharge_at: '2026-13-01' is not ..."). */
int cd_discharge_validate(const struct cd_discharge_in *in, struct cd_error *err);
/* Check one FIELD of IN, named as the CSV column ("mrn", "discharge_at", ...), with the same
 * rules and message as cd_discharge_validate (for validation as you type). discharge_at also
 * checks its order against a valid admit_at. CD_EINVAL naming FIELD when it is unknown. */
int cd_discharge_check_field(const struct cd_discharge_in *in, const char *field,
                             struct cd_error *err);
/* The values FIELD ("setting", "admission_type", "complexity") may take: a static list ending
 * with NULL, or NULL for any other field. */
const char *const *cd_discharge_choices(const char *field);
/* Record a discharge inside the caller's transaction: upsert the patient by MRN, add the
 * encounter (or find it already recorded: nothing else is written), and for an eligible one the
 * TCM enrollment (start = discharge date, end = period end), a tcm_contact task due at the end of
 * the contact date and a tcm_visit task due on the 7-day (complexity high) or 14-day date. Tasks
 * go to the patient's coordinator, else to the 'tcm' team queue. */
int cd_discharge_record(struct cd_store *store, const struct cd_discharge_in *in,
                        struct cd_discharge_result *res, struct cd_error *err);
/* The encounter of SOURCE/EXTERNAL_ID, or ENOTFOUND. */
int cd_encounter_find(struct cd_store *store, const char *source, const char *external_id,
                      int64_t *id, struct cd_error *err);
/* Cancel a discharge (HL7 A13) inside the caller's transaction: the encounter becomes
 * cancelled, its open tasks are cancelled with REASON and its TCM enrollment ends.
 * *TASKS (may be NULL) gets the number of tasks cancelled; *CHANGED 0 when already cancelled. */
int cd_encounter_cancel(struct cd_store *store, int64_t id, const char *reason, int *tasks,
                        int *changed, struct cd_error *err);

#endif
