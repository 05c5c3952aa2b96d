/* SPDX-License-Identifier: MIT */
/* Unit tests of core/task: create (idempotent by key), complete, attempts, cancel by encounter. */
#include "config.h"

#include "core/base/clock.h"
#include "core/patient.h"
#include "core/store/db.h"
#include "core/task.h"
#include "tests/lib/page_by_name.h"
#include "tests/lib/tap.h"
#include "tests/lib/testdb.h"

/* Column NAME of task ID in the patient's list. */
static const char *task_col(struct cd_page *page, int64_t id, const char *name)
{
    for (size_t r = 0; r < page->nrows; r++)
        if (page_int(page, r, "id") == id)
            return page_str(page, r, name);
    return "(missing)";
}

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
    is_str(page_str(&page, 1, "status"), "cancelled", "cancelled status");
    is_str(page_str(&page, 1, "close_reason"), "discharge cancelled", "close reason");
    is_str(page_str(&page, 1, "team"), "tcm", "team queue");
    cd_page_free(&page);

    /* claims: one holder at a time; a claim from an earlier day lapses */
    int64_t amy, ben;
    cd_user_add(store, "amy", "Amy Ray", "coordinator", "north", &amy, &err);
    cd_user_add(store, "ben", "Ben Ode", "coordinator", "north", &ben, &err);
    struct cd_task_in cb = {.patient_id = pid,
                            .kind = "followup",
                            .due_at = cd_clock_now(),
                            .due_day = cd_clock_today(),
                            .assignee_id = amy};
    int64_t f;
    cd_store_begin(store, &err);
    cd_task_create(store, &cb, &f, &created, &err);
    cd_store_commit(store, &err);
    cd_store_set_actor(store, amy);
    is_int(cd_task_claim(store, f, NULL, &err), 0, "amy claims");
    is_int(cd_task_claim(store, f, NULL, &err), 0, "amy claims again: fine");
    cd_store_set_actor(store, ben);
    struct cd_task_claim holder = {0};
    is_int(cd_task_claim(store, f, &holder, &err), CD_ECONFLICT, "ben cannot claim it");
    is_str(err.msg, "task 22 is claimed by amy since 09:00", "who holds it");
    is_str(holder.login, "amy", "holder login");
    is_int(holder.user_id, amy, "holder id");
    is_int(cd_task_unclaim(store, f, &err), CD_ECONFLICT, "ben cannot release amy's claim");
    is_str(err.msg, "task 22 is claimed by amy since 09:00", "release refused: who holds it");
    time_t tomorrow;
    cd_instant_parse("2026-11-24T08:00", &tomorrow, &err);
    cd_clock_set(tomorrow);
    is_int(cd_task_claim(store, f, &holder, &err), 0, "yesterday's claim lapsed: ben claims");
    is_int(cd_task_unclaim(store, f, &err), 0, "ben releases");
    is_int(cd_task_unclaim(store, f, &err), CD_ECONFLICT, "release twice");
    is_str(err.msg, "task 22 is not claimed", "not claimed");
    is_int(cd_task_claim(store, 999, NULL, &err), CD_ENOTFOUND, "claim a missing task");
    is_int(cd_task_claim(store, 2, NULL, &err), CD_ECONFLICT, "claim a cancelled task");
    is_str(err.msg, "task 2 is no longer open", "closed task message");

    /* assign: to a user, back to the queue (the last assignee's team) */
    cd_store_set_actor(store, amy);
    cd_task_claim(store, f, NULL, &err);
    is_int(cd_task_assign(store, f, "ben", &err), 0, "assign to ben");
    cd_task_list_patient(store, pid, &page, &err);
    is_str(task_col(&page, f, "assignee"), "ben", "ben's now");
    cd_page_free(&page);
    cd_store_set_actor(store, ben);
    is_int(cd_task_claim(store, f, NULL, &err), 0, "the claim was dropped by the assignment");
    is_int(cd_task_assign(store, f, NULL, &err), 0, "back to the queue");
    cd_task_list_patient(store, pid, &page, &err);
    is_str(task_col(&page, f, "assignee"), "", "no assignee");
    is_str(task_col(&page, f, "team"), "north", "the last assignee's team");
    cd_page_free(&page);
    is_int(cd_task_assign(store, f, "zed", &err), CD_ENOTFOUND, "unknown user");

    /* snooze: later day, a reason, a note; not TCM deadlines */
    int d = cd_clock_today();
    is_int(cd_task_snooze(store, f, d, "busy", &err), CD_EINVAL, "snooze to today refused");
    is_str(err.msg, "date: 2026-11-24 is not after today", "date message");
    is_int(cd_task_snooze(store, f, d + 2, "", &err), CD_EINVAL, "reason needed");
    is_str(err.msg, "reason: is empty", "reason message");
    is_int(cd_task_snooze(store, f, d + 2, "patient travelling", &err), 0, "snoozed");
    cd_task_get(store, f, &t, &err);
    is_int(t.due_day, d + 2, "due later");
    is_str(cd_instant_format(t.due_at, buf), "2026-11-26T14:00:00Z", "the same time of day");
    struct cd_stmt *st;
    cd_db_prepare(store, "SELECT kind || ': ' || text FROM notes", &st, &err);
    is_int(cd_db_step(store, st, &err), 1, "a note");
    is_str(cd_db_col_text(st, 0), "snooze: Snoozed the follow-up to 2026-11-26: patient travelling",
           "snooze note");
    cd_db_finalize(st);
    struct cd_task_in tcm = in;
    tcm.gen_key = NULL;
    int64_t tc;
    cd_store_begin(store, &err);
    cd_task_create(store, &tcm, &tc, &created, &err);
    cd_store_commit(store, &err);
    is_int(cd_task_snooze(store, tc, d + 2, "later", &err), CD_EINVAL, "TCM contact not snoozed");
    is_str(err.msg,
           "a TCM contact has a deadline and cannot be snoozed; log the attempt "
           "or book the visit",
           "TCM message");

    /* call back: assigned to me, replaces my earlier call back */
    int64_t c1, c2;
    time_t at = cd_local_to_instant(d, 14, 0, 0);
    is_int(cd_task_callback(store, pid, at, "after lunch", &c1, &err), 0, "call back");
    cd_task_get(store, c1, &t, &err);
    is_str(t.kind, "callback", "kind");
    is_int(t.due_day, d, "due today");
    is_int(cd_task_callback(store, pid, at + 86400, NULL, &c2, &err), 0, "another call back");
    cd_task_get(store, c1, &t, &err);
    is_str(t.status, "cancelled", "the first one replaced");
    int64_t c3 = 0;
    is_int(cd_task_callback(store, pid, at - 86400, NULL, &c3, &err), CD_EINVAL, "past refused");
    is_str(err.msg, "at: a call back cannot be in the past", "past message");
    cd_task_list_patient(store, pid, &page, &err);
    is_str(task_col(&page, c2, "assignee"), "ben", "assigned to the actor");
    cd_page_free(&page);

    /* closed by an appointment, reopened when it no longer holds */
    cd_store_begin(store, &err);
    cd_db_exec_script(store,
                      "INSERT INTO appointments(uid, patient_id, kind, start_at, start_local, "
                      "duration_min, tzid, provider, created_at, updated_at) VALUES ('u1', 1, "
                      "'tcm_visit', '2026-11-25T15:00:00Z', '2026-11-25T10:00', 30, "
                      "'America/New_York', 'Dr A', '2026-11-24T13:00:00Z', "
                      "'2026-11-24T13:00:00Z')",
                      &err);
    is_int(cd_task_complete_by_appointment(store, c2, 1, "TCM visit booked", &err), 0,
           "closed by the appointment");
    is_int(cd_task_complete_by_appointment(store, c2, 1, "again", &err), CD_ECONFLICT, "not twice");
    cd_task_get(store, c2, &t, &err);
    is_str(t.status, "done", "done");
    is_int(cd_task_reopen(store, c2, "appointment 1 is cancelled", &err), 0, "reopened");
    is_int(cd_task_reopen(store, c2, "again", &err), CD_ECONFLICT, "reopen an open task");
    is_str(err.msg, "task 25 is not done", "reopen message");
    cd_store_commit(store, &err);
    cd_task_get(store, c2, &t, &err);
    is_str(t.status, "open", "open again");
    cd_store_close(store);
    return done_testing();
}
