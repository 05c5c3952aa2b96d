/* SPDX-License-Identifier: MIT */
/* The view abstraction every screen implements (tig's view_ops; neomutt's dirty bits; htop's
 * panel stack). app.c owns the loop and calls these; no view loops or reads keys itself. */
#ifndef CD_TUI_SCREEN_VIEW_H
#define CD_TUI_SCREEN_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/base/error.h"
#include "tui/keys/keymap.h"
#include "tui/screen/canvas.h"
#include "tui/screen/list.h"

struct app;
struct list_column;
struct view;

/* What app.c must do for a view before it is drawn next (neomutt WA_*). */
enum view_dirty {
    VIEW_REFLOW = 1,  /* the size changed: call layout */
    VIEW_RELOAD = 2,  /* the data changed: call reload (and fetch the window again) */
    VIEW_REPAINT = 4, /* draw again (app.c draws the top view every pass anyway) */
};

/* ops->watches: the view reloads when another process changes the database. */
#define VIEW_WATCH_ALL 1u

/* What Enter hands the view it opens (app_push). */
struct view_args {
    int64_t id;       /* e.g. a patient id */
    const char *text; /* e.g. a filter; copied by open when kept */
    bool alone;       /* a patient's screen on its own, not as a tab of the chart (chart_frame.h) */
};

/* One key bar item: the action and its short label ("Help"); the key comes from the keymap. */
struct view_bar_item {
    enum action action;
    const char *label;
};

/* One list row to draw (list_draw calls ops->draw_row with it). */
struct list_row {
    struct canvas c;                   /* the row: c.rows == 1 */
    size_t index;                      /* the row's index in the whole list */
    bool selected;                     /* the cursor row: draw it in ROLE_SELECTED */
    const struct list_column *columns; /* the layout list_draw computed */
    const int *widths;
    size_t ncolumns;
};

struct view_ops {
    const char *name;  /* "home": matches the scope name; also the help title */
    enum scope scope;  /* keymap and theme scope (tui/views.def) */
    size_t state_size; /* app allocates and zeroes view->state */
    unsigned watches;  /* VIEW_WATCH_ALL: reload when another process changes the database */
    const struct view_bar_item *bar; /* key bar items, ending with {ACT_NONE, NULL} */
    const char *empty;               /* what list_draw shows for an empty list, or NULL */

    /* Set up from ARGS (may be NULL); the first reload follows. Errors keep the view closed. */
    int (*open)(struct view *v, const struct view_args *args, struct cd_error *err);
    /* Ask core again: counts, and set v->list.count; never the whole table (see fetch). */
    int (*reload)(struct view *v, struct cd_error *err);
    /* Keyset paging (optional): hold rows [FIRST, FIRST + N) now, then list_window_set. */
    int (*fetch)(struct view *v, size_t first, size_t n, struct cd_error *err);
    /* The view area is ROWS x COLS now (optional). */
    void (*layout)(struct view *v, int rows, int cols);
    /* Paint from state into C; never calls core. */
    void (*draw)(struct view *v, const struct canvas *c);
    /* Paint one list row (for list_draw). */
    void (*draw_row)(struct view *v, const struct list_row *row);
    /* Handle ACTION: return ACT_NONE when consumed, else the action for the generic handler. */
    enum action (*act)(struct view *v, enum action action);
    /* `/` search over held rows: does ROW match NEEDLE (case-insensitive)? */
    bool (*match)(const struct view *v, size_t row, const char *needle);
    /* `/` search for keyset-paged views: the next row from FROM (excluded) in DIR (+1/-1),
     * wrapping; CD_ENOTFOUND when none. Used instead of match when set. */
    int (*find)(struct view *v, const char *needle, size_t from, int dir, size_t *found,
                struct cd_error *err);
    /* Free what the state holds (the state itself is app's). */
    void (*close)(struct view *v);
    /* The patient the view is about (optional): the selected row's on a list, the chart's on a
     * chart; 0 when none. The CCM timer key (timer-toggle) starts and stops for it. */
    int64_t (*patient)(struct view *v);
};

/* A frame around a view: rows above it that app.c keeps loaded and draws, and keys it offers after
 * the view's own and before generic (the patient chart's header and tabs, tui/chart_frame.c). */
struct view_frame_ops {
    enum scope scope;                /* its keys: looked up after the view's scope */
    int rows;                        /* the rows it takes above the view */
    const struct view_bar_item *bar; /* its key bar items, shown before the view's */
    /* Ask core again (with the view's reload: when another process changes the database too). */
    int (*reload)(struct view *v, struct cd_error *err);
    /* Paint into C (ROWS rows, the view's width). */
    void (*draw)(struct view *v, const struct canvas *c);
    /* What the view's act handed back: ACT_NONE when consumed (V may be gone then). */
    enum action (*act)(struct view *v, enum action action);
    /* Free what v->frame_state holds (the state itself is app's). */
    void (*close)(struct view *v);
};

struct view {
    const struct view_ops *ops;
    struct app *app;    /* the workstation: store, user, messages (tui/app.h) */
    void *state;        /* ops->state_size bytes, zeroed */
    unsigned dirty;     /* enum view_dirty bits */
    struct list list;   /* cursor, top, count, the held window */
    struct view *below; /* the stack: Enter pushes, q/Esc pops */
    int rows, cols;     /* the view area, as last given to layout */
    char search[128];   /* the last `/` needle */

    /* The frame around the view (set by open, or NULL), and its state: allocated by whoever sets
     * frame, freed by app after frame->close. */
    const struct view_frame_ops *frame;
    void *frame_state;
};

#endif
