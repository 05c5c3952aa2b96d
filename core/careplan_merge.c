/* SPDX-License-Identifier: MIT */
/* Rebase an edited care plan onto the current version (core/careplan_merge.h). */
#include "config.h"
#include "core/careplan_merge.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/base/strbuf.h"
#include "core/careplan_impl.h"

/* The fields of an item by the names the diff uses (NULL for "position"). */
static const char **field_in(struct cd_careplan_fields *in, const char *name)
{
    int f = careplan_field_index(name);
    return f < 0 ? NULL : careplan_in_slot(in, (size_t)f);
}

static const char *item_value(const struct cd_careplan_item *it, const char *name)
{
    int f = careplan_field_index(name);
    return f < 0 ? NULL : careplan_item_cfield(it, (size_t)f);
}

static struct cd_careplan_fields all_fields(const struct cd_careplan_item *it)
{
    struct cd_careplan_fields in = {0};
    for (size_t f = 0; f < CAREPLAN_NFIELDS; f++)
        *careplan_in_slot(&in, f) = careplan_item_cfield(it, f);
    return in;
}

/* Index of KEY among the items of its section in PLAN, or -1. */
static long place(const struct cd_careplan *plan, const char *key)
{
    const struct cd_careplan_item *it = cd_careplan_find(plan, key);
    long n = 0;
    for (size_t i = 0; it && i < plan->nitems; i++) {
        if (!strcmp(plan->items[i].key, key))
            return n;
        n += plan->items[i].section == it->section;
    }
    return -1;
}

/* Move OUT's item OUT_KEY right after the item that precedes MINE_KEY in MINE and is also in
 * OUT (to the top of the section when none does). */
static int follow(struct cd_careplan *out, const char *out_key, const struct cd_careplan *mine,
                  const char *mine_key, struct cd_error *err)
{
    const struct cd_careplan_item *it = cd_careplan_find(mine, mine_key);
    long want = 0;
    for (size_t i = 0; it && i < mine->nitems && strcmp(mine->items[i].key, mine_key); i++)
        if (mine->items[i].section == it->section && strcmp(mine->items[i].key, out_key) &&
            cd_careplan_find(out, mine->items[i].key))
            want = place(out, mine->items[i].key) + 1;
    long have = place(out, out_key);
    if (have >= 0 && want > have)
        want--; /* the item leaves its place before moving down */
    return have >= 0 && want != have ? cd_careplan_move(out, out_key, (int)(want - have), err) : 0;
}

/* Apply one entry of the diff BASE -> MINE to OUT. */
static int apply(struct cd_careplan *out, const struct cd_careplan *base,
                 const struct cd_careplan *mine, const struct cd_careplan_diff_entry *e,
                 int *clashes, struct cd_error *err)
{
    if (!e->item) /* the review date */
        return careplan_same(out->next_review, mine->next_review)
                   ? 0
                   : cd_careplan_set_review(out, mine->next_review, err);
    const struct cd_careplan_item *it = e->item;
    const struct cd_careplan_item *now = cd_careplan_find(out, it->key);
    if (e->change == CD_CAREPLAN_REMOVED)
        return now ? cd_careplan_delete(out, it->key, err) : 0;
    if (e->change == CD_CAREPLAN_ADDED || !now) {
        struct cd_careplan_fields in = all_fields(it);
        const char *key;
        char copy[64];
        int rc = cd_careplan_add(out, it->section, &in, &key, err);
        if (rc)
            return rc;
        snprintf(copy, sizeof copy, "%s", key);
        return follow(out, copy, mine, it->key, err);
    }
    const struct cd_careplan_item *was = cd_careplan_find(base, it->key);
    struct cd_careplan_fields in = {0};
    int moved = 0;
    for (size_t f = 0; f < e->nfields; f++) {
        const char *name = e->fields[f].field;
        const char **slot = field_in(&in, name);
        if (!slot) {
            moved |= !strcmp(name, "position");
            continue;
        }
        const char *theirs = item_value(now, name);
        if (was && !careplan_same(theirs, item_value(was, name)) &&
            !careplan_same(theirs, e->fields[f].after) && clashes)
            (*clashes)++;
        *slot = e->fields[f].after ? e->fields[f].after : "";
    }
    int rc = cd_careplan_edit(out, it->key, &in, err);
    if (!rc && moved)
        rc = follow(out, it->key, mine, it->key, err);
    return rc;
}

int cd_careplan_rebase(struct cd_store *store, struct cd_careplan *plan, int base_version,
                       int *clashes, struct cd_error *err)
{
    struct cd_careplan *base = NULL, *out = NULL, empty = {.patient_id = plan->patient_id};
    struct cd_careplan_diff diff = {0};
    int n = 0;
    int rc = base_version ? cd_careplan_load(store, plan->patient_id, base_version, &base, err) : 0;
    if (!rc)
        rc = cd_careplan_load(store, plan->patient_id, 0, &out, err);
    if (!rc)
        rc = cd_careplan_diff(base ? base : &empty, plan, &diff, err);
    for (size_t i = 0; !rc && i < diff.n; i++)
        rc = apply(out, base ? base : &empty, plan, &diff.entries[i], &n, err);
    cd_careplan_diff_free(&diff);
    if (!rc) {
        struct cd_careplan tmp = *plan;
        *plan = *out;
        *out = tmp;
        if (clashes)
            *clashes = n;
    }
    cd_careplan_free(out);
    cd_careplan_free(base);
    return rc;
}

/* The item keys DIFF changes or removes (not the ones it adds: those get fresh keys on a rebase),
 * and whether it changes the review date. */
static bool touches(const struct cd_careplan_diff *diff, const char *key)
{
    for (size_t i = 0; i < diff->n; i++) {
        const struct cd_careplan_diff_entry *e = &diff->entries[i];
        if (key ? e->item && e->change != CD_CAREPLAN_ADDED && !strcmp(e->item->key, key)
                : !e->item)
            return true;
    }
    return false;
}

/* The review date both diffs set, to different values. */
static bool review_clash(const struct cd_careplan_diff *mine, const struct cd_careplan *plan,
                         const struct cd_careplan_diff *theirs, const struct cd_careplan *cur)
{
    return touches(mine, NULL) && touches(theirs, NULL) &&
           !careplan_same(plan->next_review, cur->next_review);
}

/* "goal-1, intervention-2 and the next review date" into OUT; the count of names in *N. */
static void clashing(const struct cd_careplan_diff *mine, const struct cd_careplan_diff *theirs,
                     bool review, struct cd_strbuf *out, size_t *n)
{
    const char *names[64];
    *n = 0;
    for (size_t i = 0; i < mine->n && *n < 63; i++) {
        const struct cd_careplan_diff_entry *e = &mine->entries[i];
        if (e->item && e->change != CD_CAREPLAN_ADDED && touches(theirs, e->item->key))
            names[(*n)++] = e->item->key;
    }
    if (review)
        names[(*n)++] = "the next review date";
    for (size_t i = 0; i < *n; i++)
        cd_strbuf_addf(out, "%s%s", i == 0 ? "" : i + 1 == *n ? " and " : ", ", names[i]);
}

int careplan_rebase_clean(struct cd_store *store, struct cd_careplan *plan, int base, int current,
                          struct cd_error *err)
{
    struct cd_careplan *old = NULL, *cur = NULL, empty = {.patient_id = plan->patient_id};
    struct cd_careplan_diff mine = {0}, theirs = {0};
    struct cd_strbuf names = CD_STRBUF_INIT;
    size_t n = 0;
    int rc = base ? cd_careplan_load(store, plan->patient_id, base, &old, err) : 0;
    if (!rc)
        rc = cd_careplan_load(store, plan->patient_id, current, &cur, err);
    if (!rc)
        rc = cd_careplan_diff(old ? old : &empty, plan, &mine, err);
    if (!rc)
        rc = cd_careplan_diff(old ? old : &empty, cur, &theirs, err);
    if (!rc)
        clashing(&mine, &theirs, review_clash(&mine, plan, &theirs, cur), &names, &n);
    if (!rc && n) {
        char local[20] = "";
        time_t t;
        if (cur->saved_at && !cd_instant_parse(cur->saved_at, &t, NULL))
            cd_instant_format_local(t, local);
        rc = cd_error_set(err, CD_ECONFLICT,
                          "%s %s changed in a newer version of the care plan (version %d, saved "
                          "by %s at %s) after you opened version %d; nothing was saved: look at "
                          "version %d and make your change again",
                          cd_strbuf_str(&names), n == 1 ? "was" : "were", current,
                          cur->saved_by ? cur->saved_by : "someone else", local, base, current);
    }
    cd_strbuf_free(&names);
    cd_careplan_diff_free(&mine);
    cd_careplan_diff_free(&theirs);
    cd_careplan_free(cur);
    cd_careplan_free(old);
    return rc ? rc : cd_careplan_rebase(store, plan, base, NULL, err);
}

int cd_careplan_save_rebased(struct cd_store *store, struct cd_careplan *plan, int base_version,
                             const char *summary, struct cd_error *err)
{
    return careplan_save(store, plan, base_version, true, summary, err);
}
