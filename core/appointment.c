/* SPDX-License-Identifier: MIT */
/* Appointments: booking rules, sequence numbers for calendar clients, and the TCM visit window
 * that closes (or reopens) the patient's tcm_visit task in the same transaction. */
#include "config.h"
#include "core/appointment.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/base/text.h"
#include "core/base/uuid.h"
#include "core/calendar.h"
#include "core/patient.h"
#include "core/store/audit.h"
#include "core/store/db.h"
#include "core/task.h"

static const char SQL_INSERT[] =
    "INSERT INTO appointments(uid, sequence, patient_id, kind, status, start_at, start_local, "
    "duration_min, tzid, provider, location, encounter_id, note, created_at, created_by, "
    "updated_at) VALUES (:uid, 0, :patient, :kind, 'booked', :start_at, :start_local, :dur, "
    ":tzid, :provider, :location, :enc, :note, :at, :by, :at)";
static const char SQL_LOAD[] =
    "SELECT patient_id, kind, status, start_local, duration_min, provider, location, "
    "encounter_id, sequence FROM appointments WHERE id = :id";
static const char SQL_MOVE[] =
    "UPDATE appointments SET start_at = :start_at, start_local = :start_local, tzid = :tzid, "
    "duration_min = :dur, provider = :provider, location = :location, "
    "sequence = sequence + 1, updated_at = :at WHERE id = :id";
static const char SQL_STATUS[] =
    "UPDATE appointments SET status = :status, cancel_reason = coalesce(:reason, cancel_reason), "
    "sequence = sequence + 1, updated_at = :at WHERE id = :id";
static const char SQL_PATIENT_EXISTS[] = "SELECT 1 FROM patients WHERE id = :id";
static const char SQL_ENCOUNTER_OF[] = "SELECT patient_id FROM encounters WHERE id = :id";
/* The discharge a TCM visit follows: the patient's latest TCM-eligible one up to the visit day. */
static const char SQL_LATEST_TCM[] =
    "SELECT id FROM encounters WHERE patient_id = :patient AND tcm_eligible = 1 "
    "AND status = 'discharged' AND discharge_date IS NOT NULL AND discharge_date <= :day "
    "ORDER BY discharge_date DESC, id DESC LIMIT 1";
static const char SQL_ENCOUNTER_DUE[] =
    "SELECT discharge_date, coalesce(complexity, 'moderate') FROM encounters WHERE id = :id";
/* The task a TCM visit answers: the one it closed before, else an open one of its discharge. */
static const char SQL_VISIT_TASK[] =
    "SELECT id, status, coalesce(appointment_id, 0), coalesce(close_reason, '') FROM tasks "
    "WHERE patient_id = :patient AND kind = 'tcm_visit' AND (appointment_id = :appt "
    "OR (status = 'open' AND (encounter_id = :enc OR encounter_id IS NULL))) "
    "ORDER BY appointment_id IS :appt DESC, encounter_id IS :enc DESC, due_date, id LIMIT 1";
static const char SQL_LIST[] =
    "SELECT a.id, p.mrn, p.family_name || ', ' || p.given_name AS patient, a.kind, "
    "a.start_local AS start, a.duration_min AS duration, a.provider, a.location, a.status, "
    "a.sequence FROM appointments a JOIN patients p ON p.id = a.patient_id "
    "WHERE (:from = '' OR a.start_at >= :from) AND (:to = '' OR a.start_at < :to) "
    "AND (:patient = 0 OR a.patient_id = :patient) AND (:provider IS NULL OR a.provider = "
    ":provider) "
    "ORDER BY a.start_at, a.id";
static const char SQL_GET[] =
    "SELECT a.id, a.uid, a.sequence, p.mrn, p.family_name || ', ' || p.given_name AS patient, "
    "a.kind, a.status, a.start_at, a.start_local AS start, a.tzid, a.duration_min AS duration, "
    "a.provider, a.location, a.encounter_id, a.note, a.cancel_reason "
    "FROM appointments a JOIN patients p ON p.id = a.patient_id WHERE a.id = :id";

/* The reason written on a task this module closes; reopening only undoes its own closings. */
#define CLOSE_REASON_PREFIX "TCM visit booked"

static int field_err(struct cd_error *err, const char *field, const char *value, const char *why)
{
    return cd_error_set(err, CD_EINVAL, "%s: '%.60s' %s", field, value ? value : "", why);
}

/* A parsed clinic wall time and its instant. */
struct wall {
    int day, h, m;
    int twice; /* the clocks go back over it: booked at the first of the two */
    time_t at;
    char local[17]; /* YYYY-MM-DDTHH:MM */
};

/* Parse YYYY-MM-DDTHH:MM as clinic wall time. A time that happens twice (clocks going back) is
 * the first one, as RFC 5545 reads DTSTART;TZID; a time that never happens is refused. */
static int parse_wall(const char *s, const char *field, struct wall *w, struct cd_error *err)
{
    char date[CD_DATE_LEN];
    if (!s || strlen(s) != 16 || (s[10] != 'T' && s[10] != ' ') || s[13] != ':')
        return field_err(err, field, s, "is not a date and time (YYYY-MM-DDTHH:MM)");
    memcpy(date, s, 10);
    date[10] = '\0';
    if (cd_date_parse(date, &w->day, NULL))
        return field_err(err, field, s, "is not a real date (YYYY-MM-DDTHH:MM)");
    for (int i = 11; i < 16; i++)
        if (i != 13 && (s[i] < '0' || s[i] > '9'))
            return field_err(err, field, s, "is not a date and time (YYYY-MM-DDTHH:MM)");
    w->h = (s[11] - '0') * 10 + (s[12] - '0');
    w->m = (s[14] - '0') * 10 + (s[15] - '0');
    if (w->h > 23 || w->m > 59)
        return field_err(err, field, s, "is not a time of day (HH:MM)");
    /* candidates: the wall time read with the offsets in force a day before and a day after */
    time_t naive = (time_t)w->day * 86400 + w->h * 3600 + w->m * 60;
    time_t best = 0;
    int found = 0;
    for (int k = -1; k <= 1; k++) {
        time_t probe = naive + k * 86400;
        struct tm tm;
        cd_instant_local_tm(probe, &tm);
        time_t cand = naive - tm.tm_gmtoff;
        cd_instant_local_tm(cand, &tm);
        if (cd_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) == w->day &&
            tm.tm_hour == w->h && tm.tm_min == w->m && (!found || cand < best)) {
            best = cand;
            found = 1;
        }
    }
    if (!found)
        return cd_error_set(err, CD_EINVAL,
                            "%s: '%s' does not exist in %s (the clocks skip it for daylight "
                            "saving time)",
                            field, s, cd_clock_zone());
    w->at = best;
    w->twice = 0;
    for (int k = -1; k <= 1; k += 2) { /* the same wall time an hour or so later as well? */
        struct tm tm;
        time_t probe = naive + k * 86400;
        cd_instant_local_tm(probe, &tm);
        time_t cand = naive - tm.tm_gmtoff;
        cd_instant_local_tm(cand, &tm);
        if (cand != best &&
            cd_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) == w->day &&
            tm.tm_hour == w->h && tm.tm_min == w->m)
            w->twice = 1;
    }
    snprintf(w->local, sizeof w->local, "%.10sT%02d:%02d", date, w->h, w->m);
    return 0;
}

static int kind_index(const char *kind)
{
    for (int i = 0; cd_appointment_kinds[i]; i++)
        if (strcmp(kind, cd_appointment_kinds[i]) == 0)
            return i;
    return -1;
}

static int check_duration(int min, struct cd_error *err)
{
    if (min < 1 || min > 1440)
        return cd_error_set(err, CD_EINVAL,
                            "duration: %d is not a number of minutes from 1 to 1440", min);
    return 0;
}

static int check_place(const char *provider, const char *location, struct cd_error *err)
{
    const char *why;
    if (provider && (why = cd_text_check(provider, 100, true)))
        return field_err(err, "provider", provider, why);
    if (location && (why = cd_text_check(location, 200, false)))
        return field_err(err, "location", location, why);
    return 0;
}

int cd_appointment_validate(const struct cd_appointment_in *in, struct cd_error *err)
{
    const char *kind = in->kind && *in->kind ? in->kind : "other";
    if (kind_index(kind) < 0)
        return field_err(err, "kind", kind,
                         "is not a kind (tcm_visit, primary_care, specialist, lab, telehealth, "
                         "other)");
    struct wall w;
    int rc = parse_wall(in->at, "start", &w, err);
    if (!rc)
        rc = check_duration(in->duration_min, err);
    if (!rc && !in->provider)
        rc = field_err(err, "provider", "", "is empty");
    if (!rc)
        rc = check_place(in->provider, in->location, err);
    if (!rc && in->note && *in->note &&
        (!cd_utf8_valid(in->note, strlen(in->note)) || strlen(in->note) > 2000 ||
         cd_text_has_control(in->note, true)))
        rc = field_err(err, "note", in->note,
                       strlen(in->note) > 2000 ? "is too long" : "is not plain UTF-8 text");
    return rc;
}

/* The appointment's fields that the rules need. */
struct appt {
    int64_t patient_id, encounter_id;
    char kind[16], status[12], start_local[17];
    int duration, sequence;
    char *provider, *location;
};

static void appt_free(struct appt *a)
{
    free(a->provider);
    free(a->location);
    a->provider = a->location = NULL;
}

static int load(struct cd_store *store, int64_t id, struct appt *a, struct cd_error *err)
{
    int rc;
    memset(a, 0, sizeof *a);
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_LOAD, &st, err)))
        return rc;
    cd_db_bind_int(st, ":id", id);
    rc = cd_db_step(store, st, err);
    if (rc == 1) {
        a->patient_id = cd_db_col_int(st, 0);
        snprintf(a->kind, sizeof a->kind, "%s", cd_db_col_text(st, 1));
        snprintf(a->status, sizeof a->status, "%s", cd_db_col_text(st, 2));
        snprintf(a->start_local, sizeof a->start_local, "%s", cd_db_col_text(st, 3));
        a->duration = cd_db_col_int(st, 4);
        a->provider = cd_db_col_dup(st, 5);
        a->location = cd_db_col_dup(st, 6);
        a->encounter_id = cd_db_col_int(st, 7);
        a->sequence = cd_db_col_int(st, 8);
        rc = 0;
    } else if (rc == 0) {
        rc = cd_error_set(err, CD_ENOTFOUND, "no appointment with id %lld", (long long)id);
    }
    cd_db_done(st);
    return rc;
}

static int64_t query_id(struct cd_store *store, const char *sql, const char *name, int64_t v,
                        const char *name2, const char *v2, int *rc, struct cd_error *err)
{
    struct cd_stmt *st;
    if ((*rc = cd_db_stmt(store, sql, &st, err)))
        return 0;
    cd_db_bind_int(st, name, v);
    if (name2)
        cd_db_bind_text(st, name2, v2);
    int64_t out = 0;
    *rc = cd_db_step(store, st, err);
    if (*rc == 1) {
        out = cd_db_col_null(st, 0) ? 0 : cd_db_col_int(st, 0);
        *rc = 0;
        if (!out)
            out = -1; /* a row whose value is NULL or 0 */
    }
    cd_db_done(st);
    return out;
}

bool cd_appointment_tcm_window(int day, int discharge_day, bool high, int *last)
{
    struct cd_calendar cal = CD_CALENDAR_INIT; /* calendar days: no holiday moves them */
    struct cd_tcm_due due;
    cd_tcm_deadlines(&cal, discharge_day, &due);
    int end = high ? due.visit_due_7 : due.visit_due_14;
    if (last)
        *last = end;
    return day >= discharge_day && day <= end;
}

/* Bring the tcm_visit task in line with appointment ID: closed while a booked (or kept) visit
 * lies in the window, reopened when the visit that closed it moves out, is cancelled or missed. */
static int tcm_sync(struct cd_store *store, int64_t id, struct cd_appointment_result *res,
                    struct cd_error *err)
{
    struct appt a;
    int rc = load(store, id, &a, err);
    appt_free(&a);
    if (rc || strcmp(a.kind, "tcm_visit") != 0)
        return rc;
    char day_s[CD_DATE_LEN];
    snprintf(day_s, sizeof day_s, "%.10s", a.start_local);
    int day;
    cd_date_parse(day_s, &day, NULL);
    int live = strcmp(a.status, "booked") == 0 || strcmp(a.status, "kept") == 0;

    int in_window = 0;
    char disch_s[CD_DATE_LEN] = "", due_s[CD_DATE_LEN] = "";
    int high = 0;
    if (a.encounter_id) {
        struct cd_stmt *st;
        if ((rc = cd_db_stmt(store, SQL_ENCOUNTER_DUE, &st, err)))
            return rc;
        cd_db_bind_int(st, ":id", a.encounter_id);
        rc = cd_db_step(store, st, err);
        if (rc == 1 && !cd_db_col_null(st, 0)) {
            snprintf(disch_s, sizeof disch_s, "%s", cd_db_col_text(st, 0));
            high = strcmp(cd_db_col_text(st, 1), "high") == 0;
        }
        cd_db_done(st);
        if (rc < 0)
            return rc;
        int disch;
        if (disch_s[0] && !cd_date_parse(disch_s, &disch, NULL)) {
            int last;
            in_window = cd_appointment_tcm_window(day, disch, high, &last);
            cd_date_format(last, due_s);
        }
    }

    /* the task: the one this appointment closed, else an open one for its discharge */
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_VISIT_TASK, &st, err)))
        return rc;
    cd_db_bind_int(st, ":patient", a.patient_id);
    cd_db_bind_int(st, ":appt", id);
    cd_db_bind_id(st, ":enc", a.encounter_id);
    int64_t task = 0, closed_by_appt = 0;
    int open = 0, ours = 0;
    rc = cd_db_step(store, st, err);
    if (rc == 1) {
        task = cd_db_col_int(st, 0);
        open = strcmp(cd_db_col_text(st, 1), "open") == 0;
        closed_by_appt = cd_db_col_int(st, 2);
        ours = closed_by_appt == id && strncmp(cd_db_col_text(st, 3), CLOSE_REASON_PREFIX,
                                               strlen(CLOSE_REASON_PREFIX)) == 0;
        rc = 0;
    }
    cd_db_done(st);
    if (rc)
        return rc;

    char detail[120];
    if (live && in_window && task && open) {
        snprintf(detail, sizeof detail, CLOSE_REASON_PREFIX " (appointment %lld)", (long long)id);
        rc = cd_task_complete_by_appointment(store, task, id, detail, err);
        if (!rc)
            res->task_closed = task;
    } else if ((!live || !in_window) && task && !open && ours) {
        snprintf(detail, sizeof detail, "appointment %lld is %s", (long long)id,
                 !live ? a.status : "outside the TCM visit window");
        rc = cd_task_reopen(store, task, detail, err);
        if (!rc)
            res->task_reopened = task;
    }
    if (rc || !live || in_window)
        return rc;
    if (!disch_s[0])
        snprintf(res->warning, sizeof res->warning,
                 "no TCM discharge on file on or before %s for this patient; no tcm_visit task "
                 "was closed",
                 day_s);
    else if (strcmp(day_s, disch_s) < 0)
        snprintf(res->warning, sizeof res->warning,
                 "TCM visit on %s is before the discharge of %s; the tcm_visit task stays open",
                 day_s, disch_s);
    else if (high)
        snprintf(res->warning, sizeof res->warning,
                 "TCM visit on %s is after the 7-day window (high complexity, due by %s); the "
                 "tcm_visit task stays open (a visit by day 14 may still support 99495)",
                 day_s, due_s);
    else
        snprintf(res->warning, sizeof res->warning,
                 "TCM visit on %s is after the 14-day window (due by %s); the tcm_visit task "
                 "stays open",
                 day_s, due_s);
    return 0;
}

static void twice_warning(const struct wall *w, struct cd_appointment_result *res)
{
    struct tm tm;
    cd_instant_local_tm(w->at, &tm);
    snprintf(res->warning, sizeof res->warning,
             "%s happens twice in %s (the clocks go back); booked at the first, %s", w->local,
             cd_clock_zone(), tm.tm_zone ? tm.tm_zone : "daylight time");
}

static int finish(struct cd_store *store, int rc, int64_t id, struct cd_appointment_result *res,
                  struct cd_error *err)
{
    rc = cd_store_finish(store, rc, err);
    if (rc) {
        res->task_closed = res->task_reopened = 0;
        res->warning[0] = '\0';
        return rc;
    }
    struct appt a;
    if (!load(store, id, &a, NULL))
        res->sequence = a.sequence;
    appt_free(&a);
    res->id = id;
    return 0;
}

int cd_appointment_book(struct cd_store *store, const struct cd_appointment_in *in,
                        struct cd_appointment_result *res, struct cd_error *err)
{
    memset(res, 0, sizeof *res);
    int rc = cd_appointment_validate(in, err);
    if (rc)
        return rc;
    const char *kind = in->kind && *in->kind ? in->kind : "other";
    struct wall w;
    parse_wall(in->at, "start", &w, NULL);
    int64_t patient = in->patient_id;
    if (!patient) {
        if (!in->mrn || !*in->mrn)
            return field_err(err, "patient", "", "is empty");
        if ((rc = cd_patient_find_mrn(store, in->mrn, &patient, err)))
            return rc;
    } else {
        int64_t found = query_id(store, SQL_PATIENT_EXISTS, ":id", patient, NULL, NULL, &rc, err);
        if (rc)
            return rc;
        if (!found)
            return cd_error_set(err, CD_ENOTFOUND, "no patient with id %lld", (long long)patient);
    }
    if (in->encounter_id) {
        int64_t owner =
            query_id(store, SQL_ENCOUNTER_OF, ":id", in->encounter_id, NULL, NULL, &rc, err);
        if (rc)
            return rc;
        if (owner != patient)
            return cd_error_set(err, CD_EINVAL,
                                "encounter: %lld is not a discharge of this patient",
                                (long long)in->encounter_id);
    }
    char uid[CD_UUID_LEN];
    if ((rc = cd_uuid_v4(uid, err)))
        return rc;
    if ((rc = cd_store_begin(store, err)))
        return rc;
    int64_t enc = in->encounter_id;
    if (!enc && strcmp(kind, "tcm_visit") == 0) {
        char day_s[CD_DATE_LEN];
        enc = query_id(store, SQL_LATEST_TCM, ":patient", patient, ":day",
                       cd_date_format(w.day, day_s), &rc, err);
        if (enc < 0)
            enc = 0;
    }
    int64_t id = 0;
    struct cd_stmt *st;
    if (!rc && !(rc = cd_db_stmt(store, SQL_INSERT, &st, err))) {
        char at[CD_INSTANT_LEN], start[CD_INSTANT_LEN];
        cd_db_bind_text(st, ":uid", uid);
        cd_db_bind_int(st, ":patient", patient);
        cd_db_bind_text(st, ":kind", kind);
        cd_db_bind_text(st, ":start_at", cd_instant_format(w.at, start));
        cd_db_bind_text(st, ":start_local", w.local);
        cd_db_bind_int(st, ":dur", in->duration_min);
        cd_db_bind_text(st, ":tzid", cd_clock_zone());
        cd_db_bind_text(st, ":provider", in->provider);
        cd_db_bind_opt(st, ":location", in->location);
        cd_db_bind_id(st, ":enc", enc);
        cd_db_bind_opt(st, ":note", in->note);
        cd_db_bind_text(st, ":at", cd_instant_format(cd_clock_now(), at));
        cd_db_bind_id(st, ":by", cd_store_actor(store));
        rc = cd_db_exec(store, st, err);
        cd_db_done(st);
        id = rc ? 0 : cd_db_last_id(store);
    }
    if (!rc) {
        char detail[200];
        snprintf(detail, sizeof detail, "%s %s %s, %d min", kind, w.local, cd_clock_zone(),
                 in->duration_min);
        rc = cd_audit_log(store, "appointment", id, "book", detail, err);
    }
    if (!rc)
        rc = tcm_sync(store, id, res, err);
    if (!rc && w.twice && !res->warning[0])
        twice_warning(&w, res);
    return finish(store, rc, id, res, err);
}

static int same(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

int cd_appointment_move(struct cd_store *store, int64_t id, const struct cd_appointment_change *ch,
                        struct cd_appointment_result *res, struct cd_error *err)
{
    memset(res, 0, sizeof *res);
    struct appt a;
    int rc = load(store, id, &a, err);
    if (rc)
        return rc;
    if (strcmp(a.status, "booked") != 0) {
        rc = cd_error_set(err, CD_ECONFLICT,
                          "appointment %lld is %s; only a booked appointment can be moved",
                          (long long)id, a.status);
        appt_free(&a);
        return rc;
    }
    struct wall w;
    const char *at = ch->at && *ch->at ? ch->at : a.start_local;
    int dur = ch->duration_min ? ch->duration_min : a.duration;
    const char *provider = ch->provider ? ch->provider : a.provider;
    const char *location = ch->location ? (*ch->location ? ch->location : NULL) : a.location;
    rc = parse_wall(at, "start", &w, err);
    if (!rc)
        rc = check_duration(dur, err);
    if (!rc)
        rc = check_place(provider, location, err);
    if (rc) {
        appt_free(&a);
        return rc;
    }
    if (strcmp(w.local, a.start_local) == 0 && dur == a.duration && same(provider, a.provider) &&
        same(location, a.location)) {
        appt_free(&a);
        res->id = id;
        res->sequence = a.sequence;
        return 0;
    }
    res->changed = 1;
    if ((rc = cd_store_begin(store, err))) {
        appt_free(&a);
        res->changed = 0;
        return rc;
    }
    struct cd_stmt *st;
    if (!(rc = cd_db_stmt(store, SQL_MOVE, &st, err))) {
        char now[CD_INSTANT_LEN], start[CD_INSTANT_LEN];
        cd_db_bind_text(st, ":start_at", cd_instant_format(w.at, start));
        cd_db_bind_text(st, ":start_local", w.local);
        cd_db_bind_text(st, ":tzid", cd_clock_zone());
        cd_db_bind_int(st, ":dur", dur);
        cd_db_bind_text(st, ":provider", provider);
        cd_db_bind_opt(st, ":location", location);
        cd_db_bind_text(st, ":at", cd_instant_format(cd_clock_now(), now));
        cd_db_bind_int(st, ":id", id);
        rc = cd_db_exec(store, st, err);
        cd_db_done(st);
    }
    if (!rc) {
        char detail[300];
        snprintf(detail, sizeof detail, "%s %d min -> %s %s, %d min", a.start_local, a.duration,
                 w.local, cd_clock_zone(), dur);
        rc = cd_audit_log(store, "appointment", id, "move", detail, err);
    }
    appt_free(&a);
    if (!rc)
        rc = tcm_sync(store, id, res, err);
    if (!rc && w.twice && !res->warning[0])
        twice_warning(&w, res);
    if (rc)
        res->changed = 0;
    return finish(store, rc, id, res, err);
}

/* Set the status (cancelled, kept, no_show) after checking the transition. */
static int set_status(struct cd_store *store, int64_t id, const char *status, const char *reason,
                      struct cd_appointment_result *res, struct cd_error *err)
{
    memset(res, 0, sizeof *res);
    const char *why;
    if (reason && (why = cd_text_check(reason, 200, false)))
        return field_err(err, "reason", reason, why);
    struct appt a;
    int rc = load(store, id, &a, err);
    appt_free(&a);
    if (rc)
        return rc;
    if (strcmp(a.status, "cancelled") == 0)
        return cd_error_set(err, CD_ECONFLICT, "appointment %lld is already cancelled",
                            (long long)id);
    if (strcmp(status, "cancelled") == 0 && strcmp(a.status, "booked") != 0)
        return cd_error_set(err, CD_ECONFLICT,
                            "appointment %lld is marked %s; it can no longer be cancelled",
                            (long long)id, strcmp(a.status, "kept") == 0 ? "kept" : "no-show");
    if (strcmp(a.status, status) == 0) {
        res->id = id;
        res->sequence = a.sequence;
        return 0;
    }
    if (strcmp(status, "cancelled") != 0) {
        char today[CD_DATE_LEN];
        cd_date_format(cd_clock_today(), today);
        if (strncmp(a.start_local, today, 10) > 0)
            return cd_error_set(err, CD_EINVAL,
                                "appointment %lld is on %.10s, still to come; mark it %s on the "
                                "day or later",
                                (long long)id, a.start_local,
                                strcmp(status, "kept") == 0 ? "kept" : "a no-show");
    }
    res->changed = 1;
    if ((rc = cd_store_begin(store, err)))
        return rc;
    struct cd_stmt *st;
    if (!(rc = cd_db_stmt(store, SQL_STATUS, &st, err))) {
        char now[CD_INSTANT_LEN];
        cd_db_bind_text(st, ":status", status);
        cd_db_bind_opt(st, ":reason", reason);
        cd_db_bind_text(st, ":at", cd_instant_format(cd_clock_now(), now));
        cd_db_bind_int(st, ":id", id);
        rc = cd_db_exec(store, st, err);
        cd_db_done(st);
    }
    if (!rc)
        rc = cd_audit_log(store, "appointment", id,
                          strcmp(status, "cancelled") == 0 ? "cancel" : status,
                          reason && *reason ? reason : NULL, err);
    if (!rc)
        rc = tcm_sync(store, id, res, err);
    if (rc)
        res->changed = 0;
    return finish(store, rc, id, res, err);
}

int cd_appointment_cancel(struct cd_store *store, int64_t id, const char *reason,
                          struct cd_appointment_result *res, struct cd_error *err)
{
    return set_status(store, id, "cancelled", reason, res, err);
}

int cd_appointment_kept(struct cd_store *store, int64_t id, struct cd_appointment_result *res,
                        struct cd_error *err)
{
    return set_status(store, id, "kept", NULL, res, err);
}

int cd_appointment_no_show(struct cd_store *store, int64_t id, struct cd_appointment_result *res,
                           struct cd_error *err)
{
    return set_status(store, id, "no_show", NULL, res, err);
}

int cd_appointment_filter_bounds(struct cd_store *store, const struct cd_appointment_filter *f,
                                 char *from_at, char *to_at, int64_t *patient_id,
                                 struct cd_error *err)
{
    int from = 0, to = 0;
    from_at[0] = to_at[0] = '\0';
    *patient_id = f->patient_id;
    if (f->from && *f->from) {
        if (cd_date_parse(f->from, &from, NULL))
            return field_err(err, "from", f->from, "is not a date (YYYY-MM-DD)");
        cd_instant_format(cd_local_to_instant(from, 0, 0, 0), from_at);
    }
    if (f->to && *f->to) {
        if (cd_date_parse(f->to, &to, NULL))
            return field_err(err, "to", f->to, "is not a date (YYYY-MM-DD)");
        if (f->from && *f->from && to < from)
            return cd_error_set(err, CD_EINVAL, "to: '%s' is before from '%s'", f->to, f->from);
        cd_instant_format(cd_local_to_instant(to + 1, 0, 0, 0), to_at);
    }
    if (!*patient_id && f->mrn && *f->mrn) {
        int rc = cd_patient_find_mrn(store, f->mrn, patient_id, err);
        if (rc)
            return cd_error_prefix(err, rc, "patient: ");
    }
    return 0;
}

int cd_appointment_list(struct cd_store *store, const struct cd_appointment_filter *f,
                        struct cd_page *page, struct cd_error *err)
{
    char from[CD_INSTANT_LEN], to[CD_INSTANT_LEN];
    int64_t patient;
    int rc = cd_appointment_filter_bounds(store, f, from, to, &patient, err);
    if (rc)
        return rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_LIST, &st, err)))
        return rc;
    cd_db_bind_text(st, ":from", from);
    cd_db_bind_text(st, ":to", to);
    cd_db_bind_int(st, ":patient", patient);
    cd_db_bind_opt(st, ":provider", f->provider);
    rc = cd_db_fill_page(store, st, page, err);
    cd_db_done(st);
    if (!rc)
        CD_PAGE_ASSERT_COLUMNS(page, CD_APPOINTMENT_COLUMNS);
    return rc;
}

int cd_appointment_get(struct cd_store *store, int64_t id, struct cd_page *page,
                       struct cd_error *err)
{
    int rc = cd_db_query_page(store, SQL_GET, ":id", id, NULL, NULL, page, err);
    if (!rc && page->nrows == 0)
        rc = cd_error_set(err, CD_ENOTFOUND, "no appointment with id %lld", (long long)id);
    return rc;
}
