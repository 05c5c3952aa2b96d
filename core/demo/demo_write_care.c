/* SPDX-License-Identifier: MIT */
/* The demo's bulk-load module, part two: the work and the chart (tasks, calls, time entries,
 * care plans with their versions and items, referrals, notes). See demo_write.c for part one. */
#include "config.h"

#include "core/base/clock.h"
#include "core/contact.h"
#include "core/demo/demo_gen.h"
#include "core/store/db.h"
#include "core/timeentry.h"

/* Why not core's functions: cd_task_create, cd_contact_log, cd_time_insert, cd_careplan_save
 * and cd_note_add stamp their rows with the present, audit each row, and do per row what the
 * steps settle once (cd_contact_log looks the patient's tasks up and closes what a call
 * answers; cd_careplan_save diffs against the last version). The statements below keep their
 * rules; where a rule is a core function of its own (the month of an instant, whether an
 * outcome is interactive), it is called. */

/* cd_task_create's row (core/task.c), with the outcome of a task already worked. */
static const char SQL_TASK[] =
    "INSERT INTO tasks(patient_id, kind, title, due_at, due_date, status, priority, assignee_id, "
    "team, encounter_id, appointment_id, attempts_satisfied, gen_key, created_at, created_by, "
    "closed_at, closed_by, close_reason) VALUES (:pid, :kind, :title, :due_at, :due_date, "
    ":status, :priority, :assignee, :team, :enc, :appt, :attempts, :gen_key, :at, :by, :closed, "
    ":closed_by, :reason)";
/* cd_contact_log's row (core/contact.c). */
static const char SQL_CONTACT[] =
    "INSERT INTO contacts(patient_id, task_id, user_id, at, channel, outcome, interactive, late, "
    "note) VALUES (:pid, :task, :user, :at, 'phone', :outcome, :interactive, :late, :note)";
/* cd_time_insert's row (core/timeentry.c), logged when the work ended. */
static const char SQL_TIME[] =
    "INSERT INTO time_entries(patient_id, user_id, program, performer_role, start_at, end_at, "
    "seconds, month, activity, source, note, created_at) VALUES (:pid, :user, :program, :role, "
    ":start, :end, :seconds, :month, :activity, 'demo', :note, :end)";
/* cd_careplan_save's rows (core/careplan_version.c); a deceased patient's plan is completed. */
static const char SQL_PLAN[] =
    "INSERT INTO care_plans(patient_id, current_version, status, created_at, updated_at) "
    "VALUES (:pid, :version, :status, :at, :updated)";
static const char SQL_VERSION[] =
    "INSERT INTO care_plan_versions(care_plan_id, version, created_at, created_by, summary, "
    "next_review_date) VALUES (:plan, :version, :at, :by, :summary, :review)";
static const char SQL_ITEM[] =
    "INSERT INTO care_plan_items(version_id, item_key, section, position, text, code, target, "
    "target_date, status, responsible, dose, route, reconciled_on) VALUES (:version, :key, "
    ":section, :position, :text, :code, :target, :target_date, :status, :responsible, :dose, "
    ":route, :reconciled)";
/* No core function writes a referral yet (the timeline reads them). */
static const char SQL_REFERRAL[] =
    "INSERT INTO referrals(patient_id, to_provider, specialty, reason, status, sent_at, closed_at, "
    "created_by) VALUES (:pid, :to, :specialty, :reason, :status, :sent, :closed, :by)";
/* cd_note_add's row (core/note.c); the demo's texts are already in its normal form. */
static const char SQL_NOTE[] = "INSERT INTO notes(patient_id, user_id, at, kind, text) "
                               "VALUES (:pid, :user, :at, 'note', :text)";

int demo_write_task(struct demo_gen *g, const struct demo_patient *p, const struct demo_task *t,
                    int64_t *id)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(g->store, SQL_TASK, &st, g->err)))
        return rc;
    char due[CD_INSTANT_LEN], date[CD_DATE_LEN], at[CD_INSTANT_LEN], closed[CD_INSTANT_LEN];
    cd_db_bind_int(st, ":pid", p->id);
    cd_db_bind_text(st, ":kind", t->kind);
    cd_db_bind_opt(st, ":title", t->title);
    cd_db_bind_text(st, ":due_at",
                    cd_instant_format(t->due_at ? t->due_at : demo_day_end(t->due_day), due));
    cd_db_bind_text(st, ":due_date", cd_date_format(t->due_day, date));
    cd_db_bind_text(st, ":status", t->status);
    cd_db_bind_int(st, ":priority", t->priority);
    /* as cd_task_create: the coordinator, or else the team's queue, never both */
    cd_db_bind_id(st, ":assignee", p->coord);
    cd_db_bind_opt(st, ":team", p->coord ? NULL : p->team);
    cd_db_bind_id(st, ":enc", t->encounter);
    cd_db_bind_id(st, ":appt", t->appointment);
    cd_db_bind_int(st, ":attempts", t->attempts_satisfied);
    cd_db_bind_opt(st, ":gen_key", t->gen_key);
    cd_db_bind_text(st, ":at", cd_instant_format(t->created, at));
    cd_db_bind_id(st, ":by", t->created_by);
    cd_db_bind_opt(st, ":closed", t->closed ? cd_instant_format(t->closed, closed) : NULL);
    cd_db_bind_id(st, ":closed_by", t->closed ? t->closed_by : 0);
    cd_db_bind_opt(st, ":reason", t->closed ? t->close_reason : NULL);
    rc = cd_db_exec(g->store, st, g->err);
    cd_db_done(st);
    if (!rc) {
        g->st->tasks++;
        if (id)
            *id = cd_db_last_id(g->store);
    }
    return rc;
}

int demo_write_contact(struct demo_gen *g, const struct demo_patient *p, int64_t task, int64_t user,
                       time_t at, const char *outcome, int late, const char *note)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(g->store, SQL_CONTACT, &st, g->err)))
        return rc;
    char a[CD_INSTANT_LEN];
    cd_db_bind_int(st, ":pid", p->id);
    cd_db_bind_id(st, ":task", task);
    cd_db_bind_id(st, ":user", user);
    cd_db_bind_text(st, ":at", cd_instant_format(at, a));
    cd_db_bind_text(st, ":outcome", outcome);
    cd_db_bind_int(st, ":interactive", cd_contact_interactive(outcome, NULL));
    cd_db_bind_int(st, ":late", late);
    cd_db_bind_opt(st, ":note", note);
    rc = cd_db_exec(g->store, st, g->err);
    cd_db_done(st);
    if (!rc)
        g->st->contacts++;
    return rc;
}

int demo_write_time_entry(struct demo_gen *g, const struct demo_patient *p, int64_t user,
                          const char *program, const char *role, time_t start, int seconds,
                          const char *activity, const char *note)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(g->store, SQL_TIME, &st, g->err)))
        return rc;
    char s[CD_INSTANT_LEN], e[CD_INSTANT_LEN], month[CD_MONTH_LEN];
    cd_db_bind_int(st, ":pid", p->id);
    cd_db_bind_id(st, ":user", user);
    cd_db_bind_text(st, ":program", program);
    cd_db_bind_text(st, ":role", role);
    cd_db_bind_text(st, ":start", cd_instant_format(start, s));
    cd_db_bind_text(st, ":end", cd_instant_format(start + seconds, e));
    cd_db_bind_int(st, ":seconds", seconds);
    cd_db_bind_text(st, ":month", cd_month_of(start, month));
    cd_db_bind_text(st, ":activity", activity);
    cd_db_bind_opt(st, ":note", note);
    rc = cd_db_exec(g->store, st, g->err);
    cd_db_done(st);
    if (!rc)
        g->st->time_entries++;
    return rc;
}

int demo_write_careplan(struct demo_gen *g, const struct demo_patient *p, int versions,
                        const char *status, time_t created, time_t updated, int64_t *id)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(g->store, SQL_PLAN, &st, g->err)))
        return rc;
    char a[CD_INSTANT_LEN], u[CD_INSTANT_LEN];
    cd_db_bind_int(st, ":pid", p->id);
    cd_db_bind_int(st, ":version", versions);
    cd_db_bind_text(st, ":status", status);
    cd_db_bind_text(st, ":at", cd_instant_format(created, a));
    cd_db_bind_text(st, ":updated", cd_instant_format(updated, u));
    rc = cd_db_exec(g->store, st, g->err);
    cd_db_done(st);
    if (!rc) {
        *id = cd_db_last_id(g->store);
        g->st->care_plans++;
    }
    return rc;
}

int demo_write_careplan_version(struct demo_gen *g, const struct demo_plan_version *v, int64_t *id)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(g->store, SQL_VERSION, &st, g->err)))
        return rc;
    char a[CD_INSTANT_LEN], rd[CD_DATE_LEN];
    cd_db_bind_int(st, ":plan", v->plan);
    cd_db_bind_int(st, ":version", v->version);
    cd_db_bind_text(st, ":at", cd_instant_format(v->created, a));
    cd_db_bind_id(st, ":by", v->created_by);
    cd_db_bind_text(st, ":summary", v->summary);
    cd_db_bind_text(st, ":review", cd_date_format(v->review_day, rd));
    rc = cd_db_exec(g->store, st, g->err);
    cd_db_done(st);
    if (!rc) {
        *id = cd_db_last_id(g->store);
        g->st->care_plan_versions++;
    }
    return rc;
}

int demo_write_careplan_item(struct demo_gen *g, int64_t version, int position,
                             const struct demo_item *it)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(g->store, SQL_ITEM, &st, g->err)))
        return rc;
    char td[CD_DATE_LEN], rd[CD_DATE_LEN];
    cd_db_bind_int(st, ":version", version);
    cd_db_bind_text(st, ":key", it->key);
    cd_db_bind_text(st, ":section", it->section);
    cd_db_bind_int(st, ":position", position);
    cd_db_bind_text(st, ":text", it->text);
    cd_db_bind_opt(st, ":code", it->code);
    cd_db_bind_opt(st, ":target", it->target);
    cd_db_bind_opt(st, ":target_date", it->target_day ? cd_date_format(it->target_day, td) : NULL);
    cd_db_bind_opt(st, ":status", it->status);
    cd_db_bind_opt(st, ":responsible", it->responsible);
    cd_db_bind_opt(st, ":dose", it->dose);
    cd_db_bind_opt(st, ":route", it->route);
    cd_db_bind_opt(st, ":reconciled",
                   it->reconciled_day ? cd_date_format(it->reconciled_day, rd) : NULL);
    rc = cd_db_exec(g->store, st, g->err);
    cd_db_done(st);
    if (!rc)
        g->st->care_plan_items++;
    return rc;
}

int demo_write_referral(struct demo_gen *g, const struct demo_patient *p,
                        const struct demo_referral *rf)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(g->store, SQL_REFERRAL, &st, g->err)))
        return rc;
    char sa[CD_INSTANT_LEN], ca[CD_INSTANT_LEN];
    cd_db_bind_int(st, ":pid", p->id);
    cd_db_bind_text(st, ":to", rf->to);
    cd_db_bind_text(st, ":specialty", rf->specialty);
    cd_db_bind_text(st, ":reason", rf->reason);
    cd_db_bind_text(st, ":status", rf->status);
    cd_db_bind_text(st, ":sent", cd_instant_format(rf->sent, sa));
    cd_db_bind_opt(st, ":closed", rf->closed ? cd_instant_format(rf->closed, ca) : NULL);
    cd_db_bind_id(st, ":by", rf->created_by);
    rc = cd_db_exec(g->store, st, g->err);
    cd_db_done(st);
    if (!rc)
        g->st->referrals++;
    return rc;
}

int demo_write_note(struct demo_gen *g, const struct demo_patient *p, int64_t user, time_t at,
                    const char *text)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(g->store, SQL_NOTE, &st, g->err)))
        return rc;
    char a[CD_INSTANT_LEN];
    cd_db_bind_int(st, ":pid", p->id);
    cd_db_bind_id(st, ":user", user);
    cd_db_bind_text(st, ":at", cd_instant_format(at, a));
    cd_db_bind_text(st, ":text", text);
    rc = cd_db_exec(g->store, st, g->err);
    cd_db_done(st);
    if (!rc)
        g->st->notes++;
    return rc;
}
