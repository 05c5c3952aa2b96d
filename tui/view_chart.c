/* SPDX-License-Identifier: MIT */
/* A patient's chart: a header (name, age, MRN, phones, language, programs, risk, coordinator,
 * this month's minutes) over tabs. Each tab is a row of the tab table below with its own reload,
 * columns and row drawing, so later tabs (appointments, time) slot in; the timeline and the care
 * plan open as their own screens for this patient (L, P). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/clock.h"
#include "core/contact.h"
#include "core/patient.h"
#include "core/worklist.h"
#include "tui/app.h"
#include "tui/listview.h"
#include "tui/prompt.h"
#include "tui/views.h"

#define HEADER_ROWS 4

struct chart {
    int64_t patient;
    struct cd_page header; /* cd_patient_header: one row */
    struct cd_worklist_minutes minutes;
    struct cd_page rows; /* the current tab's rows */
    size_t tab;
    char outcome[16];
};

/* One tab: its title, how to load its rows, its columns and how to draw a row. */
struct tab {
    const char *title;
    int (*load)(struct cd_store *store, int64_t patient, struct cd_page *rows,
                struct cd_error *err);
    const struct list_column *columns;
    size_t ncolumns;
    void (*draw_row)(const struct chart *ch, const struct list_row *row);
};

/* ---- the contacts tab: every attempt ---- */

enum { CC_WHEN, CC_WHO, CC_OUTCOME, CC_CHANNEL, CC_LATE, CC_NOTE, CC_COUNT };
static const struct list_column contact_columns[CC_COUNT] = {
    [CC_WHEN] = {"When", 16, 0, 0},       [CC_WHO] = {"Who", 8, 1, 0},
    [CC_OUTCOME] = {"Outcome", 12, 0, 0}, [CC_CHANNEL] = {"Channel", 9, 0, 0},
    [CC_LATE] = {"Late", 4, 0, 0},        [CC_NOTE] = {"Note", 20, 6, 0},
};

static void contact_row(const struct chart *ch, const struct list_row *row)
{
    size_t r = row->index;
    char when[17] = "";
    time_t t;
    if (!cd_instant_parse(cd_page_str(&ch->rows, r, "at"), &t, NULL))
        cd_instant_format_local(t, when);
    char outcome[16];
    snprintf(outcome, sizeof outcome, "%s", cd_page_str(&ch->rows, r, "outcome"));
    for (char *p = outcome; *p; p++)
        if (*p == '_')
            *p = ' ';
    /* a multi-line note shows its first line */
    char note[256];
    snprintf(note, sizeof note, "%s", cd_page_str(&ch->rows, r, "note"));
    note[strcspn(note, "\n")] = '\0';
    bool late = cd_page_int(&ch->rows, r, "late") != 0;
    const char *cells[CC_COUNT] = {
        [CC_WHEN] = when,
        [CC_WHO] = cd_page_str(&ch->rows, r, "user"),
        [CC_OUTCOME] = outcome,
        [CC_CHANNEL] = cd_page_str(&ch->rows, r, "channel"),
        [CC_LATE] = late ? "late" : "",
        [CC_NOTE] = note,
    };
    list_row_cells(row, late ? ROLE_WARNING : ROLE_DEFAULT, cells);
}

static const struct tab tabs[] = {
    {"Contacts", cd_contact_list, contact_columns, CC_COUNT, contact_row},
};
#define NTABS (sizeof tabs / sizeof tabs[0])

static int chart_open(struct view *v, const struct view_args *args, struct cd_error *err)
{
    struct chart *ch = v->state;
    if (!args || args->id <= 0)
        return cd_error_set(err, CD_EINVAL, "no patient to open");
    ch->patient = args->id;
    return 0;
}

static int chart_reload(struct view *v, struct cd_error *err)
{
    struct chart *ch = v->state;
    struct cd_store *store = app_store(v->app);
    struct cd_page header = CD_PAGE_INIT, rows = CD_PAGE_INIT;
    int rc = cd_patient_header(store, ch->patient, &header, err);
    if (!rc && header.nrows == 0)
        rc = cd_error_set(err, CD_ENOTFOUND, "no patient %lld", (long long)ch->patient);
    if (!rc)
        rc = cd_worklist_patient_minutes(store, ch->patient, &ch->minutes, err);
    if (!rc)
        rc = tabs[ch->tab].load(store, ch->patient, &rows, err);
    if (rc) {
        cd_page_free(&header);
        cd_page_free(&rows);
        return rc;
    }
    cd_page_free(&ch->header);
    cd_page_free(&ch->rows);
    ch->header = header;
    ch->rows = rows;
    v->list.count = rows.nrows;
    return 0;
}

static const char *hdr(const struct chart *ch, const char *name)
{
    return cd_page_str(&ch->header, 0, name);
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

static void draw_header(const struct chart *ch, const struct canvas *c)
{
    char age[32] = "", title[256];
    int birth;
    if (!cd_date_parse(hdr(ch, "birth_date"), &birth, NULL))
        snprintf(age, sizeof age, "%d y", cd_date_age(birth, cd_clock_today()));
    snprintf(title, sizeof title, "%s, %s", hdr(ch, "family_name"), hdr(ch, "given_name"));
    int x = 1 + canvas_text(c, 0, 1, c->cols / 2, ROLE_TITLE, 0, title) + 2;
    pairs(c, 0, x, "", age, "", hdr(ch, "sex"), "MRN", hdr(ch, "mrn"), (const char *)NULL);
    const char *risk = hdr(ch, "risk_tier");
    char riskbuf[48];
    snprintf(riskbuf, sizeof riskbuf, "%s%s%s%s", *risk ? risk : "none",
             *hdr(ch, "lace_score") ? " (LACE " : "", hdr(ch, "lace_score"),
             *hdr(ch, "lace_score") ? ")" : "");
    int rw = (int)strlen(riskbuf) + 5;
    canvas_text(c, 0, c->cols - rw - 1, 5, ROLE_LABEL, 0, "Risk");
    canvas_text(c, 0, c->cols - rw + 4, -1, strcmp(risk, "high") == 0 ? ROLE_OVERDUE : ROLE_DEFAULT,
                0, riskbuf);
    pairs(c, 1, 1, "Phone", hdr(ch, "phone"), "Alt", hdr(ch, "phone_alt"), "Language",
          hdr(ch, "language"), (const char *)NULL);
    char coord[160] = "";
    if (*hdr(ch, "coordinator"))
        snprintf(coord, sizeof coord, "%s (%s)", hdr(ch, "coordinator_name"),
                 hdr(ch, "coordinator"));
    pairs(c, 2, 1, "Programs", *hdr(ch, "programs") ? hdr(ch, "programs") : "none", "Coordinator",
          *coord ? coord : "none", (const char *)NULL);
    char mins[96];
    long s = ch->minutes.seconds;
    if (ch->minutes.threshold)
        snprintf(mins, sizeof mins, "%ld:%02ld of %d min (%s)", s / 60, s % 60,
                 ch->minutes.threshold, ch->minutes.program);
    else
        snprintf(mins, sizeof mins, "%ld:%02ld min", s / 60, s % 60);
    x = pairs(c, 3, 1, "This month", mins, (const char *)NULL);
    if (ch->minutes.threshold && x + 12 < c->cols) {
        int width = c->cols - x - 2 < 20 ? c->cols - x - 2 : 20;
        long filled = s * width / (ch->minutes.threshold * 60L);
        if (filled > width)
            filled = width;
        struct canvas bar = canvas_sub(c, 3, x, 1, width);
        canvas_fill(&bar, 0, ROLE_BAR_EMPTY);
        if (filled > 0)
            canvas_fill(&(struct canvas){bar.y, bar.x, 1, (int)filled, bar.scope}, 0,
                        ROLE_BAR_FILL);
    }
}

static void chart_draw(struct view *v, const struct canvas *c)
{
    struct chart *ch = v->state;
    if (ch->header.nrows == 0)
        return;
    draw_header(ch, c);
    /* the tab bar: only tabs that exist are shown */
    int x = 1;
    for (size_t i = 0; i < NTABS; i++) {
        char label[48];
        if (i == ch->tab)
            snprintf(label, sizeof label, " %s (%zu) ", tabs[i].title, ch->rows.nrows);
        else
            snprintf(label, sizeof label, " %s ", tabs[i].title);
        x += canvas_text(c, HEADER_ROWS, x, -1, i == ch->tab ? ROLE_TAB_ACTIVE : ROLE_TAB, 0,
                         label) +
             1;
    }
    struct canvas list = canvas_sub(c, HEADER_ROWS + 1, 0, c->rows - HEADER_ROWS - 1, c->cols);
    list_draw(v, &list, tabs[ch->tab].columns, tabs[ch->tab].ncolumns);
}

static void chart_draw_row(struct view *v, const struct list_row *row)
{
    struct chart *ch = v->state;
    tabs[ch->tab].draw_row(ch, row);
}

static void call_note(struct view *v, const char *text, void *ctx)
{
    (void)ctx;
    struct chart *ch = v->state;
    if (!text)
        return;
    struct cd_contact_in in = {.patient_id = ch->patient, .outcome = ch->outcome, .note = text};
    struct cd_contact_result res;
    struct cd_error err = {0};
    if (cd_contact_log(app_store(v->app), &in, &res, &err)) {
        app_error(v->app, &err);
        return;
    }
    app_message(v->app, "Logged %s", ch->outcome);
    app_changed(v->app);
}

static void call_outcome(struct view *v, int key, void *ctx)
{
    (void)ctx;
    struct chart *ch = v->state;
    static const struct {
        int key;
        const char *outcome;
    } map[] = {{'r', "reached"},   {'c', "caregiver"},    {'v', "voicemail"},
               {'n', "no_answer"}, {'w', "wrong_number"}, {'x', "refused"}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (map[i].key == key) {
            snprintf(ch->outcome, sizeof ch->outcome, "%s", map[i].outcome);
            prompt_text(v, "Note (Enter to skip):", NULL, call_note, NULL);
        }
}

static enum action chart_act(struct view *v, enum action action)
{
    struct chart *ch = v->state;
    switch (action) {
    case ACT_LOG_CALL: {
        static const struct prompt_choice c[] = {{'r', "reached"},      {'c', "caregiver"},
                                                 {'v', "voicemail"},    {'n', "no answer"},
                                                 {'w', "wrong number"}, {'x', "refused"}};
        prompt_choice(v, "Call outcome", c, sizeof c / sizeof c[0], call_outcome, NULL);
        return ACT_NONE;
    }
    case ACT_NEXT_TAB:
    case ACT_PREV_TAB:
        ch->tab = (ch->tab + (action == ACT_NEXT_TAB ? 1 : NTABS - 1)) % NTABS;
        v->list.cursor = v->list.top = 0;
        v->dirty |= VIEW_RELOAD;
        return ACT_NONE;
    case ACT_OPEN_TIMELINE:
    case ACT_OPEN_CAREPLAN: {
        struct view_args args = {.id = ch->patient};
        app_push(v->app, action == ACT_OPEN_TIMELINE ? &view_timeline_ops : &view_careplan_ops,
                 &args);
        return ACT_NONE;
    }
    case ACT_ENTER: return ACT_NONE;
    default: return action;
    }
}

static bool chart_match(const struct view *v, size_t row, const char *needle)
{
    const struct chart *ch = v->state;
    size_t n = strlen(needle);
    for (size_t c = 0; c < ch->rows.ncols; c++) {
        const char *s = cd_page_get(&ch->rows, row, c);
        for (; s && *s; s++)
            if (strncasecmp(s, needle, n) == 0)
                return true;
    }
    return false;
}

static void chart_close(struct view *v)
{
    struct chart *ch = v->state;
    cd_page_free(&ch->header);
    cd_page_free(&ch->rows);
}

/* The timer key times the chart's patient. */
static int64_t chart_patient(struct view *v)
{
    return ((struct chart *)v->state)->patient;
}

static const struct view_bar_item chart_bar[] = {
    {ACT_HELP, "Help"},          {ACT_LOG_CALL, "Call"},
    {ACT_TIMER_TOGGLE, "Timer"}, {ACT_OPEN_TIMELINE, "Timeline"},
    {ACT_OPEN_CAREPLAN, "Plan"}, {ACT_SEARCH, "Find"},
    {ACT_BACK, "Back"},          {ACT_NONE, NULL},
};

const struct view_ops view_chart_ops = {
    .name = "chart",
    .scope = SCOPE_CHART,
    .state_size = sizeof(struct chart),
    .watches = VIEW_WATCH_ALL,
    .bar = chart_bar,
    .empty = "No contact attempts on record.",
    .open = chart_open,
    .reload = chart_reload,
    .draw = chart_draw,
    .draw_row = chart_draw_row,
    .act = chart_act,
    .match = chart_match,
    .close = chart_close,
    .patient = chart_patient,
};
