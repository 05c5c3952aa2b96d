/* SPDX-License-Identifier: MIT */
/* Time entries: insert (one clinic month each), manual add, edit as void-and-replace, void with a
 * reason, and the list for the chart. Nothing is ever deleted; every change is audited. */
#include "config.h"
#include "core/timeentry.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/base/text.h"
#include "core/enrollment.h"
#include "core/store/audit.h"
#include "core/store/db.h"
#include "core/timerule.h"

#define MAX_SECONDS (12 * 3600)

static const char SQL_INSERT[] =
    "INSERT INTO time_entries(patient_id, user_id, program, performer_role, start_at, end_at, "
    "seconds, month, activity, source, note, replaces_id, created_at) "
    "VALUES (:pid, :user, :program, :role, :start, :end, :seconds, :month, :activity, :source, "
    ":note, :replaces, :at)";
static const char SQL_GET[] =
    "SELECT patient_id, program, performer_role, start_at, seconds, activity, note, voided, "
    "void_reason FROM time_entries WHERE id = :id";
static const char SQL_VOID[] =
    "UPDATE time_entries SET voided = 1, void_reason = :reason, voided_by = :user, "
    "voided_at = :at WHERE id = :id AND voided = 0";
static const char SQL_LIST[] =
    "SELECT id, date(start_at, 'localtime') AS date, strftime('%H:%M', start_at, 'localtime') "
    "AS start, strftime('%H:%M', end_at, 'localtime') AS end, "
    "CASE WHEN seconds < 600 THEN '0' ELSE '' END || (seconds / 60) || ':' || "
    "substr('0' || (seconds % 60), -2) AS duration, program, performer_role AS role, "
    "activity, source, voided, void_reason, replaces_id, "
    "(SELECT login FROM users WHERE users.id = time_entries.user_id) AS user, note "
    "FROM time_entries WHERE patient_id = :pid AND (:month IS NULL OR month = :month) ORDER BY "
    "start_at, id";

char *cd_month_of(time_t t, char *out)
{
    struct tm tm;
    cd_instant_local_tm(t, &tm);
    char buf[32];
    snprintf(buf, sizeof buf, "%04d-%02d", (tm.tm_year + 1900) % 10000, tm.tm_mon + 1);
    memcpy(out, buf, CD_MONTH_LEN - 1);
    out[CD_MONTH_LEN - 1] = '\0';
    return out;
}

int cd_month_parse(const char *s, int *first, int *last, struct cd_error *err)
{
    char date[CD_DATE_LEN];
    int day, y, m, d;
    if (!s || strlen(s) != 7 || s[4] != '-')
        goto bad;
    snprintf(date, sizeof date, "%s-01", s);
    if (cd_date_parse(date, &day, NULL))
        goto bad;
    cd_date_to_ymd(day, &y, &m, &d);
    if (first)
        *first = day;
    if (last)
        *last = day + cd_date_days_in_month(y, m) - 1;
    return 0;
bad:
    return cd_error_set(err, CD_EINVAL, "month: '%s' is not a month (YYYY-MM)", s ? s : "");
}

time_t cd_month_next_start(time_t t)
{
    int y, m, d;
    cd_date_to_ymd(cd_instant_local_day(t), &y, &m, &d);
    if (++m > 12) {
        m = 1;
        y++;
    }
    return cd_local_to_instant(cd_date_from_ymd(y, m, 1), 0, 0, 0);
}

int cd_time_parse_duration(const char *s, int64_t *seconds, struct cd_error *err)
{
    char *end;
    long min = -1, sec = 0;
    if (s && *s >= '0' && *s <= '9') {
        min = strtol(s, &end, 10);
        if (*end == ':' && end[1] >= '0' && end[1] <= '5' && end[2] >= '0' && end[2] <= '9' &&
            !end[3])
            sec = (end[1] - '0') * 10 + (end[2] - '0');
        else if (*end)
            min = -1;
    }
    if (min < 0 || min * 60 + sec < 1 || min * 60 + sec > MAX_SECONDS)
        return cd_error_set(err, CD_EINVAL,
                            "minutes: '%s' is not a duration (whole minutes such as 20, or "
                            "minutes:seconds such as 14:30; at most 720)",
                            s ? s : "");
    *seconds = min * 60 + sec;
    return 0;
}

char *cd_time_format_mmss(int64_t seconds, char *out)
{
    if (seconds < 0)
        seconds = 0;
    snprintf(out, 24, "%02lld:%02lld", (long long)(seconds / 60), (long long)(seconds % 60));
    return out;
}

static int check_span(const struct cd_time_span *s, struct cd_error *err)
{
    char a[CD_MONTH_LEN], b[CD_MONTH_LEN];
    if (!cd_program_valid(s->program))
        return cd_error_set(err, CD_EINVAL,
                            "program: '%s' is not ccm, ccm_complex, pcm, tcm, apcm or coordination",
                            s->program ? s->program : "");
    if (!cd_role_valid(s->role))
        return cd_error_set(err, CD_EINVAL, "role: '%s' is not clinical_staff or practitioner",
                            s->role ? s->role : "");
    if (!cd_activity_valid(s->activity))
        return cd_error_set(err, CD_EINVAL,
                            "activity: '%s' is not one of careplan_review, med_reconciliation, "
                            "call, coordination, community_resources, documentation, other",
                            s->activity ? s->activity : "");
    const char *why = cd_text_check(s->note, 1000, false);
    if (why)
        return cd_error_set(err, CD_EINVAL, "note: %s", why);
    if (s->end < s->start || s->seconds < 0 || s->seconds > s->end - s->start)
        return cd_error_set(err, CD_EINVAL,
                            "a time entry must end after it starts and count no "
                            "more seconds than it spans");
    /* the end instant may be the first second of the next month (an exclusive end) */
    if (s->end > s->start && strcmp(cd_month_of(s->start, a), cd_month_of(s->end - 1, b)) != 0)
        return cd_error_set(err, CD_EINVAL,
                            "a time entry may not cross a month boundary (%s to %s)", a, b);
    return 0;
}

static int insert(struct cd_store *store, const struct cd_time_span *s, int64_t replaces,
                  int64_t *id, struct cd_error *err)
{
    int rc = check_span(s, err);
    if (rc)
        return rc;
    /* the day of an entry is the clinic day it starts on, as billing counts it */
    int day = cd_instant_local_day(s->start);
    bool confirmed = false;
    if ((rc = cd_time_check_dates(store, s->patient_id, s->program, day, err)) ||
        (rc = cd_time_check_day(store, s->patient_id, s->program, day, s->seconds, s->confirm,
                                &confirmed, err)))
        return rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_INSERT, &st, err)))
        return rc;
    char start[CD_INSTANT_LEN], end[CD_INSTANT_LEN], at[CD_INSTANT_LEN], month[CD_MONTH_LEN];
    cd_db_bind_int(st, ":pid", s->patient_id);
    cd_db_bind_id(st, ":user", cd_store_actor(store));
    cd_db_bind_text(st, ":program", s->program);
    cd_db_bind_text(st, ":role", s->role);
    cd_db_bind_text(st, ":start", cd_instant_format(s->start, start));
    cd_db_bind_text(st, ":end", cd_instant_format(s->end, end));
    cd_db_bind_int(st, ":seconds", s->seconds);
    cd_db_bind_text(st, ":month", cd_month_of(s->start, month));
    cd_db_bind_text(st, ":activity", s->activity);
    cd_db_bind_text(st, ":source", s->source ? s->source : "manual");
    cd_db_bind_opt(st, ":note", s->note);
    cd_db_bind_id(st, ":replaces", replaces);
    cd_db_bind_text(st, ":at", cd_instant_format(cd_clock_now(), at));
    rc = cd_db_exec(store, st, err);
    cd_db_done(st);
    if (rc == CD_EINVAL && err && strstr(err->msg, "FOREIGN KEY"))
        return cd_error_set(err, CD_ENOTFOUND, "no patient with id %lld", (long long)s->patient_id);
    if (rc)
        return rc;
    int64_t newid = cd_db_last_id(store);
    char detail[160], mmss[24];
    if (replaces)
        snprintf(detail, sizeof detail, "%s %s %s %s %s, replaces %lld", month, s->program, s->role,
                 s->activity, cd_time_format_mmss(s->seconds, mmss), (long long)replaces);
    else
        snprintf(detail, sizeof detail, "%s %s %s %s %s", month, s->program, s->role, s->activity,
                 cd_time_format_mmss(s->seconds, mmss));
    rc = cd_audit_log(store, "time_entry", newid, "add", detail, err);
    if (!rc && confirmed) {
        char on[CD_DATE_LEN];
        snprintf(detail, sizeof detail, "%s %s above the day limit, confirmed",
                 cd_date_format(day, on), s->program);
        rc = cd_audit_log(store, "time_entry", newid, "confirm", detail, err);
    }
    if (!rc && id)
        *id = newid;
    return rc;
}

int cd_time_insert(struct cd_store *store, const struct cd_time_span *span, int64_t *id,
                   struct cd_error *err)
{
    return insert(store, span, 0, id, err);
}

/* Place a manual entry of SECONDS on DATE (default today): ending now when DATE is today, else
 * from 12:00 local. */
static int place(const char *date, int64_t seconds, time_t *start, time_t *end,
                 struct cd_error *err)
{
    int day = cd_clock_today();
    if (date && *date) {
        if (cd_date_parse(date, &day, NULL))
            return cd_error_set(err, CD_EINVAL, "date: '%s' is not a date (YYYY-MM-DD)", date);
        if (day > cd_clock_today())
            return cd_error_set(err, CD_EINVAL, "date: '%s' is in the future", date);
    }
    if (seconds <= 0 || seconds > MAX_SECONDS)
        return cd_error_set(err, CD_EINVAL,
                            "minutes: a manual entry lasts from 1 second to 720 "
                            "minutes");
    if (day == cd_clock_today()) {
        /* today: the work just ended, but not before midnight */
        time_t midnight = cd_local_to_instant(day, 0, 0, 0);
        *end = cd_clock_now();
        *start = *end - seconds;
        if (*start < midnight) {
            *start = midnight;
            *end = midnight + seconds;
        }
        return 0;
    }
    *start = cd_local_to_instant(day, 12, 0, 0);
    *end = *start + seconds;
    return 0;
}

int cd_time_add(struct cd_store *store, int64_t patient_id, const struct cd_time_fields *f,
                int64_t *id, struct cd_error *err)
{
    char program[16];
    struct cd_time_span s = {.patient_id = patient_id,
                             .program = f->program,
                             .role = f->role ? f->role : "clinical_staff",
                             .activity = f->activity ? f->activity : "other",
                             .source = "manual",
                             .note = f->note,
                             .seconds = f->seconds,
                             .confirm = f->confirm};
    int rc = place(f->date, f->seconds, &s.start, &s.end, err);
    if (rc)
        return rc;
    if (!s.program) {
        if ((rc = cd_enrollment_default_program(store, patient_id, program, err)))
            return rc;
        s.program = program;
    }
    if ((rc = cd_store_begin(store, err)))
        return rc;
    rc = insert(store, &s, 0, id, err);
    return cd_store_finish(store, rc, err);
}

static int void_entry(struct cd_store *store, int64_t id, const char *reason, struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_VOID, &st, err)))
        return rc;
    char at[CD_INSTANT_LEN];
    cd_db_bind_text(st, ":reason", reason);
    cd_db_bind_id(st, ":user", cd_store_actor(store));
    cd_db_bind_text(st, ":at", cd_instant_format(cd_clock_now(), at));
    cd_db_bind_int(st, ":id", id);
    rc = cd_db_exec(store, st, err);
    cd_db_done(st);
    if (!rc && cd_db_changes(store) != 1)
        rc = cd_error_set(err, CD_ECONFLICT, "time entry %lld was changed by someone else",
                          (long long)id);
    if (!rc)
        rc = cd_audit_log(store, "time_entry", id, "void", reason, err);
    return rc;
}

/* The original entry: its fields copied into the caller's buffers. */
struct original {
    int64_t patient_id, seconds;
    char program[16], role[16], activity[24], start[CD_INSTANT_LEN], reason[120];
    char *note;
    int voided;
};

static int load(struct cd_store *store, int64_t id, struct original *o, struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_GET, &st, err)))
        return rc;
    cd_db_bind_int(st, ":id", id);
    rc = cd_db_step(store, st, err);
    if (rc == 1) {
        o->patient_id = cd_db_col_int(st, 0);
        snprintf(o->program, sizeof o->program, "%s", cd_db_col_text(st, 1));
        snprintf(o->role, sizeof o->role, "%s", cd_db_col_text(st, 2));
        snprintf(o->start, sizeof o->start, "%s", cd_db_col_text(st, 3));
        o->seconds = cd_db_col_int(st, 4);
        snprintf(o->activity, sizeof o->activity, "%s", cd_db_col_text(st, 5));
        o->note = cd_db_col_dup(st, 6);
        o->voided = cd_db_col_int(st, 7);
        const char *r = cd_db_col_text(st, 8);
        snprintf(o->reason, sizeof o->reason, "%s", r ? (const char *)r : "");
        rc = 0;
    } else if (rc == 0) {
        rc = cd_error_set(err, CD_ENOTFOUND, "no time entry %lld", (long long)id);
    }
    cd_db_done(st);
    return rc;
}

int cd_time_patient(struct cd_store *store, int64_t id, int64_t *patient_id, struct cd_error *err)
{
    struct original o = {0};
    int rc = load(store, id, &o, err);
    free(o.note);
    if (!rc)
        *patient_id = o.patient_id;
    return rc;
}

int cd_time_void(struct cd_store *store, int64_t id, const char *reason, struct cd_error *err)
{
    struct original o = {0};
    const char *why = cd_text_check(reason, 200, true);
    if (why)
        return cd_error_set(err, CD_EINVAL, "reason: %s (say why the entry is voided)", why);
    int rc = cd_store_begin(store, err);
    if (rc)
        return rc;
    rc = load(store, id, &o, err);
    if (!rc && o.voided)
        rc = cd_error_set(err, CD_EINVAL, "time entry %lld is already voided (%s)", (long long)id,
                          o.reason);
    if (!rc)
        rc = void_entry(store, id, reason, err);
    rc = cd_store_finish(store, rc, err);
    free(o.note);
    return rc;
}

int cd_time_edit(struct cd_store *store, int64_t id, const struct cd_time_fields *f,
                 int64_t *new_id, struct cd_error *err)
{
    struct original o = {0};
    int rc = cd_store_begin(store, err);
    if (rc)
        return rc;
    rc = load(store, id, &o, err);
    if (!rc && o.voided)
        rc = cd_error_set(err, CD_EINVAL, "time entry %lld is voided (%s); edit its replacement",
                          (long long)id, o.reason);
    struct cd_time_span s = {.patient_id = o.patient_id,
                             .program = f->program ? f->program : o.program,
                             .role = f->role ? f->role : o.role,
                             .activity = f->activity ? f->activity : o.activity,
                             .source = "manual",
                             .note = f->note ? f->note : o.note,
                             .seconds = f->seconds ? f->seconds : o.seconds,
                             .confirm = f->confirm};
    if (!rc && f->date) {
        rc = place(f->date, s.seconds, &s.start, &s.end, err);
    } else if (!rc) {
        rc = cd_instant_parse(o.start, &s.start, err);
        s.end = s.start + s.seconds;
        /* a longer entry placed late in the day must not run into the next month */
        time_t next = cd_month_next_start(s.start);
        if (!rc && s.end > next) {
            s.start = next - s.seconds;
            s.end = next;
        }
    }
    int64_t nid = 0;
    if (!rc)
        rc = void_entry(store, id, "edited", err);
    if (!rc)
        rc = insert(store, &s, id, &nid, err);
    rc = cd_store_finish(store, rc, err);
    if (!rc && new_id)
        *new_id = nid;
    free(o.note);
    return rc;
}

int cd_time_list(struct cd_store *store, int64_t patient_id, const char *month,
                 struct cd_page *page, struct cd_error *err)
{
    if (month && cd_month_parse(month, NULL, NULL, err))
        return CD_EINVAL;
    int rc = cd_db_query_page(store, SQL_LIST, ":pid", patient_id, ":month",
                              month && *month ? month : NULL, page, err);
    if (!rc)
        CD_PAGE_ASSERT_COLUMNS(page, CD_TIME_COLUMNS);
    return rc;
}
