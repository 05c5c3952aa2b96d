/* SPDX-License-Identifier: MIT */
/* Internal to the care plan (core/careplan*.c): the table of item fields and the item helpers
 * the model, its versions and the diff share. */
#ifndef CD_CORE_CAREPLAN_IMPL_H
#define CD_CORE_CAREPLAN_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "core/careplan.h"

/* The fields of an item in one table, in column order: name, offsets in an item and in the typed
 * fields, the sections that may have it (a bit per section). */
struct careplan_field {
    const char *name;
    size_t item_off, in_off;
    unsigned sections;
    int kind; /* 0 = one-line text, 1 = date, 2 = ICD-10 code, 3 = status */
};
#define CAREPLAN_NFIELDS 9
extern const struct careplan_field careplan_fields[CAREPLAN_NFIELDS];

/* Field F of an item, writable and read-only. */
static inline char **careplan_item_field(struct cd_careplan_item *it, size_t f)
{
    return (char **)((char *)it + careplan_fields[f].item_off);
}
static inline const char *careplan_item_cfield(const struct cd_careplan_item *it, size_t f)
{
    return *(char *const *)((const char *)it + careplan_fields[f].item_off);
}

/* Slot F of the typed fields IN. */
static inline const char **careplan_in_slot(struct cd_careplan_fields *in, size_t f)
{
    return (const char **)((char *)in + careplan_fields[f].in_off);
}
/* The index in careplan_fields of the field named NAME ("target_date"), or -1. */
int careplan_field_index(const char *name);

/* Two field values are the same: NULL and "" alike. */
static inline int careplan_same(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

/* The index of the item with KEY, or -1. */
long careplan_index(const struct cd_careplan *plan, const char *key);
/* Room for one more (zeroed) item at index AT (items after it shift); NULL when out of memory. */
struct cd_careplan_item *careplan_insert_slot(struct cd_careplan *plan, size_t at);
/* Learn "goal-7" so new goals start at goal-8, across every version ever saved. */
void careplan_note_key(struct cd_careplan *plan, const char *key);

/* Save PLAN (edited from BASE_VERSION) as a new version in one transaction, audited. With REBASE,
 * a newer version saved meanwhile gets PLAN's changes applied on top (careplan_rebase_clean);
 * without, it is CD_ECONFLICT for the caller to merge (cd_careplan_save). */
int careplan_save(struct cd_store *store, struct cd_careplan *plan, int base_version, bool rebase,
                  const char *summary, struct cd_error *err);
/* Inside the caller's transaction: PLAN was edited from BASE; CURRENT is newer. When the versions
 * after BASE touched none of the items PLAN changes (nor the review date both changed), PLAN
 * becomes CURRENT with PLAN's changes applied; otherwise CD_ECONFLICT naming those items, PLAN
 * unchanged. */
int careplan_rebase_clean(struct cd_store *store, struct cd_careplan *plan, int base, int current,
                          struct cd_error *err);

#endif
