/* SPDX-License-Identifier: MIT */
/* Times cd_audit_log, which every write path calls: N entries in one transaction (the CPU cost
 * of an entry, with the chain's lookup and hash) and M entries each in a transaction of its own
 * (what a nurse's save costs, fsync included), on a fresh database: bench_audit DB N M. */
#include "config.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "core/store/audit.h"
#include "core/store/store.h"
#include "core/user.h"

static double ms_since(const struct timespec *a)
{
    struct timespec b;
    clock_gettime(CLOCK_MONOTONIC, &b);
    return (double)(b.tv_sec - a->tv_sec) * 1e3 + (double)(b.tv_nsec - a->tv_nsec) / 1e6;
}

/* CPU seconds (user + system) of the process so far: the machine may be busy with others. */
static double cpu_ms(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
           (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

static int fail(const struct cd_error *err)
{
    fprintf(stderr, "bench_audit: %s\n", err->msg);
    return 1;
}

int main(int argc, char **argv)
{
    if (argc != 4)
        return 2;
#ifdef M_TRIM_THRESHOLD
    mallopt(M_TRIM_THRESHOLD, 4 << 20); /* as tui/main.c does */
#endif
    struct cd_error err = {0};
    struct cd_store *store = NULL;
    int64_t uid;
    long n = atol(argv[2]), m = atol(argv[3]);
    if (cd_store_open(argv[1], CD_STORE_CREATE, &store, &err) ||
        cd_user_add(store, "bench", "Bench", "admin", NULL, &uid, &err))
        return fail(&err);
    cd_store_set_actor(store, uid);
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    double c0 = cpu_ms();
    int rc = cd_store_begin(store, &err);
    for (long i = 0; !rc && i < n; i++)
        rc = cd_audit_log(store, "task", i + 1, "create", "ccm_outreach", &err);
    if ((rc = cd_store_finish(store, rc, &err)))
        return fail(&err);
    double one = ms_since(&t0), one_cpu = cpu_ms() - c0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    c0 = cpu_ms();
    for (long i = 0; !rc && i < m; i++) {
        rc = cd_store_begin(store, &err);
        if (!rc)
            rc = cd_audit_log(store, "task", i + 1, "claim", NULL, &err);
        rc = cd_store_finish(store, rc, &err);
    }
    if (rc)
        return fail(&err);
    double each = ms_since(&t0), each_cpu = cpu_ms() - c0;
    printf("%ld entries in one transaction: %.1f ms, %.2f us CPU each; %ld transactions of one "
           "entry: %.3f ms each, %.3f ms CPU each\n",
           n, one, n ? one_cpu * 1e3 / (double)n : 0, m, m ? each / (double)m : 0,
           m ? each_cpu / (double)m : 0);
    cd_store_close(store);
    return 0;
}
