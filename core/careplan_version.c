/* SPDX-License-Identifier: MIT */
/* The care plan's versions: loading one, saving the edited copy as the next version (refused
 * when someone saved in between) and the list of versions. */
#include "config.h"
#include "core/careplan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/careplan_impl.h"
#include "core/store/audit.h"
#include "core/store/db.h"
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

static int load_items(struct cd_store *store, struct cd_careplan *plan, int64_t vid,
                      struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_ITEMS, &st, err)))
        return rc;
    cd_db_bind_int(st, ":vid", vid);

    while ((rc = cd_db_step(store, st, err)) == 1) {
        struct cd_careplan_item *it = careplan_insert_slot(plan, plan->nitems);
        if (!it) {
            rc = cd_error_set(err, CD_ENOMEM, "out of memory loading the care plan");
            break;
        }
        it->key = cd_db_col_dup(st, 0);
        it->section = cd_careplan_section_parse(cd_db_col_text(st, 1));
        for (size_t f = 0; f < CAREPLAN_NFIELDS; f++)
            *careplan_item_field(it, f) = cd_db_col_dup(st, (int)f + 2);
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
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_KEYS, &st, err)))
        return rc;
    cd_db_bind_int(st, ":plan", plan->plan_id);

    while ((rc = cd_db_step(store, st, err)) == 1)
        careplan_note_key(plan, cd_db_col_text(st, 0));
    cd_db_done(st);
    return rc;
}

/* The plan row of PATIENT_ID: *PLAN_ID 0 when there is none. */
static int plan_row(struct cd_store *store, int64_t patient_id, int64_t *plan_id, int *current,
                    struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_PLAN, &st, err)))
        return rc;
    cd_db_bind_int(st, ":pid", patient_id);
    rc = cd_db_step(store, st, err);
    *plan_id = 0;
    *current = 0;
    if (rc == 1) {
        *plan_id = cd_db_col_int(st, 0);
        *current = cd_db_col_int(st, 1);
        rc = 0;
    }
    cd_db_done(st);
    return rc;
}

/* Version VERSION's id and header into PLAN. */
static int version_row(struct cd_store *store, struct cd_careplan *plan, int version, int64_t *vid,
                       struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_VERSION, &st, err)))
        return rc;
    cd_db_bind_int(st, ":plan", plan->plan_id);
    cd_db_bind_int(st, ":version", version);
    rc = cd_db_step(store, st, err);
    if (rc == 1) {
        *vid = cd_db_col_int(st, 0);
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
    int rc;
    for (size_t i = 0; i < plan->nitems; i++) {
        const struct cd_careplan_item *it = &plan->items[i];
        struct cd_stmt *st;
        if ((rc = cd_db_stmt(store, SQL_NEW_ITEM, &st, err)))
            return rc;
        static const char *const names[CAREPLAN_NFIELDS] = {
            ":text",        ":code", ":target", ":target_date", ":status",
            ":responsible", ":dose", ":route",  ":rec"};
        cd_db_bind_int(st, ":vid", vid);
        cd_db_bind_text(st, ":key", it->key);
        cd_db_bind_text(st, ":section", cd_careplan_section_name(it->section));
        cd_db_bind_int(st, ":pos", (int64_t)i);
        for (size_t f = 0; f < CAREPLAN_NFIELDS; f++)
            cd_db_bind_opt(st, names[f], careplan_item_cfield(it, f));
        rc = cd_db_exec(store, st, err);
        cd_db_done(st);
        if (rc)
            return rc;
    }
    return 0;
}

/* Save PLAN on *BASE inside the caller's transaction. When someone saved a newer version: with
 * REBASE, PLAN's changes move onto it (careplan_rebase_clean) and *BASE becomes it; without, the
 * save is refused for the caller to merge. */
static int save_tx(struct cd_store *store, struct cd_careplan *plan, int *basep, bool rebase,
                   const char *summary, char **summary_out, struct cd_error *err)
{
    int64_t plan_id;
    int current, base = *basep;
    int rc = plan_row(store, plan->patient_id, &plan_id, &current, err);
    if (rc)
        return rc;
    if (current != base && !rebase)
        return conflict(store, plan, current, base, err);
    if (current != base) {
        /* this transaction holds the write lock: nobody can save in between, no retry needed */
        if ((rc = careplan_rebase_clean(store, plan, base, current, err)))
            return rc;
        *basep = base = current;
    }
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
    struct cd_stmt *st;
    if (!rc && !plan_id) {
        if (!(rc = cd_db_stmt(store, SQL_NEW_PLAN, &st, err))) {
            cd_db_bind_int(st, ":pid", plan->patient_id);
            cd_db_bind_text(st, ":at", at);
            rc = cd_db_exec(store, st, err);
            cd_db_done(st);
            plan_id = cd_db_last_id(store);
        }
    }
    int64_t vid = 0;
    if (!rc) {
        if (!(rc = cd_db_stmt(store, SQL_NEW_VERSION, &st, err))) {
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
        if (!(rc = cd_db_stmt(store, SQL_SET_CURRENT, &st, err))) {
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
    return careplan_save(store, plan, base_version, false, summary, err);
}

int careplan_save(struct cd_store *store, struct cd_careplan *plan, int base_version, bool rebase,
                  const char *summary, struct cd_error *err)
{
    char *made = NULL;
    int rc = cd_store_begin(store, err);
    if (rc)
        return rc;
    rc = save_tx(store, plan, &base_version, rebase, summary, &made, err);
    rc = cd_store_finish(store, rc, err);
    if (rc) {
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
    struct cd_page raw = CD_PAGE_INIT;
    int rc = cd_db_query_page(store, SQL_HISTORY, ":pid", patient_id, NULL, NULL, &raw, err);
    static const char *const cols[] = {CD_CAREPLAN_HISTORY_COLUMNS(CD_PAGE_COL_NAME)};
    if (!rc) /* the query's own names are the page's */
        CD_PAGE_ASSERT_COLUMNS(&raw, CD_CAREPLAN_HISTORY_COLUMNS);
    if (!rc && page->ncols == 0)
        rc = cd_page_set_columns(page, CD_CAREPLAN_HISTORY_NCOLS, cols);
    /* saved_at in the clinic's zone, as the people who saved it saw the clock */
    for (size_t r = 0; !rc && r < raw.nrows; r++) {
        const char *v[CD_CAREPLAN_HISTORY_NCOLS];
        char local[20] = "";
        time_t t;
        for (size_t c = 0; c < CD_CAREPLAN_HISTORY_NCOLS; c++)
            v[c] = cd_page_get(&raw, r, c);
        const char *saved = v[CD_CAREPLAN_HISTORY_COL_SAVED_AT];
        if (saved && !cd_instant_parse(saved, &t, NULL))
            v[CD_CAREPLAN_HISTORY_COL_SAVED_AT] = cd_instant_format_local(t, local);
        rc = cd_page_add_row(page, v);
    }
    cd_page_free(&raw);
    return rc;
}
