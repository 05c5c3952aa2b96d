/* SPDX-License-Identifier: MIT */
/* Demo data: the seeded PRNG (splitmix64, never rand()) and the row writers the steps share:
 * tasks, calls, time entries, appointments and enrollments. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/base/uuid.h"
#include "core/demo/demo_gen.h"
#include "core/store/db.h"

static const char SQL_ENROLL[] =
    "INSERT INTO enrollments(patient_id, program, status, start_date, end_date, consent_date, "
    "consent_method, consent_by, encounter_id, note, end_reason, created_at, created_by) "
    "VALUES (:pid, :program, :status, :start, :end, :consent, :method, :by, :enc, :note, "
    ":end_reason, :at, :by_user)";
static const char SQL_TASK[] =
    "INSERT INTO tasks(patient_id, kind, title, due_at, due_date, status, priority, assignee_id, "
    "team, encounter_id, appointment_id, attempts_satisfied, gen_key, created_at, created_by, "
    "closed_at, closed_by, close_reason) VALUES (:pid, :kind, :title, :due_at, :due_date, "
    ":status, :priority, :assignee, :team, :enc, :appt, :attempts, :gen_key, :at, :by, :closed, "
    ":closed_by, :reason)";
static const char SQL_CONTACT[] =
    "INSERT INTO contacts(patient_id, task_id, user_id, at, channel, outcome, interactive, late, "
    "note) VALUES (:pid, :task, :user, :at, 'phone', :outcome, :interactive, :late, :note)";
static const char SQL_TIME[] =
    "INSERT INTO time_entries(patient_id, user_id, program, performer_role, start_at, end_at, "
    "seconds, month, activity, source, note, created_at) VALUES (:pid, :user, :program, :role, "
    ":start, :end, :seconds, :month, :activity, 'demo', :note, :end)";
static const char SQL_APPT[] =
    "INSERT INTO appointments(uid, sequence, patient_id, kind, status, start_at, start_local, "
    "duration_min, tzid, provider, location, encounter_id, note, cancel_reason, created_at, "
    "created_by, updated_at) VALUES (:uid, :seq, :pid, :kind, :status, :start, :local, :dur, "
    ":tzid, :provider, :location, :enc, :note, :cancel, :at, :by, :at)";

/* ---- the PRNG: splitmix64 ---- */

uint64_t demo_rng_next(struct demo_rng *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

void demo_rng_init(struct demo_rng *r, unsigned seed, uint64_t stream)
{
    r->s = ((uint64_t)seed << 32) ^ (stream * 0xD1B54A32D192ED03ull);
    demo_rng_next(r);
}

int demo_below(struct demo_rng *r, int n)
{
    if (n <= 1)
        return 0;
    return (int)(((demo_rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

int demo_range(struct demo_rng *r, int lo, int hi)
{
    return hi <= lo ? lo : lo + demo_below(r, hi - lo + 1);
}

int demo_chance(struct demo_rng *r, int percent)
{
    return demo_below(r, 100) < percent;
}

/* ---- shared helpers and writers ---- */

time_t demo_day_end(int day)
{
    return cd_local_to_instant(day, 23, 59, 59);
}

int demo_slot(struct demo_gen *g, struct demo_rng *r, struct demo_patient *p, int from, int to,
              int maxsec, time_t *start)
{
    for (int tries = 0; tries < 24 && p->nslots < DEMO_MAX_SLOTS && from <= to; tries++) {
        int day = demo_range(r, from, to), hour = demo_range(r, 8, 16);
        int key = day * 24 + hour, used = 0;
        for (int i = 0; i < p->nslots && !used; i++)
            used = p->slots[i] == key;
        if (used)
            continue;
        time_t t = cd_local_to_instant(day, hour, demo_range(r, 0, 9), demo_range(r, 0, 59));
        if (t + maxsec > g->now)
            continue;
        p->slots[p->nslots++] = key;
        *start = t;
        return 0;
    }
    return -1;
}

int64_t demo_worker(struct demo_gen *g, struct demo_rng *r, const struct demo_patient *p)
{
    return p->coord ? p->coord : g->coord[demo_below(r, g->ncoord)];
}

int demo_task(struct demo_gen *g, const struct demo_patient *p, const struct demo_task *t,
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
    cd_db_bind_text(st, ":due_at", cd_instant_format(demo_day_end(t->due_day), due));
    cd_db_bind_text(st, ":due_date", cd_date_format(t->due_day, date));
    cd_db_bind_text(st, ":status", t->status);
    cd_db_bind_int(st, ":priority", t->priority);
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

int demo_contact(struct demo_gen *g, const struct demo_patient *p, int64_t task, int64_t user,
                 time_t at, const char *outcome, int late, const char *note)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(g->store, SQL_CONTACT, &st, g->err)))
        return rc;
    char a[CD_INSTANT_LEN];
    int interactive = strcmp(outcome, "reached") == 0 || strcmp(outcome, "caregiver") == 0;
    cd_db_bind_int(st, ":pid", p->id);
    cd_db_bind_id(st, ":task", task);
    cd_db_bind_id(st, ":user", user);
    cd_db_bind_text(st, ":at", cd_instant_format(at, a));
    cd_db_bind_text(st, ":outcome", outcome);
    cd_db_bind_int(st, ":interactive", interactive);
    cd_db_bind_int(st, ":late", late);
    cd_db_bind_opt(st, ":note", note);
    rc = cd_db_exec(g->store, st, g->err);
    cd_db_done(st);
    if (!rc)
        g->st->contacts++;
    return rc;
}

int demo_time_entry(struct demo_gen *g, const struct demo_patient *p, int64_t user,
                    const char *program, const char *role, time_t start, int seconds,
                    const char *activity, const char *note)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(g->store, SQL_TIME, &st, g->err)))
        return rc;
    char s[CD_INSTANT_LEN], e[CD_INSTANT_LEN], month[16];
    int y, m, d;
    cd_date_to_ymd(cd_instant_local_day(start), &y, &m, &d);
    snprintf(month, sizeof month, "%04d-%02d", y % 10000, m % 100);
    cd_db_bind_int(st, ":pid", p->id);
    cd_db_bind_id(st, ":user", user);
    cd_db_bind_text(st, ":program", program);
    cd_db_bind_text(st, ":role", role);
    cd_db_bind_text(st, ":start", cd_instant_format(start, s));
    cd_db_bind_text(st, ":end", cd_instant_format(start + seconds, e));
    cd_db_bind_int(st, ":seconds", seconds);
    cd_db_bind_text(st, ":month", month);
    cd_db_bind_text(st, ":activity", activity);
    cd_db_bind_opt(st, ":note", note);
    rc = cd_db_exec(g->store, st, g->err);
    cd_db_done(st);
    if (!rc)
        g->st->time_entries++;
    return rc;
}

int demo_appointment(struct demo_gen *g, struct demo_rng *r, const struct demo_patient *p,
                     const struct demo_appt *a, int64_t *id)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(g->store, SQL_APPT, &st, g->err)))
        return rc;
    unsigned char b[16];
    uint64_t hi = demo_rng_next(r), lo = demo_rng_next(r);
    for (int i = 0; i < 8; i++) {
        b[i] = (unsigned char)(hi >> (56 - 8 * i));
        b[8 + i] = (unsigned char)(lo >> (56 - 8 * i));
    }
    char uid[CD_UUID_LEN], start[CD_INSTANT_LEN], local[20], at[CD_INSTANT_LEN], date[CD_DATE_LEN];
    cd_uuid_v4_from(b, uid);
    snprintf(local, sizeof local, "%sT%02d:%02d", cd_date_format(a->day, date), a->hour % 100,
             a->minute % 100);
    cd_db_bind_text(st, ":uid", uid);
    cd_db_bind_int(st, ":seq", a->sequence);
    cd_db_bind_int(st, ":pid", p->id);
    cd_db_bind_text(st, ":kind", a->kind);
    cd_db_bind_text(st, ":status", a->status);
    cd_db_bind_text(st, ":start",
                    cd_instant_format(cd_local_to_instant(a->day, a->hour, a->minute, 0), start));
    cd_db_bind_text(st, ":local", local);
    cd_db_bind_int(st, ":dur", a->duration);
    cd_db_bind_text(st, ":tzid", g->zone);
    cd_db_bind_text(st, ":provider", a->provider);
    cd_db_bind_opt(st, ":location", a->location);
    cd_db_bind_id(st, ":enc", a->encounter);
    cd_db_bind_opt(st, ":note", a->note);
    cd_db_bind_opt(st, ":cancel", a->cancel_reason);
    cd_db_bind_text(st, ":at", cd_instant_format(a->created, at));
    cd_db_bind_id(st, ":by", a->created_by);
    rc = cd_db_exec(g->store, st, g->err);
    cd_db_done(st);
    if (!rc) {
        g->st->appointments++;
        if (id)
            *id = cd_db_last_id(g->store);
    }
    return rc;
}

int demo_enroll(struct demo_gen *g, const struct demo_patient *p, const char *program,
                const char *status, int start, int end, const char *method, int64_t consent_by,
                int64_t encounter, const char *note, const char *end_reason, time_t created,
                int64_t created_by)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(g->store, SQL_ENROLL, &st, g->err)))
        return rc;
    char s[CD_DATE_LEN], e[CD_DATE_LEN], at[CD_INSTANT_LEN];
    cd_db_bind_int(st, ":pid", p->id);
    cd_db_bind_text(st, ":program", program);
    cd_db_bind_text(st, ":status", status);
    cd_db_bind_text(st, ":start", cd_date_format(start, s));
    cd_db_bind_opt(st, ":end", end >= 0 ? cd_date_format(end, e) : NULL);
    cd_db_bind_opt(st, ":consent", method ? s : NULL);
    cd_db_bind_opt(st, ":method", method);
    cd_db_bind_id(st, ":by", method ? consent_by : 0);
    cd_db_bind_id(st, ":enc", encounter);
    cd_db_bind_opt(st, ":note", note);
    cd_db_bind_opt(st, ":end_reason", end_reason);
    cd_db_bind_text(st, ":at", cd_instant_format(created, at));
    cd_db_bind_id(st, ":by_user", created_by);
    rc = cd_db_exec(g->store, st, g->err);
    cd_db_done(st);
    if (!rc)
        g->st->enrollments++;
    return rc;
}
