/* SPDX-License-Identifier: MIT */
/* The CCM minute timer. Its whole state is one row of `timers` per user, changed in one
 * transaction per step, so another session (or the next one after a crash) sees exactly what
 * has been counted. Stretches that cross a clinic month end are written as separate entries. */
#include "config.h"
#include "core/timer.h"

#include <stdio.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/base/text.h"
#include "core/billing.h"
#include "core/enrollment.h"
#include "core/store/audit.h"
#include "core/store/db.h"
#include "core/store/settings.h"
#include "core/timeentry.h"
#include "core/timer_impl.h"

static const char SQL_GET[] =
    "SELECT patient_id, program, activity, performer_role, started_at, segment_started_at, "
    "accumulated_seconds, last_activity_at, paused_reason, watched FROM timers "
    "WHERE user_id = :user";
static const char SQL_SAVE[] =
    "INSERT INTO timers(user_id, patient_id, program, activity, performer_role, started_at, "
    "segment_started_at, accumulated_seconds, last_activity_at, paused_reason, watched) "
    "VALUES (:user, :pid, :program, :activity, :role, :started, :segment, :acc, :last, :reason, "
    ":watched) "
    "ON CONFLICT(user_id) DO UPDATE SET patient_id = excluded.patient_id, "
    "program = excluded.program, activity = excluded.activity, "
    "performer_role = excluded.performer_role, started_at = excluded.started_at, "
    "segment_started_at = excluded.segment_started_at, "
    "accumulated_seconds = excluded.accumulated_seconds, "
    "last_activity_at = excluded.last_activity_at, paused_reason = excluded.paused_reason, "
    "watched = excluded.watched";
static const char SQL_DELETE[] = "DELETE FROM timers WHERE user_id = :user";
static const char SQL_TOUCH[] = "UPDATE timers SET last_activity_at = :at, watched = 1 "
                                "WHERE user_id = :user AND segment_started_at IS NOT NULL";
static const char SQL_PATIENT[] =
    "SELECT mrn, family_name, given_name FROM patients WHERE id = :pid";

/* The last key press written by this process, for the touch throttle. */
static int64_t touch_user;
static time_t touch_at;
/* This process records key presses (a workstation): its timers are watched. */
static bool watching;

void cd_timer_watching(bool on)
{
    watching = on;
}

int64_t cd_timer_elapsed(const struct cd_timer *t, time_t now)
{
    int64_t run = t->segment_started_at && now > t->segment_started_at
                      ? (int64_t)(now - t->segment_started_at)
                      : 0;
    return t->accumulated + run;
}

static time_t instant_col(struct cd_stmt *st, int col)
{
    const char *s = cd_db_col_text(st, col);
    time_t t = 0;
    if (s && cd_instant_parse(s, &t, NULL))
        t = 0;
    return t;
}

int cd_timer_get(struct cd_store *store, int64_t user_id, struct cd_timer *out,
                 struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_GET, &st, err)))
        return rc;
    cd_db_bind_int(st, ":user", user_id);
    memset(out, 0, sizeof *out);
    rc = cd_db_step(store, st, err);
    if (rc == 1) {
        const char *reason = cd_db_col_text(st, 8);
        out->user_id = user_id;
        out->patient_id = cd_db_col_int(st, 0);
        snprintf(out->program, sizeof out->program, "%s", cd_db_col_text(st, 1));
        snprintf(out->activity, sizeof out->activity, "%s", cd_db_col_text(st, 2));
        snprintf(out->role, sizeof out->role, "%s", cd_db_col_text(st, 3));
        out->started_at = instant_col(st, 4);
        out->segment_started_at = instant_col(st, 5);
        out->accumulated = cd_db_col_int(st, 6);
        out->last_activity_at = instant_col(st, 7);
        snprintf(out->paused_reason, sizeof out->paused_reason, "%s",
                 reason ? (const char *)reason : "");
        out->watched = cd_db_col_int(st, 9) != 0;
        rc = 0;
    } else if (rc == 0) {
        rc = cd_error_set(err, CD_ENOTFOUND,
                          "no timer is running (start one with 'caredesk "
                          "timer start MRN')");
    }
    cd_db_done(st);
    return rc;
}

int cdtimer_save(struct cd_store *store, const struct cd_timer *t, struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_SAVE, &st, err)))
        return rc;
    char a[CD_INSTANT_LEN], b[CD_INSTANT_LEN], c[CD_INSTANT_LEN];
    cd_db_bind_int(st, ":user", t->user_id);
    cd_db_bind_int(st, ":pid", t->patient_id);
    cd_db_bind_text(st, ":program", t->program);
    cd_db_bind_text(st, ":activity", t->activity);
    cd_db_bind_text(st, ":role", t->role);
    cd_db_bind_text(st, ":started", cd_instant_format(t->started_at, a));
    if (t->segment_started_at)
        cd_db_bind_text(st, ":segment", cd_instant_format(t->segment_started_at, b));
    else
        cd_db_bind_null(st, ":segment");
    cd_db_bind_int(st, ":acc", t->accumulated);
    cd_db_bind_text(st, ":last", cd_instant_format(t->last_activity_at, c));
    cd_db_bind_opt(st, ":reason", t->paused_reason);
    cd_db_bind_int(st, ":watched", t->watched);
    rc = cd_db_exec(store, st, err);
    cd_db_done(st);
    return rc;
}

int cdtimer_delete(struct cd_store *store, int64_t user_id, struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_DELETE, &st, err)))
        return rc;
    cd_db_bind_int(st, ":user", user_id);
    rc = cd_db_exec(store, st, err);
    cd_db_done(st);
    return rc;
}

int cdtimer_audit(struct cd_store *store, const struct cd_timer *t, const char *action,
                  int64_t seconds, struct cd_error *err)
{
    char detail[120], mmss[24];
    snprintf(detail, sizeof detail, "%s %s %s %s", t->program, t->role, t->activity,
             cd_time_format_mmss(seconds, mmss));
    return cd_audit_log(store, "timer", t->patient_id, action, detail, err);
}

/* Nothing is written for zero seconds. */
int cdtimer_flush(struct cd_store *store, struct cd_timer *t, time_t end, bool confirm,
                  struct cd_timer_result *res, struct cd_error *err)
{
    if (end < t->started_at + t->accumulated)
        end = t->started_at + t->accumulated;
    if (t->accumulated > 0) {
        struct cd_time_span s = {.patient_id = t->patient_id,
                                 .program = t->program,
                                 .role = t->role,
                                 .activity = t->activity,
                                 .source = "timer",
                                 .start = t->started_at,
                                 .end = end,
                                 .seconds = t->accumulated,
                                 .confirm = confirm};
        int64_t id = 0;
        int rc = cd_time_insert(store, &s, &id, err);
        if (rc)
            return rc;
        res->entries++;
        res->last_entry_id = id;
        res->seconds += t->accumulated;
    }
    t->started_at = end;
    t->accumulated = 0;
    return 0;
}

int cdtimer_count(struct cd_store *store, struct cd_timer *t, time_t seg, time_t end, bool confirm,
                  struct cd_timer_result *res, struct cd_error *err)
{
    if (end < seg)
        end = seg;
    time_t b;
    while (end > (b = cd_month_next_start(seg))) {
        t->accumulated += b - seg;
        int rc = cdtimer_flush(store, t, b, confirm, res, err);
        if (rc)
            return rc;
        seg = b;
    }
    t->accumulated += end - seg;
    return 0;
}

/* A resumed stretch must start in the month of the unwritten part: write the earlier month
 * first. */
static int new_month(struct cd_store *store, struct cd_timer *t, time_t now,
                     struct cd_timer_result *res, struct cd_error *err)
{
    char a[CD_MONTH_LEN], b[CD_MONTH_LEN];
    if (strcmp(cd_month_of(t->started_at, a), cd_month_of(now, b)) == 0)
        return 0;
    int rc = cdtimer_flush(store, t, t->last_activity_at, false, res, err);
    t->started_at = now;
    return rc;
}

static int validate_start(struct cd_store *store, int64_t patient_id, const char **program,
                          char *defprog, const char **activity, const char **role,
                          struct cd_error *err)
{
    if (!*activity)
        *activity = "other";
    if (!*role)
        *role = "clinical_staff";
    if (!cd_activity_valid(*activity))
        return cd_error_set(err, CD_EINVAL,
                            "activity: '%s' is not one of careplan_review, med_reconciliation, "
                            "call, coordination, community_resources, documentation, other",
                            *activity);
    if (!cd_role_valid(*role))
        return cd_error_set(err, CD_EINVAL, "role: '%s' is not clinical_staff or practitioner",
                            *role);
    if (*program && !cd_program_valid(*program))
        return cd_error_set(err, CD_EINVAL,
                            "program: '%s' is not ccm, ccm_complex, pcm, tcm, apcm or coordination",
                            *program);
    if (!*program) {
        int rc = cd_enrollment_default_program(store, patient_id, defprog, err);
        if (rc)
            return rc;
        *program = defprog;
    }
    /* time that could never be written is refused before it is counted */
    return cd_time_check_dates(store, patient_id, *program, cd_clock_today(), err);
}

static int start_locked(struct cd_store *store, int64_t user_id, int64_t patient_id,
                        const char *program, const char *activity, const char *role,
                        struct cd_error *err)
{
    time_t now = cd_clock_now();
    struct cd_timer t = {.user_id = user_id, .patient_id = patient_id};
    snprintf(t.program, sizeof t.program, "%s", program);
    snprintf(t.activity, sizeof t.activity, "%s", activity);
    snprintf(t.role, sizeof t.role, "%s", role);
    t.started_at = t.segment_started_at = t.last_activity_at = now;
    t.watched = watching;
    int rc = cdtimer_save(store, &t, err);
    if (rc == CD_EINVAL && err && strstr(err->msg, "FOREIGN KEY"))
        rc = cd_error_set(err, CD_ENOTFOUND, "no patient with id %lld", (long long)patient_id);
    if (!rc)
        rc = cdtimer_audit(store, &t, "start", 0, err);
    if (!rc) {
        touch_user = user_id;
        touch_at = now;
    }
    return rc;
}

int cd_timer_start(struct cd_store *store, int64_t user_id, int64_t patient_id, const char *program,
                   const char *activity, const char *role, struct cd_error *err)
{
    char defprog[16];
    struct cd_timer cur;
    enum cd_timer_settled what;
    int rc = validate_start(store, patient_id, &program, defprog, &activity, &role, err);
    if (rc || (rc = cd_timer_settle(store, user_id, &what, err)) ||
        (rc = cd_store_begin(store, err)))
        return rc;
    rc = cd_timer_get(store, user_id, &cur, NULL);
    if (rc == 0 && strcmp(cur.paused_reason, "max") == 0)
        rc = cdtimer_refuse_over(store, user_id, err);
    else if (rc == 0)
        rc = cd_error_set(err, CD_EEXIST, "a timer is already running; stop it or switch patients");
    else if (rc == CD_ENOTFOUND)
        rc = start_locked(store, user_id, patient_id, program, activity, role, err);
    else
        rc = cd_timer_get(store, user_id, &cur, err);
    return cd_store_finish(store, rc, err);
}

int cdtimer_stop_locked(struct cd_store *store, struct cd_timer *t, time_t end, const char *action,
                        bool confirm, struct cd_timer_result *res, struct cd_error *err)
{
    int rc = 0;
    if (t->segment_started_at)
        rc = cdtimer_count(store, t, t->segment_started_at, end, confirm, res, err);
    else
        end = t->last_activity_at;
    if (!rc)
        rc = cdtimer_flush(store, t, end, confirm, res, err);
    if (!rc)
        rc = cdtimer_delete(store, t->user_id, err);
    if (!rc)
        rc = cdtimer_audit(store, t, action, res->seconds, err);
    return rc;
}

int cd_timer_stop(struct cd_store *store, int64_t user_id, struct cd_timer_result *res,
                  struct cd_error *err)
{
    return cd_timer_end(store, user_id, CD_TIMER_KEEP_COUNTED, 0, false, res, err);
}

/* Read the timer of USER_ID inside the caller's transaction and apply its bounds at NOW. */
static int get_settled(struct cd_store *store, int64_t user_id, struct cd_timer *t, time_t now,
                       struct cd_error *err)
{
    struct cd_time_limits lim;
    int rc = cd_timer_get(store, user_id, t, err);
    if (rc)
        return rc;
    cd_time_limits_get(store, &lim);
    return cdtimer_settle_locked(store, t, now, &lim, NULL, err);
}

int cd_timer_switch(struct cd_store *store, int64_t user_id, int64_t patient_id,
                    const char *program, const char *activity, const char *role,
                    struct cd_timer_result *res, struct cd_error *err)
{
    char defprog[16];
    struct cd_timer t;
    struct cd_timer_result mine = {0};
    time_t now = cd_clock_now();
    int rc = validate_start(store, patient_id, &program, defprog, &activity, &role, err);
    if (rc || (rc = cd_timer_settle(store, user_id, NULL, err)) ||
        (rc = cd_store_begin(store, err)))
        return rc;
    rc = get_settled(store, user_id, &t, now, err);
    if (!rc && strcmp(t.paused_reason, "max") == 0)
        rc = cdtimer_refuse_over(store, user_id, err);
    else if (!rc)
        rc = cdtimer_stop_locked(store, &t, now, "switch", false, &mine, err);
    else if (rc == CD_ENOTFOUND)
        rc = 0;
    if (!rc)
        rc = start_locked(store, user_id, patient_id, program, activity, role, err);
    rc = cd_store_finish(store, rc, err);
    if (!rc && res)
        *res = mine;
    return rc;
}

int cd_timer_pause(struct cd_store *store, int64_t user_id, struct cd_error *err)
{
    struct cd_timer t;
    struct cd_timer_result res = {0};
    time_t now = cd_clock_now();
    int rc = cd_timer_settle(store, user_id, NULL, err);
    if (rc || (rc = cd_store_begin(store, err)))
        return rc;
    rc = get_settled(store, user_id, &t, now, err);
    if (!rc && strcmp(t.paused_reason, "max") == 0)
        rc = cdtimer_refuse_over(store, user_id, err);
    else if (!rc && !t.segment_started_at)
        rc = cd_error_set(err, CD_EINVAL, "the timer is already paused");
    if (!rc)
        rc = cdtimer_count(store, &t, t.segment_started_at, now, false, &res, err);
    if (!rc) {
        t.segment_started_at = 0;
        t.last_activity_at = now;
        snprintf(t.paused_reason, sizeof t.paused_reason, "user");
        rc = cdtimer_save(store, &t, err);
    }
    if (!rc)
        rc = cdtimer_audit(store, &t, "pause", cd_timer_elapsed(&t, now), err);
    return cd_store_finish(store, rc, err);
}

static int resume_locked(struct cd_store *store, struct cd_timer *t, time_t now, const char *action,
                         struct cd_error *err)
{
    struct cd_timer_result res = {0};
    int rc = new_month(store, t, now, &res, err);
    if (!rc) {
        t->segment_started_at = now;
        t->last_activity_at = now;
        t->paused_reason[0] = '\0';
        t->watched = t->watched || watching;
        rc = cdtimer_save(store, t, err);
    }
    if (!rc)
        rc = cdtimer_audit(store, t, action, t->accumulated, err);
    if (!rc) {
        touch_user = t->user_id;
        touch_at = now;
    }
    return rc;
}

int cd_timer_resume(struct cd_store *store, int64_t user_id, struct cd_error *err)
{
    struct cd_timer t;
    time_t now = cd_clock_now();
    int rc = cd_timer_settle(store, user_id, NULL, err);
    if (rc || (rc = cd_store_begin(store, err)))
        return rc;
    rc = get_settled(store, user_id, &t, now, err);
    if (!rc && strcmp(t.paused_reason, "max") == 0)
        rc = cdtimer_refuse_over(store, user_id, err);
    else if (!rc && t.segment_started_at)
        rc = cd_error_set(err, CD_EINVAL, "the timer is already running");
    else if (!rc && strcmp(t.paused_reason, "idle") == 0)
        rc = cd_error_set(err, CD_EINVAL,
                          "the timer paused itself while idle: say whether the "
                          "idle minutes count");
    if (!rc)
        rc = resume_locked(store, &t, now, "resume", err);
    return cd_store_finish(store, rc, err);
}

int cd_timer_touch(struct cd_store *store, int64_t user_id, struct cd_error *err)
{
    int rc;
    time_t now = cd_clock_now();
    if (user_id == touch_user && now - touch_at < CD_TIMER_TOUCH_INTERVAL && now >= touch_at)
        return 0;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_TOUCH, &st, err)))
        return rc;
    rc = cd_store_begin(store, err);
    if (rc) {
        cd_db_done(st);
        return rc;
    }
    char at[CD_INSTANT_LEN];
    cd_db_bind_text(st, ":at", cd_instant_format(now, at));
    cd_db_bind_int(st, ":user", user_id);
    rc = cd_db_exec(store, st, err);
    cd_db_done(st);
    rc = cd_store_finish(store, rc, err);
    if (!rc) {
        touch_user = user_id;
        touch_at = now;
    }
    return rc;
}

int cd_timer_idle_check(struct cd_store *store, int64_t user_id, int idle_minutes, bool *paused,
                        struct cd_error *err)
{
    struct cd_timer t;
    struct cd_timer_result res = {0};
    time_t now = cd_clock_now();
    *paused = false;
    if (idle_minutes <= 0)
        idle_minutes = (int)cd_settings_get_long(store, "idle_minutes", 10);
    int rc = cd_timer_get(store, user_id, &t, NULL);
    if (rc || !t.segment_started_at || now - t.last_activity_at < idle_minutes * 60)
        return rc == CD_ENOTFOUND ? 0 : rc;
    if ((rc = cd_store_begin(store, err)))
        return rc;
    /* read again inside the transaction: another session may have changed it */
    rc = cd_timer_get(store, user_id, &t, err);
    if (!rc && t.segment_started_at && now - t.last_activity_at >= idle_minutes * 60) {
        rc = cdtimer_count(store, &t, t.segment_started_at, t.last_activity_at, false, &res, err);
        if (!rc) {
            t.segment_started_at = 0;
            snprintf(t.paused_reason, sizeof t.paused_reason, "idle");
            rc = cdtimer_save(store, &t, err);
        }
        if (!rc)
            rc = cdtimer_audit(store, &t, "idle", cd_timer_elapsed(&t, now), err);
        if (!rc)
            *paused = true;
    }
    rc = cd_store_finish(store, rc, err);
    if (rc)
        *paused = false;
    return rc;
}

int cd_timer_idle_resolve(struct cd_store *store, int64_t user_id, bool count_idle,
                          struct cd_error *err)
{
    struct cd_timer t;
    struct cd_timer_result res = {0};
    time_t now = cd_clock_now();
    int rc = cd_store_begin(store, err);
    if (rc)
        return rc;
    rc = cd_timer_get(store, user_id, &t, err);
    if (!rc && strcmp(t.paused_reason, "max") == 0)
        rc = cdtimer_refuse_over(store, user_id, err);
    else if (!rc && strcmp(t.paused_reason, "idle") != 0)
        rc = cd_error_set(err, CD_EINVAL, "the timer is not paused for idleness");
    if (!rc && count_idle) {
        /* the minutes away count as the user says, but never past the timer's maximum */
        struct cd_time_limits lim;
        cd_time_limits_get(store, &lim);
        time_t end =
            t.last_activity_at + (cdtimer_keepable(&t, now, lim.timer_max) - t.accumulated);
        rc = cdtimer_count(store, &t, t.last_activity_at, end, false, &res, err);
        t.last_activity_at = now;
    }
    if (!rc)
        rc = resume_locked(store, &t, now, count_idle ? "idle-counted" : "idle-dropped", err);
    return cd_store_finish(store, rc, err);
}

int cd_timer_status(struct cd_store *store, int64_t user_id, struct cd_timer_view *out,
                    struct cd_error *err)
{
    memset(out, 0, sizeof *out);
    int rc = cd_timer_get(store, user_id, &out->timer, err);
    if (rc)
        return rc;
    const struct cd_timer *t = &out->timer;
    time_t now = cd_clock_now();
    struct cd_time_limits lim;
    cd_time_limits_get(store, &lim);
    out->elapsed = cd_timer_elapsed(t, now);
    out->keepable = cdtimer_keepable(t, now, lim.timer_max);
    out->max_seconds = lim.timer_max;
    snprintf(out->state, sizeof out->state, "%s",
             t->segment_started_at                   ? "running"
             : strcmp(t->paused_reason, "idle") == 0 ? "idle"
             : strcmp(t->paused_reason, "max") == 0  ? "over"
                                                     : "paused");
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_PATIENT, &st, err)))
        return rc;
    cd_db_bind_int(st, ":pid", t->patient_id);
    rc = cd_db_step(store, st, err);
    if (rc == 1) {
        const char *family = cd_db_col_text(st, 1);
        const char *given = cd_db_col_text(st, 2);
        snprintf(out->mrn, sizeof out->mrn, "%s", cd_db_col_text(st, 0));
        snprintf(out->patient, sizeof out->patient, "%s, %s", family, given);
        cd_text_initials(given, family, true, out->initials, sizeof out->initials);
        rc = 0;
    }
    cd_db_done(st);
    if (rc)
        return rc;
    struct cd_billing_month m;
    char month[CD_MONTH_LEN];
    if ((rc = cd_billing_patient(store, t->patient_id, cd_month_of(now, month), &m, err)))
        return rc;
    const struct cd_billing_line *l = cd_billing_find(&m, t->program, t->role);
    int64_t logged = l ? l->seconds : 0, billable = l ? l->billable : 0;
    out->month_seconds = logged + out->elapsed;
    /* the threshold only means something when the time can count */
    if (!l || l->billable > 0) {
        const struct cd_billing_rules *r;
        struct cd_billing_earned e;
        if ((rc = cd_billing_rules_builtin(&r, err)))
            return rc;
        cd_billing_earn(r, t->program, t->role, billable + out->elapsed, &e);
        out->next_threshold = e.next_threshold;
    }
    return 0;
}
