/* SPDX-License-Identifier: MIT */
/* The fuzz targets' scratch database: in a private directory of its own (mode 0700), since the
 * store refuses a database in a directory others can reach, such as /tmp itself. */
#ifndef CD_TESTS_FUZZ_FUZZ_STORE_H
#define CD_TESTS_FUZZ_FUZZ_STORE_H

#include <stdio.h>
#include <stdlib.h>

#include "core/base/clock.h"
#include "core/store/store.h"

/* A new store named NAME in a new directory under $TMPDIR or /tmp, the clock fixed; aborts with
 * the store's sentence when it cannot open one (the target could test nothing). */
static struct cd_store *fuzz_store_open(const char *name)
{
    const char *tmp = getenv("TMPDIR");
    char dir[256], path[300];
    snprintf(dir, sizeof dir, "%s/fuzz_%s.XXXXXX", tmp && *tmp ? tmp : "/tmp", name);
    if (!mkdtemp(dir)) {
        perror("fuzz: mkdtemp");
        abort();
    }
    snprintf(path, sizeof path, "%s/fuzz.db", dir);
    struct cd_error err = {0};
    struct cd_store *store = NULL;
    if (cd_store_open(path, CD_STORE_CREATE, &store, &err)) {
        fprintf(stderr, "fuzz: cannot open %s: %s\n", path, err.msg);
        abort();
    }
    cd_clock_set(1795000000);
    return store;
}

#endif
