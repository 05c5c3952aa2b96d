/* SPDX-License-Identifier: MIT */
/* CSV discharge lists (RFC 4180): a header row naming the columns (any case, any order), quoted
 * fields with commas, quotes and line breaks, a byte-order mark tolerated, dates as ISO 8601 or
 * MM/DD/YYYY. Each record goes through cd_discharge_record. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/base/strbuf.h"
#include "core/base/text.h"
#include "core/encounter.h"
#include "core/io/importer.h"

enum col {
    C_MRN,
    C_FAMILY,
    C_GIVEN,
    C_NAME,
    C_BIRTH,
    C_SEX,
    C_PHONE,
    C_DISCHARGE,
    C_ADMIT,
    C_FACILITY,
    C_SETTING,
    C_DISPOSITION,
    C_ADMISSION,
    C_DIAGNOSES,
    C_COMPLEXITY,
    C_NCOLS
};
static const char *const col_names[C_NCOLS] = {
    "mrn",     "family_name", "given_name",     "name",      "birth_date",
    "sex",     "phone",       "discharge_at",   "admit_at",  "facility",
    "setting", "disposition", "admission_type", "diagnoses", "complexity"};

#define MAX_FIELDS 64

struct csv {
    const char *data;
    size_t len, pos;
    int line; /* current line */
    struct cd_strbuf field[MAX_FIELDS];
    int nfields;
};

/* Read one record into C->field; *LINE gets the line it starts on. 1 = a record, 0 = end. */
static int record(struct csv *c, int *line, struct cd_error *err)
{
    if (c->pos >= c->len)
        return 0;
    *line = c->line;
    c->nfields = 0;
    for (;;) {
        if (c->nfields == MAX_FIELDS)
            return cd_error_set(err, CD_EINVAL, "%d: record: more than %d fields", *line,
                                MAX_FIELDS);
        struct cd_strbuf *f = &c->field[c->nfields++];
        cd_strbuf_reset(f);
        cd_strbuf_add(f, "");
        if (c->pos < c->len && c->data[c->pos] == '"') {
            int start = c->line;
            c->pos++;
            for (;;) {
                if (c->pos >= c->len)
                    return cd_error_set(err, CD_EINVAL, "%d: record: a quoted field is not closed",
                                        start);
                char ch = c->data[c->pos++];
                if (ch == '"') {
                    if (c->pos < c->len && c->data[c->pos] == '"') {
                        c->pos++;
                    } else {
                        break;
                    }
                } else if (ch == '\n') {
                    c->line++;
                }
                cd_strbuf_addc(f, ch);
                if (f->len > CD_IMPORT_FIELD_MAX)
                    return cd_error_set(err, CD_EINVAL, "%d: field %d: is longer than %d bytes",
                                        start, c->nfields, CD_IMPORT_FIELD_MAX);
            }
            if (c->pos < c->len && c->data[c->pos] != ',' && c->data[c->pos] != '\r' &&
                c->data[c->pos] != '\n')
                return cd_error_set(err, CD_EINVAL,
                                    "%d: field %d: the quoted field starting here has text after "
                                    "its closing quote on line %d",
                                    start, c->nfields, c->line);
        } else {
            size_t start = c->pos;
            while (c->pos < c->len && c->data[c->pos] != ',' && c->data[c->pos] != '\r' &&
                   c->data[c->pos] != '\n')
                c->pos++;
            if (c->pos - start > CD_IMPORT_FIELD_MAX)
                return cd_error_set(err, CD_EINVAL,
                                    "%d: field %d: is %zu bytes long; the limit "
                                    "is %d",
                                    c->line, c->nfields, c->pos - start, CD_IMPORT_FIELD_MAX);
            cd_strbuf_addn(f, c->data + start, c->pos - start);
        }
        if (f->oom)
            return cd_error_set(err, CD_ENOMEM, "out of memory");
        if (c->pos < c->len && c->data[c->pos] == ',') {
            c->pos++;
            continue;
        }
        if (c->pos < c->len && c->data[c->pos] == '\r')
            c->pos++;
        if (c->pos < c->len && c->data[c->pos] == '\n')
            c->pos++;
        c->line++;
        return 1;
    }
}

static bool blank_record(const struct csv *c)
{
    return c->nfields == 1 && c->field[0].len == 0;
}

/* Line breaks and tabs inside a (quoted) field become spaces; then outer blanks go. */
static void trim(struct cd_strbuf *f)
{
    for (size_t i = 0; i < f->len; i++)
        if (f->buf[i] == '\r' || f->buf[i] == '\n' || f->buf[i] == '\t')
            f->buf[i] = ' ';
    size_t a = 0, b = f->len;
    while (a < b && (f->buf[a] == ' ' || f->buf[a] == '\t'))
        a++;
    while (b > a && (f->buf[b - 1] == ' ' || f->buf[b - 1] == '\t'))
        b--;
    memmove(f->buf, f->buf + a, b - a);
    f->len = b - a;
    f->buf[f->len] = '\0';
}

/* MM/DD/YYYY[ HH:MM[:SS]] into YYYY-MM-DD[THH:MM[:SS]] (OUT, 32 bytes); other text unchanged. */
static const char *us_date(const char *s, char *out, size_t n)
{
    int m, d, y, used = 0;
    if (sscanf(s, "%2d/%2d/%4d%n", &m, &d, &y, &used) != 3 || used < 8 || s[used - 5] != '/')
        return s;
    const char *rest = s + used;
    while (*rest == ' ')
        rest++;
    if (*rest == '\0') {
        snprintf(out, n, "%04d-%02d-%02d", y, m, d);
        return out;
    }
    int h, mi, sec, u2 = 0;
    if (sscanf(rest, "%2d:%2d:%2d%n", &h, &mi, &sec, &u2) == 3 && rest[u2] == '\0')
        snprintf(out, n, "%04d-%02d-%02dT%02d:%02d:%02d", y, m, d, h, mi, sec);
    else if (sscanf(rest, "%2d:%2d%n", &h, &mi, &u2) == 2 && rest[u2] == '\0')
        snprintf(out, n, "%04d-%02d-%02dT%02d:%02d", y, m, d, h, mi);
    else
        return s;
    return out;
}

static int header(struct csv *c, int map[C_NCOLS], struct cd_error *err)
{
    for (int k = 0; k < C_NCOLS; k++)
        map[k] = -1;
    for (int i = 0; i < c->nfields; i++) {
        trim(&c->field[i]);
        const char *name = cd_strbuf_str(&c->field[i]);
        int k = 0;
        while (k < C_NCOLS && strcasecmp(name, col_names[k]) != 0)
            k++;
        if (k == C_NCOLS)
            return cd_error_set(err, CD_EINVAL,
                                "1: header: unknown column '%.40s' (known: mrn, family_name, "
                                "given_name, name, birth_date, sex, phone, discharge_at, admit_at, "
                                "facility, setting, disposition, admission_type, diagnoses, "
                                "complexity)",
                                name);
        if (map[k] >= 0)
            return cd_error_set(err, CD_EINVAL, "1: header: column '%s' appears twice",
                                col_names[k]);
        map[k] = i;
    }
    static const int required[] = {C_MRN, C_DISCHARGE, C_SETTING};
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
        if (map[required[i]] < 0)
            return cd_error_set(err, CD_EINVAL, "1: header: no '%s' column",
                                col_names[required[i]]);
    if (map[C_NAME] < 0 && (map[C_FAMILY] < 0 || map[C_GIVEN] < 0))
        return cd_error_set(err, CD_EINVAL, "1: header: needs family_name and given_name, or name");
    return 0;
}

static const char *get(struct csv *c, const int map[C_NCOLS], int k)
{
    return map[k] >= 0 ? cd_strbuf_str(&c->field[map[k]]) : NULL;
}

static int row(struct cd_store *store, struct csv *c, const int map[C_NCOLS], int line, int ncols,
               struct cd_import_summary *sum, struct cd_error *err)
{
    if (c->nfields != ncols)
        return cd_error_set(err, CD_EINVAL, "%d: record: has %d fields; the header has %d", line,
                            c->nfields, ncols);
    for (int k = 0; k < C_NCOLS; k++) {
        if (map[k] < 0)
            continue;
        struct cd_strbuf *f = &c->field[map[k]];
        if (memchr(f->buf, '\0', f->len))
            return cd_error_set(err, CD_EINVAL, "%d: %s: contains a NUL byte", line, col_names[k]);
        if (!cd_utf8_valid(f->buf, f->len))
            return cd_error_set(err, CD_EINVAL, "%d: %s: is not valid UTF-8", line, col_names[k]);
        trim(f);
    }
    char family[256], birth[32], dis[32], adm[32];
    const char *fam = get(c, map, C_FAMILY), *giv = get(c, map, C_GIVEN);
    const char *name = get(c, map, C_NAME);
    if (name && *name && (!fam || !*fam)) {
        const char *comma = strchr(name, ',');
        if (!comma || comma - name >= (long)sizeof family)
            return cd_error_set(err, CD_EINVAL, "%d: name: '%.60s' is not 'Family, Given'", line,
                                name);
        snprintf(family, sizeof family, "%.*s", (int)(comma - name), name);
        fam = family;
        for (giv = comma + 1; *giv == ' ';)
            giv++;
    }
    const char *b = get(c, map, C_BIRTH), *d = get(c, map, C_DISCHARGE), *a = get(c, map, C_ADMIT);
    struct cd_discharge_in in = {.mrn = get(c, map, C_MRN),
                                 .family_name = fam,
                                 .given_name = giv,
                                 .birth_date = b ? us_date(b, birth, sizeof birth) : NULL,
                                 .sex = get(c, map, C_SEX),
                                 .phone = get(c, map, C_PHONE),
                                 .discharge_at = d ? us_date(d, dis, sizeof dis) : NULL,
                                 .admit_at = a ? us_date(a, adm, sizeof adm) : NULL,
                                 .facility = get(c, map, C_FACILITY),
                                 .setting = get(c, map, C_SETTING),
                                 .disposition = get(c, map, C_DISPOSITION),
                                 .admission_type = get(c, map, C_ADMISSION),
                                 .diagnoses = get(c, map, C_DIAGNOSES),
                                 .complexity = get(c, map, C_COMPLEXITY),
                                 .source = "csv"};
    struct cd_discharge_result res;
    int rc = cd_discharge_record(store, &in, &res, err);
    if (rc)
        return cd_error_prefix(err, rc, "%d: ", line);
    cd_import_count(sum, &res);
    return 0;
}

int cd_import_csv(struct cd_store *store, const char *data, size_t len,
                  struct cd_import_summary *sum, struct cd_error *err)
{
    struct csv c = {.data = data, .len = len, .line = 1};
    int map[C_NCOLS], line, rc, ncols = 0;
    if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
        c.pos = 3;
    rc = record(&c, &line, err);
    if (rc == 0)
        rc = cd_error_set(err, CD_EINVAL, "1: header: the file is empty");
    if (rc == 1) {
        ncols = c.nfields;
        rc = header(&c, map, err);
    }
    while (rc == 0 && (rc = record(&c, &line, err)) == 1) {
        if (blank_record(&c)) {
            rc = 0;
            continue;
        }
        sum->records++;
        rc = row(store, &c, map, line, ncols, sum, err);
    }
    for (int i = 0; i < MAX_FIELDS; i++)
        cd_strbuf_free(&c.field[i]);
    return rc < 0 ? rc : 0;
}
