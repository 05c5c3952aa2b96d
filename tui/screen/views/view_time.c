/* SPDX-License-Identifier: MIT */
/* A patient's chart on its Time tab: the care-management time entries of one clinic month (this
 * month first), the month's counted minutes against the program's threshold, and the keys that
 * add an entry by hand, correct one (core voids it as edited and adds the replacement) and void
 * one with a reason. Voided entries stay listed, dimmed, with their reason. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/base/clock.h"
#include "core/billing.h"
#include "core/enrollment.h"
#include "core/perm.h"
#include "core/timeentry.h"
#include "core/worklist.h"
#include "tui/screen/app.h"
#include "tui/screen/chart_frame.h"
#include "tui/screen/form.h"
#include "tui/screen/listview.h"
#include "tui/screen/prompt.h"
#include "tui/screen/views.h"

struct timetab {
    int64_t patient;
    char month[CD_MONTH_LEN]; /* the month shown */
    struct cd_page rows;      /* cd_time_list */
    long seconds;             /* the month's counted (not voided) time */
    int threshold;            /* the patient's program's first threshold in minutes; 0: none */
    char program[16];         /* that program ("" when none) */
    size_t voided;            /* voided rows in the month */
    int64_t select_id;        /* the entry to put the cursor on after the next reload */
    int64_t pending;          /* the entry being edited or voided */
    bool confirm_next;        /* core refused the day's limit and a supervisor is at the form: the
                                 next Enter confirms */
};

/* The programs and roles a form offers, in order (core/enrollment.h, core/timeentry.h). */
static const char *const programs[] = {"ccm", "ccm_complex", "pcm", "tcm", "apcm", "coordination"};
#define N_PROGRAMS (sizeof programs / sizeof programs[0])
static const char *const roles[] = {"clinical_staff", "practitioner"};
#define N_ROLES (sizeof roles / sizeof roles[0])

static const char *const month_names[] = {"January",   "February", "March",    "April",
                                          "May",       "June",     "July",     "August",
                                          "September", "October",  "November", "December"};

static const char *cell(const struct view *v, size_t row, enum cd_time_col col)
{
    const struct timetab *st = v->state;
    return row < st->rows.nrows ? cd_page_cell(&st->rows, row, col) : "";
}

static const char *program_text(const char *program)
{
    const char *label = cd_program_label(program);
    return *label ? label : program;
}

/* The month of today, YYYY-MM, into OUT (CD_MONTH_LEN bytes). */
static char *this_month(char *out)
{
    char today[CD_DATE_LEN];
    cd_date_format(cd_clock_today(), today);
    snprintf(out, CD_MONTH_LEN, "%.7s", today);
    return out;
}

static int time_open(struct view *v, const struct view_args *args, struct cd_error *err)
{
    struct timetab *st = v->state;
    if (!args || args->id <= 0)
        return cd_error_set(err, CD_EINVAL, "no patient to open");
    st->patient = args->id;
    this_month(st->month);
    return chart_frame_attach(v, st->patient, CHART_TIME, err);
}

static int time_reload(struct view *v, struct cd_error *err)
{
    struct timetab *st = v->state;
    struct cd_store *store = app_store(v->app);
    int64_t keep = st->select_id;
    if (!keep && v->list.count && v->list.cursor < st->rows.nrows)
        keep = cd_page_cell_int(&st->rows, v->list.cursor, CD_TIME_COL_ID);
    st->select_id = 0;
    struct cd_page rows = CD_PAGE_INIT;
    struct cd_worklist_minutes wm;
    struct cd_billing_month bm;
    char now[CD_MONTH_LEN];
    int rc = cd_time_list(store, st->patient, st->month, &rows, err);
    if (!rc)
        rc = cd_worklist_patient_minutes(store, st->patient, &wm, err);
    /* this month counts as the header does; another month is the month's logged total */
    if (!rc && strcmp(st->month, this_month(now)) != 0) {
        rc = cd_billing_patient(store, st->patient, st->month, &bm, err);
        wm.seconds = 0;
        for (size_t i = 0; !rc && i < bm.n; i++)
            wm.seconds += (long)bm.lines[i].seconds;
    }
    if (rc) {
        cd_page_free(&rows);
        return rc;
    }
    cd_page_free(&st->rows);
    st->rows = rows;
    st->seconds = wm.seconds;
    st->threshold = wm.threshold;
    snprintf(st->program, sizeof st->program, "%s", wm.program);
    st->voided = 0;
    for (size_t i = 0; i < rows.nrows; i++)
        st->voided += cd_page_cell_int(&rows, i, CD_TIME_COL_VOIDED) != 0;
    v->list.count = rows.nrows;
    if (v->list.cursor >= v->list.count)
        v->list.cursor = v->list.count ? v->list.count - 1 : 0;
    for (size_t i = 0; keep && i < rows.nrows; i++)
        if (cd_page_cell_int(&rows, i, CD_TIME_COL_ID) == keep) {
            v->list.cursor = i;
            break;
        }
    list_ensure_visible(&v->list);
    return 0;
}

static void time_close(struct view *v)
{
    struct timetab *st = v->state;
    cd_page_free(&st->rows);
}

enum { TC_DATE, TC_TIME, TC_MIN, TC_ACTIVITY, TC_PROGRAM, TC_ROLE, TC_WHO, TC_NOTE, TC_COUNT };
/* At 80 columns the activity and program read whole ("Care plan review", "Complex CCM") and the
 * role gives way; the detail line under the list names it. */
static const struct list_column time_columns[TC_COUNT] = {
    [TC_DATE] = {"Date", 10, 0, 0, 0},
    [TC_TIME] = {"Time", 11, 0, 0, 0},
    [TC_MIN] = {"Min", 5, 0, CANVAS_RIGHT, 0},
    [TC_ACTIVITY] = {"Activity", 20, 3, 0, 0},
    [TC_PROGRAM] = {"Program", 11, 0, 0, 0},
    [TC_ROLE] = {"Role", 14, 0, 0, 100},
    [TC_WHO] = {"Who", 7, 1, 0, 0},
    [TC_NOTE] = {"Note", 6, 4, 0, 0},
};

static void time_draw_row(struct view *v, const struct list_row *row)
{
    size_t r = row->index;
    bool voided = cd_page_cell_int(&((struct timetab *)v->state)->rows, r, CD_TIME_COL_VOIDED) != 0;
    char when[32], note[300];
    snprintf(when, sizeof when, "%s–%s", cell(v, r, CD_TIME_COL_START),
             cell(v, r, CD_TIME_COL_END));
    /* a multi-line note shows its first line; a voided entry says why first */
    const char *text = cell(v, r, CD_TIME_COL_NOTE);
    int first = (int)strcspn(text, "\n");
    if (voided)
        snprintf(note, sizeof note, "voided: %s%s%.*s", cell(v, r, CD_TIME_COL_VOID_REASON),
                 first ? "; " : "", first, text);
    else
        snprintf(note, sizeof note, "%.*s", first, text);
    const char *cells[TC_COUNT] = {
        [TC_DATE] = cell(v, r, CD_TIME_COL_DATE),
        [TC_TIME] = when,
        [TC_MIN] = cell(v, r, CD_TIME_COL_DURATION),
        [TC_ACTIVITY] = cd_activity_name(cell(v, r, CD_TIME_COL_ACTIVITY)),
        [TC_PROGRAM] = program_text(cell(v, r, CD_TIME_COL_PROGRAM)),
        [TC_ROLE] = cd_role_label(cell(v, r, CD_TIME_COL_ROLE)),
        [TC_WHO] = cell(v, r, CD_TIME_COL_USER),
        [TC_NOTE] = note,
    };
    list_row_cells(row, voided ? ROLE_DIM : ROLE_DEFAULT, cells);
}

static void time_draw(struct view *v, const struct canvas *c)
{
    const struct timetab *st = v->state;
    int y, m;
    sscanf(st->month, "%d-%d", &y, &m);
    char now[CD_MONTH_LEN], total[96], count[64];
    long s = st->seconds;
    if (st->threshold)
        snprintf(total, sizeof total, "%ld:%02ld of %d min (%s)", s / 60, s % 60, st->threshold,
                 program_text(st->program));
    else
        snprintf(total, sizeof total, "%ld:%02ld min", s / 60, s % 60);
    size_t n = st->rows.nrows;
    if (st->voided)
        snprintf(count, sizeof count, "%zu entr%s, %zu voided", n, n == 1 ? "y" : "ies",
                 st->voided);
    else
        snprintf(count, sizeof count, "%zu entr%s", n, n == 1 ? "y" : "ies");
    int x = 1 + canvas_printf(c, 0, 1, -1, ROLE_TITLE, 0, "%s %d%s", month_names[(m + 11) % 12], y,
                              strcmp(st->month, this_month(now)) == 0 ? " (this month)" : "");
    x += 2 + canvas_text(c, 0, x + 2, -1, ROLE_DEFAULT, 0, total);
    canvas_text(c, 0, x + 2, -1, ROLE_DIM, 0, count);
    struct canvas lc = canvas_sub(c, 1, 0, c->rows - 2, c->cols);
    list_draw(v, &lc, time_columns, TC_COUNT);
    /* the selected entry in full: what the columns cut or leave out */
    if (v->list.count && v->list.cursor < n) {
        size_t r = v->list.cursor;
        const char *replaces = cell(v, r, CD_TIME_COL_REPLACES_ID);
        const char *note = cell(v, r, CD_TIME_COL_NOTE);
        canvas_printf(c, c->rows - 1, 1, c->cols - 2, ROLE_DIM, 0,
                      "#%s  %s  %s, %s  %s by %s%s%s%s%.*s", cell(v, r, CD_TIME_COL_ID),
                      cd_activity_name(cell(v, r, CD_TIME_COL_ACTIVITY)),
                      program_text(cell(v, r, CD_TIME_COL_PROGRAM)),
                      cd_role_label(cell(v, r, CD_TIME_COL_ROLE)), cell(v, r, CD_TIME_COL_SOURCE),
                      cell(v, r, CD_TIME_COL_USER), *replaces ? "  replaces #" : "", replaces,
                      *note ? "  " : "", (int)strcspn(note, "\n"), note);
    }
}

static bool time_match(const struct view *v, size_t row, const char *needle)
{
    static const enum cd_time_col cols[] = {CD_TIME_COL_DATE,    CD_TIME_COL_ACTIVITY,
                                            CD_TIME_COL_PROGRAM, CD_TIME_COL_USER,
                                            CD_TIME_COL_NOTE,    CD_TIME_COL_VOID_REASON};
    size_t n = strlen(needle);
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++) {
        const char *s = cell(v, row, cols[i]);
        if (cols[i] == CD_TIME_COL_ACTIVITY)
            s = cd_activity_name(s);
        for (; *s; s++)
            if (strncasecmp(s, needle, n) == 0)
                return true;
    }
    return false;
}

/* The selected row, or -1 (with a message) when the month has none. */
static long selected(struct view *v)
{
    const struct timetab *st = v->state;
    if (v->list.count == 0 || v->list.cursor >= st->rows.nrows) {
        app_message(v->app, "No time entries in this month: a adds one");
        return -1;
    }
    return (long)v->list.cursor;
}

/* ---- the entry form: add, and edit prefilled ---- */

enum { F_MINUTES, F_DATE, F_ACTIVITY, F_PROGRAM, F_ROLE, F_NOTE };

static int check_minutes(const char *value, void *ctx, struct cd_error *err)
{
    (void)ctx;
    int64_t seconds;
    return cd_time_parse_duration(value, &seconds, err);
}

static int check_date(const char *value, void *ctx, struct cd_error *err)
{
    (void)ctx;
    int day, rc = cd_date_parse(value, &day, err);
    return rc ? cd_error_prefix(err, rc, "date: ") : 0;
}

/* The keys of the form's choices (their values are the labels shown). */
static const char *activity_key(const char *label)
{
    for (const struct cd_activity *a = cd_activities; a->key; a++)
        if (strcmp(a->name, label) == 0)
            return a->key;
    return label;
}

static const char *program_key(const char *label)
{
    for (size_t i = 0; i < N_PROGRAMS; i++)
        if (strcmp(program_text(programs[i]), label) == 0)
            return programs[i];
    return label;
}

static const char *role_key(const char *label)
{
    for (size_t i = 0; i < N_ROLES; i++)
        if (strcmp(cd_role_label(roles[i]), label) == 0)
            return roles[i];
    return label;
}

/* Core refused a save above the day's limit (RC, ERR): a supervisor or admin confirms with the
 * next Enter; the sentence says so. Returns RC. */
static int offer_confirm(struct view *v, int rc, struct cd_error *err)
{
    struct timetab *st = v->state;
    if (rc == CD_EPERM && !st->confirm_next &&
        cd_perm_allows(app_user(v->app)->role, CD_PERM_CONFIRM_TIME)) {
        st->confirm_next = true;
        size_t n = strlen(err->msg);
        snprintf(err->msg + n, sizeof err->msg - n, ". Enter again confirms it.");
    }
    return rc;
}

/* The fields of F as core takes them; SECONDS gets the parsed minutes. */
static int form_fields(struct form *f, struct cd_time_fields *out, struct cd_error *err)
{
    *out = (struct cd_time_fields){
        .date = form_value(f, F_DATE),
        .activity = activity_key(form_value(f, F_ACTIVITY)),
        .program = program_key(form_value(f, F_PROGRAM)),
        .role = role_key(form_value(f, F_ROLE)),
        .note = form_value(f, F_NOTE),
    };
    return cd_time_parse_duration(form_value(f, F_MINUTES), &out->seconds, err);
}

/* Open the entry form titled TITLE over V with the initial values given (NULL: the defaults). */
static void entry_form(struct view *v, const char *title, const char *minutes, const char *date,
                       const char *activity, const char *program, const char *role,
                       const char *note, form_submit_fn submit)
{
    const char *activity_labels[16], *program_labels[N_PROGRAMS], *role_labels[N_ROLES];
    size_t na = 0, ia = 0, ip = N_PROGRAMS - 1, ir = 0;
    for (const struct cd_activity *a = cd_activities; a->key && na < 16; a++, na++) {
        activity_labels[na] = a->name;
        if (strcmp(a->key, activity ? activity : "other") == 0)
            ia = na;
    }
    for (size_t i = 0; i < N_PROGRAMS; i++) {
        program_labels[i] = program_text(programs[i]);
        if (program && strcmp(programs[i], program) == 0)
            ip = i;
    }
    for (size_t i = 0; i < N_ROLES; i++) {
        role_labels[i] = cd_role_label(roles[i]);
        if (role && strcmp(roles[i], role) == 0)
            ir = i;
    }
    char today[CD_DATE_LEN];
    struct form *f = form_new(title);
    if (!f || form_add(f, "Minutes", minutes, FORM_REQUIRED, 8, 1, check_minutes, NULL) < 0 ||
        form_add(f, "Date", date ? date : cd_date_format(cd_clock_today(), today), FORM_REQUIRED,
                 10, 1, check_date, NULL) < 0 ||
        form_add_choice(f, "Activity", activity_labels, na, ia, NULL, NULL) < 0 ||
        form_add_choice(f, "Program", program_labels, N_PROGRAMS, ip, NULL, NULL) < 0 ||
        form_add_choice(f, "Role", role_labels, N_ROLES, ir, NULL, NULL) < 0 ||
        form_add(f, "Note", note, 0, 2000, 1, NULL, NULL) < 0 || form_open(v, f, submit, NULL)) {
        if (f)
            form_free(f);
        app_message(v->app, "Out of memory");
    }
}

static int add_submit(struct view *v, struct form *f, void *ctx, struct cd_error *err)
{
    (void)ctx;
    struct timetab *st = v->state;
    struct cd_time_fields in;
    int64_t id;
    int rc = form_fields(f, &in, err);
    if (!*in.note)
        in.note = NULL;
    in.confirm = st->confirm_next;
    if (rc || (rc = cd_time_add(app_store(v->app), st->patient, &in, &id, err)))
        return offer_confirm(v, rc, err);
    char mmss[24];
    snprintf(st->month, sizeof st->month, "%.7s", in.date);
    st->select_id = id;
    app_changed(v->app);
    app_message(v->app, "Added entry %lld: %s %s on %s", (long long)id,
                cd_time_format_mmss(in.seconds, mmss), cd_activity_name(in.activity), in.date);
    return 0;
}

static void add_entry(struct view *v)
{
    struct timetab *st = v->state;
    st->confirm_next = false;
    entry_form(v, "Add time", NULL, NULL, NULL, *st->program ? st->program : "coordination", NULL,
               NULL, add_submit);
}

static int edit_submit(struct view *v, struct form *f, void *ctx, struct cd_error *err)
{
    (void)ctx;
    struct timetab *st = v->state;
    struct cd_time_fields in;
    int rc = form_fields(f, &in, err);
    if (rc)
        return rc;
    /* only what changed: an unchanged date keeps the entry's start time */
    long r = -1;
    for (size_t i = 0; i < st->rows.nrows; i++)
        if (cd_page_cell_int(&st->rows, i, CD_TIME_COL_ID) == st->pending)
            r = (long)i;
    if (r < 0)
        return cd_error_set(err, CD_ENOTFOUND, "entry %lld is no longer in this month",
                            (long long)st->pending);
    struct cd_time_fields ch = {0};
    int64_t was;
    if (cd_time_parse_duration(cell(v, (size_t)r, CD_TIME_COL_DURATION), &was, NULL) ||
        was != in.seconds)
        ch.seconds = in.seconds;
    if (strcmp(in.date, cell(v, (size_t)r, CD_TIME_COL_DATE)) != 0)
        ch.date = in.date;
    if (strcmp(in.activity, cell(v, (size_t)r, CD_TIME_COL_ACTIVITY)) != 0)
        ch.activity = in.activity;
    if (strcmp(in.program, cell(v, (size_t)r, CD_TIME_COL_PROGRAM)) != 0)
        ch.program = in.program;
    if (strcmp(in.role, cell(v, (size_t)r, CD_TIME_COL_ROLE)) != 0)
        ch.role = in.role;
    if (strcmp(in.note, cell(v, (size_t)r, CD_TIME_COL_NOTE)) != 0)
        ch.note = in.note;
    if (!ch.seconds && !ch.date && !ch.activity && !ch.program && !ch.role && !ch.note) {
        app_message(v->app, "Entry %lld unchanged", (long long)st->pending);
        return 0;
    }
    int64_t id;
    ch.confirm = st->confirm_next;
    if ((rc = cd_time_edit(app_store(v->app), st->pending, &ch, &id, err)))
        return offer_confirm(v, rc, err);
    char mmss[24];
    snprintf(st->month, sizeof st->month, "%.7s", in.date);
    st->select_id = id;
    app_changed(v->app);
    app_message(v->app, "Voided entry %lld (edited); entry %lld replaces it: %s %s on %s",
                (long long)st->pending, (long long)id, cd_time_format_mmss(in.seconds, mmss),
                cd_activity_name(in.activity), in.date);
    return 0;
}

static void edit_entry(struct view *v)
{
    struct timetab *st = v->state;
    long r = selected(v);
    if (r < 0)
        return;
    st->pending = cd_page_cell_int(&st->rows, (size_t)r, CD_TIME_COL_ID);
    if (cd_page_cell_int(&st->rows, (size_t)r, CD_TIME_COL_VOIDED)) {
        /* core says why a voided entry cannot change, and writes nothing */
        struct cd_error err = {0};
        struct cd_time_fields none = {.note = cell(v, (size_t)r, CD_TIME_COL_NOTE)};
        if (cd_time_edit(app_store(v->app), st->pending, &none, NULL, &err))
            app_error(v->app, &err);
        return;
    }
    char title[64];
    st->confirm_next = false;
    snprintf(title, sizeof title, "Correct entry %lld", (long long)st->pending);
    entry_form(v, title, cell(v, (size_t)r, CD_TIME_COL_DURATION),
               cell(v, (size_t)r, CD_TIME_COL_DATE), cell(v, (size_t)r, CD_TIME_COL_ACTIVITY),
               cell(v, (size_t)r, CD_TIME_COL_PROGRAM), cell(v, (size_t)r, CD_TIME_COL_ROLE),
               cell(v, (size_t)r, CD_TIME_COL_NOTE), edit_submit);
}

/* ---- void ---- */

static void void_reason(struct view *v, const char *text, void *ctx)
{
    (void)ctx;
    struct timetab *st = v->state;
    if (!text)
        return;
    struct cd_error err = {0};
    if (cd_time_void(app_store(v->app), st->pending, text, &err)) {
        app_error(v->app, &err);
        return;
    }
    st->select_id = st->pending;
    app_changed(v->app);
    app_message(v->app, "Voided entry %lld: %s", (long long)st->pending, text);
}

static void void_entry(struct view *v)
{
    struct timetab *st = v->state;
    long r = selected(v);
    if (r < 0)
        return;
    st->pending = cd_page_cell_int(&st->rows, (size_t)r, CD_TIME_COL_ID);
    if (cd_page_cell_int(&st->rows, (size_t)r, CD_TIME_COL_VOIDED)) {
        struct cd_error err = {0};
        if (cd_time_void(app_store(v->app), st->pending, "again", &err))
            app_error(v->app, &err);
        return;
    }
    char label[96];
    snprintf(label, sizeof label, "Void entry %lld (%s %s), reason:", (long long)st->pending,
             cell(v, (size_t)r, CD_TIME_COL_DURATION), cell(v, (size_t)r, CD_TIME_COL_DATE));
    prompt_text(v, label, NULL, void_reason, NULL);
}

/* ---- months ---- */

static void step_month(struct view *v, int by)
{
    struct timetab *st = v->state;
    int y, m;
    sscanf(st->month, "%d-%d", &y, &m);
    m += by;
    if (m < 1) {
        m = 12;
        y--;
    } else if (m > 12) {
        m = 1;
        y++;
    }
    snprintf(st->month, sizeof st->month, "%04d-%02d", y, m);
    v->list.cursor = v->list.top = 0;
    v->dirty |= VIEW_RELOAD;
}

static enum action time_act(struct view *v, enum action action)
{
    switch (action) {
    case ACT_TIME_ADD: add_entry(v); break;
    case ACT_TIME_EDIT: edit_entry(v); break;
    case ACT_TIME_VOID: void_entry(v); break;
    case ACT_MINUTES_PREV_MONTH: step_month(v, -1); break;
    case ACT_MINUTES_NEXT_MONTH: step_month(v, 1); break;
    default: return action;
    }
    return ACT_NONE;
}

/* The timer key times the chart's patient. */
static int64_t time_patient(struct view *v)
{
    return ((struct timetab *)v->state)->patient;
}

/* After the frame's Help and Next tab. */
static const struct view_bar_item time_bar[] = {
    {ACT_TIME_ADD, "Add"},
    {ACT_TIME_EDIT, "Edit"},
    {ACT_TIME_VOID, "Void"},
    {ACT_MINUTES_PREV_MONTH, "Prev month"},
    {ACT_MINUTES_NEXT_MONTH, "Next month"},
    {ACT_BACK, "Back"},
    {ACT_TIMER_TOGGLE, "Timer"},
    {ACT_NONE, NULL},
};

const struct view_ops view_time_ops = {
    .name = "time",
    .scope = SCOPE_TIME,
    .state_size = sizeof(struct timetab),
    .watches = VIEW_WATCH_ALL,
    .bar = time_bar,
    .empty = "No time entries in this month. a adds one; [ and ] change the month.",
    .open = time_open,
    .reload = time_reload,
    .draw = time_draw,
    .draw_row = time_draw_row,
    .act = time_act,
    .match = time_match,
    .close = time_close,
    .patient = time_patient,
};
