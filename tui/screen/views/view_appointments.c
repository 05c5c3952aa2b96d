/* SPDX-License-Identifier: MIT */
/* The appointments view: one clinic day (default today) or one patient's appointments; book,
 * move, cancel, mark kept or no-show, and export what is shown to an .ics file. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/appointment.h"
#include "core/base/clock.h"
#include "core/base/strbuf.h"
#include "core/base/text.h"
#include "core/io/ical.h"
#include "core/patient.h"
#include "core/store/store.h"
#include "tui/screen/app.h"
#include "tui/screen/chart_frame.h"
#include "tui/screen/edit.h"
#include "tui/screen/form.h"
#include "tui/screen/listview.h"
#include "tui/screen/prompt.h"
#include "tui/screen/uwidth.h"
#include "tui/screen/views.h"

struct appts {
    int64_t patient_id; /* patient mode; 0 = day mode */
    char mrn[CD_PATIENT_MRN_MAX + 1];
    char name[CD_PATIENT_LABEL_LEN]; /* "Family, Given" */
    char initials[16];               /* "ZN", for the export file name */
    int day;                         /* the day shown in day mode */
    struct cd_page page;             /* cd_appointment_list rows */
    int64_t select_id;  /* the appointment to put the cursor on after the next reload */
    const char *kind;   /* the kind being booked (static) */
    int64_t pending;    /* the appointment being moved, cancelled or marked */
    bool pending_kept;  /* marking it: kept (true) or a no-show */
    char reason[256];   /* the cancel reason typed */
    char provider[128]; /* the provider booked last, offered for the next booking */
};

static const char *const kind_short[][2] = {
    {"tcm_visit", "TCM visit"},   {"primary_care", "Primary care"},
    {"specialist", "Specialist"}, {"lab", "Lab"},
    {"telehealth", "Telehealth"}, {"other", "Other"},
};

static const char *cell(const struct view *v, size_t row, enum cd_appointment_col col)
{
    const struct appts *st = v->state;
    return row < st->page.nrows ? cd_page_cell(&st->page, row, col) : "";
}

/* The selected row, or -1 (with a message) when the list is empty. */
static long selected(struct view *v)
{
    const struct appts *st = v->state;
    if (v->list.count == 0 || v->list.cursor >= st->page.nrows) {
        app_message(v->app, st->patient_id ? "No appointments for this patient: b books one"
                                           : "No appointments on this day: b books one");
        return -1;
    }
    return (long)v->list.cursor;
}

/* "YYYY-MM-DD HH:MM" from a wall time "YYYY-MM-DDTHH:MM" into OUT (17 bytes). */
static const char *wall_text(const char *at, char *out)
{
    snprintf(out, 17, "%.10s %.5s", at, strlen(at) >= 16 ? at + 11 : "");
    return out;
}

/* Does S contain NEEDLE, ignoring ASCII case? */
static bool contains(const char *s, const char *needle)
{
    size_t n = strlen(needle);
    for (; *s; s++)
        if (strncasecmp(s, needle, n) == 0)
            return true;
    return !*needle;
}

static int64_t row_id(const struct view *v, size_t row)
{
    return strtoll(cell(v, row, CD_APPOINTMENT_COL_ID), NULL, 10);
}

static int appts_open(struct view *v, const struct view_args *args, struct cd_error *err)
{
    struct appts *st = v->state;
    int rc;
    st->day = cd_clock_today();
    if (args && args->text && *args->text && (rc = cd_date_parse(args->text, &st->day, err)))
        return rc;
    if (!args || !args->id)
        return 0;
    struct cd_patient_header h;
    rc = cd_patient_header_get(app_store(v->app), args->id, &h, err);
    if (!rc) {
        st->patient_id = args->id;
        snprintf(st->mrn, sizeof st->mrn, "%s", h.mrn);
        snprintf(st->name, sizeof st->name, "%s, %s", h.family_name, h.given_name);
        cd_text_initials(h.given_name, h.family_name, false, st->initials, sizeof st->initials);
        if (!st->initials[0])
            snprintf(st->initials, sizeof st->initials, "X");
    }
    if (!rc)
        rc = args->alone ? chart_frame_record_open(v, st->patient_id, CHART_APPOINTMENTS, err)
                         : chart_frame_attach(v, st->patient_id, CHART_APPOINTMENTS, err);
    return rc;
}

static int appts_reload(struct view *v, struct cd_error *err)
{
    struct appts *st = v->state;
    int64_t keep = st->select_id;
    if (!keep && v->list.count && v->list.cursor < st->page.nrows)
        keep = row_id(v, v->list.cursor);
    st->select_id = 0;
    char date[CD_DATE_LEN];
    struct cd_appointment_filter f = {0};
    if (st->patient_id) {
        f.patient_id = st->patient_id;
    } else {
        cd_date_format(st->day, date);
        f.from = f.to = date;
    }
    cd_page_reset(&st->page);
    int rc = cd_appointment_list(app_store(v->app), &f, &st->page, err);
    v->list.count = rc ? 0 : st->page.nrows;
    for (size_t i = 0; keep && i < v->list.count; i++)
        if (row_id(v, i) == keep) {
            v->list.cursor = i;
            break;
        }
    list_ensure_visible(&v->list);
    return rc;
}

static void appts_close(struct view *v)
{
    struct appts *st = v->state;
    cd_page_free(&st->page);
}

/* The columns: the time alone for a day; date and time for a patient, without the Patient column
 * (min 0 leaves it out: the chart header names them). */
static const struct list_column day_columns[] = {
    {"Time", 5, 0, 0, 0},           {"Patient", 16, 3, 0, 0},  {"Kind", 12, 2, 0, 0},
    {"Provider", 14, 3, 0, 0},      {"Location", 10, 3, 0, 0}, {"Status", 9, 0, 0, 0},
    {"Seq", 3, 0, CANVAS_RIGHT, 0},
};
static const struct list_column patient_columns[] = {
    {"Date and time", 16, 0, 0, 0}, {"Patient", 0, 0, 0, 0},   {"Kind", 12, 2, 0, 0},
    {"Provider", 14, 3, 0, 0},      {"Location", 10, 3, 0, 0}, {"Status", 9, 0, 0, 0},
    {"Seq", 3, 0, CANVAS_RIGHT, 0},
};
#define N_COLUMNS (sizeof day_columns / sizeof day_columns[0])

static const char *kind_text(const char *kind, int width)
{
    const char *label = cd_appointment_kind_label(kind);
    if (label && uw_width(label) <= width)
        return label;
    for (size_t i = 0; i < sizeof kind_short / sizeof kind_short[0]; i++)
        if (strcmp(kind, kind_short[i][0]) == 0)
            return kind_short[i][1];
    return kind;
}

static void appts_draw_row(struct view *v, const struct list_row *row)
{
    const struct appts *st = v->state;
    size_t r = row->index;
    const char *status = cell(v, r, CD_APPOINTMENT_COL_STATUS);
    enum role role = strcmp(status, "cancelled") == 0 ? ROLE_DIM
                     : strcmp(status, "no_show") == 0 ? ROLE_WARNING
                     : strcmp(status, "kept") == 0    ? ROLE_OK
                                                      : ROLE_DEFAULT;
    const char *start = cell(v, r, CD_APPOINTMENT_COL_START);
    char when[20];
    if (st->patient_id)
        wall_text(start, when);
    else
        snprintf(when, sizeof when, "%.5s", strlen(start) >= 16 ? start + 11 : start);
    /* a long name is cut like every other list's ("Sørensen-Pal…"): initials name nobody */
    const char *patient = cell(v, r, CD_APPOINTMENT_COL_PATIENT);
    const char *cells[N_COLUMNS] = {
        when,
        patient,
        kind_text(cell(v, r, CD_APPOINTMENT_COL_KIND), row->ncolumns > 2 ? row->widths[2] : 0),
        cell(v, r, CD_APPOINTMENT_COL_PROVIDER),
        cell(v, r, CD_APPOINTMENT_COL_LOCATION),
        strcmp(status, "no_show") == 0 ? "no-show" : status,
        cell(v, r, CD_APPOINTMENT_COL_SEQUENCE),
    };
    list_row_cells(row, role, cells);
}

static void appts_draw(struct view *v, const struct canvas *c)
{
    static const char *const days[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                       "Thursday", "Friday", "Saturday"};
    static const char *const months[] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};
    struct appts *st = v->state;
    size_t n = st->page.nrows;
    char count[48];
    snprintf(count, sizeof count, "%zu appointment%s", n, n == 1 ? "" : "s");
    int cw = (int)strlen(count);
    if (v->frame) /* the chart's header names the patient */
        canvas_text(c, 0, 1, cw, ROLE_DIM, 0, count);
    else
        canvas_text(c, 0, c->cols - cw - 1, cw, ROLE_DIM, 0, count);
    if (st->patient_id && !v->frame) {
        canvas_printf(c, 0, 1, c->cols - cw - 3, ROLE_TITLE, 0, "Appointments of %s (MRN %s)",
                      st->name, st->mrn);
    } else if (!st->patient_id) {
        int y, m, d;
        cd_date_to_ymd(st->day, &y, &m, &d);
        int today = cd_clock_today();
        canvas_printf(c, 0, 1, c->cols - cw - 3, ROLE_TITLE, 0, "Appointments, %s %d %s %d%s",
                      days[cd_date_weekday(st->day)], d, months[m - 1], y,
                      st->day == today       ? " (today)"
                      : st->day == today + 1 ? " (tomorrow)"
                      : st->day == today - 1 ? " (yesterday)"
                                             : "");
    }
    struct canvas lc = canvas_sub(c, 1, 0, c->rows - 2, c->cols);
    list_draw(v, &lc, st->patient_id ? patient_columns : day_columns, N_COLUMNS);
    /* the selected appointment in full: what the columns cut or leave out */
    if (v->list.count && v->list.cursor < n) {
        size_t r = v->list.cursor;
        const char *loc = cell(v, r, CD_APPOINTMENT_COL_LOCATION);
        const char *label = cd_appointment_kind_label(cell(v, r, CD_APPOINTMENT_COL_KIND));
        canvas_printf(c, c->rows - 1, 1, c->cols - 2, ROLE_DIM, 0,
                      "#%s  %s  %s  %s min  MRN %s  %s%s%s", cell(v, r, CD_APPOINTMENT_COL_ID),
                      cell(v, r, CD_APPOINTMENT_COL_PATIENT),
                      label ? label : cell(v, r, CD_APPOINTMENT_COL_KIND),
                      cell(v, r, CD_APPOINTMENT_COL_DURATION), cell(v, r, CD_APPOINTMENT_COL_MRN),
                      cell(v, r, CD_APPOINTMENT_COL_PROVIDER), *loc ? ", " : "", loc);
    }
}

static bool appts_match(const struct view *v, size_t row, const char *needle)
{
    static const enum cd_appointment_col cols[] = {
        CD_APPOINTMENT_COL_PATIENT,  CD_APPOINTMENT_COL_MRN,  CD_APPOINTMENT_COL_PROVIDER,
        CD_APPOINTMENT_COL_LOCATION, CD_APPOINTMENT_COL_KIND, CD_APPOINTMENT_COL_STATUS};
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
        if (contains(cell(v, row, cols[i]), needle))
            return true;
    return false;
}

/* ---- showing a write's result ---- */

/* A box with a long line (a TCM window warning) that stays until a key. */
struct notice {
    char title[128];
    char text[CD_ERROR_MSG_MAX + 300];
    enum role role;
    struct app *app;
    char after[CD_ERROR_MSG_MAX]; /* the message line once it closes ("" for none) */
};

static void notice_draw(void *obj, const struct canvas *screen)
{
    struct notice *n = obj;
    int width = screen->cols - 8 < 76 ? screen->cols - 8 : 76;
    size_t starts[12];
    /* inside: the frame and a margin of one each side; a wrapped line may end in a space */
    size_t nl = edit_wrap(n->text, strlen(n->text), width - 5, starts, 12);
    struct canvas box = canvas_centered(screen, (int)nl + 5, width);
    struct canvas in = canvas_box(&box, ROLE_BORDER, n->title);
    canvas_clear(&in, ROLE_DEFAULT);
    canvas_wrapped(&in, 1, 1, width - 5, (int)nl, n->role, n->text);
    canvas_text(&in, (int)nl + 2, 1, -1, ROLE_DIM, 0, "Enter or Esc closes");
}

static enum app_modal_result notice_key(void *obj, int key)
{
    struct notice *n = obj;
    if (key != TK_ENTER && key != TK_ESC && key != ' ' && key != 'q')
        return APP_MODAL_KEEP;
    if (n->after[0])
        app_message(n->app, "%s", n->after);
    return APP_MODAL_CLOSE;
}

static const struct app_modal_ops notice_ops = {
    .draw = notice_draw,
    .key = notice_key,
    .free = free,
};

/* After a write: reload, keep the cursor on ID, say DONE (and what happened to the TCM visit
 * task); a warning gets a box of its own so it is read whole. */
static void report(struct view *v, const struct cd_appointment_result *res, const char *done)
{
    struct appts *st = v->state;
    st->select_id = res->id;
    app_changed(v->app);
    app_message(v->app, "%s%s", done,
                res->task_closed     ? "; TCM visit task done"
                : res->task_reopened ? "; TCM visit task reopened"
                                     : "");
    if (!res->warning[0])
        return;
    struct notice *n = calloc(1, sizeof *n);
    if (!n)
        return;
    n->app = v->app;
    snprintf(n->title, sizeof n->title, "%s", done);
    snprintf(n->text, sizeof n->text, "Warning: %s", res->warning);
    snprintf(n->after, sizeof n->after, "%s", done);
    n->role = ROLE_WARNING;
    app_modal_push(v->app, &notice_ops, n);
}

/* ---- field checks: core's rules, one field at a time ---- */

/* A booking that passes every check, to vary one field of. */
static struct cd_appointment_in valid_in(void)
{
    return (struct cd_appointment_in){
        .at = "2000-01-03T12:00", .duration_min = 30, .provider = "x"};
}

static int check_mrn(const char *value, void *ctx, struct cd_error *err)
{
    struct view *v = ctx;
    int64_t id;
    return cd_patient_find_mrn(app_store(v->app), value, &id, err);
}

static int check_at(const char *value, void *ctx, struct cd_error *err)
{
    (void)ctx;
    struct cd_appointment_in in = valid_in();
    in.at = value;
    return cd_appointment_validate(&in, err);
}

static int parse_minutes(const char *value, int *out, struct cd_error *err)
{
    char *end;
    errno = 0;
    long n = strtol(value, &end, 10);
    if (!*value || *end || errno || n < -100000 || n > 100000)
        return cd_error_set(err, CD_EINVAL, "duration: '%.20s' is not a whole number of minutes",
                            value);
    *out = (int)n;
    return 0;
}

static int check_duration(const char *value, void *ctx, struct cd_error *err)
{
    (void)ctx;
    struct cd_appointment_in in = valid_in();
    int rc = parse_minutes(value, &in.duration_min, err);
    return rc ? rc : cd_appointment_validate(&in, err);
}

static int check_provider(const char *value, void *ctx, struct cd_error *err)
{
    (void)ctx;
    struct cd_appointment_in in = valid_in();
    in.provider = value;
    return cd_appointment_validate(&in, err);
}

static int check_location(const char *value, void *ctx, struct cd_error *err)
{
    (void)ctx;
    struct cd_appointment_in in = valid_in();
    in.location = value;
    return cd_appointment_validate(&in, err);
}

static int check_note(const char *value, void *ctx, struct cd_error *err)
{
    (void)ctx;
    struct cd_appointment_in in = valid_in();
    in.note = value;
    return cd_appointment_validate(&in, err);
}

/* ---- book ---- */

enum { B_MRN, B_AT, B_DURATION, B_PROVIDER, B_LOCATION, B_NOTE };

/* Day mode follows a booking or a move to its day. */
static void follow(struct view *v, const char *at)
{
    struct appts *st = v->state;
    char date[CD_DATE_LEN];
    int day;
    snprintf(date, sizeof date, "%.10s", at);
    if (!st->patient_id && !cd_date_parse(date, &day, NULL))
        st->day = day;
}

static int book_submit(struct view *v, struct form *f, void *ctx, struct cd_error *err)
{
    (void)ctx;
    struct appts *st = v->state;
    struct cd_appointment_in in = {
        .mrn = form_value(f, B_MRN),
        .kind = st->kind,
        .at = form_value(f, B_AT),
        .provider = form_value(f, B_PROVIDER),
        .location = form_value(f, B_LOCATION),
        .note = form_value(f, B_NOTE),
    };
    int rc = parse_minutes(form_value(f, B_DURATION), &in.duration_min, err);
    struct cd_appointment_result res;
    if (rc || (rc = cd_appointment_book(app_store(v->app), &in, &res, err)))
        return rc;
    snprintf(st->provider, sizeof st->provider, "%s", in.provider);
    follow(v, in.at);
    char done[200];
    char when[17];
    snprintf(done, sizeof done, "Booked appointment %lld: %s for MRN %s, %s", (long long)res.id,
             kind_text(st->kind, 0), in.mrn, wall_text(in.at, when));
    report(v, &res, done);
    return 0;
}

static void book_kind(struct view *v, int key, void *ctx)
{
    (void)ctx;
    static const struct {
        int key;
        const char *kind;
    } keys[] = {{'t', "tcm_visit"}, {'p', "primary_care"}, {'s', "specialist"},
                {'l', "lab"},       {'v', "telehealth"},   {'o', "other"}};
    struct appts *st = v->state;
    st->kind = NULL;
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (keys[i].key == key)
            st->kind = keys[i].kind;
    if (!st->kind)
        return;
    char title[80], at[20], date[CD_DATE_LEN];
    snprintf(title, sizeof title, "Book: %s", cd_appointment_kind_label(st->kind));
    /* the day shown (or, for a patient, tomorrow) at nine, to be edited */
    cd_date_format(st->patient_id ? cd_clock_today() + 1 : st->day, date);
    snprintf(at, sizeof at, "%sT09:00", date);
    struct form *f = form_new(title);
    if (!f || form_add(f, "Patient MRN", st->mrn, FORM_REQUIRED, 64, 1, check_mrn, v) < 0 ||
        form_add(f, "Date and time", at, FORM_REQUIRED, 16, 1, check_at, NULL) < 0 ||
        form_add(f, "Minutes", "30", FORM_REQUIRED, 4, 1, check_duration, NULL) < 0 ||
        form_add(f, "Provider", st->provider, FORM_REQUIRED, 100, 1, check_provider, NULL) < 0 ||
        form_add(f, "Location", NULL, 0, 200, 1, check_location, NULL) < 0 ||
        form_add(f, "Note", NULL, 0, 2000, 1, check_note, NULL) < 0 ||
        form_open(v, f, book_submit, NULL)) {
        if (f)
            form_free(f);
        app_message(v->app, "Out of memory");
    }
}

static void book(struct view *v)
{
    static const struct prompt_choice kinds[] = {
        {'t', "TCM visit"}, {'p', "primary"},    {'s', "specialist"},
        {'l', "lab"},       {'v', "telehealth"}, {'o', "other"},
    };
    prompt_choice(v, "Book which kind of visit?", kinds, sizeof kinds / sizeof kinds[0], book_kind,
                  NULL);
}

/* ---- move ---- */

enum { M_AT, M_DURATION, M_PROVIDER, M_LOCATION };

static int move_submit(struct view *v, struct form *f, void *ctx, struct cd_error *err)
{
    (void)ctx;
    struct appts *st = v->state;
    struct cd_appointment_change ch = {
        .at = form_value(f, M_AT),
        .provider = form_value(f, M_PROVIDER),
        .location = form_value(f, M_LOCATION),
    };
    struct cd_appointment_result res;
    int rc = parse_minutes(form_value(f, M_DURATION), &ch.duration_min, err);
    if (rc || (rc = cd_appointment_move(app_store(v->app), st->pending, &ch, &res, err)))
        return rc;
    follow(v, ch.at);
    char done[160], when[17];
    if (res.changed)
        snprintf(done, sizeof done, "Moved appointment %lld to %s (sequence %d)",
                 (long long)st->pending, wall_text(ch.at, when), res.sequence);
    else
        snprintf(done, sizeof done, "Appointment %lld unchanged (sequence %d)",
                 (long long)st->pending, res.sequence);
    report(v, &res, done);
    return 0;
}

static void move(struct view *v)
{
    struct appts *st = v->state;
    long r = selected(v);
    if (r < 0)
        return;
    const char *status = cell(v, (size_t)r, CD_APPOINTMENT_COL_STATUS);
    if (strcmp(status, "booked") != 0) {
        app_message(v->app, "Appointment %s is %s; only a booked appointment can move",
                    cell(v, (size_t)r, CD_APPOINTMENT_COL_ID),
                    strcmp(status, "no_show") == 0 ? "a no-show" : status);
        return;
    }
    st->pending = row_id(v, (size_t)r);
    char title[80];
    snprintf(title, sizeof title, "Move appointment %lld: %s", (long long)st->pending,
             cell(v, (size_t)r, CD_APPOINTMENT_COL_PATIENT));
    struct form *f = form_new(title);
    if (!f ||
        form_add(f, "Date and time", cell(v, (size_t)r, CD_APPOINTMENT_COL_START), FORM_REQUIRED,
                 16, 1, check_at, NULL) < 0 ||
        form_add(f, "Minutes", cell(v, (size_t)r, CD_APPOINTMENT_COL_DURATION), FORM_REQUIRED, 4, 1,
                 check_duration, NULL) < 0 ||
        form_add(f, "Provider", cell(v, (size_t)r, CD_APPOINTMENT_COL_PROVIDER), FORM_REQUIRED, 100,
                 1, check_provider, NULL) < 0 ||
        form_add(f, "Location", cell(v, (size_t)r, CD_APPOINTMENT_COL_LOCATION), 0, 200, 1,
                 check_location, NULL) < 0 ||
        form_open(v, f, move_submit, NULL)) {
        if (f)
            form_free(f);
        app_message(v->app, "Out of memory");
    }
}

/* ---- cancel, kept, no-show ---- */

static void cancel_confirmed(struct view *v, bool yes, void *ctx)
{
    (void)ctx;
    struct appts *st = v->state;
    if (!yes)
        return;
    struct cd_error err = {0};
    struct cd_appointment_result res;
    if (cd_appointment_cancel(app_store(v->app), st->pending, st->reason[0] ? st->reason : NULL,
                              &res, &err)) {
        app_error(v->app, &err);
        return;
    }
    char done[96];
    snprintf(done, sizeof done, "Cancelled appointment %lld (sequence %d)", (long long)st->pending,
             res.sequence);
    report(v, &res, done);
}

static void cancel_reason(struct view *v, const char *text, void *ctx)
{
    (void)ctx;
    struct appts *st = v->state;
    if (!text)
        return;
    snprintf(st->reason, sizeof st->reason, "%s", text);
    char q[200];
    long r = -1;
    for (size_t i = 0; i < v->list.count; i++)
        if (row_id(v, i) == st->pending)
            r = (long)i;
    if (r < 0) {
        app_message(v->app, "Appointment %lld is no longer in this list; nothing was cancelled",
                    (long long)st->pending);
        return;
    }
    char when[17];
    snprintf(q, sizeof q, "Cancel appointment %lld, %s for %s?", (long long)st->pending,
             wall_text(cell(v, (size_t)r, CD_APPOINTMENT_COL_START), when),
             cell(v, (size_t)r, CD_APPOINTMENT_COL_PATIENT));
    prompt_confirm(v, q, cancel_confirmed, NULL);
}

static void cancel(struct view *v)
{
    struct appts *st = v->state;
    long r = selected(v);
    if (r < 0)
        return;
    st->pending = row_id(v, (size_t)r);
    if (strcmp(cell(v, (size_t)r, CD_APPOINTMENT_COL_STATUS), "booked") != 0) {
        /* core says why it cannot be cancelled, and writes nothing */
        struct cd_error err = {0};
        struct cd_appointment_result res;
        if (cd_appointment_cancel(app_store(v->app), st->pending, NULL, &res, &err))
            app_error(v->app, &err);
        return;
    }
    prompt_text(v, "Reason for cancelling (Enter for none):", NULL, cancel_reason, NULL);
}

static void mark_confirmed(struct view *v, bool yes, void *ctx)
{
    (void)ctx;
    struct appts *st = v->state;
    if (!yes)
        return;
    int64_t id = st->pending;
    bool kept = st->pending_kept;
    struct cd_error err = {0};
    struct cd_appointment_result res;
    int rc = kept ? cd_appointment_kept(app_store(v->app), id, &res, &err)
                  : cd_appointment_no_show(app_store(v->app), id, &res, &err);
    if (rc) {
        app_error(v->app, &err);
        return;
    }
    char done[96];
    snprintf(done, sizeof done, "Appointment %lld %s %s (sequence %d)", (long long)id,
             res.changed ? "is" : "was already", kept ? "kept" : "a no-show", res.sequence);
    report(v, &res, done);
}

/* Kept and no-show change a visit's record for good (and its calendar SEQUENCE): asked first. */
static void mark(struct view *v, bool kept)
{
    struct appts *st = v->state;
    long r = selected(v);
    if (r < 0)
        return;
    st->pending = row_id(v, (size_t)r);
    st->pending_kept = kept;
    char q[200], when[17];
    snprintf(q, sizeof q, "Mark appointment %lld, %s for %s, %s?", (long long)st->pending,
             wall_text(cell(v, (size_t)r, CD_APPOINTMENT_COL_START), when),
             cell(v, (size_t)r, CD_APPOINTMENT_COL_PATIENT), kept ? "kept" : "a no-show");
    prompt_confirm(v, q, mark_confirmed, NULL);
}

/* ---- export ---- */

static void export_to(struct view *v, const char *text, void *ctx)
{
    (void)ctx;
    struct appts *st = v->state;
    if (!text)
        return;
    struct cd_error err = {0};
    struct cd_strbuf path = CD_STRBUF_INIT;
    const char *home = getenv("HOME");
    while (*text == ' ')
        text++;
    if (!*text) {
        app_message(v->app, "No file name: nothing exported");
        return;
    }
    if (text[0] == '~' && text[1] == '/' && home && *home)
        cd_strbuf_addf(&path, "%s%s", home, text + 1);
    else
        cd_strbuf_add(&path, text);
    struct cd_ical_options o = {0};
    char date[CD_DATE_LEN];
    if (st->patient_id) {
        o.filter.patient_id = st->patient_id;
    } else {
        cd_date_format(st->day, date);
        o.filter.from = o.filter.to = date;
    }
    size_t n = 0;
    int rc = path.oom ? cd_error_set(&err, CD_ENOMEM, "out of memory")
                      : cd_mkdir_parents(cd_strbuf_str(&path), &err);
    if (!rc)
        rc = cd_ical_export_file(app_store(v->app), &o, cd_strbuf_str(&path), 0, &n, &err);
    if (rc) {
        app_error(v->app, &err);
        cd_strbuf_free(&path);
        return;
    }
    /* the path as typed (~ kept short); in a box of its own when the message line is too narrow */
    char msg[CD_ERROR_MSG_MAX];
    const char *shown = cd_strbuf_str(&path);
    size_t hl = home ? strlen(home) : 0;
    bool tilde = hl > 1 && strncmp(shown, home, hl) == 0 && shown[hl] == '/';
    snprintf(msg, sizeof msg, "Wrote %zu appointment%s to %s%s", n, n == 1 ? "" : "s",
             tilde ? "~" : "", tilde ? shown + hl : shown);
    app_message(v->app, "%s", msg);
    struct notice *box = uw_width(msg) > v->cols - 2 ? calloc(1, sizeof *box) : NULL;
    if (box) {
        snprintf(box->title, sizeof box->title, "Exported");
        snprintf(box->text, sizeof box->text, "%s", msg);
        box->role = ROLE_DEFAULT;
        box->app = v->app;
        snprintf(box->after, sizeof box->after, "%s", msg);
        app_modal_push(v->app, &notice_ops, box);
    }
    cd_strbuf_free(&path);
}

static void export_shown(struct view *v)
{
    struct appts *st = v->state;
    if (v->list.count == 0) {
        selected(v);
        return;
    }
    struct cd_strbuf path = CD_STRBUF_INIT;
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    if (xdg && *xdg == '/')
        cd_strbuf_addf(&path, "%s/caredesk/exports/", xdg);
    else
        cd_strbuf_addf(&path, "%s/.local/share/caredesk/exports/", home && *home ? home : ".");
    char date[CD_DATE_LEN];
    if (st->patient_id)
        cd_strbuf_addf(&path, "patient-%s-%s.ics", st->initials,
                       cd_date_format(cd_clock_today(), date));
    else
        cd_strbuf_addf(&path, "appointments-%s.ics", cd_date_format(st->day, date));
    if (path.oom || prompt_text(v, "Export to:", cd_strbuf_str(&path), export_to, NULL))
        app_message(v->app, "Out of memory");
    cd_strbuf_free(&path);
}

/* ---- days ---- */

static void show_day(struct view *v, int day)
{
    struct appts *st = v->state;
    st->day = day;
    v->list.cursor = v->list.top = 0;
    v->dirty |= VIEW_RELOAD;
}

static void goto_date(struct view *v, const char *text, void *ctx)
{
    (void)ctx;
    struct cd_error err = {0};
    int day;
    if (!text)
        return;
    if (strcmp(text, "today") == 0 || strcmp(text, "t") == 0)
        show_day(v, cd_clock_today());
    else if (cd_date_parse(text, &day, &err))
        app_error(v->app, &err);
    else
        show_day(v, day);
}

static enum action appts_act(struct view *v, enum action action)
{
    struct appts *st = v->state;
    bool day_key = action == ACT_DAY_PREV || action == ACT_DAY_NEXT || action == ACT_DAY_GOTO ||
                   action == ACT_DAY_TODAY;
    if (day_key && st->patient_id) {
        app_message(v->app, "This list holds all of %s's appointments; days are for the day list",
                    st->name);
        return ACT_NONE;
    }
    char date[CD_DATE_LEN];
    switch (action) {
    case ACT_APPT_BOOK: book(v); break;
    case ACT_APPT_MOVE: move(v); break;
    case ACT_APPT_CANCEL: cancel(v); break;
    case ACT_APPT_KEPT: mark(v, true); break;
    case ACT_APPT_NO_SHOW: mark(v, false); break;
    case ACT_APPT_EXPORT: export_shown(v); break;
    case ACT_DAY_PREV: show_day(v, st->day - 1); break;
    case ACT_DAY_NEXT: show_day(v, st->day + 1); break;
    case ACT_DAY_TODAY: show_day(v, cd_clock_today()); break;
    case ACT_DAY_GOTO:
        prompt_text(v, "Go to date (YYYY-MM-DD or today):", cd_date_format(st->day, date),
                    goto_date, NULL);
        break;
    case ACT_ENTER: {
        /* a patient's appointments, from a row of the day list */
        long r = selected(v);
        struct cd_error err = {0};
        int64_t id;
        if (r < 0)
            break;
        if (st->patient_id) {
            app_message(v->app, "These are all of %s's appointments", st->name);
            break;
        }
        if (cd_patient_find_mrn(app_store(v->app), cell(v, (size_t)r, CD_APPOINTMENT_COL_MRN), &id,
                                &err))
            app_error(v->app, &err);
        else if (!app_push(v->app, &view_appointments_ops, &(struct view_args){.id = id}))
            app_patient_opened(v->app, id); /* a timer on another patient asks keep/stop/switch */
        break;
    }
    default: return action;
    }
    return ACT_NONE;
}

/* The patient the CCM timer key times: this list's patient, or the selected row's. */
static int64_t appts_patient(struct view *v)
{
    struct appts *st = v->state;
    int64_t id = st->patient_id;
    if (!id && v->list.count && v->list.cursor < st->page.nrows &&
        cd_patient_find_mrn(app_store(v->app), cell(v, v->list.cursor, CD_APPOINTMENT_COL_MRN), &id,
                            NULL))
        id = 0;
    return id;
}

static const struct view_bar_item appts_bar[] = {
    {ACT_APPT_BOOK, "Book"},
    {ACT_APPT_MOVE, "Move"},
    {ACT_APPT_CANCEL, "Cancel"},
    {ACT_APPT_KEPT, "Kept"},
    {ACT_APPT_NO_SHOW, "No-show"},
    {ACT_APPT_EXPORT, "Export"},
    {ACT_HELP, "Help"},
    {ACT_BACK, "Back"},
    {ACT_DAY_PREV, "Prev day"},
    {ACT_DAY_NEXT, "Next day"},
    {ACT_DAY_GOTO, "Date"},
    {ACT_NONE, NULL},
};

const struct view_ops view_appointments_ops = {
    .name = "appointments",
    .scope = SCOPE_APPOINTMENTS,
    .state_size = sizeof(struct appts),
    .watches = VIEW_WATCH_ALL,
    .bar = appts_bar,
    .empty = "No appointments. b books one.",
    .open = appts_open,
    .reload = appts_reload,
    .draw = appts_draw,
    .draw_row = appts_draw_row,
    .act = appts_act,
    .match = appts_match,
    .close = appts_close,
    .patient = appts_patient,
};
