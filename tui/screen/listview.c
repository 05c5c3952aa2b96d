/* SPDX-License-Identifier: MIT */
/* List drawing: header, rows one at a time from the view, column layout by list_columns_fit. */
#include "config.h"
#include "tui/screen/listview.h"

#include <stdbool.h>

#define COLUMN_GAP 1

int list_draw_rows(const struct canvas *c, bool header)
{
    int rows = c->rows - (header ? 1 : 0);
    return rows > 0 ? rows : 0;
}

void list_draw(struct view *v, const struct canvas *c, const struct list_column *columns, size_t n)
{
    int min[LIST_MAX_COLUMNS] = {0}, weight[LIST_MAX_COLUMNS] = {0}, widths[LIST_MAX_COLUMNS];
    if (n > LIST_MAX_COLUMNS)
        n = LIST_MAX_COLUMNS;
    for (size_t i = 0; i < n; i++) {
        bool room = !columns[i].wide || c->cols >= columns[i].wide;
        min[i] = room ? columns[i].min : 0;
        weight[i] = room ? columns[i].weight : 0;
    }
    /* one column of margin on each side */
    size_t shown = list_columns_fit(n, min, weight, COLUMN_GAP, c->cols - 2, widths);
    int y = 0;
    if (n) {
        canvas_fill(c, 0, ROLE_HEADER);
        int x = 1;
        for (size_t i = 0; i < shown; i++) {
            if (!widths[i])
                continue;
            canvas_text(c, 0, x, widths[i], ROLE_HEADER, columns[i].flags, columns[i].title);
            x += widths[i] + COLUMN_GAP;
        }
        y = 1;
    }
    struct list *l = &v->list;
    l->rows = (size_t)list_draw_rows(c, n > 0);
    list_ensure_visible(l);
    if (l->count == 0) {
        if (v->ops->empty)
            canvas_text(c, y + 1, 2, c->cols - 4, ROLE_DIM, 0, v->ops->empty);
        return;
    }
    size_t vis = list_visible(l);
    for (size_t i = 0; i < vis; i++) {
        struct list_row row = {
            .c = canvas_sub(c, y + (int)i, 0, 1, c->cols),
            .index = l->top + i,
            .selected = l->top + i == l->cursor,
            .columns = columns,
            .widths = widths,
            .ncolumns = shown,
        };
        if (row.selected)
            canvas_fill(&row.c, 0, ROLE_SELECTED);
        if (v->ops->draw_row)
            v->ops->draw_row(v, &row);
    }
}

int list_row_x(const struct list_row *row, size_t col)
{
    int x = 1;
    for (size_t i = 0; i < col && i < row->ncolumns; i++)
        if (row->widths[i])
            x += row->widths[i] + COLUMN_GAP;
    return x;
}

void list_row_cell(const struct list_row *row, size_t col, enum role role, const char *text)
{
    if (col >= row->ncolumns || !text || !row->widths[col])
        return;
    int x = list_row_x(row, col);
    canvas_text(&row->c, 0, x, row->widths[col], row->selected ? ROLE_SELECTED : role,
                row->columns[col].flags, text);
}

void list_row_cells(const struct list_row *row, enum role role, const char *const *cells)
{
    canvas_fill(&row->c, 0, row->selected ? ROLE_SELECTED : role);
    for (size_t i = 0; i < row->ncolumns; i++)
        list_row_cell(row, i, role, cells[i]);
}
