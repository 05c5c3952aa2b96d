/* SPDX-License-Identifier: MIT */
/* The versioned care plan: editing in memory, saving a version with conflict refusal, the diff
 * between versions and the careplan_review tasks. The renderings live in careplan_text.c. */
#include "config.h"
#include "core/careplan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/clock.h"
#include "core/db.h"
#include "core/task.h"
#include "core/text.h"
#include "core/user.h"

static const char SQL_PLAN[] = "SELECT id, current_version FROM care_plans WHERE patient_id = :pid";
static const char SQL_VERSION[] =
    "SELECT v.id, v.created_at, u.name, v.summary, v.next_review_date "
    "FROM care_plan_versions v LEFT JOIN users u ON u.id = v.created_by "
    "WHERE v.care_plan_id = :plan AND v.version = :version";
static const char SQL_ITEMS[] =
    "SELECT item_key, section, text, code, target, target_date, status, responsible, dose, route, "
    "reconciled_on FROM care_plan_items WHERE version_id = :vid ORDER BY position";
static const char SQL_KEYS[] =
    "SELECT DISTINCT i.item_key FROM care_plan_versions v "
    "JOIN care_plan_items i ON i.version_id = v.id WHERE v.care_plan_id = :plan";
static const char SQL_NEW_PLAN[] =
    "INSERT INTO care_plans(patient_id, current_version, created_at, updated_at) "
    "VALUES (:pid, 0, :at, :at)";
static const char SQL_NEW_VERSION[] =
    "INSERT INTO care_plan_versions(care_plan_id, version, created_at, created_by, summary, "
    "next_review_date) VALUES (:plan, :version, :at, :by, :summary, :review)";
static const char SQL_NEW_ITEM[] =
    "INSERT INTO care_plan_items(version_id, item_key, section, position, text, code, target, "
    "target_date, status, responsible, dose, route, reconciled_on) VALUES (:vid, :key, :section, "
    ":pos, :text, :code, :target, :target_date, :status, :responsible, :dose, :route, :rec)";
static const char SQL_SET_CURRENT[] =
    "UPDATE care_plans SET current_version = :version, updated_at = :at "
    "WHERE id = :plan AND current_version = :base";
static const char SQL_HISTORY[] =
    "SELECT v.version, v.created_at AS saved_at, u.name AS saved_by, v.summary, "
    "v.next_review_date, (SELECT count(*) FROM care_plan_items i WHERE i.version_id = v.id) AS "
    "items "
    "FROM care_plans p JOIN care_plan_versions v ON v.care_plan_id = p.id "
    "LEFT JOIN users u ON u.id = v.created_by WHERE p.patient_id = :pid ORDER BY v.version DESC";
static const char SQL_DUE_REVIEWS[] =
    "SELECT p.id, p.patient_id, v.next_review_date, pt.coordinator_id FROM care_plans p "
    "JOIN care_plan_versions v ON v.care_plan_id = p.id AND v.version = p.current_version "
    "JOIN patients pt ON pt.id = p.patient_id WHERE p.status = 'active' "
    "AND v.next_review_date IS NOT NULL AND v.next_review_date <= :today ORDER BY p.id";

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
static const struct field {
    const char *name;
    size_t item_off, in_off;
    unsigned sections;
    int kind; /* 0 = one-line text, 1 = date, 2 = ICD-10 code, 3 = status */
} fields[] = {
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
#define NFIELDS (sizeof fields / sizeof fields[0])

static char **item_field(struct cd_careplan_item *it, size_t f)
{
    return (char **)((char *)it + fields[f].item_off);
}

static const char *item_cfield(const struct cd_careplan_item *it, size_t f)
{
    return *(char *const *)((const char *)it + fields[f].item_off);
}

static const char *in_field(const struct cd_careplan_fields *in, size_t f)
{
    return *(const char *const *)((const char *)in + fields[f].in_off);
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
    if (!(fields[f].sections & (1u << section)))
        return cd_error_set(err, CD_EINVAL, "%s: a %s item has no %s", fields[f].name,
                            section_names[section], fields[f].name);
    switch (fields[f].kind) {
    case 1: {
        int day;
        if (cd_date_parse(v, &day, NULL))
            return cd_error_set(err, CD_EINVAL, "%s: '%.40s' is not a date (YYYY-MM-DD)",
                                fields[f].name, v);
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
            return cd_error_set(err, CD_EINVAL, "%s: '%.60s' %s", fields[f].name, v, why);
        return 0;
    }
}

static void item_clear(struct cd_careplan_item *it)
{
    free(it->key);
    for (size_t f = 0; f < NFIELDS; f++)
        free(*item_field(it, f));
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

static long find_index(const struct cd_careplan *plan, const char *key)
{
    for (size_t i = 0; i < plan->nitems; i++)
        if (strcmp(plan->items[i].key, key) == 0)
            return (long)i;
    return -1;
}

const struct cd_careplan_item *cd_careplan_find(const struct cd_careplan *plan, const char *key)
{
    long i = find_index(plan, key);
    return i < 0 ? NULL : &plan->items[i];
}

/* Room for one more item at index AT (items after it shift). */
static struct cd_careplan_item *insert_slot(struct cd_careplan *plan, size_t at)
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
static void note_key(struct cd_careplan *plan, const char *key)
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

static int load_items(struct cd_store *store, struct cd_careplan *plan, int64_t vid,
                      struct cd_error *err)
{
    sqlite3_stmt *st = cd_db_stmt(store, SQL_ITEMS, err);
    if (!st)
        return err ? err->code : CD_EIO;
    cd_db_bind_int(st, ":vid", vid);
    int rc;
    while ((rc = cd_db_step(store, st, err)) == 1) {
        struct cd_careplan_item *it = insert_slot(plan, plan->nitems);
        if (!it) {
            rc = cd_error_set(err, CD_ENOMEM, "out of memory loading the care plan");
            break;
        }
        it->key = cd_db_col_dup(st, 0);
        it->section = cd_careplan_section_parse((const char *)sqlite3_column_text(st, 1));
        for (size_t f = 0; f < NFIELDS; f++)
            *item_field(it, f) = cd_db_col_dup(st, (int)f + 2);
        if (!it->key || !it->text) {
            rc = cd_error_set(err, CD_ENOMEM, "out of memory loading the care plan");
            break;
        }
    }
    cd_db_done(st);
    return rc;
}

static int load_keys(struct cd_store *store, struct cd_careplan *plan, struct cd_error *err)
{
    sqlite3_stmt *st = cd_db_stmt(store, SQL_KEYS, err);
    if (!st)
        return err ? err->code : CD_EIO;
    cd_db_bind_int(st, ":plan", plan->plan_id);
    int rc;
    while ((rc = cd_db_step(store, st, err)) == 1)
        note_key(plan, (const char *)sqlite3_column_text(st, 0));
    cd_db_done(st);
    return rc;
}

/* The plan row of PATIENT_ID: *PLAN_ID 0 when there is none. */
static int plan_row(struct cd_store *store, int64_t patient_id, int64_t *plan_id, int *current,
                    struct cd_error *err)
{
    sqlite3_stmt *st = cd_db_stmt(store, SQL_PLAN, err);
    if (!st)
        return err ? err->code : CD_EIO;
    cd_db_bind_int(st, ":pid", patient_id);
    int rc = cd_db_step(store, st, err);
    *plan_id = 0;
    *current = 0;
    if (rc == 1) {
        *plan_id = sqlite3_column_int64(st, 0);
        *current = sqlite3_column_int(st, 1);
        rc = 0;
    }
    cd_db_done(st);
    return rc;
}

/* Version VERSION's id and header into PLAN. */
static int version_row(struct cd_store *store, struct cd_careplan *plan, int version, int64_t *vid,
                       struct cd_error *err)
{
    sqlite3_stmt *st = cd_db_stmt(store, SQL_VERSION, err);
    if (!st)
        return err ? err->code : CD_EIO;
    cd_db_bind_int(st, ":plan", plan->plan_id);
    cd_db_bind_int(st, ":version", version);
    int rc = cd_db_step(store, st, err);
    if (rc == 1) {
        *vid = sqlite3_column_int64(st, 0);
        plan->saved_at = cd_db_col_dup(st, 1);
        plan->saved_by = cd_db_col_dup(st, 2);
        plan->summary = cd_db_col_dup(st, 3);
        plan->next_review = cd_db_col_dup(st, 4);
        plan->version = version;
        rc = 0;
    } else if (rc == 0) {
        rc = cd_error_set(err, CD_ENOTFOUND,
                          "the care plan has no version %d (the current one is %d)", version,
                          plan->current);
    }
    cd_db_done(st);
    return rc;
}

int cd_careplan_load(struct cd_store *store, int64_t patient_id, int version,
                     struct cd_careplan **out, struct cd_error *err)
{
    *out = NULL;
    if (version < 0)
        return cd_error_set(err, CD_EINVAL, "version: %d is not a version number", version);
    struct cd_careplan *plan = calloc(1, sizeof *plan);
    if (!plan)
        return cd_error_set(err, CD_ENOMEM, "out of memory loading the care plan");
    for (int s = 0; s < CD_CAREPLAN_NSECTIONS; s++)
        plan->next_num[s] = 1;
    plan->patient_id = patient_id;
    int rc = plan_row(store, patient_id, &plan->plan_id, &plan->current, err);
    if (!rc && version == 0)
        version = plan->current;
    if (!rc && version > 0 && !plan->plan_id)
        rc = cd_error_set(err, CD_ENOTFOUND, "the patient has no care plan yet");
    if (!rc && version > 0) {
        int64_t vid = 0;
        rc = version_row(store, plan, version, &vid, err);
        if (!rc)
            rc = load_items(store, plan, vid, err);
        if (!rc)
            rc = load_keys(store, plan, err);
    }
    if (rc) {
        cd_careplan_free(plan);
        return rc;
    }
    *out = plan;
    return 0;
}

static int set_field(struct cd_careplan_item *it, size_t f, const char *v)
{
    char *copy = NULL;
    if (v && *v && !(copy = strdup(v)))
        return CD_ENOMEM;
    free(*item_field(it, f));
    *item_field(it, f) = copy;
    return 0;
}

/* Check IN for SECTION: every given field must belong to it and be well-formed. */
static int check_fields(int section, const struct cd_careplan_fields *in, int adding,
                        struct cd_error *err)
{
    for (size_t f = 0; f < NFIELDS; f++) {
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
    struct cd_careplan_item *it = insert_slot(plan, at);
    if (!it)
        return cd_error_set(err, CD_ENOMEM, "out of memory");
    it->section = section;
    rc = (it->key = strdup(keybuf)) ? 0 : CD_ENOMEM;
    for (size_t f = 0; !rc && f < NFIELDS; f++)
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
    long i = find_index(plan, key);
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
    char *copies[NFIELDS] = {0};
    for (size_t f = 0; f < NFIELDS; f++) {
        const char *v = in_field(in, f);
        if (v && *v && !(copies[f] = strdup(v))) {
            for (size_t k = 0; k < f; k++)
                free(copies[k]);
            return cd_error_set(err, CD_ENOMEM, "out of memory");
        }
    }
    for (size_t f = 0; f < NFIELDS; f++) {
        if (!in_field(in, f))
            continue;
        free(*item_field(it, f));
        *item_field(it, f) = copies[f];
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

/* ---- diff ---- */

static int same(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

static struct cd_careplan_diff_entry *diff_add(struct cd_careplan_diff *d, int change,
                                               const struct cd_careplan_item *item)
{
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 16;
        struct cd_careplan_diff_entry *e = realloc(d->entries, cap * sizeof *e);
        if (!e)
            return NULL;
        d->entries = e;
        d->cap = cap;
    }
    struct cd_careplan_diff_entry *e = &d->entries[d->n++];
    memset(e, 0, sizeof *e);
    e->change = change;
    e->item = item;
    return e;
}

/* Rank of item I of PLAN among the items of its section that are also in OTHER. */
static long common_rank(const struct cd_careplan *plan, size_t i, const struct cd_careplan *other)
{
    long rank = 0;
    for (size_t k = 0; k < i; k++)
        if (plan->items[k].section == plan->items[i].section &&
            find_index(other, plan->items[k].key) >= 0)
            rank++;
    return rank;
}

int cd_careplan_diff(const struct cd_careplan *old, const struct cd_careplan *new,
                     struct cd_careplan_diff *out, struct cd_error *err)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < new->nitems; i++) {
        const struct cd_careplan_item *it = &new->items[i];
        long o = find_index(old, it->key);
        struct cd_careplan_diff_entry *e;
        if (o < 0) {
            if (!(e = diff_add(out, CD_CAREPLAN_ADDED, it)))
                goto oom;
            continue;
        }
        const struct cd_careplan_item *was = &old->items[o];
        struct cd_careplan_field_change ch[12];
        size_t n = 0;
        for (size_t f = 0; f < NFIELDS; f++)
            if (!same(item_cfield(was, f), item_cfield(it, f)))
                ch[n++] = (struct cd_careplan_field_change){fields[f].name, item_cfield(was, f),
                                                            item_cfield(it, f)};
        long r_new = common_rank(new, i, old), r_old = common_rank(old, (size_t)o, new);
        if (r_new != r_old)
            ch[n++] = (struct cd_careplan_field_change){"position", NULL,
                                                        r_new < r_old ? "moved up" : "moved down"};
        if (n == 0)
            continue;
        if (!(e = diff_add(out, CD_CAREPLAN_CHANGED, it)))
            goto oom;
        e->nfields = n;
        memcpy(e->fields, ch, n * sizeof ch[0]);
    }
    for (size_t i = 0; i < old->nitems; i++)
        if (find_index(new, old->items[i].key) < 0 &&
            !diff_add(out, CD_CAREPLAN_REMOVED, &old->items[i]))
            goto oom;
    if (!same(old->next_review, new->next_review)) {
        struct cd_careplan_diff_entry *e = diff_add(out, CD_CAREPLAN_CHANGED, NULL);
        if (!e)
            goto oom;
        e->nfields = 1;
        e->fields[0] = (struct cd_careplan_field_change){"next_review_date", old->next_review,
                                                         new->next_review};
    }
    return 0;
oom:
    cd_careplan_diff_free(out);
    return cd_error_set(err, CD_ENOMEM, "out of memory comparing care plans");
}

void cd_careplan_diff_free(struct cd_careplan_diff *diff)
{
    free(diff->entries);
    memset(diff, 0, sizeof *diff);
}

static const char *or_none(const char *s)
{
    return s && *s ? s : "(none)";
}

int cd_careplan_diff_text(const struct cd_careplan_diff *diff, struct cd_strbuf *out)
{
    static const char *const verbs[] = {"+ added", "~ changed", "- removed"};
    for (size_t i = 0; i < diff->n; i++) {
        const struct cd_careplan_diff_entry *e = &diff->entries[i];
        if (!e->item) {
            cd_strbuf_addf(out, "~ next review date: %s -> %s\n", or_none(e->fields[0].before),
                           or_none(e->fields[0].after));
            continue;
        }
        cd_strbuf_addf(out, "%s %s: %s\n", verbs[e->change], e->item->key, e->item->text);
        if (e->change == CD_CAREPLAN_ADDED) {
            for (size_t f = 1; f < NFIELDS; f++)
                if (item_cfield(e->item, f))
                    cd_strbuf_addf(out, "    %s: %s\n", fields[f].name, item_cfield(e->item, f));
        }
        for (size_t f = 0; f < e->nfields; f++) {
            const struct cd_careplan_field_change *c = &e->fields[f];
            if (strcmp(c->field, "position") == 0)
                cd_strbuf_addf(out, "    %s in the list\n", c->after);
            else
                cd_strbuf_addf(out, "    %s: %s -> %s\n", c->field, or_none(c->before),
                               or_none(c->after));
        }
    }
    return out->oom ? CD_ENOMEM : 0;
}

int cd_careplan_diff_summary(const struct cd_careplan_diff *diff, struct cd_strbuf *out)
{
    static const char *const verbs[] = {"added", "changed", "removed"};
    size_t start = out->len;
    for (int change = CD_CAREPLAN_ADDED; change <= CD_CAREPLAN_REMOVED; change++) {
        size_t count = 0;
        for (size_t i = 0; i < diff->n; i++)
            count += diff->entries[i].change == change && diff->entries[i].item;
        if (!count)
            continue;
        cd_strbuf_addf(out, "%s%s ", out->len > start ? "; " : "", verbs[change]);
        if (count > 6) {
            cd_strbuf_addf(out, "%zu items", count);
            continue;
        }
        size_t k = 0;
        for (size_t i = 0; i < diff->n; i++) {
            const struct cd_careplan_diff_entry *e = &diff->entries[i];
            if (e->change != change || !e->item)
                continue;
            cd_strbuf_addf(out, "%s%s", k++ ? ", " : "", e->item->key);
            if (change == CD_CAREPLAN_CHANGED) {
                cd_strbuf_add(out, " (");
                for (size_t f = 0; f < e->nfields; f++)
                    cd_strbuf_addf(out, "%s%s", f ? ", " : "", e->fields[f].field);
                cd_strbuf_add(out, ")");
            }
        }
    }
    for (size_t i = 0; i < diff->n; i++)
        if (!diff->entries[i].item)
            cd_strbuf_addf(out, "%snext review date %s", out->len > start ? "; " : "",
                           or_none(diff->entries[i].fields[0].after));
    return out->oom ? CD_ENOMEM : 0;
}

/* ---- save ---- */

static int conflict(struct cd_store *store, struct cd_careplan *plan, int current, int base,
                    struct cd_error *err)
{
    struct cd_careplan *cur = NULL;
    struct cd_error e2 = {0};
    if (cd_careplan_load(store, plan->patient_id, current, &cur, &e2))
        return cd_error_set(err, CD_ECONFLICT,
                            "the care plan was saved as version %d by someone else after you "
                            "opened version %d; your edits are kept: review version %d, merge "
                            "them and save again",
                            current, base, current);
    char local[20] = "";
    time_t t;
    if (cur->saved_at && !cd_instant_parse(cur->saved_at, &t, NULL))
        cd_instant_format_local(t, local);
    cd_error_set(err, CD_ECONFLICT,
                 "the care plan was saved as version %d by %s at %s after you opened version %d; "
                 "your edits are kept: review version %d, merge them and save again",
                 current, cur->saved_by ? cur->saved_by : "someone else", local, base, current);
    cd_careplan_free(cur);
    return CD_ECONFLICT;
}

static int insert_items(struct cd_store *store, const struct cd_careplan *plan, int64_t vid,
                        struct cd_error *err)
{
    for (size_t i = 0; i < plan->nitems; i++) {
        const struct cd_careplan_item *it = &plan->items[i];
        sqlite3_stmt *st = cd_db_stmt(store, SQL_NEW_ITEM, err);
        if (!st)
            return err ? err->code : CD_EIO;
        static const char *const names[NFIELDS] = {":text",        ":code",   ":target",
                                                   ":target_date", ":status", ":responsible",
                                                   ":dose",        ":route",  ":rec"};
        cd_db_bind_int(st, ":vid", vid);
        cd_db_bind_text(st, ":key", it->key);
        cd_db_bind_text(st, ":section", section_names[it->section]);
        cd_db_bind_int(st, ":pos", (int64_t)i);
        for (size_t f = 0; f < NFIELDS; f++)
            cd_db_bind_opt(st, names[f], item_cfield(it, f));
        int rc = cd_db_exec(store, st, err);
        cd_db_done(st);
        if (rc)
            return rc;
    }
    return 0;
}

static int save_tx(struct cd_store *store, struct cd_careplan *plan, int base, const char *summary,
                   char **summary_out, struct cd_error *err)
{
    int64_t plan_id;
    int current;
    int rc = plan_row(store, plan->patient_id, &plan_id, &current, err);
    if (rc)
        return rc;
    if (current != base)
        return conflict(store, plan, current, base, err);
    struct cd_careplan *old = NULL;
    if ((rc = cd_careplan_load(store, plan->patient_id, base, &old, err)))
        return rc;
    struct cd_careplan_diff diff;
    struct cd_strbuf sb = CD_STRBUF_INIT;
    if ((rc = cd_careplan_diff(old, plan, &diff, err))) {
        cd_careplan_free(old);
        return rc;
    }
    if (diff.n == 0)
        rc = cd_error_set(err, CD_EINVAL, "nothing to save: the plan is the same as version %d",
                          base);
    else if (summary && *summary)
        cd_strbuf_add(&sb, summary);
    else
        cd_careplan_diff_summary(&diff, &sb);
    cd_careplan_diff_free(&diff);
    cd_careplan_free(old);
    if (!rc && sb.oom)
        rc = cd_error_set(err, CD_ENOMEM, "out of memory");
    char at[CD_INSTANT_LEN];
    cd_instant_format(cd_clock_now(), at);
    sqlite3_stmt *st;
    if (!rc && !plan_id) {
        if (!(st = cd_db_stmt(store, SQL_NEW_PLAN, err)))
            rc = err ? err->code : CD_EIO;
        if (!rc) {
            cd_db_bind_int(st, ":pid", plan->patient_id);
            cd_db_bind_text(st, ":at", at);
            rc = cd_db_exec(store, st, err);
            cd_db_done(st);
            plan_id = cd_db_last_id(store);
        }
    }
    int64_t vid = 0;
    if (!rc) {
        if (!(st = cd_db_stmt(store, SQL_NEW_VERSION, err)))
            rc = err ? err->code : CD_EIO;
        if (!rc) {
            cd_db_bind_int(st, ":plan", plan_id);
            cd_db_bind_int(st, ":version", base + 1);
            cd_db_bind_text(st, ":at", at);
            cd_db_bind_id(st, ":by", cd_store_actor(store));
            cd_db_bind_text(st, ":summary", cd_strbuf_str(&sb));
            cd_db_bind_opt(st, ":review", plan->next_review);
            rc = cd_db_exec(store, st, err);
            cd_db_done(st);
            vid = cd_db_last_id(store);
        }
    }
    if (!rc)
        rc = insert_items(store, plan, vid, err);
    if (!rc) {
        if (!(st = cd_db_stmt(store, SQL_SET_CURRENT, err)))
            rc = err ? err->code : CD_EIO;
        if (!rc) {
            cd_db_bind_int(st, ":plan", plan_id);
            cd_db_bind_int(st, ":version", base + 1);
            cd_db_bind_int(st, ":base", base);
            cd_db_bind_text(st, ":at", at);
            rc = cd_db_exec(store, st, err);
            cd_db_done(st);
            if (!rc && cd_db_changes(store) != 1)
                rc = conflict(store, plan, base + 1, base, err);
        }
    }
    if (!rc) {
        char detail[64];
        snprintf(detail, sizeof detail, "version %d", base + 1);
        rc = cd_audit_log(store, "care_plan", plan_id, "save", detail, err);
    }
    if (!rc) {
        plan->plan_id = plan_id;
        *summary_out = cd_strbuf_take(&sb);
    }
    cd_strbuf_free(&sb);
    return rc;
}

int cd_careplan_save(struct cd_store *store, struct cd_careplan *plan, int base_version,
                     const char *summary, struct cd_error *err)
{
    char *made = NULL;
    int rc = cd_store_begin(store, err);
    if (rc)
        return rc;
    rc = save_tx(store, plan, base_version, summary, &made, err);
    if (!rc)
        rc = cd_store_commit(store, err);
    if (rc) {
        cd_store_rollback(store);
        free(made);
        return rc;
    }
    char at[CD_INSTANT_LEN];
    struct cd_user u = {0};
    if (cd_user_get(store, cd_store_actor(store), &u, NULL))
        u.name[0] = '\0';
    free(plan->saved_at);
    free(plan->saved_by);
    free(plan->summary);
    plan->saved_at = cd_strdup(cd_instant_format(cd_clock_now(), at));
    plan->saved_by = u.name[0] ? cd_strdup(u.name) : NULL;
    plan->summary = made;
    plan->version = plan->current = base_version + 1;
    return 0;
}

int cd_careplan_history(struct cd_store *store, int64_t patient_id, struct cd_page *page,
                        struct cd_error *err)
{
    sqlite3_stmt *st = cd_db_stmt(store, SQL_HISTORY, err);
    if (!st)
        return err ? err->code : CD_EIO;
    cd_db_bind_int(st, ":pid", patient_id);
    struct cd_page raw = CD_PAGE_INIT;
    int rc = cd_db_fill_page(store, st, &raw, err);
    cd_db_done(st);
    static const char *const cols[] = {"version", "saved_at",         "saved_by",
                                       "summary", "next_review_date", "items"};
    if (!rc && page->ncols == 0)
        rc = cd_page_set_columns(page, 6, cols);
    /* saved_at in the clinic's zone, as the people who saved it saw the clock */
    for (size_t r = 0; !rc && r < raw.nrows; r++) {
        const char *v[6];
        char local[20] = "";
        time_t t;
        for (size_t c = 0; c < 6; c++)
            v[c] = cd_page_get(&raw, r, c);
        if (v[1] && !cd_instant_parse(v[1], &t, NULL))
            v[1] = cd_instant_format_local(t, local);
        rc = cd_page_add_row(page, v);
    }
    cd_page_free(&raw);
    return rc;
}

/* ---- review tasks ---- */

static int review_task(struct cd_store *store, int64_t plan_id, int64_t pid, const char *date,
                       int64_t coord, int *created, struct cd_error *err)
{
    int day;
    if (cd_date_parse(date, &day, NULL))
        return cd_error_set(err, CD_EINVAL,
                            "care plan %lld: next_review_date '%.20s' is not a date",
                            (long long)plan_id, date);
    char key[64], title[64];
    snprintf(key, sizeof key, "careplan_review:%lld:%s", (long long)plan_id, date);
    snprintf(title, sizeof title, "Care plan review due %s", date);
    /* due by the end of the review day in the clinic; the key makes it once per review date */
    struct cd_task_in in = {.patient_id = pid,
                            .kind = "careplan_review",
                            .title = title,
                            .due_at = cd_local_to_instant(day + 1, 0, 0, 0) - 1,
                            .due_day = day,
                            .assignee_id = coord,
                            .gen_key = key};
    int64_t id;
    int made = 0;
    int rc = cd_task_create(store, &in, &id, &made, err);
    *created += made;
    return rc;
}

int cd_careplan_generate_reviews(struct cd_store *store, int today, int *created,
                                 struct cd_error *err)
{
    int n = 0;
    char day[CD_DATE_LEN];
    struct cd_page due = CD_PAGE_INIT;
    sqlite3_stmt *st = cd_db_stmt(store, SQL_DUE_REVIEWS, err);
    if (!st)
        return err ? err->code : CD_EIO;
    cd_db_bind_text(st, ":today", cd_date_format(today, day));
    int rc = cd_db_fill_page(store, st, &due, err);
    cd_db_done(st);
    if (!rc)
        rc = cd_store_begin(store, err);
    if (rc) {
        cd_page_free(&due);
        return rc;
    }
    for (size_t r = 0; !rc && r < due.nrows; r++)
        rc = review_task(store, cd_page_int(&due, r, "id"), cd_page_int(&due, r, "patient_id"),
                         cd_page_str(&due, r, "next_review_date"),
                         cd_page_int(&due, r, "coordinator_id"), &n, err);
    if (!rc)
        rc = cd_store_commit(store, err);
    if (rc)
        cd_store_rollback(store);
    cd_page_free(&due);
    if (!rc && created)
        *created = n;
    return rc;
}
