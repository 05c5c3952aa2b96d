/* SPDX-License-Identifier: MIT */
/* Tasks: create (idempotent by generation key), complete, cancel with a reason. */
#include "config.h"
#include "core/task.h"

#include <stdio.h>
#include <string.h>

#include "core/audit.h"
#include "core/clock.h"
#include "core/db.h"

static const char SQL_INSERT[] =
    "INSERT INTO tasks(patient_id, kind, title, due_at, due_date, priority, assignee_id, team, "
    "encounter_id, gen_key, created_at, created_by) VALUES (:patient, :kind, :title, :due_at, "
    ":due_date, :priority, :assignee, :team, :encounter, :gen_key, :at, :by)";
static const char SQL_BY_KEY[] = "SELECT id FROM tasks WHERE gen_key = :key";
static const char SQL_GET[] =
    "SELECT id, patient_id, coalesce(encounter_id, 0), kind, status, due_at, due_date, "
    "attempts_satisfied FROM tasks WHERE id = :id";
static const char SQL_FIND_OPEN[] =
    "SELECT id FROM tasks WHERE patient_id = :patient AND kind = :kind AND status = 'open' "
    "ORDER BY due_at, id LIMIT 1";
static const char SQL_CLOSE[] =
    "UPDATE tasks SET status = :status, closed_at = :at, closed_by = :by, close_reason = :reason, "
    "version = version + 1 WHERE id = :id AND status = 'open'";
static const char SQL_SATISFIED[] =
    "UPDATE tasks SET attempts_satisfied = 1, version = version + 1 "
    "WHERE id = :id AND attempts_satisfied = 0";
static const char SQL_OPEN_FOR_ENCOUNTER[] =
    "SELECT id FROM tasks WHERE encounter_id = :encounter AND status = 'open' ORDER BY id";
static const char SQL_LIST_PATIENT[] =
    "SELECT t.id, t.kind, t.title, t.due_date, t.status, u.login AS assignee, t.team, "
    "t.attempts_satisfied, t.close_reason FROM tasks t LEFT JOIN users u ON u.id = t.assignee_id "
    "WHERE t.patient_id = :patient ORDER BY t.due_at, t.id";

int cd_task_create(struct cd_store *store, const struct cd_task_in *in, int64_t *id, int *created,
                   struct cd_error *err)
{
    sqlite3_stmt *st;
    int rc;
    *created = 0;
    if (in->gen_key) {
        if (!(st = cd_db_stmt(store, SQL_BY_KEY, err)))
            return err ? err->code : CD_EIO;
        cd_db_bind_text(st, ":key", in->gen_key);
        rc = cd_db_step(store, st, err);
        if (rc == 1)
            *id = sqlite3_column_int64(st, 0);
        cd_db_done(st);
        if (rc)
            return rc < 0 ? rc : 0;
    }
    if (!(st = cd_db_stmt(store, SQL_INSERT, err)))
        return err ? err->code : CD_EIO;
    char due_at[CD_INSTANT_LEN], due_date[CD_DATE_LEN], at[CD_INSTANT_LEN];
    cd_db_bind_int(st, ":patient", in->patient_id);
    cd_db_bind_text(st, ":kind", in->kind);
    cd_db_bind_opt(st, ":title", in->title);
    cd_db_bind_text(st, ":due_at", cd_instant_format(in->due_at, due_at));
    cd_db_bind_text(st, ":due_date", cd_date_format(in->due_day, due_date));
    cd_db_bind_int(st, ":priority", in->priority);
    cd_db_bind_id(st, ":assignee", in->assignee_id);
    cd_db_bind_opt(st, ":team", in->assignee_id ? NULL : in->team);
    cd_db_bind_id(st, ":encounter", in->encounter_id);
    cd_db_bind_opt(st, ":gen_key", in->gen_key);
    cd_db_bind_text(st, ":at", cd_instant_format(cd_clock_now(), at));
    cd_db_bind_id(st, ":by", cd_store_actor(store));
    rc = cd_db_exec(store, st, err);
    cd_db_done(st);
    if (rc)
        return rc;
    *id = cd_db_last_id(store);
    *created = 1;
    return cd_audit_log(store, "task", *id, "create", in->kind, err);
}

int cd_task_get(struct cd_store *store, int64_t id, struct cd_task *out, struct cd_error *err)
{
    sqlite3_stmt *st = cd_db_stmt(store, SQL_GET, err);
    if (!st)
        return err ? err->code : CD_EIO;
    cd_db_bind_int(st, ":id", id);
    int rc = cd_db_step(store, st, err);
    if (rc == 1) {
        memset(out, 0, sizeof *out);
        out->id = sqlite3_column_int64(st, 0);
        out->patient_id = sqlite3_column_int64(st, 1);
        out->encounter_id = sqlite3_column_int64(st, 2);
        snprintf(out->kind, sizeof out->kind, "%s", (const char *)sqlite3_column_text(st, 3));
        snprintf(out->status, sizeof out->status, "%s", (const char *)sqlite3_column_text(st, 4));
        rc = cd_instant_parse((const char *)sqlite3_column_text(st, 5), &out->due_at, err);
        if (!rc)
            rc = cd_date_parse((const char *)sqlite3_column_text(st, 6), &out->due_day, err);
        out->attempts_satisfied = sqlite3_column_int(st, 7);
    } else if (rc == 0) {
        rc = cd_error_set(err, CD_ENOTFOUND, "no task %lld", (long long)id);
    }
    cd_db_done(st);
    return rc;
}

int cd_task_find_open(struct cd_store *store, int64_t patient_id, const char *kind,
                      struct cd_task *out, struct cd_error *err)
{
    sqlite3_stmt *st = cd_db_stmt(store, SQL_FIND_OPEN, err);
    if (!st)
        return err ? err->code : CD_EIO;
    cd_db_bind_int(st, ":patient", patient_id);
    cd_db_bind_text(st, ":kind", kind);
    int64_t id = 0;
    int rc = cd_db_step(store, st, err);
    if (rc == 1)
        id = sqlite3_column_int64(st, 0);
    cd_db_done(st);
    if (rc < 0)
        return rc;
    if (!id)
        return cd_error_set(err, CD_ENOTFOUND, "no open %s task", kind);
    return cd_task_get(store, id, out, err);
}

static int close_task(struct cd_store *store, int64_t id, const char *status, const char *reason,
                      struct cd_error *err)
{
    sqlite3_stmt *st = cd_db_stmt(store, SQL_CLOSE, err);
    if (!st)
        return err ? err->code : CD_EIO;
    char at[CD_INSTANT_LEN];
    cd_db_bind_text(st, ":status", status);
    cd_db_bind_text(st, ":at", cd_instant_format(cd_clock_now(), at));
    cd_db_bind_id(st, ":by", cd_store_actor(store));
    cd_db_bind_opt(st, ":reason", reason);
    cd_db_bind_int(st, ":id", id);
    int rc = cd_db_exec(store, st, err);
    cd_db_done(st);
    if (rc)
        return rc;
    if (cd_db_changes(store) == 0)
        return cd_error_set(err, CD_ECONFLICT, "task %lld is no longer open", (long long)id);
    return cd_audit_log(store, "task", id, strcmp(status, "done") ? "cancel" : "complete", reason,
                        err);
}

int cd_task_complete(struct cd_store *store, int64_t id, const char *reason, struct cd_error *err)
{
    return close_task(store, id, "done", reason, err);
}

int cd_task_set_attempts_satisfied(struct cd_store *store, int64_t id, struct cd_error *err)
{
    sqlite3_stmt *st = cd_db_stmt(store, SQL_SATISFIED, err);
    if (!st)
        return err ? err->code : CD_EIO;
    cd_db_bind_int(st, ":id", id);
    int rc = cd_db_exec(store, st, err);
    cd_db_done(st);
    if (!rc && cd_db_changes(store) > 0)
        rc = cd_audit_log(store, "task", id, "attempts_satisfied", NULL, err);
    return rc;
}

int cd_task_cancel_for_encounter(struct cd_store *store, int64_t encounter_id, const char *reason,
                                 int *n, struct cd_error *err)
{
    int64_t ids[16];
    int count = 0, rc;
    if (n)
        *n = 0;
    /* Collect first: closing while the SELECT is stepping would disturb it. */
    do {
        sqlite3_stmt *st = cd_db_stmt(store, SQL_OPEN_FOR_ENCOUNTER, err);
        if (!st)
            return err ? err->code : CD_EIO;
        cd_db_bind_int(st, ":encounter", encounter_id);
        count = 0;
        while ((rc = cd_db_step(store, st, err)) == 1 && count < 16)
            ids[count++] = sqlite3_column_int64(st, 0);
        cd_db_done(st);
        if (rc < 0)
            return rc;
        for (int i = 0; i < count; i++) {
            if ((rc = close_task(store, ids[i], "cancelled", reason, err)))
                return rc;
            if (n)
                (*n)++;
        }
    } while (count == 16);
    return 0;
}

int cd_task_list_patient(struct cd_store *store, int64_t patient_id, struct cd_page *page,
                         struct cd_error *err)
{
    sqlite3_stmt *st = cd_db_stmt(store, SQL_LIST_PATIENT, err);
    if (!st)
        return err ? err->code : CD_EIO;
    cd_db_bind_int(st, ":patient", patient_id);
    int rc = cd_db_fill_page(store, st, page, err);
    cd_db_done(st);
    return rc;
}
