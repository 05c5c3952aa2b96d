/* SPDX-License-Identifier: MIT */
/* The versions of a care plan (who, when, what changed), newest first; Enter shows the readable
 * diff of a version: what it changed from the one before, or (c) how it differs from the copy in
 * the editor below, unsaved edits included, to merge by hand after a refused save. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/strbuf.h"
#include "core/careplan.h"
#include "tui/screen/app.h"
#include "tui/screen/listview.h"
#include "tui/screen/views.h"

#define MAX_LINES 4096

struct history {
    int64_t patient_id;
    char patient[160];
    struct cd_page versions;
    bool showing;  /* the diff of one version is on screen */
    bool vs_yours; /* compare with the editor's copy instead of the version before */
    int version;   /* the version shown */
    char heading[256];
    struct cd_strbuf text; /* the diff, lines separated by '\n' */
    size_t starts[MAX_LINES];
    size_t nlines, top;
};

static int history_open(struct view *v, const struct view_args *args, struct cd_error *err)
{
    struct history *h = v->state;
    if (!args || args->id <= 0)
        return cd_error_set(err, CD_EINVAL, "the care plan history needs a patient");
    h->patient_id = args->id;
    return patient_label(app_store(v->app), h->patient_id, h->patient, sizeof h->patient, err);
}

static int history_reload(struct view *v, struct cd_error *err)
{
    struct history *h = v->state;
    cd_page_reset(&h->versions);
    int rc = cd_careplan_history(app_store(v->app), h->patient_id, &h->versions, err);
    v->list.count = h->versions.nrows;
    list_ensure_visible(&v->list);
    return rc;
}

static void split_lines(struct history *h)
{
    h->nlines = 0;
    h->top = 0;
    const char *s = cd_strbuf_str(&h->text);
    size_t len = h->text.len;
    for (size_t i = 0; i < len && h->nlines < MAX_LINES;) {
        h->starts[h->nlines++] = i;
        const char *nl = memchr(s + i, '\n', len - i);
        i = nl ? (size_t)(nl - s) + 1 : len;
    }
}

/* Build the diff of the version under the cursor into h->text. */
static int show_diff(struct view *v, struct cd_error *err)
{
    struct history *h = v->state;
    struct cd_store *store = app_store(v->app);
    if (v->list.cursor >= h->versions.nrows)
        return 0;
    size_t r = v->list.cursor;
    int version = (int)cd_page_cell_int(&h->versions, r, CD_CAREPLAN_HISTORY_COL_VERSION);
    const struct cd_careplan *yours = view_careplan_working(v->below);
    if (h->vs_yours && !yours)
        h->vs_yours = false;
    struct cd_careplan *a = NULL, *b = NULL, empty = {.patient_id = h->patient_id};
    int rc = cd_careplan_load(store, h->patient_id, version, &b, err);
    if (!rc && !h->vs_yours && version > 1)
        rc = cd_careplan_load(store, h->patient_id, version - 1, &a, err);
    const struct cd_careplan *from = h->vs_yours ? b : a ? a : &empty;
    const struct cd_careplan *to = h->vs_yours ? yours : b;
    struct cd_careplan_diff diff = {0};
    if (!rc)
        rc = cd_careplan_diff(from, to, &diff, err);
    if (!rc) {
        cd_strbuf_reset(&h->text);
        if (h->vs_yours)
            snprintf(h->heading, sizeof h->heading,
                     "Version %d (%s, %s) -> your copy in the editor", version,
                     cd_page_cell(&h->versions, r, CD_CAREPLAN_HISTORY_COL_SAVED_AT),
                     cd_page_cell(&h->versions, r, CD_CAREPLAN_HISTORY_COL_SAVED_BY));
        else
            snprintf(h->heading, sizeof h->heading, "Version %d (%s, %s): changes from %s", version,
                     cd_page_cell(&h->versions, r, CD_CAREPLAN_HISTORY_COL_SAVED_AT),
                     cd_page_cell(&h->versions, r, CD_CAREPLAN_HISTORY_COL_SAVED_BY),
                     version > 1 ? "the version before" : "an empty plan");
        if (diff.n == 0)
            cd_strbuf_add(&h->text, "no differences\n");
        cd_careplan_diff_text(&diff, &h->text);
        if (h->text.oom)
            rc = cd_error_set(err, CD_ENOMEM, "out of memory");
        cd_careplan_diff_free(&diff);
    }
    cd_careplan_free(a);
    cd_careplan_free(b);
    if (!rc) {
        h->showing = true;
        h->version = version;
        split_lines(h);
    }
    return rc;
}

static const struct list_column columns[] = {
    {"Ver", 4, 0, CANVAS_RIGHT, 0},
    {"Saved", 16, 0, 0, 0},
    {"By", 14, 1, 0, 0},
    {"Changes", 20, 6, 0, 0},
};

static void history_draw_row(struct view *v, const struct list_row *row)
{
    struct history *h = v->state;
    const char *cells[] = {
        cd_page_cell(&h->versions, row->index, CD_CAREPLAN_HISTORY_COL_VERSION),
        cd_page_cell(&h->versions, row->index, CD_CAREPLAN_HISTORY_COL_SAVED_AT),
        cd_page_cell(&h->versions, row->index, CD_CAREPLAN_HISTORY_COL_SAVED_BY),
        cd_page_cell(&h->versions, row->index, CD_CAREPLAN_HISTORY_COL_SUMMARY),
    };
    list_row_cells(row, ROLE_DEFAULT, cells);
}

static enum role line_role(char c)
{
    switch (c) {
    case '+': return ROLE_DIFF_ADDED;
    case '-': return ROLE_DIFF_REMOVED;
    case '~': return ROLE_DIFF_CHANGED;
    default: return ROLE_DEFAULT;
    }
}

static void history_draw(struct view *v, const struct canvas *c)
{
    struct history *h = v->state;
    if (!h->showing) {
        canvas_printf(c, 0, 1, -1, ROLE_TITLE, 0, "Care plan versions of %s", h->patient);
        struct canvas body = canvas_sub(c, 1, 0, c->rows - 1, c->cols);
        list_draw(v, &body, columns, sizeof columns / sizeof columns[0]);
        return;
    }
    canvas_printf(c, 0, 1, c->cols - 2, ROLE_TITLE, 0, "%s", h->heading);
    int rows = c->rows - 2;
    if (h->nlines > (size_t)rows && h->top > h->nlines - (size_t)rows)
        h->top = h->nlines - (size_t)rows;
    const char *s = cd_strbuf_str(&h->text);
    for (int i = 0; i < rows && h->top + (size_t)i < h->nlines; i++) {
        size_t l = h->top + (size_t)i;
        size_t end = l + 1 < h->nlines ? h->starts[l + 1] - 1 : h->text.len;
        if (end > h->starts[l] && s[end - 1] == '\n')
            end--;
        char *line = malloc(end - h->starts[l] + 1);
        if (!line)
            return;
        memcpy(line, s + h->starts[l], end - h->starts[l]);
        line[end - h->starts[l]] = '\0';
        canvas_text(c, 2 + i, 1, c->cols - 2, line_role(line[0]), 0, line);
        free(line);
    }
    canvas_text(c, 1, 1, c->cols - 2, ROLE_DIM, 0,
                view_careplan_working(v->below)
                    ? (h->vs_yours ? "c shows this version's own changes; Esc the list"
                                   : "c compares with your copy in the editor; Esc the list")
                    : "Esc the list");
}

static void scroll(struct view *v, long delta)
{
    struct history *h = v->state;
    long top = (long)h->top + delta;
    long max = (long)h->nlines - (v->rows - 2);
    if (top > max)
        top = max;
    h->top = top < 0 ? 0 : (size_t)top;
}

static enum action history_act(struct view *v, enum action action)
{
    struct history *h = v->state;
    struct cd_error err = {0};
    long page = v->rows > 4 ? v->rows - 3 : 1;
    if (action == ACT_ENTER || (action == ACT_PLAN_COMPARE && h->showing)) {
        if (action == ACT_PLAN_COMPARE)
            h->vs_yours = !h->vs_yours;
        if (show_diff(v, &err))
            app_error(v->app, &err);
        return ACT_NONE;
    }
    if (action == ACT_PLAN_COMPARE) {
        h->vs_yours = true;
        if (show_diff(v, &err))
            app_error(v->app, &err);
        return ACT_NONE;
    }
    if (!h->showing)
        return action;
    switch (action) {
    case ACT_MOVE_UP: scroll(v, -1); return ACT_NONE;
    case ACT_MOVE_DOWN: scroll(v, 1); return ACT_NONE;
    case ACT_PAGE_UP: scroll(v, -page); return ACT_NONE;
    case ACT_PAGE_DOWN: scroll(v, page); return ACT_NONE;
    case ACT_MOVE_FIRST: h->top = 0; return ACT_NONE;
    case ACT_MOVE_LAST: scroll(v, (long)h->nlines); return ACT_NONE;
    case ACT_BACK: h->showing = false; return ACT_NONE;
    default: return action;
    }
}

static void history_close(struct view *v)
{
    struct history *h = v->state;
    cd_page_free(&h->versions);
    cd_strbuf_free(&h->text);
}

static const struct view_bar_item history_bar[] = {
    {ACT_HELP, "Help"}, {ACT_ENTER, "Changes"}, {ACT_PLAN_COMPARE, "Compare with yours"},
    {ACT_BACK, "Back"}, {ACT_NONE, NULL},
};

const struct view_ops view_plan_history_ops = {
    .name = "plan-history",
    .scope = SCOPE_PLAN_HISTORY,
    .state_size = sizeof(struct history),
    .watches = VIEW_WATCH_ALL,
    .bar = history_bar,
    .empty = "No version saved yet",
    .open = history_open,
    .reload = history_reload,
    .draw = history_draw,
    .draw_row = history_draw_row,
    .act = history_act,
    .close = history_close,
};
