/* SPDX-License-Identifier: MIT */
/* The patient timeline: everything caredesk knows about one patient, newest first, one line per
 * entry, Enter expands an entry in place. Rows are read a page at a time with the core's keyset
 * cursor as the list scrolls down, so a long history opens as fast as a short one. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/strbuf.h"
#include "core/note.h"
#include "core/timeline.h"
#include "tui/screen/app.h"
#include "tui/screen/chart_frame.h"
#include "tui/screen/edit.h"
#include "tui/screen/form.h"
#include "tui/screen/listview.h"
#include "tui/screen/prompt.h"
#include "tui/screen/views.h"

#define PAGE_ROWS 120  /* rows per core call while scrolling */
#define JUMP_ROWS 1000 /* rows per core call while looking for a date */
#define DETAIL_MAX 200 /* wrapped lines of an expanded entry */
#define NOTE_HEIGHT 8

struct timeline {
    int64_t patient_id;
    char patient[160];
    unsigned kinds;      /* 0: every kind */
    char search[128];    /* "" : no text filter */
    struct cd_page rows; /* the entries read so far, from the newest */
    bool more;           /* older entries exist beyond the last row */
    char sel_kind[24];   /* the entry under the cursor, kept across reloads */
    int64_t sel_id;
    char open_kind[24]; /* the expanded entry ("" none) */
    int64_t open_id;
};

/* What each kind is called on screen (order of CD_TIMELINE_KINDS). */
static const char *const kind_labels[CD_TIMELINE_NKINDS] = {
    "admission",       "discharge",   "ED visit",    "task",
    "task closed",     "call",        "note",        "time",
    "care plan",       "appointment", "appt change", "referral",
    "referral closed", "enrollment",
};

static const char *kind_label(const char *name)
{
    for (int k = 0; k < CD_TIMELINE_NKINDS; k++)
        if (strcmp(cd_timeline_kind_name(k), name) == 0)
            return kind_labels[k];
    return name;
}

static enum role kind_role(const char *name)
{
    if (!strcmp(name, "admission") || !strcmp(name, "discharge") || !strcmp(name, "ed_visit"))
        return ROLE_WARNING;
    return ROLE_DEFAULT;
}

static struct cd_timeline_query query(const struct timeline *t, int limit)
{
    struct cd_timeline_query q = {
        .patient_id = t->patient_id,
        .kinds = t->kinds,
        .search = t->search,
        .limit = limit,
    };
    if (t->rows.nrows)
        cd_timeline_cursor_from_page(&q.after, &t->rows, t->rows.nrows - 1);
    return q;
}

/* Read older entries until at least WANT rows are held (or none are left). */
static int load_until(struct timeline *t, struct cd_store *store, size_t want, int limit,
                      struct cd_error *err)
{
    while (t->more && t->rows.nrows < want) {
        struct cd_timeline_query q = query(t, limit);
        size_t before = t->rows.nrows;
        int rc = cd_timeline_page(store, &q, &t->rows, err);
        if (rc)
            return rc;
        if (t->rows.nrows - before < (size_t)limit)
            t->more = false;
    }
    return 0;
}

static void set_count(struct view *v)
{
    struct timeline *t = v->state;
    /* one row more than held while older entries exist: reaching it reads the next page */
    v->list.count = t->rows.nrows + (t->more ? 1 : 0);
    list_window_set(&v->list, 0, t->rows.nrows);
}

static long find_row(const struct timeline *t, const char *kind, int64_t id)
{
    for (size_t r = 0; r < t->rows.nrows; r++)
        if (cd_page_cell_int(&t->rows, r, CD_TIMELINE_COL_ID) == id &&
            !strcmp(cd_page_cell(&t->rows, r, CD_TIMELINE_COL_KIND), kind))
            return (long)r;
    return -1;
}

static void remember_cursor(struct view *v)
{
    struct timeline *t = v->state;
    if (v->list.cursor < t->rows.nrows) {
        snprintf(t->sel_kind, sizeof t->sel_kind, "%s",
                 cd_page_cell(&t->rows, v->list.cursor, CD_TIMELINE_COL_KIND));
        t->sel_id = cd_page_cell_int(&t->rows, v->list.cursor, CD_TIMELINE_COL_ID);
    }
}

static int timeline_open(struct view *v, const struct view_args *args, struct cd_error *err)
{
    struct timeline *t = v->state;
    if (!args || args->id <= 0)
        return cd_error_set(err, CD_EINVAL, "the timeline needs a patient");
    t->patient_id = args->id;
    int rc = patient_label(app_store(v->app), t->patient_id, t->patient, sizeof t->patient, err);
    if (!rc)
        rc = args->alone ? chart_frame_record_open(v, t->patient_id, CHART_TIMELINE, err)
                         : chart_frame_attach(v, t->patient_id, CHART_TIMELINE, err);
    return rc;
}

/* Read the entries again from the newest, as far as the cursor was, and keep the cursor on the
 * same entry when it is still there. */
static int timeline_reload(struct view *v, struct cd_error *err)
{
    struct timeline *t = v->state;
    remember_cursor(v);
    size_t want = v->list.cursor + (v->list.rows ? v->list.rows : 20) + 1;
    cd_page_reset(&t->rows);
    t->more = true;
    int rc = load_until(t, app_store(v->app), want < PAGE_ROWS ? PAGE_ROWS : want, PAGE_ROWS, err);
    set_count(v);
    long r = t->sel_kind[0] ? find_row(t, t->sel_kind, t->sel_id) : -1;
    if (r >= 0)
        list_select(&v->list, (size_t)r);
    else
        list_ensure_visible(&v->list);
    return rc;
}

static int timeline_fetch(struct view *v, size_t first, size_t n, struct cd_error *err)
{
    struct timeline *t = v->state;
    int rc = load_until(t, app_store(v->app), first + n, PAGE_ROWS, err);
    set_count(v);
    return rc;
}

static void timeline_layout(struct view *v, int rows, int cols)
{
    (void)cols;
    /* title (not under the chart's header), column header, status of the filters */
    int fixed = v->frame ? 2 : 3;
    v->list.rows = rows > fixed ? (size_t)(rows - fixed) : 1;
}

static const struct list_column columns[] = {
    {"Date", 10, 0, 0, 0}, {"Time", 5, 0, 0, 0},  {"Kind", 11, 0, 0, 0},
    {"Who", 14, 1, 0, 0},  {"What", 20, 6, 0, 0},
};
#define NCOLUMNS (sizeof columns / sizeof columns[0])

/* The expanded entry's detail wrapped at WIDTH: line starts into STARTS; returns the count. */
static size_t detail_lines(const char *detail, int width, size_t *starts)
{
    return edit_wrap(detail, strlen(detail), width, starts, DETAIL_MAX);
}

static void draw_detail(const struct canvas *c, int y, int x, int width, const char *detail,
                        const size_t *starts, size_t n, size_t shown)
{
    size_t len = strlen(detail);
    for (size_t i = 0; i < shown && i < n; i++) {
        size_t end = i + 1 < n ? starts[i + 1] : len;
        char *part = malloc(end - starts[i] + 1);
        if (!part)
            return;
        memcpy(part, detail + starts[i], end - starts[i]);
        part[end - starts[i]] = '\0';
        char *nl = strchr(part, '\n');
        if (nl)
            *nl = '\0';
        canvas_text(c, y + (int)i, x, width, ROLE_DEFAULT, 0, part);
        free(part);
    }
    if (shown < n)
        canvas_printf(c, y + (int)shown - 1, x, width, ROLE_DIM, CANVAS_PAD, "... %zu more lines",
                      n - shown + 1);
}

static void filters_text(const struct timeline *t, struct cd_strbuf *sb)
{
    if (t->kinds) {
        cd_strbuf_add(sb, "only ");
        bool first = true;
        for (int k = 0; k < CD_TIMELINE_NKINDS; k++)
            if (t->kinds & (1u << k)) {
                cd_strbuf_addf(sb, "%s%s", first ? "" : ", ", kind_labels[k]);
                first = false;
            }
    }
    if (t->search[0])
        cd_strbuf_addf(sb, "%scontaining \"%s\"", t->kinds ? "; " : "", t->search);
}

static void timeline_draw(struct view *v, const struct canvas *c)
{
    struct timeline *t = v->state;
    struct list *l = &v->list;
    struct cd_strbuf sb = CD_STRBUF_INIT;
    filters_text(t, &sb);
    int title = v->frame ? 0 : 1; /* the chart's header names the patient */
    if (title)
        canvas_printf(c, 0, 1, -1, ROLE_TITLE, 0, "Timeline of %s", t->patient);
    if (sb.len)
        canvas_printf(c, c->rows - 1, 1, c->cols - 2, ROLE_WARNING, 0,
                      "Showing %s (f kinds, / text)", cd_strbuf_str(&sb));
    else
        canvas_text(c, c->rows - 1, 1, c->cols - 2, ROLE_DIM, 0,
                    "Newest first. Enter shows the whole entry");
    cd_strbuf_free(&sb);

    int min[NCOLUMNS], weight[NCOLUMNS], widths[NCOLUMNS];
    for (size_t i = 0; i < NCOLUMNS; i++) {
        min[i] = columns[i].min;
        weight[i] = columns[i].weight;
    }
    size_t shown = list_columns_fit(NCOLUMNS, min, weight, 1, c->cols - 2, widths);
    struct canvas body = canvas_sub(c, title, 0, c->rows - 1 - title, c->cols);
    canvas_fill(&body, 0, ROLE_HEADER);
    for (size_t i = 0, x = 1; i < shown; x += (size_t)widths[i] + 1, i++)
        canvas_text(&body, 0, (int)x, widths[i], ROLE_HEADER, 0, columns[i].title);
    int avail = body.rows - 1;
    l->rows = avail > 0 ? (size_t)avail : 1;
    list_ensure_visible(l);
    if (l->count == 0) {
        canvas_text(&body, 2, 2, body.cols - 4, ROLE_DIM, 0,
                    t->kinds || t->search[0] ? "No entries match the filters"
                                             : "Nothing on this patient's timeline yet");
        return;
    }
    /* the expanded entry takes its detail lines below it: fewer list rows fit */
    long open = t->open_kind[0] ? find_row(t, t->open_kind, t->open_id) : -1;
    size_t starts[DETAIL_MAX], nd = 0, extra = 0;
    int dx = 1 + widths[0] + 1 + widths[1] + 1, dw = body.cols - dx - 1;
    const char *detail =
        open >= 0 ? cd_page_cell(&t->rows, (size_t)open, CD_TIMELINE_COL_DETAIL) : "";
    if (open >= 0 && (size_t)open >= l->top && (size_t)open < l->top + l->rows) {
        nd = detail_lines(detail, dw, starts);
        extra = nd < (size_t)avail - 1 ? nd : (size_t)avail - 1;
        l->rows = (size_t)avail - extra;
        list_ensure_visible(l);
        if ((size_t)open < l->top || (size_t)open >= l->top + l->rows)
            extra = 0, l->rows = (size_t)avail, list_ensure_visible(l);
    }
    int y = 1;
    for (size_t i = 0; i < list_visible(l); i++) {
        size_t r = l->top + i;
        struct list_row row = {
            .c = canvas_sub(&body, y, 0, 1, body.cols),
            .index = r,
            .selected = r == l->cursor,
            .columns = columns,
            .widths = widths,
            .ncolumns = shown,
        };
        if (r >= t->rows.nrows) {
            list_row_cells(&row, ROLE_DIM, (const char *const[]){NULL, NULL, NULL, NULL, NULL});
            list_row_cell(&row, 4, ROLE_DIM, "Reading older entries...");
            y++;
            continue;
        }
        const char *kind = cd_page_cell(&t->rows, r, CD_TIMELINE_COL_KIND);
        const char *cells[NCOLUMNS] = {
            cd_page_cell(&t->rows, r, CD_TIMELINE_COL_DAY),
            cd_page_cell(&t->rows, r, CD_TIMELINE_COL_TIME),
            kind_label(kind),
            cd_page_cell(&t->rows, r, CD_TIMELINE_COL_WHO),
            cd_page_cell(&t->rows, r, CD_TIMELINE_COL_TEXT),
        };
        list_row_cells(&row, ROLE_DEFAULT, cells);
        list_row_cell(&row, 2, kind_role(kind), cells[2]);
        y++;
        if ((long)r == open && extra) {
            draw_detail(&body, y, dx, dw, detail, starts, nd, extra);
            y += (int)extra;
        }
    }
}

/* The kinds popup: a checklist of the kinds; Space ticks, o ticks only this one, a ticks all,
 * Enter applies. */
struct kinds_popup {
    struct view *view;
    unsigned mask;
    int cur;
};

static void kinds_draw(void *obj, const struct canvas *screen)
{
    struct kinds_popup *p = obj;
    struct canvas box = canvas_centered(screen, CD_TIMELINE_NKINDS + 5, 54);
    struct canvas in = canvas_box(&box, ROLE_BORDER, "Show kinds");
    canvas_clear(&in, ROLE_DEFAULT);
    for (int k = 0; k < CD_TIMELINE_NKINDS; k++) {
        bool on = !p->mask || (p->mask & (1u << k));
        enum role role = k == p->cur ? ROLE_SELECTED : ROLE_DEFAULT;
        canvas_fill(&in, k, k == p->cur ? ROLE_SELECTED : ROLE_DEFAULT);
        canvas_printf(&in, k, 1, -1, role, 0, "[%s] %s", on ? "x" : " ", kind_labels[k]);
    }
    canvas_text(&in, CD_TIMELINE_NKINDS + 1, 1, -1, ROLE_DIM, 0,
                "Space tick  o only  a all  Enter show  Esc cancel");
}

static enum app_modal_result kinds_key(void *obj, int key)
{
    struct kinds_popup *p = obj;
    const unsigned all = (1u << CD_TIMELINE_NKINDS) - 1;
    switch (key) {
    case TK_UP:
    case 'k': p->cur = (p->cur + CD_TIMELINE_NKINDS - 1) % CD_TIMELINE_NKINDS; break;
    case TK_DOWN:
    case 'j': p->cur = (p->cur + 1) % CD_TIMELINE_NKINDS; break;
    case TK_SPACE:
    case 'x': {
        unsigned m = (p->mask ? p->mask : all) ^ (1u << p->cur);
        if (m) /* the last ticked kind stays: an empty timeline helps no one */
            p->mask = m == all ? 0 : m;
        break;
    }
    case 'a': p->mask = 0; break;
    case 'o': p->mask = 1u << p->cur; break;
    case TK_ENTER: {
        struct view *v = p->view;
        struct timeline *t = v->state;
        if (t->kinds != p->mask) {
            t->kinds = p->mask;
            cd_page_reset(&t->rows);
            list_home(&v->list);
            t->sel_kind[0] = '\0';
            v->dirty |= VIEW_RELOAD;
        }
        return APP_MODAL_CLOSE;
    }
    case TK_ESC:
    case 'q': return APP_MODAL_CLOSE;
    default: break;
    }
    return APP_MODAL_KEEP;
}

static const struct app_modal_ops kinds_ops = {
    .draw = kinds_draw,
    .key = kinds_key,
    .free = free,
};

static void text_done(struct view *v, const char *text, void *ctx)
{
    (void)ctx;
    struct timeline *t = v->state;
    if (!text)
        return;
    snprintf(t->search, sizeof t->search, "%s", text);
    cd_page_reset(&t->rows);
    list_home(&v->list);
    t->sel_kind[0] = '\0';
    v->dirty |= VIEW_RELOAD;
}

/* Jump: the first entry on or before the end of DATE, read down to it, put it on top. */
static void jump_done(struct view *v, const char *text, void *ctx)
{
    (void)ctx;
    struct timeline *t = v->state;
    struct cd_error err = {0};
    struct cd_timeline_cursor at;
    if (!text || !*text)
        return;
    if (cd_timeline_cursor_at_date(&at, text, &err)) {
        app_error(v->app, &err);
        return;
    }
    struct cd_timeline_query q = query(t, 1);
    q.after = at;
    struct cd_page one = CD_PAGE_INIT;
    int rc = cd_timeline_page(app_store(v->app), &q, &one, &err);
    if (!rc && one.nrows == 0) {
        app_message(v->app, "Nothing on or before %s", text);
    } else if (!rc) {
        const char *kind = cd_page_cell(&one, 0, CD_TIMELINE_COL_KIND);
        int64_t id = cd_page_cell_int(&one, 0, CD_TIMELINE_COL_ID);
        long r;
        while ((r = find_row(t, kind, id)) < 0 && t->more && !rc)
            rc = load_until(t, app_store(v->app), t->rows.nrows + JUMP_ROWS, JUMP_ROWS, &err);
        set_count(v);
        if (r >= 0) {
            v->list.top = (size_t)r;
            list_select(&v->list, (size_t)r);
            app_message(v->app, "%s: entries from %s %s", text,
                        cd_page_cell(&one, 0, CD_TIMELINE_COL_DAY),
                        cd_page_cell(&one, 0, CD_TIMELINE_COL_TIME));
        }
    }
    if (rc)
        app_error(v->app, &err);
    cd_page_free(&one);
}

static int note_submit(struct view *v, struct form *f, void *ctx, struct cd_error *err)
{
    (void)ctx;
    struct timeline *t = v->state;
    int64_t id;
    int rc = cd_note_add(app_store(v->app), t->patient_id, form_value(f, 0), &id, err);
    if (rc)
        return rc;
    snprintf(t->sel_kind, sizeof t->sel_kind, "note");
    t->sel_id = id;
    /* a new entry may be hidden by the filters: show it */
    if (t->kinds && !(t->kinds & (1u << CD_TIMELINE_NOTE)))
        t->kinds = 0;
    app_changed(v->app);
    app_message(v->app, "Note added to %s", t->patient);
    return 0;
}

static void note_open(struct view *v)
{
    struct timeline *t = v->state;
    char title[200];
    snprintf(title, sizeof title, "Note on %s", t->patient);
    struct form *f = form_new(title);
    if (!f || form_add(f, "Note", NULL, FORM_MULTILINE | FORM_REQUIRED, CD_NOTE_MAX, NOTE_HEIGHT,
                       NULL, NULL) < 0) {
        form_free(f);
        return;
    }
    form_open(v, f, note_submit, NULL);
}

static enum action timeline_act(struct view *v, enum action action)
{
    struct timeline *t = v->state;
    switch (action) {
    case ACT_ENTER: {
        if (v->list.cursor >= t->rows.nrows)
            return ACT_NONE;
        const char *kind = cd_page_cell(&t->rows, v->list.cursor, CD_TIMELINE_COL_KIND);
        int64_t id = cd_page_cell_int(&t->rows, v->list.cursor, CD_TIMELINE_COL_ID);
        if (t->open_kind[0] && !strcmp(t->open_kind, kind) && t->open_id == id) {
            t->open_kind[0] = '\0';
        } else {
            snprintf(t->open_kind, sizeof t->open_kind, "%s", kind);
            t->open_id = id;
        }
        return ACT_NONE;
    }
    case ACT_MOVE_LAST: {
        struct cd_error err = {0};
        if (load_until(t, app_store(v->app), (size_t)-1, JUMP_ROWS, &err))
            app_error(v->app, &err);
        set_count(v);
        return action;
    }
    case ACT_TIMELINE_KINDS: {
        struct kinds_popup *p = calloc(1, sizeof *p);
        if (p) {
            *p = (struct kinds_popup){.view = v, .mask = t->kinds};
            app_modal_push(v->app, &kinds_ops, p);
        }
        return ACT_NONE;
    }
    case ACT_TIMELINE_TEXT:
        prompt_text(v, "Show entries containing (empty: all):", t->search, text_done, NULL);
        return ACT_NONE;
    case ACT_TIMELINE_JUMP:
        prompt_text(v, "Jump to date (YYYY-MM-DD):", NULL, jump_done, NULL);
        return ACT_NONE;
    case ACT_NOTE_ADD: note_open(v); return ACT_NONE;
    default: return action;
    }
}

static void timeline_close(struct view *v)
{
    struct timeline *t = v->state;
    cd_page_free(&t->rows);
}

static const struct view_bar_item timeline_bar[] = {
    {ACT_HELP, "Help"},
    {ACT_ENTER, "Expand"},
    {ACT_TIMELINE_KINDS, "Kinds"},
    {ACT_TIMELINE_JUMP, "Date"},
    {ACT_TIMELINE_TEXT, "Text"},
    {ACT_NOTE_ADD, "Note"},
    {ACT_BACK, "Back"},
    {ACT_NONE, NULL},
};

/* The patient this view is about: the timer's `t` works on it. */
static int64_t timeline_patient(struct view *v)
{
    return ((struct timeline *)v->state)->patient_id;
}

const struct view_ops view_timeline_ops = {
    .name = "timeline",
    .scope = SCOPE_TIMELINE,
    .state_size = sizeof(struct timeline),
    .watches = VIEW_WATCH_ALL,
    .bar = timeline_bar,
    .open = timeline_open,
    .reload = timeline_reload,
    .fetch = timeline_fetch,
    .layout = timeline_layout,
    .draw = timeline_draw,
    .act = timeline_act,
    .close = timeline_close,
    .patient = timeline_patient,
};
