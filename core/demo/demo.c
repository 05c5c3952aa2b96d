/* SPDX-License-Identifier: MIT */
/* Demo data around "today": staff, patients with chronic conditions, programs with consent,
 * discharges with their TCM work (core/calendar.h rules), calls and monthly time. One transaction,
 * cached statements, one audit entry; the same seed and today give the same bytes. This file makes
 * the patients and runs the whole; the steps live in demo_tcm.c (discharges), demo_time.c
 * (monthly time), demo_plan.c (care plans, visits, referrals), demo_data.c (data files, staff)
 * and demo_rng.c (the PRNG); they decide what to write, and demo_write.c and demo_write_care.c
 * (the bulk-load module) write it. */
#include "config.h"
#include "core/demo/demo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "core/base/clock.h"
#include "core/demo/demo_gen.h"
#include "core/store/audit.h"
#include "core/store/db.h"

static const char SQL_PATIENTS[] = "SELECT count(*) FROM patients";

/* ---- patients ---- */

struct names {
    struct lines female, male, family, facilities, providers, conditions;
};

static const char *const languages[] = {
    "English",    "English",        "English", "English", "English", "English",
    "English",    "English",        "English", "English", "English", "English",
    "English",    "English",        "Spanish", "Spanish", "Spanish", "Vietnamese",
    "Portuguese", "Haitian Creole", "Chinese", "Russian"};
static const char *const area_codes[] = {"617", "508", "781", "978", "413", "401"};

/* N distinct chronic conditions of distinct groups; the first one complex when COMPLEX. */
static void pick_conditions(struct demo_gen *g, struct demo_rng *r, struct demo_patient *p, int n,
                            int complex)
{
    for (int tries = 0; p->ncond < n && p->ncond < DEMO_MAX_COND && tries < 64; tries++) {
        int c = demo_below(r, g->nconds);
        const struct demo_cond *dc = &g->conds[c];
        if (!dc->chronic || (complex && p->ncond == 0 && !dc->complex))
            continue;
        int dup = 0;
        for (int i = 0; i < p->ncond && !dup; i++)
            dup = strcmp(g->conds[p->cond[i]].group, dc->group) == 0;
        if (!dup)
            p->cond[p->ncond++] = c;
    }
}

static int lace_points(const struct demo_visit *v, int charlson, int ed_visits)
{
    int l = 0, c, e = ed_visits > 4 ? 4 : ed_visits;
    if (v)
        l = v->los < 1 ? 0 : v->los <= 3 ? v->los : v->los <= 6 ? 4 : v->los <= 13 ? 5 : 7;
    c = charlson >= 4 ? 5 : charlson;
    return l + (v && strcmp(v->atype, "emergency") == 0 ? 3 : 0) + c + e;
}

/* Decide P's patients row and write it with P's conditions (their onsets drawn as they go). */
static int insert_patient(struct demo_gen *g, struct demo_rng *r, const struct names *nm, int idx,
                          struct demo_patient *p, int lace, const struct demo_visit *death)
{
    int female = demo_chance(r, 56);
    const struct lines *gl = female ? &nm->female : &nm->male;
    char alt[24];
    const char *f1 = nm->family.v[demo_below(r, nm->family.n)];
    if (demo_chance(r, 6))
        snprintf(p->family, sizeof p->family, "%s-%s", f1,
                 nm->family.v[demo_below(r, nm->family.n)]);
    else
        snprintf(p->family, sizeof p->family, "%s", f1);
    int y, m, d;
    cd_date_to_ymd(g->today, &y, &m, &d);
    int age = demo_chance(r, 85) ? demo_range(r, 65, 97) : demo_range(r, 40, 64);
    snprintf(p->mrn, sizeof p->mrn, "D%07d", (idx + 1) % 10000000);
    snprintf(p->phone, sizeof p->phone, "%s-555-%04d", area_codes[demo_below(r, 6)],
             demo_range(r, 100, 199));
    snprintf(alt, sizeof alt, "%s-555-%04d", area_codes[demo_below(r, 6)], demo_range(r, 100, 199));
    p->created = cd_local_to_instant(g->today - demo_range(r, 400, 2500), demo_range(r, 8, 17),
                                     demo_below(r, 60), 0);
    p->given = gl->v[demo_below(r, gl->n)];
    p->birth_day = cd_date_from_ymd(y - age, demo_range(r, 1, 12), demo_range(r, 1, 28));
    p->sex = female ? "F" : "M";
    snprintf(p->phone_alt, sizeof p->phone_alt, "%s", demo_chance(r, 30) ? alt : "");
    p->language = languages[demo_below(r, 22)];
    p->lace = lace;
    p->deceased = death ? cd_local_to_instant(death->dis_day, death->dis_h, death->dis_m, 0) : 0;
    TRY(demo_write_patient(g, p, &p->id));
    for (int i = 0; i < p->ncond; i++)
        TRY(demo_write_condition(g, p, &g->conds[p->cond[i]], g->today - demo_range(r, 200, 6000)));
    return 0;
}

static int patient(struct demo_gen *g, const struct names *nm, int idx)
{
    struct demo_rng r;
    demo_rng_init(&r, g->seed, (uint64_t)idx + 1);
    struct demo_patient p = {.deceased_day = -1};
    int c = demo_below(&r, 100);
    p.program = c < 52 ? "ccm" : c < 62 ? "ccm_complex" : c < 70 ? "pcm" : c < 74 ? "apcm" : NULL;
    int nchronic = !p.program                              ? demo_below(&r, 3)
                   : strcmp(p.program, "ccm_complex") == 0 ? demo_range(&r, 3, 6)
                   : strcmp(p.program, "pcm") == 0         ? demo_range(&r, 1, 2)
                                                           : demo_range(&r, 2, 5);
    pick_conditions(g, &r, &p, nchronic, p.program && strcmp(p.program, "pcm") == 0);
    int charlson = 0;
    for (int i = 0; i < p.ncond; i++)
        charlson += g->conds[p.cond[i]].weight;
    if (demo_chance(&r, 3)) {
        p.team = demo_teams[idx % 2];
    } else {
        int k = demo_below(&r, g->ncoord);
        p.coord = g->coord[k];
        p.team = g->coord_team[k];
    }
    if (p.program)
        p.enroll_day = demo_chance(&r, 6) ? g->today - demo_range(&r, 0, 20)
                                          : g->today - demo_range(&r, 21, 1100);
    /* visits: older ones (most ED) and perhaps a discharge in the last 30 days */
    struct demo_visit hist[3], recent, *base = NULL;
    int nhist = demo_below(&r, 100), has_recent;
    nhist = nhist < 40 ? 0 : nhist < 70 ? 1 : nhist < 90 ? 2 : 3;
    for (int i = 0; i < nhist; i++)
        demo_plan_visit(g, &r, &nm->facilities, g->today - demo_range(&r, 31, 730), 0, &hist[i]);
    has_recent = demo_chance(&r, !p.program ? 6 : strcmp(p.program, "ccm_complex") == 0 ? 18 : 10);
    if (has_recent) {
        int day = g->today - demo_range(&r, 0, 29);
        struct tm tm;
        cd_instant_local_tm(g->now, &tm);
        if (day == g->today && tm.tm_hour < 2)
            day--;
        demo_plan_visit(g, &r, &nm->facilities, day, 1, &recent);
        if (strcmp(recent.setting, "ed") != 0)
            base = &recent;
    }
    for (int i = 0; i < nhist && !base; i++)
        if (strcmp(hist[i].setting, "ed") != 0 && strcmp(hist[i].setting, "outpatient") != 0 &&
            (!base || hist[i].dis_day > base->dis_day))
            base = &hist[i];
    int ed = 0, ref = base ? base->admit_day : g->today;
    for (int i = 0; i < nhist; i++)
        ed += strcmp(hist[i].setting, "ed") == 0 && hist[i].dis_day < ref &&
              hist[i].dis_day >= ref - 182;
    const struct demo_visit *death =
        has_recent && strcmp(recent.disp->code, "20") == 0 ? &recent : NULL;
    if (death) {
        p.deceased_day = death->dis_day;
        if (p.program && p.enroll_day > death->admit_day - 30)
            p.enroll_day = death->admit_day - 30;
    }
    TRY(insert_patient(g, &r, nm, idx, &p, lace_points(base, charlson, ed), death));

    time_t created;
    int64_t creator, enc;
    for (int i = 0; i < nhist; i++) {
        TRY(demo_encounter(g, &r, &p, &hist[i], &created, &creator, &enc));
        if (hist[i].eligible) {
            struct demo_enrollment e = {.program = "tcm",
                                        .status = "ended",
                                        .start = hist[i].dis_day,
                                        .end = hist[i].dis_day + 29,
                                        .encounter = enc,
                                        .end_reason = "service period complete",
                                        .created = created,
                                        .created_by = creator};
            TRY(demo_write_enrollment(g, &p, &e));
        }
    }
    if (p.program) {
        int start = p.enroll_day;
        time_t at = cd_local_to_instant(start, demo_range(&r, 9, 16), demo_below(&r, 60), 0);
        if (at > g->now)
            at = g->now;
        int64_t by = demo_worker(g, &r, &p);
        struct demo_enrollment e = {.program = p.program,
                                    .status = death ? "ended" : "active",
                                    .start = start,
                                    .end = death ? death->dis_day : -1,
                                    .method = demo_chance(&r, 70) ? "verbal" : "written",
                                    .consent_by = by,
                                    .note = "Cost sharing and the right to stop at any time "
                                            "explained.",
                                    .end_reason = death ? "died" : NULL,
                                    .created = at,
                                    .created_by = by};
        TRY(demo_write_enrollment(g, &p, &e));
    } else if (demo_chance(&r, 8)) {
        int start = g->today - demo_range(&r, 10, 400);
        struct demo_enrollment e = {.program = "ccm",
                                    .status = "declined",
                                    .start = start,
                                    .end = -1,
                                    .method = "none",
                                    .note = "Declined: does not want a monthly copay.",
                                    .created = cd_local_to_instant(start, 11, 0, 0),
                                    .created_by = demo_worker(g, &r, &p)};
        TRY(demo_write_enrollment(g, &p, &e));
    }
    if (has_recent) {
        TRY(demo_encounter(g, &r, &p, &recent, &created, &creator, &enc));
        if (recent.eligible) {
            TRY(demo_tcm_episode(g, &r, &p, &recent, enc, created, creator));
        } else if (strcmp(recent.setting, "ed") == 0) {
            int due = cd_calendar_add_business_days(&g->cal, recent.dis_day, 2);
            time_t closed = cd_local_to_instant(recent.dis_day + 1, demo_range(&r, 9, 15), 0, 0);
            struct demo_task t = {.kind = "followup",
                                  .title = "Follow up after an ED visit",
                                  .status = "open",
                                  .due_day = due,
                                  .encounter = enc,
                                  .created = created,
                                  .created_by = creator};
            if (due < g->today && closed <= g->now && demo_chance(&r, 70)) {
                t.status = "done";
                t.closed = closed;
                t.closed_by = demo_worker(g, &r, &p);
                t.close_reason = "patient reached; no new concerns";
            }
            TRY(demo_write_task(g, &p, &t, NULL));
        }
    }
    if (p.program) {
        TRY(demo_care_time(g, &r, &p));
        TRY(demo_careplan(g, &r, &p));
    }
    TRY(demo_visits(g, &r, &p));
    return demo_referrals(g, &r, &p);
}

/* ---- the entry point ---- */

static int count_patients(struct cd_store *store, int64_t *n, struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_PATIENTS, &st, err)))
        return rc;
    rc = cd_db_step(store, st, err);
    *n = rc == 1 ? cd_db_col_int(st, 0) : 0;
    cd_db_done(st);
    return rc < 0 ? rc : 0;
}

static int generate(struct demo_gen *g, const struct cd_demo_opts *opts, struct names *nm)
{
    TRY(demo_lines_load("demo/given_female.txt", &nm->female, g->err));
    TRY(demo_lines_load("demo/given_male.txt", &nm->male, g->err));
    TRY(demo_lines_load("demo/family.txt", &nm->family, g->err));
    TRY(demo_lines_load("demo/facilities.tsv", &nm->facilities, g->err));
    TRY(demo_lines_load("demo/providers.tsv", &nm->providers, g->err));
    TRY(demo_lines_load("demo/conditions.tsv", &nm->conditions, g->err));
    TRY(demo_load_conditions(g, &nm->conditions));
    TRY(demo_load_providers(g, &nm->providers));
    TRY(cd_calendar_load(g->store, &g->cal, g->err));
    TRY(cd_store_begin(g->store, g->err));
    int rc = demo_staff(g, opts, &nm->female, &nm->male, &nm->family);
    for (int i = 0; !rc && i < opts->patients; i++)
        rc = patient(g, nm, i);
    if (!rc) {
        char detail[64];
        snprintf(detail, sizeof detail, "demo generated %d patients", opts->patients);
        rc = cd_audit_log(g->store, "demo", 0, "generate", detail, g->err);
    }
    return cd_store_finish(g->store, rc, g->err);
}

int cd_demo_generate(struct cd_store *store, const struct cd_demo_opts *opts,
                     struct cd_demo_stats *stats, struct cd_error *err)
{
    struct cd_error local_err = {0};
    struct cd_demo_stats local = {0};
    if (!err)
        err = &local_err;
    if (!stats)
        stats = &local;
    memset(stats, 0, sizeof *stats);
    if (opts->patients < 1 || opts->patients > 1000000)
        return cd_error_set(err, CD_EINVAL, "patients: %d is not between 1 and 1000000",
                            opts->patients);
    int64_t n = 0;
    TRY(count_patients(store, &n, err));
    if (n > 0)
        return cd_error_set(err, CD_EEXIST,
                            "DB already holds %lld patients; demo fills only an empty database",
                            (long long)n);
    struct demo_gen g = {.store = store,
                         .err = err,
                         .st = stats,
                         .seed = opts->seed,
                         .today = cd_clock_today(),
                         .now = cd_clock_now() / 60 * 60,
                         .zone = cd_clock_zone()};
    int y, m, d;
    cd_date_to_ymd(g.today, &y, &m, &d);
    g.month_start = cd_date_from_ymd(y, m, 1);
    g.month_end = g.month_start + cd_date_days_in_month(y, m) - 1;
    struct names nm;
    memset(&nm, 0, sizeof nm);
    /* For the bulk load only, each undone afterwards: a bigger page cache, and no trimming of
     * the heap (SQLite frees and re-allocates statement memory at the top of the heap on every
     * row, and glibc would return and re-map it each time). */
    cd_db_exec_script(store, "PRAGMA cache_size = -65536", NULL);
#ifdef M_TRIM_THRESHOLD
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
    int rc = generate(&g, opts, &nm);
#ifdef M_TRIM_THRESHOLD
    mallopt(M_TRIM_THRESHOLD, 128 << 10);
    malloc_trim(0);
#endif
    cd_db_exec_script(store, "PRAGMA cache_size = -2000", NULL);
    cd_calendar_free(&g.cal);
    free(g.conds);
    free(g.prov);
    free(g.coord);
    free(g.coord_team);
    free(g.sched);
    demo_lines_free(&nm.female);
    demo_lines_free(&nm.male);
    demo_lines_free(&nm.family);
    demo_lines_free(&nm.facilities);
    demo_lines_free(&nm.providers);
    demo_lines_free(&nm.conditions);
    if (rc)
        memset(stats, 0, sizeof *stats);
    return rc;
}
