/* SPDX-License-Identifier: MIT */
/* Editing UTF-8 text in fields: insert, delete and move by whole characters; word wrap. */
#include "config.h"
#include "tui/screen/edit.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/error.h"
#include "core/base/text.h"
#include "tui/keys/keymap.h"
#include "tui/screen/uwidth.h"

static int reserve(struct edit *e, size_t need)
{
    if (need + 1 <= e->cap)
        return 0;
    size_t cap = e->cap ? e->cap : 64;
    while (cap < need + 1)
        cap *= 2;
    char *nb = realloc(e->buf, cap);
    if (!nb)
        return CD_ENOMEM;
    if (!e->buf)
        nb[0] = '\0';
    e->buf = nb;
    e->cap = cap;
    return 0;
}

int edit_set(struct edit *e, const char *text)
{
    size_t n = text ? strlen(text) : 0;
    if (reserve(e, n))
        return CD_ENOMEM;
    if (n)
        memcpy(e->buf, text, n);
    e->buf[n] = '\0';
    e->len = e->pos = n;
    return 0;
}

const char *edit_text(const struct edit *e)
{
    return e->buf ? e->buf : "";
}

static enum edit_result insert(struct edit *e, const char *s, size_t n)
{
    if ((e->max && e->len + n > e->max) || reserve(e, e->len + n))
        return EDIT_REFUSED;
    memmove(e->buf + e->pos + n, e->buf + e->pos, e->len - e->pos + 1);
    memcpy(e->buf + e->pos, s, n);
    e->len += n;
    e->pos += n;
    return EDIT_CHANGED;
}

static enum edit_result erase(struct edit *e, size_t from, size_t to)
{
    if (from >= to)
        return EDIT_REFUSED;
    memmove(e->buf + from, e->buf + to, e->len - to + 1);
    e->len -= to - from;
    e->pos = from;
    return EDIT_CHANGED;
}

static size_t line_start(const struct edit *e)
{
    size_t i = e->pos;
    while (i > 0 && e->buf[i - 1] != '\n')
        i--;
    return i;
}

static size_t line_end(const struct edit *e)
{
    size_t i = e->pos;
    while (i < e->len && e->buf[i] != '\n')
        i++;
    return i;
}

/* Move to the wrapped line DIR lines away, keeping the column as close as possible. */
static enum edit_result vertical(struct edit *e, int dir, int width)
{
    size_t starts[512];
    size_t n = edit_wrap(edit_text(e), e->len, width, starts, 512);
    size_t line = 0;
    while (line + 1 < n && starts[line + 1] <= e->pos)
        line++;
    if ((dir < 0 && line == 0) || (dir > 0 && line + 1 >= n))
        return EDIT_REFUSED;
    int col = uw_width_n(e->buf + starts[line], e->pos - starts[line]);
    size_t to = line + (size_t)(dir > 0 ? 1 : -1);
    size_t end = to + 1 < n ? starts[to + 1] : e->len;
    if (end > starts[to] && to + 1 < n)
        end = uw_prev(e->buf, end); /* stay before the break (space or newline) */
    size_t fit = uw_fit(e->buf + starts[to], end - starts[to], col, NULL);
    e->pos = starts[to] + fit;
    return EDIT_MOVED;
}

enum edit_result edit_key(struct edit *e, int key, int width)
{
    if (reserve(e, e->len))
        return EDIT_REFUSED;
    switch (key) {
    case TK_LEFT:
        if (e->pos == 0)
            return EDIT_REFUSED;
        e->pos = uw_prev(e->buf, e->pos);
        return EDIT_MOVED;
    case TK_RIGHT:
        if (e->pos >= e->len)
            return EDIT_REFUSED;
        e->pos = uw_next(e->buf, e->len, e->pos);
        return EDIT_MOVED;
    case TK_HOME:
    case TK_CTRL('a'): e->pos = line_start(e); return EDIT_MOVED;
    case TK_END:
    case TK_CTRL('e'): e->pos = line_end(e); return EDIT_MOVED;
    case TK_BACKSPACE: return e->pos ? erase(e, uw_prev(e->buf, e->pos), e->pos) : EDIT_REFUSED;
    case TK_DEL:
        return e->pos < e->len ? erase(e, e->pos, uw_next(e->buf, e->len, e->pos)) : EDIT_REFUSED;
    case TK_CTRL('u'): return erase(e, line_start(e), e->pos);
    case TK_CTRL('k'): return erase(e, e->pos, line_end(e));
    case TK_UP: return e->multiline ? vertical(e, -1, width) : EDIT_IGNORED;
    case TK_DOWN: return e->multiline ? vertical(e, 1, width) : EDIT_IGNORED;
    case TK_ENTER: return e->multiline ? insert(e, "\n", 1) : EDIT_IGNORED;
    default: break;
    }
    if (key < ' ' || key == 0x7f || (key >= 0x80 && key < 0xa0) || key > 0x10ffff ||
        (key >= 0xd800 && key <= 0xdfff))
        return EDIT_IGNORED;
    char u[4];
    return insert(e, u, cd_utf8_encode(key, u));
}

size_t edit_wrap(const char *s, size_t n, int width, size_t *starts, size_t max)
{
    size_t lines = 0, i = 0;
    if (width < 1)
        width = 1;
    if (max)
        starts[lines] = 0;
    lines = 1;
    size_t line = 0;
    while (i < n) {
        /* find how far this line goes */
        int w = 0;
        size_t j = line, brk = 0, len;
        bool hard = false;
        while (j < n) {
            if (s[j] == '\n') {
                hard = true;
                break;
            }
            int cw = uw_cp_width(cd_utf8_decode(s + j, n - j, &len));
            if (w + cw > width)
                break;
            w += cw;
            j += len;
            if (s[j - len] == ' ')
                brk = j;
        }
        if (j >= n && !hard)
            break;
        size_t next;
        if (hard)
            next = j + 1;
        else if (brk > line)
            next = brk;
        else
            next = j > line ? j : uw_next(s, n, j);
        if (lines < max)
            starts[lines] = next;
        lines++;
        line = i = next;
        if (hard && next >= n)
            break;
    }
    return lines < max || !max ? lines : max;
}

void edit_free(struct edit *e)
{
    free(e->buf);
    e->buf = NULL;
    e->len = e->cap = e->pos = 0;
}
