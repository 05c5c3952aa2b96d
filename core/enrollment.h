/* SPDX-License-Identifier: MIT */
/* Program enrollments (CCM, complex CCM, PCM, APCM, coordination) with documented consent. */
#ifndef CD_CORE_ENROLLMENT_H
#define CD_CORE_ENROLLMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/base/error.h"
#include "core/base/page.h"
#include "core/base/vocab.h"
#include "core/store/store.h"

struct cd_enroll_in {
    const char *mrn;
    const char *program; /* ccm ccm_complex pcm apcm coordination */
    const char *consent; /* verbal written none */
    const char *date;    /* YYYY-MM-DD: start and consent date; NULL = today */
    const char *note;    /* may be NULL */
};

/* Enroll a patient (one transaction, audited). The store's actor is recorded as the person who
 * took the consent. When the patient already has an active enrollment in the program with consent
 * 'none', a verbal or written consent is recorded on it (*ID = that enrollment, *CONSENT_ADDED =
 * 1). Otherwise an active enrollment in the program is CD_EEXIST. The date may not be in the
 * future. CONSENT_ADDED may be NULL. */
int cd_enrollment_enroll(struct cd_store *store, const struct cd_enroll_in *in, int64_t *id,
                         int *consent_added, struct cd_error *err);
/* A reason an enrollment ends (data/disenroll_reasons.tsv, overridable via $CAREDESK_DATA). */
struct cd_end_reason {
    const char *key;  /* died, refused, moved, ... as stored in enrollments.end_reason */
    const char *text; /* in words, for a menu */
};
/* The reason with KEY, or NULL. */
const struct cd_end_reason *cd_enrollment_reason_find(const char *key);
/* How many reasons the table holds, and the I-th (NULL past the end), in the table's order. */
size_t cd_enrollment_reason_count(void);
const struct cd_end_reason *cd_enrollment_reason_get(size_t i);
/* 0 when KEY is a reason of the table; else CD_EINVAL naming the known keys ("reason: 'x' is not
 * one of died, refused, ..."). */
int cd_enrollment_reason_check(const char *key, struct cd_error *err);

/* End the active enrollment of MRN in PROGRAM on DATE (NULL = today) with REASON, a key of the
 * reasons table (NULL: none given), and NOTE (may be NULL, kept with the enrollment); one
 * transaction, audited. Every end cancels the open tasks that existed only for the program
 * (cd_task_cancel_for_program, "program ended: REASON"); *TASKS (may be NULL) gets how many.
 * CD_ENOTFOUND when there is none. */
int cd_enrollment_end(struct cd_store *store, const char *mrn, const char *program,
                      const char *date, const char *reason, const char *note, int *tasks,
                      struct cd_error *err);
/* End every active enrollment of PATIENT_ID in PROGRAM ("all": in every program) as of DAY
 * (never before an enrollment's start) with REASON, a key of the reasons table; audited per
 * enrollment, inside the caller's transaction or one of its own. ENDED (SIZE bytes, may be NULL)
 * gets the programs ended, "ccm,tcm"; *N (may be NULL) their number, 0 when none was active;
 * *TASKS (may be NULL) the program tasks cancelled with them, as cd_enrollment_end. */
int cd_enrollment_end_active(struct cd_store *store, int64_t patient_id, const char *program,
                             int day, const char *reason, char *ended, size_t size, int *n,
                             int *tasks, struct cd_error *err);
/* The program of the patient's active care-management enrollment for a new timer: the first of
 * ccm_complex, pcm, ccm, apcm, tcm, coordination the patient is actively enrolled in, written into
 * OUT (16 bytes); "coordination" when there is none. */
int cd_enrollment_default_program(struct cd_store *store, int64_t patient_id, char *out,
                                  struct cd_error *err);
/* The patient's enrollments, newest first: id program status start_date end_date consent_method
 * consent_date consent_by note end_reason. */
int cd_enrollment_list(struct cd_store *store, int64_t patient_id, struct cd_page *page,
                       struct cd_error *err);

#endif
