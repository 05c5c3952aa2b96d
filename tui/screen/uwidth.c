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

#include "core/base/text.h"

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
        w += uw_cp_width(cd_utf8_decode(s + i, n - i, &len));
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
        int cw = uw_cp_width(cd_utf8_decode(s + i, n - i, &len));
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
    if (cd_utf8_decode(s + j, i - j, &len) < 0 || j + len != i)
        return i - 1; /* a stray continuation byte is a character of its own */
    return j;
}

size_t uw_next(const char *s, size_t n, size_t i)
{
    size_t len;
    if (i >= n)
        return n;
    cd_utf8_decode(s + i, n - i, &len);
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
