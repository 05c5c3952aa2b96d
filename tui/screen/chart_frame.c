/* SPDX-License-Identifier: MIT */
/* The patient chart's frame: header and tab row drawn above whichever tab view is on top, the
 * tab keys (Tab, Shift-Tab, 1..5, L, P, A, M) and the call key for every tab. */
#include "config.h"
#include "tui/screen/chart_frame.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/base/vocab.h"
#include "core/contact.h"
#include "core/enrollment.h"
#include "core/lace.h"
#include "core/patient.h"
#include "core/tcm.h"
#include "core/worklist.h"
#include "tui/screen/app.h"
#include "tui/screen/prompt.h"
#include "tui/screen/refusal.h"
#include "tui/screen/uwidth.h"
#include "tui/screen/views.h"

struct chart_frame {
    int64_t patient;
    enum chart_tab tab;
    struct cd_patient_header header;
    struct cd_worklist_minutes minutes;
    int64_t contacts; /* contact attempts on record: the Contacts tab's count */
    bool has_tcm;     /* the patient has a discharge: tcm is its latest's status */
    struct cd_tcm_status tcm;
    char outcome[16]; /* the call being logged */
};

static const struct view_frame_ops chart_frame_ops;

static const struct {
    const char *title;
    const struct view_ops *ops;
} tabs[CHART_NTABS] = {
    [CHART_CONTACTS] = {"Contacts", &view_chart_ops},
    [CHART_TIMELINE] = {"Timeline", &view_timeline_ops},
    [CHART_CAREPLAN] = {"Care plan", &view_careplan_ops},
    [CHART_APPOINTMENTS] = {"Appointments", &view_appointments_ops},
    [CHART_TIME] = {"Time", &view_time_ops},
};

static int frame_reload(struct view *v, struct cd_error *err)
{
    struct chart_frame *f = v->frame_state;
    struct cd_store *store = app_store(v->app);
    struct cd_patient_header header;
    int rc = cd_patient_header_get(store, f->patient, &header, err);
    if (!rc)
        rc = cd_worklist_patient_minutes(store, f->patient, &f->minutes, err);
    if (!rc)
        rc = cd_contact_count(store, f->patient, &f->contacts, err);
    if (!rc)
        rc = cd_tcm_status_latest(store, f->patient, &f->tcm, &f->has_tcm, err);
    if (rc)
        return rc;
    f->header = header;
    return 0;
}

/* "label value" pairs on one line, skipping empty values, separated by two spaces. */
static int pairs(const struct canvas *c, int y, int x, ...)
{
    va_list ap;
    va_start(ap, x);
    const char *label;
    while ((label = va_arg(ap, const char *)) != NULL) {
        const char *value = va_arg(ap, const char *);
        if (!value || !*value)
            continue;
        if (*label)
            x += canvas_text(c, y, x, -1, ROLE_LABEL, 0, label) + 1;
        x += canvas_text(c, y, x, -1, ROLE_DEFAULT, 0, value) + 2;
    }
    va_end(ap);
    return x;
}

static void draw_header(const struct chart_frame *f, const struct canvas *c)
{
    const struct cd_patient_header *h = &f->header;
    char age[32] = "", title[256];
    int birth, died = cd_clock_today();
    bool dead = h->deceased[0] && !cd_date_parse(h->deceased, &died, NULL);
    if (!cd_date_parse(h->birth_date, &birth, NULL))
        snprintf(age, sizeof age, "%d y", cd_date_age(birth, died)); /* the age at death */
    snprintf(title, sizeof title, "%s, %s", h->family_name, h->given_name);
    int x = 1 + canvas_text(c, 0, 1, c->cols / 2, ROLE_TITLE, 0, title) + 2;
    x = pairs(c, 0, x, "", age, "", h->sex, "MRN", h->mrn, (const char *)NULL);
    /* the risk, with the LACE parts that were unknown when there is room ("high (LACE 12; ED
     * visits unknown)"), else "high (LACE 12)" */
    const char *risk = h->risk_tier;
    char riskbuf[128], unknown[64];
    cd_lace_unknown_text(h->lace_unknown, unknown, sizeof unknown);
    if (dead) { /* in place of the risk: no outreach is due any more */
        snprintf(riskbuf, sizeof riskbuf, "Died %s", h->deceased);
        canvas_text(c, 0, c->cols - (int)strlen(riskbuf) - 1, -1, ROLE_OVERDUE, 0, riskbuf);
    } else {
        if (h->lace_score >= 0 && *unknown)
            snprintf(riskbuf, sizeof riskbuf, "%s (LACE %d; %s unknown)", *risk ? risk : "none",
                     h->lace_score, unknown);
        if (h->lace_score < 0 || !*unknown || x + (int)strlen(riskbuf) + 6 > c->cols) {
            if (h->lace_score >= 0)
                snprintf(riskbuf, sizeof riskbuf, "%s (LACE %d)", *risk ? risk : "none",
                         h->lace_score);
            else
                snprintf(riskbuf, sizeof riskbuf, "%s", *risk ? risk : "none");
        }
        int rw = (int)strlen(riskbuf) + 5;
        canvas_text(c, 0, c->cols - rw - 1, 5, ROLE_LABEL, 0, "Risk");
        canvas_text(c, 0, c->cols - rw + 4, -1,
                    strcmp(risk, "high") == 0 ? ROLE_OVERDUE : ROLE_DEFAULT, 0, riskbuf);
    }
    /* the phones, and the latest discharge's TCM status on the right after the label "TCM":
     * "lost: no ...", "99496 possible: ...", "none: not a qualifying discharge"; the second phone
     * gives way when both do not fit */
    char status[200] = "";
    if (f->has_tcm) {
        const char *why = cd_tcm_status_why(&f->tcm);
        snprintf(status, sizeof status, "%s%s%s", cd_tcm_status_headline(&f->tcm, true),
                 *why ? ": " : "", why);
    }
    int need = *status ? uw_width(status) + 6 : 0;
    int alt = *h->phone_alt ? uw_width(h->phone_alt) + 6 : 0;
    int left = 1 + (*h->phone ? uw_width(h->phone) + 8 : 0);
    bool show_alt = !alt || left + alt + need <= c->cols;
    x = pairs(c, 1, 1, "Phone", h->phone, "Alt", show_alt ? h->phone_alt : "", (const char *)NULL);
    if (*status) {
        int room = c->cols - x - 5;
        int w = uw_width(status) < room ? uw_width(status) : room;
        if (w > 10) {
            canvas_text(c, 1, c->cols - w - 5, 3, ROLE_LABEL, 0, "TCM");
            canvas_text(c, 1, c->cols - w - 1, w,
                        f->tcm.c99495.state == CD_TCM_LOST ? ROLE_OVERDUE : ROLE_DEFAULT, 0,
                        status);
        }
    }
    char coord[sizeof h->coordinator_name + sizeof h->coordinator + 3] = "";
    if (*h->coordinator)
        snprintf(coord, sizeof coord, "%s (%s)", h->coordinator_name, h->coordinator);
    /* "ccm,tcm" reads "CCM, TCM" */
    char programs[128] = "";
    size_t used = 0;
    for (const char *p = h->programs; *p && used < sizeof programs;) {
        char key[24];
        size_t n = strcspn(p, ",");
        snprintf(key, sizeof key, "%.*s", (int)(n < sizeof key ? n : sizeof key - 1), p);
        const char *label = *cd_program_label(key) ? cd_program_label(key) : key;
        used += (size_t)snprintf(programs + used, sizeof programs - used, "%s%s", used ? ", " : "",
                                 label);
        p += n + (p[n] == ',');
    }
    pairs(c, 2, 1, "Programs", *programs ? programs : "none", "Coordinator",
          *coord ? coord : "none", "Language", h->language, (const char *)NULL);
    char mins[96];
    long s = f->minutes.seconds;
    if (f->minutes.threshold)
        snprintf(mins, sizeof mins, "%ld:%02ld of %d min (%s)", s / 60, s % 60,
                 f->minutes.threshold,
                 *cd_program_label(f->minutes.program) ? cd_program_label(f->minutes.program)
                                                       : f->minutes.program);
    else
        snprintf(mins, sizeof mins, "%ld:%02ld min", s / 60, s % 60);
    x = pairs(c, 3, 1, "This month", mins, (const char *)NULL);
    if (f->minutes.threshold && x + 12 < c->cols) {
        int width = c->cols - x - 2 < 20 ? c->cols - x - 2 : 20;
        long filled = s * width / (f->minutes.threshold * 60L);
        if (filled > width)
            filled = width;
        struct canvas bar = canvas_sub(c, 3, x, 1, width);
        canvas_fill(&bar, 0, ROLE_BAR_EMPTY);
        if (filled > 0)
            canvas_fill(&(struct canvas){bar.y, bar.x, 1, (int)filled, bar.scope}, 0,
                        ROLE_BAR_FILL);
    }
}

static void frame_draw(struct view *v, const struct canvas *c)
{
    const struct chart_frame *f = v->frame_state;
    if (f->header.id == 0) /* not read yet */
        return;
    draw_header(f, c);
    int x = 1;
    for (int i = 0; i < CHART_NTABS; i++) {
        char label[48];
        if (i == CHART_CONTACTS)
            snprintf(label, sizeof label, " %s (%lld) ", tabs[i].title, (long long)f->contacts);
        else
            snprintf(label, sizeof label, " %s ", tabs[i].title);
        x += canvas_text(c, 4, x, -1, i == (int)f->tab ? ROLE_TAB_ACTIVE : ROLE_TAB, 0, label) + 1;
    }
}

/* ---- c: log a call from any tab ---- */

static void call_note(struct view *v, const char *text, void *ctx)
{
    (void)ctx;
    struct chart_frame *f = v->frame_state;
    if (!text)
        return;
    struct cd_contact_in in = {.patient_id = f->patient, .outcome = f->outcome, .note = text};
    struct cd_contact_result res;
    struct cd_error err = {0};
    if (cd_contact_log(app_store(v->app), &in, &res, &err)) {
        app_error(v->app, &err);
        return;
    }
    char name[2 * CD_PATIENT_NAME_MAX + 3], did[256];
    snprintf(name, sizeof name, "%s, %s", f->header.family_name, f->header.given_name);
    cd_contact_describe(&res, did, sizeof did);
    app_message(v->app, "Logged %s for %s: %s", cd_contact_outcome_label(f->outcome), name, did);
    app_changed(v->app);
    refusal_offer(v, f->patient, name, &in, &res);
}

static void call_outcome(struct view *v, int key, void *ctx)
{
    (void)ctx;
    struct chart_frame *f = v->frame_state;
    static const struct {
        int key;
        const char *outcome;
    } map[] = {{'r', "reached"},   {'c', "caregiver"},    {'v', "voicemail"},
               {'n', "no_answer"}, {'w', "wrong_number"}, {'x', "refused"}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (map[i].key == key) {
            snprintf(f->outcome, sizeof f->outcome, "%s", map[i].outcome);
            prompt_text(v, "Note (Enter to skip):", NULL, call_note, NULL);
        }
}

/* ---- the tabs ---- */

/* The tab ACTION names from TAB, or -1. */
static int tab_for(enum chart_tab tab, enum action action)
{
    switch (action) {
    case ACT_NEXT_TAB: return ((int)tab + 1) % CHART_NTABS;
    case ACT_PREV_TAB: return ((int)tab + CHART_NTABS - 1) % CHART_NTABS;
    case ACT_OPEN_CONTACTS: return CHART_CONTACTS;
    case ACT_OPEN_TIMELINE: return CHART_TIMELINE;
    case ACT_OPEN_CAREPLAN: return CHART_CAREPLAN;
    case ACT_APPOINTMENTS: return CHART_APPOINTMENTS;
    case ACT_OPEN_TIME: return CHART_TIME;
    default: return -1;
    }
}

int chart_frame_target(const struct view *v, enum action action)
{
    if (v->frame != &chart_frame_ops)
        return -1;
    const struct chart_frame *f = v->frame_state;
    int tab = tab_for(f->tab, action);
    return tab == (int)f->tab ? -1 : tab;
}

int chart_frame_switch(struct view *v, int tab)
{
    const struct chart_frame *f = v->frame_state;
    struct view_args args = {.id = f->patient};
    return app_replace(v->app, tabs[tab].ops, &args);
}

static enum action frame_act(struct view *v, enum action action)
{
    struct chart_frame *f = v->frame_state;
    int tab = tab_for(f->tab, action);
    if (tab >= 0) {
        if (tab != (int)f->tab)
            chart_frame_switch(v, tab);
        return ACT_NONE;
    }
    if (action == ACT_LOG_CALL) {
        static const struct prompt_choice c[] = {{'r', "reached"},      {'c', "caregiver"},
                                                 {'v', "voicemail"},    {'n', "no answer"},
                                                 {'w', "wrong number"}, {'x', "refused"}};
        char title[2 * CD_PATIENT_NAME_MAX + 20];
        snprintf(title, sizeof title, "Call outcome: %s, %s", f->header.family_name,
                 f->header.given_name);
        prompt_choice(v, title, c, sizeof c / sizeof c[0], call_outcome, NULL);
        return ACT_NONE;
    }
    return action;
}

/* Help first, then the tab keys, then the tab's own keys (app.c adds them). */
static const struct view_bar_item frame_bar[] = {
    {ACT_HELP, "Help"},
    {ACT_NEXT_TAB, "Next tab"},
    {ACT_NONE, NULL},
};

static const struct view_frame_ops chart_frame_ops = {
    .scope = SCOPE_CHART,
    .rows = CHART_FRAME_ROWS,
    .bar = frame_bar,
    .reload = frame_reload,
    .draw = frame_draw,
    .act = frame_act,
};

int chart_frame_record_open(struct view *v, int64_t patient, enum chart_tab tab,
                            struct cd_error *err)
{
    /* V is not on the stack yet: the top is the screen it covers or replaces */
    const struct view *top = app_top(v->app);
    if (top && top->frame == &chart_frame_ops &&
        ((const struct chart_frame *)top->frame_state)->patient == patient)
        return 0;
    return cd_patient_chart_opened(app_store(v->app), patient, tabs[tab].title, err);
}

int chart_frame_attach(struct view *v, int64_t patient, enum chart_tab tab, struct cd_error *err)
{
    int rc = chart_frame_record_open(v, patient, tab, err);
    if (rc)
        return rc;
    struct chart_frame *f = calloc(1, sizeof *f);
    if (!f)
        return cd_error_set(err, CD_ENOMEM, "out of memory");
    f->patient = patient;
    f->tab = tab;
    v->frame = &chart_frame_ops;
    v->frame_state = f;
    return 0;
}
