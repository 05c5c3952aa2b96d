/* SPDX-License-Identifier: MIT */
/* Unit tests of core/task: create (idempotent by key), complete, attempts, cancel by encounter. */
#include "config.h"

#include "core/clock.h"
#include "core/db.h"
#include "core/patient.h"
#include "core/task.h"
#include "tests/lib/tap.h"
#include "tests/lib/testdb.h"

int main(void)
{
    struct cd_store *store = testdb_open("America/New_York", "2026-11-23T09:00");
    struct cd_error err = {0};
    struct cd_patient_in p = {.mrn = "T1", .family = "Doe", .given = "Jane"};
    int64_t pid, id, id2;
    int created;
    cd_patient_add(store, &p, &pid, &err);
    int day = cd_date_from_ymd(2026, 11, 24);
    struct cd_task_in in = {.patient_id = pid,
                            .kind = "tcm_contact",
                            .title = "call",
                            .due_at = cd_local_to_instant(day, 23, 59, 59),
                            .due_day = day,
                            .team = "tcm",
                            .gen_key = "tcm_contact:test"};
    cd_store_begin(store, &err);
    is_int(cd_task_create(store, &in, &id, &created, &err), 0, "task created");
    is_int(created, 1, "created flag");
    is_int(cd_task_create(store, &in, &id2, &created, &err), 0, "same key again");
    is_int(created, 0, "not created twice");
    is_int(id2, id, "same task returned");
    cd_store_commit(store, &err);

    struct cd_task t;
    is_int(cd_task_get(store, id, &t, &err), 0, "get");
    is_str(t.kind, "tcm_contact", "kind");
    is_str(t.status, "open", "open");
    is_int(t.due_day, day, "due day");
    char buf[CD_INSTANT_LEN];
    is_str(cd_instant_format(t.due_at, buf), "2026-11-25T04:59:59Z", "due at end of local day");
    is_int(cd_task_find_open(store, pid, "tcm_contact", &t, &err), 0, "find open");
    is_int(t.id, id, "found it");
    is_int(cd_task_find_open(store, pid, "tcm_visit", &t, &err), CD_ENOTFOUND, "none of a kind");

    cd_store_begin(store, &err);
    is_int(cd_task_set_attempts_satisfied(store, id, &err), 0, "attempts satisfied");
    is_int(cd_task_complete(store, id, "patient reached", &err), 0, "complete");
    is_int(cd_task_complete(store, id, "again", &err), CD_ECONFLICT, "complete twice refused");
    is_str(err.msg, "task 1 is no longer open", "conflict message");
    cd_store_commit(store, &err);
    cd_task_get(store, id, &t, &err);
    is_str(t.status, "done", "done");
    is_int(t.attempts_satisfied, 1, "satisfied kept");

    /* cancel by encounter: 20 open tasks (more than one batch), one done task untouched */
    cd_store_begin(store, &err);
    cd_db_exec_script(store,
                      "INSERT INTO encounters(patient_id, setting, source, external_id, created_at)"
                      " VALUES (1, 'inpatient', 'manual', 'E1', '2026-11-23T14:00:00Z')",
                      &err);
    for (int i = 0; i < 20; i++) {
        struct cd_task_in v = in;
        v.gen_key = NULL;
        v.encounter_id = 1;
        cd_task_create(store, &v, &id2, &created, &err);
    }
    cd_task_complete(store, id2, "done", &err);
    int n = 0;
    is_int(cd_task_cancel_for_encounter(store, 1, "discharge cancelled", &n, &err), 0, "cancel");
    is_int(n, 19, "19 open tasks cancelled");
    cd_store_commit(store, &err);
    struct cd_page page = CD_PAGE_INIT;
    is_int(cd_task_list_patient(store, pid, &page, &err), 0, "list");
    is_int(page.nrows, 21, "21 tasks");
    is_str(cd_page_str(&page, 1, "status"), "cancelled", "cancelled status");
    is_str(cd_page_str(&page, 1, "close_reason"), "discharge cancelled", "close reason");
    is_str(cd_page_str(&page, 1, "team"), "tcm", "team queue");
    cd_page_free(&page);
    cd_store_close(store);
    return done_testing();
}
