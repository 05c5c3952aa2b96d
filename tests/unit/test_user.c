/* SPDX-License-Identifier: MIT */
/* Unit tests of core/user's identity rules: the OS login from the password database whatever
 * $USER says, who may act as someone else (--user), and the audit row of acting as another. */
#include "config.h"

#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/store/store_impl.h"
#include "core/user.h"
#include "tests/lib/tap.h"
#include "tests/lib/testdb.h"

/* The first column of the first row of SQL, as text ("" when none). */
static const char *one(struct cd_store *store, const char *sql)
{
    static char buf[256];
    sqlite3_stmt *st = NULL;
    buf[0] = '\0';
    if (sqlite3_prepare_v2(cd_store_sqlite(store), sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        snprintf(buf, sizeof buf, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return buf;
}

int main(void)
{
    struct cd_error err = {0};
    struct passwd *pw = getpwuid(getuid());
    setenv("USER", "mallory", 1);
    setenv("LOGNAME", "mallory", 1);
    is_str(cd_user_os_login(), pw ? pw->pw_name : NULL,
           "the OS login comes from the password database, not $USER or $LOGNAME");

    struct cd_store *store = testdb_open("UTC", "2026-11-02T09:00");
    cd_user_add(store, "alice", "Alice", "coordinator", NULL, NULL, &err);
    cd_user_add(store, "mrivera", "Maria Rivera", "coordinator", NULL, NULL, &err);
    const char *login = NULL;

    is_int(cd_user_acting(store, "alice", NULL, false, &login, &err), 0, "no --user");
    is_str(login, "alice", "the OS login acts");
    is_int(cd_user_acting(store, "alice", "alice", false, &login, &err), 0, "--user oneself");
    is_str(login, "alice", "is no request");

    is_int(cd_user_acting(store, "alice", "mallory", false, &login, &err), CD_EPERM,
           "a coordinator may not act as another");
    is_str(err.msg,
           "--user mallory: acting as another user is for admins; 'alice' is a coordinator",
           "the sentence names both and the role");
    is_str(login, "alice", "and the OS login stays");
    is_int(cd_user_acting(store, "carol", "mrivera", false, &login, &err), CD_EPERM,
           "nor someone who is not a user");
    is_str(err.msg,
           "--user mrivera: acting as another user is for admins; 'carol' is not a caredesk user",
           "says so");

    is_int(cd_user_acting(store, "admin", "mrivera", false, &login, &err), 0,
           "an admin may act as another");
    is_str(login, "mrivera", "who then acts");
    is_int(cd_user_acting(store, "carol", "mrivera", true, &login, &err), 0,
           "the owner of a single user's database may too");
    is_str(login, "mrivera", "who then acts");

    is_int(cd_user_audit_act_as(store, "admin", "mrivera", &err), 0, "acting as is audited");
    is_str(one(store, "SELECT entity || ' ' || action || ' ' || detail || ' ' || "
                      "coalesce(user_id, 'none') FROM audit_log ORDER BY id DESC LIMIT 1"),
           "session act_as admin as mrivera 1", "with both names, as the store's actor");
    ok(!cd_store_in_transaction(store), "in a transaction of its own, committed");

    cd_store_close(store);
    return done_testing();
}
