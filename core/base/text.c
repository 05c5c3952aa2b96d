/* SPDX-License-Identifier: MIT */
/* UTF-8 decoding and validation, the small text rules every input path applies, and the one
 * function that makes untrusted text safe for a terminal: every printer of the command line and
 * every screen goes through cd_text_safe, so an ESC, a C1 control or a bidi override in a name,
 * a note or a file can never move the cursor, retitle the window or reorder what a nurse reads. */
#include "config.h"
#include "core/base/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/error.h"

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

/* The bidi controls (Unicode's Bidi_Control property): marks, embeddings, overrides, isolates. */
static bool bidi_control(int32_t cp)
{
    return cp == 0x061c || cp == 0x200e || cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

bool cd_text_unsafe_cp(int32_t cp, unsigned flags)
{
    if ((flags & CD_TEXT_MULTILINE) && (cp == '\n' || cp == '\t'))
        return false;
    return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || bidi_control(cp) ||
           ((flags & CD_TEXT_BACKSLASH) && cp == '\\');
}

size_t cd_text_safe_span(const char *s, size_t n, unsigned flags)
{
    size_t i = 0, len;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7f && c != '\\') { /* printable ASCII: the common case, fast */
            i++;
            continue;
        }
        int32_t cp = cd_utf8_decode(s + i, n - i, &len);
        if (cp < 0 || cd_text_unsafe_cp(cp, flags))
            break;
        i += len;
    }
    return i;
}

int cd_text_safe(struct cd_strbuf *out, const char *s, size_t n, unsigned flags)
{
    size_t i = 0, len;
    while (i < n) {
        size_t ok = cd_text_safe_span(s + i, n - i, flags);
        cd_strbuf_addn(out, s + i, ok);
        if ((i += ok) == n)
            break;
        int32_t cp = cd_utf8_decode(s + i, n - i, &len);
        if (cp < 0)
            cd_strbuf_addf(out, "\\x%02x", (unsigned char)s[i]);
        else if (cp == '\t')
            cd_strbuf_add(out, "\\t");
        else if (cp == '\n')
            cd_strbuf_add(out, "\\n");
        else if (cp == '\r')
            cd_strbuf_add(out, "\\r");
        else if (cp == '\\')
            cd_strbuf_add(out, "\\\\");
        else if (cp < 0x80)
            cd_strbuf_addf(out, "\\x%02x", (unsigned)cp);
        else
            cd_strbuf_addf(out, "\\u%04x", (unsigned)cp);
        i += len;
    }
    return out->oom ? CD_ENOMEM : 0;
}

int32_t cd_text_find_control(const char *s, bool multiline)
{
    size_t n = strlen(s), len;
    for (size_t i = 0; i < n; i += len) {
        int32_t cp = cd_utf8_decode(s + i, n - i, &len);
        if (cp < 0)
            continue;
        if (multiline ? (cp < 0x20 && cp != '\n' && cp != '\t' && cp != '\r') || cp == 0x7f
                      : cd_text_unsafe_cp(cp, 0))
            return cp;
    }
    return -1;
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
    return cd_text_find_control(s, multiline) >= 0;
}

const char *cd_text_control_name(int32_t cp, char *buf)
{
    static const char c0[32][4] = {"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL",
                                   "BS",  "HT",  "LF",  "VT",  "FF",  "CR",  "SO",  "SI",
                                   "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB",
                                   "CAN", "EM",  "SUB", "ESC", "FS",  "GS",  "RS",  "US"};
    if (cp >= 0 && cp < 0x20)
        snprintf(buf, 12, "%s", c0[cp]);
    else if (cp == 0x7f)
        snprintf(buf, 12, "DEL");
    else
        snprintf(buf, 12, "U+%04X", (unsigned)(cp < 0 ? 0xfffd : cp));
    return buf;
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

const char *cd_text_wide_encoding(const char *data, size_t n)
{
    const unsigned char *u = (const unsigned char *)data;
    if (n >= 4 && ((u[0] == 0xff && u[1] == 0xfe && !u[2] && !u[3]) ||
                   (!u[0] && !u[1] && u[2] == 0xfe && u[3] == 0xff)))
        return "UTF-32";
    if (n >= 2 && ((u[0] == 0xff && u[1] == 0xfe) || (u[0] == 0xfe && u[1] == 0xff)))
        return "UTF-16";
    /* no byte-order mark: ASCII letters with NUL bytes between them ("M\0S\0H\0" ...) */
    if (n >= 8 && u[0] && !u[1] && !u[2] && !u[3] && u[4] && !u[5] && !u[6] && !u[7])
        return "UTF-32";
    if (n >= 8 && !u[0] && !u[1] && !u[2] && u[3] && !u[4] && !u[5] && !u[6] && u[7])
        return "UTF-32";
    if (n >= 4 && ((u[0] && !u[1] && u[2] && !u[3]) || (!u[0] && u[1] && !u[2] && u[3])))
        return "UTF-16";
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
