/* SPDX-License-Identifier: MIT */
/* Drawing a list view (htop Panel): column header, then one row at a time from ops->draw_row,
 * the cursor row selected, columns that fit 80 columns and widen on larger terminals. */
#ifndef CD_TUI_SCREEN_LISTVIEW_H
#define CD_TUI_SCREEN_LISTVIEW_H

#include <stddef.h>

#include "tui/screen/canvas.h"
#include "tui/screen/view.h"

#define LIST_MAX_COLUMNS 16

/* A column: its header, the width it needs at least, how much of any spare width it takes. */
struct list_column {
    const char *title;
    int min;        /* columns at 80 wide */
    int weight;     /* share of the spare columns on wider terminals; 0 = fixed */
    unsigned flags; /* CANVAS_RIGHT for numbers */
    int wide;       /* shown only on lists this many columns wide or wider; 0 = always */
};

/* Draw V's list into C: the header of the N COLUMNS in ROLE_HEADER on the first row (none when
 * N is 0), then the visible rows through ops->draw_row, or ops->empty when the list is empty.
 * Sets v->list.rows to the rows available and keeps the cursor visible. */
void list_draw(struct view *v, const struct canvas *c, const struct list_column *columns, size_t n);
/* The rows a list in C with (HEADER true) or without a header shows. */
int list_draw_rows(const struct canvas *c, bool header);
/* Draw CELLS (one per column of ROW; NULL draws nothing) in ROLE, or ROLE_SELECTED when the row
 * is selected; the whole row is filled first. */
void list_row_cells(const struct list_row *row, enum role role, const char *const *cells);
/* Draw one cell, column COL of ROW, in ROLE (the selected role wins on the cursor row). */
void list_row_cell(const struct list_row *row, size_t col, enum role role, const char *text);
/* The x of column COL within ROW's canvas (left-out columns take no room). */
int list_row_x(const struct list_row *row, size_t col);

#endif
