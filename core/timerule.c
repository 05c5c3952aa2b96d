/* SPDX-License-Identifier: MIT */
/* The rules on care-management time (core/timerule.h): the patient's life and enrollment, and the
 * day's limit per patient and program with a supervisor's confirmation above it. */
#include "config.h"
#include "core/timerule.h"

#include <stdio.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/patient.h"
#include "core/perm.h"
#include "core/store/db.h"
#include "core/store/settings.h"
#include "core/timeentry.h"

static const char SQL_PATIENT[] =
    "SELECT mrn, birth_date, deceased_at FROM patients WHERE id = :pid";
static const char SQL_ENROLLMENTS[] =
    "SELECT start_date, end_date FROM enrollments WHERE patient_id = :pid AND program = :program "
    "AND status <> 'declined' ORDER BY start_date, id";
static const char SQL_DAY[] =
    "SELECT coalesce(sum(seconds), 0) FROM time_entries WHERE patient_id = :pid "
    "AND program = :program AND voided = 0 AND start_at >= :from AND start_at < :to";

void cd_time_limits_get(struct cd_store *store, struct cd_time_limits *out)
{
    out->idle = cd_settings_get_long(store, "idle_minutes", 10) * 60;
    out->timer_max = cd_settings_get_long(store, "timer_max_minutes", 240) * 60;
    out->day_max = cd_settings_get_long(store, "day_max_minutes", 120) * 60;
    if (out->idle <= 0)
        out->idle = 600;
    if (out->timer_max <= 0)
        out->timer_max = 240 * 60;
    if (out->day_max <= 0)
        out->day_max = 120 * 60;
}

/* The patient's MRN, birth day and day of death (day numbers, which are negative before 1970) */
struct life {
    char mrn[65];
    int born, died;
    bool has_born, has_died;
};

static int load_life(struct cd_store *store, int64_t patient_id, struct life *out,
                     struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_PATIENT, &st, err)))
        return rc;
    cd_db_bind_int(st, ":pid", patient_id);
    out->has_born = out->has_died = false;
    rc = cd_db_step(store, st, err);
    if (rc == 1) {
        const char *birth = cd_db_col_text(st, 1), *death = cd_db_col_text(st, 2);
        snprintf(out->mrn, sizeof out->mrn, "%s", cd_db_col_text(st, 0));
        out->has_born = birth && !cd_date_parse(birth, &out->born, NULL);
        /* an instant (a discharge recorded it) or a date (recorded by hand) */
        out->has_died = cd_patient_death_day(death, &out->died);
        rc = 0;
    } else if (rc == 0) {
        rc = cd_error_set(err, CD_ENOTFOUND, "no patient with id %lld", (long long)patient_id);
    }
    cd_db_done(st);
    return rc;
}

/* Inside an enrollment in PROGRAM, or never enrolled in it. */
static int check_enrollment(struct cd_store *store, int64_t patient_id, const struct life *p,
                            const char *program, int day, const char *on, struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_ENROLLMENTS, &st, err)))
        return rc;
    cd_db_bind_int(st, ":pid", patient_id);
    cd_db_bind_text(st, ":program", program);
    int n = 0, first = 0, ended_before = 0, next_after = 0;
    bool inside = false, any_end = false, any_next = false;
    while (!inside && (rc = cd_db_step(store, st, err)) == 1) {
        const char *s = cd_db_col_text(st, 0), *e = cd_db_col_text(st, 1);
        int start, end = 0;
        if (!s || cd_date_parse(s, &start, NULL))
            continue;
        bool open = !e || cd_date_parse(e, &end, NULL);
        if (n++ == 0)
            first = start;
        if (start <= day && (open || day <= end)) {
            inside = true;
        } else if (!open && end < day && (!any_end || end > ended_before)) {
            ended_before = end;
            any_end = true;
        } else if (start > day && !any_next) {
            next_after = start;
            any_next = true;
        }
    }
    cd_db_done(st);
    if (rc < 0)
        return rc;
    if (inside || n == 0)
        return 0;
    char a[CD_DATE_LEN], b[CD_DATE_LEN];
    if (!any_end)
        return cd_error_set(err, CD_EINVAL, "time on %s is before %s's %s enrollment started (%s)",
                            on, p->mrn, program, cd_date_format(first, a));
    if (!any_next)
        return cd_error_set(err, CD_EINVAL, "time on %s is after %s's %s enrollment ended (%s)", on,
                            p->mrn, program, cd_date_format(ended_before, a));
    return cd_error_set(err, CD_EINVAL,
                        "time on %s is between %s's %s enrollments (one ended %s, the next "
                        "started %s)",
                        on, p->mrn, program, cd_date_format(ended_before, a),
                        cd_date_format(next_after, b));
}

/* WHAT ("time", "contact") on DAY lies inside P's life. */
static int inside_life(const struct life *p, const char *what, int day, struct cd_error *err)
{
    char on[CD_DATE_LEN], d[CD_DATE_LEN];
    cd_date_format(day, on);
    if (p->has_born && day < p->born)
        return cd_error_set(err, CD_EINVAL, "%s on %s is before %s's birth date (%s)", what, on,
                            p->mrn, cd_date_format(p->born, d));
    if (p->has_died && day > p->died)
        return cd_error_set(err, CD_EINVAL, "%s on %s is after %s's date of death (%s)", what, on,
                            p->mrn, cd_date_format(p->died, d));
    return 0;
}

int cd_time_check_life(struct cd_store *store, int64_t patient_id, const char *what, int day,
                       struct cd_error *err)
{
    struct life p;
    int rc = load_life(store, patient_id, &p, err);
    return rc ? rc : inside_life(&p, what, day, err);
}

int cd_time_check_dates(struct cd_store *store, int64_t patient_id, const char *program, int day,
                        struct cd_error *err)
{
    struct life p;
    char on[CD_DATE_LEN];
    int rc = load_life(store, patient_id, &p, err);
    if (rc || (rc = inside_life(&p, "time", day, err)))
        return rc;
    cd_date_format(day, on);
    if (!program || strcmp(program, "coordination") == 0)
        return 0;
    return check_enrollment(store, patient_id, &p, program, day, on, err);
}

int cd_time_day_seconds(struct cd_store *store, int64_t patient_id, const char *program, int day,
                        int64_t *seconds, struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    char from[CD_INSTANT_LEN], to[CD_INSTANT_LEN];
    if ((rc = cd_db_stmt(store, SQL_DAY, &st, err)))
        return rc;
    cd_db_bind_int(st, ":pid", patient_id);
    cd_db_bind_text(st, ":program", program);
    cd_db_bind_text(st, ":from", cd_instant_format(cd_local_to_instant(day, 0, 0, 0), from));
    cd_db_bind_text(st, ":to", cd_instant_format(cd_local_to_instant(day + 1, 0, 0, 0), to));
    rc = cd_db_step(store, st, err);
    *seconds = rc == 1 ? cd_db_col_int(st, 0) : 0;
    cd_db_done(st);
    return rc < 0 ? rc : 0;
}

int cd_time_check_day(struct cd_store *store, int64_t patient_id, const char *program, int day,
                      int64_t seconds, bool confirm, bool *confirmed, struct cd_error *err)
{
    struct cd_time_limits lim;
    int64_t logged = 0;
    if (confirmed)
        *confirmed = false;
    cd_time_limits_get(store, &lim);
    int rc = cd_time_day_seconds(store, patient_id, program, day, &logged, err);
    if (rc || logged + seconds <= lim.day_max)
        return rc;
    if (confirm) {
        if ((rc = cd_perm_require(store, CD_PERM_CONFIRM_TIME, err)))
            return rc;
        if (confirmed)
            *confirmed = true;
        return 0;
    }
    struct life p;
    if ((rc = load_life(store, patient_id, &p, err)))
        return rc;
    char on[CD_DATE_LEN], total[24], before[24], already[48] = "";
    if (logged)
        snprintf(already, sizeof already, " (%s already logged)",
                 cd_time_format_mmss(logged, before));
    return cd_error_set(err, CD_EPERM,
                        "%s would have %s of %s time on %s%s, above the clinic's limit of %lld "
                        "minutes a day for one patient and program; a supervisor or admin must "
                        "confirm it (--confirm)",
                        p.mrn, cd_time_format_mmss(logged + seconds, total), program,
                        cd_date_format(day, on), already, (long long)(lim.day_max / 60));
}
