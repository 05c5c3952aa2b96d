/* SPDX-License-Identifier: MIT */
/* The SQLite store: opening with checks, forward-only migrations, the statement cache,
 * nested transactions guarded by a commit hook, and SQLite-to-caredesk error mapping. */
#include "config.h"
#include "core/store/store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/base/builtin.h"
#include "core/base/clock.h"
#include "core/base/strbuf.h"
#include "core/store/access.h"
#include "core/store/db.h"
#include "core/store/dbfile.h"
#include "core/store/store_impl.h"

#define CD_APPLICATION_ID 1130457419 /* 'CDSK' */

/* Migrations in order; each is data/schema/NNN_name.sql compiled in. */
static const struct {
    int version;
    const char *file;
} migrations[] = {
    {1, "schema/001_init.sql"},        {2, "schema/002_generation_indexes.sql"},
    {3, "schema/003_audit_chain.sql"}, {4, "schema/004_bounded_time.sql"},
    {5, "schema/005_intake_risk.sql"},
};
#define N_MIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

int cd_store_schema_latest(void)
{
    return migrations[N_MIGRATIONS - 1].version;
}

sqlite3 *cd_store_sqlite(struct cd_store *store)
{
    return store->db;
}

const char *cd_store_path(const struct cd_store *store)
{
    return store->path;
}

void cd_store_set_actor(struct cd_store *store, int64_t user_id)
{
    store->actor = user_id;
}

int64_t cd_store_actor(const struct cd_store *store)
{
    return store->actor;
}

long cd_store_team_gid(const struct cd_store *store)
{
    return store->team_gid;
}

bool cd_store_caller_owns(const struct cd_store *store)
{
    return store->owner == geteuid();
}

const char *cd_store_notes(const struct cd_store *store)
{
    return store->notes ? store->notes : "";
}

void cd_store_interrupt(struct cd_store *store)
{
    sqlite3_interrupt(store->db);
}

char *cd_store_default_path(void)
{
    struct cd_strbuf sb = CD_STRBUF_INIT;
    const char *env = getenv("CAREDESK_DB");
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    if (env && *env)
        cd_strbuf_add(&sb, env);
    else if (xdg && *xdg == '/')
        cd_strbuf_addf(&sb, "%s/caredesk/caredesk.db", xdg);
    else
        cd_strbuf_addf(&sb, "%s/.local/share/caredesk/caredesk.db", home && *home ? home : ".");
    return cd_strbuf_take(&sb);
}

static int commit_hook(void *arg)
{
    struct cd_store *store = arg;
    return !store->allow_commit; /* non-zero turns the COMMIT into a ROLLBACK */
}

static int pragma_int(struct cd_store *store, const char *sql, int64_t *out, struct cd_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(store->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return cd_db_error(store, rc, store->path, err);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *out = sqlite3_column_int64(st, 0);
        rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
        *out = 0;
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_OK ? 0 : cd_db_error(store, rc, store->path, err);
}

int cd_store_schema_opened(const struct cd_store *store)
{
    return store->opened_version;
}

int cd_store_set_cache(struct cd_store *store, int kib, struct cd_error *err)
{
    char pragma[48];
    snprintf(pragma, sizeof pragma, "PRAGMA cache_size = -%d", kib > 0 ? kib : 2000);
    return cd_db_exec_script(store, pragma, err);
}

int cd_store_schema_version(struct cd_store *store)
{
    int64_t v = 0;
    pragma_int(store, "PRAGMA user_version", &v, NULL);
    return (int)v;
}

int64_t cd_store_data_version(struct cd_store *store)
{
    int64_t v = 0;
    pragma_int(store, "PRAGMA data_version", &v, NULL);
    return v;
}

/* Waiting for another session's write lock: try again every 2 ms for up to 5 s. SQLite's own
 * busy timeout backs off to 100 ms sleeps, so a writer that commits in short batches and begins
 * the next at once (the day's worklist generation) could starve a nurse's save; polling this
 * often takes the lock in the gap between two batches (cd_store_yield). */
#define BUSY_POLL_US 2000
#define BUSY_LIMIT_US 5000000
static int busy_wait(void *ctx, int tries)
{
    (void)ctx;
    if ((long)tries * BUSY_POLL_US >= BUSY_LIMIT_US)
        return 0;
    struct timespec ts = {0, BUSY_POLL_US * 1000L};
    nanosleep(&ts, NULL);
    return 1;
}

void cd_store_yield(struct cd_store *store)
{
    (void)store;
    struct timespec ts = {0, 3 * BUSY_POLL_US * 1000L};
    nanosleep(&ts, NULL);
}

int cd_store_begin_at(struct cd_store *store, const char *file, int line, struct cd_error *err)
{
    if (store->depth++ > 0)
        return 0;
    store->begin_file = file;
    store->begin_line = line;
    int rc = sqlite3_exec(store->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        store->depth = 0;
        return cd_db_error(store, sqlite3_extended_errcode(store->db), "starting a change", err);
    }
    return 0;
}

int cd_store_commit(struct cd_store *store, struct cd_error *err)
{
    if (store->depth <= 0)
        return cd_error_set(err, CD_EINVAL, "commit without a transaction");
    /* the transaction's audit entries go into the log in one statement, inside it */
    int flushed = store->depth == 1 ? cd_audit_flush(store, err) : 0;
    if (flushed) {
        cd_store_rollback(store);
        return flushed;
    }
    if (--store->depth > 0)
        return 0;
    store->allow_commit = 1;
    int rc = sqlite3_exec(store->db, "COMMIT", NULL, NULL, NULL);
    store->allow_commit = 0;
    store->audit_staged = 0;
    if (rc != SQLITE_OK) {
        int ext = sqlite3_extended_errcode(store->db);
        if (!sqlite3_get_autocommit(store->db))
            sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
        return cd_db_error(store, ext, "saving the change", err);
    }
    return 0;
}

void cd_store_rollback(struct cd_store *store)
{
    store->depth = 0;
    store->audit_staged = 0;
    if (!sqlite3_get_autocommit(store->db))
        sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
}

int cd_store_finish(struct cd_store *store, int rc, struct cd_error *err)
{
    if (!rc)
        rc = cd_store_commit(store, err);
    if (rc)
        cd_store_rollback(store);
    return rc;
}

bool cd_store_in_transaction(const struct cd_store *store)
{
    return store->depth > 0;
}

int cd_mkdir_parents(const char *path, struct cd_error *err)
{
    char *dir = cd_strdup(path);
    if (!dir)
        return cd_error_set(err, CD_ENOMEM, "out of memory");
    for (char *p = dir + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
            int e = errno;
            cd_error_set(err, CD_EIO, "cannot create directory %s: %s", dir, strerror(e));
            free(dir);
            return CD_EIO;
        }
        *p = '/';
    }
    free(dir);
    return 0;
}

static int migrate(struct cd_store *store, int from, struct cd_error *err)
{
    for (int i = 0; i < N_MIGRATIONS; i++) {
        if (migrations[i].version <= from)
            continue;
        const char *sql = cd_builtin_get(migrations[i].file);
        if (!sql)
            return cd_error_set(err, CD_EIO, "migration %s is missing from this build",
                                migrations[i].file);
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", migrations[i].version);
        int rc = sqlite3_exec(store->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(store->db, sql, NULL, NULL, NULL);
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(store->db, pragma, NULL, NULL, NULL);
        if (rc == SQLITE_OK) {
            store->allow_commit = 1;
            rc = sqlite3_exec(store->db, "COMMIT", NULL, NULL, NULL);
            store->allow_commit = 0;
        }
        if (rc != SQLITE_OK) {
            const char *name = strrchr(migrations[i].file, '/') + 1;
            cd_error_set(err, CD_EIO, "migration %s failed: %s", name, sqlite3_errmsg(store->db));
            if (!sqlite3_get_autocommit(store->db))
                sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
            return CD_EIO;
        }
    }
    return 0;
}

static int check_identity(struct cd_store *store, struct cd_error *err)
{
    int64_t app = 0, ver = 0, tables = 0;
    int rc = pragma_int(store, "PRAGMA application_id", &app, err);
    if (rc == CD_EFOREIGN)
        return cd_error_set(err, CD_EFOREIGN, "%s is not a caredesk database; refusing to touch it",
                            store->path);
    if (rc)
        return rc;
    if ((rc = pragma_int(store, "PRAGMA user_version", &ver, err)) ||
        (rc = pragma_int(store, "SELECT count(*) FROM sqlite_schema", &tables, err)))
        return rc;
    if (app != CD_APPLICATION_ID && (app != 0 || tables > 0 || ver != 0))
        return cd_error_set(err, CD_EFOREIGN, "%s is not a caredesk database; refusing to touch it",
                            store->path);
    if (ver > cd_store_schema_latest())
        return cd_error_set(
            err, CD_ESCHEMA,
            "%s was written by a newer caredesk (schema %lld, this build knows %d); "
            "left untouched: upgrade caredesk",
            store->path, (long long)ver, cd_store_schema_latest());
    return 0;
}

static int load_zone(struct cd_store *store, struct cd_error *err)
{
    struct cd_stmt *st;
    int rc = cd_db_stmt(store, "SELECT value FROM settings WHERE key = 'timezone'", &st, err);
    if (rc)
        return rc;
    rc = cd_db_step(store, st, err);
    int ret = 0;
    if (rc == 1) {
        const char *zone = cd_db_col_text(st, 0);
        ret = cd_clock_set_zone(zone ? zone : "UTC", err);
    } else if (rc < 0) {
        ret = rc;
    }
    cd_db_done(st);
    return ret;
}

int cd_store_open(const char *path, unsigned flags, struct cd_store **out, struct cd_error *err)
{
    *out = NULL;
    /* who owns the file and its directory, how open they are, team mode: before SQLite opens it */
    struct cd_dbfile file;
    int ret = cd_dbfile_check(path, flags & CD_STORE_CREATE, &file, err);
    if (ret)
        return ret;
    if (!(flags & CD_STORE_READONLY) && cd_store_check_writable(path, err)) {
        if (!(flags & CD_STORE_READ_FALLBACK))
            return CD_EPERM;
        cd_error_clear(err);
        flags |= CD_STORE_READONLY;
    }

    struct cd_store *store = calloc(1, sizeof *store);
    if (!store || !(store->path = cd_strdup(path))) {
        free(store);
        return cd_error_set(err, CD_ENOMEM, "out of memory");
    }
    store->team_gid = file.team_gid;
    store->owner = file.owner;
    bool ro = flags & CD_STORE_READONLY;
    char *uri = ro ? cd_store_readonly_uri(path) : NULL;
    int oflags = (ro ? SQLITE_OPEN_READONLY | SQLITE_OPEN_URI : SQLITE_OPEN_READWRITE) |
                 SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_NOFOLLOW;
    int rc = ro && !uri ? SQLITE_NOMEM : sqlite3_open_v2(ro ? uri : path, &store->db, oflags, NULL);
    free(uri);
    if (rc != SQLITE_OK) {
        cd_error_set(err, CD_EIO, "cannot open %s: %s", path,
                     store->db ? sqlite3_errmsg(store->db) : sqlite3_errstr(rc));
        cd_store_close(store);
        return CD_EIO;
    }
    sqlite3_extended_result_codes(store->db, 1);
    sqlite3_busy_handler(store->db, busy_wait, NULL);
    sqlite3_commit_hook(store->db, commit_hook, store);
    if (cd_store_register_labels(store->db) != SQLITE_OK ||
        cd_store_register_audit(store->db) != SQLITE_OK) {
        cd_error_set(err, CD_EIO, "cannot open %s: %s", path, sqlite3_errmsg(store->db));
        cd_store_close(store);
        return CD_EIO;
    }

    ret = cd_dbfile_same(path, &file, err);
    if (!ret)
        ret = check_identity(store, err);
    if (!ret) { /* caredesk's file: now tighten what is too open, before writing anything */
        struct cd_strbuf notes = CD_STRBUF_INIT;
        ret = cd_dbfile_repair(path, &file, &notes, err);
        store->notes = cd_strbuf_take(&notes);
    }
    if (!ret && !(flags & CD_STORE_READONLY)) {
        store->allow_commit = 1; /* switching to WAL commits on its own */
        if (!(ret = cd_db_exec_script(store, "PRAGMA journal_mode = WAL", err)))
            ret = cd_db_exec_script(store, "PRAGMA synchronous = FULL", err);
        store->allow_commit = 0;
    }
    if (!ret)
        ret = cd_db_exec_script(store, "PRAGMA foreign_keys = ON", err);
    if (!ret) {
        store->allow_commit = 1; /* the temp table commits on its own */
        ret = cd_audit_stage_table(store, err);
        store->allow_commit = 0;
    }
    if (!ret)
        store->opened_version = cd_store_schema_version(store);
    if (!ret && !(flags & CD_STORE_READONLY))
        ret = migrate(store, store->opened_version, err);
    else if (!ret && store->opened_version && store->opened_version < cd_store_schema_latest())
        ret = cd_error_set(err, CD_ESCHEMA,
                           "%s has schema %d and this caredesk needs %d; it can only be upgraded "
                           "by someone who can write it",
                           path, store->opened_version, cd_store_schema_latest());
    if (!ret && cd_store_schema_version(store) == 0)
        ret = cd_error_set(err, CD_ENOTFOUND, "%s has no caredesk schema (run 'caredesk init')",
                           path);
    if (!ret)
        ret = load_zone(store, err);
    if (ret) {
        /* On a full disk SQLite cannot size the -shm it needs to write; reading needs none. */
        bool full = ret == CD_EIO && sqlite3_system_errno(store->db) == ENOSPC;
        cd_store_close(store);
        if (full && !ro && (flags & CD_STORE_READ_FALLBACK)) {
            cd_error_clear(err);
            ret = cd_store_open(path, flags | CD_STORE_READONLY, out, err);
            if (!ret)
                (*out)->disk_full = true;
        }
        return ret;
    }
    *out = store;
    return 0;
}

void cd_store_close(struct cd_store *store)
{
    if (!store)
        return;
    if (store->db && !sqlite3_get_autocommit(store->db))
        sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
    cd_db_cache_free(store);
    if (store->db)
        sqlite3_close(store->db);
    free(store->path);
    free(store->notes);
    free(store);
}
