/* SPDX-License-Identifier: MIT */
/* Billing: the code table is data (data/billing/codes.tsv); one SQL aggregate gives each patient's
 * month by program and role, split by enrollment and consent; C applies thresholds, caps and the
 * exclusions between codes, and says why nothing is billable when nothing is. */
#include "config.h"
#include "core/billing.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/builtin.h"
#include "core/base/clock.h"
#include "core/enrollment.h"
#include "core/store/audit.h"
#include "core/store/db.h"

/* Per entry: 3 = enrolled with consent on or before its day, 2 = consent given later,
 * 1 = enrolled with consent 'none', 0 = not enrolled that day. The day is the clinic-zone date
 * (SQLite's 'localtime' follows the process zone, which the store sets to the clinic's). Both
 * steps are materialized so the date and the enrollment look-up run once per entry. */
#define BILLING_SQL(filter)                                                                        \
    "WITH te AS MATERIALIZED (SELECT patient_id, program, performer_role AS role, seconds, "       \
    "date(start_at, 'localtime') AS day FROM time_entries "                                        \
    "WHERE month = :month AND voided = 0" filter "), "                                             \
    "s AS MATERIALIZED (SELECT te.patient_id, te.program, te.role, te.seconds, "                   \
    "coalesce((SELECT max(CASE "                                                                   \
    "WHEN e.consent_method IN ('verbal', 'written') AND e.consent_date <= te.day THEN 3 "          \
    "WHEN e.consent_method IN ('verbal', 'written') THEN 2 ELSE 1 END) FROM enrollments e "        \
    "WHERE e.patient_id = te.patient_id AND e.program = te.program AND e.status <> 'declined' "    \
    "AND e.start_date <= te.day AND (e.end_date IS NULL OR e.end_date >= te.day)), 0) AS st "      \
    "FROM te) "                                                                                    \
    "SELECT p.mrn, p.family_name || ', ' || p.given_name AS patient, s.program, s.role, "          \
    "sum(s.seconds) AS seconds, sum(CASE WHEN s.st = 3 THEN s.seconds ELSE 0 END) AS billable, "   \
    "sum(CASE WHEN s.st = 2 THEN s.seconds ELSE 0 END) AS before_consent, "                        \
    "sum(CASE WHEN s.st = 1 THEN s.seconds ELSE 0 END) AS no_consent, "                            \
    "EXISTS (SELECT 1 FROM enrollments a WHERE a.patient_id = s.patient_id "                       \
    "AND a.program = 'apcm' AND a.status <> 'declined' AND a.start_date <= :last "                 \
    "AND (a.end_date IS NULL OR a.end_date >= :first)) AS apcm "                                   \
    "FROM s JOIN patients p ON p.id = s.patient_id "                                               \
    "GROUP BY p.mrn, s.program, s.role ORDER BY p.mrn, s.program, s.role"

static const char SQL_MONTH[] = BILLING_SQL("");
static const char SQL_PATIENT[] = BILLING_SQL(" AND patient_id = :pid");

enum { C_MRN, C_PATIENT, C_PROGRAM, C_ROLE, C_SECONDS, C_BILLABLE, C_BEFORE, C_NONE, C_APCM };

static int row_err(struct cd_error *err, const char *name, int line, const char *field,
                   const char *value, const char *why)
{
    return cd_error_set(err, CD_EINVAL, "%s:%d: %s: '%s' %s", name, line, field, value, why);
}

static int parse_int(const char *s, int lo, int hi, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < lo || v > hi)
        return -1;
    *out = (int)v;
    return 0;
}

static const char *const header[] = {"code",    "program",   "performer", "kind",
                                     "minutes", "max_units", "excludes"};

/* Split LINE (modified) at tabs into at most 7 fields; returns the count. */
static int split(char *line, char **f)
{
    int n = 0;
    f[n++] = line;
    for (char *p = line; *p; p++)
        if (*p == '\t') {
            *p = '\0';
            if (n == 7)
                return 8;
            f[n++] = p + 1;
        }
    return n;
}

static int parse_row(const char *name, int ln, char **f, struct cd_billing_code *c,
                     struct cd_error *err)
{
    size_t len = strlen(f[0]);
    if (len < 4 || len >= sizeof c->code ||
        strspn(f[0], "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") != len)
        return row_err(err, name, ln, "code", f[0], "is not a billing code");
    snprintf(c->code, sizeof c->code, "%s", f[0]);
    if (!cd_program_valid(f[1]))
        return row_err(err, name, ln, "program", f[1], "is not a program");
    snprintf(c->program, sizeof c->program, "%s", f[1]);
    if (strcmp(f[2], "clinical_staff") && strcmp(f[2], "practitioner"))
        return row_err(err, name, ln, "performer", f[2], "is not clinical_staff or practitioner");
    snprintf(c->performer, sizeof c->performer, "%s", f[2]);
    if (strcmp(f[3], "first") && strcmp(f[3], "each"))
        return row_err(err, name, ln, "kind", f[3], "is not first or each");
    c->each = strcmp(f[3], "each") == 0;
    if (parse_int(f[4], 1, 600, &c->minutes))
        return row_err(err, name, ln, "minutes", f[4], "is not a whole number from 1 to 600");
    if (parse_int(f[5], 0, 99, &c->max_units))
        return row_err(err, name, ln, "max_units", f[5], "is not a whole number from 0 to 99");
    if (!c->each && c->max_units != 1)
        return row_err(err, name, ln, "max_units", f[5], "must be 1 for a first unit");
    if (strlen(f[6]) >= sizeof c->excludes ||
        strspn(f[6], "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ,") != strlen(f[6]))
        return row_err(err, name, ln, "excludes", f[6], "is not a comma-separated list of codes");
    snprintf(c->excludes, sizeof c->excludes, "%s", f[6]);
    return 0;
}

int cd_billing_rules_parse(const char *name, const char *text, struct cd_billing_rules *out,
                           struct cd_error *err)
{
    memset(out, 0, sizeof *out);
    int ln = 0, seen_header = 0;
    for (const char *p = text; p && *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char line[512], *f[8];
        ln++;
        if (len >= sizeof line)
            return cd_error_set(err, CD_EINVAL, "%s:%d: the line is too long", name, ln);
        memcpy(line, p, len);
        line[len] = '\0';
        if (len && line[len - 1] == '\r')
            line[len - 1] = '\0';
        p = nl ? nl + 1 : p + len;
        if (line[0] == '#' || line[0] == '\0')
            continue;
        int n = split(line, f);
        if (n != 7)
            return cd_error_set(err, CD_EINVAL, "%s:%d: %d fields, expected 7 (%s ... %s)", name,
                                ln, n > 7 ? 8 : n, header[0], header[6]);
        if (!seen_header) {
            for (int i = 0; i < 7; i++)
                if (strcmp(f[i], header[i]))
                    return row_err(err, name, ln, "header", f[i], "is not the expected column");
            seen_header = 1;
            continue;
        }
        if (out->n == CD_BILLING_MAX_CODES)
            return cd_error_set(err, CD_EINVAL, "%s:%d: more than %d codes", name, ln,
                                CD_BILLING_MAX_CODES);
        struct cd_billing_code *c = &out->codes[out->n];
        int rc = parse_row(name, ln, f, c, err);
        if (rc)
            return rc;
        for (size_t i = 0; i < out->n; i++) {
            const struct cd_billing_code *o = &out->codes[i];
            if (strcmp(o->code, c->code) == 0)
                return row_err(err, name, ln, "code", c->code, "appears twice");
            if (o->each == c->each && strcmp(o->program, c->program) == 0 &&
                strcmp(o->performer, c->performer) == 0)
                return row_err(err, name, ln, "kind", f[3],
                               "is already given for this program and performer");
        }
        out->n++;
    }
    if (!seen_header)
        return cd_error_set(err, CD_EINVAL, "%s: no header line", name);
    for (size_t i = 0; i < out->n; i++) {
        const struct cd_billing_code *c = &out->codes[i];
        bool first = false;
        for (size_t j = 0; c->each && j < out->n; j++)
            first |= !out->codes[j].each && strcmp(out->codes[j].program, c->program) == 0 &&
                     strcmp(out->codes[j].performer, c->performer) == 0;
        if (c->each && !first)
            return cd_error_set(err, CD_EINVAL,
                                "%s: %s: an 'each' code needs a 'first' code for "
                                "%s %s",
                                name, c->code, c->program, c->performer);
    }
    return 0;
}

static struct cd_billing_rules builtin_rules;
static struct cd_error builtin_error;
static pthread_once_t builtin_once = PTHREAD_ONCE_INIT;

static void builtin_load(void)
{
    const char *text = cd_builtin_get("billing/codes.tsv");
    if (!text)
        cd_error_set(&builtin_error, CD_EIO, "billing/codes.tsv is missing from this build");
    else
        cd_billing_rules_parse("billing/codes.tsv", text, &builtin_rules, &builtin_error);
}

int cd_billing_rules_builtin(const struct cd_billing_rules **out, struct cd_error *err)
{
    pthread_once(&builtin_once, builtin_load); /* the worklist generation's thread reads it too */
    *out = builtin_error.code ? NULL : &builtin_rules;
    if (builtin_error.code && err)
        *err = builtin_error;
    return builtin_error.code;
}

static const struct cd_billing_code *find_code(const struct cd_billing_rules *r,
                                               const char *program, const char *role, bool each)
{
    for (size_t i = 0; i < r->n; i++)
        if (r->codes[i].each == each && strcmp(r->codes[i].program, program) == 0 &&
            strcmp(r->codes[i].performer, role) == 0)
            return &r->codes[i];
    return NULL;
}

int cd_billing_first_minutes(const char *program, const char *role)
{
    const struct cd_billing_rules *r;
    if (!program || cd_billing_rules_builtin(&r, NULL))
        return 0;
    const struct cd_billing_code *first = find_code(r, program, role, false);
    return first ? first->minutes : 0;
}

void cd_billing_earn(const struct cd_billing_rules *rules, const char *program, const char *role,
                     int64_t seconds, struct cd_billing_earned *out)
{
    memset(out, 0, sizeof *out);
    const struct cd_billing_code *first = find_code(rules, program, role, false);
    const struct cd_billing_code *each = find_code(rules, program, role, true);
    if (!first)
        return;
    out->has_code = true;
    int64_t need = (int64_t)first->minutes * 60;
    if (seconds < need) {
        out->next_threshold = first->minutes;
        out->next_in = need - seconds;
        return;
    }
    out->units_first = 1;
    snprintf(out->codes, sizeof out->codes, "%s", first->code);
    if (!each)
        return;
    int64_t block = (int64_t)each->minutes * 60;
    int64_t units = (seconds - need) / block;
    if (each->max_units && units >= each->max_units)
        units = each->max_units;
    else {
        out->next_threshold = (int)(first->minutes + (units + 1) * each->minutes);
        out->next_in = need + (units + 1) * block - seconds;
    }
    out->units_each = (int)units;
    size_t len = strlen(out->codes);
    if (units == 1)
        snprintf(out->codes + len, sizeof out->codes - len, ",%s", each->code);
    else if (units > 1)
        snprintf(out->codes + len, sizeof out->codes - len, ",%sx%d", each->code, (int)units);
}

/* True when the comma-separated LIST holds CODE. */
static bool listed(const char *list, const char *code)
{
    size_t n = strlen(code);
    for (const char *p = list; *p;) {
        const char *e = strchr(p, ',');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len == n && strncmp(p, code, n) == 0)
            return true;
        p = e ? e + 1 : p + len;
    }
    return false;
}

/* The codes LINE earned (first and each) as rows of the table. */
static void earned_codes(const struct cd_billing_rules *r, const struct cd_billing_line *l,
                         const struct cd_billing_code **out)
{
    out[0] = l->earned.units_first ? find_code(r, l->program, l->role, false) : NULL;
    out[1] = l->earned.units_each ? find_code(r, l->program, l->role, true) : NULL;
}

/* The code of another line that excludes one of L's codes, or NULL. */
static const struct cd_billing_code *excluder(const struct cd_billing_rules *r,
                                              const struct cd_billing_line *lines, size_t n,
                                              const struct cd_billing_line *l, const char **program)
{
    const struct cd_billing_code *mine[2], *theirs[2];
    earned_codes(r, l, mine);
    for (size_t i = 0; i < n; i++) {
        if (&lines[i] == l)
            continue;
        earned_codes(r, &lines[i], theirs);
        for (int a = 0; a < 2; a++)
            for (int b = 0; b < 2; b++)
                if (mine[a] && theirs[b] && listed(theirs[b]->excludes, mine[a]->code)) {
                    *program = lines[i].program;
                    return theirs[b];
                }
    }
    return NULL;
}

static void uncounted(struct cd_billing_line *l)
{
    char mmss[24];
    int64_t missing = l->seconds - l->billable;
    if (missing <= 0)
        return;
    const char *why = l->no_consent       ? "no consent"
                      : l->before_consent ? "before consent"
                                          : "not enrolled";
    size_t len = strlen(l->reason);
    snprintf(l->reason + len, sizeof l->reason - len, "%s%s not counted (%s)", len ? "; " : "",
             cd_time_format_mmss(missing, mmss), why);
}

/* Settle one patient's month: exclusions between lines, APCM bundling, reasons, next threshold. */
static void settle(const struct cd_billing_rules *r, struct cd_billing_line *lines, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        struct cd_billing_line *l = &lines[i];
        l->reason[0] = '\0';
        cd_billing_earn(r, l->program, l->role, l->billable, &l->earned);
    }
    /* decide the exclusions on what each line earned on its own, then clear */
    bool excluded[CD_BILLING_MAX_LINES] = {false};
    for (size_t i = 0; i < n; i++) {
        const char *prog = NULL;
        const struct cd_billing_code *by = excluder(r, lines, n, &lines[i], &prog);
        if (by) {
            excluded[i] = true;
            snprintf(lines[i].reason, sizeof lines[i].reason, "excluded by %s (%s)", by->code,
                     cd_program_phrase(prog));
        }
    }
    for (size_t i = 0; i < n; i++) {
        struct cd_billing_line *l = &lines[i];
        bool bundled = l->apcm && strcmp(l->program, "apcm") && strcmp(l->program, "coordination");
        l->next_in_minutes = -1;
        if (!l->earned.has_code) {
            if (strcmp(l->program, "tcm") == 0)
                snprintf(l->reason, sizeof l->reason,
                         "TCM is billed per discharge, not by minutes");
            else if (strcmp(l->program, "apcm") == 0)
                snprintf(l->reason, sizeof l->reason, "APCM is billed per month, not by minutes");
            else if (strcmp(l->program, "coordination") == 0)
                snprintf(l->reason, sizeof l->reason, "coordination time is not billed");
            else
                snprintf(l->reason, sizeof l->reason, "no code for %s time in %s",
                         cd_role_label(l->role), cd_program_phrase(l->program));
        } else if (bundled) {
            snprintf(l->reason, sizeof l->reason, "APCM this month bundles CCM, PCM and TCM");
        } else if (excluded[i]) {
            /* reason set above */
        } else if (l->billable == 0) {
            snprintf(l->reason, sizeof l->reason, "%s",
                     l->no_consent       ? "no consent"
                     : l->before_consent ? "before consent date"
                                         : "not enrolled");
            if (strcmp(l->reason, "not enrolled") == 0)
                snprintf(l->reason, sizeof l->reason, "not enrolled in %s",
                         cd_program_phrase(l->program));
        } else {
            if (l->earned.next_threshold)
                l->next_in_minutes = (l->earned.next_in + 59) / 60;
            if (!l->earned.units_first)
                snprintf(l->reason, sizeof l->reason, "below threshold");
            uncounted(l);
            continue;
        }
        memset(&l->earned.codes, 0, sizeof l->earned.codes);
        l->earned.units_first = l->earned.units_each = 0;
    }
}

static void fill_line(struct cd_stmt *st, struct cd_billing_line *l)
{
    memset(l, 0, sizeof *l);
    snprintf(l->program, sizeof l->program, "%s", cd_db_col_text(st, C_PROGRAM));
    snprintf(l->role, sizeof l->role, "%s", cd_db_col_text(st, C_ROLE));
    l->seconds = cd_db_col_int(st, C_SECONDS);
    l->billable = cd_db_col_int(st, C_BILLABLE);
    l->before_consent = cd_db_col_int(st, C_BEFORE);
    l->no_consent = cd_db_col_int(st, C_NONE);
    l->not_enrolled = l->seconds - l->billable - l->before_consent - l->no_consent;
    l->apcm = cd_db_col_int(st, C_APCM) != 0;
}

/* Bind the month and its first and last days. */
static int bind_month(struct cd_stmt *st, const char *month, struct cd_error *err)
{
    int first, last;
    char a[CD_DATE_LEN], b[CD_DATE_LEN];
    if (cd_month_parse(month, &first, &last, err))
        return CD_EINVAL;
    cd_db_bind_text(st, ":month", month);
    cd_db_bind_text(st, ":first", cd_date_format(first, a));
    cd_db_bind_text(st, ":last", cd_date_format(last, b));
    return 0;
}

int cd_billing_patient(struct cd_store *store, int64_t patient_id, const char *month,
                       struct cd_billing_month *out, struct cd_error *err)
{
    int rc;
    memset(out, 0, sizeof *out);
    const struct cd_billing_rules *r;
    if ((rc = cd_billing_rules_builtin(&r, err)))
        return rc;
    if (month)
        snprintf(out->month, sizeof out->month, "%s", month);
    else
        cd_month_of(cd_clock_now(), out->month);
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_PATIENT, &st, err)))
        return rc;
    rc = bind_month(st, out->month, err);
    if (rc) {
        cd_db_done(st);
        return rc;
    }
    cd_db_bind_int(st, ":pid", patient_id);
    while ((rc = cd_db_step(store, st, err)) == 1)
        if (out->n < CD_BILLING_MAX_LINES)
            fill_line(st, &out->lines[out->n++]);
    cd_db_done(st);
    if (rc)
        return rc;
    settle(r, out->lines, out->n);
    return 0;
}

const struct cd_billing_line *cd_billing_find(const struct cd_billing_month *m, const char *program,
                                              const char *role)
{
    for (size_t i = 0; i < m->n; i++)
        if (strcmp(m->lines[i].program, program) == 0 && strcmp(m->lines[i].role, role) == 0)
            return &m->lines[i];
    return NULL;
}

static const char *const list_cols[] = {CD_BILLING_COLUMNS(CD_PAGE_COL_NAME)};

/* Write the settled lines of one patient as rows. */
static int emit(struct cd_page *page, const char *mrn, const char *patient,
                const struct cd_billing_line *lines, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const struct cd_billing_line *l = &lines[i];
        char minutes[24], next[24];
        snprintf(minutes, sizeof minutes, "%lld", (long long)(l->seconds / 60));
        snprintf(next, sizeof next, "%lld", (long long)l->next_in_minutes);
        const char *row[CD_BILLING_NCOLS] = {
            [CD_BILLING_COL_MRN] = mrn,
            [CD_BILLING_COL_PATIENT] = patient,
            [CD_BILLING_COL_PROGRAM] = l->program,
            [CD_BILLING_COL_ROLE] = l->role,
            [CD_BILLING_COL_MINUTES] = minutes,
            [CD_BILLING_COL_CODES] = l->earned.codes,
            [CD_BILLING_COL_NEXT_THRESHOLD_IN] = l->next_in_minutes >= 0 ? next : NULL,
            [CD_BILLING_COL_REASON] = l->reason[0] ? l->reason : NULL,
        };
        if (cd_page_add_row(page, row))
            return CD_ENOMEM;
    }
    return 0;
}

static const struct cd_page *sort_page;
static int sort_col, sort_desc, sort_numeric;

static int cmp_rows(const void *a, const void *b)
{
    size_t ra = *(const size_t *)a, rb = *(const size_t *)b;
    const char *x = cd_page_get(sort_page, ra, (size_t)sort_col);
    const char *y = cd_page_get(sort_page, rb, (size_t)sort_col);
    int c;
    if (!x || !y) {
        c = (x == NULL) - (y == NULL); /* rows without a value go last either way */
        if (c)
            return c;
    } else if (sort_numeric) {
        long long u = atoll(x), v = atoll(y);
        c = (u > v) - (u < v);
    } else {
        c = strcmp(x, y);
    }
    if (sort_desc)
        c = -c;
    if (!c) /* stable: the MRN order of the source page */
        c = (ra > rb) - (ra < rb);
    return c;
}

/* Reorder, filter and page SRC into DST as Q asks. */
static int arrange(const struct cd_page *src, const struct cd_billing_query *q, struct cd_page *dst)
{
    size_t *idx = malloc((src->nrows ? src->nrows : 1) * sizeof *idx), n = 0;
    if (!idx)
        return CD_ENOMEM;
    for (size_t i = 0; i < src->nrows; i++) {
        const char *next = cd_page_get(src, i, CD_BILLING_COL_NEXT_THRESHOLD_IN);
        if (q->close_within > 0 && (!next || atoi(next) > q->close_within))
            continue;
        idx[n++] = i;
    }
    static const int cols[] = {
        [CD_BILLING_SORT_MRN] = CD_BILLING_COL_MRN,
        [CD_BILLING_SORT_PATIENT] = CD_BILLING_COL_PATIENT,
        [CD_BILLING_SORT_MINUTES] = CD_BILLING_COL_MINUTES,
        [CD_BILLING_SORT_NEXT] = CD_BILLING_COL_NEXT_THRESHOLD_IN,
    };
    sort_page = src;
    sort_col = cols[q->sort];
    sort_numeric = q->sort == CD_BILLING_SORT_MINUTES || q->sort == CD_BILLING_SORT_NEXT;
    sort_desc = q->descending;
    if (q->sort != CD_BILLING_SORT_MRN || q->descending)
        qsort(idx, n, sizeof *idx, cmp_rows);
    int rc = cd_page_set_columns(dst, CD_BILLING_NCOLS, list_cols);
    size_t end = q->limit && q->offset + q->limit < n ? q->offset + q->limit : n;
    for (size_t i = q->offset; !rc && i < end; i++) {
        const char *row[CD_BILLING_NCOLS];
        for (size_t c = 0; c < CD_BILLING_NCOLS; c++)
            row[c] = cd_page_get(src, idx[i], c);
        rc = cd_page_add_row(dst, row);
    }
    free(idx);
    return rc ? CD_ENOMEM : 0;
}

int cd_billing_list(struct cd_store *store, const struct cd_billing_query *q, struct cd_page *page,
                    struct cd_error *err)
{
    int rc;
    const struct cd_billing_rules *r;
    if ((rc = cd_billing_rules_builtin(&r, err)))
        return rc;
    char month[CD_MONTH_LEN];
    if (q->month)
        snprintf(month, sizeof month, "%s", q->month);
    else
        cd_month_of(cd_clock_now(), month);
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_MONTH, &st, err)))
        return rc;
    rc = bind_month(st, q->month ? q->month : month, err);
    if (rc) {
        cd_db_done(st);
        return rc;
    }
    bool direct = q->sort == CD_BILLING_SORT_MRN && !q->descending && q->close_within <= 0 &&
                  !q->offset && !q->limit;
    struct cd_page all = CD_PAGE_INIT;
    struct cd_page *out = direct ? page : &all;
    struct cd_billing_line lines[CD_BILLING_MAX_LINES];
    size_t n = 0;
    char mrn[65] = "", patient[210] = "";
    if (cd_page_set_columns(out, CD_BILLING_NCOLS, list_cols))
        rc = CD_ENOMEM;
    while (!rc && (rc = cd_db_step(store, st, err)) == 1) {
        const char *m = cd_db_col_text(st, C_MRN);
        rc = 0;
        if (n && strcmp(m, mrn) != 0) {
            settle(r, lines, n);
            rc = emit(out, mrn, patient, lines, n);
            n = 0;
        }
        if (!n) {
            snprintf(mrn, sizeof mrn, "%s", m);
            snprintf(patient, sizeof patient, "%s", cd_db_col_text(st, C_PATIENT));
        }
        if (n < CD_BILLING_MAX_LINES)
            fill_line(st, &lines[n++]);
    }
    cd_db_done(st);
    if (!rc && n) {
        settle(r, lines, n);
        rc = emit(out, mrn, patient, lines, n);
    }
    if (!rc && !direct)
        rc = arrange(&all, q, page);
    cd_page_free(&all);
    if (rc == CD_ENOMEM)
        return cd_error_set(err, CD_ENOMEM, "out of memory");
    return rc;
}

int cd_billing_read(struct cd_store *store, const struct cd_billing_query *q, struct cd_page *page,
                    struct cd_error *err)
{
    size_t before = page->nrows;
    int rc = cd_billing_list(store, q, page, err);
    if (rc)
        return rc;
    char month[CD_MONTH_LEN], detail[64];
    if (!q->month)
        cd_month_of(cd_clock_now(), month);
    size_t n = page->nrows - before;
    snprintf(detail, sizeof detail, "%s: %zu row%s", q->month ? q->month : month, n,
             n == 1 ? "" : "s");
    return cd_audit_access(store, "billing", 0, "read", detail, err);
}
