/* SPDX-License-Identifier: MIT */
/* Demo data around "today": staff, patients with chronic conditions, programs with consent,
 * discharges with their TCM work (core/calendar.h rules), calls and monthly time. One transaction,
 * cached statements, one audit entry; the same seed and today give the same bytes. This file makes
 * the patients and runs the whole; the steps live in demo_tcm.c (discharges), demo_time.c
 * (monthly time), demo_plan.c (care plans, visits, referrals), demo_data.c (data files, staff)
 * and demo_write.c (the PRNG and the shared row writers). */
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
static const char SQL_PATIENT[] =
    "INSERT INTO patients(mrn, family_name, given_name, birth_date, sex, phone, phone_alt, "
    "language, coordinator_id, risk_tier, lace_score, deceased_at, name_key, created_at, "
    "updated_at) VALUES (:mrn, :family, :given, :birth, :sex, :phone, :phone_alt, :lang, :coord, "
    ":tier, :lace, :deceased, lower(:family || ' ' || :given), :at, :at)";
static const char SQL_CONDITION[] =
    "INSERT INTO conditions(patient_id, icd10, description, chronic, onset_date, source) "
    "VALUES (:pid, :code, :desc, :chronic, :onset, 'demo')";

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

static int insert_patient(struct demo_gen *g, struct demo_rng *r, const struct names *nm, int idx,
                          struct demo_patient *p, int lace, const struct demo_visit *death)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(g->store, SQL_PATIENT, &st, g->err)))
        return rc;
    int female = demo_chance(r, 56);
    const struct lines *gl = female ? &nm->female : &nm->male;
    char family[160], mrn[16], birth[CD_DATE_LEN], phone[24], alt[24], at[CD_INSTANT_LEN],
        died[CD_INSTANT_LEN];
    const char *f1 = nm->family.v[demo_below(r, nm->family.n)];
    if (demo_chance(r, 6))
        snprintf(family, sizeof family, "%s-%s", f1, nm->family.v[demo_below(r, nm->family.n)]);
    else
        snprintf(family, sizeof family, "%s", f1);
    int y, m, d;
    cd_date_to_ymd(g->today, &y, &m, &d);
    int age = demo_chance(r, 85) ? demo_range(r, 65, 97) : demo_range(r, 40, 64);
    snprintf(mrn, sizeof mrn, "D%07d", (idx + 1) % 10000000);
    snprintf(phone, sizeof phone, "%s-555-%04d", area_codes[demo_below(r, 6)],
             demo_range(r, 100, 199));
    snprintf(alt, sizeof alt, "%s-555-%04d", area_codes[demo_below(r, 6)], demo_range(r, 100, 199));
    time_t created = cd_local_to_instant(g->today - demo_range(r, 400, 2500), demo_range(r, 8, 17),
                                         demo_below(r, 60), 0);
    cd_db_bind_text(st, ":mrn", mrn);
    cd_db_bind_text(st, ":family", family);
    cd_db_bind_text(st, ":given", gl->v[demo_below(r, gl->n)]);
    cd_db_bind_text(
        st, ":birth",
        cd_date_format(cd_date_from_ymd(y - age, demo_range(r, 1, 12), demo_range(r, 1, 28)),
                       birth));
    cd_db_bind_text(st, ":sex", female ? "F" : "M");
    cd_db_bind_text(st, ":phone", phone);
    cd_db_bind_opt(st, ":phone_alt", demo_chance(r, 30) ? alt : NULL);
    cd_db_bind_text(st, ":lang", languages[demo_below(r, 22)]);
    cd_db_bind_id(st, ":coord", p->coord);
    cd_db_bind_text(st, ":tier", lace <= 4 ? "low" : lace <= 9 ? "moderate" : "high");
    cd_db_bind_int(st, ":lace", lace);
    cd_db_bind_opt(
        st, ":deceased",
        death ? cd_instant_format(
                    cd_local_to_instant(death->dis_day, death->dis_h, death->dis_m, 0), died)
              : NULL);
    cd_db_bind_text(st, ":at", cd_instant_format(created, at));
    rc = cd_db_exec(g->store, st, g->err);
    cd_db_done(st);
    if (rc)
        return rc;
    p->id = cd_db_last_id(g->store);
    g->st->patients++;
    if ((rc = cd_db_stmt(g->store, SQL_CONDITION, &st, g->err)))
        return rc;
    for (int i = 0; i < p->ncond && !rc; i++) {
        const struct demo_cond *c = &g->conds[p->cond[i]];
        cd_db_bind_int(st, ":pid", p->id);
        cd_db_bind_text(st, ":code", c->code);
        cd_db_bind_text(st, ":desc", c->desc);
        cd_db_bind_int(st, ":chronic", c->chronic);
        cd_db_bind_text(st, ":onset", cd_date_format(g->today - demo_range(r, 200, 6000), birth));
        rc = cd_db_exec(g->store, st, g->err);
        cd_db_done(st);
        g->st->conditions += !rc;
    }
    return rc;
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
        if (hist[i].eligible)
            TRY(demo_enroll(g, &p, "tcm", "ended", hist[i].dis_day, hist[i].dis_day + 29, NULL, 0,
                            enc, NULL, "service period complete", created, creator));
    }
    if (p.program) {
        int start = p.enroll_day;
        time_t at = cd_local_to_instant(start, demo_range(&r, 9, 16), demo_below(&r, 60), 0);
        if (at > g->now)
            at = g->now;
        int64_t by = demo_worker(g, &r, &p);
        TRY(demo_enroll(g, &p, p.program, death ? "ended" : "active", start,
                        death ? death->dis_day : -1, demo_chance(&r, 70) ? "verbal" : "written", by,
                        0, "Cost sharing and the right to stop at any time explained.",
                        death ? "deceased" : NULL, at, by));
    } else if (demo_chance(&r, 8)) {
        int start = g->today - demo_range(&r, 10, 400);
        TRY(demo_enroll(g, &p, "ccm", "declined", start, -1, "none", 0, 0,
                        "Declined: does not want a monthly copay.", NULL,
                        cd_local_to_instant(start, 11, 0, 0), demo_worker(g, &r, &p)));
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
            TRY(demo_task(g, &p, &t, NULL));
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
