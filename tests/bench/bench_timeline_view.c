/* SPDX-License-Identifier: MIT */
/* Times what the timeline screen asks core for on the database bench_timeline.sh builds: opening
 * (the patient label and the first 120 entries, as view_timeline.c's reload), G (every entry, in
 * pages of 1,000) and a jump to a date; and the chart opened on its Timeline tab (the chart frame's
 * header, minutes and contact count, then the timeline's reload): bench_timeline_view DB MRN RUNS. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/contact.h"
#include "core/patient.h"
#include "core/store/store.h"
#include "core/timeline.h"
#include "core/worklist.h"

static double ms_since(const struct timespec *a)
{
    struct timespec b;
    clock_gettime(CLOCK_MONOTONIC, &b);
    return (double)(b.tv_sec - a->tv_sec) * 1e3 + (double)(b.tv_nsec - a->tv_nsec) / 1e6;
}

/* Read pages of LIMIT into PAGE until WANT rows or the end. */
static int read_until(struct cd_store *store, struct cd_timeline_query *q, struct cd_page *page,
                      size_t want, int limit)
{
    q->limit = limit;
    for (;;) {
        size_t before = page->nrows;
        if (page->nrows)
            cd_timeline_cursor_from_page(&q->after, page, page->nrows - 1);
        if (cd_timeline_page(store, q, page, NULL))
            return 1;
        if (page->nrows - before < (size_t)limit || page->nrows >= want)
            return 0;
    }
}

int main(int argc, char **argv)
{
    if (argc != 4)
        return 2;
    struct cd_error err = {0};
    struct cd_store *store = NULL;
    if (cd_store_open(argv[1], 0, &store, &err)) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
    int64_t pid;
    if (cd_patient_find_mrn(store, argv[2], &pid, &err)) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
    int runs = atoi(argv[3]);
    struct cd_page page = CD_PAGE_INIT;
    struct cd_patient_header head;
    struct timespec t0;
    double best = 1e9, total = 0, all = 0;
    for (int i = 0; i < runs; i++) {
        struct cd_timeline_query q = {.patient_id = pid};
        cd_page_reset(&page);
        clock_gettime(CLOCK_MONOTONIC, &t0);
        cd_patient_header_get(store, pid, &head, NULL);
        read_until(store, &q, &page, 120, 120);
        double ms = ms_since(&t0);
        best = ms < best ? ms : best;
        total += ms;
    }
    /* the chart on its Timeline tab: tui/chart_frame.c's reload, then view_timeline.c's */
    double cbest = 1e9, ctotal = 0;
    for (int i = 0; i < runs; i++) {
        struct cd_timeline_query q = {.patient_id = pid};
        struct cd_worklist_minutes mins;
        int64_t contacts;
        cd_page_reset(&page);
        clock_gettime(CLOCK_MONOTONIC, &t0);
        cd_patient_header_get(store, pid, &head, NULL);
        cd_worklist_patient_minutes(store, pid, &mins, NULL);
        cd_contact_count(store, pid, &contacts, NULL);
        cd_patient_header_get(store, pid, &head, NULL);
        read_until(store, &q, &page, 120, 120);
        double ms = ms_since(&t0);
        cbest = ms < cbest ? ms : cbest;
        ctotal += ms;
    }
    struct cd_timeline_query q = {.patient_id = pid};
    cd_page_reset(&page);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    read_until(store, &q, &page, (size_t)-1, 1000);
    all = ms_since(&t0);
    size_t n = page.nrows;
    struct cd_timeline_query j = {.patient_id = pid, .limit = 1};
    cd_page_reset(&page);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    cd_timeline_cursor_at_date(&j.after, "2024-01-15", NULL);
    cd_timeline_page(store, &j, &page, NULL);
    double jump = ms_since(&t0);
    printf("%s: timeline screen opens in %.3f ms mean, %.3f ms best (label + 120 entries, %d "
           "runs); G reads all %zu entries in %.1f ms; finding 2024-01-15 %.3f ms\n",
           argv[2], total / runs, best, runs, n, all, jump);
    printf("%s: the chart opens on its Timeline tab in %.3f ms mean, %.3f ms best (header, "
           "minutes, contact count, label + 120 entries, %d runs)\n",
           argv[2], ctotal / runs, cbest, runs);
    cd_page_free(&page);
    cd_store_close(store);
    return 0;
}
