/* SPDX-License-Identifier: MIT */
/* The list arithmetic (tui/list.c, compiled in directly): moves, pages, ends, the held window
 * and column widths. No curses. */
#include "config.h"

#include "tests/lib/tap.h"
#include "tui/screen/list.h"

static void moves(void)
{
    struct list l = {0};
    list_reset(&l, 100, 10);
    is_int(l.cursor, 0, "starts at the top");
    list_move(&l, 1);
    is_int(l.cursor, 1, "down one");
    list_move(&l, -5);
    is_int(l.cursor, 0, "up clamps at 0");
    list_move(&l, 9);
    is_int(l.top, 0, "row 9 still visible from top 0");
    list_move(&l, 1);
    is_int(l.cursor, 10, "row 10");
    is_int(l.top, 1, "scrolls by one");
    list_move(&l, 1000);
    is_int(l.cursor, 99, "down clamps at the end");
    is_int(l.top, 90, "last page full");
    list_home(&l);
    is_int(l.cursor, 0, "home cursor");
    is_int(l.top, 0, "home top");
    list_end(&l);
    is_int(l.cursor, 99, "end cursor");
    is_int(l.top, 90, "end top");
    list_select(&l, 42);
    is_int(l.cursor, 42, "select");
    is_int(l.top, 42, "select scrolls up to it");
    is_int(list_visible(&l), 10, "ten visible");
}

static void pages(void)
{
    struct list l = {0};
    list_reset(&l, 100, 10);
    list_move(&l, 3);
    list_page(&l, 1);
    is_int(l.top, 9, "page down keeps one row of context");
    is_int(l.cursor, 12, "cursor keeps its screen row");
    list_page(&l, -1);
    is_int(l.top, 0, "page up");
    is_int(l.cursor, 3, "cursor back");
    list_page(&l, -1);
    is_int(l.cursor, 0, "page up at the top goes to row 0");
    list_end(&l);
    list_page(&l, 1);
    is_int(l.cursor, 99, "page down at the end stays");
    list_reset(&l, 5, 10);
    list_page(&l, 1);
    is_int(l.cursor, 4, "short list: page down to the last row");
    is_int(l.top, 0, "short list top");
    is_int(list_visible(&l), 5, "five visible");
}

static void empty_and_shrink(void)
{
    struct list l = {0};
    list_reset(&l, 0, 10);
    list_move(&l, 1);
    list_page(&l, 1);
    list_end(&l);
    is_int(l.cursor, 0, "empty list cursor 0");
    is_int(list_visible(&l), 0, "empty list shows nothing");
    list_reset(&l, 50, 10);
    list_end(&l);
    list_reset(&l, 20, 10);
    is_int(l.cursor, 19, "shrinking clamps the cursor");
    is_int(l.top, 10, "and the top");
    list_reset(&l, 20, 5);
    is_int(l.top, 15, "a smaller screen keeps the cursor visible");
}

static void window(void)
{
    struct list l = {0};
    size_t first, n;
    list_reset(&l, 100000, 20);
    ok(list_window_needed(&l, &first, &n), "nothing held yet");
    is_int(first, 0, "fetch from 0");
    is_int(n, 60, "three screens");
    list_window_set(&l, first, n);
    ok(!list_window_needed(&l, &first, &n), "held window covers the screen");
    is_int(list_window_index(&l, 59), 59, "row 59 is held");
    is_int(list_window_index(&l, 60), -1, "row 60 is not");
    list_select(&l, 70);
    ok(list_window_needed(&l, &first, &n), "scrolling past the window needs a fetch");
    is_int(first, 31, "one screen before the top");
    is_int(n, 60, "three screens");
    list_end(&l);
    ok(list_window_needed(&l, &first, &n), "the end needs a fetch");
    is_int(first, 99960, "window at the end");
    is_int(n, 40, "clamped to the list");
}

static void columns(void)
{
    int min[] = {8, 20, 10}, weight[] = {0, 2, 1}, w[3];
    is_int(list_columns_fit(3, min, weight, 1, 40, w), 3, "all fit at 40");
    is_int(w[0], 8, "fixed column");
    is_int(w[1], 20, "no spare");
    is_int(w[2], 10, "no spare");
    is_int(list_columns_fit(3, min, weight, 1, 70, w), 3, "wider");
    is_int(w[0], 8, "fixed stays");
    is_int(w[1], 40, "weight 2 gets 20 of 30");
    is_int(w[2], 20, "weight 1 gets 10");
    is_int(list_columns_fit(3, min, weight, 1, 30, w), 2, "narrow: the last column hides");
    is_int(w[2], 0, "hidden");
    is_int(w[1], 21, "spare to the weighted");
    int opt[] = {8, 0, 10};
    is_int(list_columns_fit(3, opt, weight, 1, 40, w), 3, "a column of min 0 is left out");
    is_int(w[1], 0, "its width is 0");
    is_int(w[0] + w[2] + 1, 40, "the others share the width with one separator");
    is_int(w[2], 31, "the spare goes to the weighted one left");
}

int main(void)
{
    moves();
    pages();
    empty_and_shrink();
    window();
    columns();
    return done_testing();
}
