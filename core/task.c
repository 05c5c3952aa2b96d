/* SPDX-License-Identifier: MIT */
/* Tasks: create (idempotent by generation key), complete, cancel with a reason. */
#include "config.h"
#include "core/task.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/base/text.h"
#include "core/store/audit.h"
#include "core/store/db.h"
#include "core/user.h"

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
static const char SQL_CLOSE_APPT[] =
    "UPDATE tasks SET status = 'done', closed_at = :at, closed_by = :by, close_reason = :reason, "
    "appointment_id = :appt, version = version + 1 WHERE id = :id AND status = 'open'";
static const char SQL_REOPEN[] =
    "UPDATE tasks SET status = 'open', closed_at = NULL, closed_by = NULL, close_reason = NULL, "
    "version = version + 1 WHERE id = :id AND status = 'done'";
static const char SQL_SATISFIED[] =
    "UPDATE tasks SET attempts_satisfied = 1, version = version + 1 "
    "WHERE id = :id AND attempts_satisfied = 0";
static const char SQL_OPEN_FOR_ENCOUNTER[] =
    "SELECT id FROM tasks WHERE encounter_id = :encounter AND status = 'open' ORDER BY id";
/* The tasks an ended PROGRAM leaves without a reason to exist (cd_task_cancel_for_program). */
static const char SQL_OPEN_FOR_PROGRAM[] =
    "SELECT t.id FROM tasks t WHERE t.patient_id = :patient AND t.status = 'open' AND ("
    "(:program = 'tcm' AND (t.kind = 'tcm_contact' OR t.kind = 'tcm_visit') "
    "AND " CD_SQL_TASK_UNENROLLED(
        "t") ") OR (:program IN " CD_SQL_CARE_PROGRAMS
             " AND t.kind = 'ccm_outreach' AND " CD_SQL_TASK_UNENROLLED(
                 "t") ") OR "
                      "((:program = 'apcm' OR :program IN " CD_SQL_CARE_PROGRAMS
                      ") AND t.kind = 'careplan_review' "
                      "AND NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.patient_id = "
                      "t.patient_id AND "
                      "e.status = 'active' AND (e.program = 'apcm' OR e.program "
                      "IN " CD_SQL_CARE_PROGRAMS ")))) ORDER BY t.id";
/* A claim made before today's start has lapsed. */
static const char SQL_CLAIM[] =
    "UPDATE tasks SET claimed_by = :me, claimed_at = :at, version = version + 1 "
    "WHERE id = :id AND status = 'open' AND (claimed_by IS NULL OR claimed_by = :me "
    "OR claimed_at < :day_start)";
static const char SQL_HOLDER[] =
    "SELECT t.status, coalesce(t.claimed_by, 0), coalesce(u.login, ''), t.claimed_at "
    "FROM tasks t LEFT JOIN users u ON u.id = t.claimed_by WHERE t.id = :id";
static const char SQL_UNCLAIM[] =
    "UPDATE tasks SET claimed_by = NULL, claimed_at = NULL, version = version + 1 "
    "WHERE id = :id AND status = 'open' AND claimed_by = :me";
/* Back to the queue: keep the team, else take the last assignee's team. */
static const char SQL_ASSIGN[] =
    "UPDATE tasks SET team = CASE WHEN :assignee IS NULL THEN coalesce(team, "
    "(SELECT u.team FROM users u WHERE u.id = tasks.assignee_id)) ELSE team END, "
    "assignee_id = :assignee, claimed_by = NULL, claimed_at = NULL, version = version + 1 "
    "WHERE id = :id AND status = 'open'";
static const char SQL_SNOOZE[] =
    "UPDATE tasks SET due_at = :due_at, due_date = :due_date, snooze_reason = :reason, "
    "claimed_by = NULL, claimed_at = NULL, version = version + 1 WHERE id = :id AND status = "
    "'open'";
static const char SQL_NOTE[] = "INSERT INTO notes(patient_id, user_id, at, kind, text) VALUES "
                               "(:patient, :user, :at, 'snooze', :text)";
static const char SQL_OPEN_CALLBACKS[] =
    "SELECT id FROM tasks WHERE patient_id = :patient AND kind = 'callback' AND status = 'open' "
    "ORDER BY id";
static const char SQL_LIST_PATIENT[] =
    "SELECT t.id, t.kind, t.title, t.due_date, t.status, u.login AS assignee, t.team, "
    "t.attempts_satisfied, t.close_reason FROM tasks t LEFT JOIN users u ON u.id = t.assignee_id "
    "WHERE t.patient_id = :patient ORDER BY t.due_at, t.id";

int cd_task_create(struct cd_store *store, const struct cd_task_in *in, int64_t *id, int *created,
                   struct cd_error *err)
{
    struct cd_stmt *st;
    int rc;
    *created = 0;
    if (in->gen_key) {
        if ((rc = cd_db_stmt(store, SQL_BY_KEY, &st, err)))
            return rc;
        cd_db_bind_text(st, ":key", in->gen_key);
        rc = cd_db_step(store, st, err);
        if (rc == 1)
            *id = cd_db_col_int(st, 0);
        cd_db_done(st);
        if (rc)
            return rc < 0 ? rc : 0;
    }
    if ((rc = cd_db_stmt(store, SQL_INSERT, &st, err)))
        return rc;
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
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_GET, &st, err)))
        return rc;
    cd_db_bind_int(st, ":id", id);
    rc = cd_db_step(store, st, err);
    if (rc == 1) {
        memset(out, 0, sizeof *out);
        out->id = cd_db_col_int(st, 0);
        out->patient_id = cd_db_col_int(st, 1);
        out->encounter_id = cd_db_col_int(st, 2);
        snprintf(out->kind, sizeof out->kind, "%s", cd_db_col_text(st, 3));
        snprintf(out->status, sizeof out->status, "%s", cd_db_col_text(st, 4));
        rc = cd_instant_parse(cd_db_col_text(st, 5), &out->due_at, err);
        if (!rc)
            rc = cd_date_parse(cd_db_col_text(st, 6), &out->due_day, err);
        out->attempts_satisfied = cd_db_col_int(st, 7);
    } else if (rc == 0) {
        rc = cd_error_set(err, CD_ENOTFOUND, "no task %lld", (long long)id);
    }
    cd_db_done(st);
    return rc;
}

int cd_task_find_open(struct cd_store *store, int64_t patient_id, const char *kind,
                      struct cd_task *out, struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_FIND_OPEN, &st, err)))
        return rc;
    cd_db_bind_int(st, ":patient", patient_id);
    cd_db_bind_text(st, ":kind", kind);
    int64_t id = 0;
    rc = cd_db_step(store, st, err);
    if (rc == 1)
        id = cd_db_col_int(st, 0);
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
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_CLOSE, &st, err)))
        return rc;
    char at[CD_INSTANT_LEN];
    cd_db_bind_text(st, ":status", status);
    cd_db_bind_text(st, ":at", cd_instant_format(cd_clock_now(), at));
    cd_db_bind_id(st, ":by", cd_store_actor(store));
    cd_db_bind_opt(st, ":reason", reason);
    cd_db_bind_int(st, ":id", id);
    rc = cd_db_exec(store, st, err);
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
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_SATISFIED, &st, err)))
        return rc;
    cd_db_bind_int(st, ":id", id);
    rc = cd_db_exec(store, st, err);
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
        struct cd_stmt *st;
        if ((rc = cd_db_stmt(store, SQL_OPEN_FOR_ENCOUNTER, &st, err)))
            return rc;
        cd_db_bind_int(st, ":encounter", encounter_id);
        count = 0;
        while ((rc = cd_db_step(store, st, err)) == 1 && count < 16)
            ids[count++] = cd_db_col_int(st, 0);
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

int cd_task_cancel_for_program(struct cd_store *store, int64_t patient_id, const char *program,
                               const char *reason, int *n, struct cd_error *err)
{
    int64_t *ids = NULL;
    size_t count = 0, cap = 0;
    struct cd_stmt *st;
    if (n)
        *n = 0;
    int rc = cd_db_stmt(store, SQL_OPEN_FOR_PROGRAM, &st, err);
    if (rc)
        return rc;
    cd_db_bind_int(st, ":patient", patient_id);
    cd_db_bind_text(st, ":program", program);
    char today[CD_DATE_LEN];
    cd_db_bind_text(st, ":today", cd_date_format(cd_clock_today(), today));
    /* collect first: closing while the SELECT steps would disturb it */
    while ((rc = cd_db_step(store, st, err)) == 1) {
        if (count == cap) {
            int64_t *grown = realloc(ids, (cap = cap ? 2 * cap : 8) * sizeof *ids);
            if (!grown) {
                rc = cd_error_set(err, CD_ENOMEM, "out of memory");
                break;
            }
            ids = grown;
        }
        ids[count++] = cd_db_col_int(st, 0);
    }
    cd_db_done(st);
    for (size_t i = 0; rc == 0 && i < count; i++)
        if (!(rc = close_task(store, ids[i], "cancelled", reason, err)) && n)
            (*n)++;
    free(ids);
    return rc < 0 ? rc : 0;
}

int cd_task_list_patient(struct cd_store *store, int64_t patient_id, struct cd_page *page,
                         struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_LIST_PATIENT, &st, err)))
        return rc;
    cd_db_bind_int(st, ":patient", patient_id);
    rc = cd_db_fill_page(store, st, page, err);
    cd_db_done(st);
    return rc;
}

/* Run one UPDATE on task ID with STMT's other parameters bound; *CHANGED gets the row count. */
static int update(struct cd_store *store, struct cd_stmt *st, int *changed, struct cd_error *err)
{
    int rc = cd_db_exec(store, st, err);
    cd_db_done(st);
    *changed = rc ? 0 : cd_db_changes(store);
    return rc;
}

/* Why an UPDATE of task ID matched no row: gone, closed, or claimed by someone (*HOLDER). */
static int refusal(struct cd_store *store, int64_t id, struct cd_task_claim *holder,
                   struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_HOLDER, &st, err)))
        return rc;
    cd_db_bind_int(st, ":id", id);
    rc = cd_db_step(store, st, err);
    if (rc == 0)
        rc = cd_error_set(err, CD_ENOTFOUND, "no task %lld", (long long)id);
    else if (rc == 1 && strcmp(cd_db_col_text(st, 0), "open") != 0)
        rc = cd_error_set(err, CD_ECONFLICT, "task %lld is no longer open", (long long)id);
    else if (rc == 1 && cd_db_col_int(st, 1) == 0)
        rc = 0; /* open and unclaimed: the caller says why */
    else if (rc == 1) {
        struct cd_task_claim h = {.user_id = cd_db_col_int(st, 1)};
        snprintf(h.login, sizeof h.login, "%s", cd_db_col_text(st, 2));
        const char *at = cd_db_col_text(st, 3);
        if (at)
            cd_instant_parse(at, &h.at, NULL);
        char local[17];
        cd_instant_format_local(h.at, local);
        rc = cd_error_set(err, CD_ECONFLICT, "task %lld is claimed by %s since %s", (long long)id,
                          h.login, local + 11);
        if (holder)
            *holder = h;
    }
    cd_db_done(st);
    return rc;
}

/* Commit after RC == 0, else roll back; returns RC or the commit's error. */
static int finish(struct cd_store *store, int rc, struct cd_error *err)
{
    if (!rc)
        rc = cd_store_commit(store, err);
    if (rc)
        cd_store_rollback(store);
    return rc;
}

int cd_task_claim(struct cd_store *store, int64_t id, struct cd_task_claim *holder,
                  struct cd_error *err)
{
    int64_t me = cd_store_actor(store);
    if (!me)
        return cd_error_set(err, CD_EPERM, "claiming a task needs a staff member");
    int rc = cd_store_begin(store, err), changed = 0;
    if (rc)
        return rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_CLAIM, &st, err)))
        return finish(store, rc, err);
    char at[CD_INSTANT_LEN], start[CD_INSTANT_LEN];
    time_t now = cd_clock_now();
    cd_db_bind_int(st, ":id", id);
    cd_db_bind_int(st, ":me", me);
    cd_db_bind_text(st, ":at", cd_instant_format(now, at));
    cd_db_bind_text(
        st, ":day_start",
        cd_instant_format(cd_local_to_instant(cd_instant_local_day(now), 0, 0, 0), start));
    rc = update(store, st, &changed, err);
    if (!rc && !changed && !(rc = refusal(store, id, holder, err)))
        rc = cd_error_set(err, CD_ECONFLICT, "task %lld could not be claimed", (long long)id);
    if (!rc)
        rc = cd_audit_log(store, "task", id, "claim", NULL, err);
    return finish(store, rc, err);
}

int cd_task_unclaim(struct cd_store *store, int64_t id, struct cd_error *err)
{
    int rc = cd_store_begin(store, err), changed = 0;
    if (rc)
        return rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_UNCLAIM, &st, err)))
        return finish(store, rc, err);
    cd_db_bind_int(st, ":id", id);
    cd_db_bind_int(st, ":me", cd_store_actor(store));
    rc = update(store, st, &changed, err);
    if (!rc && !changed && !(rc = refusal(store, id, NULL, err)))
        rc = cd_error_set(err, CD_ECONFLICT, "task %lld is not claimed", (long long)id);
    if (!rc)
        rc = cd_audit_log(store, "task", id, "unclaim", NULL, err);
    return finish(store, rc, err);
}

int cd_task_assign(struct cd_store *store, int64_t id, const char *login, struct cd_error *err)
{
    struct cd_user u = {0};
    int rc;
    if (login && *login && (rc = cd_user_find(store, login, &u, err)))
        return rc;
    if ((rc = cd_store_begin(store, err)))
        return rc;
    int changed = 0;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_ASSIGN, &st, err)))
        return finish(store, rc, err);
    cd_db_bind_int(st, ":id", id);
    cd_db_bind_id(st, ":assignee", u.id);
    rc = update(store, st, &changed, err);
    if (!rc && !changed && !(rc = refusal(store, id, NULL, err)))
        rc = cd_error_set(err, CD_ECONFLICT, "task %lld is no longer open", (long long)id);
    if (!rc)
        rc = cd_audit_log(store, "task", id, "assign", u.id ? u.login : "queue", err);
    return finish(store, rc, err);
}

int cd_task_snoozable(const char *kind, struct cd_error *err)
{
    if (kind && (strcmp(kind, "tcm_contact") == 0 || strcmp(kind, "tcm_visit") == 0))
        return cd_error_set(err, CD_EINVAL,
                            "a %s has a deadline and cannot be snoozed; log the attempt or book "
                            "the visit",
                            cd_task_kind_label(kind));
    return 0;
}

int cd_task_snooze(struct cd_store *store, int64_t id, int day, const char *reason,
                   struct cd_error *err)
{
    const char *why = cd_text_check(reason, 200, true);
    if (why)
        return cd_error_set(err, CD_EINVAL, "reason: %s", why);
    char date[CD_DATE_LEN], due[CD_INSTANT_LEN], now_s[CD_INSTANT_LEN];
    if (day <= cd_clock_today())
        return cd_error_set(err, CD_EINVAL, "date: %s is not after today",
                            cd_date_format(day, date));
    struct cd_task t;
    int rc = cd_task_get(store, id, &t, err);
    if (rc)
        return rc;
    if (strcmp(t.status, "open") != 0)
        return cd_error_set(err, CD_ECONFLICT, "task %lld is no longer open", (long long)id);
    if ((rc = cd_task_snoozable(t.kind, err)))
        return rc;
    if ((rc = cd_store_begin(store, err)))
        return rc;
    int changed = 0;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_SNOOZE, &st, err)))
        return finish(store, rc, err);
    cd_date_format(day, date);
    cd_db_bind_int(st, ":id", id);
    /* the same time of day (a call back keeps its hour; an end-of-day deadline stays one) */
    struct tm tm;
    cd_instant_local_tm(t.due_at, &tm);
    cd_db_bind_text(
        st, ":due_at",
        cd_instant_format(cd_local_to_instant(day, tm.tm_hour, tm.tm_min, tm.tm_sec), due));
    cd_db_bind_text(st, ":due_date", date);
    cd_db_bind_text(st, ":reason", reason);
    rc = update(store, st, &changed, err);
    if (!rc && !changed)
        rc = cd_error_set(err, CD_ECONFLICT, "task %lld is no longer open", (long long)id);
    if (!rc)
        rc = cd_db_stmt(store, SQL_NOTE, &st, err);
    if (!rc) {
        char text[300];
        /* the job in the words the list uses, never its stored key */
        snprintf(text, sizeof text, "Snoozed the %s to %s: %s", cd_task_kind_label(t.kind), date,
                 reason);
        cd_db_bind_int(st, ":patient", t.patient_id);
        cd_db_bind_id(st, ":user", cd_store_actor(store));
        cd_db_bind_text(st, ":at", cd_instant_format(cd_clock_now(), now_s));
        cd_db_bind_text(st, ":text", text);
        rc = cd_db_exec(store, st, err);
        cd_db_done(st);
    }
    if (!rc)
        rc = cd_audit_log(store, "task", id, "snooze", date, err);
    return finish(store, rc, err);
}

int cd_task_cancel(struct cd_store *store, int64_t id, const char *reason, struct cd_error *err)
{
    return close_task(store, id, "cancelled", reason, err);
}

int cd_task_callback(struct cd_store *store, int64_t patient_id, time_t at, const char *note,
                     int64_t *id, struct cd_error *err)
{
    const char *why = cd_text_check(note, 200, false);
    if (why)
        return cd_error_set(err, CD_EINVAL, "note: %s", why);
    if (at < cd_clock_now() - 60)
        return cd_error_set(err, CD_EINVAL, "at: a call back cannot be in the past");
    int rc = cd_store_begin(store, err);
    if (rc)
        return rc;
    /* the patient's earlier callbacks are replaced: collect first, then close */
    int64_t old[16];
    int n = 0;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_OPEN_CALLBACKS, &st, err)))
        return finish(store, rc, err);
    cd_db_bind_int(st, ":patient", patient_id);
    while ((rc = cd_db_step(store, st, err)) == 1 && n < 16)
        old[n++] = cd_db_col_int(st, 0);
    cd_db_done(st);
    if (rc < 0)
        return finish(store, rc, err);
    char local[17], reason[64];
    snprintf(reason, sizeof reason, "replaced by the call back at %s",
             cd_instant_format_local(at, local));
    rc = 0;
    for (int i = 0; !rc && i < n; i++)
        rc = close_task(store, old[i], "cancelled", reason, err);
    struct cd_task_in in = {.patient_id = patient_id,
                            .kind = "callback",
                            .title = note && *note ? note : NULL,
                            .due_at = at,
                            .due_day = cd_instant_local_day(at),
                            .assignee_id = cd_store_actor(store)};
    int64_t new_id = 0;
    int created;
    if (!rc)
        rc = cd_task_create(store, &in, &new_id, &created, err);
    if (!rc && id)
        *id = new_id;
    return finish(store, rc, err);
}

int cd_task_complete_by_appointment(struct cd_store *store, int64_t id, int64_t appointment_id,
                                    const char *reason, struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_CLOSE_APPT, &st, err)))
        return rc;
    char at[CD_INSTANT_LEN];
    cd_db_bind_int(st, ":id", id);
    cd_db_bind_text(st, ":at", cd_instant_format(cd_clock_now(), at));
    cd_db_bind_id(st, ":by", cd_store_actor(store));
    cd_db_bind_opt(st, ":reason", reason);
    cd_db_bind_int(st, ":appt", appointment_id);
    int changed = 0;
    rc = update(store, st, &changed, err);
    if (!rc && !changed)
        rc = cd_error_set(err, CD_ECONFLICT, "task %lld is no longer open", (long long)id);
    return rc ? rc : cd_audit_log(store, "task", id, "close", reason, err);
}

int cd_task_reopen(struct cd_store *store, int64_t id, const char *detail, struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_REOPEN, &st, err)))
        return rc;
    cd_db_bind_int(st, ":id", id);
    int changed = 0;
    rc = update(store, st, &changed, err);
    if (!rc && !changed)
        rc = cd_error_set(err, CD_ECONFLICT, "task %lld is not done", (long long)id);
    return rc ? rc : cd_audit_log(store, "task", id, "reopen", detail, err);
}
