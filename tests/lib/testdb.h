/* SPDX-License-Identifier: MIT */
/* Unit-test helpers: a fresh database in a temporary directory, a fixed clock and zone. */
#ifndef CD_TESTS_TESTDB_H
#define CD_TESTS_TESTDB_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/base/clock.h"
#include "core/store/settings.h"
#include "core/store/store.h"
#include "core/user.h"

static char testdb_dir[256];
static char testdb_path[300];

/* Remove the temporary directory made by testdb_open. */
static void testdb_cleanup(void)
{
    char cmd[400];
    if (testdb_dir[0]) {
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", testdb_dir);
        if (system(cmd) != 0)
            fprintf(stderr, "# could not remove %s\n", testdb_dir);
        testdb_dir[0] = '\0';
    }
}

/* A fresh store in ZONE with the clock at NOW (clinic local, e.g. "2026-11-02T09:00"), and an
 * admin user 'admin' acting. Exits the test on failure. */
static struct cd_store *testdb_open(const char *zone, const char *now)
{
    struct cd_error err = {0};
    struct cd_store *store = NULL;
    if (!testdb_dir[0]) {
        snprintf(testdb_dir, sizeof testdb_dir, "%s/cdtest.XXXXXX",
                 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
        if (!mkdtemp(testdb_dir)) {
            printf("Bail out! mkdtemp\n");
            exit(1);
        }
        atexit(testdb_cleanup);
    }
    static int n;
    snprintf(testdb_path, sizeof testdb_path, "%s/t%d.db", testdb_dir, ++n);
    if (cd_store_open(testdb_path, CD_STORE_CREATE, &store, &err)) {
        printf("Bail out! open: %s\n", err.msg);
        exit(1);
    }
    if (cd_settings_set(store, "timezone", zone, &err)) {
        printf("Bail out! zone: %s\n", err.msg);
        exit(1);
    }
    time_t t;
    if (cd_instant_parse(now, &t, &err)) {
        printf("Bail out! now: %s\n", err.msg);
        exit(1);
    }
    cd_clock_set(t);
    int64_t uid;
    if (cd_user_add(store, "admin", "Admin", "admin", NULL, &uid, &err)) {
        printf("Bail out! user: %s\n", err.msg);
        exit(1);
    }
    cd_store_set_actor(store, uid);
    return store;
}

#endif
