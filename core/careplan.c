/* SPDX-License-Identifier: MIT */
/* The care plan in memory: its sections, the fields of an item and their checks, and the edits
 * (add, edit, move, delete, status, review date). Loading and saving versions live in
 * careplan_version.c, the diff in careplan_diff.c, the review tasks in careplan_review.c and the
 * renderings in careplan_text.c. */
#include "config.h"
#include "core/careplan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/base/text.h"
#include "core/careplan_impl.h"

static const char *const section_names[CD_CAREPLAN_NSECTIONS] = {
    "problem",    "prognosis",   "goal",      "symptom",  "intervention", "medication",
    "assessment", "environment", "caregiver", "resource", "barrier",
};
static const char *const section_titles[CD_CAREPLAN_NSECTIONS] = {
    "Problems",
    "Expected outcome and prognosis",
    "Goals",
    "Symptom management",
    "Planned interventions",
    "Medications",
    "Cognitive and functional assessment",
    "Environmental evaluation",
    "Caregiver assessment",
    "Community resources and outside providers",
    "Barriers",
};

const char *cd_careplan_section_name(int section)
{
    return section >= 0 && section < CD_CAREPLAN_NSECTIONS ? section_names[section] : "?";
}

const char *cd_careplan_section_title(int section)
{
    return section >= 0 && section < CD_CAREPLAN_NSECTIONS ? section_titles[section] : "?";
}

int cd_careplan_section_parse(const char *name)
{
    for (int i = 0; name && i < CD_CAREPLAN_NSECTIONS; i++)
        if (strcmp(name, section_names[i]) == 0)
            return i;
    return -1;
}

/* The fields of an item in one table: name, offset, the sections that may have it. */
#define SEC(s) (1u << CD_CAREPLAN_##s)
const struct careplan_field careplan_fields[CAREPLAN_NFIELDS] = {
#define F(n, secs, kind)                                                                           \
    {                                                                                              \
#n, offsetof(struct cd_careplan_item, n), offsetof(struct cd_careplan_fields, n), secs,    \
            kind                                                                                   \
    }
    F(text, ~0u, 0),
    F(code, SEC(PROBLEM), 2),
    F(target, SEC(GOAL), 0),
    F(target_date, SEC(GOAL) | SEC(INTERVENTION), 1),
    F(status, SEC(GOAL) | SEC(INTERVENTION), 3),
    F(responsible, SEC(INTERVENTION), 0),
    F(dose, SEC(MEDICATION), 0),
    F(route, SEC(MEDICATION), 0),
    F(reconciled_on, SEC(MEDICATION), 1),
#undef F
};

int careplan_field_index(const char *name)
{
    for (size_t f = 0; f < CAREPLAN_NFIELDS; f++)
        if (strcmp(careplan_fields[f].name, name) == 0)
            return (int)f;
    return -1;
}

static const char *in_field(const struct cd_careplan_fields *in, size_t f)
{
    return *(const char *const *)((const char *)in + careplan_fields[f].in_off);
}

static const char *const goal_statuses[] = {"proposed", "active",    "met",
                                            "not_met",  "cancelled", NULL};
static const char *const intervention_statuses[] = {"planned", "in_progress", "done", "cancelled",
                                                    NULL};

static int check_status(int section, const char *s, struct cd_error *err)
{
    const char *const *list = section == CD_CAREPLAN_GOAL ? goal_statuses : intervention_statuses;
    for (size_t i = 0; list[i]; i++)
        if (strcmp(s, list[i]) == 0)
            return 0;
    return cd_error_set(err, CD_EINVAL, "status: '%.40s' is not a %s status (%s)", s,
                        section_names[section],
                        section == CD_CAREPLAN_GOAL ? "proposed, active, met, not_met or cancelled"
                                                    : "planned, in_progress, done or cancelled");
}

const char *cd_careplan_status_label(const char *status)
{
    if (!status)
        return "";
    if (strcmp(status, "not_met") == 0)
        return "not met";
    if (strcmp(status, "in_progress") == 0)
        return "in progress";
    return status;
}

/* An ICD-10 code: a letter, two digits or letters, then an optional dot and 1-4 more. */
static int icd10_valid(const char *s)
{
    size_t n = strlen(s);
    if (n < 3 || n > 8 || s[0] < 'A' || s[0] > 'Z' || s[1] < '0' || s[1] > '9')
        return 0;
    for (size_t i = 2; i < n; i++) {
        char c = s[i];
        int alnum = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
        if (i == 3 && c == '.' && n > 4)
            continue;
        if (!alnum || (i > 3 && s[3] != '.'))
            return 0;
    }
    return 1;
}

static int check_field(int section, size_t f, const char *v, struct cd_error *err)
{
    const char *why;
    if (!(careplan_fields[f].sections & (1u << section)))
        return cd_error_set(err, CD_EINVAL, "%s: a %s item has no %s", careplan_fields[f].name,
                            section_names[section], careplan_fields[f].name);
    switch (careplan_fields[f].kind) {
    case 1: {
        int day;
        if (cd_date_parse(v, &day, NULL))
            return cd_error_set(err, CD_EINVAL, "%s: '%.40s' is not a date (YYYY-MM-DD)",
                                careplan_fields[f].name, v);
        return 0;
    }
    case 2:
        if (!icd10_valid(v))
            return cd_error_set(err, CD_EINVAL, "code: '%.40s' is not an ICD-10 code (e.g. I50.9)",
                                v);
        return 0;
    case 3: return check_status(section, v, err);
    default:
        if ((why = cd_text_check(v, f == 0 ? 1000 : 200, f == 0)))
            return cd_error_set(err, CD_EINVAL, "%s: '%.60s' %s", careplan_fields[f].name, v, why);
        return 0;
    }
}

static void item_clear(struct cd_careplan_item *it)
{
    free(it->key);
    for (size_t f = 0; f < CAREPLAN_NFIELDS; f++)
        free(*careplan_item_field(it, f));
    memset(it, 0, sizeof *it);
}

void cd_careplan_free(struct cd_careplan *plan)
{
    if (!plan)
        return;
    for (size_t i = 0; i < plan->nitems; i++)
        item_clear(&plan->items[i]);
    free(plan->items);
    free(plan->saved_at);
    free(plan->saved_by);
    free(plan->summary);
    free(plan->next_review);
    free(plan);
}

long careplan_index(const struct cd_careplan *plan, const char *key)
{
    for (size_t i = 0; i < plan->nitems; i++)
        if (strcmp(plan->items[i].key, key) == 0)
            return (long)i;
    return -1;
}

const struct cd_careplan_item *cd_careplan_find(const struct cd_careplan *plan, const char *key)
{
    long i = careplan_index(plan, key);
    return i < 0 ? NULL : &plan->items[i];
}

/* Room for one more item at index AT (items after it shift). */
struct cd_careplan_item *careplan_insert_slot(struct cd_careplan *plan, size_t at)
{
    if (plan->nitems == plan->cap) {
        size_t cap = plan->cap ? plan->cap * 2 : 16;
        struct cd_careplan_item *items = realloc(plan->items, cap * sizeof *items);
        if (!items)
            return NULL;
        plan->items = items;
        plan->cap = cap;
    }
    memmove(&plan->items[at + 1], &plan->items[at], (plan->nitems - at) * sizeof *plan->items);
    plan->nitems++;
    memset(&plan->items[at], 0, sizeof plan->items[at]);
    return &plan->items[at];
}

/* Learn "goal-7" so new goals start at goal-8, across every version ever saved. */
void careplan_note_key(struct cd_careplan *plan, const char *key)
{
    const char *dash = strrchr(key, '-');
    if (!dash)
        return;
    char name[32];
    size_t n = (size_t)(dash - key);
    if (n >= sizeof name)
        return;
    memcpy(name, key, n);
    name[n] = '\0';
    int s = cd_careplan_section_parse(name);
    int num = atoi(dash + 1);
    if (s >= 0 && num >= plan->next_num[s])
        plan->next_num[s] = num + 1;
}

static int set_field(struct cd_careplan_item *it, size_t f, const char *v)
{
    char *copy = NULL;
    if (v && *v && !(copy = strdup(v)))
        return CD_ENOMEM;
    free(*careplan_item_field(it, f));
    *careplan_item_field(it, f) = copy;
    return 0;
}

/* Check IN for SECTION: every given field must belong to it and be well-formed. */
static int check_fields(int section, const struct cd_careplan_fields *in, int adding,
                        struct cd_error *err)
{
    for (size_t f = 0; f < CAREPLAN_NFIELDS; f++) {
        const char *v = in_field(in, f);
        if (f == 0 && adding && (!v || !*v))
            return cd_error_set(err, CD_EINVAL, "text: is empty");
        if (f == 0 && v && !*v)
            return cd_error_set(err, CD_EINVAL, "text: cannot be cleared; delete the item instead");
        if (v && *v) {
            int rc = check_field(section, f, v, err);
            if (rc)
                return rc;
        }
    }
    return 0;
}

int cd_careplan_add(struct cd_careplan *plan, int section, const struct cd_careplan_fields *in,
                    const char **key, struct cd_error *err)
{
    if (section < 0 || section >= CD_CAREPLAN_NSECTIONS)
        return cd_error_set(err, CD_EINVAL, "section: not a care plan section");
    int rc = check_fields(section, in, 1, err);
    if (rc)
        return rc;
    size_t at = 0;
    while (at < plan->nitems && plan->items[at].section <= section)
        at++;
    char keybuf[48];
    snprintf(keybuf, sizeof keybuf, "%s-%d", section_names[section], plan->next_num[section]);
    struct cd_careplan_item *it = careplan_insert_slot(plan, at);
    if (!it)
        return cd_error_set(err, CD_ENOMEM, "out of memory");
    it->section = section;
    rc = (it->key = strdup(keybuf)) ? 0 : CD_ENOMEM;
    for (size_t f = 0; !rc && f < CAREPLAN_NFIELDS; f++)
        rc = set_field(it, f, in_field(in, f));
    if (!rc && section == CD_CAREPLAN_GOAL && !it->status)
        rc = set_field(it, 4, "proposed");
    if (!rc && section == CD_CAREPLAN_INTERVENTION && !it->status)
        rc = set_field(it, 4, "planned");
    if (rc) {
        item_clear(it);
        memmove(&plan->items[at], &plan->items[at + 1],
                (plan->nitems - at - 1) * sizeof *plan->items);
        plan->nitems--;
        return cd_error_set(err, CD_ENOMEM, "out of memory");
    }
    plan->next_num[section]++;
    if (key)
        *key = it->key;
    return 0;
}

static long need_item(const struct cd_careplan *plan, const char *key, struct cd_error *err)
{
    long i = careplan_index(plan, key);
    if (i < 0)
        cd_error_set(err, CD_ENOTFOUND, "the care plan has no item '%.40s'", key);
    return i;
}

int cd_careplan_edit(struct cd_careplan *plan, const char *key, const struct cd_careplan_fields *in,
                     struct cd_error *err)
{
    long i = need_item(plan, key, err);
    if (i < 0)
        return CD_ENOTFOUND;
    struct cd_careplan_item *it = &plan->items[i];
    int rc = check_fields(it->section, in, 0, err);
    if (rc)
        return rc;
    /* all-or-nothing: copy first, then swap in */
    char *copies[CAREPLAN_NFIELDS] = {0};
    for (size_t f = 0; f < CAREPLAN_NFIELDS; f++) {
        const char *v = in_field(in, f);
        if (v && *v && !(copies[f] = strdup(v))) {
            for (size_t k = 0; k < f; k++)
                free(copies[k]);
            return cd_error_set(err, CD_ENOMEM, "out of memory");
        }
    }
    for (size_t f = 0; f < CAREPLAN_NFIELDS; f++) {
        if (!in_field(in, f))
            continue;
        free(*careplan_item_field(it, f));
        *careplan_item_field(it, f) = copies[f];
    }
    return 0;
}

int cd_careplan_move(struct cd_careplan *plan, const char *key, int delta, struct cd_error *err)
{
    long i = need_item(plan, key, err);
    if (i < 0)
        return CD_ENOTFOUND;
    int section = plan->items[i].section;
    while (delta != 0) {
        long j = delta < 0 ? i - 1 : i + 1;
        if (j < 0 || (size_t)j >= plan->nitems || plan->items[j].section != section)
            break;
        struct cd_careplan_item tmp = plan->items[i];
        plan->items[i] = plan->items[j];
        plan->items[j] = tmp;
        i = j;
        delta += delta < 0 ? 1 : -1;
    }
    return 0;
}

int cd_careplan_delete(struct cd_careplan *plan, const char *key, struct cd_error *err)
{
    long i = need_item(plan, key, err);
    if (i < 0)
        return CD_ENOTFOUND;
    item_clear(&plan->items[i]);
    memmove(&plan->items[i], &plan->items[i + 1],
            (plan->nitems - (size_t)i - 1) * sizeof *plan->items);
    plan->nitems--;
    return 0;
}

int cd_careplan_set_status(struct cd_careplan *plan, const char *key, const char *status,
                           struct cd_error *err)
{
    long i = need_item(plan, key, err);
    if (i < 0)
        return CD_ENOTFOUND;
    struct cd_careplan_fields in = {.status = status ? status : ""};
    if (!status || !*status)
        return cd_error_set(err, CD_EINVAL, "status: is empty");
    return cd_careplan_edit(plan, key, &in, err);
}

int cd_careplan_set_review(struct cd_careplan *plan, const char *date, struct cd_error *err)
{
    int day;
    if (date && *date && cd_date_parse(date, &day, NULL))
        return cd_error_set(err, CD_EINVAL, "next_review_date: '%.40s' is not a date (YYYY-MM-DD)",
                            date);
    char *copy = NULL;
    if (date && *date && !(copy = strdup(date)))
        return cd_error_set(err, CD_ENOMEM, "out of memory");
    free(plan->next_review);
    plan->next_review = copy;
    return 0;
}
