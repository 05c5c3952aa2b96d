/* SPDX-License-Identifier: MIT */
/* Realistic, deterministic synthetic data around "today" for demos, tests and benchmarks. */
#ifndef CD_CORE_DEMO_DEMO_H
#define CD_CORE_DEMO_DEMO_H

#include <stdint.h>

#include "core/base/error.h"
#include "core/store/store.h"

/* The demo coordinator the workstation acts as with --demo. */
#define CD_DEMO_COORDINATOR "mrivera"

struct cd_demo_opts {
    int patients;           /* number of patients, >= 1 */
    unsigned seed;          /* same seed and same today: same data */
    const char *supervisor; /* login added as a supervisor (the invoking login), or NULL */
};

struct cd_demo_stats {
    int64_t users, patients, encounters, tasks, contacts, time_entries, care_plans, appointments;
    int64_t conditions, enrollments, care_plan_versions, care_plan_items, referrals, notes;
};

/* Fill an EMPTY database (no patients) with demo data around cd_clock_today() in the clinic zone,
 * in one transaction with one audit entry ("demo generated N patients"). Adds the staff (with
 * CD_DEMO_COORDINATOR and an admin) and OPTS->supervisor when it is not a user yet (it becomes the
 * store's actor when there is none). CD_EEXIST when the database already holds patients,
 * CD_EINVAL for a patient count outside 1..1000000. STATS may be NULL. */
int cd_demo_generate(struct cd_store *store, const struct cd_demo_opts *opts,
                     struct cd_demo_stats *stats, struct cd_error *err);

#endif
