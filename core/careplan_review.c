/* SPDX-License-Identifier: MIT */
/* The careplan_review tasks: one per plan whose next review date has come. */
#include "config.h"
#include "core/careplan.h"

#include <stdio.h>

#include "core/clock.h"
#include "core/db.h"
#include "core/task.h"

static const char SQL_DUE_REVIEWS[] =
    "SELECT p.id, p.patient_id, v.next_review_date, pt.coordinator_id FROM care_plans p "
    "JOIN care_plan_versions v ON v.care_plan_id = p.id AND v.version = p.current_version "
    "JOIN patients pt ON pt.id = p.patient_id WHERE p.status = 'active' "
    "AND v.next_review_date IS NOT NULL AND v.next_review_date <= :today ORDER BY p.id";

static int review_task(struct cd_store *store, int64_t plan_id, int64_t pid, const char *date,
                       int64_t coord, int *created, struct cd_error *err)
{
    int day;
    if (cd_date_parse(date, &day, NULL))
        return cd_error_set(err, CD_EINVAL,
                            "care plan %lld: next_review_date '%.20s' is not a date",
                            (long long)plan_id, date);
    char key[64], title[64];
    snprintf(key, sizeof key, "careplan_review:%lld:%s", (long long)plan_id, date);
    snprintf(title, sizeof title, "Care plan review due %s", date);
    /* due by the end of the review day in the clinic; the key makes it once per review date */
    struct cd_task_in in = {.patient_id = pid,
                            .kind = "careplan_review",
                            .title = title,
                            .due_at = cd_local_to_instant(day + 1, 0, 0, 0) - 1,
                            .due_day = day,
                            .assignee_id = coord,
                            .gen_key = key};
    int64_t id;
    int made = 0;
    int rc = cd_task_create(store, &in, &id, &made, err);
    *created += made;
    return rc;
}

int cd_careplan_generate_reviews(struct cd_store *store, int today, int *created,
                                 struct cd_error *err)
{
    int n = 0;
    char day[CD_DATE_LEN];
    struct cd_page due = CD_PAGE_INIT;
    int rc = cd_db_query_page(store, SQL_DUE_REVIEWS, NULL, 0, ":today", cd_date_format(today, day),
                              &due, err);
    if (!rc)
        rc = cd_store_begin(store, err);
    if (rc) {
        cd_page_free(&due);
        return rc;
    }
    for (size_t r = 0; !rc && r < due.nrows; r++)
        rc = review_task(store, cd_page_int(&due, r, "id"), cd_page_int(&due, r, "patient_id"),
                         cd_page_str(&due, r, "next_review_date"),
                         cd_page_int(&due, r, "coordinator_id"), &n, err);
    rc = cd_store_finish(store, rc, err);
    cd_page_free(&due);
    if (!rc && created)
        *created = n;
    return rc;
}
