/* SPDX-License-Identifier: MIT */
/* Demo data: the seeded PRNG (splitmix64, never rand()) and the draws the steps share: a free
 * hour for a call, who works a patient's queue, an appointment's UID. */
#include "config.h"

#include "core/base/clock.h"
#include "core/base/uuid.h"
#include "core/demo/demo_gen.h"

/* ---- the PRNG: splitmix64 ---- */

uint64_t demo_rng_next(struct demo_rng *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

void demo_rng_init(struct demo_rng *r, unsigned seed, uint64_t stream)
{
    r->s = ((uint64_t)seed << 32) ^ (stream * 0xD1B54A32D192ED03ull);
    demo_rng_next(r);
}

int demo_below(struct demo_rng *r, int n)
{
    if (n <= 1)
        return 0;
    return (int)(((demo_rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

int demo_range(struct demo_rng *r, int lo, int hi)
{
    return hi <= lo ? lo : lo + demo_below(r, hi - lo + 1);
}

int demo_chance(struct demo_rng *r, int percent)
{
    return demo_below(r, 100) < percent;
}

/* ---- the draws the steps share ---- */

time_t demo_day_end(int day)
{
    return cd_local_to_instant(day, 23, 59, 59);
}

int demo_slot(struct demo_gen *g, struct demo_rng *r, struct demo_patient *p, int from, int to,
              int maxsec, time_t *start)
{
    for (int tries = 0; tries < 24 && p->nslots < DEMO_MAX_SLOTS && from <= to; tries++) {
        int day = demo_range(r, from, to), hour = demo_range(r, 8, 16);
        int key = day * 24 + hour, used = 0;
        for (int i = 0; i < p->nslots && !used; i++)
            used = p->slots[i] == key;
        if (used)
            continue;
        time_t t = cd_local_to_instant(day, hour, demo_range(r, 0, 9), demo_range(r, 0, 59));
        if (t + maxsec > g->now)
            continue;
        p->slots[p->nslots++] = key;
        *start = t;
        return 0;
    }
    return -1;
}

int64_t demo_worker(struct demo_gen *g, struct demo_rng *r, const struct demo_patient *p)
{
    return p->coord ? p->coord : g->coord[demo_below(r, g->ncoord)];
}

void demo_uuid(struct demo_rng *r, char *out)
{
    unsigned char b[16];
    uint64_t hi = demo_rng_next(r), lo = demo_rng_next(r);
    for (int i = 0; i < 8; i++) {
        b[i] = (unsigned char)(hi >> (56 - 8 * i));
        b[8 + i] = (unsigned char)(lo >> (56 - 8 * i));
    }
    cd_uuid_v4_from(b, out);
}
