/* SPDX-License-Identifier: MIT */
/* The consistency check: records that contradict the rules core enforces when a person makes
 * them (an open task whose condition no longer holds, an enrollment of a patient who died, an
 * appointment marked before its day, a contact marked late by its deadline ...). It reads, never
 * repairs: each finding names the record and says what is wrong in one sentence. */
#ifndef CD_CORE_CHECK_H
#define CD_CORE_CHECK_H

#include <time.h>

#include "core/base/error.h"
#include "core/base/page.h"
#include "core/store/store.h"

/* The kinds of finding, in the order they are listed:
 *   tcm_visit_booked      open tcm_visit task, a booked or kept TCM visit inside its window
 *   tcm_contact_made      open tcm_contact task, an interactive contact since the discharge
 *   outreach_not_enrolled open ccm_outreach task, no active CCM, complex CCM or PCM enrollment
 *   outreach_contacted    open ccm_outreach task, the patient reached after it was made (or, for
 *                         the month's outreach, earlier that month)
 *   task_deceased         open task of a patient who died
 *   enrollment_deceased   active enrollment of a patient who died
 *   enrollment_past_end   active enrollment whose end date has passed
 *   appointment_early     appointment marked kept or no-show before its day
 *   appointment_unbooked  appointment cancelled, kept or missed, or its task closed, before it was
 *                         booked
 *   time_outside_life     time entry before the birth date or after the date of death
 *   contact_late_flag     contact for a TCM contact task marked late, made by the deadline */
#define CD_CHECK_COLUMNS(X)                                                                        \
    X(CD_CHECK_COL_KIND, "kind")                                                                   \
    X(CD_CHECK_COL_MRN, "mrn")                                                                     \
    X(CD_CHECK_COL_RECORD, "record")                                                               \
    X(CD_CHECK_COL_FINDING, "finding")
enum cd_check_col { CD_CHECK_COLUMNS(CD_PAGE_COL_ENUM) CD_CHECK_NCOLS };

/* Append to PAGE (columns CD_CHECK_COLUMNS; record is "task 12", "appointment 3" ...) every
 * inconsistency of the database at NOW, by kind in the order above then by record. Reads only. */
int cd_check_find(struct cd_store *store, time_t now, struct cd_page *page, struct cd_error *err);
/* cd_check_find at cd_clock_now(), recorded as one read of every patient's data by the actor. */
int cd_check_run(struct cd_store *store, struct cd_page *page, struct cd_error *err);

#endif
