/* SPDX-License-Identifier: MIT */
/* The clinic's billable minutes for a month (cd_billing_list): one row per patient, program and
 * role with the codes earned and the minutes to the next threshold; sortable, filtered to the rows
 * close to a threshold, month by month. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/base/page.h"
#include "core/base/strbuf.h"
#include "core/billing.h"
#include "core/enrollment.h"
#include "core/patient.h"
#include "core/timeentry.h"
#include "tui/screen/app.h"
#include "tui/screen/listview.h"
#include "tui/screen/minutes_bar.h"
#include "tui/screen/views.h"

/* "Close to a threshold": this many minutes or fewer still missing. */
#define CLOSE_WITHIN 5

struct minutes {
    struct cd_page page; /* the sorted, filtered month; the list counts its rows */
    char month[CD_MONTH_LEN];
    char audited[CD_MONTH_LEN]; /* the month last recorded as read in the audit log */
    enum cd_billing_sort sort;
    bool close;
};

enum { C_MRN, C_PATIENT, C_PROGRAM, C_ROLE, C_MINUTES, C_CODES, C_NEXT, C_REASON, C_BAR };
static const struct list_column columns[] = {
    [C_MRN] = {"MRN", 8, 0, 0, 0},
    [C_PATIENT] = {"Patient", 14, 1, 0, 0},
    [C_PROGRAM] = {"Program", 11, 0, 0, 0},
    [C_ROLE] = {"Role", 5, 1, 0, 0},
    [C_MINUTES] = {"Min", 4, 0, CANVAS_RIGHT, 0},
    [C_CODES] = {"Codes", 13, 0, 0, 0},
    [C_NEXT] = {"Next", 4, 0, CANVAS_RIGHT, 0},
    [C_REASON] = {"Reason", 10, 6, 0, 0},
    [C_BAR] = {"Toward the threshold", 20, 0, 0, 0},
};
#define N_COLUMNS (sizeof columns / sizeof columns[0])

static const char *const sort_names[] = {"MRN", "patient", "minutes", "next threshold"};

static int minutes_open(struct view *v, const struct view_args *args, struct cd_error *err)
{
    struct minutes *m = v->state;
    if (args && args->text && *args->text) {
        int rc = cd_month_parse(args->text, NULL, NULL, err);
        if (rc)
            return rc;
        snprintf(m->month, sizeof m->month, "%s", args->text);
    } else {
        cd_month_of(cd_clock_now(), m->month);
    }
    m->sort = CD_BILLING_SORT_MRN;
    return 0;
}

/* The whole month is settled in core on every call (codes depend on all of a patient's lines),
 * so one call brings the sorted rows and the view holds them. */
static int minutes_reload(struct view *v, struct cd_error *err)
{
    struct minutes *m = v->state;
    struct cd_billing_query q = {
        .month = m->month,
        .sort = m->sort,
        .descending = m->sort == CD_BILLING_SORT_MINUTES,
        .close_within = m->close ? CLOSE_WITHIN : 0,
    };
    cd_page_free(&m->page);
    /* one audit entry when a month is shown, not one per re-sort or reload */
    bool shown = strcmp(m->audited, m->month) == 0;
    int rc = shown ? cd_billing_list(app_store(v->app), &q, &m->page, err)
                   : cd_billing_read(app_store(v->app), &q, &m->page, err);
    if (!rc)
        snprintf(m->audited, sizeof m->audited, "%s", m->month);
    v->list.count = rc ? 0 : m->page.nrows;
    return rc;
}

static void minutes_draw_row(struct view *v, const struct list_row *row)
{
    struct minutes *m = v->state;
    const struct cd_page *p = &m->page;
    size_t r = row->index;
    const char *role = cd_page_cell(p, r, CD_BILLING_COL_ROLE);
    const char *next = cd_page_get(p, r, CD_BILLING_COL_NEXT_THRESHOLD_IN);
    const char *cells[N_COLUMNS] = {
        [C_MRN] = cd_page_cell(p, r, CD_BILLING_COL_MRN),
        [C_PATIENT] = cd_page_cell(p, r, CD_BILLING_COL_PATIENT),
        [C_PROGRAM] = cd_program_label(cd_page_cell(p, r, CD_BILLING_COL_PROGRAM)),
        [C_ROLE] = strcmp(role, "clinical_staff") == 0 ? "staff" : role,
        [C_MINUTES] = cd_page_cell(p, r, CD_BILLING_COL_MINUTES),
        [C_CODES] = cd_page_cell(p, r, CD_BILLING_COL_CODES),
        [C_NEXT] = next ? next : "",
        [C_REASON] = cd_page_cell(p, r, CD_BILLING_COL_REASON),
    };
    enum role base = next && m->close ? ROLE_DUE_TODAY : ROLE_DEFAULT;
    list_row_cells(row, base, cells);
    /* no bar for time that earns nothing (no consent, not billed); a full one when all is met */
    if (row->ncolumns > C_BAR && (next || *cells[C_CODES])) {
        int x = list_row_x(row, C_BAR);
        int minutes = (int)cd_page_cell_int(p, r, CD_BILLING_COL_MINUTES);
        int threshold =
            next ? minutes + (int)cd_page_cell_int(p, r, CD_BILLING_COL_NEXT_THRESHOLD_IN) : 0;
        minutes_bar_draw_in(&row->c, 0, x, row->widths[C_BAR], minutes, threshold,
                            row->selected ? ROLE_SELECTED : base);
    }
}

static void minutes_draw(struct view *v, const struct canvas *c)
{
    struct minutes *m = v->state;
    static const char *const months[] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};
    int y = 0, mo = 1;
    sscanf(m->month, "%d-%d", &y, &mo);
    if (mo < 1 || mo > 12)
        mo = 1;
    canvas_printf(c, 0, 1, -1, ROLE_TITLE, 0, "Billable minutes, %s %d: %zu row%s", months[mo - 1],
                  y, m->page.nrows, m->page.nrows == 1 ? "" : "s");
    char filter[64] = "";
    if (m->close)
        snprintf(filter, sizeof filter, "; only rows within %d min of a threshold", CLOSE_WITHIN);
    canvas_printf(c, 1, 1, -1, ROLE_DIM, 0, "Sorted by %s%s", sort_names[m->sort], filter);
    struct canvas list = canvas_sub(c, 2, 0, c->rows - 4, c->cols);
    list_draw(v, &list, columns, N_COLUMNS);
    /* the selected row in full: what the columns cut */
    if (v->list.count && v->list.cursor < m->page.nrows) {
        const struct cd_page *p = &m->page;
        size_t r = v->list.cursor;
        const char *role = cd_page_cell(p, r, CD_BILLING_COL_ROLE),
                   *codes = cd_page_cell(p, r, CD_BILLING_COL_CODES);
        const char *next = cd_page_get(p, r, CD_BILLING_COL_NEXT_THRESHOLD_IN),
                   *reason = cd_page_cell(p, r, CD_BILLING_COL_REASON);
        struct cd_strbuf sb = CD_STRBUF_INIT;
        cd_strbuf_addf(&sb, "%s  %s, %s  %s min", cd_page_cell(p, r, CD_BILLING_COL_PATIENT),
                       cd_program_label(cd_page_cell(p, r, CD_BILLING_COL_PROGRAM)),
                       cd_role_label(role), cd_page_cell(p, r, CD_BILLING_COL_MINUTES));
        if (*codes)
            cd_strbuf_addf(&sb, "  %s", codes);
        if (*reason)
            cd_strbuf_addf(&sb, "  %s", reason);
        if (next)
            cd_strbuf_addf(&sb, "%snext code in %s min", *reason ? ", " : "  ", next);
        canvas_text(c, c->rows - 1, 1, c->cols - 2, ROLE_DIM, 0, cd_strbuf_str(&sb));
        cd_strbuf_free(&sb);
    }
}

/* Move the month by DELTA months. */
static void shift_month(struct minutes *m, int delta)
{
    int y = 0, mo = 1;
    sscanf(m->month, "%d-%d", &y, &mo);
    int k = y * 12 + (mo - 1) + delta;
    if (k < 12 || k >= 10000 * 12)
        return;
    snprintf(m->month, sizeof m->month, "%04d-%02d", (k / 12) % 10000, k % 12 + 1);
}

static enum action minutes_act(struct view *v, enum action action)
{
    struct minutes *m = v->state;
    switch (action) {
    case ACT_MINUTES_SORT: m->sort = (enum cd_billing_sort)((m->sort + 1) % 4); break;
    case ACT_MINUTES_CLOSE: m->close = !m->close; break;
    case ACT_MINUTES_PREV_MONTH: shift_month(m, -1); break;
    case ACT_MINUTES_NEXT_MONTH: shift_month(m, 1); break;
    default: return action;
    }
    list_home(&v->list);
    v->dirty |= VIEW_RELOAD;
    return ACT_NONE;
}

/* Does HAY contain NEEDLE, ASCII letters compared without case? */
static bool contains(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++) {
        size_t i = 0;
        while (i < n && hay[i] &&
               tolower((unsigned char)hay[i]) == tolower((unsigned char)needle[i]))
            i++;
        if (i == n)
            return true;
    }
    return n == 0;
}

static bool minutes_match(const struct view *v, size_t row, const char *needle)
{
    const struct minutes *m = v->state;
    return contains(cd_page_cell(&m->page, row, CD_BILLING_COL_MRN), needle) ||
           contains(cd_page_cell(&m->page, row, CD_BILLING_COL_PATIENT), needle);
}

/* The selected row's patient, for the timer key. */
static int64_t minutes_patient(struct view *v)
{
    struct minutes *m = v->state;
    int64_t id = 0;
    if (v->list.cursor < m->page.nrows &&
        cd_patient_find_mrn(app_store(v->app),
                            cd_page_cell(&m->page, v->list.cursor, CD_BILLING_COL_MRN), &id, NULL))
        id = 0;
    return id;
}

static void minutes_close(struct view *v)
{
    struct minutes *m = v->state;
    cd_page_free(&m->page);
}

static const struct view_bar_item minutes_bar[] = {
    {ACT_MINUTES_SORT, "Sort"},
    {ACT_MINUTES_CLOSE, "Close"},
    {ACT_MINUTES_PREV_MONTH, "Prev month"},
    {ACT_MINUTES_NEXT_MONTH, "Next month"},
    {ACT_HELP, "Help"},
    {ACT_BACK, "Back"},
    {ACT_NONE, NULL},
};

const struct view_ops view_minutes_ops = {
    .name = "minutes",
    .scope = SCOPE_MINUTES,
    .state_size = sizeof(struct minutes),
    .watches = VIEW_WATCH_ALL,
    .bar = minutes_bar,
    .empty = "No minutes logged this month (c shows all rows when filtered)",
    .open = minutes_open,
    .reload = minutes_reload,
    .draw = minutes_draw,
    .draw_row = minutes_draw_row,
    .act = minutes_act,
    .match = minutes_match,
    .close = minutes_close,
    .patient = minutes_patient,
};
