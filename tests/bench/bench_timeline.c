/* SPDX-License-Identifier: MIT */
/* Times cd_timeline_page (the chart's first screen, and a page deep in the history) on the
 * database bench_timeline.sh builds: bench_timeline DB MRN RUNS. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/patient.h"
#include "core/store/store.h"
#include "core/timeline.h"

static double ms_since(const struct timespec *a)
{
    struct timespec b;
    clock_gettime(CLOCK_MONOTONIC, &b);
    return (double)(b.tv_sec - a->tv_sec) * 1e3 + (double)(b.tv_nsec - a->tv_nsec) / 1e6;
}

int main(int argc, char **argv)
{
    if (argc != 4)
        return 2;
    struct cd_error err = {0};
    struct cd_store *store = NULL;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (cd_store_open(argv[1], 0, &store, &err)) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
    double open_ms = ms_since(&t0);
    struct cd_timeline_query q = {.limit = 40};
    if (cd_patient_find_mrn(store, argv[2], &q.patient_id, &err)) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
    int runs = atoi(argv[3]);
    struct cd_page page = CD_PAGE_INIT;
    double first = 0, best = 1e9, total = 0, deep = 0;
    for (int i = 0; i < runs; i++) {
        cd_page_reset(&page);
        clock_gettime(CLOCK_MONOTONIC, &t0);
        cd_timeline_page(store, &q, &page, &err);
        double ms = ms_since(&t0);
        if (i == 0)
            first = ms;
        best = ms < best ? ms : best;
        total += ms;
    }
    /* page 200 (rows 7,961-8,000): keyset paging costs the same deep in the history */
    struct cd_timeline_query d = q;
    for (int p = 0; p < 200; p++) {
        cd_page_reset(&page);
        clock_gettime(CLOCK_MONOTONIC, &t0);
        cd_timeline_page(store, &d, &page, &err);
        if (p == 199)
            deep = ms_since(&t0);
        if (page.nrows == 0) /* a short history ends before page 200 */
            break;
        cd_timeline_cursor_from_page(&d.after, &page, page.nrows - 1);
    }
    printf("%s: open store %.2f ms; first page of 40: cold %.3f ms, mean %.3f ms, best %.3f ms "
           "(%d runs); page 200: %.3f ms\n",
           argv[2], open_ms, first, total / runs, best, runs, deep);
    cd_page_free(&page);
    cd_store_close(store);
    return 0;
}
