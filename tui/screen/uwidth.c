/* SPDX-License-Identifier: MIT */
/* UTF-8 display width: wcwidth per code point, clean cuts with an ellipsis. */
/* wcwidth is X/Open */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#include "config.h"
#include "tui/screen/uwidth.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

int32_t uw_decode(const char *s, size_t n, size_t i, size_t *len)
{
    const unsigned char *u = (const unsigned char *)s + i;
    size_t avail = n - i, need;
    int32_t c, min;
    *len = 1;
    if (u[0] < 0x80)
        return u[0];
    if ((u[0] & 0xe0) == 0xc0)
        c = u[0] & 0x1f, need = 2, min = 0x80;
    else if ((u[0] & 0xf0) == 0xe0)
        c = u[0] & 0x0f, need = 3, min = 0x800;
    else if ((u[0] & 0xf8) == 0xf0)
        c = u[0] & 0x07, need = 4, min = 0x10000;
    else
        return -1;
    if (need > avail)
        return -1;
    for (size_t k = 1; k < need; k++) {
        if ((u[k] & 0xc0) != 0x80)
            return -1;
        c = (c << 6) | (u[k] & 0x3f);
    }
    if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
        return -1;
    *len = need;
    return c;
}

int uw_cp_width(int32_t c)
{
    if (c < 0x20 || c == 0x7f)
        return 1;
    if (c < 0x7f)
        return 1;
    int w = wcwidth((wchar_t)c);
    return w < 0 ? 1 : w;
}

int uw_width_n(const char *s, size_t n)
{
    int w = 0;
    for (size_t i = 0, len; i < n; i += len)
        w += uw_cp_width(uw_decode(s, n, i, &len));
    return w;
}

int uw_width(const char *s)
{
    return uw_width_n(s, strlen(s));
}

size_t uw_fit(const char *s, size_t n, int cols, int *used)
{
    int w = 0;
    size_t i = 0, len;
    while (i < n) {
        int cw = uw_cp_width(uw_decode(s, n, i, &len));
        if (w + cw > cols)
            break;
        w += cw;
        i += len;
    }
    if (used)
        *used = w;
    return i;
}

size_t uw_prev(const char *s, size_t i)
{
    if (i == 0)
        return 0;
    size_t j = i - 1;
    while (j > 0 && i - j < 4 && ((unsigned char)s[j] & 0xc0) == 0x80)
        j--;
    size_t len;
    if (uw_decode(s, i, j, &len) < 0 || j + len != i)
        return i - 1; /* a stray continuation byte is a character of its own */
    return j;
}

size_t uw_next(const char *s, size_t n, size_t i)
{
    size_t len;
    if (i >= n)
        return n;
    uw_decode(s, n, i, &len);
    return i + len;
}

int uw_cut(const char *s, int cols, char *out, size_t size)
{
    size_t n = strlen(s);
    int w = 0;
    if (size == 0)
        return 0;
    out[0] = '\0';
    if (cols <= 0)
        return 0;
    size_t fit = uw_fit(s, n, cols, &w);
    const char *ell = "";
    if (fit < n) {
        ell = MB_CUR_MAX > 1 ? "\xe2\x80\xa6" : "~";
        fit = uw_fit(s, n, cols - 1, &w);
    }
    size_t el = strlen(ell);
    if (el + 1 > size)
        el = 0, ell = "";
    while (fit > 0 && fit + el + 1 > size) /* OUT is short: cut more, at a character boundary */
        fit = uw_prev(s, fit);
    memcpy(out, s, fit);
    memcpy(out + fit, ell, el);
    out[fit + el] = '\0';
    return uw_width_n(out, fit) + (el ? 1 : 0);
}
