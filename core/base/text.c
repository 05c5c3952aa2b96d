/* SPDX-License-Identifier: MIT */
/* UTF-8 validation and the small text rules every input path applies. */
#include "config.h"
#include "core/base/text.h"

#include <stdlib.h>
#include <string.h>

bool cd_utf8_valid(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t len;
        unsigned cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xe0) == 0xc0) {
            len = 2;
            cp = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            len = 3;
            cp = c & 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            len = 4;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + len > n)
            return false;
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xc0) != 0x80)
                return false;
            cp = (cp << 6) | (s[i + k] & 0x3f);
        }
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
            cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return false;
        i += len;
    }
    return true;
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
