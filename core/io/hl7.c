/* SPDX-License-Identifier: MIT */
/* HL7 v2 reading: message framing, separators, field addressing, escapes, time stamps. */
#include "config.h"
#include "core/io/hl7.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/clock.h"

#define MLLP_START 0x0b
#define MLLP_END 0x1c

void cd_hl7_reader_init(struct cd_hl7_reader *r, const char *data, size_t len)
{
    r->data = data;
    r->len = len;
    r->pos = 0;
    r->line = 1;
}

void cd_hl7_message_free(struct cd_hl7_message *m)
{
    free(m->segs);
    m->segs = NULL;
    m->nsegs = m->cap = 0;
}

/* Consume a line end at the reader's position (CR, LF or CRLF); false when there is none. */
static bool line_end(struct cd_hl7_reader *r)
{
    if (r->pos >= r->len)
        return false;
    if (r->data[r->pos] == '\r') {
        r->pos++;
        if (r->pos < r->len && r->data[r->pos] == '\n')
            r->pos++;
    } else if (r->data[r->pos] == '\n') {
        r->pos++;
    } else {
        return false;
    }
    r->line++;
    return true;
}

static bool starts_msh(const char *s, size_t n)
{
    return n >= 4 && memcmp(s, "MSH", 3) == 0;
}

static int push(struct cd_hl7_message *m, const char *text, size_t len, int line,
                struct cd_error *err)
{
    if (m->nsegs == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 16;
        struct cd_hl7_segment *segs = realloc(m->segs, cap * sizeof *segs);
        if (!segs)
            return cd_error_set(err, CD_ENOMEM, "out of memory");
        m->segs = segs;
        m->cap = cap;
    }
    m->segs[m->nsegs++] = (struct cd_hl7_segment){text, len, line};
    return 0;
}

static bool sep_ok(char c)
{
    return c && !isalnum((unsigned char)c) && c != '\r' && c != '\n' && c != ' ';
}

static int separators(struct cd_hl7_message *m, struct cd_error *err)
{
    const struct cd_hl7_segment *s = &m->segs[0];
    size_t n = 0;
    m->fs = s->text[3];
    while (4 + n < s->len && s->text[4 + n] != m->fs)
        n++;
    if (!sep_ok(m->fs))
        return cd_error_set(err, CD_EINVAL, "%d: MSH-1: the field separator is not usable",
                            s->line);
    if (n < 4 || n > 5)
        return cd_error_set(err, CD_EINVAL,
                            "%d: MSH-2: the encoding characters must be 4 (component, repetition, "
                            "escape, subcomponent), not %zu",
                            s->line, n);
    m->cs = s->text[4];
    m->rs = s->text[5];
    m->ec = s->text[6];
    m->ss = s->text[7];
    const char all[] = {m->fs, m->cs, m->rs, m->ec, m->ss};
    for (int i = 0; i < 5; i++)
        for (int j = i + 1; j < 5; j++)
            if (!sep_ok(all[i]) || all[i] == all[j])
                return cd_error_set(err, CD_EINVAL,
                                    "%d: MSH-2: the separators are not 5 different punctuation "
                                    "characters",
                                    s->line);
    for (size_t i = 0; i < m->nsegs; i++) {
        const struct cd_hl7_segment *g = &m->segs[i];
        bool ok = g->len >= 3 && (g->len == 3 || g->text[3] == m->fs);
        for (int k = 0; ok && k < 3; k++)
            ok = isupper((unsigned char)g->text[k]) || isdigit((unsigned char)g->text[k]);
        if (!ok)
            return cd_error_set(err, CD_EINVAL,
                                "%d: segment: a line that is not a segment (a 3-letter name and "
                                "'%c' expected)",
                                g->line, m->fs);
    }
    return 0;
}

int cd_hl7_next(struct cd_hl7_reader *r, struct cd_hl7_message *m, struct cd_error *err)
{
    m->nsegs = 0;
    for (;;) { /* blank lines, spaces and stray frame ends between messages */
        if (line_end(r))
            continue;
        if (r->pos < r->len &&
            (r->data[r->pos] == ' ' || r->data[r->pos] == '\t' || r->data[r->pos] == MLLP_END)) {
            r->pos++;
            continue;
        }
        break;
    }
    if (r->pos >= r->len)
        return 0;
    bool mllp = false, ended = false;
    if (r->data[r->pos] == MLLP_START) {
        mllp = true;
        r->pos++;
    }
    m->line = r->line;
    while (r->pos < r->len) {
        char c = r->data[r->pos];
        if (c == MLLP_END) {
            r->pos++;
            ended = true;
            break;
        }
        if (c == MLLP_START) {
            if (m->nsegs == 0) {
                r->pos++;
                continue;
            }
            break;
        }
        if (line_end(r))
            continue;
        size_t start = r->pos;
        while (r->pos < r->len && r->data[r->pos] != '\r' && r->data[r->pos] != '\n' &&
               r->data[r->pos] != MLLP_END && r->data[r->pos] != MLLP_START)
            r->pos++;
        const char *text = r->data + start;
        size_t len = r->pos - start;
        if (m->nsegs == 0 && !starts_msh(text, len))
            return cd_error_set(err, CD_EINVAL,
                                "%d: MSH: expected an MSH segment to start a message", r->line);
        if (m->nsegs > 0 && starts_msh(text, len)) {
            r->pos = start; /* the next message */
            break;
        }
        if (m->nsegs == 0)
            m->line = r->line;
        int rc = push(m, text, len, r->line, err);
        if (rc)
            return rc;
    }
    if (m->nsegs == 0)
        return cd_error_set(err, CD_EINVAL, "%d: MSH: an MLLP frame holds no message", r->line);
    if (mllp && !ended)
        return cd_error_set(err, CD_EINVAL,
                            "%d: MSH: the message is truncated (its MLLP frame has no end byte)",
                            m->line);
    int rc = separators(m, err);
    return rc ? rc : 1;
}

const struct cd_hl7_segment *cd_hl7_segment_find(const struct cd_hl7_message *m, const char *name,
                                                 size_t from, size_t *index)
{
    for (size_t i = from; i < m->nsegs; i++)
        if (memcmp(m->segs[i].text, name, 3) == 0) {
            if (index)
                *index = i;
            return &m->segs[i];
        }
    return NULL;
}

/* The K-th (0-based) piece of the N bytes at S split by SEP. */
static bool piece(const char *s, size_t n, char sep, int k, const char **out, size_t *on)
{
    const char *end = s + n;
    for (; k > 0; k--) {
        const char *p = memchr(s, sep, (size_t)(end - s));
        if (!p)
            return false;
        s = p + 1;
    }
    const char *p = memchr(s, sep, (size_t)(end - s));
    *out = s;
    *on = (size_t)((p ? p : end) - s);
    return true;
}

static bool is_msh(const struct cd_hl7_segment *s)
{
    return memcmp(s->text, "MSH", 3) == 0;
}

static bool field_span(const struct cd_hl7_message *m, const struct cd_hl7_segment *s, int field,
                       const char **out, size_t *n)
{
    if (field < 1)
        return false;
    return piece(s->text, s->len, m->fs, is_msh(s) ? field - 1 : field, out, n);
}

int cd_hl7_check_fields(const struct cd_hl7_message *m, size_t max, struct cd_error *err)
{
    for (size_t i = 0; i < m->nsegs; i++) {
        const struct cd_hl7_segment *s = &m->segs[i];
        const char *p = s->text, *end = s->text + s->len;
        for (int k = 0; p <= end; k++) {
            const char *q = memchr(p, m->fs, (size_t)(end - p));
            size_t n = (size_t)((q ? q : end) - p);
            int field = is_msh(s) ? k + 1 : k;
            if (memchr(p, '\0', n))
                return cd_error_set(err, CD_EINVAL, "%d: %.3s-%d: contains a NUL byte", s->line,
                                    s->text, field);
            if (n > max)
                return cd_error_set(err, CD_EINVAL,
                                    "%d: %.3s-%d: is %zu bytes long; the limit is %zu", s->line,
                                    s->text, field, n, max);
            if (!q)
                break;
            p = q + 1;
        }
    }
    return 0;
}

int cd_hl7_repetitions(const struct cd_hl7_message *m, const struct cd_hl7_segment *s, int field)
{
    const char *f;
    size_t n;
    if (!field_span(m, s, field, &f, &n) || n == 0)
        return 0;
    int count = 1;
    for (size_t i = 0; i < n; i++)
        count += f[i] == m->rs;
    return count;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)tolower((unsigned char)c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

int cd_hl7_decode(const struct cd_hl7_message *m, const char *s, size_t n, struct cd_strbuf *out)
{
    size_t i = 0;
    while (i < n) {
        const char *esc = memchr(s + i, m->ec, n - i);
        size_t run = esc ? (size_t)(esc - (s + i)) : n - i;
        cd_strbuf_addn(out, s + i, run);
        i += run;
        if (!esc)
            break;
        const char *close = memchr(esc + 1, m->ec, n - i - 1);
        if (!close) { /* unterminated: keep as text */
            cd_strbuf_addn(out, esc, n - i);
            break;
        }
        const char *body = esc + 1;
        size_t blen = (size_t)(close - body);
        if (blen == 1) {
            switch (body[0]) {
            case 'F': cd_strbuf_addc(out, m->fs); break;
            case 'S': cd_strbuf_addc(out, m->cs); break;
            case 'T': cd_strbuf_addc(out, m->ss); break;
            case 'R': cd_strbuf_addc(out, m->rs); break;
            case 'E': cd_strbuf_addc(out, m->ec); break;
            default: break; /* \H\ \N\ highlighting: dropped */
            }
        } else if (blen == 3 && memcmp(body, ".br", 3) == 0) {
            cd_strbuf_addc(out, '\n');
        } else if (blen >= 3 && body[0] == 'X' && blen % 2 == 1) {
            for (size_t k = 1; k + 1 < blen + 1; k += 2) {
                int hi = hexval(body[k]), lo = hexval(body[k + 1]);
                if (hi < 0 || lo < 0)
                    break;
                if (hi == 0 && lo == 0)
                    return CD_EINVAL;
                cd_strbuf_addc(out, (char)(hi * 16 + lo));
            }
        }
        i = (size_t)(close - s) + 1;
    }
    return out->oom ? CD_ENOMEM : 0;
}

int cd_hl7_get(const struct cd_hl7_message *m, const struct cd_hl7_segment *s, int field, int rep,
               int comp, int sub, struct cd_strbuf *out)
{
    cd_strbuf_reset(out);
    cd_strbuf_add(out, "");
    if (!s)
        return 0;
    if (is_msh(s) && field == 1)
        return cd_strbuf_addc(out, m->fs);
    const char *f, *r, *c, *sc;
    size_t fn, rn, cn, sn;
    if (!field_span(m, s, field, &f, &fn))
        return 0;
    if (is_msh(s) && field == 2)
        return cd_strbuf_addn(out, f, fn);
    if (!piece(f, fn, m->rs, rep, &r, &rn) || !piece(r, rn, m->cs, comp - 1, &c, &cn) ||
        !piece(c, cn, m->ss, sub - 1, &sc, &sn))
        return 0;
    return cd_hl7_decode(m, sc, sn, out);
}

static int num(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

int cd_hl7_time(const char *s, time_t *out, struct cd_error *err)
{
    size_t n = 0;
    while (isdigit((unsigned char)s[n]))
        n++;
    const char *p = s + n;
    int y, mo, d, h = 0, mi = 0, sec = 0;
    if (n != 8 && n != 10 && n != 12 && n != 14)
        goto bad;
    y = num(s, 4);
    mo = num(s + 4, 2);
    d = num(s + 6, 2);
    if (n >= 10)
        h = num(s + 8, 2);
    if (n >= 12)
        mi = num(s + 10, 2);
    if (n >= 14)
        sec = num(s + 12, 2);
    if (y < 1800 || mo < 1 || mo > 12 || d < 1 || d > cd_date_days_in_month(y, mo) || h > 23 ||
        mi > 59 || sec > 59)
        goto bad;
    if (*p == '.') {
        if (n != 14 || !isdigit((unsigned char)p[1]))
            goto bad;
        for (p++; isdigit((unsigned char)*p); p++)
            ;
    }
    int day = cd_date_from_ymd(y, mo, d);
    if (*p == '\0') {
        *out = cd_local_to_instant(day, h, mi, sec);
        return 0;
    }
    if ((*p != '+' && *p != '-') || strlen(p) != 5 || !isdigit((unsigned char)p[1]) ||
        !isdigit((unsigned char)p[2]) || !isdigit((unsigned char)p[3]) ||
        !isdigit((unsigned char)p[4]))
        goto bad;
    int oh = num(p + 1, 2), om = num(p + 3, 2);
    if (oh > 14 || om > 59)
        goto bad;
    long offset = (oh * 3600L + om * 60L) * (*p == '-' ? -1 : 1);
    *out = (time_t)day * 86400 + h * 3600 + mi * 60 + sec - offset;
    return 0;
bad:
    return cd_error_set(err, CD_EINVAL, "'%.40s' is not an HL7 time (YYYYMMDD[HHMM[SS]][+/-ZZZZ])",
                        s);
}
