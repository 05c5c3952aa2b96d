/* SPDX-License-Identifier: MIT */
/* The list model every list screen shares: count, cursor, top and visible rows, plus the window
 * of rows the view holds (keyset paging). Pure arithmetic, no curses (ncdu dirlist.c). */
#ifndef CD_TUI_SCREEN_LIST_H
#define CD_TUI_SCREEN_LIST_H

#include <stdbool.h>
#include <stddef.h>

struct list {
    size_t count;  /* rows in the whole list (may be far more than the view holds) */
    size_t cursor; /* the selected row, < count (0 when empty) */
    size_t top;    /* the first visible row */
    size_t rows;   /* visible rows (the height of the list area) */
    size_t first;  /* the window the view holds: rows [first, first + held) */
    size_t held;
};

/* Set the list's size and visible height, keeping the cursor in range and on screen. */
void list_reset(struct list *l, size_t count, size_t rows);
/* Move the cursor by DELTA rows (negative: up), clamped; keeps it visible. */
void list_move(struct list *l, long delta);
/* Move by DIR (+1/-1) pages; the top moves with the cursor, as in most pagers. */
void list_page(struct list *l, int dir);
/* Jump to the first / last row. */
void list_home(struct list *l);
void list_end(struct list *l);
/* Put the cursor on ROW (clamped) and make it visible. */
void list_select(struct list *l, size_t row);
/* Scroll as little as possible so the cursor is visible (and the last page is full). */
void list_ensure_visible(struct list *l);
/* Rows visible now: [l->top, l->top + list_visible(l)). */
size_t list_visible(const struct list *l);

/* Keyset paging: true when the held window does not cover the visible rows; *FIRST and *N then
 * get the window to fetch (about three screens centred on the visible rows, clamped to the list)
 * and the view fetches those rows from core, then calls list_window_set. */
bool list_window_needed(const struct list *l, size_t *first, size_t *n);
/* Record that the view now holds rows [FIRST, FIRST + N). */
void list_window_set(struct list *l, size_t first, size_t n);
/* Index of ROW inside the held window, or -1 when the view does not hold it. */
long list_window_index(const struct list *l, size_t row);

/* Column layout: N columns with minimum widths MIN[i] and growth weights WEIGHT[i] (0: fixed),
 * separated by SEP columns, share WIDTH columns. A column of MIN 0 is left out (width 0, no
 * separator). Columns left of the first one that does not fit at its minimum are kept; WIDTHS[i]
 * gets each width (0 = hidden). Spare columns go to the weighted columns in proportion, the
 * remainder to the first ones. Returns the columns laid out: those before the first that did not
 * fit (some of them may be left out, width 0). */
size_t list_columns_fit(size_t n, const int *min, const int *weight, int sep, int width,
                        int *widths);

#endif
