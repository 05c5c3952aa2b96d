/* SPDX-License-Identifier: MIT */
/* A patient's chart on its Contacts tab: every contact attempt, newest first, under the chart's
 * header and tab row (tui/chart_frame.c). Enter on the worklist and g open the chart here; the
 * other tabs are the timeline, care plan and appointments views in the same frame. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/base/clock.h"
#include "core/base/vocab.h"
#include "core/contact.h"
#include "tui/screen/app.h"
#include "tui/screen/chart_frame.h"
#include "tui/screen/listview.h"
#include "tui/screen/views.h"

struct chart {
    int64_t patient;
    struct cd_page rows; /* cd_contact_list */
};

enum { CC_WHEN, CC_WHO, CC_OUTCOME, CC_CHANNEL, CC_LATE, CC_NOTE, CC_COUNT };
static const struct list_column contact_columns[CC_COUNT] = {
    [CC_WHEN] = {"When", 16, 0, 0, 0},       [CC_WHO] = {"Who", 8, 1, 0, 0},
    [CC_OUTCOME] = {"Outcome", 12, 0, 0, 0}, [CC_CHANNEL] = {"Channel", 9, 0, 0, 0},
    [CC_LATE] = {"Late", 4, 0, 0, 0},        [CC_NOTE] = {"Note", 20, 6, 0, 0},
};

static int chart_open(struct view *v, const struct view_args *args, struct cd_error *err)
{
    struct chart *ch = v->state;
    if (!args || args->id <= 0)
        return cd_error_set(err, CD_EINVAL, "no patient to open");
    ch->patient = args->id;
    return chart_frame_attach(v, ch->patient, CHART_CONTACTS, err);
}

static int chart_reload(struct view *v, struct cd_error *err)
{
    struct chart *ch = v->state;
    struct cd_page rows = CD_PAGE_INIT;
    int rc = cd_contact_list(app_store(v->app), ch->patient, &rows, err);
    if (rc) {
        cd_page_free(&rows);
        return rc;
    }
    cd_page_free(&ch->rows);
    ch->rows = rows;
    v->list.count = rows.nrows;
    return 0;
}

/* Under the list: the selected attempt's whole note, wrapped, on up to NOTE_LINES lines. */
#define NOTE_LINES 3

static void chart_draw(struct view *v, const struct canvas *c)
{
    const struct chart *ch = v->state;
    if (c->rows < NOTE_LINES + 6) { /* too short for the note: the list alone */
        list_draw(v, c, contact_columns, CC_COUNT);
        return;
    }
    struct canvas lc = canvas_sub(c, 0, 0, c->rows - NOTE_LINES - 1, c->cols);
    list_draw(v, &lc, contact_columns, CC_COUNT);
    if (!v->list.count || v->list.cursor >= ch->rows.nrows)
        return;
    const char *note = cd_page_cell(&ch->rows, v->list.cursor, CD_CONTACT_COL_NOTE);
    int y = c->rows - NOTE_LINES;
    if (!*note) {
        canvas_text(c, y, 1, c->cols - 2, ROLE_DIM, 0, "No note on this attempt");
        return;
    }
    canvas_wrapped(c, y, 1, c->cols - 2, NOTE_LINES, ROLE_DIM, note);
}

static void chart_draw_row(struct view *v, const struct list_row *row)
{
    const struct chart *ch = v->state;
    size_t r = row->index;
    char when[17] = "";
    time_t t;
    if (!cd_instant_parse(cd_page_cell(&ch->rows, r, CD_CONTACT_COL_AT), &t, NULL))
        cd_instant_format_local(t, when);
    const char *outcome =
        cd_contact_outcome_label(cd_page_cell(&ch->rows, r, CD_CONTACT_COL_OUTCOME));
    /* a multi-line note shows its first line */
    char note[256];
    snprintf(note, sizeof note, "%s", cd_page_cell(&ch->rows, r, CD_CONTACT_COL_NOTE));
    note[strcspn(note, "\n")] = '\0';
    bool late = cd_page_cell_int(&ch->rows, r, CD_CONTACT_COL_LATE) != 0;
    const char *cells[CC_COUNT] = {
        [CC_WHEN] = when,
        [CC_WHO] = cd_page_cell(&ch->rows, r, CD_CONTACT_COL_USER),
        [CC_OUTCOME] = outcome,
        [CC_CHANNEL] = cd_page_cell(&ch->rows, r, CD_CONTACT_COL_CHANNEL),
        [CC_LATE] = late ? "late" : "",
        [CC_NOTE] = note,
    };
    list_row_cells(row, late ? ROLE_WARNING : ROLE_DEFAULT, cells);
}

static enum action chart_act(struct view *v, enum action action)
{
    (void)v;
    return action == ACT_ENTER ? ACT_NONE : action;
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
    cd_page_free(&ch->rows);
}

/* The timer key times the chart's patient. */
static int64_t chart_patient(struct view *v)
{
    return ((struct chart *)v->state)->patient;
}

/* After the frame's Help and Next tab. */
static const struct view_bar_item chart_bar[] = {
    {ACT_LOG_CALL, "Call"},
    {ACT_TIMER_TOGGLE, "Timer"},
    {ACT_OPEN_TIMELINE, "Timeline"},
    {ACT_OPEN_CAREPLAN, "Plan"},
    {ACT_SEARCH, "Find"},
    {ACT_BACK, "Back"},
    {ACT_NONE, NULL},
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
