/* SPDX-License-Identifier: MIT */
/* The summary view (the call list's S): today's figures for the clinic and the user, refreshed
 * live; q goes back to the list. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/base/page.h"
#include "core/counts.h"
#include "core/patient.h"
#include "tui/screen/app.h"
#include "tui/screen/intake.h"
#include "tui/screen/prompt.h"
#include "tui/screen/views.h"

struct home {
    struct cd_counts counts;
    bool loaded;
    int today;
    int64_t patient; /* chosen with patient-goto, for the timer key */
    char patient_label[256];
};

static int home_reload(struct view *v, struct cd_error *err)
{
    struct home *h = v->state;
    int rc = cd_counts_today(app_store(v->app), app_user(v->app)->id, &h->counts, err);
    if (!rc) {
        h->loaded = true;
        h->today = cd_clock_today();
    }
    return rc;
}

/* One figure: the label, then the value right-aligned in ROLE (or the default when zero). */
static void figure(const struct canvas *c, int y, int x, int width, const char *label,
                   int64_t value, enum role role)
{
    char num[32];
    snprintf(num, sizeof num, "%lld", (long long)value);
    canvas_text(c, y, x, width - 8, ROLE_LABEL, 0, label);
    canvas_text(c, y, x + width - 8, 7, value ? role : ROLE_DEFAULT, CANVAS_RIGHT, num);
}

static void home_draw(struct view *v, const struct canvas *c)
{
    static const char *const days[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                       "Thursday", "Friday", "Saturday"};
    static const char *const months[] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};
    struct home *h = v->state;
    if (!h->loaded) {
        canvas_text(c, 1, 2, -1, ROLE_DIM, 0, "Loading today's figures...");
        return;
    }
    int y, m, d;
    cd_date_to_ymd(h->today, &y, &m, &d);
    canvas_printf(c, 1, 2, -1, ROLE_TITLE, 0, "Today, %s %d %s %d", days[cd_date_weekday(h->today)],
                  d, months[m - 1], y);
    const struct cd_counts *n = &h->counts;
    struct {
        const char *label;
        int64_t value;
        enum role role;
    } left[] =
        {
            {"Patients", n->patients, ROLE_DEFAULT},
            {"Open tasks", n->tasks_open, ROLE_DEFAULT},
            {"Due today", n->tasks_due_today, ROLE_DUE_TODAY},
            {"Overdue", n->tasks_overdue, ROLE_OVERDUE},
            {"My tasks due", n->my_tasks_due, ROLE_DUE_TODAY},
        },
      right[] = {
          {"TCM contacts due", n->tcm_contacts_due, ROLE_DUE_TODAY},
          {"TCM visits to book", n->tcm_visits_open, ROLE_WARNING},
          {"Discharges in 30 days", n->discharges_30d, ROLE_DEFAULT},
          {"Enrolled in care management", n->ccm_enrolled, ROLE_DEFAULT},
          {"Appointments today", n->appointments_today, ROLE_DEFAULT},
      };
    int colw = (c->cols - 6) / 2;
    if (colw > 48)
        colw = 48;
    canvas_text(c, 3, 2, colw, ROLE_HEADER, CANVAS_PAD, "Work");
    canvas_text(c, 3, 4 + colw, colw, ROLE_HEADER, CANVAS_PAD, "Transitions and programs");
    for (size_t i = 0; i < sizeof left / sizeof left[0]; i++) {
        figure(c, 5 + (int)i, 2, colw, left[i].label, left[i].value, left[i].role);
        figure(c, 5 + (int)i, 4 + colw, colw, right[i].label, right[i].value, right[i].role);
    }
    if (h->patient)
        canvas_printf(c, 13, 2, -1, ROLE_DEFAULT, 0, "Patient: %s", h->patient_label);
    if (n->tasks_overdue)
        canvas_printf(c, 11, 2, -1, ROLE_OVERDUE, 0, "%lld overdue task%s need%s attention",
                      (long long)n->tasks_overdue, n->tasks_overdue == 1 ? "" : "s",
                      n->tasks_overdue == 1 ? "s" : "");
}

/* patient-goto: the MRN typed becomes the home view's patient (the timer key times it). */
static void goto_done(struct view *v, const char *text, void *ctx)
{
    (void)ctx;
    struct home *h = v->state;
    struct cd_error err = {0};
    struct cd_patient_header ph;
    int64_t id;
    if (!text || !*text)
        return;
    if (cd_patient_find_mrn(app_store(v->app), text, &id, &err) ||
        cd_patient_header_get(app_store(v->app), id, &ph, &err)) {
        app_error(v->app, &err);
    } else {
        h->patient = id;
        snprintf(h->patient_label, sizeof h->patient_label, "%s %s, %s", text, ph.family_name,
                 ph.given_name);
        app_patient_opened(v->app, id);
    }
}

static enum action home_act(struct view *v, enum action action)
{
    switch (action) {
    case ACT_PATIENT_GOTO: prompt_text(v, "Patient MRN:", NULL, goto_done, NULL); break;
    case ACT_MINUTES: app_push(v->app, &view_minutes_ops, NULL); break;
    default:
        action = patient_open_act(v, action);
        return action == ACT_NONE ? ACT_NONE : intake_act(v, action);
    }
    return ACT_NONE;
}

static int64_t home_patient(struct view *v)
{
    return ((struct home *)v->state)->patient;
}

static const struct view_bar_item home_bar[] = {
    {ACT_HELP, "Help"},
    {ACT_REFRESH, "Refresh"},
    {ACT_BACK, "Back"},
    {ACT_DISCHARGE_NEW, "Discharge"},
    {ACT_IMPORT_FILE, "Import"},
    {ACT_PATIENT_GOTO, "Patient"},
    {ACT_TIMER_TOGGLE, "Timer"},
    {ACT_MINUTES, "Minutes"},
    {ACT_NONE, NULL},
};

const struct view_ops view_home_ops = {
    .name = "home",
    .scope = SCOPE_HOME,
    .state_size = sizeof(struct home),
    .watches = VIEW_WATCH_ALL,
    .bar = home_bar,
    .reload = home_reload,
    .draw = home_draw,
    .act = home_act,
    .patient = home_patient,
};
