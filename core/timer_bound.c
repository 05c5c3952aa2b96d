/* SPDX-License-Identifier: MIT */
/* The timer's bounds (core/timer.h): past the clinic's maximum a running timer stops itself at its
 * last activity and waits for the user to say how much to keep; a timer a workstation watched stops
 * counting at its last key press once idle, even when that workstation was closed or killed and
 * another session finds it. Also the ways to close a timer: as counted, to the last activity, to
 * now, a number of minutes, or discarded. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/timeentry.h"
#include "core/timer.h"
#include "core/timer_impl.h"

int64_t cdtimer_keepable(const struct cd_timer *t, time_t now, int64_t max)
{
    int64_t may = t->accumulated;
    if (t->segment_started_at)
        may = cd_timer_elapsed(t, now);
    else if (strcmp(t->paused_reason, "idle") == 0 && now > t->last_activity_at)
        may += now - t->last_activity_at; /* the minutes away, if the user confirms them */
    else if (strcmp(t->paused_reason, "max") == 0)
        may = max; /* it ran at least that long */
    return may < max ? may : max;
}

int cdtimer_settle_locked(struct cd_store *store, struct cd_timer *t, time_t now,
                          const struct cd_time_limits *lim, enum cd_timer_settled *what,
                          struct cd_error *err)
{
    struct cd_timer_result res = {0};
    if (what)
        *what = CD_TIMER_SETTLED_NONE;
    if (!t->segment_started_at)
        return 0;
    time_t seg = t->segment_started_at;
    int64_t left = lim->timer_max > t->accumulated ? lim->timer_max - t->accumulated : 0;
    time_t at_max = seg + (time_t)left;
    time_t at_idle = t->last_activity_at + (time_t)lim->idle;
    /* whichever came first: what a live workstation would have done at that moment */
    bool idle = t->watched && now >= at_idle && at_idle <= at_max;
    if (!idle && now <= at_max)
        return 0;
    time_t end = t->last_activity_at < at_max ? t->last_activity_at : at_max;
    if (end < seg)
        end = seg;
    int rc = cdtimer_count(store, t, seg, end, false, &res, err);
    if (rc)
        return rc;
    t->segment_started_at = 0;
    t->last_activity_at = end;
    snprintf(t->paused_reason, sizeof t->paused_reason, "%s", idle ? "idle" : "max");
    if ((rc = cdtimer_save(store, t, err)) ||
        (rc = cdtimer_audit(store, t, idle ? "idle" : "max", t->accumulated, err)))
        return rc;
    if (what)
        *what = idle ? CD_TIMER_SETTLED_IDLE : CD_TIMER_SETTLED_MAX;
    return 0;
}

int cd_timer_settle(struct cd_store *store, int64_t user_id, enum cd_timer_settled *what,
                    struct cd_error *err)
{
    struct cd_timer t;
    struct cd_time_limits lim;
    enum cd_timer_settled mine = CD_TIMER_SETTLED_NONE;
    time_t now = cd_clock_now();
    if (what)
        *what = mine;
    /* a look first: most calls find nothing due and write nothing */
    int rc = cd_timer_get(store, user_id, &t, NULL);
    if (rc == CD_ENOTFOUND || (rc == 0 && !t.segment_started_at))
        return 0;
    if (rc)
        return cd_timer_get(store, user_id, &t, err);
    if ((rc = cd_store_begin(store, err)))
        return rc;
    cd_time_limits_get(store, &lim);
    rc = cd_timer_get(store, user_id, &t, NULL);
    if (rc == 0)
        rc = cdtimer_settle_locked(store, &t, now, &lim, &mine, err);
    else if (rc == CD_ENOTFOUND)
        rc = 0; /* another session stopped it meanwhile */
    rc = cd_store_finish(store, rc, err);
    if (!rc && what)
        *what = mine;
    return rc;
}

/* "4 hours", "1 hour", "90 minutes". */
static const char *duration_words(int64_t seconds, char *out, size_t size)
{
    long long min = (long long)(seconds / 60);
    if (min % 60 == 0)
        snprintf(out, size, "%lld hour%s", min / 60, min == 60 ? "" : "s");
    else
        snprintf(out, size, "%lld minutes", min);
    return out;
}

char *cd_timer_over_text(const struct cd_timer_view *tv, char *out, size_t size)
{
    char past[32], at[CD_INSTANT_LEN];
    time_t stopped = tv->timer.last_activity_at;
    cd_instant_format_local(stopped, at);
    bool today = cd_instant_local_day(stopped) == cd_clock_today();
    snprintf(out, size, "the timer for %s (%s) ran past %s and stopped at %s, its last activity",
             tv->mrn, tv->patient, duration_words(tv->max_seconds, past, sizeof past),
             today ? at + 11 : at);
    return out;
}

char *cd_timer_over_question(const struct cd_timer_view *tv, char *out, size_t size)
{
    char text[CD_ERROR_MSG_MAX];
    snprintf(out, size,
             "%s; keep how much? caredesk timer stop --keep MINUTES | --to-last-activity | "
             "timer discard",
             cd_timer_over_text(tv, text, sizeof text));
    return out;
}

int cdtimer_refuse_over(struct cd_store *store, int64_t user_id, struct cd_error *err)
{
    struct cd_timer_view tv;
    char q[CD_ERROR_MSG_MAX];
    int rc = cd_timer_status(store, user_id, &tv, err);
    if (rc)
        return rc;
    return cd_error_set(err, CD_EINVAL, "%s", cd_timer_over_question(&tv, q, sizeof q));
}

/* Write exactly SECONDS of T, placed from the start of its unwritten part, and remove it. */
static int keep_exact(struct cd_store *store, struct cd_timer *t, int64_t seconds, bool confirm,
                      struct cd_timer_result *res, struct cd_error *err)
{
    time_t from = t->started_at, end = from + (time_t)seconds;
    t->accumulated = 0;
    t->segment_started_at = 0;
    int rc = cdtimer_count(store, t, from, end, confirm, res, err);
    if (!rc)
        rc = cdtimer_flush(store, t, end, confirm, res, err);
    if (!rc)
        rc = cdtimer_delete(store, t->user_id, err);
    if (!rc)
        rc = cdtimer_audit(store, t, "keep", res->seconds, err);
    return rc;
}

static int end_locked(struct cd_store *store, struct cd_timer *t, time_t now, int64_t max,
                      enum cd_timer_keep keep, int64_t seconds, bool confirm,
                      struct cd_timer_result *res, struct cd_error *err)
{
    bool over = strcmp(t->paused_reason, "max") == 0;
    bool idle = strcmp(t->paused_reason, "idle") == 0;
    int64_t may = cdtimer_keepable(t, now, max);
    char a[24], b[24];
    switch (keep) {
    case CD_TIMER_DISCARD: {
        int rc = cdtimer_delete(store, t->user_id, err);
        return rc ? rc : cdtimer_audit(store, t, "discard", cd_timer_elapsed(t, now), err);
    }
    case CD_TIMER_KEEP_COUNTED:
        if (over)
            return cdtimer_refuse_over(store, t->user_id, err);
        return cdtimer_stop_locked(store, t, now, "stop", confirm, res, err);
    case CD_TIMER_KEEP_TO_LAST_ACTIVITY:
        return cdtimer_stop_locked(store, t, t->last_activity_at, "recover-last", confirm, res,
                                   err);
    case CD_TIMER_KEEP_TO_NOW:
        if (over || (idle && may != t->accumulated))
            return keep_exact(store, t, may, confirm, res, err);
        return cdtimer_stop_locked(store, t, now, "recover-now", confirm, res, err);
    case CD_TIMER_KEEP_SECONDS:
        if (seconds <= 0)
            return cd_error_set(err, CD_EINVAL, "keep: say how much to keep (at least 1 second)");
        if (seconds > may)
            return cd_error_set(err, CD_EINVAL,
                                "keep: %s is more than this timer may keep (at most %s%s)",
                                cd_time_format_mmss(seconds, a), cd_time_format_mmss(may, b),
                                may == max ? ", the clinic's maximum" : "");
        return keep_exact(store, t, seconds, confirm, res, err);
    }
    return cd_error_set(err, CD_EINVAL, "keep: unknown way to stop the timer");
}

int cd_timer_end(struct cd_store *store, int64_t user_id, enum cd_timer_keep keep, int64_t seconds,
                 bool confirm, struct cd_timer_result *res, struct cd_error *err)
{
    struct cd_timer t;
    struct cd_time_limits lim;
    struct cd_timer_result mine = {0};
    time_t now = cd_clock_now();
    /* what the bounds change is written even when the user's choice is then refused */
    int rc = cd_timer_settle(store, user_id, NULL, err);
    if (rc || (rc = cd_store_begin(store, err)))
        return rc;
    cd_time_limits_get(store, &lim);
    rc = cd_timer_get(store, user_id, &t, err);
    if (!rc)
        rc = cdtimer_settle_locked(store, &t, now, &lim, NULL, err);
    if (!rc)
        rc = end_locked(store, &t, now, lim.timer_max, keep, seconds, confirm, &mine, err);
    rc = cd_store_finish(store, rc, err);
    if (!rc && res)
        *res = mine;
    return rc;
}

int cd_timer_recover(struct cd_store *store, int64_t user_id, enum cd_timer_keep keep,
                     struct cd_timer_result *res, struct cd_error *err)
{
    return cd_timer_end(store, user_id, keep, 0, false, res, err);
}

int cd_timer_pending(struct cd_store *store, int64_t user_id, struct cd_timer *out, bool *pending,
                     struct cd_error *err)
{
    *pending = false;
    int rc = cd_timer_settle(store, user_id, NULL, err);
    if (rc)
        return rc;
    rc = cd_timer_get(store, user_id, out, NULL);
    *pending = rc == 0;
    if (rc == CD_ENOTFOUND)
        return 0;
    return rc ? cd_timer_get(store, user_id, out, err) : 0;
}
