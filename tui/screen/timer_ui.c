/* SPDX-License-Identifier: MIT */
/* The CCM timer in the workstation: status bar text, the t / T keys, keep-stop-switch when
 * another patient is opened, idle pauses, the start-up recovery question, and how much to keep
 * of a timer that ran past its maximum or of a stop above the day's limit. */
#include "config.h"
#include "tui/screen/timer_ui.h"

#include <stdio.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/base/page.h"
#include "core/enrollment.h"
#include "core/patient.h"
#include "core/perm.h"
#include "core/store/settings.h"
#include "core/timeentry.h"
#include "core/timer.h"
#include "tui/screen/app.h"
#include "tui/screen/prompt.h"
#include "tui/screen/view.h"

enum ask { ASK_START, ASK_SWITCH };

static struct {
    struct app *app;
    struct cd_timer_view tv; /* the last status read; valid when have */
    bool have, stale;
    time_t read_at;    /* the clock when tv was read: the running timer ticks from here */
    int reread_for;    /* the threshold already re-read for after the bar passed it */
    int idle_minutes;  /* the idle_minutes setting */
    time_t last_key;   /* this session's last key press */
    bool asking;       /* a timer question is open: no idle checks, no touches */
    bool idle_waiting; /* paused for idleness: the next key asks whether the minutes count */
    int64_t ask_patient;
    enum ask ask_mode;
    enum cd_timer_keep keep; /* the choice waiting for a supervisor's confirmation */
    int64_t keep_seconds;
} tu = {.stale = true, .idle_minutes = 10};

static int64_t uid(void)
{
    return app_user(tu.app)->id;
}

static bool running(void)
{
    return tu.have && tu.tv.timer.segment_started_at != 0;
}

static bool idle(void)
{
    return tu.have && strcmp(tu.tv.state, "idle") == 0;
}

/* Ran past the maximum: stopped until the user says how much to keep. */
static bool over(void)
{
    return tu.have && strcmp(tu.tv.state, "over") == 0;
}

/* Read the timer from core (a few queries): after a change, never on a plain tick. */
static void read_status(void)
{
    struct cd_error err = {0};
    struct cd_store *store = app_store(tu.app);
    int rc = cd_timer_status(store, uid(), &tu.tv, &err);
    tu.have = rc == 0;
    tu.read_at = cd_clock_now();
    tu.stale = rc != 0 && rc != CD_ENOTFOUND; /* try again next second after a failure */
    tu.reread_for = 0;
    tu.idle_minutes = (int)cd_settings_get_long(store, "idle_minutes", 10);
    if (tu.idle_minutes <= 0)
        tu.idle_minutes = 10;
    if (rc && rc != CD_ENOTFOUND)
        app_error(tu.app, &err);
}

void timer_ui_stale(void)
{
    tu.stale = true;
}

/* The timer's elapsed and month seconds now, from the last read and the clock. */
static void now_counts(int64_t *elapsed, int64_t *month)
{
    time_t now = cd_clock_now();
    int64_t extra = running() && now > tu.read_at ? (int64_t)(now - tu.read_at) : 0;
    *elapsed = tu.tv.elapsed + extra;
    *month = tu.tv.month_seconds + extra;
}

/* The status bar slot: "CCM J.D. 07:41 | 14/20 min"; PAUSED or IDLE before the time. */
static bool status_hook(void *ctx, char *buf, unsigned long size)
{
    (void)ctx;
    if (tu.stale)
        read_status();
    int64_t elapsed, month;
    now_counts(&elapsed, &month);
    /* past the threshold the next one is another query away (once per threshold) */
    if (running() && tu.tv.next_threshold && month / 60 >= tu.tv.next_threshold &&
        tu.reread_for != tu.tv.next_threshold) {
        int passed = tu.tv.next_threshold;
        read_status();
        tu.reread_for = passed;
        now_counts(&elapsed, &month);
    }
    buf[0] = '\0';
    if (!tu.have)
        return true;
    char mmss[24], total[32];
    if (tu.tv.next_threshold)
        snprintf(total, sizeof total, "%lld/%d min", (long long)(month / 60), tu.tv.next_threshold);
    else
        snprintf(total, sizeof total, "%lld min", (long long)(month / 60));
    snprintf(buf, size, "%s %s %s%s | %s", cd_program_label(tu.tv.timer.program), tu.tv.initials,
             running() ? ""
             : idle()  ? "IDLE "
             : over()  ? "STOPPED "
                       : "PAUSED ",
             cd_time_format_mmss(elapsed, mmss), total);
    return running();
}

/* After a timer write of ours: the bar and every view (minutes bars, lists) read again. */
static void changed(void)
{
    tu.stale = true;
    app_changed(tu.app);
}

/* "Núñez, Zoë (1001)" for PATIENT_ID into OUT. */
static void patient_name(int64_t patient_id, char *out, size_t size)
{
    struct cd_patient_header h;
    if (cd_patient_header_get(app_store(tu.app), patient_id, &h, NULL) == 0)
        snprintf(out, size, "%s, %s (%s)", h.family_name, h.given_name, h.mrn);
    else
        snprintf(out, size, "patient %lld", (long long)patient_id);
}

/* One key per activity, in cd_activities order. */
static const struct {
    int key;
    const char *activity;
} activity_keys[] = {
    {'p', "careplan_review"}, {'m', "med_reconciliation"},  {'c', "call"},
    {'o', "coordination"},    {'r', "community_resources"}, {'d', "documentation"},
    {'x', "other"},
};
#define N_ACTIVITIES (sizeof activity_keys / sizeof activity_keys[0])

static void activity_done(struct view *v, int key, void *ctx)
{
    (void)v;
    (void)ctx;
    tu.asking = false;
    const char *activity = NULL;
    for (size_t i = 0; i < N_ACTIVITIES; i++)
        if (activity_keys[i].key == key)
            activity = activity_keys[i].activity;
    if (!activity)
        return;
    struct cd_error err = {0};
    struct cd_timer_result res = {0};
    struct cd_store *store = app_store(tu.app);
    char who[32] = "", mmss[24];
    if (tu.have)
        snprintf(who, sizeof who, "%s", tu.tv.initials);
    int rc = tu.ask_mode == ASK_SWITCH
                 ? cd_timer_switch(store, uid(), tu.ask_patient, NULL, activity, NULL, &res, &err)
                 : cd_timer_start(store, uid(), tu.ask_patient, NULL, activity, NULL, &err);
    changed();
    if (rc) {
        app_error(tu.app, &err);
        return;
    }
    read_status();
    if (!tu.have)
        return;
    if (tu.ask_mode == ASK_SWITCH && who[0])
        app_message(tu.app, "Wrote %s for %s; timer started for %s (%s, %s)",
                    cd_time_format_mmss(res.seconds, mmss), who, tu.tv.initials,
                    cd_program_label(tu.tv.timer.program), cd_activity_name(activity));
    else
        app_message(tu.app, "Timer started for %s (%s, %s)", tu.tv.initials,
                    cd_program_label(tu.tv.timer.program), cd_activity_name(activity));
}

/* Which activity: one key each; the program is the patient's (core's default). */
static void ask_activity(struct view *v, int64_t patient_id, enum ask mode)
{
    struct prompt_choice choices[N_ACTIVITIES];
    for (size_t i = 0; i < N_ACTIVITIES; i++)
        choices[i] = (struct prompt_choice){activity_keys[i].key,
                                            cd_activity_name(activity_keys[i].activity)};
    char name[CD_PATIENT_LABEL_LEN], title[CD_PATIENT_LABEL_LEN + 64];
    patient_name(patient_id, name, sizeof name);
    snprintf(title, sizeof title, "Timer for %s: which activity?", name);
    tu.ask_patient = patient_id;
    tu.ask_mode = mode;
    tu.asking = true;
    if (prompt_choice(v, title, choices, N_ACTIVITIES, activity_done, NULL))
        tu.asking = false;
}

/* ---- how much to keep: past the maximum, or above the day's limit ---- */

static void ask_over_limit(const struct cd_error *err, enum cd_timer_keep keep, int64_t seconds);

/* Close the timer as KEEP says and tell what was written (CONFIRM: the supervisor confirms). */
static void finish(enum cd_timer_keep keep, int64_t seconds, bool confirm)
{
    struct cd_error err = {0};
    struct cd_timer_result res = {0};
    char who[16];
    snprintf(who, sizeof who, "%s", tu.tv.initials);
    char mmss[24];
    int rc = cd_timer_end(app_store(tu.app), uid(), keep, seconds, confirm, &res, &err);
    changed();
    if (rc == CD_EPERM && !confirm)
        ask_over_limit(&err, keep, seconds);
    else if (rc)
        app_error(tu.app, &err);
    else if (keep == CD_TIMER_DISCARD)
        app_message(tu.app, "Discarded the timer for %s", who);
    else
        app_message(tu.app, "Kept %s for %s", cd_time_format_mmss(res.seconds, mmss), who);
}

static void confirm_done(struct view *v, bool yes, void *ctx)
{
    (void)v;
    (void)ctx;
    tu.asking = false;
    if (yes)
        finish(tu.keep, tu.keep_seconds, true);
}

static void minutes_done(struct view *v, const char *text, void *ctx)
{
    (void)v;
    (void)ctx;
    tu.asking = false;
    struct cd_error err = {0};
    int64_t seconds;
    if (!text)
        return;
    if (cd_time_parse_duration(text, &seconds, &err))
        app_error(tu.app, &err);
    else
        finish(CD_TIMER_KEEP_SECONDS, seconds, false);
}

/* Ask for the minutes to keep, at most what core allows. */
static void ask_minutes(struct view *v)
{
    char label[64];
    read_status();
    snprintf(label, sizeof label,
             "Minutes to keep (at most %lld):", (long long)(tu.tv.keepable / 60));
    tu.asking = true;
    if (prompt_text(v, label, NULL, minutes_done, NULL))
        tu.asking = false;
}

static void limit_done(struct view *v, int key, void *ctx)
{
    (void)ctx;
    tu.asking = false;
    if (key == 'm')
        ask_minutes(v);
    else if (key == 'd')
        finish(CD_TIMER_DISCARD, 0, false);
}

/* Core refused to write above the day's limit (ERR says so): a supervisor may confirm it, anyone
 * may keep fewer minutes or discard; Esc leaves the timer as it is. */
static void ask_over_limit(const struct cd_error *err, enum cd_timer_keep keep, int64_t seconds)
{
    struct view *v = app_top(tu.app);
    tu.keep = keep;
    tu.keep_seconds = seconds;
    tu.asking = true;
    if (cd_perm_allows(app_user(tu.app)->role, CD_PERM_CONFIRM_TIME)) {
        char q[CD_ERROR_MSG_MAX + 40];
        snprintf(q, sizeof q, "%s. Confirm it as %s?", err->msg, app_user(tu.app)->role);
        if (prompt_confirm(v, q, confirm_done, NULL))
            tu.asking = false;
        return;
    }
    const struct prompt_choice choices[] = {
        {'m', "keep fewer minutes"},
        {'d', "discard the timer"},
    };
    if (prompt_choice(v, err->msg, choices, 2, limit_done, NULL))
        tu.asking = false;
}

static void over_done(struct view *v, int key, void *ctx)
{
    (void)ctx;
    tu.asking = false;
    if (key == 'l')
        finish(CD_TIMER_KEEP_TO_LAST_ACTIVITY, 0, false);
    else if (key == 'm')
        ask_minutes(v);
    else if (key == 'd')
        finish(CD_TIMER_DISCARD, 0, false);
    else
        app_message(tu.app, "The timer for %s waits: t asks again", tu.tv.initials);
}

/* The timer ran past its maximum and stopped at its last activity: how much to keep? */
static void ask_over(struct app *app)
{
    read_status();
    if (!over())
        return;
    char text[CD_ERROR_MSG_MAX], title[CD_ERROR_MSG_MAX + 32], l[80], m[80], mmss[24];
    cd_timer_over_text(&tu.tv, text, sizeof text);
    text[0] = 'T'; /* the sentence starts a title here */
    snprintf(title, sizeof title, "%s. Keep how much?", text);
    snprintf(l, sizeof l, "keep up to its last activity (%s)",
             cd_time_format_mmss(tu.tv.elapsed, mmss));
    snprintf(m, sizeof m, "keep a number of minutes (at most %lld)",
             (long long)(tu.tv.keepable / 60));
    const struct prompt_choice choices[] = {
        {'l', l},
        {'m', m},
        {'d', "discard it"},
    };
    tu.asking = true;
    if (prompt_choice(app_top(app), title, choices, 3, over_done, NULL))
        tu.asking = false;
}

/* Stop now and say what was written. */
static void stop_now(void)
{
    struct cd_error err = {0};
    struct cd_timer_result res = {0};
    int64_t elapsed, month;
    now_counts(&elapsed, &month);
    char who[16], program[16], mmss[24];
    snprintf(who, sizeof who, "%s", tu.tv.initials);
    snprintf(program, sizeof program, "%s", tu.tv.timer.program);
    int64_t before = month - elapsed; /* the month's minutes already written */
    int rc = cd_timer_stop(app_store(tu.app), uid(), &res, &err);
    changed();
    if (rc == CD_EPERM)
        ask_over_limit(&err, CD_TIMER_KEEP_COUNTED, 0);
    else if (rc)
        app_error(tu.app, &err);
    else if (!res.seconds)
        app_message(tu.app, "Stopped the timer for %s: nothing was counted, nothing written", who);
    else
        app_message(tu.app, "Wrote %s of %s for %s; this month %lld min",
                    cd_time_format_mmss(res.seconds, mmss), cd_program_label(program), who,
                    (long long)((before + res.seconds) / 60));
}

static void stop_done(struct view *v, bool yes, void *ctx)
{
    (void)v;
    (void)ctx;
    tu.asking = false;
    if (yes)
        stop_now();
}

static void ask_stop(struct view *v)
{
    int64_t elapsed, month;
    now_counts(&elapsed, &month);
    char q[200], mmss[24];
    snprintf(q, sizeof q, "Stop the timer for %s and write %s of %s?", tu.tv.initials,
             cd_time_format_mmss(elapsed, mmss), cd_program_label(tu.tv.timer.program));
    tu.asking = true;
    if (prompt_confirm(v, q, stop_done, NULL))
        tu.asking = false;
}

static void other_done(struct view *v, int key, void *ctx)
{
    (void)ctx;
    tu.asking = false;
    if (key == 's')
        stop_now();
    else if (key == 'w')
        ask_activity(v, tu.ask_patient, ASK_SWITCH);
}

/* The timer runs on another patient than PATIENT_ID: keep it, stop it, or switch. */
static void ask_other(struct view *v, int64_t patient_id)
{
    int64_t elapsed, month;
    now_counts(&elapsed, &month);
    char name[CD_PATIENT_LABEL_LEN], title[CD_PATIENT_LABEL_LEN + 144], keep[64], mmss[24];
    patient_name(patient_id, name, sizeof name);
    snprintf(title, sizeof title, "The timer runs for %s (%s). %s is open.", tu.tv.initials,
             cd_time_format_mmss(elapsed, mmss), name);
    snprintf(keep, sizeof keep, "keep it running for %s", tu.tv.initials);
    const struct prompt_choice choices[] = {
        {'k', keep},
        {'s', "stop it"},
        {'w', "switch it to this patient"},
    };
    tu.ask_patient = patient_id;
    tu.asking = true;
    if (prompt_choice(v, title, choices, 3, other_done, NULL))
        tu.asking = false;
}

void timer_ui_toggle(struct app *app)
{
    struct view *v = app_top(app);
    int64_t pid = v->ops->patient ? v->ops->patient(v) : 0;
    read_status();
    if (over())
        ask_over(app);
    else if (tu.have && (!pid || pid == tu.tv.timer.patient_id))
        ask_stop(v);
    else if (tu.have)
        ask_other(v, pid);
    else if (pid)
        ask_activity(v, pid, ASK_START);
    else
        app_message(app, "No patient here to time: open a patient first");
}

void app_patient_opened(struct app *app, int64_t patient_id)
{
    read_status();
    if (over())
        ask_over(app);
    else if (tu.have && patient_id && patient_id != tu.tv.timer.patient_id)
        ask_other(app_top(app), patient_id);
}

static void idle_done(struct view *v, bool yes, void *ctx)
{
    (void)v;
    (void)ctx;
    tu.asking = false;
    struct cd_error err = {0};
    int64_t away = (int64_t)(cd_clock_now() - tu.tv.timer.last_activity_at) / 60;
    int rc = cd_timer_idle_resolve(app_store(tu.app), uid(), yes, &err);
    changed();
    if (rc)
        app_error(tu.app, &err);
    else if (yes)
        app_message(tu.app, "Counted the %lld idle min; the timer runs again", (long long)away);
    else
        app_message(tu.app, "Left out the %lld idle min; the timer runs again", (long long)away);
}

/* After an idle pause: do the minutes away count? */
static void ask_idle(struct app *app)
{
    read_status();
    tu.idle_waiting = false;
    if (!idle())
        return;
    char q[160];
    snprintf(q, sizeof q, "You were away %lld min: count them for %s?",
             (long long)(cd_clock_now() - tu.tv.timer.last_activity_at) / 60, tu.tv.initials);
    tu.asking = true;
    if (prompt_confirm(app_top(app), q, idle_done, NULL))
        tu.asking = false;
}

/* Ask core to pause for idleness when the clock says it may be due. True when it is paused. */
static bool idle_check(struct app *app)
{
    time_t now = cd_clock_now();
    time_t last =
        tu.tv.timer.last_activity_at > tu.last_key ? tu.tv.timer.last_activity_at : tu.last_key;
    if (!running() || now - last < (time_t)tu.idle_minutes * 60)
        return false;
    struct cd_error err = {0};
    bool paused = false;
    if (cd_timer_idle_check(app_store(app), uid(), tu.idle_minutes, &paused, &err)) {
        app_error(app, &err);
        return false;
    }
    changed();
    read_status();
    return paused;
}

/* Ask core to apply the timer's maximum when the clock says it may be due. True when the timer
 * stopped itself. */
static bool max_check(struct app *app)
{
    int64_t elapsed, month;
    now_counts(&elapsed, &month);
    if (!running() || elapsed <= tu.tv.max_seconds)
        return false;
    struct cd_error err = {0};
    enum cd_timer_settled what = CD_TIMER_SETTLED_NONE;
    if (cd_timer_settle(app_store(app), uid(), &what, &err)) {
        app_error(app, &err);
        return false;
    }
    changed();
    read_status();
    return what == CD_TIMER_SETTLED_MAX;
}

void timer_ui_tick(struct app *app)
{
    if (tu.asking || tu.idle_waiting)
        return;
    if (tu.stale)
        read_status();
    if (max_check(app)) {
        ask_over(app);
        return;
    }
    if (idle_check(app) || idle()) {
        char at[17];
        tu.idle_waiting = true;
        app_message(app, "The timer paused at %s: no key for %d min. Press a key.",
                    cd_instant_format_local(tu.tv.timer.last_activity_at, at) + 11,
                    tu.idle_minutes);
    }
}

bool timer_ui_key(struct app *app, int key)
{
    (void)key;
    if (tu.asking)
        return false;
    timer_ui_tick(app); /* a key after a long sleep comes before any tick */
    tu.last_key = cd_clock_now();
    if (tu.idle_waiting) {
        ask_idle(app);
        return true;
    }
    struct cd_error err = {0};
    if (running() && cd_timer_touch(app_store(app), uid(), &err))
        app_error(app, &err);
    return false;
}

void timer_ui_pause(struct app *app)
{
    struct cd_error err = {0};
    char mmss[24];
    read_status();
    if (!tu.have) {
        app_message(app, "No timer is running");
        return;
    }
    if (idle()) {
        ask_idle(app);
        return;
    }
    if (over()) {
        ask_over(app);
        return;
    }
    bool was_running = running();
    int rc = was_running ? cd_timer_pause(app_store(app), uid(), &err)
                         : cd_timer_resume(app_store(app), uid(), &err);
    changed();
    if (rc) {
        app_error(app, &err);
        return;
    }
    read_status();
    if (tu.have)
        app_message(app, "Timer %s for %s at %s", was_running ? "paused" : "resumed",
                    tu.tv.initials, cd_time_format_mmss(tu.tv.elapsed, mmss));
}

static void recover_done(struct view *v, int key, void *ctx)
{
    (void)v;
    (void)ctx;
    tu.asking = false;
    if (key == 'l' || key == 'n' || key == 'd') {
        finish(key == 'l'   ? CD_TIMER_KEEP_TO_LAST_ACTIVITY
               : key == 'n' ? CD_TIMER_KEEP_TO_NOW
                            : CD_TIMER_DISCARD,
               0, false);
        return;
    }
    /* keep it running (or Esc): the minutes since the last key are an idle question */
    read_status();
    if (idle_check(tu.app) || idle())
        ask_idle(tu.app);
}

void timer_ui_start(struct app *app)
{
    struct cd_error err = {0};
    struct cd_timer t;
    bool pending = false;
    tu.app = app;
    app_status_set_hook(status_hook, NULL);
    cd_timer_watching(true);
    /* pending settles the timer first: past its maximum, or idle since this user's last
     * workstation closed */
    if (cd_timer_pending(app_store(app), uid(), &t, &pending, &err)) {
        app_error(app, &err);
        return;
    }
    read_status();
    if (!pending || !tu.have)
        return;
    if (over()) {
        ask_over(app);
        return;
    }
    time_t now = cd_clock_now();
    bool left_running = t.segment_started_at || strcmp(t.paused_reason, "idle") == 0;
    int64_t to_last = t.accumulated;
    if (t.segment_started_at && t.last_activity_at > t.segment_started_at)
        to_last += t.last_activity_at - t.segment_started_at;
    char since[17], last[17], title[200], l[64], n[64], a[24], b[24];
    cd_instant_format_local(t.started_at, since);
    cd_instant_format_local(t.last_activity_at, last);
    bool today = strncmp(since, last, 10) == 0 &&
                 cd_instant_local_day(now) == cd_instant_local_day(t.started_at);
    snprintf(title, sizeof title, "A timer for %s was left %s since %s (last activity %s).",
             tu.tv.initials, left_running ? "running" : "paused", today ? since + 11 : since,
             today ? last + 11 : last);
    snprintf(l, sizeof l, "keep up to your last activity (%s)", cd_time_format_mmss(to_last, a));
    snprintf(n, sizeof n, "keep up to now (%s)", cd_time_format_mmss(tu.tv.keepable, b));
    const struct prompt_choice choices[] = {
        {'l', l},
        {'n', n},
        {'d', "discard it"},
        {'c', left_running ? "let it run on" : "leave it paused"},
    };
    tu.asking = true;
    if (prompt_choice(app_top(app), title, choices, 4, recover_done, NULL))
        tu.asking = false;
}
