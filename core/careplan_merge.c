/* SPDX-License-Identifier: MIT */
/* Rebase an edited care plan onto the current version (core/careplan_merge.h). */
#include "config.h"
#include "core/careplan_merge.h"

#include <stdio.h>
#include <string.h>

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
