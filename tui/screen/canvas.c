/* SPDX-License-Identifier: MIT */
/* Role-based drawing on the screen with UTF-8 widths; the only drawing file besides term.c
 * that includes curses. */
#include "config.h"
#include "tui/screen/canvas.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/base/strbuf.h"
#include "core/base/text.h"
#include "tui/screen/edit.h"
#include "tui/screen/provide_curses.h"

#include "tui/screen/term.h"
#include "tui/screen/uwidth.h"

static void set_role(const struct canvas *c, enum role role)
{
    unsigned long attrs;
    short pair;
    term_role((int)c->scope, (int)role, &attrs, &pair);
    wattr_set(stdscr, (attr_t)attrs, pair, NULL);
}

struct canvas canvas_screen(enum scope scope)
{
    int rows, cols;
    term_size(&rows, &cols);
    return (struct canvas){0, 0, rows, cols, scope};
}

struct canvas canvas_sub(const struct canvas *c, int y, int x, int rows, int cols)
{
    struct canvas s = {c->y + y, c->x + x, rows, cols, c->scope};
    if (y < 0)
        s.y = c->y, s.rows += y;
    if (x < 0)
        s.x = c->x, s.cols += x;
    if (s.y + s.rows > c->y + c->rows)
        s.rows = c->y + c->rows - s.y;
    if (s.x + s.cols > c->x + c->cols)
        s.cols = c->x + c->cols - s.x;
    if (s.rows < 0)
        s.rows = 0;
    if (s.cols < 0)
        s.cols = 0;
    return s;
}

struct canvas canvas_centered(const struct canvas *c, int rows, int cols)
{
    if (rows > c->rows)
        rows = c->rows;
    if (cols > c->cols)
        cols = c->cols;
    return canvas_sub(c, (c->rows - rows) / 2, (c->cols - cols) / 2, rows, cols);
}

void canvas_fill(const struct canvas *c, int y, enum role role)
{
    if (y < 0 || y >= c->rows || c->cols <= 0)
        return;
    set_role(c, role);
    mvwhline(stdscr, c->y + y, c->x, ' ', c->cols);
}

void canvas_clear(const struct canvas *c, enum role role)
{
    for (int y = 0; y < c->rows; y++)
        canvas_fill(c, y, role);
}

/* Put the N bytes of S (already cut to fit) at the cursor, as wide characters; combining marks
 * join the character before them in one cell. */
static void put(const char *s, size_t n)
{
    cchar_t cc;
    attr_t a;
    short pair;
    wattr_get(stdscr, &a, &pair, NULL);
    for (size_t i = 0, len; i < n;) {
        int32_t cp = cd_utf8_decode(s + i, n - i, &len);
        wchar_t wc[CCHARW_MAX + 1];
        int k = 0;
        wc[k++] = cp < 0x20 ? L'?' : (wchar_t)cp; /* a guard: canvas_text made the text safe */
        i += len;
        while (i < n && k < CCHARW_MAX) {
            int32_t next = cd_utf8_decode(s + i, n - i, &len);
            if (next < 0x20 || uw_cp_width(next) != 0)
                break;
            wc[k++] = (wchar_t)next;
            i += len;
        }
        wc[k] = L'\0';
        if (uw_cp_width(cp) == 0 && cp >= 0x20)
            continue; /* a combining mark with nothing before it */
        setcchar(&cc, wc, a, pair, NULL);
        wadd_wch(stdscr, &cc);
    }
}

int canvas_text(const struct canvas *c, int y, int x, int width, enum role role, unsigned flags,
                const char *s)
{
    if (y < 0 || y >= c->rows || x < 0 || x >= c->cols)
        return 0;
    if (width < 0 || x + width > c->cols)
        width = c->cols - x;
    if (width <= 0)
        return 0;
    /* text from the database or a file is shown the one terminal-safe way (\x1b, \u202e) */
    struct cd_strbuf safe = CD_STRBUF_INIT;
    if (cd_text_safe_span(s, strlen(s), 0) < strlen(s)) {
        if (cd_text_safe(&safe, s, strlen(s), 0))
            return 0;
        s = cd_strbuf_str(&safe);
    }
    size_t n = strlen(s) * 2 + 8;
    char small[512], *buf = n <= sizeof small ? small : malloc(n);
    if (!buf) {
        cd_strbuf_free(&safe);
        return 0;
    }
    int w = uw_cut(s, width, buf, n);
    int off = 0;
    if (flags & CANVAS_RIGHT)
        off = width - w;
    else if (flags & CANVAS_CENTER)
        off = (width - w) / 2;
    set_role(c, role);
    if (flags & CANVAS_PAD)
        mvwhline(stdscr, c->y + y, c->x + x, ' ', width);
    wmove(stdscr, c->y + y, c->x + x + off);
    put(buf, strlen(buf));
    if (buf != small)
        free(buf);
    cd_strbuf_free(&safe);
    return (flags & CANVAS_PAD) ? width : off + w;
}

int canvas_printf(const struct canvas *c, int y, int x, int width, enum role role, unsigned flags,
                  const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return canvas_text(c, y, x, width, role, flags, buf);
}

struct canvas canvas_box(const struct canvas *c, enum role role, const char *title)
{
    if (c->rows < 2 || c->cols < 2)
        return canvas_sub(c, 0, 0, 0, 0);
    canvas_clear(c, role);
    set_role(c, role);
    int top = c->y, left = c->x, bottom = c->y + c->rows - 1, right = c->x + c->cols - 1;
    mvwhline_set(stdscr, top, left + 1, WACS_HLINE, c->cols - 2);
    mvwhline_set(stdscr, bottom, left + 1, WACS_HLINE, c->cols - 2);
    mvwvline_set(stdscr, top + 1, left, WACS_VLINE, c->rows - 2);
    mvwvline_set(stdscr, top + 1, right, WACS_VLINE, c->rows - 2);
    mvwadd_wch(stdscr, top, left, WACS_ULCORNER);
    mvwadd_wch(stdscr, top, right, WACS_URCORNER);
    mvwadd_wch(stdscr, bottom, left, WACS_LLCORNER);
    mvwadd_wch(stdscr, bottom, right, WACS_LRCORNER);
    if (title && *title && c->cols > 6) {
        char t[256];
        snprintf(t, sizeof t, " %s ", title);
        canvas_text(c, 0, 2, c->cols - 4, ROLE_TITLE, 0, t);
    }
    return canvas_sub(c, 1, 2, c->rows - 2, c->cols - 4);
}

void canvas_cursor(const struct canvas *c, int y, int x)
{
    term_cursor(c->y + y, c->x + x);
}

int canvas_wrapped(const struct canvas *c, int y, int x, int width, int max, enum role role,
                   const char *s)
{
    size_t starts[CANVAS_WRAP_MAX + 1], len = strlen(s);
    if (max > CANVAS_WRAP_MAX)
        max = CANVAS_WRAP_MAX;
    if (max <= 0 || width <= 0)
        return 0;
    size_t nl = edit_wrap(s, len, width, starts, (size_t)max + 1);
    int drawn = 0;
    for (size_t i = 0; i < nl && drawn < max; i++, drawn++) {
        size_t end = i + 1 < nl ? starts[i + 1] : len;
        while (end > starts[i] && (s[end - 1] == '\n' || s[end - 1] == ' '))
            end--;
        bool cut = drawn + 1 == max && nl > (size_t)max;
        canvas_printf(c, y + drawn, x, width, role, 0, "%.*s%s", (int)(end - starts[i]),
                      s + starts[i], cut ? " …" : "");
    }
    return drawn;
}
