/* SPDX-License-Identifier: MIT */
/* Reading the audit log: walking its hash chain to find what was changed outside caredesk, and
 * browsing it newest first for a supervisor. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "core/base/clock.h"
#include "core/store/audit.h"
#include "core/store/db.h"
#include "core/store/store_impl.h"

static const char SQL_WALK[] =
    "SELECT id, at, user_id, entity, entity_id, action, detail, patient_id, prev_hash, hash "
    "FROM audit_log NOT INDEXED ORDER BY id";

static int missing(int64_t first, int64_t last, int64_t before, int64_t after, struct cd_error *err)
{
    if (!before && first == last)
        return cd_error_set(err, CD_ECONFLICT,
                            "audit entry %" PRId64 " is missing (the log starts at entry %" PRId64
                            ")",
                            first, after);
    if (!before)
        return cd_error_set(err, CD_ECONFLICT,
                            "audit entries %" PRId64 " to %" PRId64
                            " are missing (the log starts at entry %" PRId64 ")",
                            first, last, after);
    if (first == last)
        return cd_error_set(err, CD_ECONFLICT,
                            "audit entry %" PRId64 " is missing (the chain breaks between %" PRId64
                            " and %" PRId64 ")",
                            first, before, after);
    return cd_error_set(err, CD_ECONFLICT,
                        "audit entries %" PRId64 " to %" PRId64
                        " are missing (the chain breaks between %" PRId64 " and %" PRId64 ")",
                        first, last, before, after);
}

/* Check one entry, the current row of ST, against LAST (the previous entry's hash, LAST_ID its
 * id, 0 before the first). On success LAST becomes this entry's hash. */
static int check_entry(struct cd_stmt *st, unsigned char last[CD_AUDIT_HASH_LEN], int64_t *last_id,
                       struct cd_error *err)
{
    sqlite3_stmt *s = st->st;
    int64_t id = sqlite3_column_int64(s, 0);
    if (id != *last_id + 1)
        return missing(*last_id + 1, id - 1, *last_id, id, err);
    const void *prev = sqlite3_column_blob(s, 8);
    int prev_len = sqlite3_column_bytes(s, 8);
    if (!prev || prev_len != CD_AUDIT_HASH_LEN || memcmp(prev, last, CD_AUDIT_HASH_LEN) != 0)
        return cd_error_set(err, CD_ECONFLICT,
                            "audit entry %" PRId64 " was inserted out of the chain", id);
    const char *fields[CD_AUDIT_FIELDS];
    size_t lens[CD_AUDIT_FIELDS];
    for (int i = 0; i < CD_AUDIT_FIELDS; i++) {
        bool null = sqlite3_column_type(s, i) == SQLITE_NULL;
        fields[i] = null ? NULL : (const char *)sqlite3_column_text(s, i);
        lens[i] = null ? 0 : (size_t)sqlite3_column_bytes(s, i);
    }
    unsigned char want[CD_AUDIT_HASH_LEN];
    cd_audit_hash_n(prev, (size_t)prev_len, fields, lens, want);
    const void *hash = sqlite3_column_blob(s, 9);
    if (sqlite3_column_bytes(s, 9) != CD_AUDIT_HASH_LEN || !hash ||
        memcmp(hash, want, CD_AUDIT_HASH_LEN) != 0)
        return cd_error_set(
            err, CD_ECONFLICT,
            "audit entry %" PRId64 " was altered (its hash does not match its content)", id);
    memcpy(last, want, CD_AUDIT_HASH_LEN);
    *last_id = id;
    return 0;
}

int cd_audit_verify(struct cd_store *store, int64_t *entries, struct cd_error *err)
{
    /* One statement reads one snapshot: writers appending meanwhile are not seen. */
    struct cd_stmt *st;
    int rc;
    *entries = 0;
    if ((rc = cd_db_stmt(store, SQL_WALK, &st, err)))
        return rc;
    unsigned char last[CD_AUDIT_HASH_LEN] = {0};
    int64_t last_id = 0;
    while ((rc = cd_db_step(store, st, err)) == 1 && !(rc = check_entry(st, last, &last_id, err)))
        ++*entries;
    cd_db_done(st);
    return rc < 0 ? rc : 0;
}

/* Newest first, down the primary key; the patient filter has a statement of its own that reads
 * through the patient index. The indexes are named: statistics gathered when the log was small
 * would have the planner scan another index and sort. */
#define BROWSE_SELECT(a)                                                                           \
    "SELECT a.id AS entry, a.at, u.login AS who, a.entity, a.action, p.mrn AS patient, "           \
    "a.detail FROM audit_log " a " LEFT JOIN users u ON u.id = a.user_id "                         \
    "LEFT JOIN patients p ON p.id = a.patient_id "
#define BROWSE_WHERE                                                                               \
    "(:user IS NULL OR a.user_id = :user) AND (:from IS NULL OR a.at >= :from) "                   \
    "AND (:to IS NULL OR a.at < :to) ORDER BY a.id DESC"
static const char SQL_BROWSE[] = BROWSE_SELECT("a NOT INDEXED") "WHERE " BROWSE_WHERE;
static const char SQL_BROWSE_PATIENT[] = BROWSE_SELECT(
    "a INDEXED BY audit_log_patient") "WHERE a.patient_id = :patient AND " BROWSE_WHERE;

/* DATE (clinic local, YYYY-MM-DD) plus DAYS as the UTC instant of its midnight, into AT. */
static int bound(const char *name, const char *date, int days, char *at, struct cd_error *err)
{
    int day;
    if (cd_date_parse(date, &day, NULL))
        return cd_error_set(err, CD_EINVAL, "%s: '%s' is not a date (YYYY-MM-DD)", name, date);
    cd_instant_format(cd_local_to_instant(day + days, 0, 0, 0), at);
    return 0;
}

/* "care_plan" "export" reads "care plan export". */
static void what_text(const char *entity, const char *action, char *out, size_t size)
{
    snprintf(out, size, "%s %s", entity ? entity : "", action ? action : "");
    for (char *p = out; *p; p++)
        if (*p == '_')
            *p = ' ';
}

static int browse_rows(struct cd_store *store, struct cd_stmt *st, struct cd_page *page,
                       struct cd_error *err)
{
    static const char *const cols[] = {"entry", "when", "who", "what", "patient", "detail"};
    int rc = page->ncols ? 0 : cd_page_set_columns(page, 6, cols);
    while (!rc && (rc = cd_db_step(store, st, err)) == 1) {
        char when[32] = "", what[160];
        time_t t;
        const char *at = cd_db_col_text(st, 1);
        if (at && !cd_instant_parse(at, &t, NULL)) {
            struct tm tm;
            cd_instant_local_tm(t, &tm);
            strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
        }
        what_text(cd_db_col_text(st, 3), cd_db_col_text(st, 4), what, sizeof what);
        const char *v[6] = {cd_db_col_text(st, 0), when,
                            cd_db_col_text(st, 2), what,
                            cd_db_col_text(st, 5), cd_db_col_text(st, 6)};
        rc = cd_page_add_row(page, v) ? cd_error_set(err, CD_ENOMEM, "out of memory") : 0;
    }
    return rc < 0 ? rc : 0;
}

int cd_audit_browse(struct cd_store *store, const struct cd_audit_query *q, struct cd_page *page,
                    struct cd_error *err)
{
    char from[CD_INSTANT_LEN], to[CD_INSTANT_LEN];
    int rc;
    if ((q->from && *q->from && (rc = bound("from", q->from, 0, from, err))) ||
        (q->to && *q->to && (rc = bound("to", q->to, 1, to, err))))
        return rc;
    if (q->from && *q->from && q->to && *q->to && strcmp(to, from) <= 0)
        return cd_error_set(err, CD_EINVAL, "to: '%s' is before from '%s'", q->to, q->from);
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, q->patient_id ? SQL_BROWSE_PATIENT : SQL_BROWSE, &st, err)))
        return rc;
    if (q->patient_id)
        cd_db_bind_int(st, ":patient", q->patient_id);
    cd_db_bind_id(st, ":user", q->user_id);
    cd_db_bind_opt(st, ":from", q->from && *q->from ? from : NULL);
    cd_db_bind_opt(st, ":to", q->to && *q->to ? to : NULL);
    size_t before = page->nrows;
    rc = browse_rows(store, st, page, err);
    cd_db_done(st);
    if (rc)
        return rc;
    char detail[48];
    snprintf(detail, sizeof detail, "%zu entr%s", page->nrows - before,
             page->nrows - before == 1 ? "y" : "ies");
    return cd_audit_access(store, "audit_log", q->patient_id, "read", detail, err);
}
