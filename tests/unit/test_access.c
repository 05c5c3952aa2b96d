/* SPDX-License-Identifier: MIT */
/* Unit tests of core/store/access: read-only opening (nothing created beside the file, a writer's
 * commits still seen, writes refused with the path), the fallback, and the URI. The cases that
 * need another OS user or a full disk are in tests/security/errors_*.sh. */
#include "config.h"

#include <sys/stat.h>

#include "core/base/builtin.h"
#include "core/store/access.h"
#include "core/store/audit.h"
#include "core/store/db.h"
#include "core/store/store_impl.h"
#include "core/worklist.h"
#include "tests/lib/tap.h"
#include "tests/lib/testdb.h"

static bool there(const char *path, const char *suffix)
{
    char p[400];
    struct stat st;
    snprintf(p, sizeof p, "%s%s", path, suffix);
    return stat(p, &st) == 0;
}

static int64_t scalar(struct cd_store *store, const char *sql)
{
    sqlite3_stmt *st;
    int64_t v = -1;
    if (sqlite3_prepare_v2(cd_store_sqlite(store), sql, -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            v = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    return v;
}

static void test_uri(void)
{
    char *u = cd_store_readonly_uri("/no such dir/a?b#c%.db");
    is_str(u, "file:///no%20such%20dir/a%3Fb%23c%25.db?mode=ro&immutable=1",
           "absolute path, reserved characters escaped, immutable without a -wal");
    free(u);
    u = cd_store_readonly_uri("rel/x.db");
    is_str(u, "file:rel/x.db?mode=ro&immutable=1", "relative path");
    free(u);
}

static void test_readonly_open(void)
{
    struct cd_error err = {0};
    struct cd_store *store = testdb_open("UTC", "2026-11-02T09:00");
    char path[400];
    snprintf(path, sizeof path, "%s", testdb_path);
    is_int(cd_store_check_writable(path, &err), 0, "the new database is writable");
    ok(!cd_store_readonly(store), "opened to write");
    is_int(cd_store_readonly_why(store, &err), 0, "no reason to be read-only");
    cd_store_close(store);
    ok(!there(path, "-wal") && !there(path, "-shm"), "a clean close leaves no -wal or -shm");

    is_int(cd_store_open(path, CD_STORE_READONLY, &store, &err), 0, "opens read-only");
    ok(cd_store_readonly(store), "the store says read-only");
    is_int(scalar(store, "SELECT count(*) FROM users WHERE login = 'admin'"), 1, "reads its rows");
    ok(!there(path, "-wal") && !there(path, "-shm"), "reading created no -wal or -shm");
    is_int(cd_store_readonly_why(store, &err), CD_EPERM, "read-only, and why");
    is_str(err.msg, "the database is read-only", "the reason");
    int rc = cd_store_begin(store, &err);
    if (!rc) /* an immutable file needs no lock to begin: the first write is refused */
        rc = cd_audit_log(store, "test", 1, "write", NULL, &err);
    if (!rc) /* audit entries are staged and reach the log when the transaction commits */
        rc = cd_store_commit(store, &err);
    else
        cd_store_rollback(store);
    is_int(rc, CD_EPERM, "a write is refused");
    char want[500];
    snprintf(want, sizeof want, "%s is open read-only", path);
    ok(strstr(err.msg, want) != NULL, "the refusal names the file: %s", err.msg);
    struct cd_worklist_gen res;
    is_int(cd_worklist_generate(store, false, &res, &err), 0, "the day's generation is no error");
    is_int(res.readonly, 1, "it says it skipped");
    is_int(res.ran, 0, "nothing ran");
    cd_store_close(store);
    ok(!there(path, "-wal") && !there(path, "-shm"), "closing left no -wal or -shm");

    /* a writer's commits still in its -wal are read through it, not from the stale main file */
    struct cd_store *writer = NULL;
    is_int(cd_store_open(path, 0, &writer, &err), 0, "a writer opens");
    cd_store_begin(writer, &err);
    int64_t id;
    cd_user_add(writer, "nurse", "Nurse", "coordinator", NULL, &id, &err);
    is_int(cd_store_commit(writer, &err), 0, "the writer commits to its -wal");
    is_int(cd_store_open(path, CD_STORE_READONLY, &store, &err), 0, "a reader opens beside it");
    is_int(scalar(store, "SELECT count(*) FROM users WHERE login = 'nurse'"), 1,
           "the reader sees the writer's commit");
    cd_store_close(store);
    cd_store_close(writer);

    is_int(cd_store_open(path, CD_STORE_READ_FALLBACK, &store, &err), 0, "fallback allowed");
    ok(!cd_store_readonly(store), "a writable database still opens to write");
    cd_store_close(store);
}

static void test_old_schema(void)
{
    struct cd_error err = {0};
    struct cd_store *store = NULL;
    sqlite3 *db;
    char path[400], want[600];
    snprintf(path, sizeof path, "%s/v1.db", testdb_dir);
    sqlite3_open(path, &db);
    sqlite3_exec(db, cd_builtin_get("schema/001_init.sql"), NULL, NULL, NULL);
    sqlite3_exec(db, "PRAGMA user_version = 1", NULL, NULL, NULL);
    sqlite3_close(db);
    is_int(cd_store_open(path, CD_STORE_READONLY, &store, &err), CD_ESCHEMA,
           "an old schema cannot be read without its migrations");
    snprintf(want, sizeof want,
             "%s has schema 1 and this caredesk needs %d; it can only be upgraded by someone "
             "who can write it",
             path, cd_store_schema_latest());
    is_str(err.msg, want, "the sentence says who can fix it");
}

static void test_missing(void)
{
    struct cd_error err = {0};
    char path[400];
    snprintf(path, sizeof path, "%s/none/x.db", testdb_dir);
    is_int(cd_store_check_writable(path, &err), 0, "a missing file is not refused here");
}

int main(void)
{
    test_uri();
    test_readonly_open();
    test_old_schema();
    test_missing();
    return done_testing();
}
