/* SPDX-License-Identifier: MIT */
/* A tiny TAP producer for the unit tests: ok, is_int, is_str, done_testing. */
#ifndef CD_TESTS_TAP_H
#define CD_TESTS_TAP_H

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

__attribute__((format(printf, 2, 3))) static int ok(int cond, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    printf("%s %d - ", cond ? "ok" : "not ok", ++tap_n);
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
    if (!cond)
        tap_failed++;
    fflush(stdout);
    return cond;
}

#define is_int(got, want, ...)                                                                     \
    do {                                                                                           \
        long long g_ = (long long)(got), w_ = (long long)(want);                                   \
        if (!ok(g_ == w_, __VA_ARGS__))                                                            \
            printf("#   %s:%d: got %lld, want %lld\n", __FILE__, __LINE__, g_, w_);                \
    } while (0)

#define is_str(got, want, ...)                                                                     \
    do {                                                                                           \
        const char *g_ = (got), *w_ = (want);                                                      \
        if (!ok(g_ && w_ ? strcmp(g_, w_) == 0 : g_ == w_, __VA_ARGS__))                           \
            printf("#   %s:%d: got '%s', want '%s'\n", __FILE__, __LINE__, g_ ? g_ : "(null)",     \
                   w_ ? w_ : "(null)");                                                            \
    } while (0)

static inline void diag(const char *msg)
{
    printf("# %s\n", msg);
}

static inline int done_testing(void)
{
    printf("1..%d\n", tap_n);
    return tap_failed ? 1 : 0;
}

#endif
