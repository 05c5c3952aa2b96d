/* SPDX-License-Identifier: MIT */
/* The end of a patient's care: a death, from a discharge or recorded by hand, stops all outreach
 * at once (enrollments, tasks, future visits) in one transaction; a mistaken one is taken back. */
#ifndef CD_CORE_LIFECYCLE_H
#define CD_CORE_LIFECYCLE_H

#include <stdint.h>
#include <time.h>

#include "core/base/clock.h"
#include "core/base/error.h"
#include "core/store/store.h"

/* A death to record (borrowed strings). */
struct cd_death_in {
    int64_t patient_id;
    int day;              /* the clinic-zone date of death */
    time_t at;            /* its instant when known (a discharge, HL7 PID-29); 0: the day only */
    int64_t encounter_id; /* the discharge that reported it; 0 when recorded by hand */
    const char *note;     /* may be NULL; kept on the timeline entry */
};

/* What a death changed. */
struct cd_death_result {
    int recorded;           /* 0: a death was already on record, nothing changed */
    char date[CD_DATE_LEN]; /* the date of death on record */
    int enrollments;        /* active enrollments ended, reason "died" */
    int tasks;              /* open tasks cancelled */
    int appointments;       /* booked visits from the death on cancelled (sequence raised) */
    char programs[64];      /* the programs ended, "ccm,tcm" */
};

/* Record IN's death (one transaction, or the caller's): patients.deceased_at set, every active
 * enrollment ended as of the day with reason "died", open tasks cancelled, booked appointments
 * starting from the death on cancelled, the care plan completed, one timeline entry; all
 * audited. When a death is already on record nothing changes (RES->recorded = 0). */
int cd_lifecycle_death(struct cd_store *store, const struct cd_death_in *in,
                       struct cd_death_result *res, struct cd_error *err);
/* A death learned of outside a discharge: MRN died on DATE (YYYY-MM-DD, not in the future, not
 * before birth), with NOTE (may be NULL). Allowed by CD_PERM_RECORD_DEATH. CD_EEXIST when a death
 * is already on record. */
int cd_lifecycle_record_death(struct cd_store *store, const char *mrn, const char *date,
                              const char *note, struct cd_death_result *res, struct cd_error *err);
/* Take back a death recorded by mistake (CD_PERM_CORRECT_DEATH), saying why (REASON, required):
 * deceased_at cleared, one timeline entry, audited. What the death ended stays ended (the
 * programs must be enrolled again, the visits booked again); *DATE gets the date taken back.
 * CD_ENOTFOUND when no death is on record. */
int cd_lifecycle_correct_death(struct cd_store *store, const char *mrn, const char *reason,
                               char date[CD_DATE_LEN], struct cd_error *err);

#endif
