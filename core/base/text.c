/* SPDX-License-Identifier: MIT */
/* UTF-8 validation and the small text rules every input path applies. */
#include "config.h"
#include "core/base/text.h"

#include <stdlib.h>
#include <string.h>

int32_t cd_utf8_decode(const char *s, size_t n, size_t *len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t need;
    int32_t c, min;
    *len = 1;
    if (n == 0)
        return -1;
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
    if (need > n)
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

size_t cd_utf8_encode(int32_t c, char *out)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xc0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3f));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xe0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3f));
        out[2] = (char)(0x80 | (c & 0x3f));
        return 3;
    }
    out[0] = (char)(0xf0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3f));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3f));
    out[3] = (char)(0x80 | (c & 0x3f));
    return 4;
}

bool cd_utf8_valid(const char *str, size_t n)
{
    for (size_t i = 0, len; i < n; i += len)
        if (cd_utf8_decode(str + i, n - i, &len) < 0)
            return false;
    return true;
}

void cd_text_initials(const char *given, const char *family, bool dotted, char *out, size_t size)
{
    const char *parts[] = {given, family};
    size_t o = 0;
    for (int i = 0; i < 2; i++) {
        const char *s = parts[i];
        size_t len;
        int32_t c = s && *s ? cd_utf8_decode(s, strlen(s), &len) : -1;
        /* no initial from a letterless start: '/', '.', '-', a space, a bad byte */
        if (c < 0 || (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                    (c >= '0' && c <= '9'))))
            continue;
        if (o + len + 2 > size)
            break;
        if (c >= 'a' && c <= 'z') {
            out[o++] = (char)(c - 32);
        } else {
            memcpy(out + o, s, len);
            o += len;
        }
        if (dotted)
            out[o++] = '.';
    }
    if (size)
        out[o] = '\0';
}

bool cd_text_has_control(const char *s, bool multiline)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (multiline && (*p == '\n' || *p == '\t' || *p == '\r'))
            continue;
        if (*p < 0x20 || *p == 0x7f)
            return true;
    }
    return false;
}

const char *cd_text_check(const char *s, size_t max, bool required)
{
    if (!s || !*s)
        return required ? "is empty" : NULL;
    size_t n = strlen(s);
    if (n > max)
        return "is too long";
    if (!cd_utf8_valid(s, n))
        return "is not valid UTF-8";
    if (cd_text_has_control(s, false))
        return "has a control character";
    return NULL;
}

char *cd_text_lower(const char *s)
{
    size_t n = strlen(s);
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    for (size_t i = 0; i <= n; i++)
        out[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] + 32) : s[i];
    return out;
}

size_t cd_utf8_prefix(const char *s, size_t max_codepoints)
{
    size_t i = 0, cps = 0;
    while (s[i] && cps < max_codepoints) {
        i++;
        while ((s[i] & 0xc0) == 0x80)
            i++;
        cps++;
    }
    return i;
}
