/* SPDX-License-Identifier: MIT */
/* Today's figures for the home view and 'caredesk status': open work, deadlines, enrollments. */
#ifndef CD_CORE_COUNTS_H
#define CD_CORE_COUNTS_H

#include <stdint.h>

#include "core/base/error.h"
#include "core/store/store.h"

struct cd_counts {
    int64_t patients;
    int64_t tasks_open;         /* all open tasks */
    int64_t tasks_due_today;    /* open, due today */
    int64_t tasks_overdue;      /* open, due before today */
    int64_t tcm_contacts_due;   /* open tcm_contact tasks due today or earlier */
    int64_t tcm_visits_open;    /* open tcm_visit tasks */
    int64_t discharges_30d;     /* discharges in the last 30 days */
    int64_t ccm_enrolled;       /* active ccm, ccm_complex or pcm enrollments */
    int64_t my_tasks_due;       /* open tasks due today or earlier assigned to USER_ID */
    int64_t appointments_today; /* booked appointments starting today */
};

/* Fill OUT for the clinic's today; USER_ID 0 leaves my_tasks_due at 0. */
int cd_counts_today(struct cd_store *store, int64_t user_id, struct cd_counts *out,
                    struct cd_error *err);

#endif
