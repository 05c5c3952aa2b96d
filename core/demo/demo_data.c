/* SPDX-License-Identifier: MIT */
/* Demo data: the built-in name, facility, provider and condition lists, and the staff. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/builtin.h"
#include "core/base/clock.h"
#include "core/base/strbuf.h"
#include "core/base/text.h"
#include "core/demo/demo_gen.h"
#include "core/user.h"

/* ---- data files ---- */

int demo_lines_load(const char *name, struct lines *l, struct cd_error *err)
{
    const char *text = cd_builtin_get(name);
    if (!text)
        return cd_error_set(err, CD_EIO, "data file %s is missing from this build", name);
    l->buf = cd_strdup(text);
    size_t cap = 16;
    l->v = malloc(cap * sizeof *l->v);
    if (!l->buf || !l->v)
        return cd_error_set(err, CD_ENOMEM, "out of memory");
    for (char *p = l->buf, *e; *p; p = e) {
        e = strchr(p, '\n');
        if (e)
            *e++ = '\0';
        else
            e = p + strlen(p);
        if (!*p || *p == '#')
            continue;
        if ((size_t)l->n == cap) {
            char **nv = realloc(l->v, (cap *= 2) * sizeof *l->v);
            if (!nv)
                return cd_error_set(err, CD_ENOMEM, "out of memory");
            l->v = nv;
        }
        l->v[l->n++] = p;
    }
    if (l->n == 0)
        return cd_error_set(err, CD_EIO, "data file %s has no entries", name);
    return 0;
}

void demo_lines_free(struct lines *l)
{
    free(l->buf);
    free(l->v);
}

/* Split LINE at tabs into up to N fields; returns the count. */
static int split_tabs(char *line, const char **f, int n)
{
    int k = 0;
    while (k < n) {
        f[k++] = line;
        char *t = strchr(line, '\t');
        if (!t)
            break;
        *t = '\0';
        line = t + 1;
    }
    return k;
}

int demo_load_conditions(struct demo_gen *g, struct lines *l)
{
    g->conds = calloc((size_t)l->n, sizeof *g->conds);
    if (!g->conds)
        return cd_error_set(g->err, CD_ENOMEM, "out of memory");
    for (int i = 0; i < l->n; i++) {
        const char *f[11];
        if (split_tabs(l->v[i], f, 11) != 11)
            return cd_error_set(g->err, CD_EIO, "demo/conditions.tsv: entry %d: needs 11 fields",
                                i + 1);
        struct demo_cond *c = &g->conds[g->nconds++];
        c->code = f[0];
        c->chronic = atoi(f[1]);
        c->group = f[2];
        c->weight = atoi(f[3]);
        c->complex = atoi(f[4]);
        c->desc = f[5];
        c->goal = f[6];
        c->target = f[7];
        c->med = f[8];
        c->dose = f[9];
        c->route = f[10];
    }
    return 0;
}

int demo_load_providers(struct demo_gen *g, struct lines *l)
{
    g->prov = calloc((size_t)l->n, sizeof *g->prov);
    if (!g->prov)
        return cd_error_set(g->err, CD_ENOMEM, "out of memory");
    for (int i = 0; i < l->n; i++) {
        const char *f[2];
        if (split_tabs(l->v[i], f, 2) != 2)
            return cd_error_set(g->err, CD_EIO, "demo/providers.tsv: entry %d: needs 2 fields",
                                i + 1);
        g->prov[g->nprov].name = f[0];
        g->prov[g->nprov++].specialty = f[1];
    }
    return 0;
}

const char *demo_provider_of(struct demo_gen *g, struct demo_rng *r, const char *specialty)
{
    int n = 0, k;
    for (int i = 0; i < g->nprov; i++)
        n += strcmp(g->prov[i].specialty, specialty) == 0;
    k = demo_below(r, n ? n : g->nprov);
    for (int i = 0; i < g->nprov; i++)
        if (!n || strcmp(g->prov[i].specialty, specialty) == 0)
            if (k-- == 0)
                return g->prov[i].name;
    return g->prov[0].name;
}

/* ---- staff ---- */

/* ASCII letters of UTF-8 NAME, lower-cased, with common accented Latin letters folded. */
static void fold_ascii(const char *name, char *out, size_t cap)
{
    static const char latin1[] = "aaaaaaaceeeeiiiidnooooo/ouuuuyty"; /* U+00E0..U+00FF */
    size_t n = 0, len, total = strlen(name);
    for (size_t i = 0; i < total && n + 1 < cap; i += len) {
        int32_t cp = cd_utf8_decode(name + i, total - i, &len);
        char c = 0;
        if (cp >= 0 && cp < 0x80)
            c = (char)((cp >= 'A' && cp <= 'Z') ? cp + 32 : cp);
        else if (cp >= 0xc0 && cp <= 0xff)
            c = latin1[(cp | 0x20) - 0xe0];
        else if (cp == 0x111)
            c = 'd';
        else if (cp == 0x1a1)
            c = 'o';
        else if (cp == 0x1b0)
            c = 'u';
        else if (cp >= 0x1ea0 && cp <= 0x1ef9) /* Vietnamese letters with tone marks */
            c = cp < 0x1eb8   ? 'a'
                : cp < 0x1ec8 ? 'e'
                : cp < 0x1ecc ? 'i'
                : cp < 0x1ee4 ? 'o'
                : cp < 0x1ef2 ? 'u'
                              : 'y';
        if (c >= 'a' && c <= 'z')
            out[n++] = c;
    }
    out[n] = '\0';
}

/* The id of LOGIN through core's lookup (cd_user_find), or 0 when there is no such user. */
static int user_id(struct demo_gen *g, const char *login, int64_t *id)
{
    struct cd_user u;
    int rc = cd_user_find(g->store, login, &u, g->err);
    *id = rc ? 0 : u.id;
    if (rc == CD_ENOTFOUND) {
        cd_error_clear(g->err);
        return 0;
    }
    return rc;
}

/* Add a user; a taken generated LOGIN gets a number (UNIQUE_LOGIN), a taken fixed one is reused.
 * Staff joined a year or more before today (the history the demo makes is theirs). */
static int add_user(struct demo_gen *g, const char *login, const char *name, const char *role,
                    const char *team, int unique_login, int64_t *id)
{
    char buf[80];
    snprintf(buf, sizeof buf, "%s", login);
    for (int n = 2;; n++) {
        TRY(user_id(g, buf, id));
        if (!*id)
            break;
        if (!unique_login)
            return 0;
        snprintf(buf, sizeof buf, "%s%d", login, n);
    }
    return demo_write_user(g, buf, name, role, team, cd_local_to_instant(g->today - 400, 9, 0, 0),
                           id);
}

const char *const demo_teams[2] = {"north", "south"};

static int staff_member(struct demo_gen *g, struct demo_rng *r, const struct lines *given_f,
                        const struct lines *given_m, const struct lines *family, const char *role,
                        const char *team, int64_t *id)
{
    const struct lines *gl = demo_chance(r, 70) ? given_f : given_m;
    const char *given = gl->v[demo_below(r, gl->n)];
    const char *fam = family->v[demo_below(r, family->n)];
    char name[160], login[40], gf[40], ff[40];
    snprintf(name, sizeof name, "%s %s", given, fam);
    fold_ascii(given, gf, sizeof gf);
    fold_ascii(fam, ff, sizeof ff);
    snprintf(login, sizeof login, "%c%.20s", gf[0] ? gf[0] : 's', ff[0] ? ff : "taff");
    return add_user(g, login, name, role, team, 1, id);
}

int demo_staff(struct demo_gen *g, const struct cd_demo_opts *opts, const struct lines *gf,
               const struct lines *gm, const struct lines *fam)
{
    struct demo_rng r;
    demo_rng_init(&r, g->seed, 0x5747FFull);
    int npat = opts->patients;
    g->ncoord = (npat + 174) / 175;
    if (g->ncoord < 3)
        g->ncoord = 3;
    g->nsched = g->ncoord / 5 < 2 ? 2 : g->ncoord / 5;
    int nsup = g->ncoord / 12 < 1 ? 1 : g->ncoord / 12;
    g->coord = calloc((size_t)g->ncoord, sizeof *g->coord);
    g->coord_team = calloc((size_t)g->ncoord, sizeof *g->coord_team);
    g->sched = calloc((size_t)g->nsched, sizeof *g->sched);
    if (!g->coord || !g->coord_team || !g->sched)
        return cd_error_set(g->err, CD_ENOMEM, "out of memory");
    int64_t id;
    TRY(add_user(g, CD_DEMO_COORDINATOR, "Maria Rivera", "coordinator", "north", 0, &g->coord[0]));
    g->coord_team[0] = "north";
    for (int i = 1; i < g->ncoord; i++) {
        g->coord_team[i] = demo_teams[i % 2];
        TRY(staff_member(g, &r, gf, gm, fam, "coordinator", demo_teams[i % 2], &g->coord[i]));
    }
    for (int i = 0; i < g->nsched; i++)
        TRY(staff_member(g, &r, gf, gm, fam, "scheduler", demo_teams[i % 2], &g->sched[i]));
    for (int i = 0; i < nsup; i++)
        TRY(staff_member(g, &r, gf, gm, fam, "supervisor", demo_teams[i % 2], &id));
    TRY(staff_member(g, &r, gf, gm, fam, "admin", NULL, &id));
    if (opts->supervisor && *opts->supervisor) {
        TRY(user_id(g, opts->supervisor, &id));
        if (!id) {
            TRY(add_user(g, opts->supervisor, opts->supervisor, "supervisor", NULL, 0, &id));
            if (!cd_store_actor(g->store))
                cd_store_set_actor(g->store, id);
        }
    }
    return 0;
}
