/* SPDX-License-Identifier: MIT */
/* Patient lifecycle: a death ends outreach everywhere at once, whichever path reports it (a
 * discharge's disposition or PID-29/30, or a nurse by hand), so no list, generation or calendar
 * keeps calling a patient who died. One function does it for every path. */
#include "config.h"
#include "core/lifecycle.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/appointment.h"
#include "core/base/strbuf.h"
#include "core/base/text.h"
#include "core/enrollment.h"
#include "core/note.h"
#include "core/patient.h"
#include "core/perm.h"
#include "core/store/audit.h"
#include "core/store/db.h"
#include "core/task.h"

static const char SQL_PATIENT[] =
    "SELECT mrn, birth_date, deceased_at FROM patients WHERE id = :id";
static const char SQL_SET_DECEASED[] =
    "UPDATE patients SET deceased_at = :died, updated_at = :at WHERE id = :id "
    "AND deceased_at IS NULL";
static const char SQL_CLEAR_DECEASED[] =
    "UPDATE patients SET deceased_at = NULL, updated_at = :at WHERE id = :id";
/* Visits still to happen at the death: booked, starting at or after it. */
static const char SQL_FUTURE_VISITS[] =
    "SELECT id FROM appointments WHERE patient_id = :id AND status = 'booked' "
    "AND start_at >= :from ORDER BY start_at, id";
static const char SQL_OPEN_TASKS[] =
    "SELECT id FROM tasks WHERE patient_id = :id AND status = 'open' ORDER BY id";
/* No review of the plan is due any more (the worklist generation reads active plans only). */
static const char SQL_PLAN_AUDIT[] =
    "SELECT 'care_plan', id, 'complete', 'patient died', patient_id FROM care_plans "
    "WHERE patient_id = :id AND (status = 'active' OR status = 'draft')";
static const char SQL_PLAN_COMPLETE[] =
    "UPDATE care_plans SET status = 'completed', updated_at = :at WHERE patient_id = :id "
    "AND (status = 'active' OR status = 'draft')";

#define DIED_REASON "patient died"

struct patient_life {
    char mrn[CD_PATIENT_MRN_MAX + 1];
    char birth[CD_DATE_LEN]; /* "" when unknown */
    int died;                /* the day of death on record */
    bool dead;
};

static int load(struct cd_store *store, int64_t id, struct patient_life *p, struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    memset(p, 0, sizeof *p);
    if ((rc = cd_db_stmt(store, SQL_PATIENT, &st, err)))
        return rc;
    cd_db_bind_int(st, ":id", id);
    rc = cd_db_step(store, st, err);
    if (rc == 1) {
        const char *birth = cd_db_col_text(st, 1);
        snprintf(p->mrn, sizeof p->mrn, "%s", cd_db_col_text(st, 0));
        snprintf(p->birth, sizeof p->birth, "%s", birth ? birth : "");
        p->dead = cd_patient_death_day(cd_db_col_text(st, 2), &p->died);
        rc = 0;
    } else if (rc == 0) {
        rc = cd_error_set(err, CD_ENOTFOUND, "no patient with id %lld", (long long)id);
    }
    cd_db_done(st);
    return rc;
}

/* The ids SQL (bound to :id = PATIENT and, when FROM, :from) returns, into *IDS (malloc'd). */
static int collect(struct cd_store *store, const char *sql, int64_t patient, const char *from,
                   int64_t **ids, size_t *n, struct cd_error *err)
{
    struct cd_stmt *st;
    size_t cap = 0;
    *ids = NULL;
    *n = 0;
    int rc = cd_db_stmt(store, sql, &st, err);
    if (rc)
        return rc;
    cd_db_bind_int(st, ":id", patient);
    if (from)
        cd_db_bind_text(st, ":from", from);
    while ((rc = cd_db_step(store, st, err)) == 1) {
        if (*n == cap) {
            int64_t *grown = realloc(*ids, (cap = cap ? 2 * cap : 8) * sizeof **ids);
            if (!grown) {
                rc = cd_error_set(err, CD_ENOMEM, "out of memory");
                break;
            }
            *ids = grown;
        }
        (*ids)[(*n)++] = cd_db_col_int(st, 0);
    }
    cd_db_done(st);
    return rc;
}

/* Cancel the booked visits from FROM on: each one's sequence goes up, so the next export tells
 * calendars it is CANCELLED. Before the tasks: a cancelled TCM visit reopens the task it closed. */
static int cancel_visits(struct cd_store *store, int64_t patient, const char *from,
                         struct cd_death_result *res, struct cd_error *err)
{
    int64_t *ids;
    size_t n;
    int rc = collect(store, SQL_FUTURE_VISITS, patient, from, &ids, &n, err);
    for (size_t i = 0; !rc && i < n; i++) {
        struct cd_appointment_result ar;
        if (!(rc = cd_appointment_cancel(store, ids[i], DIED_REASON, &ar, err)))
            res->appointments++;
    }
    free(ids);
    return rc;
}

static int cancel_tasks(struct cd_store *store, int64_t patient, struct cd_death_result *res,
                        struct cd_error *err)
{
    int64_t *ids;
    size_t n;
    int rc = collect(store, SQL_OPEN_TASKS, patient, NULL, &ids, &n, err);
    for (size_t i = 0; !rc && i < n; i++)
        if (!(rc = cd_task_cancel(store, ids[i], DIED_REASON, err)))
            res->tasks++;
    free(ids);
    return rc;
}

static int complete_plan(struct cd_store *store, int64_t patient, const char *now,
                         struct cd_error *err)
{
    struct cd_stmt *st;
    int n, rc = cd_db_stmt(store, SQL_PLAN_AUDIT, &st, err);
    if (rc)
        return rc;
    cd_db_bind_int(st, ":id", patient);
    rc = cd_audit_log_rows(store, st, &n, err);
    cd_db_done(st);
    if (rc || !n)
        return rc;
    if ((rc = cd_db_stmt(store, SQL_PLAN_COMPLETE, &st, err)))
        return rc;
    cd_db_bind_text(st, ":at", now);
    cd_db_bind_int(st, ":id", patient);
    rc = cd_db_exec(store, st, err);
    cd_db_done(st);
    return rc;
}

static int set_deceased(struct cd_store *store, const struct cd_death_in *in,
                        const struct patient_life *p, const char *died, const char *now,
                        struct cd_error *err)
{
    struct cd_stmt *st;
    int rc = cd_db_stmt(store, SQL_SET_DECEASED, &st, err);
    if (rc)
        return rc;
    cd_db_bind_text(st, ":died", died);
    cd_db_bind_text(st, ":at", now);
    cd_db_bind_int(st, ":id", in->patient_id);
    rc = cd_db_exec(store, st, err);
    cd_db_done(st);
    if (rc)
        return rc;
    char detail[160];
    if (in->encounter_id)
        snprintf(detail, sizeof detail, "%s died %s (discharge %lld)", p->mrn, died,
                 (long long)in->encounter_id);
    else
        snprintf(detail, sizeof detail, "%s died %s (recorded by hand)", p->mrn, died);
    return cd_audit_log(store, "patient", in->patient_id, "deceased", detail, err);
}

static int record(struct cd_store *store, const struct cd_death_in *in, struct cd_death_result *res,
                  struct cd_error *err)
{
    struct patient_life p;
    int rc = load(store, in->patient_id, &p, err);
    if (rc)
        return rc;
    if (p.dead) {
        cd_date_format(p.died, res->date);
        return 0;
    }
    res->recorded = 1;
    cd_date_format(in->day, res->date);
    char now[CD_INSTANT_LEN], died[CD_INSTANT_LEN], from[CD_INSTANT_LEN];
    cd_instant_format(cd_clock_now(), now);
    /* an instant when the discharge gave one; a day recorded by hand is only a day */
    if (in->at)
        cd_instant_format(in->at, died);
    else
        snprintf(died, sizeof died, "%s", res->date);
    cd_instant_format(in->at ? in->at : cd_local_to_instant(in->day, 0, 0, 0), from);
    if ((rc = set_deceased(store, in, &p, died, now, err)) ||
        (rc = cancel_visits(store, in->patient_id, from, res, err)) ||
        (rc = cancel_tasks(store, in->patient_id, res, err)) ||
        (rc = cd_enrollment_end_active(store, in->patient_id, "all", in->day, "died", res->programs,
                                       sizeof res->programs, &res->enrollments, NULL, err)) ||
        (rc = complete_plan(store, in->patient_id, now, err)))
        return rc;
    struct cd_strbuf text = CD_STRBUF_INIT;
    /* the note on the entry's first line: the timeline's one-line view shows it */
    cd_strbuf_addf(&text, "Died %s (%s)%s%s. Outreach stopped: ", res->date,
                   in->encounter_id ? "reported by the discharge" : "recorded by hand",
                   in->note && *in->note ? ": " : "", in->note ? in->note : "");
    cd_strbuf_addf(&text, "%d enrollment%s ended%s%s%s, %d task%s and %d visit%s cancelled.",
                   res->enrollments, res->enrollments == 1 ? "" : "s", res->programs[0] ? " (" : "",
                   res->programs, res->programs[0] ? ")" : "", res->tasks,
                   res->tasks == 1 ? "" : "s", res->appointments,
                   res->appointments == 1 ? "" : "s");
    rc = text.oom ? cd_error_set(err, CD_ENOMEM, "out of memory")
                  : cd_note_system(store, in->patient_id, cd_strbuf_str(&text), now, err);
    cd_strbuf_free(&text);
    return rc;
}

int cd_lifecycle_death(struct cd_store *store, const struct cd_death_in *in,
                       struct cd_death_result *res, struct cd_error *err)
{
    memset(res, 0, sizeof *res);
    const char *why;
    if ((why = cd_text_check(in->note, 2000, false)))
        return cd_error_set(err, CD_EINVAL, "note: %s", why);
    int rc = cd_store_begin(store, err);
    if (rc)
        return rc;
    rc = record(store, in, res, err);
    rc = cd_store_finish(store, rc, err);
    if (rc)
        memset(res, 0, sizeof *res);
    return rc;
}

int cd_lifecycle_record_death(struct cd_store *store, const char *mrn, const char *date,
                              const char *note, struct cd_death_result *res, struct cd_error *err)
{
    memset(res, 0, sizeof *res);
    struct cd_death_in in = {.note = note};
    struct patient_life p;
    int rc = cd_perm_require(store, CD_PERM_RECORD_DEATH, err);
    if (rc)
        return rc;
    if (!date || cd_date_parse(date, &in.day, NULL) || strlen(date) != 10)
        return cd_error_set(err, CD_EINVAL, "date: '%.40s' is not a date (YYYY-MM-DD)",
                            date ? date : "");
    if (in.day > cd_clock_today())
        return cd_error_set(err, CD_EINVAL, "date: '%s' is in the future", date);
    if ((rc = cd_patient_find_mrn(store, mrn, &in.patient_id, err)) ||
        (rc = load(store, in.patient_id, &p, err)))
        return rc;
    if (p.birth[0] && strcmp(date, p.birth) < 0)
        return cd_error_set(err, CD_EINVAL, "date: '%s' is before %s's birth date (%s)", date, mrn,
                            p.birth);
    if ((rc = cd_lifecycle_death(store, &in, res, err)))
        return rc;
    if (!res->recorded)
        return cd_error_set(err, CD_EEXIST, "%s's death is already on record (%s)", mrn, res->date);
    return 0;
}

int cd_lifecycle_correct_death(struct cd_store *store, const char *mrn, const char *reason,
                               char date[CD_DATE_LEN], struct cd_error *err)
{
    int64_t id;
    struct patient_life p;
    const char *why;
    date[0] = '\0';
    int rc = cd_perm_require(store, CD_PERM_CORRECT_DEATH, err);
    if (rc)
        return rc;
    if (!reason || !*reason)
        return cd_error_set(err, CD_EINVAL, "reason: say why the death was recorded by mistake");
    if ((why = cd_text_check(reason, 500, false)))
        return cd_error_set(err, CD_EINVAL, "reason: %s", why);
    if ((rc = cd_patient_find_mrn(store, mrn, &id, err)))
        return rc;
    if ((rc = cd_store_begin(store, err)))
        return rc;
    if (!(rc = load(store, id, &p, err)) && !p.dead)
        rc = cd_error_set(err, CD_ENOTFOUND, "%s has no death on record", mrn);
    char now[CD_INSTANT_LEN], day[CD_DATE_LEN], text[700];
    cd_instant_format(cd_clock_now(), now);
    if (!rc) {
        cd_date_format(p.died, day);
        struct cd_stmt *st;
        if (!(rc = cd_db_stmt(store, SQL_CLEAR_DECEASED, &st, err))) {
            cd_db_bind_text(st, ":at", now);
            cd_db_bind_int(st, ":id", id);
            rc = cd_db_exec(store, st, err);
            cd_db_done(st);
        }
        snprintf(text, sizeof text, "%s death of %s taken back: %s", mrn, day, reason);
        if (!rc)
            rc = cd_audit_log(store, "patient", id, "deceased_undone", text, err);
        snprintf(text, sizeof text,
                 "Death of %s taken back (recorded by mistake): %s. Programs, tasks and visits "
                 "it ended stay ended.",
                 day, reason);
        if (!rc)
            rc = cd_note_system(store, id, text, now, err);
    }
    rc = cd_store_finish(store, rc, err);
    if (!rc)
        snprintf(date, CD_DATE_LEN, "%s", day);
    return rc;
}
