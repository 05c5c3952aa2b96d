/* SPDX-License-Identifier: MIT */
/* The worklist's actions on the picked job: log a call, schedule a call back, snooze, assign,
 * claim. Every action is one core call; the prompts answer later, so the pending job is kept by
 * task id (another coordinator's change may reload the list in between). */
#include "config.h"
#include "tui/screen/views/view_worklist.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/base/vocab.h"
#include "core/contact.h"
#include "core/task.h"
#include "tui/screen/app.h"
#include "tui/screen/prompt.h"
#include "tui/screen/refusal.h"

/* After a write of ours: message, reload everywhere. */
static void done(struct view *v, int rc, const struct cd_error *err, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void done(struct view *v, int rc, const struct cd_error *err, const char *fmt, ...)
{
    if (rc) {
        app_error(v->app, err);
        app_changed(v->app); /* a conflict: show what is there now */
        return;
    }
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    app_message(v->app, "%s", msg);
    ((struct worklist *)v->state)->keep_row = true; /* the next patient moves up under the cursor */
    app_changed(v->app);
}

/* ---- c: log a call ---- */

static const struct {
    int key;
    const char *outcome, *label;
} outcomes[] = {
    {'r', "reached", "reached"},           {'c', "caregiver", "caregiver"},
    {'v', "voicemail", "voicemail"},       {'n', "no_answer", "no answer"},
    {'w', "wrong_number", "wrong number"}, {'x', "refused", "refused"},
};

static void call_note(struct view *v, const char *text, void *ctx)
{
    (void)ctx;
    struct worklist *w = v->state;
    if (!text)
        return; /* Esc: nothing logged */
    struct cd_contact_in in = {
        .patient_id = w->patient, .outcome = w->outcome, .note = text, .task_id = w->task};
    struct cd_contact_result res;
    struct cd_error err = {0};
    int rc = cd_contact_log(app_store(v->app), &in, &res, &err);
    char did[256] = "";
    if (!rc) /* the same sentence as the chart's: what the call did, the picked job first */
        cd_contact_describe(&res, did, sizeof did);
    done(v, rc, &err, "Logged %s for %s: %s", cd_contact_outcome_label(w->outcome), w->name, did);
    if (!rc)
        refusal_offer(v, w->patient, w->name, &in, &res);
}

static void call_outcome(struct view *v, int key, void *ctx)
{
    (void)ctx;
    struct worklist *w = v->state;
    for (size_t i = 0; i < sizeof outcomes / sizeof outcomes[0]; i++)
        if (outcomes[i].key == key) {
            snprintf(w->outcome, sizeof w->outcome, "%s", outcomes[i].outcome);
            prompt_text(v, "Note (Enter to skip):", NULL, call_note, NULL);
        }
}

void worklist_log_call(struct view *v)
{
    struct worklist *w = v->state;
    if (!worklist_pick(v))
        return;
    struct prompt_choice ch[sizeof outcomes / sizeof outcomes[0]];
    for (size_t i = 0; i < sizeof outcomes / sizeof outcomes[0]; i++)
        ch[i] = (struct prompt_choice){outcomes[i].key, outcomes[i].label};
    char title[320];
    snprintf(title, sizeof title, "Call outcome: %s, %s", w->name, w->job);
    prompt_choice(v, title, ch, sizeof ch / sizeof ch[0], call_outcome, NULL);
}

/* ---- b: call back ---- */

static void callback_note(struct view *v, const char *text, void *ctx)
{
    (void)ctx;
    struct worklist *w = v->state;
    if (!text)
        return;
    struct cd_error err = {0};
    int64_t id = 0;
    int rc = cd_task_callback(app_store(v->app), w->patient, w->when, text, &id, &err);
    char at[17];
    done(v, rc, &err, "Call back %s at %s", w->name, cd_instant_format_local(w->when, at));
}

static void callback_when(struct view *v, const char *text, void *ctx)
{
    struct worklist *w = v->state;
    struct cd_error err = {0};
    if (!text)
        return;
    if (ctx) { /* hours from now */
        char *end;
        long h = strtol(text, &end, 10);
        if (!*text || *end || h < 1 || h > 72) {
            cd_error_set(&err, CD_EINVAL, "hours: '%.20s' is not a number from 1 to 72", text);
            app_error(v->app, &err);
            return;
        }
        w->when = cd_clock_now() + h * 3600;
    } else if (cd_instant_parse(text, &w->when, &err)) {
        cd_error_prefix(&err, err.code, "call back at: ");
        app_error(v->app, &err);
        return;
    }
    prompt_text(v, "Note (Enter to skip):", NULL, callback_note, NULL);
}

static void callback_choice(struct view *v, int key, void *ctx)
{
    (void)ctx;
    struct worklist *w = v->state;
    if (key == 'h') {
        prompt_text(v, "Call back in how many hours:", "2", callback_when, (void *)1);
    } else if (key == 't') {
        w->when = cd_local_to_instant(cd_clock_today() + 1, 9, 0, 0);
        prompt_text(v, "Note (Enter to skip):", NULL, callback_note, NULL);
    } else if (key == 'd') {
        char day[CD_DATE_LEN], d[CD_DATE_LEN + 6];
        snprintf(d, sizeof d, "%s 09:00", cd_date_format(cd_clock_today() + 1, day));
        prompt_text(v, "Call back at (YYYY-MM-DD HH:MM):", d, callback_when, NULL);
    } else if (key >= '1' && key <= '4') {
        w->when = cd_clock_now() + (key - '0') * 3600;
        prompt_text(v, "Note (Enter to skip):", NULL, callback_note, NULL);
    }
}

void worklist_callback(struct view *v)
{
    struct worklist *w = v->state;
    if (!worklist_pick(v))
        return;
    static const struct prompt_choice ch[] = {
        {'1', "in 1 hour"},  {'2', "in 2 hours"},    {'4', "in 4 hours"},
        {'h', "in N hours"}, {'t', "tomorrow 9:00"}, {'d', "a date"},
    };
    char title[320];
    snprintf(title, sizeof title, "Call back %s", w->name);
    prompt_choice(v, title, ch, sizeof ch / sizeof ch[0], callback_choice, NULL);
}

/* ---- s: snooze ---- */

static void snooze_reason(struct view *v, const char *text, void *ctx)
{
    (void)ctx;
    struct worklist *w = v->state;
    if (!text)
        return;
    struct cd_error err = {0};
    int rc = cd_task_snooze(app_store(v->app), w->task, w->day, text, &err);
    char d[CD_DATE_LEN];
    done(v, rc, &err, "Snoozed %s's %s to %s", w->name, w->job, cd_date_format(w->day, d));
}

static void snooze_date(struct view *v, const char *text, void *ctx)
{
    (void)ctx;
    struct worklist *w = v->state;
    struct cd_error err = {0};
    if (!text)
        return;
    if (cd_date_parse(text, &w->day, &err)) {
        cd_error_prefix(&err, err.code, "snooze to: ");
        app_error(v->app, &err);
        return;
    }
    prompt_text(v, "Reason:", NULL, snooze_reason, NULL);
}

static void snooze_choice(struct view *v, int key, void *ctx)
{
    (void)ctx;
    struct worklist *w = v->state;
    int today = cd_clock_today();
    if (key == 't' || key == 'w') {
        int wd = cd_date_weekday(today);
        w->day = key == 't' ? today + 1 : today + (wd == 0 ? 1 : 8 - wd); /* next Monday */
        prompt_text(v, "Reason:", NULL, snooze_reason, NULL);
    } else if (key == 'd') {
        char d[CD_DATE_LEN];
        prompt_text(v, "Snooze to (YYYY-MM-DD):", cd_date_format(today + 1, d), snooze_date, NULL);
    }
}

void worklist_snooze(struct view *v)
{
    struct worklist *w = v->state;
    if (!worklist_pick(v))
        return;
    struct cd_error err = {0};
    if (cd_task_snoozable(w->job_kind, &err)) {
        app_error(v->app, &err); /* before asking for a date and a reason it would refuse */
        return;
    }
    static const struct prompt_choice ch[] = {
        {'t', "tomorrow"}, {'w', "next Monday"}, {'d', "a date"}};
    char title[320];
    snprintf(title, sizeof title, "Snooze %s's %s to", w->name, w->job);
    prompt_choice(v, title, ch, sizeof ch / sizeof ch[0], snooze_choice, NULL);
}

/* ---- a: assign, x: claim ---- */

static void assign_to(struct view *v, const char *text, void *ctx)
{
    (void)ctx;
    struct worklist *w = v->state;
    if (!text || !*text)
        return;
    bool queue = strcmp(text, "-") == 0;
    struct cd_error err = {0};
    int rc = cd_task_assign(app_store(v->app), w->task, queue ? NULL : text, &err);
    if (queue)
        done(v, rc, &err, "%s's %s is back in the team queue", w->name, w->job);
    else
        done(v, rc, &err, "%s's %s assigned to %s", w->name, w->job, text);
}

void worklist_claim(struct view *v)
{
    struct worklist *w = v->state;
    if (!worklist_pick(v))
        return;
    struct cd_error err = {0};
    struct cd_store *store = app_store(v->app);
    size_t n, j = worklist_jobs_of(w, v->list.cursor, &n) + worklist_picked(v);
    const char *claimer = worklist_job_cell(w, j, CD_WORKLIST_COL_CLAIMED_BY);
    if (strcmp(claimer, app_user(v->app)->login) == 0) {
        int rc = cd_task_unclaim(store, w->task, &err);
        done(v, rc, &err, "Released %s's %s", w->name, w->job);
    } else {
        int rc = cd_task_claim(store, w->task, NULL, &err);
        done(v, rc, &err, "Claimed %s's %s: others see it is yours today", w->name, w->job);
    }
}

void worklist_assign(struct view *v)
{
    if (worklist_pick(v))
        prompt_text(v, "Assign to (login, or - for the queue):", NULL, assign_to, NULL);
}
