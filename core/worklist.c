/* SPDX-License-Identifier: MIT */
/* The daily call list: the rows of a scope, ranked by the rule of worklist_rule.c, one row per task
 * or per patient. */
#include "config.h"
#include "core/worklist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/clock.h"
#include "core/base/strbuf.h"
#include "core/billing.h"
#include "core/calendar.h"
#include "core/enrollment.h"
#include "core/store/db.h"
#include "core/task.h"
#include "core/timeentry_sql.h"

#define CCM_PROGRAMS CD_SQL_CARE_PROGRAMS

/* The columns every scope reads, and the joins; the scope supplies the task ids (w.id). */
#define WL_SELECT                                                                                  \
    "SELECT t.id, t.kind, t.title, t.due_at, t.due_date, t.patient_id, p.mrn, "                    \
    "p.family_name || ', ' || p.given_name, p.phone, p.risk_tier, ua.login, uc.login, "            \
    "t.claimed_at, t.attempts_satisfied, e.discharge_date, "                                       \
    "(SELECT m.program FROM enrollments m WHERE m.patient_id = t.patient_id "                      \
    "  AND m.program IN " CCM_PROGRAMS " AND m.status = 'active' "                                 \
    "  ORDER BY m.program = 'ccm_complex' DESC, m.program = 'ccm' DESC LIMIT 1), "                 \
    "(SELECT m.program FROM enrollments m WHERE m.patient_id = t.patient_id "                      \
    "  AND m.status = 'active' ORDER BY m.program LIMIT 1), " CD_SQL_MONTH_SECONDS(                \
        "t.patient_id") ", "                                                                       \
                        "CASE WHEN t.kind = 'tcm_contact' AND e.discharge_at IS NOT NULL THEN "    \
                        "(SELECT count(*) "                                                        \
                        "  FROM contacts c WHERE c.patient_id = t.patient_id AND c.at >= "         \
                        "e.discharge_at) "                                                         \
                        "  ELSE (SELECT count(*) FROM contacts c WHERE c.task_id = t.id) END, "    \
                        "t.team "                                                                  \
                        "FROM ("
#define WL_JOINS                                                                                   \
    ") AS w JOIN tasks t ON t.id = w.id JOIN patients p ON p.id = t.patient_id "                   \
    "LEFT JOIN users ua ON ua.id = t.assignee_id LEFT JOIN users uc ON uc.id = t.claimed_by "      \
    "LEFT JOIN encounters e ON e.id = t.encounter_id"
/* On the list: what is due by today, and TCM work from the discharge on (the call and the visit
 * booking should not wait for their deadlines). */
#define WL_TCM "kind IN ('tcm_contact', 'tcm_visit')"
#define WL_DUE "(due_date <= :today OR " WL_TCM ")"
/* Mine: assigned to me (tasks_open_assignee), or claimed by me today (tasks_open_claimed). */
#define WL_MINE                                                                                    \
    "SELECT id FROM tasks WHERE status = 'open' AND assignee_id = :user AND due_date <= :today "   \
    "UNION SELECT id FROM tasks WHERE status = 'open' AND assignee_id = :user "                    \
    "AND due_date > :today AND " WL_TCM " "                                                        \
    "UNION SELECT id FROM tasks WHERE status = 'open' AND claimed_by = :user "                     \
    "AND claimed_at >= :day_start AND " WL_DUE
#define WL_TEAM                                                                                    \
    "SELECT id FROM tasks WHERE status = 'open' AND " WL_DUE " AND (assignee_id IN "               \
    "(SELECT u.id FROM users u WHERE u.team = :team) OR (assignee_id IS NULL AND team = :team))"
/* Everyone (tasks_open_due) */
#define WL_ALL                                                                                     \
    "SELECT id FROM tasks WHERE status = 'open' AND due_date <= :today UNION ALL "                 \
    "SELECT id FROM tasks WHERE status = 'open' AND due_date > :today AND " WL_TCM

/* TCM intake: the tcm team's tasks (waiting in its queue or taken from it) and the TCM tasks
 * nobody is assigned, whatever their team: the discharges a scheduler takes in. */
#define WL_TCM_INTAKE                                                                              \
    "SELECT id FROM tasks WHERE status = 'open' AND due_date <= :today "                           \
    "AND (team = 'tcm' OR (assignee_id IS NULL AND " WL_TCM ")) UNION ALL "                        \
    "SELECT id FROM tasks WHERE status = 'open' AND due_date > :today AND " WL_TCM " "             \
    "AND (team = 'tcm' OR assignee_id IS NULL)"

static const char SQL_MINE[] = WL_SELECT WL_MINE WL_JOINS;
static const char SQL_TEAM[] = WL_SELECT WL_TEAM WL_JOINS;
static const char SQL_ALL[] = WL_SELECT WL_ALL WL_JOINS;
static const char SQL_TCM_INTAKE[] = WL_SELECT WL_TCM_INTAKE WL_JOINS;

enum col {
    C_ID,
    C_KIND,
    C_TITLE,
    C_DUE_AT,
    C_DUE_DATE,
    C_PATIENT,
    C_MRN,
    C_NAME,
    C_PHONE,
    C_RISK,
    C_ASSIGNEE,
    C_CLAIMER,
    C_CLAIMED_AT,
    C_SATISFIED,
    C_DISCHARGE,
    C_CCM,
    C_PROGRAM,
    C_SECONDS,
    C_ATTEMPTS,
    C_TEAM,
    C_COUNT
};

static const char SQL_PATIENT_MINUTES[] =
    "SELECT (SELECT m.program FROM enrollments m WHERE m.patient_id = :pid "
    "  AND m.program IN " CCM_PROGRAMS " AND m.status = 'active' "
    "  ORDER BY m.program = 'ccm_complex' DESC, m.program = 'ccm' DESC LIMIT "
    "1), " CD_SQL_MONTH_SECONDS(":pid");

/* ---- the list ---- */

static const char *scope_sql(enum cd_worklist_scope scope)
{
    switch (scope) {
    case CD_WORKLIST_MINE: return SQL_MINE;
    case CD_WORKLIST_TEAM: return SQL_TEAM;
    case CD_WORKLIST_TCM: return SQL_TCM_INTAKE;
    default: return SQL_ALL;
    }
}

int cd_worklist_check_filter(const char *program, const char *kind, struct cd_error *err)
{
    static const char *const programs[] = {"tcm",  "ccm",          "ccm_complex", "pcm",
                                           "apcm", "coordination", NULL};
    static const char *const kinds[] = {"tcm_contact",     "tcm_visit", "ccm_outreach",
                                        "careplan_review", "callback",  "followup",
                                        "referral",        "other",     NULL};
    const char *const *p;
    if (program && *program) {
        for (p = programs; *p && strcmp(*p, program); p++)
            ;
        if (!*p)
            return cd_error_set(err, CD_EINVAL,
                                "program: '%.40s' is not tcm, ccm, ccm_complex, pcm, apcm or "
                                "coordination",
                                program);
    }
    if (kind && *kind) {
        for (p = kinds; *p && strcmp(*p, kind); p++)
            ;
        if (!*p)
            return cd_error_set(err, CD_EINVAL,
                                "kind: '%.40s' is not tcm_contact, tcm_visit, ccm_outreach, "
                                "careplan_review, callback, followup, referral or other",
                                kind);
    }
    return 0;
}

/* Case-insensitive (ASCII) substring. */
static bool contains(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; hay && *hay; hay++) {
        size_t i = 0;
        while (i < n && hay[i]) {
            char a = hay[i], b = needle[i];
            if (a >= 'A' && a <= 'Z')
                a = (char)(a + 32);
            if (b >= 'A' && b <= 'Z')
                b = (char)(b + 32);
            if (a != b)
                break;
            i++;
        }
        if (i == n)
            return true;
    }
    return n == 0;
}

struct row {
    struct cd_worklist_item it;
    size_t raw; /* its row in the raw page */
};

static int row_cmp(const void *a, const void *b)
{
    return cd_worklist_compare(&((const struct row *)a)->it, &((const struct row *)b)->it);
}

static const char *row_program(const struct cd_page *raw, size_t r)
{
    const char *kind = cd_page_get(raw, r, C_KIND);
    if (strncmp(kind, "tcm_", 4) == 0)
        return "tcm";
    const char *ccm = cd_page_get(raw, r, C_CCM);
    if (ccm)
        return ccm;
    const char *any = cd_page_get(raw, r, C_PROGRAM);
    return any ? any : "";
}

static bool wanted(const struct cd_worklist_query *q, const struct cd_page *raw, size_t r)
{
    if (q->kind && *q->kind && strcmp(q->kind, cd_page_get(raw, r, C_KIND)) != 0)
        return false;
    if (q->program && *q->program && strcmp(q->program, row_program(raw, r)) != 0)
        return false;
    if (q->search && *q->search && !contains(cd_page_get(raw, r, C_NAME), q->search) &&
        !contains(cd_page_get(raw, r, C_MRN), q->search))
        return false;
    return true;
}

static int fetch_raw(struct cd_store *store, const struct cd_worklist_query *q,
                     const struct cd_worklist_clock *clk, struct cd_page *raw, struct cd_error *err)
{
    int rc;
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, scope_sql(q->scope), &st, err)))
        return rc;
    char today[CD_DATE_LEN], start[CD_INSTANT_LEN];
    cd_date_format(clk->today, today);
    char month[8];
    snprintf(month, sizeof month, "%.7s", today);
    cd_db_bind_text(st, ":today", today);
    cd_db_bind_text(st, ":month", month);
    if (q->scope == CD_WORKLIST_MINE) {
        cd_db_bind_int(st, ":user", q->user_id);
        cd_db_bind_text(st, ":day_start",
                        cd_instant_format(cd_local_to_instant(clk->today, 0, 0, 0), start));
    } else if (q->scope == CD_WORKLIST_TEAM) {
        cd_db_bind_text(st, ":team", q->team ? q->team : "");
    }
    rc = cd_db_fill_page(store, st, raw, err);
    cd_db_done(st);
    return rc;
}

static void item_of(const struct cd_page *raw, size_t r, struct cd_worklist_item *it)
{
    memset(it, 0, sizeof *it);
    it->task_id = strtoll(cd_page_get(raw, r, C_ID), NULL, 10);
    it->patient_id = strtoll(cd_page_get(raw, r, C_PATIENT), NULL, 10);
    it->name = cd_page_get(raw, r, C_NAME);
    it->kind = cd_page_get(raw, r, C_KIND);
    it->title = cd_page_get(raw, r, C_TITLE);
    if (cd_instant_parse(cd_page_get(raw, r, C_DUE_AT), &it->due_at, NULL))
        it->due_at = 0;
    if (cd_date_parse(cd_page_get(raw, r, C_DUE_DATE), &it->due_day, NULL))
        it->due_day = 0;
    it->risk = cd_worklist_risk(cd_page_get(raw, r, C_RISK));
    it->program = cd_page_get(raw, r, C_CCM);
    const char *secs = cd_page_get(raw, r, C_SECONDS);
    it->seconds = secs ? strtol(secs, NULL, 10) : 0;
    const char *dis = cd_page_get(raw, r, C_DISCHARGE);
    if (!dis || cd_date_parse(dis, &it->discharge_day, NULL))
        it->discharge_day = -1;
    it->attempts_satisfied = cd_page_get(raw, r, C_SATISFIED)[0] == '1';
}

static const char *assignee_of(const struct cd_page *raw, size_t r, char *queue, size_t size)
{
    const char *assignee = cd_page_get(raw, r, C_ASSIGNEE);
    const char *team = cd_page_get(raw, r, C_TEAM);
    if (!assignee && team) {
        snprintf(queue, size, "queue:%s", team);
        assignee = queue;
    }
    return assignee;
}

/* Today's claimer of raw row R, or NULL. */
static const char *claimer_of(const struct cd_page *raw, size_t r, const char *day_start)
{
    const char *claimed_at = cd_page_get(raw, r, C_CLAIMED_AT);
    return claimed_at && strcmp(claimed_at, day_start) >= 0 ? cd_page_get(raw, r, C_CLAIMER) : NULL;
}

static int add_out_row(struct cd_page *out, const struct cd_page *raw, const struct row *row,
                       size_t rank, const struct cd_worklist_clock *clk, const char *day_start)
{
    size_t r = row->raw;
    char rank_s[24], reason[256], urgency[8], queue[80];
    snprintf(rank_s, sizeof rank_s, "%zu", rank);
    snprintf(urgency, sizeof urgency, "%d", (int)row->it.when);
    cd_worklist_reason(&row->it, clk, reason, sizeof reason);
    const char *risk = cd_page_get(raw, r, C_RISK);
    const char *values[CD_WORKLIST_NCOLS] = {
        [CD_WORKLIST_COL_RANK] = rank_s,
        [CD_WORKLIST_COL_TASK_ID] = cd_page_get(raw, r, C_ID),
        [CD_WORKLIST_COL_DUE] = cd_page_get(raw, r, C_DUE_DATE),
        [CD_WORKLIST_COL_KIND] = cd_page_get(raw, r, C_KIND),
        [CD_WORKLIST_COL_REASON] = reason,
        [CD_WORKLIST_COL_MRN] = cd_page_get(raw, r, C_MRN),
        [CD_WORKLIST_COL_PATIENT] = cd_page_get(raw, r, C_NAME),
        [CD_WORKLIST_COL_PHONE] = cd_page_get(raw, r, C_PHONE),
        [CD_WORKLIST_COL_PROGRAM] = row_program(raw, r),
        [CD_WORKLIST_COL_RISK] = risk ? risk : "none",
        [CD_WORKLIST_COL_ATTEMPTS] = cd_page_get(raw, r, C_ATTEMPTS),
        [CD_WORKLIST_COL_ASSIGNEE] = assignee_of(raw, r, queue, sizeof queue),
        [CD_WORKLIST_COL_PATIENT_ID] = cd_page_get(raw, r, C_PATIENT),
        [CD_WORKLIST_COL_CLAIMED_BY] = claimer_of(raw, r, day_start),
        [CD_WORKLIST_COL_URGENCY] = urgency,
        [CD_WORKLIST_COL_TITLE] = cd_page_get(raw, r, C_TITLE),
    };
    return cd_page_add_row(out, values);
}

/* The rows of a query, filtered and ranked. */
struct ranked {
    struct cd_page raw;
    struct row *rows; /* in rank order */
    size_t n;
    struct cd_worklist_clock clk;
    char day_start[CD_INSTANT_LEN];
};

static void ranked_free(struct ranked *rk)
{
    free(rk->rows);
    cd_page_free(&rk->raw);
}

static int rank_rows(struct cd_store *store, const struct cd_worklist_query *q, struct ranked *rk,
                     struct cd_error *err)
{
    memset(rk, 0, sizeof *rk);
    rk->raw = (struct cd_page)CD_PAGE_INIT;
    int rc = cd_worklist_check_filter(q->program, q->kind, err);
    if (rc)
        return rc;
    struct cd_calendar cal = CD_CALENDAR_INIT;
    if ((rc = cd_calendar_load(store, &cal, err)))
        return rc;
    cd_worklist_clock_at(&cal, cd_clock_now(), &rk->clk);
    cd_calendar_free(&cal);
    cd_instant_format(cd_local_to_instant(rk->clk.today, 0, 0, 0), rk->day_start);
    if ((rc = fetch_raw(store, q, &rk->clk, &rk->raw, err)))
        return rc;
    rk->rows = calloc(rk->raw.nrows ? rk->raw.nrows : 1, sizeof *rk->rows);
    if (!rk->rows)
        return cd_error_set(err, CD_ENOMEM, "out of memory");
    for (size_t r = 0; r < rk->raw.nrows; r++) {
        if (!wanted(q, &rk->raw, r))
            continue;
        struct row *row = &rk->rows[rk->n++];
        item_of(&rk->raw, r, &row->it);
        row->raw = r;
        cd_worklist_classify(&row->it, &rk->clk);
    }
    qsort(rk->rows, rk->n, sizeof *rk->rows, row_cmp);
    return 0;
}

int cd_worklist_list(struct cd_store *store, const struct cd_worklist_query *q,
                     struct cd_page *page, struct cd_error *err)
{
    static const char *const names[] = {CD_WORKLIST_COLUMNS(CD_PAGE_COL_NAME)};
    struct ranked rk;
    int rc = rank_rows(store, q, &rk, err);
    if (!rc && cd_page_set_columns(page, q->screen ? CD_WORKLIST_NCOLS : CD_WORKLIST_COL_PATIENT_ID,
                                   names))
        rc = cd_error_set(err, CD_ENOMEM, "out of memory");
    for (size_t i = 0; !rc && i < rk.n; i++)
        if (add_out_row(page, &rk.raw, &rk.rows[i], i + 1, &rk.clk, rk.day_start))
            rc = cd_error_set(err, CD_ENOMEM, "out of memory");
    ranked_free(&rk);
    return rc;
}

/* ---- one row per patient ---- */

/* A job by its patient and rank, to gather each patient's jobs. */
struct job_ref {
    int64_t patient_id;
    size_t rank; /* index into ranked.rows */
};

/* A patient's jobs: refs[start .. start+count), most urgent first. */
struct patient_jobs {
    size_t start, count, top; /* top: the rank of the most urgent */
};

static int ref_cmp(const void *a, const void *b)
{
    const struct job_ref *x = a, *y = b;
    if (x->patient_id != y->patient_id)
        return x->patient_id < y->patient_id ? -1 : 1;
    return (x->rank > y->rank) - (x->rank < y->rank);
}

static int top_cmp(const void *a, const void *b)
{
    size_t x = ((const struct patient_jobs *)a)->top, y = ((const struct patient_jobs *)b)->top;
    return (x > y) - (x < y);
}

static int add_patient_row(struct cd_page *out, const struct ranked *rk, const struct job_ref *idx,
                           const struct patient_jobs *pj, size_t rank, size_t first,
                           struct cd_worklist_item *its)
{
    const struct row *top = &rk->rows[pj->top];
    size_t r = top->raw;
    struct cd_strbuf ids = CD_STRBUF_INIT;
    const char *claimer = NULL;
    for (size_t k = 0; k < pj->count; k++) {
        const struct row *row = &rk->rows[idx[pj->start + k].rank];
        its[k] = row->it;
        cd_strbuf_addf(&ids, "%s%s", k ? "," : "", cd_page_get(&rk->raw, row->raw, C_ID));
        if (!claimer)
            claimer = claimer_of(&rk->raw, row->raw, rk->day_start);
    }
    char rank_s[24], jobs[24], first_s[24], urgency[8], reason[512], queue[80];
    snprintf(rank_s, sizeof rank_s, "%zu", rank);
    snprintf(jobs, sizeof jobs, "%zu", pj->count);
    snprintf(first_s, sizeof first_s, "%zu", first);
    snprintf(urgency, sizeof urgency, "%d", (int)top->it.when);
    cd_worklist_patient_reason(its, pj->count, &rk->clk, reason, sizeof reason);
    const char *risk = cd_page_get(&rk->raw, r, C_RISK);
    const char *values[CD_WORKLIST_PCOLS] = {
        [CD_WORKLIST_PCOL_RANK] = rank_s,
        [CD_WORKLIST_PCOL_MRN] = cd_page_get(&rk->raw, r, C_MRN),
        [CD_WORKLIST_PCOL_PATIENT] = cd_page_get(&rk->raw, r, C_NAME),
        [CD_WORKLIST_PCOL_PHONE] = cd_page_get(&rk->raw, r, C_PHONE),
        [CD_WORKLIST_PCOL_RISK] = risk ? risk : "none",
        [CD_WORKLIST_PCOL_JOB] = cd_worklist_marker(top->it.kind),
        [CD_WORKLIST_PCOL_JOBS] = jobs,
        [CD_WORKLIST_PCOL_DUE] = cd_page_get(&rk->raw, r, C_DUE_DATE),
        [CD_WORKLIST_PCOL_REASON] = reason,
        [CD_WORKLIST_PCOL_PROGRAM] = row_program(&rk->raw, r),
        [CD_WORKLIST_PCOL_ASSIGNEE] = assignee_of(&rk->raw, r, queue, sizeof queue),
        [CD_WORKLIST_PCOL_TASK_IDS] = ids.oom ? "" : cd_strbuf_str(&ids),
        [CD_WORKLIST_PCOL_PATIENT_ID] = cd_page_get(&rk->raw, r, C_PATIENT),
        [CD_WORKLIST_PCOL_FIRST] = first_s,
        [CD_WORKLIST_PCOL_URGENCY] = urgency,
        [CD_WORKLIST_PCOL_CLAIMED_BY] = claimer,
    };
    int rc = ids.oom ? -1 : cd_page_add_row(out, values);
    cd_strbuf_free(&ids);
    return rc;
}

int cd_worklist_patients(struct cd_store *store, const struct cd_worklist_query *q,
                         struct cd_page *patients, struct cd_page *jobs, struct cd_error *err)
{
    static const char *const pnames[] = {CD_WORKLIST_PATIENT_COLUMNS(CD_PAGE_COL_NAME)};
    static const char *const jnames[] = {CD_WORKLIST_COLUMNS(CD_PAGE_COL_NAME)};
    struct ranked rk;
    int rc = rank_rows(store, q, &rk, err);
    struct job_ref *idx = NULL;
    size_t np = 0;
    struct patient_jobs *pj = NULL;
    struct cd_worklist_item *its = NULL;
    if (!rc) {
        idx = malloc((rk.n ? rk.n : 1) * sizeof *idx);
        pj = malloc((rk.n ? rk.n : 1) * sizeof *pj);
        its = malloc((rk.n ? rk.n : 1) * sizeof *its);
        if (!idx || !pj || !its)
            rc = cd_error_set(err, CD_ENOMEM, "out of memory");
    }
    if (!rc) {
        /* each patient's jobs together, in rank order; then the patients by their first */
        for (size_t i = 0; i < rk.n; i++)
            idx[i] = (struct job_ref){.patient_id = rk.rows[i].it.patient_id, .rank = i};
        qsort(idx, rk.n, sizeof *idx, ref_cmp);
        for (size_t i = 0; i < rk.n; i++) {
            if (i == 0 || idx[i].patient_id != idx[i - 1].patient_id)
                pj[np++] = (struct patient_jobs){.start = i, .top = idx[i].rank};
            pj[np - 1].count++;
        }
        qsort(pj, np, sizeof *pj, top_cmp);
        if (cd_page_set_columns(
                patients, q->screen ? CD_WORKLIST_PCOLS : CD_WORKLIST_PCOL_PATIENT_ID, pnames) ||
            (jobs && cd_page_set_columns(jobs, CD_WORKLIST_NCOLS, jnames)))
            rc = cd_error_set(err, CD_ENOMEM, "out of memory");
    }
    size_t first = 0;
    for (size_t p = 0; !rc && p < np; p++) {
        if (add_patient_row(patients, &rk, idx, &pj[p], p + 1, first, its))
            rc = cd_error_set(err, CD_ENOMEM, "out of memory");
        for (size_t k = 0; !rc && jobs && k < pj[p].count; k++) {
            size_t i = idx[pj[p].start + k].rank;
            if (add_out_row(jobs, &rk.raw, &rk.rows[i], i + 1, &rk.clk, rk.day_start))
                rc = cd_error_set(err, CD_ENOMEM, "out of memory");
        }
        first += pj[p].count;
    }
    free(its);
    free(pj);
    free(idx);
    ranked_free(&rk);
    return rc;
}

int cd_worklist_plan(struct cd_store *store, enum cd_worklist_scope scope, struct cd_page *page,
                     struct cd_error *err)
{
    struct cd_strbuf sql = CD_STRBUF_INIT;
    cd_strbuf_addf(&sql, "EXPLAIN QUERY PLAN %s", scope_sql(scope));
    if (sql.oom)
        return cd_error_set(err, CD_ENOMEM, "out of memory");
    struct cd_stmt *st = NULL;
    int rc = cd_db_prepare(store, cd_strbuf_str(&sql), &st, err);
    cd_strbuf_free(&sql);
    if (rc)
        return rc;
    rc = cd_db_fill_page(store, st, page, err);
    cd_db_finalize(st);
    return rc;
}

int cd_worklist_patient_minutes(struct cd_store *store, int64_t patient_id,
                                struct cd_worklist_minutes *out, struct cd_error *err)
{
    int rc;
    memset(out, 0, sizeof *out);
    struct cd_stmt *st;
    if ((rc = cd_db_stmt(store, SQL_PATIENT_MINUTES, &st, err)))
        return rc;
    char today[CD_DATE_LEN], month[8];
    cd_date_format(cd_clock_today(), today);
    snprintf(month, sizeof month, "%.7s", today);
    cd_db_bind_int(st, ":pid", patient_id);
    cd_db_bind_text(st, ":month", month);
    rc = cd_db_step(store, st, err);
    if (rc == 1) {
        const char *program = cd_db_col_text(st, 0);
        snprintf(out->program, sizeof out->program, "%s", program ? program : "");
        out->seconds = (long)cd_db_col_int(st, 1);
        out->threshold = cd_billing_first_minutes(program, "clinical_staff");
        rc = 0;
    }
    cd_db_done(st);
    return rc;
}

void cd_worklist_tcm_figures(const struct cd_page *jobs, struct cd_worklist_tcm_figures *out)
{
    *out = (struct cd_worklist_tcm_figures){0};
    for (size_t r = 0; r < jobs->nrows; r++) {
        int64_t when = cd_page_cell_int(jobs, r, CD_WORKLIST_COL_URGENCY);
        const char *kind = cd_page_cell(jobs, r, CD_WORKLIST_COL_KIND);
        bool contact = strcmp(kind, "tcm_contact") == 0, visit = strcmp(kind, "tcm_visit") == 0;
        out->overdue += (contact || visit) && when == CD_WORKLIST_OVERDUE;
        out->calls_due += contact && (when == CD_WORKLIST_OVERDUE || when == CD_WORKLIST_DUE_TODAY);
        out->visits += visit;
    }
}
