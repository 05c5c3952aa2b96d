/* SPDX-License-Identifier: MIT */
/* Program enrollments (CCM, complex CCM, PCM, APCM, coordination) with documented consent. */
#ifndef CD_CORE_ENROLLMENT_H
#define CD_CORE_ENROLLMENT_H

#include <stdbool.h>
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
/* End the active enrollment of MRN in PROGRAM on DATE (NULL = today) with REASON (may be NULL);
 * one transaction, audited. CD_ENOTFOUND when there is none. */
int cd_enrollment_end(struct cd_store *store, const char *mrn, const char *program,
                      const char *date, const char *reason, struct cd_error *err);
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
