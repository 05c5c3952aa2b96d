/* SPDX-License-Identifier: MIT */
/* Growable strings, and the escaping used by TSV and JSON output (both terminal-safe). */
#include "config.h"
#include "core/base/strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/error.h"
#include "core/base/text.h"

static int grow(struct cd_strbuf *sb, size_t need)
{
    if (sb->oom)
        return CD_ENOMEM;
    if (sb->len + need + 1 <= sb->cap)
        return 0;
    size_t cap = sb->cap ? sb->cap : 64;
    while (cap < sb->len + need + 1) {
        if (cap > ((size_t)-1) / 2) {
            sb->oom = true;
            return CD_ENOMEM;
        }
        cap *= 2;
    }
    char *p = realloc(sb->buf, cap);
    if (!p) {
        sb->oom = true;
        return CD_ENOMEM;
    }
    sb->buf = p;
    sb->cap = cap;
    return 0;
}

int cd_strbuf_addn(struct cd_strbuf *sb, const char *s, size_t n)
{
    if (grow(sb, n))
        return CD_ENOMEM;
    if (n)
        memcpy(sb->buf + sb->len, s, n);
    sb->len += n;
    sb->buf[sb->len] = '\0';
    return 0;
}

int cd_strbuf_add(struct cd_strbuf *sb, const char *s)
{
    return cd_strbuf_addn(sb, s ? s : "", s ? strlen(s) : 0);
}

int cd_strbuf_addc(struct cd_strbuf *sb, char c)
{
    return cd_strbuf_addn(sb, &c, 1);
}

int cd_strbuf_vaddf(struct cd_strbuf *sb, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return CD_EINVAL;
    if (grow(sb, (size_t)n))
        return CD_ENOMEM;
    vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
    sb->len += (size_t)n;
    return 0;
}

int cd_strbuf_addf(struct cd_strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = cd_strbuf_vaddf(sb, fmt, ap);
    va_end(ap);
    return rc;
}

int cd_strbuf_add_json(struct cd_strbuf *sb, const char *s)
{
    if (!s)
        return cd_strbuf_add(sb, "null");
    int rc = cd_strbuf_addc(sb, '"');
    size_t n = strlen(s);
    for (size_t i = 0, len; i < n && !rc; i += len) {
        int32_t cp = cd_utf8_decode(s + i, n - i, &len);
        switch (cp) {
        case '"': rc = cd_strbuf_add(sb, "\\\""); break;
        case '\\': rc = cd_strbuf_add(sb, "\\\\"); break;
        case '\n': rc = cd_strbuf_add(sb, "\\n"); break;
        case '\r': rc = cd_strbuf_add(sb, "\\r"); break;
        case '\t': rc = cd_strbuf_add(sb, "\\t"); break;
        default:
            /* JSON must be UTF-8: a stray byte becomes U+FFFD; what a terminal would obey
             * (controls, C1, bidi) is written as an escape, which reads back the same */
            if (cp < 0)
                rc = cd_strbuf_add(sb, "\\ufffd");
            else if (cd_text_unsafe_cp(cp, 0))
                rc = cd_strbuf_addf(sb, "\\u%04x", (unsigned)cp);
            else
                rc = cd_strbuf_addn(sb, s + i, len);
        }
    }
    return rc ? rc : cd_strbuf_addc(sb, '"');
}

int cd_strbuf_add_tsv(struct cd_strbuf *sb, const char *s)
{
    return cd_text_safe(sb, s ? s : "", s ? strlen(s) : 0, CD_TEXT_BACKSLASH);
}

const char *cd_strbuf_str(const struct cd_strbuf *sb)
{
    return sb->buf ? sb->buf : "";
}

void cd_strbuf_reset(struct cd_strbuf *sb)
{
    sb->len = 0;
    sb->oom = false;
    if (sb->buf)
        sb->buf[0] = '\0';
}

char *cd_strbuf_take(struct cd_strbuf *sb)
{
    char *p = sb->oom ? NULL : sb->buf;
    if (!p && !sb->oom)
        p = calloc(1, 1);
    if (sb->oom)
        free(sb->buf);
    sb->buf = NULL;
    sb->len = sb->cap = 0;
    sb->oom = false;
    return p;
}

void cd_strbuf_free(struct cd_strbuf *sb)
{
    free(sb->buf);
    sb->buf = NULL;
    sb->len = sb->cap = 0;
    sb->oom = false;
}

char *cd_strdup(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}
