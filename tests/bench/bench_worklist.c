/* SPDX-License-Identifier: MIT */
/* Times what the worklist screen does after a key press (r, or another coordinator's change):
 * the generation check and the ranked list of one coordinator, one row per patient with its
 * jobs, on the
 * database bench_worklist.sh builds: bench_worklist DB LOGIN RUNS. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/store/store.h"
#include "core/user.h"
#include "core/worklist.h"

static double ms_since(const struct timespec *a)
{
    struct timespec b;
    clock_gettime(CLOCK_MONOTONIC, &b);
    return (double)(b.tv_sec - a->tv_sec) * 1e3 + (double)(b.tv_nsec - a->tv_nsec) / 1e6;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc != 4)
        return 2;
    struct cd_error err = {0};
    struct cd_store *store = NULL;
    struct cd_user u;
    /* the page cache the workstation sets (tui/screen/app.c) */
    if (cd_store_open(argv[1], 0, &store, &err) || cd_store_set_cache(store, 16384, &err) ||
        cd_user_find(store, argv[2], &u, &err)) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
    cd_store_set_actor(store, u.id);
    int runs = atoi(argv[3]);
    double *ms = calloc((size_t)runs, sizeof *ms);
    struct cd_page page = CD_PAGE_INIT, jobs = CD_PAGE_INIT;
    struct cd_worklist_query q = {.scope = CD_WORKLIST_MINE, .user_id = u.id, .screen = true};
    size_t rows = 0;
    for (int i = 0; i < runs && ms; i++) {
        struct timespec t0;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        cd_page_free(&page);
        cd_page_free(&jobs);
        if (cd_worklist_generate(store, false, NULL, &err) ||
            cd_worklist_patients(store, &q, &page, &jobs, &err)) {
            fprintf(stderr, "%s\n", err.msg);
            return 1;
        }
        ms[i] = ms_since(&t0);
        rows = page.nrows;
    }
    if (!ms)
        return 1;
    double total = 0;
    for (int i = 0; i < runs; i++)
        total += ms[i];
    qsort(ms, (size_t)runs, sizeof *ms, cmp);
    printf("key press to list (%s, %zu patients, %zu jobs, %d runs): mean %.2f ms, median %.2f ms, p95 %.2f ms, "
           "best %.2f ms\n",
           argv[2], rows, jobs.nrows, runs, total / runs, ms[runs / 2], ms[runs * 95 / 100], ms[0]);
    free(ms);
    cd_page_free(&page);
    cd_page_free(&jobs);
    cd_store_close(store);
    return 0;
}
