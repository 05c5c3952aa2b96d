/* SPDX-License-Identifier: MIT */
/* The workstation loop (htop ScreenManager, tig's main loop): one thread, one pass per key or
 * per half second: poll the change counter, reload and draw the top view, the bars, then act. */
#include "config.h"
#include "tui/screen/app.h"

#include <assert.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "core/base/clock.h"
#include "core/base/strbuf.h"
#include "core/base/text.h"
#include "core/demo/demo.h"
#include "core/store/settings.h"
#include "tui/keys/keymap.h"
#include "tui/screen/canvas.h"
#include "tui/screen/edit.h"
#include "tui/screen/prompt.h"
#include "tui/screen/term.h"
#include "tui/screen/theme.h"
#include "tui/screen/timer_ui.h"
#include "tui/screen/uwidth.h"
#include "tui/screen/view.h"
#include "tui/screen/views.h"
#include "tui/screen/wlgen.h"

/* Exit statuses when the workstation cannot start (as the sub-commands' 1 and 2). */
#define EXIT_FAIL 1
#define EXIT_USAGE 2

#define MIN_ROWS 24
#define MIN_COLS 80
#define MAX_MODALS 8
#define TICK_MS 500
#define WLGEN_POLL_MS 50 /* while the worklist generation runs: its rows show soon after */

struct modal {
    const struct app_modal_ops *ops;
    void *obj;
};

struct app {
    struct session *ses;
    struct cd_store *store;
    struct keymap keys;
    char *clinic;
    struct view *top;
    struct modal modal[MAX_MODALS];
    int nmodal;
    char msg[CD_ERROR_MSG_MAX];
    enum role msg_role;
    int64_t data_version;
    bool quit, full_redraw;
    int exit_status;
};

/* The status bar's timer slot (set by the CCM timer; one workstation per process). */
static char timer_text[64];
static bool timer_paused;
static app_status_hook timer_hook;
static void *timer_ctx;

void app_status_set_timer(const char *text)
{
    snprintf(timer_text, sizeof timer_text, "%s", text ? text : "");
}

void app_status_set_timer_paused(bool paused)
{
    timer_paused = paused;
}

void app_status_set_hook(app_status_hook fn, void *ctx)
{
    timer_hook = fn;
    timer_ctx = ctx;
}

struct cd_store *app_store(struct app *app)
{
    return app->store;
}

const struct cd_user *app_user(struct app *app)
{
    return &app->ses->user;
}

const struct keymap *app_keymap(struct app *app)
{
    return &app->keys;
}

void app_message(struct app *app, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(app->msg, sizeof app->msg, fmt, ap);
    va_end(ap);
    app->msg_role = ROLE_MESSAGE;
}

void app_error(struct app *app, const struct cd_error *err)
{
    snprintf(app->msg, sizeof app->msg, "%s",
             err && err->msg[0] ? err->msg : cd_strerror(err ? err->code : CD_EIO));
    app->msg_role = ROLE_ERROR;
}

struct view *app_top(struct app *app)
{
    return app->top;
}

void app_changed(struct app *app)
{
    timer_ui_stale();
    for (struct view *v = app->top; v; v = v->below)
        v->dirty |= VIEW_RELOAD;
}

void app_quit(struct app *app)
{
    app->quit = true;
}

int app_modal_push(struct app *app, const struct app_modal_ops *ops, void *obj)
{
    if (app->nmodal == MAX_MODALS) {
        ops->free(obj);
        struct cd_error err;
        return app_error(app, &err), cd_error_set(&err, CD_ENOMEM, "too many open dialogs");
    }
    app->modal[app->nmodal++] = (struct modal){ops, obj};
    return 0;
}

static void frame_free(struct view *v)
{
    if (v->frame && v->frame->close)
        v->frame->close(v);
    free(v->frame_state);
}

static void view_free(struct view *v)
{
    if (v->ops->close)
        v->ops->close(v);
    frame_free(v);
    free(v->state);
    free(v);
}

/* A new view of OPS opened with ARGS, or NULL (the message line says why). */
static struct view *view_new(struct app *app, const struct view_ops *ops,
                             const struct view_args *args, int *rc)
{
    /* every screen names its scope and draws itself (tui/screen/view.h) */
    assert(ops && ops->name && ops->draw);
    struct cd_error err = {0};
    struct view *v = calloc(1, sizeof *v);
    if (v && ops->state_size && !(v->state = calloc(1, ops->state_size))) {
        free(v);
        v = NULL;
    }
    if (!v) {
        cd_error_set(&err, CD_ENOMEM, "out of memory");
        app_error(app, &err);
        *rc = CD_ENOMEM;
        return NULL;
    }
    v->ops = ops;
    v->app = app;
    v->dirty = VIEW_REFLOW | VIEW_RELOAD | VIEW_REPAINT;
    *rc = ops->open ? ops->open(v, args, &err) : 0;
    if (*rc) {
        app_error(app, &err);
        frame_free(v);
        free(v->state);
        free(v);
        return NULL;
    }
    return v;
}

int app_push(struct app *app, const struct view_ops *ops, const struct view_args *args)
{
    int rc;
    struct view *v = view_new(app, ops, args, &rc);
    if (!v)
        return rc;
    v->below = app->top;
    app->top = v;
    return 0;
}

int app_replace(struct app *app, const struct view_ops *ops, const struct view_args *args)
{
    int rc;
    struct view *v = view_new(app, ops, args, &rc);
    if (!v)
        return rc;
    struct view *old = app->top;
    v->below = old ? old->below : NULL;
    app->top = v;
    if (old)
        view_free(old);
    return 0;
}

void app_pop(struct app *app)
{
    struct view *v = app->top;
    if (!v || !v->below)
        return;
    app->top = v->below;
    app->top->dirty |= VIEW_REFLOW | VIEW_REPAINT;
    view_free(v);
}

/* Another process committed: every watching view is stale (it reloads when on top). */
static void poll_changes(struct app *app)
{
    int64_t dv = cd_store_data_version(app->store);
    if (dv == app->data_version)
        return;
    app->data_version = dv;
    timer_ui_stale();
    for (struct view *v = app->top; v; v = v->below)
        if (v->ops->watches || v->frame)
            v->dirty |= VIEW_RELOAD;
}

/* The rows of the view area a view's frame takes (none without one). */
static int frame_rows(const struct view *v, int rows)
{
    int n = v->frame ? v->frame->rows : 0;
    return n < rows ? n : rows;
}

/* Layout, reload and fetch for the top view as its dirty bits ask (ROWS: below its frame). */
static void prepare(struct app *app, int rows, int cols)
{
    struct view *v = app->top;
    struct cd_error err = {0};
    rows -= frame_rows(v, rows);
    if ((v->dirty & VIEW_REFLOW) || v->rows != rows || v->cols != cols) {
        v->rows = rows;
        v->cols = cols;
        if (v->ops->layout)
            v->ops->layout(v, rows, cols);
        v->dirty &= ~(unsigned)VIEW_REFLOW;
    }
    if (v->dirty & VIEW_RELOAD) {
        v->dirty &= ~(unsigned)VIEW_RELOAD;
        if (v->frame && v->frame->reload && v->frame->reload(v, &err))
            app_error(app, &err);
        else if (v->ops->reload && v->ops->reload(v, &err))
            app_error(app, &err);
        list_window_set(&v->list, 0, 0);
        list_ensure_visible(&v->list);
    }
    size_t first, n;
    if (v->ops->fetch && list_window_needed(&v->list, &first, &n) &&
        v->ops->fetch(v, first, n, &err))
        app_error(app, &err);
}

static void draw_status(struct app *app, const struct canvas *scr)
{
    struct canvas bar = canvas_sub(scr, 0, 0, 1, scr->cols);
    canvas_fill(&bar, 0, ROLE_STATUS_BAR);
    char timer[64];
    bool running = !timer_paused;
    snprintf(timer, sizeof timer, "%s", timer_text);
    if (timer_hook)
        running = timer_hook(timer_ctx, timer, sizeof timer);
    static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    struct tm tm;
    cd_instant_local_tm(cd_clock_now(), &tm);
    char clock[40];
    snprintf(clock, sizeof clock, "%s %04d-%02d-%02d %02d:%02d:%02d", days[tm.tm_wday % 7],
             tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    int cw = (int)strlen(clock);
    /* the clock and the running timer keep their width, then who is signed in; the clinic's
     * name takes what is left and is the one cut; when even that is tight the role goes */
    int tw = timer[0] ? uw_width(timer) : 0;
    int left = scr->cols - cw - 3 - (tw ? tw + 2 : 0);
    const char *clinic = app->clinic && *app->clinic ? app->clinic : "caredesk";
    const struct cd_user *u = &app->ses->user;
    char who[96];
    snprintf(who, sizeof who, "| %s (%s)", u->login, u->role);
    int short_name = uw_width(clinic) < 12 ? uw_width(clinic) : 12;
    if (1 + short_name + 1 + uw_width(who) > left)
        snprintf(who, sizeof who, "| %s", u->login);
    int name_room = left - 1 - uw_width(who) - 1;
    if (name_room < 8)
        name_room = 8;
    int x = 1 + canvas_text(&bar, 0, 1, name_room, ROLE_STATUS_BAR, 0, clinic);
    canvas_text(&bar, 0, x + 1, left - x, ROLE_STATUS_BAR, 0, who);
    canvas_text(&bar, 0, scr->cols - cw - 1, cw, ROLE_STATUS_BAR, 0, clock);
    if (timer[0])
        canvas_text(&bar, 0, left + 1, scr->cols - cw - 3 - (left + 1),
                    running ? ROLE_TIMER_RUNNING : ROLE_TIMER_PAUSED, CANVAS_RIGHT, timer);
}

/* The scope of V's frame's keys (generic: no frame). */
static enum scope outer_scope(const struct view *v)
{
    return v->frame ? v->frame->scope : SCOPE_GENERIC;
}

static bool bar_has(const struct view_bar_item *bar, enum action action)
{
    for (; bar && bar->action != ACT_NONE; bar++)
        if (bar->action == action)
            return true;
    return false;
}

/* The frame's items first (a chart's tab keys), then the view's not among them. */
static void draw_keybar(struct app *app, const struct canvas *scr)
{
    struct view *v = app->top;
    struct canvas bar = canvas_sub(scr, scr->rows - 1, 0, 1, scr->cols);
    canvas_fill(&bar, 0, ROLE_KEY_BAR);
    const struct view_bar_item *fbar = v->frame ? v->frame->bar : NULL, *items[48];
    size_t n = 0;
    for (const struct view_bar_item *b = fbar; b && b->action != ACT_NONE && n < 48; b++)
        items[n++] = b;
    for (const struct view_bar_item *b = v->ops->bar; b && b->action != ACT_NONE && n < 48; b++)
        if (!bar_has(fbar, b->action))
            items[n++] = b;
    int x = 0;
    for (size_t i = 0; i < n; i++) {
        const struct view_bar_item *b = items[i];
        int key = keymap_key_for_in(&app->keys, v->ops->scope, outer_scope(v), b->action);
        if (key == TK_NONE)
            continue;
        char label[32];
        key_label(key, label, sizeof label);
        /* the whole item must fit: "KEY LABEL " */
        if (x + uw_width(label) + 2 + uw_width(b->label ? b->label : action_name(b->action)) >
            bar.cols)
            break;
        x += canvas_text(&bar, 0, x, -1, ROLE_KEY_BAR_KEY, 0, label);
        x += canvas_printf(&bar, 0, x, -1, ROLE_KEY_BAR, 0, " %s ",
                           b->label ? b->label : action_name(b->action));
        x += 1;
    }
}

static void draw_too_small(const struct canvas *scr)
{
    canvas_clear(scr, ROLE_DEFAULT);
    canvas_printf(scr, scr->rows / 2, 0, scr->cols, ROLE_WARNING, CANVAS_CENTER,
                  "caredesk needs at least %dx%d; this terminal is %dx%d", MIN_COLS, MIN_ROWS,
                  scr->cols, scr->rows);
}

static bool too_small(const struct canvas *scr)
{
    return scr->rows < MIN_ROWS || scr->cols < MIN_COLS;
}

static void draw(struct app *app)
{
    struct canvas scr = canvas_screen(app->top->ops->scope);
    term_cursor(-1, 0);
    if (too_small(&scr)) {
        draw_too_small(&scr);
        term_flush(app->full_redraw);
        app->full_redraw = false;
        return;
    }
    struct canvas area = canvas_sub(&scr, 1, 0, scr.rows - 3, scr.cols);
    prepare(app, area.rows, area.cols);
    canvas_clear(&scr, ROLE_DEFAULT);
    draw_status(app, &scr);
    struct view *v = app->top;
    int fr = frame_rows(v, area.rows);
    if (fr) {
        struct canvas frame = canvas_sub(&area, 0, 0, fr, area.cols);
        v->frame->draw(v, &frame);
        area = canvas_sub(&area, fr, 0, area.rows - fr, area.cols);
    }
    v->ops->draw(v, &area);
    app->top->dirty &= ~(unsigned)VIEW_REPAINT;
    if (app->msg[0]) {
        /* a sentence that says what to do is never cut: a long one rises over the view's last
         * rows (up to three lines) until the next key */
        size_t starts[4];
        int n = (int)edit_wrap(app->msg, strlen(app->msg), scr.cols - 2, starts, 4);
        n = n < 1 ? 1 : n > 3 ? 3 : n;
        struct canvas msg = canvas_sub(&scr, scr.rows - 1 - n, 0, n, scr.cols);
        canvas_clear(&msg, ROLE_DEFAULT);
        canvas_wrapped(&msg, 0, 1, scr.cols - 2, n, app->msg_role, app->msg);
    }
    draw_keybar(app, &scr);
    for (int i = 0; i < app->nmodal; i++) {
        struct canvas ms = canvas_screen(SCOPE_GENERIC);
        app->modal[i].ops->draw(app->modal[i].obj, &ms);
    }
    term_flush(app->full_redraw);
    app->full_redraw = false;
}

/* The help overlay: the keymap of the top view (its scope first, then generic), grouped as in
 * actions.def, so it can never disagree with the bindings. */
/* The help's lines: kind (g = group, s = section, k = key line), keys, text. */
#define HELP_COLUMNS(X) X(HELP_KIND, "kind") X(HELP_KEYS, "keys") X(HELP_TEXT, "text")
enum help_col { HELP_COLUMNS(CD_PAGE_COL_ENUM) HELP_NCOLS };

struct help {
    struct cd_page lines; /* HELP_COLUMNS */
    struct list list;
    const char *title;
};

static void help_add(struct help *h, const char *kind, const char *keys, const char *text)
{
    const char *row[HELP_NCOLS] = {[HELP_KIND] = kind, [HELP_KEYS] = keys, [HELP_TEXT] = text};
    cd_page_add_row(&h->lines, row);
}

static void help_scope(struct help *h, const struct keymap *km, enum scope scope, enum scope top,
                       enum scope outer, const char *section)
{
    const char *group = NULL;
    bool any = false;
    for (const struct action_info *a = action_table; a->help; a++) {
        if (!a->name) {
            group = a->help;
            continue;
        }
        int keys[8];
        size_t n = keymap_keys(km, scope, a->action, keys, 8);
        struct cd_strbuf sb = CD_STRBUF_INIT;
        for (size_t i = 0; i < n; i++) {
            if (scope != top && keymap_lookup_in(km, top, outer, keys[i]) != a->action)
                continue; /* the view binds this key to something else */
            char name[32];
            cd_strbuf_addf(&sb, "%s%s", sb.len ? " " : "", key_format(keys[i], name, sizeof name));
        }
        if (sb.len) {
            if (!any)
                help_add(h, "s", "", section);
            if (group)
                help_add(h, "g", "", group);
            group = NULL;
            any = true;
            help_add(h, "k", cd_strbuf_str(&sb), a->help);
        }
        cd_strbuf_free(&sb);
    }
}

/* The keys' column of the section holding line R: as wide as its widest keys (at most MOST), so
 * a view's one-letter keys leave the room to their descriptions. */
static int help_keys_width(const struct help *h, size_t r, int most)
{
    size_t first = r, end = r + 1;
    while (first > 0 && cd_page_cell(&h->lines, first, HELP_KIND)[0] != 's')
        first--;
    while (end < h->lines.nrows && cd_page_cell(&h->lines, end, HELP_KIND)[0] != 's')
        end++;
    int kw = 1;
    for (size_t i = first; i < end; i++)
        if (cd_page_cell(&h->lines, i, HELP_KIND)[0] == 'k') {
            int w = uw_width(cd_page_cell(&h->lines, i, HELP_KEYS));
            kw = w > kw ? w : kw;
        }
    return kw < most ? kw : most;
}

static void help_draw(void *obj, const struct canvas *screen)
{
    struct help *h = obj;
    struct canvas outer = canvas_centered(screen, screen->rows - 4, screen->cols - 8);
    char title[80];
    snprintf(title, sizeof title, "Keys: %s (Esc closes)", h->title);
    struct canvas in = canvas_box(&outer, ROLE_BORDER, title);
    canvas_clear(&in, ROLE_HELP);
    h->list.count = h->lines.nrows;
    h->list.rows = (size_t)in.rows;
    list_ensure_visible(&h->list);
    for (size_t i = 0; i < list_visible(&h->list); i++) {
        size_t r = h->list.top + i;
        const char *kind = cd_page_cell(&h->lines, r, HELP_KIND);
        const char *keys = cd_page_cell(&h->lines, r, HELP_KEYS);
        const char *text = cd_page_cell(&h->lines, r, HELP_TEXT);
        if (kind[0] == 's')
            canvas_text(&in, (int)i, 0, -1, ROLE_TITLE, 0, text);
        else if (kind[0] == 'g')
            canvas_text(&in, (int)i, 1, -1, ROLE_HELP_GROUP, 0, text);
        else {
            int kw = help_keys_width(h, r, in.cols / 3);
            canvas_text(&in, (int)i, 3, kw, ROLE_HELP_KEY, 0, keys);
            canvas_text(&in, (int)i, 5 + kw, -1, ROLE_HELP, 0, text);
        }
    }
}

static enum app_modal_result help_key(void *obj, int key)
{
    struct help *h = obj;
    switch (key) {
    case TK_UP:
    case 'k':
        list_move(&h->list, -1);
        h->list.cursor = h->list.top;
        break;
    case TK_DOWN:
    case 'j':
        if (h->list.top + h->list.rows < h->list.count)
            h->list.top++;
        h->list.cursor = h->list.top;
        break;
    case TK_PGUP: list_page(&h->list, -1); break;
    case TK_PGDOWN:
    case ' ': list_page(&h->list, 1); break;
    case TK_HOME: list_home(&h->list); break;
    case TK_END: list_end(&h->list); break;
    case TK_ESC:
    case 'q':
    case '?':
    case TK_ENTER:
    case TK_F0 + 1: return APP_MODAL_CLOSE;
    default: break;
    }
    return APP_MODAL_KEEP;
}

static void help_free(void *obj)
{
    struct help *h = obj;
    cd_page_free(&h->lines);
    free(h);
}

static const struct app_modal_ops help_ops = {
    .draw = help_draw,
    .key = help_key,
    .free = help_free,
};

static void help_open(struct app *app)
{
    struct help *h = calloc(1, sizeof *h);
    if (!h)
        return;
    static const char *const cols[] = {HELP_COLUMNS(CD_PAGE_COL_NAME)};
    cd_page_set_columns(&h->lines, HELP_NCOLS, cols);
    enum scope top = app->top->ops->scope, outer = outer_scope(app->top);
    h->title = app->top->ops->name;
    char section[64];
    snprintf(section, sizeof section, "In the %s view", scope_name(top));
    if (top != SCOPE_GENERIC)
        help_scope(h, &app->keys, top, top, outer, section);
    if (outer != SCOPE_GENERIC && outer != top) {
        snprintf(section, sizeof section, "In the %s", scope_name(outer));
        help_scope(h, &app->keys, outer, top, outer, section);
    }
    help_scope(h, &app->keys, SCOPE_GENERIC, top, outer, "Everywhere");
    if (h->lines.arena.oom) {
        help_free(h);
        return;
    }
    app_modal_push(app, &help_ops, h);
}

/* Search the top view for its needle from the cursor in DIR. */
static void search(struct app *app, int dir)
{
    struct view *v = app->top;
    struct cd_error err = {0};
    if (!v->search[0]) {
        app_message(app, "No search yet: press / first");
        return;
    }
    if (v->list.count == 0)
        return;
    size_t found = 0;
    int rc = CD_ENOTFOUND;
    if (v->ops->find) {
        rc = v->ops->find(v, v->search, v->list.cursor, dir, &found, &err);
    } else if (v->ops->match) {
        size_t n = v->list.count;
        for (size_t k = 1; k <= n && rc; k++) {
            size_t r = dir > 0 ? (v->list.cursor + k) % n : (v->list.cursor + n - k % n) % n;
            if (v->ops->match(v, r, v->search))
                rc = 0, found = r;
        }
    } else {
        app_message(app, "This view has nothing to search");
        return;
    }
    if (rc == CD_ENOTFOUND)
        app_message(app, "Not found: %s", v->search);
    else if (rc)
        app_error(app, &err);
    else {
        if ((dir > 0 && found <= v->list.cursor) || (dir < 0 && found >= v->list.cursor))
            app_message(app, "Search wrapped: %s", v->search);
        else
            app->msg[0] = '\0';
        list_select(&v->list, found);
    }
}

/* As in less and vim: the prompt starts empty, and an empty Enter searches for the last text. */
static void search_done(struct view *v, const char *text, void *ctx)
{
    (void)ctx;
    if (!text || (!*text && !v->search[0]))
        return;
    if (*text)
        snprintf(v->search, sizeof v->search, "%s", text);
    search(v->app, 1);
}

/* The generic handler: what the view passed up. */
static void generic(struct app *app, enum action action)
{
    struct view *v = app->top;
    switch (action) {
    case ACT_MOVE_UP: list_move(&v->list, -1); break;
    case ACT_MOVE_DOWN: list_move(&v->list, 1); break;
    case ACT_PAGE_UP: list_page(&v->list, -1); break;
    case ACT_PAGE_DOWN: list_page(&v->list, 1); break;
    case ACT_MOVE_FIRST: list_home(&v->list); break;
    case ACT_MOVE_LAST: list_end(&v->list); break;
    case ACT_SEARCH:
        if (v->ops->match || v->ops->find)
            prompt_text(v, "Search:", NULL, search_done, NULL);
        else
            app_message(app, "This view has nothing to search");
        break;
    case ACT_SEARCH_NEXT: search(app, 1); break;
    case ACT_SEARCH_PREV: search(app, -1); break;
    case ACT_BACK:
        if (v->below)
            app_pop(app);
        else
            app->quit = true;
        break;
    case ACT_REFRESH:
        v->dirty |= VIEW_REFLOW | VIEW_RELOAD;
        app->full_redraw = true;
        break;
    case ACT_HELP: help_open(app); break;
    case ACT_QUIT: app->quit = true; break;
    case ACT_APPOINTMENTS: /* a chart shows its patient's on its tab (tui/chart_frame.c) */
        app_push(app, &view_appointments_ops, NULL);
        break;
    case ACT_TIMER_TOGGLE: timer_ui_toggle(app); break;
    case ACT_TIMER_PAUSE: timer_ui_pause(app); break;
    default: break;
    }
    app->top->dirty |= VIEW_REPAINT; /* not v: back may have closed it */
}

static void modal_key(struct app *app, int key)
{
    struct modal m = app->modal[app->nmodal - 1];
    if (m.ops->key(m.obj, key) == APP_MODAL_CLOSE) {
        /* the callback may have pushed another modal: remove this one wherever it is */
        for (int i = 0; i < app->nmodal; i++)
            if (app->modal[i].obj == m.obj) {
                memmove(&app->modal[i], &app->modal[i + 1],
                        (size_t)(app->nmodal - i - 1) * sizeof app->modal[0]);
                app->nmodal--;
                break;
            }
        m.ops->free(m.obj);
    }
}

static void handle_key(struct app *app, int key)
{
    struct view *v = app->top;
    struct canvas scr = canvas_screen(SCOPE_GENERIC);
    enum action action = keymap_lookup_in(&app->keys, v->ops->scope, outer_scope(v), key);
    if (too_small(&scr)) {
        if (action == ACT_QUIT || (action == ACT_BACK && !v->below && !app->nmodal))
            app->quit = true;
        return;
    }
    app->msg[0] = '\0';
    if (timer_ui_key(app, key))
        return;
    if (app->nmodal) {
        modal_key(app, key);
        return;
    }
    if (action == ACT_NONE) {
        char name[32];
        app_message(app, "%s is not bound here; ? shows the keys",
                    key_format(key, name, sizeof name));
        return;
    }
    if (v->ops->act)
        action = v->ops->act(v, action);
    if (action != ACT_NONE && app->top == v && v->frame && v->frame->act)
        action = v->frame->act(v, action);
    if (action != ACT_NONE && app->top == v)
        generic(app, action);
}

/* Milliseconds to the next whole second of the clock, at most TICK_MS. */
static int tick_ms(void)
{
    struct timeval tv;
    gettimeofday(&tv, NULL);
    int ms = 1000 - (int)(tv.tv_usec / 1000);
    return ms < TICK_MS ? (ms < 10 ? 10 : ms) : TICK_MS;
}

static int run(struct app *app)
{
    if (app_push(app, &view_worklist_ops, NULL))
        return EXIT_FAIL;
    app->data_version = cd_store_data_version(app->store);
    timer_ui_start(app);
    while (!app->quit) {
        int sig = term_quit_signal();
        if (sig) {
            app->exit_status = sig == SIGINT ? 130 : 128 + sig;
            break;
        }
        poll_changes(app);
        timer_ui_tick(app);
        wlgen_poll(app);
        draw(app);
        int key = term_getkey(wlgen_busy() ? WLGEN_POLL_MS : tick_ms());
        if (key == TK_NONE)
            continue;
        if (key == TK_CTRL('c')) { /* always leaves, like SIGINT: not a bindable key */
            app->exit_status = 130;
            break;
        }
        if (key == TK_RESIZE) {
            app->top->dirty |= VIEW_REFLOW;
            continue;
        }
        handle_key(app, key);
    }
    wlgen_stop();
    return app->exit_status;
}

static void app_free(struct app *app)
{
    while (app->nmodal > 0) {
        app->nmodal--;
        app->modal[app->nmodal].ops->free(app->modal[app->nmodal].obj);
    }
    while (app->top) {
        struct view *v = app->top;
        app->top = v->below;
        view_free(v);
    }
    keymap_free(&app->keys);
    free(app->clinic);
    app->clinic = NULL;
}

static bool want_mono(const struct app_options *opts)
{
    const char *nc = getenv("NO_COLOR");
    return opts->no_color || (nc && *nc);
}

/* --demo: on first use, fill the new database with 2,000 demo patients around today, in the
 * demo clinic's zone; then act as the demo coordinator. */
static int demo_prepare(struct session *s, struct cd_error *err)
{
    int64_t nusers = 0;
    int rc = cd_user_count(s->store, &nusers, err);
    if (!rc && nusers == 0) {
        struct cd_demo_opts o = {.patients = 2000, .seed = 1, .supervisor = s->login};
        struct cd_strbuf path = CD_STRBUF_INIT; /* $HOME is text from outside */
        cd_text_safe(&path, s->db_path, strlen(s->db_path), 0);
        fprintf(stderr, "caredesk: creating the demo database %s (2,000 patients)...\n",
                cd_strbuf_str(&path));
        cd_strbuf_free(&path);
        if ((rc = cd_settings_set(s->store, "timezone", "America/New_York", err)) ||
            (rc = cd_settings_set(s->store, "clinic_name", "Riverside Family Clinic (demo)", err)))
            return rc;
        if (session_apply_now(s, err))
            return EXIT_USAGE;
        rc = cd_demo_generate(s->store, &o, NULL, err);
    }
    if (!rc) /* the demo database is the caller's own: --user is theirs to choose */
        s->requested = CD_DEMO_COORDINATOR;
    return rc ? EXIT_FAIL : 0;
}

static bool have_terminal(struct cd_error *err)
{
    if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
        return true;
    cd_error_set(err, CD_EINVAL,
                 "the workstation needs a terminal on stdin and stdout; for scripts use the "
                 "sub-commands (caredesk --help)");
    return false;
}

int app_main(struct session *s, const struct app_options *opts, struct cd_error *err)
{
    struct app app = {.ses = s};
    struct theme *theme = malloc(sizeof *theme);
    int rc = EXIT_FAIL;
    if (!theme) {
        cd_error_set(err, CD_ENOMEM, "out of memory");
        return EXIT_FAIL;
    }
    if (theme_load(theme, opts->theme, err) || keymap_load(&app.keys, err) ||
        (opts->demo && !have_terminal(err)) ||
        session_open(s, opts->demo ? CD_STORE_CREATE : 0, err))
        goto out;
    if (session_apply_now(s, err)) {
        rc = EXIT_USAGE;
        goto out;
    }
    if (opts->demo && (rc = demo_prepare(s, err)))
        goto out;
    rc = EXIT_FAIL;
    /* 16 MiB of page cache: a coordinator's list and its look-ups stay in memory, so a key press
     * that re-reads them does not go back to the file (about 2x faster at 100,000 patients) */
    if (session_identify(s, false, err) || !have_terminal(err) ||
        cd_store_set_cache(s->store, 16384, err) ||
        cd_settings_get(s->store, "clinic_name", &app.clinic, err))
        goto out;
    app.store = s->store;
    if (term_start(theme, want_mono(opts), err))
        goto out;
    rc = run(&app);
    app_free(&app);
    term_stop();
out:
    keymap_free(&app.keys);
    free(app.clinic);
    free(theme);
    return rc;
}
