/* SPDX-License-Identifier: MIT */
/* List arithmetic: cursor, scrolling, paging, the held window and column widths. */
#include "config.h"
#include "tui/screen/list.h"

void list_ensure_visible(struct list *l)
{
    if (l->count == 0) {
        l->cursor = l->top = 0;
        return;
    }
    if (l->cursor >= l->count)
        l->cursor = l->count - 1;
    size_t rows = l->rows ? l->rows : 1;
    if (l->cursor < l->top)
        l->top = l->cursor;
    else if (l->cursor >= l->top + rows)
        l->top = l->cursor - rows + 1;
    /* no blank rows below the end when the list could fill the screen */
    if (l->count >= rows && l->top > l->count - rows)
        l->top = l->count - rows;
    if (l->count < rows)
        l->top = 0;
}

void list_reset(struct list *l, size_t count, size_t rows)
{
    l->count = count;
    l->rows = rows;
    list_ensure_visible(l);
}

void list_move(struct list *l, long delta)
{
    if (l->count == 0)
        return;
    if (delta < 0 && (size_t)-delta > l->cursor)
        l->cursor = 0;
    else if (delta > 0 && (size_t)delta >= l->count - l->cursor)
        l->cursor = l->count - 1;
    else
        l->cursor = (size_t)((long)l->cursor + delta);
    list_ensure_visible(l);
}

void list_page(struct list *l, int dir)
{
    if (l->count == 0)
        return;
    size_t rows = l->rows > 1 ? l->rows - 1 : 1; /* keep one row of context */
    size_t off = l->cursor - l->top;
    if (dir > 0) {
        if (l->top + l->rows >= l->count) {
            l->cursor = l->count - 1;
        } else {
            l->top += rows;
            l->cursor = l->top + off < l->count ? l->top + off : l->count - 1;
        }
    } else {
        if (l->top == 0) {
            l->cursor = 0;
        } else {
            l->top = l->top > rows ? l->top - rows : 0;
            l->cursor = l->top + off;
        }
    }
    list_ensure_visible(l);
}

void list_home(struct list *l)
{
    l->cursor = 0;
    l->top = 0;
}

void list_end(struct list *l)
{
    l->cursor = l->count ? l->count - 1 : 0;
    list_ensure_visible(l);
}

void list_select(struct list *l, size_t row)
{
    l->cursor = row;
    list_ensure_visible(l);
}

size_t list_visible(const struct list *l)
{
    if (l->top >= l->count)
        return 0;
    size_t left = l->count - l->top;
    return left < l->rows ? left : l->rows;
}

bool list_window_needed(const struct list *l, size_t *first, size_t *n)
{
    size_t vis = list_visible(l);
    if (vis == 0) {
        *first = *n = 0;
        return l->held != 0 || l->first != 0;
    }
    if (l->top >= l->first && l->top + vis <= l->first + l->held)
        return false;
    size_t rows = l->rows ? l->rows : 1;
    size_t f = l->top > rows ? l->top - rows : 0;
    size_t want = 3 * rows;
    if (f + want > l->count)
        want = l->count - f;
    *first = f;
    *n = want;
    return true;
}

void list_window_set(struct list *l, size_t first, size_t n)
{
    l->first = first;
    l->held = n;
}

long list_window_index(const struct list *l, size_t row)
{
    if (row < l->first || row >= l->first + l->held)
        return -1;
    return (long)(row - l->first);
}

size_t list_columns_fit(size_t n, const int *min, const int *weight, int sep, int width,
                        int *widths)
{
    size_t shown = 0;
    int used = 0, wsum = 0;
    for (size_t i = 0; i < n; i++)
        widths[i] = 0;
    bool any = false;
    for (; shown < n; shown++) {
        size_t i = shown;
        if (min[i] <= 0)
            continue;
        int need = min[i] + (any ? sep : 0);
        if (used + need > width)
            break;
        used += need;
        widths[i] = min[i];
        wsum += weight[i];
        any = true;
    }
    int spare = width - used;
    if (spare > 0 && wsum > 0) {
        int given = 0;
        for (size_t i = 0; i < shown; i++) {
            if (!widths[i])
                continue;
            int add = spare * weight[i] / wsum;
            widths[i] += add;
            given += add;
        }
        for (size_t i = 0; i < shown && given < spare; i++)
            if (weight[i] && widths[i]) {
                widths[i]++;
                given++;
            }
    }
    return shown;
}
