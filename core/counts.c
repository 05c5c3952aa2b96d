/* SPDX-License-Identifier: MIT */
/* The home view's figures, each one indexed query. */
#include "config.h"
#include "core/counts.h"

#include <string.h>

#include "core/base/clock.h"
#include "core/store/db.h"

static const char SQL_COUNTS[] =
    "SELECT (SELECT count(*) FROM patients),"
    " (SELECT count(*) FROM tasks WHERE status = 'open'),"
    " (SELECT count(*) FROM tasks WHERE status = 'open' AND due_date = :today),"
    " (SELECT count(*) FROM tasks WHERE status = 'open' AND due_date < :today),"
    " (SELECT count(*) FROM tasks WHERE status = 'open' AND due_date <= :today"
    "    AND kind = 'tcm_contact'),"
    " (SELECT count(*) FROM tasks WHERE status = 'open' AND kind = 'tcm_visit'),"
    " (SELECT count(*) FROM encounters WHERE discharge_date > :month_ago"
    "    AND discharge_date <= :today AND status = 'discharged'),"
    " (SELECT count(*) FROM enrollments WHERE status = 'active'"
    "    AND program IN ('ccm', 'ccm_complex', 'pcm')),"
    " (SELECT count(*) FROM tasks WHERE status = 'open' AND assignee_id = :user"
    "    AND due_date <= :today),"
    " (SELECT count(*) FROM appointments WHERE status = 'booked'"
    "    AND start_at >= :day_start AND start_at < :day_end)";

int cd_counts_today(struct cd_store *store, int64_t user_id, struct cd_counts *out,
                    struct cd_error *err)
{
    int rc;
    memset(out, 0, sizeof *out);
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_COUNTS, &st, err)))
        return rc;
    int today = cd_clock_today();
    char d[CD_DATE_LEN], ago[CD_DATE_LEN], s0[CD_INSTANT_LEN], s1[CD_INSTANT_LEN];
    cd_db_bind_text(st, ":today", cd_date_format(today, d));
    cd_db_bind_text(st, ":month_ago", cd_date_format(today - 30, ago));
    cd_db_bind_int(st, ":user", user_id);
    cd_db_bind_text(st, ":day_start", cd_instant_format(cd_local_to_instant(today, 0, 0, 0), s0));
    cd_db_bind_text(st, ":day_end", cd_instant_format(cd_local_to_instant(today + 1, 0, 0, 0), s1));
    rc = cd_db_step(store, st, err);
    if (rc == 1) {
        int64_t *f[] = {&out->patients,          &out->tasks_open,       &out->tasks_due_today,
                        &out->tasks_overdue,     &out->tcm_contacts_due, &out->tcm_visits_open,
                        &out->discharges_30d,    &out->ccm_enrolled,     &out->my_tasks_due,
                        &out->appointments_today};
        for (int i = 0; i < (int)(sizeof f / sizeof f[0]); i++)
            *f[i] = cd_db_col_int(st, i);
        rc = 0;
    }
    cd_db_done(st);
    return rc;
}
