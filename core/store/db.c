/* SPDX-License-Identifier: MIT */
/* Typed access for core's modules (core/store/db.h): the statement cache, checked binding,
 * stepping, the current row's columns, and SQLite results mapped to CD_E* codes. */
#include "config.h"
#include "core/store/db.h"

#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/strbuf.h"
#include "core/store/access.h"
#include "core/store/store_impl.h"

int cd_db_error(struct cd_store *store, int rc, const char *what, struct cd_error *err)
{
    int prim = rc & 0xff;
    const char *msg = store ? sqlite3_errmsg(store->db) : sqlite3_errstr(rc);
    /* Where the machine, not the data, is the trouble, the sentence names the file and the cause
     * instead of the step that met it. SQLite reports a full disk as SQLITE_FULL when a write
     * fails, and as an I/O error when it cannot size its shared-memory file. */
    if (prim == SQLITE_FULL || (store && (prim == SQLITE_IOERR || prim == SQLITE_CANTOPEN) &&
                                sqlite3_system_errno(store->db) == ENOSPC))
        return cd_error_set(err, CD_EIO, "the disk holding %s is full; nothing was written",
                            store ? store->path : "the database");
    if (prim == SQLITE_READONLY && store) {
        if (cd_store_check_writable(store->path, err))
            return CD_EPERM;
        return cd_error_set(err, CD_EPERM, "%s: %s is open read-only", what, store->path);
    }
    switch (prim) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return cd_error_set(err, CD_EBUSY,
                            "%s: the database is busy (another session is writing); try again",
                            what);
    case SQLITE_CONSTRAINT:
        if (rc == SQLITE_CONSTRAINT_COMMITHOOK)
            return cd_error_set(err, CD_EIO, "%s: write outside a transaction was refused", what);
        if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
            return cd_error_set(err, CD_EEXIST, "%s: already exists", what);
        return cd_error_set(err, CD_EINVAL, "%s: %s", what, msg);
    case SQLITE_NOMEM: return cd_error_set(err, CD_ENOMEM, "%s: out of memory", what);
    case SQLITE_NOTADB: return cd_error_set(err, CD_EFOREIGN, "%s: not a caredesk database", what);
    case SQLITE_READONLY: return cd_error_set(err, CD_EPERM, "%s: the database is read-only", what);
    default: return cd_error_set(err, CD_EIO, "%s: %s", what, msg);
    }
}

/* Prepare SQL (one statement, nothing after it) into a new struct cd_stmt. */
static int prepare(struct cd_store *store, const char *sql, unsigned flags, struct cd_stmt **out,
                   struct cd_error *err)
{
    struct cd_stmt *st = calloc(1, sizeof *st);
    if (!st)
        return cd_error_set(err, CD_ENOMEM, "out of memory");
    const char *tail = NULL;
    int rc = sqlite3_prepare_v3(store->db, sql, -1, flags, &st->st, &tail);
    if (rc != SQLITE_OK) {
        free(st);
        return cd_db_error(store, rc, "preparing a query", err);
    }
    while (tail && (*tail == ' ' || *tail == '\n' || *tail == '\t' || *tail == ';'))
        tail++;
    if (tail && *tail) {
        sqlite3_finalize(st->st);
        free(st);
        return cd_error_set(err, CD_EINVAL, "query has trailing text: %.40s", tail);
    }
    st->store = store;
    *out = st;
    return 0;
}

int cd_db_stmt(struct cd_store *store, const char *sql, struct cd_stmt **out, struct cd_error *err)
{
    for (size_t i = 0; i < store->nstmts; i++)
        if (store->stmts[i]->key == sql) {
            *out = store->stmts[i];
            return 0;
        }
    if (store->nstmts == store->capstmts) {
        size_t cap = store->capstmts ? store->capstmts * 2 : 64;
        struct cd_stmt **s = realloc(store->stmts, cap * sizeof *s);
        if (!s)
            return cd_error_set(err, CD_ENOMEM, "out of memory");
        store->stmts = s;
        store->capstmts = cap;
    }
    struct cd_stmt *st;
    int rc = prepare(store, sql, SQLITE_PREPARE_PERSISTENT, &st, err);
    if (rc)
        return rc;
    st->key = sql;
    store->stmts[store->nstmts++] = st;
    *out = st;
    return 0;
}

int cd_db_prepare(struct cd_store *store, const char *sql, struct cd_stmt **out,
                  struct cd_error *err)
{
    return prepare(store, sql, 0, out, err);
}

void cd_db_finalize(struct cd_stmt *st)
{
    if (st) {
        assert(!st->key); /* cached statements belong to the store */
        sqlite3_finalize(st->st);
        free(st);
    }
}

void cd_db_cache_free(struct cd_store *store)
{
    for (size_t i = 0; i < store->nstmts; i++) {
        sqlite3_finalize(store->stmts[i]->st);
        free(store->stmts[i]);
    }
    free(store->stmts);
    store->stmts = NULL;
    store->nstmts = store->capstmts = 0;
}

void cd_db_done(struct cd_stmt *st)
{
    if (st) {
        sqlite3_reset(st->st);
        sqlite3_clear_bindings(st->st);
        st->bad_param = NULL;
        st->bad_code = 0;
    }
}

/* The index of NAME in ST, or 0 after remembering the unknown name. */
static int param(struct cd_stmt *st, const char *name)
{
    int i = sqlite3_bind_parameter_index(st->st, name);
    if (i <= 0 && !st->bad_param) {
        st->bad_param = name;
        st->bad_code = CD_EINVAL;
    }
    return i > 0 ? i : 0;
}

/* The result of an sqlite3_bind_* call for NAME: 0, or the remembered failure. */
static int bound(struct cd_stmt *st, const char *name, int rc)
{
    if (rc == SQLITE_OK)
        return 0;
    if (!st->bad_param) {
        st->bad_param = name;
        st->bad_code = rc == SQLITE_NOMEM || rc == SQLITE_TOOBIG ? CD_ENOMEM : CD_EINVAL;
    }
    return st->bad_code;
}

int cd_db_bind_text(struct cd_stmt *st, const char *name, const char *value)
{
    int i = param(st, name);
    return i ? bound(st, name, sqlite3_bind_text(st->st, i, value, -1, SQLITE_TRANSIENT))
             : CD_EINVAL;
}

int cd_db_bind_int(struct cd_stmt *st, const char *name, int64_t value)
{
    int i = param(st, name);
    return i ? bound(st, name, sqlite3_bind_int64(st->st, i, value)) : CD_EINVAL;
}

int cd_db_bind_null(struct cd_stmt *st, const char *name)
{
    int i = param(st, name);
    return i ? bound(st, name, sqlite3_bind_null(st->st, i)) : CD_EINVAL;
}

int cd_db_bind_opt(struct cd_stmt *st, const char *name, const char *value)
{
    return value && *value ? cd_db_bind_text(st, name, value) : cd_db_bind_null(st, name);
}

int cd_db_bind_id(struct cd_stmt *st, const char *name, int64_t id)
{
    return id ? cd_db_bind_int(st, name, id) : cd_db_bind_null(st, name);
}

bool cd_db_has_param(const struct cd_stmt *st, const char *name)
{
    return sqlite3_bind_parameter_index(st->st, name) > 0;
}

int cd_db_step(struct cd_store *store, struct cd_stmt *st, struct cd_error *err)
{
    assert(st && st->store == store);
    if (st->bad_param)
        return cd_error_set(err, st->bad_code,
                            st->bad_code == CD_ENOMEM ? "out of memory binding %s"
                                                      : "the query has no parameter %s",
                            st->bad_param);
    int rc = sqlite3_step(st->st);
    if (rc == SQLITE_ROW)
        return 1;
    if (rc == SQLITE_DONE)
        return 0;
    int ext = sqlite3_extended_errcode(store->db);
    return cd_db_error(store, ext ? ext : rc, "database", err);
}

int cd_db_exec(struct cd_store *store, struct cd_stmt *st, struct cd_error *err)
{
    /* every write belongs to a transaction (cd_store_begin) */
    assert(sqlite3_stmt_readonly(st->st) || store->depth > 0);
    int rc;
    while ((rc = cd_db_step(store, st, err)) == 1)
        ;
    return rc;
}

const char *cd_db_col_text(struct cd_stmt *st, int col)
{
    assert(col >= 0 && col < sqlite3_column_count(st->st));
    return (const char *)sqlite3_column_text(st->st, col);
}

int64_t cd_db_col_int(struct cd_stmt *st, int col)
{
    assert(col >= 0 && col < sqlite3_column_count(st->st));
    return sqlite3_column_int64(st->st, col);
}

bool cd_db_col_null(struct cd_stmt *st, int col)
{
    assert(col >= 0 && col < sqlite3_column_count(st->st));
    return sqlite3_column_type(st->st, col) == SQLITE_NULL;
}

char *cd_db_col_dup(struct cd_stmt *st, int col)
{
    const char *t = cd_db_col_text(st, col);
    return t ? cd_strdup(t) : NULL;
}

int64_t cd_db_last_id(struct cd_store *store)
{
    return sqlite3_last_insert_rowid(store->db);
}

int cd_db_changes(struct cd_store *store)
{
    return sqlite3_changes(store->db);
}

int cd_db_fill_page(struct cd_store *store, struct cd_stmt *st, struct cd_page *page,
                    struct cd_error *err)
{
    int ncols = sqlite3_column_count(st->st);
    const char *vals[64];
    if (ncols > 64)
        return cd_error_set(err, CD_EINVAL, "query has too many columns");
    if (page->ncols == 0 && page->nrows == 0) {
        for (int c = 0; c < ncols; c++)
            vals[c] = sqlite3_column_name(st->st, c);
        if (cd_page_set_columns(page, (size_t)ncols, vals))
            return cd_error_set(err, CD_ENOMEM, "out of memory");
    } else if ((size_t)ncols != page->ncols) {
        return cd_error_set(err, CD_EINVAL, "query columns do not match the page");
    }
    int rc;
    while ((rc = cd_db_step(store, st, err)) == 1) {
        for (int c = 0; c < ncols; c++)
            vals[c] = (const char *)sqlite3_column_text(st->st, c);
        if (cd_page_add_row(page, vals))
            return cd_error_set(err, CD_ENOMEM, "out of memory");
    }
    return rc;
}

int cd_db_query_page(struct cd_store *store, const char *sql, const char *id_name, int64_t id,
                     const char *text_name, const char *text, struct cd_page *page,
                     struct cd_error *err)
{
    struct cd_stmt *st;
    int rc = cd_db_stmt(store, sql, &st, err);
    if (rc)
        return rc;
    if (id_name)
        cd_db_bind_int(st, id_name, id);
    if (text_name)
        cd_db_bind_text(st, text_name, text);
    rc = cd_db_fill_page(store, st, page, err);
    cd_db_done(st);
    return rc;
}

int cd_db_exec_script(struct cd_store *store, const char *sql, struct cd_error *err)
{
    int rc = sqlite3_exec(store->db, sql, NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return cd_db_error(store, sqlite3_extended_errcode(store->db), "database", err);
    return 0;
}
